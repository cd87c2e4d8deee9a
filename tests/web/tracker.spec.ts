import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { formatShortDate, todayIso } from '../../src-renderer/src/core/dates';
import type { ActionFields } from '../../src-renderer/src/core/model';
import { actionRow, briefingRow, row, seed, type SeedRow } from './seed';
import { FollowupsPage } from './pages/FollowupsPage';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

/** The local date `n` calendar days from today, as the tracker counts them. */
function day(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return todayIso(d);
}

const briefing = (title: string, startsAt: string, tags: string[]) => briefingRow({ title, startsAt, location: 'Dushanbe', format: 'briefing', audience: '', tags });

function action(fields: Partial<ActionFields> & { title: string }): SeedRow {
  return row('actions', { ...V2_FIELDS.actions(), kind: 'task', briefingId: null, statementId: null, owner: '', due: '', place: '', status: 'open', priority: 'normal', notes: '', tags: [], ...fields });
}

function workspace(): SeedRow[] {
  const b1 = briefing('Countering modern threats', '2015-03-17T10:00', ['counter-narcotics']);
  const b2 = briefing('Trade and transit meeting', '2015-04-02T15:00', ['trade']);
  return [
    b1,
    b2,
    action({ title: 'Send the cable to capital', owner: 'Political Officer', due: day(-3), briefingId: b1.id, tags: ['reporting'] }),
    action({ title: 'Brief the ambassador', owner: 'Ambassador', due: day(2), status: 'in-progress', briefingId: b1.id, priority: 'high' }),
    action({ title: 'High Level Conference', kind: 'event', owner: 'Head of Mission', due: day(30), place: 'Dushanbe', briefingId: b2.id }),
    action({ title: 'Old finished task', owner: 'Political Officer', due: day(-10), status: 'done', briefingId: b2.id }),
    action({ title: 'Ask for the MoU meeting date', due: '', briefingId: b2.id, tags: ['MoU'] }),
  ];
}

async function open(page: Page): Promise<FollowupsPage> {
  const tracker = new FollowupsPage(page);
  await tracker.goto();
  await page.evaluate(() => sessionStorage.clear());
  await seed(page, workspace());
  await expect(tracker.rows.first()).toBeVisible();
  return tracker;
}

test.describe('follow-up tracker', () => {
  test('shows open work by due date with counts per window, and filters by status, owner, briefing, tag, window and kind', async ({ page }) => {
    const t = await open(page);
    expect(await t.titles()).toEqual(['Send the cable to capital', 'Brief the ambassador', 'High Level Conference', 'Ask for the MoU meeting date']);
    expect(await t.windowCount('Overdue')).toBe(1);
    expect(await t.windowCount('Next 7 days')).toBe(1);
    expect(await t.windowCount('Later')).toBe(1);
    expect(await t.windowCount('No date')).toBe(1);
    await expect(t.row('Send the cable to capital')).toContainText('Overdue');
    await expect(t.row('High Level Conference')).toContainText('Dushanbe');

    await t.checkOnly('Status', ['Done']);
    await expect.poll(() => t.titles()).toEqual(['Old finished task']);
    await t.checkOnly('Status', ['Open', 'In progress', 'Done']);
    await expect.poll(() => t.titles()).toEqual(['Old finished task', 'Send the cable to capital', 'Brief the ambassador', 'High Level Conference', 'Ask for the MoU meeting date']);
    expect(await t.windowCount('Overdue')).toBe(2);

    await t.checkOnly('Due', ['Overdue']);
    await expect.poll(() => t.titles()).toEqual(['Old finished task', 'Send the cable to capital']);
    await t.checkOnly('Due', ['Next 7 days', 'No date']);
    await expect.poll(() => t.titles()).toEqual(['Brief the ambassador', 'Ask for the MoU meeting date']);
    await t.checkOnly('Due', []);

    await t.selectOwner('Political Officer');
    await expect.poll(() => t.titles()).toEqual(['Old finished task', 'Send the cable to capital']);
    await t.selectOwner('Unassigned');
    await expect.poll(() => t.titles()).toEqual(['Ask for the MoU meeting date']);
    await t.selectOwner('Any owner');

    await t.selectBriefing('Trade and transit');
    await expect.poll(() => t.titles()).toEqual(['Old finished task', 'High Level Conference', 'Ask for the MoU meeting date']);
    await t.selectBriefing('Any briefing');
    // Found by its date as the app shows it (2 April 2015), abbreviated, or with the month alone.
    for (const typed of ['2 April 2015', '2 Apr', 'April 2015']) {
      await t.selectBriefing(typed);
      await expect(t.filters.getByRole('group', { name: 'Briefing' })).toContainText('2 April 2015 — Trade and transit meeting');
      await expect.poll(() => t.titles()).toEqual(['Old finished task', 'High Level Conference', 'Ask for the MoU meeting date']);
      await t.selectBriefing('Any briefing');
    }

    await t.selectTag('reporting');
    await expect.poll(() => t.titles()).toEqual(['Send the cable to capital']);
    // A briefing's tags count for its follow-ups.
    await t.selectTag('counter-narcotics');
    await expect.poll(() => t.titles()).toEqual(['Send the cable to capital', 'Brief the ambassador']);
    await t.selectTag('Any tag');

    await t.checkOnly('Kind', ['Events']);
    await expect.poll(() => t.titles()).toEqual(['High Level Conference']);

    // The filter survives a reload.
    await page.reload();
    await expect.poll(() => t.titles()).toEqual(['High Level Conference']);
    await expect(t.filters.getByRole('checkbox', { name: 'Events' })).toBeChecked();

    await t.reset();
    await expect.poll(() => t.titles()).toHaveLength(4);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('status changes inline by keyboard and persists across a reload; owner, due and priority edit in place', async ({ page }) => {
    const t = await open(page);
    const status = t.statusSelect('Send the cable to capital');
    await status.focus();
    await status.selectOption('done');
    await expect(t.row('Send the cable to capital')).toHaveCount(0);
    await expect(page.getByText('is now done and hidden by the status filter')).toBeVisible();

    await t.ownerInput('Brief the ambassador').fill('Deputy Head of Mission');
    await t.ownerInput('Brief the ambassador').press('Tab');
    await t.prioritySelect('Brief the ambassador').selectOption('low');
    await t.dueInput('Ask for the MoU meeting date').fill(day(20));
    await t.dueInput('Ask for the MoU meeting date').press('Tab');
    // Moved up among the dated ones: the list is sorted from what is stored, so the new date is written.
    await expect.poll(() => t.titles()).toEqual(['Brief the ambassador', 'Ask for the MoU meeting date', 'High Level Conference']);

    await page.reload();
    await expect(t.ownerInput('Brief the ambassador')).toHaveValue('Deputy Head of Mission');
    await expect(t.prioritySelect('Brief the ambassador')).toHaveValue('low');
    // Typed as 2015-…-…, shown spelled out (a date box reads as the source gave it: ui/lib/DateField.svelte).
    await expect(t.dueInput('Ask for the MoU meeting date')).toHaveValue(formatShortDate(day(20)));
    // Checked once the list is there (above): a list still loading has no rows at all.
    await expect(t.row('Send the cable to capital')).toHaveCount(0);
    await t.checkOnly('Status', ['Done']);
    await expect.poll(() => t.titles()).toEqual(['Old finished task', 'Send the cable to capital']);
    await expect(t.statusSelect('Send the cable to capital')).toHaveValue('done');

    // Undo from the toast brings it back.
    await t.statusSelect('Old finished task').selectOption('open');
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect(t.statusSelect('Old finished task')).toHaveValue('done');
  });

  test('each row links back to its briefing and statement; ?focus highlights a row', async ({ page }) => {
    const t = await open(page);
    const link = t.row('High Level Conference').getByRole('link', { name: 'Trade and transit meeting' });
    await expect(link).toHaveAttribute('href', /^#\/briefing\/[0-9a-f-]{36}$/);
    const title = t.row('High Level Conference').locator('a.title');
    const href = (await title.getAttribute('href'))!;
    const actionId = /focus=([0-9a-f-]{36})/.exec(href)![1]!;
    await t.goto(`#/followups?focus=${actionId}`);
    await expect(t.statusSelect('High Level Conference')).toBeFocused();
    await expect(t.row('High Level Conference')).toHaveClass(/highlighted/);
  });

  test('finds one of 1,500 briefings by typing, without listing them all', async ({ page }) => {
    test.setTimeout(120_000);
    const t = new FollowupsPage(page);
    await t.goto();
    const rows: SeedRow[] = [];
    for (let i = 1; i <= 1_500; i++) {
      const b = briefingRow({ title: `Donor coordination meeting ${i}`, startsAt: `2016-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}T10:00` });
      rows.push(b, actionRow(b.id, `Follow up meeting ${i}`));
    }
    await seed(page, rows);
    await expect(t.summary).toContainText('1,500 follow-ups match', { timeout: 60_000 });
    // Never 1,500 options in the page: a dozen matches at most.
    await t.filters.getByRole('combobox', { name: 'Briefing' }).fill('meeting');
    await expect(t.filters.getByRole('listbox', { name: 'Briefing' }).getByRole('option')).toHaveCount(12);
    await t.selectBriefing('meeting 1234');
    await expect.poll(() => t.titles()).toEqual(['Follow up meeting 1234']);
    await expect(t.summary).toContainText('1 follow-up matches');
    await t.selectBriefing('Any briefing');
    await expect(t.summary).toContainText('1,500 follow-ups match');
  });

  test('stays usable with 20,000 follow-ups (one page rendered at a time)', async ({ page }) => {
    test.setTimeout(180_000);
    const t = new FollowupsPage(page);
    await t.goto();
    await page.evaluate(() => sessionStorage.clear());
    await seedBulkActions(page, 20_000);
    await page.reload();
    await expect(t.summary).toContainText('15,000 follow-ups match of 20,000', { timeout: 60_000 });
    await expect(t.rows).toHaveCount(50);
    await t.selectOwner('Consul');
    await expect(t.summary).toContainText('3,000 follow-ups match');
    await t.nextPage();
    await expect(t.summary).toContainText('showing 51–100');
    await expect(t.rows).toHaveCount(50);
    const first = (await t.titles())[0]!;
    await t.statusSelect(first).selectOption('in-progress');
    await expect(t.statusSelect(first)).toHaveValue('in-progress');
    await expect(t.summary).toContainText('3,000 follow-ups match');
    // A row far down the second page, asked for by ?focus from the first (whose rows are drawn a screenful at a
    // time): the second page shown whole at once, the row highlighted and focused.
    const deepId = (await t.rows.nth(44).getAttribute('id'))!.replace(/^followup-/, '');
    await t.previousPage();
    await expect(t.summary).toContainText('showing 1–50');
    await page.evaluate((hash) => (location.hash = hash), `#/followups?focus=${deepId}`);
    await expect(page.locator(`#followup-${deepId} select.status`)).toBeFocused();
    await expect(page.locator(`#followup-${deepId}`)).toHaveClass(/highlighted/);
    await expect(t.summary).toContainText('showing 51–100');
  });
});

/**
 * Bulk follow-ups made inside the page (shipping 20,000 records through page.evaluate's serialiser
 * takes a minute). Same envelope as createRecord: every field stamped with one clock.
 */
async function seedBulkActions(page: Page, count: number): Promise<void> {
  await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('attache');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const clock = `${String(Date.now()).padStart(13, '0')}-0000-seed`;
    const fields = ['kind', 'briefingId', 'statementId', 'title', 'owner', 'due', 'place', 'status', 'priority', 'notes', 'tags', 'heldInBriefingId', 'deleted'];
    const stamps: Record<string, { c: string }> = {};
    for (const f of fields) stamps[f] = { c: clock };
    const owners = ['Political Officer', 'Ambassador', 'Consul', 'Defence Attaché', ''];
    const pad = (n: number) => String(n).padStart(2, '0');
    await new Promise<void>((res, rej) => {
      const tx = db.transaction(['actions'], 'readwrite');
      const store = tx.objectStore('actions');
      for (let i = 0; i < count; i++) {
        const d = new Date(Date.now() + ((i % 120) - 60) * 86_400_000);
        const due = i % 9 === 0 ? '' : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
        store.put({
          id: `0190e000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
          hlc: clock,
          stamps,
          deleted: 0,
          kind: i % 10 === 0 ? 'event' : 'task',
          briefingId: null,
          statementId: null,
          title: `Bulk follow-up ${i}`,
          owner: owners[i % 5],
          due,
          place: i % 10 === 0 ? 'Dushanbe' : '',
          status: i % 4 === 0 ? 'done' : 'open',
          priority: 'normal',
          notes: 'Notes of a realistic length about what the mission will do and who to ask.',
          tags: [`tag-${i % 7}`],
          heldInBriefingId: null,
        });
      }
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, count);
}
