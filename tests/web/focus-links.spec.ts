/**
 * Focus goes where the eye goes after following a link, in Chromium: a tracker row's link to the statement a
 * follow-up came from lands on that statement in its briefing; a search result for a person lands on the
 * person's page heading. Never on the page body, whatever mode the briefing opens in.
 */
import { expect, test, type Page } from '@playwright/test';
import { exampleJson } from './seed';

const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function loadExample(page: Page) {
  await page.goto('./#/briefings');
  await page.getByRole('button', { name: /Load the example briefing/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE })).toBeVisible({ timeout: 30_000 });
}

test('a tracker link to the statement a follow-up came from: that statement has focus', async ({ page }) => {
  test.setTimeout(120_000);
  await loadExample(page);
  const fromStatement = exampleJson().actions.find((a) => typeof a.statementId === 'string')!;
  await page.goto('./#/followups');
  const row = page.locator(`#followup-${fromStatement.id}`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  const origin = row.getByRole('link', { name: /came from$/ });
  await origin.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`focus=${fromStatement.statementId as string}`));
  // The statement (as a row of the editor, or as a paragraph of the page to read) holds focus.
  await expect.poll(() => activeId(page), { timeout: 30_000 }).toMatch(new RegExp(`^(statement|read)-${fromStatement.statementId as string}$`));
});

test('a search result for a person: the person page’s heading has focus', async ({ page }) => {
  test.setTimeout(120_000);
  await loadExample(page);
  await page.goto('./#/search');
  const box = page.getByRole('searchbox', { name: 'Search everything' });
  await expect(box).toBeFocused({ timeout: 30_000 });
  await page.keyboard.type('Nazarzoda');
  const result = page.locator('a.result', { hasText: 'Rustam Nazarzoda' }).and(page.locator('[href^="#/people/"]')).first();
  await expect(result).toBeVisible({ timeout: 30_000 });
  await result.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/people\//);
  const heading = page.getByRole('heading', { level: 1, name: /Rustam Nazarzoda/ });
  await expect(heading).toBeFocused({ timeout: 30_000 });
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
});
