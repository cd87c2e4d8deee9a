/**
 * The reporting cable from the app (issue 14 point 1), in Chromium against the browser build: "Export as…" on
 * the briefing (reading and editing views) downloads the plain-text cable and the cable PDF (pdfmake and the
 * bundled fonts load inside the browser), with the letterhead set in Settings → Documents; the tracker's menu
 * offers what the export registry offers for the tracker, and nothing is saved when there is nothing to export.
 * The PDF is read back with poppler. Screenshots of the menu and the Settings section go to /tmp/cable.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatsFor } from '../../src-renderer/src/core/export/formats';
import { seriousViolations } from './axe';
import { pagesText } from './pack-pdf';
import { briefingRow, exampleRows, seed, statementRow } from './seed';
import { BriefingPage } from './pages/BriefingPage';

const EXAMPLE_ID = '014c2507-a400-7000-8000-000000000009';
const TITLE = 'International Cooperation on Countering Modern Threats and Challenges';
const SHOTS = '/tmp/cable';

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Export as…' });

async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const dialog = dialogOf(page);
  const pending = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await pending;
  await expect(dialog).toBeHidden();
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test.beforeEach(async ({ page }) => {
  await page.goto('./#/briefings');
  await expect(page.getByRole('heading', { level: 1, name: 'Briefings' })).toBeVisible();
  await seed(page, exampleRows());
});

test('Settings → Documents sets the letterhead; the briefing exports a cable with it, by keyboard', async ({ page }) => {
  await page.goto('./#/settings?focus=documents');
  const section = page.getByRole('region', { name: 'Documents' });
  await expect(section).toBeVisible();
  await section.getByLabel('Mission', { exact: true }).fill('Embassy of Ruritania, Dushanbe');
  await section.getByLabel('To', { exact: true }).fill('Ministry of Foreign Affairs\nCentral Asia Department');
  await section.getByLabel('Info', { exact: true }).fill('Ruritanian Mission to the UN, Vienna');
  // A bad width is refused where it is typed, and nothing of it is stored.
  await section.getByLabel('Line width').fill('20');
  await expect(section.getByText('The cable’s line width is a whole number from 40 to 132')).toBeVisible();
  await section.getByLabel('Line width').fill('60');
  await section.getByLabel('RESTRICTED', { exact: true }).fill('R/MISSION');
  await section.getByLabel('Line width').blur();
  await expect(section.getByText('All changes saved')).toBeVisible();
  expect(await seriousViolations(page, '#documents')).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  await section.screenshot({ path: join(SHOTS, 'settings-documents.png') });

  const b = new BriefingPage(page);
  await b.open(EXAMPLE_ID);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const toolbar = page.getByRole('toolbar', { name: 'Briefing' });
  await toolbar.getByRole('button', { name: 'Export as…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  // A briefing offers every format the registry has for a briefing, in its order.
  await expect(dialog.getByRole('radio')).toHaveCount(formatsFor('briefing').length);
  await dialog.getByRole('radio', { name: /^Cable \(plain text\)/ }).check();
  await dialog.getByLabel('Precedence').selectOption('IMMEDIATE');
  await dialog.getByLabel(/^References/).fill('DUSHANBE 0117\nMFA instruction of 2 March 2015');
  await dialog.getByRole('checkbox', { name: /^Portion marks/ }).check();
  await dialog.screenshot({ path: join(SHOTS, 'export-menu.png') });
  expect(await seriousViolations(page, '.export-dialog')).toEqual([]);
  const { name, bytes } = await download(page);
  expect(name).toMatch(/^International-Cooperation-on-Countering-Modern-Threats-and-Challenges-cable-\d{4}-\d{2}-\d{2}\.txt$/);
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  expect(lines[0]).toBe('UNCLASSIFIED');
  expect(lines).toContain('PRECEDENCE: IMMEDIATE');
  expect(lines).toContain('FROM:       Embassy of Ruritania, Dushanbe');
  expect(lines).toContain('TO:         Ministry of Foreign Affairs');
  expect(lines).toContain('            Central Asia Department');
  expect(lines).toContain('REF:        A. DUSHANBE 0117');
  expect(lines).toContain('            B. MFA instruction of 2 March 2015');
  for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60);
  const flat = text.replace(/\s+/g, ' ');
  for (const s of ['Rustam Nazarzoda', 'Ashita Mittal', 'Shahnoza Anvar Nodiri', '(U) FIGURE: Over 12 tons of drugs were seized', '300,000 ha', 'Due: 10 April 2015', 'Date: May 2015'])
    expect(flat).toContain(s);
  await expect(page.getByText(/^Saved International-Cooperation.*cable.*\.txt$/)).toBeVisible();

  // Keys typed in the dialog stay in it (E does not switch the page behind it to editing); Escape closes it
  // and the keyboard is back on the button that opened it.
  await toolbar.getByRole('button', { name: 'Export as…' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('e');
  await expect(dialog).toBeVisible();
  await expect(b.reading).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(toolbar.getByRole('button', { name: 'Export as…' })).toBeFocused();
});

test('the cable as PDF from the editing view, read back with poppler', async ({ page }) => {
  const b = new BriefingPage(page);
  await b.goto(EXAMPLE_ID);
  await page.getByRole('button', { name: 'Export as…' }).click();
  await dialogOf(page).getByRole('radio', { name: /^Cable \(PDF\)/ }).check();
  const { name, bytes } = await download(page);
  expect(name.endsWith('.pdf')).toBe(true);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const pdf = join(tmpdir(), `attache-cable-e2e-${Date.now()}.pdf`);
  writeFileSync(pdf, bytes);
  const pages = pagesText(pdf);
  const all = pages.join(' ');
  for (const s of ['UNCLASSIFIED', 'SUBJECT', TITLE, 'Rustam Nazarzoda', 'FIGURE: Over 50 refining labs were destroyed', 'ACTION REQUESTED']) expect(all).toContain(s);
  pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
});

test('the tracker offers what the registry offers for the tracker, and saves nothing when its filter shows nothing', async ({ page }) => {
  await page.goto('./#/followups');
  await expect(page.getByRole('heading', { level: 1, name: /Follow-ups/ })).toBeVisible();
  await expect(page.getByText(/follow-ups? match/)).toBeVisible();
  await page.getByRole('button', { name: 'Export as…' }).click();
  const dialog = dialogOf(page);
  const radios = dialog.getByRole('radio');
  const offered = formatsFor('tracker');
  await expect(radios).toHaveCount(offered.length);
  for (const f of offered) await expect(dialog.getByRole('radio', { name: new RegExp(`^${f.label.replace(/[().]/g, '\\$&')}`) })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^Cable/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A filter that shows nothing: the reason, in the dialog, and no download.
  await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Open' }).uncheck();
  await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'In progress' }).uncheck();
  await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Dropped' }).check();
  await expect(page.getByText('No follow-up matches these filters.')).toBeVisible();
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Export as…' }).click();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The tracker’s filter shows no follow-ups: there is nothing to export');
  expect(downloads).toBe(0);
});

test('a confidential briefing in Cyrillic: the dialog carries its classification, the cable its level and portion marks', async ({ page }) => {
  const b = briefingRow({
    title: 'Совещание доноров по реформе тюрем',
    classification: 'confidential',
    caveat: 'EYES ONLY',
    summary: 'Итоги: **три** проекта, 1,2 млн долларов.',
  });
  await seed(page, [b, statementRow(b.id, 'Министерство юстиции просит поддержки доноров.', 'a0')]);
  await page.goto(`./#/briefing/${b.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Совещание доноров по реформе тюрем' })).toBeVisible();
  await page.getByRole('toolbar', { name: 'Briefing' }).getByRole('button', { name: 'Export as…' }).click();
  const dialog = dialogOf(page);
  await expect(dialog.getByTestId('screen-classification-top')).toHaveText(/CONFIDENTIAL \/\/ EYES ONLY/);
  await dialog.getByRole('checkbox', { name: /^Portion marks/ }).check();
  const { bytes } = await download(page);
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  expect(lines[0]).toBe('CONFIDENTIAL // EYES ONLY');
  expect(lines.at(-2)).toBe('CONFIDENTIAL // EYES ONLY');
  expect(text).toContain('(C) Итоги: три проекта, 1,2 млн долларов.');
  expect(text).toContain('(C) Министерство юстиции просит поддержки доноров.');
});
