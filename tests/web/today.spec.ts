/**
 * Today, the start screen (issue 13 point 3), by keyboard: the app opens on it; it lists today's and the
 * coming week's briefings and events (a month-precision event that covers the week too), my follow-ups
 * due or overdue (owner = "Your name", as the tracker's Mine compares), the last edited briefings; each
 * item opens with the keys (↑ ↓ Enter, 1–4 to a section, Alt+0 back to Today).
 */
import { expect, test, type Page } from '@playwright/test';
import { addDaysIso, todayIso } from '../../src-renderer/src/core/dates';
import { seriousViolations } from './axe';
import { row, briefingRow, seed, type SeedRow } from './seed';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import type { ActionFields } from '../../src-renderer/src/core/model';

const TODAY = todayIso();
const action = (fields: Partial<ActionFields> & { title: string }) =>
  row('actions', { ...V2_FIELDS.actions(), kind: 'task', briefingId: null, statementId: null, owner: '', due: '', place: '', status: 'open', priority: 'normal', notes: '', tags: [], ...fields });

/** "Your name" is a local setting kept in the meta store (data/my-name.ts). */
async function setMyName(page: Page, name: string): Promise<void> {
  await page.evaluate(async (value) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('attache');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put({ key: 'myName', value });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, name);
}

const section = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^\\d? ?${name}`) });
const items = (page: Page, name: string) => section(page, name).getByRole('link');

test('Today lists the day, the week, my follow-ups and the last edited, and each opens by keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  // The app starts on Today.
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page).toHaveURL(/#?\/?$|#\/today/);

  const old = briefingRow({ title: 'Counter-narcotics briefing (2015)', startsAt: '2015-03-17T10:00', location: 'Dushanbe' });
  const morning = briefingRow({ title: 'Heads of mission breakfast', startsAt: `${TODAY}T08:30`, location: 'Residence' });
  const later = briefingRow({ title: 'Donor round-table', startsAt: `${addDaysIso(TODAY, 3)}T10:00`, location: 'UN House' });
  const tooLate = briefingRow({ title: 'Too far ahead', startsAt: `${addDaysIso(TODAY, 9)}T10:00` });
  const rows: SeedRow[] = [
    old,
    morning,
    later,
    tooLate,
    action({ kind: 'event', title: 'Border management conference', due: TODAY, place: 'Dushanbe', briefingId: old.id }),
    action({ kind: 'event', title: 'Regional ministerial, date in the month', due: TODAY.slice(0, 7) }),
    action({ kind: 'event', title: 'Event far ahead', due: addDaysIso(TODAY, 30) }),
    action({ kind: 'event', title: 'Dropped event', due: TODAY, status: 'dropped' }),
    action({ title: 'Send the seizure figures to the capital', owner: 'anna petrova', due: addDaysIso(TODAY, -2), briefingId: old.id }),
    action({ title: 'Someone else’s task', owner: 'Ambassador', due: TODAY }),
    action({ title: 'My task done already', owner: 'Anna Petrová', due: TODAY, status: 'done' }),
  ];
  const mine = rows[8]!.record.id;
  await seed(page, rows);
  await setMyName(page, 'Anna Petrová');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

  await expect(items(page, 'Today')).toHaveText([/All day.*Border management conference.*Event.*Dushanbe · from Counter-narcotics briefing \(2015\)/, /08:30.*Heads of mission breakfast.*Residence/]);
  await expect(items(page, 'Coming week')).toHaveText([/Regional ministerial, date in the month/, /10:00.*Donor round-table/]);
  await expect(items(page, 'My follow-ups due')).toHaveText([/Send the seizure figures to the capital.*Overdue/]);
  await expect(items(page, 'Last edited')).toHaveCount(4);
  await expect(page.getByText('Too far ahead')).toHaveCount(1); // only among the last edited
  await expect(section(page, 'Coming week').getByText('Too far ahead')).toHaveCount(0);
  await expect(page.getByText(/Event far ahead|Dropped event|Someone else’s task|My task done already/)).toHaveCount(0);

  // The first item has the focus: ↓ to the breakfast, Enter opens it.
  await expect(items(page, 'Today').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items(page, 'Today').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/briefing/${morning.id}`));
  await expect(page.getByRole('heading', { level: 1, name: 'Heads of mission breakfast' })).toBeVisible();

  // Alt+0 back to Today; 3 jumps to my follow-ups; Enter opens it in the tracker, on its row.
  await page.locator('body').press('Alt+0');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(items(page, 'Today').first()).toBeFocused();
  await page.keyboard.press('3');
  await expect(items(page, 'My follow-ups due').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/followups\\?focus=${mine}`));
  await expect(page.getByRole('heading', { level: 1, name: /Follow-ups/ })).toBeVisible();

  // 2 jumps to the week, 4 to the last edited; End to the oldest edit; ↑ back; Enter opens.
  await page.locator('body').press('Alt+0');
  await expect(items(page, 'Today').first()).toBeFocused();
  await page.keyboard.press('2');
  await expect(items(page, 'Coming week').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items(page, 'Coming week').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/briefing/${later.id}`));
  await page.locator('body').press('Alt+0');
  await expect(items(page, 'Today').first()).toBeFocused();
  await page.keyboard.press('4');
  await expect(items(page, 'Last edited').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(items(page, 'Last edited').last()).toBeFocused();
  await page.keyboard.press('1');
  await expect(items(page, 'Today').first()).toBeFocused();

  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: '/tmp/h8/today.png', fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: '/tmp/h8/today-1024.png', fullPage: true });
});

test('Today with nothing due says so, and where to give my name', async ({ page }) => {
  await page.goto('./#/today');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('today-first-start')).toContainText('No briefings yet.');
  await expect(section(page, 'Today')).toContainText('No briefing or event today.');
  await expect(section(page, 'My follow-ups due')).toContainText('Give your name in Settings → You');
  // No item: a section key lands on the section's heading.
  await page.keyboard.press('3');
  await expect(page.getByRole('heading', { level: 2, name: /My follow-ups due/ })).toBeFocused();
});

test('Today turns to the next day at midnight, without a reload', async ({ page }) => {
  // A window left open overnight: 23:58 on 4 December 2026, then the clock runs past midnight.
  await page.clock.install({ time: new Date('2026-12-04T23:58:00') });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await seed(page, [
    briefingRow({ title: 'Friday evening reception', startsAt: '2026-12-04T19:00' }),
    briefingRow({ title: 'Saturday morning heads of mission meeting', startsAt: '2026-12-05T09:30' }),
  ]);
  await page.reload();
  await expect(items(page, 'Today').filter({ hasText: 'Friday evening reception' })).toBeVisible();
  await expect(items(page, 'Today').filter({ hasText: 'Saturday morning' })).toHaveCount(0);

  await page.clock.runFor(3 * 60_000);
  await expect(page.getByText('Saturday 5 December 2026')).toBeVisible();
  await expect(items(page, 'Today').filter({ hasText: 'Saturday morning heads of mission meeting' })).toBeVisible();
  await expect(items(page, 'Today').filter({ hasText: 'Friday evening reception' })).toHaveCount(0);
});
