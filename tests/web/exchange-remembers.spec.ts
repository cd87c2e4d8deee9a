/**
 * The Exchange screen remembers, in Chromium at 1024 × 768 (a small laptop): a colleague named at a first
 * export is a colleague from then on, so "changes since my last file to them" holds only what changed; and
 * the conflict tables (the import preview's and the conflict log) stay readable at that width, with long
 * values wrapped inside the page instead of widening it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { formatHlc, nodeIdFromInstallationId } from '../../src-renderer/src/core/hlc';
import { emptyWorkspaceData, type Briefing } from '../../src-renderer/src/core/model';
import { editRecord } from '../../src-renderer/src/core/records';
import { decodeSyncFile, encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { EXAMPLE_ID, closeColleagues, colleague, edit, loadExample } from './exchange-colleague';

test.afterEach(closeColleagues);

const CAROL = { id: '0190e000-0000-7000-8000-0000000ca201', name: 'Carol' };
const LONG_TITLE = `International Cooperation on Countering Modern Threats — ${'revised wording after consultation with the delegations '.repeat(4)}(Carol)`;
const LONG_WORD = `https://example.org/${'x'.repeat(180)}`;

/** Nothing is wider than the window: not the page, not the scrolling main area, not a table inside its card. */
async function widthProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
    const main = document.querySelector('main')!;
    if (main.scrollWidth > main.clientWidth) problems.push(`main ${main.scrollWidth} > ${main.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('section.card, table, [data-testid="conflict"]')) {
      const card = el.closest('section.card') ?? el;
      const box = el.getBoundingClientRect();
      const outer = card.getBoundingClientRect();
      if (el.scrollWidth > el.clientWidth + 1 || box.right > outer.right + 1) problems.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} overflows (${Math.round(box.right)} > ${Math.round(outer.right)})`);
    }
    return problems;
  });
}

test('a colleague named at the first export is remembered; the conflict tables fit 1024 px', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const alice = await colleague(browser, baseURL, 'Alice');
  await alice.page.setViewportSize({ width: 1024, height: 768 });
  await loadExample(alice);

  // First export to Carol, whom Alice has never exchanged with: she is remembered at once.
  await alice.exchange.goto();
  await expect(alice.exchange.colleagues).toContainText('No files exchanged yet');
  const first = await alice.exchange.export({ colleague: CAROL.name });
  await expect(alice.exchange.colleague(CAROL.name)).toBeVisible();
  const firstFile = await decodeSyncFile(new Uint8Array(await readFile(first.path)));
  expect(firstFile.data.statements.length).toBeGreaterThan(10);

  // Carol edits the example briefing's title and location (long values) a minute later than Alice's own edits.
  const sent = firstFile.data.briefings.find((b) => b.id === EXAMPLE_ID)!;
  const theirs = editRecord('briefings', sent, { title: LONG_TITLE, location: LONG_WORD }, formatHlc(Date.now() + 60_000, 0, nodeIdFromInstallationId(CAROL.id))) as Briefing;
  const data = emptyWorkspaceData();
  data.briefings.push(theirs);
  const fromCarol = testInfo.outputPath('from-carol.attache');
  await writeFile(
    fromCarol,
    await encodeSyncFile(data, { app: { name: 'Attaché', version: '0.1.0' }, installation: CAROL, createdAt: new Date().toISOString(), scope: { kind: 'full' } }),
  );
  await edit(alice, EXAMPLE_ID, { title: 'Countering modern threats (Alice)', location: 'MFA conference hall, Dushanbe' });

  // The preview's conflict table at 1024 px: two conflicts, long values wrapped, nothing wider than the page.
  await alice.exchange.goto();
  await alice.exchange.chooseFile(fromCarol);
  await expect(alice.exchange.previewConflicts.locator('tbody tr')).toHaveCount(2);
  await alice.exchange.preview.screenshot({ path: testInfo.outputPath('preview-1024.png') });
  expect(await widthProblems(alice.page)).toEqual([]);
  await alice.exchange.apply();

  // The conflict log at 1024 px.
  await expect(alice.exchange.conflicts).toHaveCount(2);
  await alice.exchange.conflictLog.screenshot({ path: testInfo.outputPath('conflict-log-1024.png') });
  expect(await widthProblems(alice.page)).toEqual([]);
  // Reviewed entries go to the table under the log: it fits too.
  await alice.exchange.dismiss(alice.exchange.conflict('Location', /.*/));
  await alice.page.getByTestId('conflicts-reviewed').locator('summary').click();
  await alice.exchange.conflictLog.screenshot({ path: testInfo.outputPath('reviewed-1024.png') });
  expect(await widthProblems(alice.page)).toEqual([]);

  // Carol's file took the place of the colleague Alice named: one Carol, with what was sent and received.
  await expect(alice.exchange.colleagues.getByRole('row')).toHaveCount(2);
  await expect(alice.exchange.colleague(CAROL.name)).toContainText('edits up to');

  // "Only changes since my last export" to Carol: the briefing and the log, not the whole example again.
  const next = await alice.exchange.export({ colleague: CAROL.name, changesOnly: true });
  const nextFile = await decodeSyncFile(new Uint8Array(await readFile(next.path)));
  expect(nextFile.header.scope).toMatchObject({ kind: 'since', to: { id: CAROL.id, name: CAROL.name } });
  expect(nextFile.data.statements).toEqual([]);
  expect(nextFile.data.briefings.map((b) => b.id)).toEqual([EXAMPLE_ID]);
  expect(nextFile.data.conflicts.length).toBeGreaterThan(0);
});
