/**
 * axe-core scan of every screen in both themes, with a small workspace in it so lists, results and forms are populated.
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

  // Every screen in the light and the dark theme (issue 15): the OS's choice, as Attaché follows it.
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${theme} theme`, () => {
      test.use({ colorScheme: theme });
      for (const screen of SCREENS) {
        test(`${screen.name} has no serious or critical violations`, async ({ page }) => {
          await page.goto(`./${screen.hash}`);
          await screen.ready(page);
          expect(await seriousViolations(page)).toEqual([]);
        });
      }
    });
  }

  test('the keyboard shortcuts dialog has no serious or critical violations', async ({ page }) => {
    await page.goto('./#/briefings');
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the keyboard shortcuts dialog keeps focus inside and gives it back on close', async ({ page }) => {
    await page.goto('./#/briefings');
    const opener = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await opener.focus();
    await page.keyboard.press('Shift+?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    const close = dialog.getByRole('button', { name: 'Close' });
    await expect(close).toBeFocused();
    // Tab and Shift+Tab stay in the dialog: the page behind is inert.
    for (const key of ['Tab', 'Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await dialog.evaluate((d) => d.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
      await expect(opener).not.toBeFocused();
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    // Opened from a link in the sidebar, it returns there too.
    const row = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Follow-ups/ });
    await row.focus();
    await page.keyboard.press('Shift+?');
    await expect(dialog).toBeVisible();
    await close.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(row).toBeFocused();
  });
});
