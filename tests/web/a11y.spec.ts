/**
 * axe-core scan of every screen, with a small workspace in it so lists, results and forms are populated.
 * Fails on serious or critical violations; the message names each rule and the elements it flagged.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { SCREENS, w } from './screens';
import { seed } from './seed';


test.describe('accessibility (axe-core)', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./#/briefings');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await seed(page, w.rows);
  });

  for (const screen of SCREENS) {
    test(`${screen.name} has no serious or critical violations`, async ({ page }) => {
      await page.goto(`./${screen.hash}`);
      await screen.ready(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('the keyboard shortcuts dialog has no serious or critical violations', async ({ page }) => {
    await page.goto('./#/briefings');
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
