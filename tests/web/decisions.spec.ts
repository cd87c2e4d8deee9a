/**
 * Issue 12, decisions and follow-ups of their own, by keyboard: a decision captured with its key and given a
 * follow-up; a follow-up made from a briefing without a statement and one from the tracker without a briefing
 * (tags, owner "Me"); the tracker's Mine and From-decisions filters; search's Decision filter; the pack's
 * Decisions block and annex read back with pdftotext.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { pagesText } from './pack-pdf';
import { BriefingPage } from './pages/BriefingPage';
import { FollowupsPage } from './pages/FollowupsPage';
import { PacksPage } from './pages/PacksPage';
import { SearchPage } from './pages/SearchPage';

const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';
const EXAMPLE_ID = '014c2507-a400-7000-8000-000000000009';
const DECISION = 'The participants agreed to set up a joint working group on controlled deliveries.';
const DECISION_FOLLOWUP = 'Nominate the embassy contact for the working group';
const CORRIDOR = 'Ask the DCA for the working group terms of reference';
const STANDALONE = 'Prepare talking points for the national day reception';
const ME = 'Anna Petrova';
const SHOTS = process.env.ATTACHE_SHOTS; // a folder for screenshots, when a person wants to look

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Press Tab until `selector` has the focus. */
async function tabTo(page: Page, selector: string, max = 30) {
  for (let i = 0; i < max; i++) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(page.locator(selector)).toBeFocused();
}

test('a decision and follow-ups of their own, from capture to the tracker, search and the pack', async ({ page }) => {
  test.setTimeout(120_000);
  page.on('console', (m) => { if (m.text().includes('H4DBG') || m.type() === 'error') console.log(m.text()); });
  const packs = new PacksPage(page);
  await packs.goto();
  await packs.loadExample();

  // Settings → Your name: who "Me" is on this computer.
  await page.goto('./#/settings');
  const myName = page.getByLabel('Your name');
  await myName.focus();
  await page.keyboard.type(ME);
  await page.keyboard.press('Tab');
  await expect(page.locator('#your-name')).toContainText('All changes saved');
  // The one table of shortcuts lists the decision's key.
  await expect(page.locator('#shortcuts tr', { hasText: 'Kind: decision' })).toContainText('Alt+D');

  // The example briefing: a decision captured with its own key, then a follow-up made from it.
  const b = new BriefingPage(page);
  await b.goto(EXAMPLE_ID);
  await expect(b.title).toHaveValue(EXAMPLE_TITLE);
  await b.pickSpeaker('nazar', 'Rustam Nazarzoda');
  await expect(b.currentSpeaker).toHaveText('Rustam Nazarzoda');
  await b.captureText.focus();
  await b.type(DECISION);
  await b.press('alt+d');
  await expect(b.capture.getByRole('radio', { name: /Decision/ })).toBeChecked();
  await expect(b.capture).toContainText('Alt+D decision');
  await shot(page, '1-capture-decision');
  // Ctrl+Shift+Enter: save and make a follow-up from it; its editor opens with the title selected.
  await b.press('mod+shift+Enter');
  const decision = b.statement(DECISION);
  await expect(decision).toHaveAttribute('data-kind', 'decision');
  await expect(decision.locator('.kind-badge')).toHaveText('Decision');
  const editor = page.getByRole('group', { name: 'Follow-up' });
  await expect(editor).toBeVisible();
  await b.type(DECISION_FOLLOWUP);
  await tabTo(page, '[role="group"][aria-label="Follow-up"] input[role="combobox"]');
  await b.type('Political Officer');
  await shot(page, '1b-owner-typed');
  await page.keyboard.press('Escape'); // closes the owner's list
  await shot(page, '1c-owner-escaped');
  await page.keyboard.press('Escape'); // closes the editor
  await expect(editor).toHaveCount(0);
  await expect(b.followup(DECISION_FOLLOWUP)).toContainText('Political Officer');

  // A follow-up of the briefing that comes from no statement (a corridor conversation).
  const newButton = b.followups.getByRole('button', { name: 'New follow-up' });
  await newButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#new-followup-title')).toBeFocused();
  await b.type(CORRIDOR);
  await shot(page, '2a-briefing-new-form');
  await page.keyboard.press('Enter');
  await expect(b.followup(CORRIDOR)).toBeVisible();
  const corridorEditor = page.getByRole('group', { name: 'Follow-up' });
  await expect(corridorEditor.getByLabel('Title')).toBeFocused();
  await tabTo(page, '[role="group"][aria-label="Follow-up"] input[role="combobox"]');
  await b.type('me');
  await expect(page.getByRole('option', { name: new RegExp(`Me\\s*${ME}`) })).toBeVisible();
  await shot(page, '2-owner-me');
  await page.keyboard.press('Enter');
  await expect(corridorEditor.locator('input[role="combobox"]')).toHaveValue(ME);
  await tabTo(page, '[role="group"][aria-label="Follow-up"] input[id$="-tags"]');
  await b.type('working group');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(b.followup(CORRIDOR)).toContainText(ME);
  await shot(page, '3-briefing-followups');

  // The tracker: a follow-up without a briefing, with a tag and owner "Me".
  const tracker = new FollowupsPage(page);
  await tracker.goto();
  const trackerNew = page.getByRole('button', { name: 'New follow-up' });
  await trackerNew.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#new-followup-title')).toBeFocused();
  await b.type(STANDALONE);
  await shot(page, '4-tracker-new');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  const created = page.getByRole('group', { name: 'Follow-up' });
  await expect(created.getByLabel('Title')).toHaveValue(STANDALONE);
  await expect(page.getByRole('status').filter({ hasText: 'not linked to a briefing' })).toBeVisible();
  await tabTo(page, '[role="group"][aria-label="Follow-up"] input[role="combobox"]');
  await b.type('me');
  await page.keyboard.press('Enter');
  await tabTo(page, '[role="group"][aria-label="Follow-up"] input[id$="-tags"]');
  await b.type('protocol');
  await page.keyboard.press('Enter');
  await expect(created.getByRole('list', { name: /Tags/ })).toContainText('protocol');
  await shot(page, '5-tracker-created');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(trackerNew).toBeFocused();
  await expect(tracker.row(STANDALONE)).toContainText('Not linked to a briefing');
  await expect(tracker.row(STANDALONE)).toContainText('protocol');

  // Mine: the two follow-ups owned by my name, whatever else there is.
  const only = tracker.filters.getByRole('group', { name: 'Only' });
  await only.getByRole('checkbox', { name: 'Mine' }).focus();
  await page.keyboard.press('Space');
  await expect.poll(() => tracker.titles()).toEqual(expect.arrayContaining([CORRIDOR, STANDALONE]));
  expect(await tracker.titles()).toHaveLength(2);
  await shot(page, '6-tracker-mine');
  // From decisions (Mine off): the follow-up made from the decision only.
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect.poll(() => tracker.titles()).toEqual([DECISION_FOLLOWUP]);
  // The row names where it came from: the decision.
  await expect(tracker.row(DECISION_FOLLOWUP).getByRole('link', { name: `The decision “${DECISION_FOLLOWUP}” came from` })).toHaveText('decision');
  // Kept with the other filters across a reload.
  await page.reload();
  await expect(only.getByRole('checkbox', { name: 'From decisions' })).toBeChecked();
  await expect.poll(() => tracker.titles()).toEqual([DECISION_FOLLOWUP]);
  await page.getByRole('button', { name: 'Reset filters' }).click();

  // Search with the Decision filter: the decision and the follow-up made from it, not the other statements.
  const search = new SearchPage(page);
  await search.open();
  await search.waitUntilIndexed();
  await search.search('working group');
  await expect(page.getByRole('region', { name: /Follow-ups and events/ })).toContainText(CORRIDOR);
  await page.getByLabel('Kind of statement').selectOption({ label: 'Decisions' });
  await expect(page.getByRole('region', { name: /Statements/ })).toContainText(DECISION);
  await expect(page.getByRole('region', { name: /Follow-ups and events/ })).toContainText(DECISION_FOLLOWUP);
  await expect(page.getByRole('region', { name: /Follow-ups and events/ })).not.toContainText(CORRIDOR);
  await shot(page, '7-search-decisions');

  // The pack: the Decisions block under the briefing and the annex of decisions.
  await packs.open();
  await packs.tick(new RegExp(EXAMPLE_TITLE));
  const download = await packs.generateAndDownload();
  const file = join(mkdtempSync(join(tmpdir(), 'attache-decisions-e2e-')), download.suggestedFilename());
  await download.saveAs(file);
  if (SHOTS) await download.saveAs(join(SHOTS, 'pack.pdf'));
  const text = pagesText(file).join(' ');
  expect(text).toContain(`DECISIONS 1. ${DECISION} — Rustam Nazarzoda`);
  expect(text).toMatch(/Annex [A-Z] Decisions \d+/);
  const annex = text.slice(text.indexOf('Decisions 1 decision recorded'));
  expect(annex).toContain('1 decision recorded in the briefings of this pack, oldest first.');
  expect(annex).toMatch(new RegExp(`17 Mar 2015 ${DECISION.replace(/\./g, '\\.')} ${EXAMPLE_TITLE} · Rustam Nazarzoda`));
  // Stand-alone follow-ups of the briefing are in its table too.
  expect(text).toContain(CORRIDOR);
});
