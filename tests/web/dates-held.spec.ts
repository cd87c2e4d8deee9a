/**
 * Issue 12, points 4 and 5, by keyboard in Chromium: an event's date typed as precise as the source ("May
 * 2015") and shown so in the briefing, the tracker and the pack; an impossible date refused with nothing
 * changed; a later briefing linked to the announced conference in one step from either side, with
 * "Held — see …", the status done, the "Follows up" block, search both ways and the PDF text (poppler).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { pagesText } from './pack-pdf';
import { BriefingPage } from './pages/BriefingPage';
import { FollowupsPage } from './pages/FollowupsPage';
import { PacksPage } from './pages/PacksPage';
import { SearchPage } from './pages/SearchPage';

const EXAMPLE_ID = '014c2507-a400-7000-8000-000000000009';
const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';
const CONFERENCE = 'High Level International Conference on Counter Narcotic Cooperation';
const LATER_TITLE = 'Counter-narcotics conference: opening plenary';
const HELD = `Held — see ${LATER_TITLE}, 27 May 2015`;
const ANNOUNCED = `Announced at ${EXAMPLE_TITLE}, 17 March 2015 by Rustam Nazarzoda`;

/** Screenshots to look at (H5_SHOTS=<dir>); nothing is written otherwise. */
async function shot(page: Page, name: string, part?: Locator): Promise<void> {
  if (!process.env.H5_SHOTS) return;
  const path = join(process.env.H5_SHOTS, `${name}.png`);
  await (part ? part.screenshot({ path }) : page.screenshot({ path }));
}

/** A briefing with its editors open (`mode=edit`: a briefing may otherwise open in its reading view). */
async function openForEditing(page: Page, id: string): Promise<void> {
  await page.goto(`./#/briefing/${id}?mode=edit`);
  await expect(new BriefingPage(page).title).toBeVisible();
}

test('a month-precision event date, an impossible date refused, and a later briefing that keeps the event', async ({ page }) => {
  test.setTimeout(120_000);
  const packs = new PacksPage(page);
  await packs.goto();
  await packs.loadExample();
  const b = new BriefingPage(page);
  await openForEditing(page, EXAMPLE_ID);

  // The conference's editor, opened from the briefing's follow-ups by keyboard.
  const conferenceRow = b.followups.locator('tbody tr[data-status]', { hasText: CONFERENCE });
  await b.followups.getByRole('button', { name: `Edit ${CONFERENCE}` }).focus();
  await page.keyboard.press('Enter');
  const editor = b.followups.getByRole('group', { name: 'Announced event' });
  await expect(editor.getByLabel('Event', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  const date = editor.getByLabel('Date', { exact: true });
  await expect(date).toBeFocused();
  await expect(date).toHaveValue('27 May 2015');

  // "May 2015": read as a month, echoed as such while typing, one Tab stop, saved.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('May 2015');
  await expect(editor.locator('.reading')).toHaveText('May 2015 (month)');
  await shot(page, 'editor-month', editor);
  await page.keyboard.press('Tab');
  await expect(editor.getByLabel('Place', { exact: true })).toBeFocused();
  await expect(editor.getByRole('status')).toHaveText('Saved');
  await expect(conferenceRow.locator('td').nth(2)).toHaveText('May 2015');
  await expect(date).toHaveValue('May 2015');

  // "31 Feb 2015": refused with its reason; the stored month stays; the editor says not saved.
  await date.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('31 Feb 2015');
  await expect(editor.locator('.error-text', { hasText: 'February' })).toHaveText(
    'February 2015 has 28 days: there is no 31 February. Not saved: the date is still May 2015.',
  );
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByRole('status')).toHaveText(/^Not saved/);
  await shot(page, 'editor-refused', editor);
  expect(await seriousViolations(page, '.action-editor')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(conferenceRow.locator('td').nth(2)).toHaveText('May 2015');

  // The tracker shows the month, in its row and its date box.
  const tracker = new FollowupsPage(page);
  await page.goto('./#/followups');
  await expect(tracker.dueInput(CONFERENCE)).toHaveValue('May 2015');
  await expect(tracker.row(CONFERENCE)).toContainText('May 2015 · Dushanbe');
  await shot(page, 'tracker-month', tracker.row(CONFERENCE));
  // A date typed in a row and saved with Enter moves the row (the tracker is sorted by date); the keyboard stays
  // with it. (Tab leaves the tracker: it is one Tab stop, a grid with arrow keys inside.)
  const PRISON = 'Assess the prison reform training and equipment request with partners';
  await tracker.dueInput(PRISON).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('June 2015');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await tracker.titles()).indexOf(PRISON)).toBeGreaterThan((await tracker.titles()).indexOf(CONFERENCE));
  await expect(tracker.row(PRISON).locator(':focus')).toHaveCount(1);
  await expect(tracker.dueInput(PRISON)).toHaveValue('June 2015');

  // A later briefing, entered by keyboard, says in one step which announced event it follows up.
  await b.gotoNew();
  await b.type(LATER_TITLE);
  await b.waitSaved();
  const laterId = await b.id();
  await b.press('Tab');
  await expect(b.startsAt).toBeFocused();
  await b.typeDateTime('27.05.2015 9:00');
  await expect(b.startsAt).toHaveAttribute('data-value', '2015-05-27T09:00');
  await b.press('Tab');
  await b.waitSaved();
  await openForEditing(page, laterId);
  const followsUp = page.getByRole('region', { name: 'Follows up' });
  await followsUp.getByRole('button', { name: 'Follows up…' }).focus();
  await page.keyboard.press('Enter');
  const pickEvent = followsUp.getByRole('combobox', { name: 'Follows up which announced event?' });
  await expect(pickEvent).toBeFocused();
  await page.keyboard.type('conference');
  await expect(followsUp.getByRole('option', { name: new RegExp(CONFERENCE) })).toBeVisible();
  await page.keyboard.press('Enter');
  const kept = followsUp.getByTestId('follows-up-item');
  await expect(kept).toHaveCount(1);
  await expect(kept).toContainText(CONFERENCE);
  await expect(kept).toContainText('May 2015 · Dushanbe');
  await expect(kept).toContainText(ANNOUNCED);
  await expect(kept.getByRole('link', { name: 'Rustam Nazarzoda' })).toHaveAttribute('href', /^#\/people\//);
  await shot(page, 'later-follows-up', followsUp);
  expect(await seriousViolations(page, '.follows-up')).toEqual([]);

  // The event, in its own briefing: held, see the later briefing (a link), and done.
  await openForEditing(page, EXAMPLE_ID);
  await expect(conferenceRow.getByTestId('held-see')).toHaveText(HELD);
  await expect(conferenceRow.getByRole('link', { name: `${LATER_TITLE}, 27 May 2015` })).toHaveAttribute('href', `#/briefing/${laterId}`);
  await expect(conferenceRow).toHaveAttribute('data-status', 'done');
  // …and under the statement that announced it.
  await expect(b.statement('High Level').getByTestId('held-see')).toHaveText(HELD);
  await shot(page, 'announcing-held', b.followups);
  await shot(page, 'statement-held', b.statement('High Level'));

  // Undone from the event's side: open again, and "Held at…" offered in its place.
  await conferenceRow.getByRole('button', { name: `Not held there: ${CONFERENCE}` }).focus();
  await page.keyboard.press('Enter');
  await expect(conferenceRow).toHaveAttribute('data-status', 'open');
  const heldAt = conferenceRow.getByRole('button', { name: /^Held at…/ });
  await expect(heldAt).toBeFocused();

  // From the event's side: its own briefing is refused with the reason, nothing changes…
  await page.keyboard.press('Enter');
  const pickBriefing = conferenceRow.getByRole('combobox', { name: 'Held at which later briefing?' });
  await expect(pickBriefing).toBeFocused();
  await page.keyboard.type('countering modern threats');
  await expect(conferenceRow.locator('.error-text')).toHaveText(
    'An event cannot be held at the briefing that announced it: pick the later briefing that recorded it.',
  );
  await page.keyboard.press('Enter');
  await expect(conferenceRow).toHaveAttribute('data-status', 'open');
  await shot(page, 'announcing-refused', b.followups);
  expect(await seriousViolations(page, '.followups')).toEqual([]);
  // …and the later briefing, found by a title word, is linked in one step.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('plenary');
  await page.keyboard.press('Enter');
  await expect(conferenceRow.getByTestId('held-see')).toHaveText(HELD);
  await expect(conferenceRow).toHaveAttribute('data-status', 'done');

  // The tracker shows the link too (the event is done: shown under the Done status).
  await page.goto('./#/followups');
  await tracker.checkOnly('Status', ['Done']);
  await expect(tracker.row(CONFERENCE).getByTestId('held-see')).toHaveText(HELD);
  await shot(page, 'tracker-held', tracker.row(CONFERENCE));
  // The picker works in a tracker row too; Escape (twice: the list, then the box) leaves it as it was.
  await tracker.checkOnly('Status', ['Open']);
  const MOU = 'Ninth MoU meeting (Central Asia, Russia, Azerbaijan, AKDN)';
  await tracker.row(MOU).getByRole('button', { name: /^Held at…/ }).focus();
  await page.keyboard.press('Enter');
  await expect(tracker.row(MOU).getByRole('combobox', { name: 'Held at which later briefing?' })).toBeFocused();
  await page.keyboard.type('plenary');
  await expect(tracker.row(MOU).getByRole('option', { name: new RegExp(LATER_TITLE) })).toBeVisible();
  await shot(page, 'tracker-picker');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(tracker.row(MOU).getByRole('button', { name: /^Held at…/ })).toBeFocused();
  await expect(tracker.row(MOU).getByTestId('held-see')).toHaveCount(0);

  // Search follows the link both ways.
  const search = new SearchPage(page);
  await search.open();
  await search.waitUntilIndexed();
  await search.search('plenary');
  await expect(search.result('Follow-ups and events', CONFERENCE)).toBeVisible();
  await expect(search.result('Follow-ups and events', CONFERENCE)).toContainText(HELD);
  // "high level" is not in the later briefing's own text: it is found by the event it kept.
  await search.search('high level');
  await expect(search.result('Briefings', LATER_TITLE)).toBeVisible();
  await shot(page, 'search');

  // The pack: the month, "Held — see …" on the event, and the later briefing's "Follows up" block.
  await packs.open();
  await packs.tick(EXAMPLE_TITLE);
  await packs.tick(LATER_TITLE);
  const download = await packs.generateAndDownload();
  const file = join(mkdtempSync(join(tmpdir(), 'attache-held-e2e-')), 'pack.pdf');
  await download.saveAs(file);
  const all = pagesText(file).join(' ');
  expect(all).toContain(HELD);
  expect(all).toMatch(new RegExp(`${CONFERENCE} [^]*?May 2015`));
  const later = all.slice(all.indexOf('BRIEFING 2 OF 2'));
  expect(later).toContain('FOLLOWS UP');
  expect(later).toContain(`${CONFERENCE} (May 2015 · Dushanbe)`);
  expect(later).toContain(ANNOUNCED);
  if (process.env.H5_SHOTS) (await import('node:fs')).copyFileSync(file, join(process.env.H5_SHOTS, 'pack.pdf'));
});
