/**
 * The daily reminder: with notifications allowed, a follow-up due today is announced once through the
 * system's notifications (the browser's Notification API here, the OS's in the desktop app), a click opens
 * the tracker, and switching the reminder off in Settings keeps it quiet.
 */
import { expect, test, type Page } from '@playwright/test';
import { todayIso } from '../../src-renderer/src/core/dates';
import { actionRow, briefingRow, seed } from './seed';

declare global {
  interface Window {
    __notices?: { title: string; body: string; click: () => void }[];
  }
}

/** Records every notification the page shows (the real API still shows it). */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Real = window.Notification;
    window.__notices = [];
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        window.__notices!.push({ title, body: options?.body ?? '', click: () => this.onclick?.(new Event('click')) });
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true, writable: true });
  });
}

const notices = (page: Page) => page.evaluate(() => (window.__notices ?? []).map(({ title, body }) => ({ title, body })));

test('a follow-up due today is announced once, and the notification opens the tracker', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['notifications'], { origin: baseURL });
  await recordNotifications(page);
  await page.goto('./#/briefings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const briefing = briefingRow({ title: 'Donor coordination meeting' });
  await seed(page, [briefing, actionRow(briefing.id, 'Send the database request to the capital', todayIso()), actionRow(briefing.id, 'Not yet', '2999-01-01')]);

  await expect.poll(() => notices(page), { timeout: 20_000 }).toEqual([
    { title: 'Today: 1 follow-up due', body: '• Send the database request to the capital' },
  ]);
  await page.evaluate(() => window.__notices![0]!.click());
  await expect(page.getByRole('heading', { level: 1, name: /Follow-ups/ })).toBeVisible();

  // Once a day: a new start the same day says nothing more.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(7_000);
  expect(await notices(page)).toEqual([]);
});

test('switched off in Settings, no reminder is shown', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['notifications'], { origin: baseURL });
  await recordNotifications(page);
  await page.goto('./#/settings');
  const box = page.getByRole('checkbox', { name: 'Remind me of follow-ups due today' });
  await expect(box).toBeChecked();
  await box.uncheck();
  await page.reload();
  await expect(box).not.toBeChecked();
  const briefing = briefingRow({ title: 'Donor coordination meeting' });
  await seed(page, [briefing, actionRow(briefing.id, 'Send the database request to the capital', todayIso())]);
  await page.waitForTimeout(7_000);
  expect(await notices(page)).toEqual([]);
});

test('in the browser, Settings offers to allow notifications until the browser lets them be shown', async ({ page }) => {
  await page.goto('./#/settings');
  await expect(page.getByRole('checkbox', { name: 'Remind me of follow-ups due today' })).toBeChecked();
  // Headless Chromium answers a permission request itself (denied), so the page then says where to allow them.
  await expect(page.getByRole('button', { name: 'Allow notifications' })).toBeVisible();
  await page.getByRole('button', { name: 'Allow notifications' }).click();
  await expect(page.getByText('The browser does not let Attaché show notifications')).toBeVisible();
});
