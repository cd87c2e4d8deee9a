/**
 * The Word, calendar and spreadsheet exports from the app, in Chromium against the browser build: the
 * docx and ical.js writers load on first use inside the browser bundle, and the downloaded files are read
 * back in Node by readers we did not write (mammoth, ical.js, papaparse). The calendar's note (what it left
 * out) is shown to the user.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { exampleRows, seed } from './seed';
import { BriefingPage } from './pages/BriefingPage';

const EXAMPLE_ID = '014c2507-a400-7000-8000-000000000009';
const TITLE = 'International Cooperation on Countering Modern Threats and Challenges';

async function exportAs(page: Page, label: string): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export as…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as…' });
  await dialog.getByRole('radio', { name: new RegExp(`^${label.replace(/[().]/g, '\\$&')}`) }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  await expect(dialog).toBeHidden();
  return readFile(await file.path());
}

test.beforeEach(async ({ page }) => {
  await page.goto('./#/briefings');
  await expect(page.getByRole('heading', { level: 1, name: 'Briefings' })).toBeVisible();
  await seed(page, exampleRows());
});

test('a briefing as Word: the docx writer runs in the browser, and mammoth reads its headings and speakers', async ({ page }) => {
  const b = new BriefingPage(page);
  await b.open(EXAMPLE_ID);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const bytes = await exportAs(page, 'Word (.docx)');
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  expect(html).toContain(`<h1>${TITLE}</h1>`);
  for (const name of ['Rustam Nazarzoda', 'Ashita Mittal', 'Shahnoza Anvar Nodiri']) expect(html).toContain(`<h3>${name}</h3>`);
  expect(html).toContain('Over 12 tons of drugs were seized');
});

test('the tracker as a calendar and a spreadsheet: open follow-ups by UID, the month-only event named in a note', async ({ page }) => {
  await page.goto('./#/followups');
  await expect(page.getByRole('heading', { level: 1, name: /Follow-ups/ })).toBeVisible();
  const ics = (await exportAs(page, 'Calendar (.ics)')).toString('utf8');
  const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  expect(cal.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).toEqual(['014c2507-a400-7000-8000-00000000001e']);
  expect(cal.getAllSubcomponents('vtodo').length).toBeGreaterThan(0);
  await expect(page.getByText('Not in the calendar: “Ninth MoU meeting (Central Asia, Russia, Azerbaijan, AKDN)” — its date is only May 2015.')).toBeVisible();

  const csv = await exportAs(page, 'Spreadsheet (CSV)');
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = Papa.parse<Record<string, string>>(csv.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows.map((r) => r.Title)).toContain('High Level International Conference on Counter Narcotic Cooperation');
  expect(rows.every((r) => r.Status === 'Open' || r.Status === 'In progress')).toBe(true);
});
