/**
 * Files that pass every schema check yet break the workspace (issue 11, part 1), imported through the
 * Exchange screen in Chromium: repeated tags, levels and organisers; a statement order key that is not a
 * valid position; a follow-up whose briefing is absent. Each is repaired (and listed in the preview) or shown
 * marked; afterwards every briefing renders and nothing earlier is lost. And a record the screens cannot
 * show, written straight to IndexedDB, is reported in its own place while the rest of the page renders.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { emptyWorkspaceData, type WorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { BROKEN_CLOCK, BROKEN_IDS, brokenFile, brokenWorkspace } from '../unit/invariant-fixtures';
import { EXAMPLE_ID, EXAMPLE_TITLE, closeColleagues, colleague, loadExample } from './exchange-colleague';
import { FollowupsPage } from './pages/FollowupsPage';
import { row, seed } from './seed';

test.afterEach(closeColleagues);

const SECOND_STATEMENT = '0196a000-0000-7000-8000-00000000f005';

/** The broken workspace cut into one file per class of breakage. */
function files(): { name: string; data: WorkspaceData }[] {
  const all = brokenWorkspace();
  const dups = emptyWorkspaceData();
  dups.settings = all.settings;
  dups.organisations = all.organisations;
  dups.briefings = all.briefings;
  dups.statements = [{ ...all.statements[0]!, order: 'a0' }];
  const order = emptyWorkspaceData();
  order.statements = [
    createRecord(
      'statements',
      SECOND_STATEMENT,
      { briefingId: BROKEN_IDS.briefing, speakerId: null, kind: 'proposal', text: 'A joint patrol from June.', tags: [], order: 'a0 !' },
      BROKEN_CLOCK,
    ),
  ];
  const dangling = emptyWorkspaceData();
  dangling.actions = all.actions;
  return [
    { name: 'repeats', data: dups },
    { name: 'order-key', data: order },
    { name: 'dangling', data: dangling },
  ];
}

test('files that break an invariant are repaired or marked; every briefing renders and nothing earlier is lost', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const me = await colleague(browser, baseURL, 'Vienna desk');
  await loadExample(me);
  await expect(me.briefing.statements).toHaveCount(19);

  const expected: Record<string, RegExp[]> = {
    repeats: [
      /The briefing “Border talks” lists the tag “Borders” more than once; the repeats were dropped\./,
      /The briefing “Border talks” lists an organiser more than once; the repeats were dropped\./,
      /The settings record lists the classification level id “unclassified” more than once/,
      /The settings record lists the classification level named “Restricted” more than once/,
      /The statement “Crossings will reopen in May\.” lists the tag “x” more than once/,
    ],
    'order-key': [/The statement “A joint patrol from June\.” has an order key that is not a valid position \(“a0 !”\); it was placed after the other statements\./],
    dangling: [],
  };
  for (const f of files()) {
    const path = testInfo.outputPath(`${f.name}.attache`);
    await writeFile(path, await brokenFile(f.data));
    await me.exchange.goto();
    await me.exchange.chooseFile(path);
    const repaired = me.page.getByTestId('preview-repaired');
    if (expected[f.name]!.length) {
      await expect(repaired).toContainText(`Repaired on import: ${f.data.settings.length + f.data.briefings.length + f.data.statements.length} record`);
      for (const line of expected[f.name]!) await expect(repaired.getByRole('listitem').filter({ hasText: line })).toHaveCount(1);
      if (f.name === 'repeats') await me.exchange.preview.screenshot({ path: testInfo.outputPath('preview-repaired.png') });
    } else await expect(repaired).toHaveCount(0);
    await expect(me.page.getByTestId('preview-invariant-refused')).toHaveCount(0);
    await me.exchange.apply();

    // Every briefing renders, whole: the one the files brought and the one that was here before.
    await me.briefings.goto();
    await expect(me.briefings.row(EXAMPLE_TITLE)).toBeVisible();
    await me.briefing.goto(EXAMPLE_ID);
    await expect(me.briefing.title).toHaveValue(EXAMPLE_TITLE);
    await expect(me.briefing.statements).toHaveCount(19);
    await me.briefing.goto(BROKEN_IDS.briefing);
    await expect(me.briefing.title).toHaveValue('Border talks');
    await expect(me.page.getByTestId('record-error')).toHaveCount(0);
  }
  // The repaired order key puts the patrol after the other statement; the statement can still be moved.
  expect(await me.briefing.statementTexts()).toEqual(['Crossings will reopen in May.', 'A joint patrol from June.']);

  // The follow-up whose briefing is absent stays in the tracker, marked as such.
  const tracker = new FollowupsPage(me.page);
  await tracker.goto();
  await expect(tracker.row('Ask for the crossing figures').getByTestId('briefing-missing')).toHaveText(/Its briefing is not in this workspace/);

  // Settings → Check this workspace finds nothing broken, and names the missing link.
  await me.page.goto('./#/settings');
  await me.page.getByTestId('check-workspace').click();
  await expect(me.page.getByTestId('check-result')).toContainText('1 finding');
  const finding = me.page.getByTestId('check-findings').getByRole('listitem');
  await expect(finding).toHaveText(/Missing link\s*The follow-up “Ask for the crossing figures” belongs to a briefing not in this workspace\.\s*Open/);
  await expect(me.page.locator('[data-severity="fatal"]')).toHaveCount(0);
  await me.page.locator('#workspace-check').screenshot({ path: testInfo.outputPath('settings-check.png') });
});

test('a record a screen cannot show is reported in its place; the rest of the page renders', async ({ browser, baseURL }, testInfo) => {
  const me = await colleague(browser, baseURL, 'Vienna desk');
  await loadExample(me);
  const page = me.page;
  // Written straight to IndexedDB, past every editor and import: a statement carrying one tag twice.
  const broken = row(
    'statements',
    { briefingId: EXAMPLE_ID, speakerId: null, kind: 'statement', text: 'A damaged statement', tags: ['drugs', 'drugs'], order: 'a0V' },
  );
  await seed(page, [broken]);
  // The editing view, whose keyed lists cannot show such a record (the reading view shows it as text).
  await page.goto(`./#/briefing/${EXAMPLE_ID}?mode=edit`);
  const error = page.getByTestId('record-error');
  await expect(error).toHaveCount(1);
  await error.screenshot({ path: testInfo.outputPath('record-error.png') });
  await expect(error).toHaveText('This statement cannot be shown: it lists the same entry twice. Settings → Check this workspace lists what is wrong.');
  await expect(page.locator('article.statement')).toHaveCount(19);
  await expect(page.getByRole('heading', { name: /^Statements/ })).toBeVisible();

  await page.goto('./#/settings');
  await page.getByTestId('check-workspace').click();
  await expect(page.locator('[data-severity="fatal"]')).toHaveText(/The statement “A damaged statement” lists the tag “drugs” more than once\./);

  await page.locator('#workspace-check').screenshot({ path: testInfo.outputPath('settings-check-fatal.png') });
  // Repaired by the import's rules, as an edit of this installation; the statement shows again.
  await page.getByTestId('repair-workspace').click();
  await expect(page.getByTestId('repair-result')).toHaveText('Repaired 1 record.');
  await expect(page.getByTestId('check-result')).toContainText('keep every rule');
  await page.goto(`./#/briefing/${EXAMPLE_ID}?mode=edit`);
  await expect(page.locator('article.statement')).toHaveCount(20);
  await expect(page.getByTestId('record-error')).toHaveCount(0);
});
