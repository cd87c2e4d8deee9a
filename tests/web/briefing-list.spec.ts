/**
 * The briefing list filtered, ordered and grouped by month (issue 13 point 8), by keyboard: tag,
 * organiser, classification and a typed date range narrow it, the count says how many of how many, the
 * first row of each month carries the month and its count, the order can be by title, and a row opens
 * with Enter.
 */
import { expect, test } from '@playwright/test';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { BriefingsPage } from './pages/BriefingsPage';
import { briefingRow, row, seed } from './seed';

test('the list filters by tag, organiser, classification and dates, orders by title, groups months, and opens by keyboard', async ({ page }) => {
  test.setTimeout(90_000);
  const list = new BriefingsPage(page);
  await list.goto();
  const mfa = row('organisations', { ...V2_FIELDS.organisations(), name: 'Ministry of Foreign Affairs', acronym: 'MFA', country: 'Tajikistan' });
  const unodc = row('organisations', { ...V2_FIELDS.organisations(), name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', country: '' });
  await seed(page, [
    mfa,
    unodc,
    briefingRow({ title: 'Weekly round-up', startsAt: '2015-03-02T09:00', tags: ['Energy'], organiserIds: [mfa.id] }),
    briefingRow({ title: 'Border management conference', startsAt: '2015-03-17T10:00', tags: ['Energy', 'Borders'], organiserIds: [mfa.id, unodc.id], classification: 'confidential' }),
    briefingRow({ title: 'Donor coordination', startsAt: '2015-04-01T10:00', organiserIds: [unodc.id] }),
    briefingRow({ title: 'Address to heads of mission', startsAt: '2015-04-20T10:00', tags: ['Borders'] }),
    briefingRow({ title: 'Counter-narcotics briefing', startsAt: '2015-05-27T09:00', organiserIds: [unodc.id] }),
  ]);
  await expect(list.count).toContainText('5 briefings, newest first');
  // Months by the first row of each: May, April, March.
  await expect(list.list.locator('.month').filter({ hasText: /\S/ })).toHaveText(['May 2015', 'April 2015', 'March 2015']);

  // Tag, by keyboard on the native select.
  const tag = page.getByRole('combobox', { name: 'Tag' });
  await tag.focus();
  await tag.selectOption('Energy');
  await expect(list.count).toContainText('2 of 5 briefings, newest first');
  await expect(list.rows).toHaveText([/Border management conference/, /Weekly round-up/]);
  await expect(list.list.locator('.month').filter({ hasText: /\S/ })).toHaveText(['March 2015 · 2']);

  // And the organiser: only UNODC's.
  await page.getByRole('combobox', { name: 'Organiser' }).selectOption({ label: 'United Nations Office on Drugs and Crime (UNODC)' });
  await expect(list.count).toContainText('1 of 5 briefings');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(list.count).toContainText('5 briefings, newest first');

  // Classification.
  await page.getByRole('combobox', { name: 'Classification' }).selectOption({ label: 'CONFIDENTIAL' });
  await expect(list.rows).toHaveText([/Border management conference/]);
  await page.getByRole('combobox', { name: 'Classification' }).selectOption({ label: 'Any' });

  // A date range typed as dates are everywhere: April 2015 to the end of April.
  await page.locator('#list-from').focus();
  await page.keyboard.type('April 2015');
  await page.keyboard.press('Tab');
  await page.keyboard.type('30.04.2015');
  await expect(list.count).toContainText('2 of 5 briefings');
  await expect(list.rows).toHaveText([/Address to heads of mission/, /Donor coordination/]);
  await page.locator('#list-to').fill('31.04.2015');
  await expect(page.locator('#list-dates-error')).toContainText('April 2015 has 30 days');
  await page.locator('#list-to').fill('');

  // By title, then open the first with Enter from the list.
  await page.getByRole('combobox', { name: 'Order' }).selectOption({ label: 'By title' });
  await expect(list.count).toContainText('3 of 5 briefings, by title');
  const byTitle = page.getByRole('listbox', { name: 'Briefings, by title' });
  await expect(byTitle.getByRole('option')).toHaveText([/Address to heads of mission/, /Counter-narcotics briefing/, /Donor coordination/]);
  await byTitle.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await expect(byTitle.locator('[role="option"][aria-selected="true"]')).toContainText('Address to heads of mission');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Address to heads of mission' })).toBeVisible();
  await page.goBack();
  await expect(list.heading).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: '/tmp/h8/list.png' });
});
