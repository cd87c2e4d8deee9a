/**
 * Issue 11's clock and log classes as a user meets them on the Exchange screen, in Chromium: a file dated far in
 * the future is refused with its count and date (the clock of this installation does not move), then taken as
 * one's own edits; a file from a copy of this installation is refused and changes nothing; a text conflict shows
 * a word-level difference; a deletion that hid an edit is logged and reversed from the conflict log. Files are a
 * colleague's real export, changed with the app's own record and file-format code. Afterwards every briefing
 * still renders and nothing earlier is lost.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, type Locator } from '@playwright/test';
import { formatHlc, nodeIdFromInstallationId, type Hlc } from '../../src-renderer/src/core/hlc';
import { formatShortLocalDateTime } from '../../src-renderer/src/core/dates';
import { SYNCED_TABLES, type StoredRecord, type SyncedTable, type WorkspaceData } from '../../src-renderer/src/core/model';
import { editRecord } from '../../src-renderer/src/core/records';
import { decodeSyncFile, encodeSyncFile, type DecodedSyncFile, type InstallationRef } from '../../src-renderer/src/core/sync/format';
import { seriousViolations } from './axe';
import { EXAMPLE_ID, EXAMPLE_TITLE, closeColleagues, colleague, edit, expectBriefing, loadExample, newBriefing } from './exchange-colleague';

test.afterEach(closeColleagues);

const DAY = 86_400_000;

/** Rewrite a decoded file with `change` applied to each record, signed by `installation` (the exporter's by default). */
async function rewrite(
  file: DecodedSyncFile,
  change: (table: SyncedTable, r: StoredRecord<SyncedTable>) => StoredRecord<SyncedTable>,
  installation: InstallationRef = file.header.installation,
): Promise<Uint8Array> {
  const data = Object.fromEntries(SYNCED_TABLES.map((t) => [t, (file.data[t] as StoredRecord<SyncedTable>[]).map((r) => change(t, r))])) as WorkspaceData;
  const { app, createdAt } = file.header;
  return encodeSyncFile(data, { app, installation, createdAt, scope: { kind: 'full' } });
}

/** Screenshots of a part of the screen without the toasts floating over it. */
async function shoot(part: Locator, path: string): Promise<void> {
  await part.page().addStyleTag({ content: '.toasts { display: none !important; }' });
  await part.screenshot({ path });
}

const dateOf = (clock: Hlc) => formatShortLocalDateTime(new Date(Number(clock.slice(0, 13))));

test('a file dated days ahead is refused with its count and furthest date, then taken as my own edits dated now', async ({ browser, baseURL }, testInfo) => {
  const alice = await colleague(browser, baseURL, 'Alice');
  const bob = await colleague(browser, baseURL, 'Bob');
  await loadExample(alice);
  const second = await newBriefing(alice, 'Consultations on border management');
  await alice.exchange.goto();
  const full = await alice.exchange.export();
  await bob.exchange.goto();
  await bob.exchange.importFile(full.path);

  // Alice's clock ran days ahead when she retitled both briefings.
  const decoded = await decodeSyncFile(new Uint8Array(await readFile(full.path)));
  const node = nodeIdFromInstallationId(decoded.header.installation.id);
  const three = formatHlc(Date.now() + 3 * DAY, 0, node);
  const five = formatHlc(Date.now() + 5 * DAY, 0, node);
  const titles: Record<string, [string, Hlc]> = { [EXAMPLE_ID]: ['Retitled three days ahead', three], [second]: ['Retitled five days ahead', five] };
  const path = testInfo.outputPath('future.attache');
  await writeFile(path, await rewrite(decoded, (t, r) => (t === 'briefings' && titles[r.id] ? (editRecord(t, r, { title: titles[r.id]![0] }, titles[r.id]![1]) ?? r) : r)));

  await bob.exchange.chooseFile(path);
  const refusal = bob.exchange.page.getByTestId('preview-future');
  await expect(refusal).toContainText('Dated in the future: 2 records refused');
  await expect(refusal).toContainText('more than 1 day ahead of this computer');
  await expect(refusal.getByTestId('preview-future-date')).toHaveText(dateOf(five));
  // Everything else Bob has already: refused, the file has nothing to apply.
  await expect(bob.exchange.nothingToDo).toContainText('Nothing else in this file would change your workspace.');
  await expect(bob.exchange.importPanel.getByRole('button', { name: 'Apply', exact: true })).toHaveCount(0);
  await shoot(bob.exchange.preview, testInfo.outputPath('preview-future.png'));
  expect(await seriousViolations(bob.page)).toEqual([]);
  await bob.exchange.cancelImport();
  await expectBriefing(bob, EXAMPLE_ID, { title: EXAMPLE_TITLE });
  await expectBriefing(bob, second, { title: 'Consultations on border management' });

  // The same file, its values taken as Bob's own edits: applied, and Bob's next edit still wins.
  await bob.exchange.goto();
  await bob.exchange.chooseFile(path);
  await bob.exchange.importPanel.getByRole('checkbox', { name: 'Take their values as my own edits, dated now' }).check();
  await bob.exchange.apply();
  await expect(bob.exchange.importDone).toContainText('2 updated');
  await expectBriefing(bob, EXAMPLE_ID, { title: 'Retitled three days ahead' });
  await expectBriefing(bob, second, { title: 'Retitled five days ahead' });
  await edit(bob, second, { title: 'Border management (Bob, now)' });
  await bob.exchange.goto();
  const back = await bob.exchange.export();
  const fromBob = await decodeSyncFile(new Uint8Array(await readFile(back.path)));
  const bobNode = nodeIdFromInstallationId(fromBob.header.installation.id);
  // Nothing Bob sends carries a clock beyond the drift: he never took the far ones.
  for (const t of SYNCED_TABLES) for (const r of fromBob.data[t]) expect(Number(r.hlc.slice(0, 13))).toBeLessThanOrEqual(Date.now() + DAY);
  expect(fromBob.data.briefings.find((b) => b.id === second)!.stamps.title!.c.endsWith(bobNode)).toBe(true);
  await bob.briefings.goto();
  await expect(bob.briefings.rows).toHaveCount(2);
});

test('a file from a copy of this installation is refused with an explanation and changes nothing', async ({ browser, baseURL }, testInfo) => {
  const bob = await colleague(browser, baseURL, 'Bob');
  await loadExample(bob);
  await edit(bob, EXAMPLE_ID, { location: 'Bob’s own edit' });
  await bob.exchange.goto();
  const mine = await bob.exchange.export();
  const decoded = await decodeSyncFile(new Uint8Array(await readFile(mine.path)));
  const self = decoded.header.installation;
  const node = nodeIdFromInstallationId(self.id);

  // A copy of Bob's profile (a restored backup on a second PC) edited the briefing an hour later, under Bob's node id.
  const copyClock = formatHlc(Date.now() + 3_600_000, 0, node);
  const path = testInfo.outputPath('copy.attache');
  await writeFile(path, await rewrite(decoded, (t, r) => (t === 'briefings' && r.id === EXAMPLE_ID ? (editRecord(t, r, { location: 'Written by the copy' }, copyClock) ?? r) : r), self));

  await bob.exchange.chooseFile(path);
  const refusal = bob.exchange.page.getByTestId('preview-own-copy');
  await expect(refusal).toContainText('From a copy of this installation: 1 record refused');
  await expect(refusal).toContainText('a restored backup or a copied disk used on another computer');
  await expect(refusal).toContainText(dateOf(copyClock));
  await expect(bob.exchange.nothingToDo).toContainText('Nothing else in this file would change your workspace.');
  await shoot(bob.exchange.preview, testInfo.outputPath('preview-copy.png'));
  await bob.exchange.cancelImport();
  await expectBriefing(bob, EXAMPLE_ID, { title: EXAMPLE_TITLE, location: 'Bob’s own edit' });
});

test('a text conflict in the log shows both versions word by word, as text', async ({ browser, baseURL }, testInfo) => {
  const alice = await colleague(browser, baseURL, 'Alice');
  const bob = await colleague(browser, baseURL, 'Bob');
  await loadExample(alice);
  await alice.exchange.goto();
  const full = await alice.exchange.export();
  await bob.exchange.goto();
  await bob.exchange.importFile(full.path);
  await edit(alice, EXAMPLE_ID, { audience: 'Heads of <b>mission</b> and UNODC staff' });
  await edit(bob, EXAMPLE_ID, { audience: 'Heads of <b>mission</b> and OSCE staff' });
  await alice.exchange.goto();
  const a2 = await alice.exchange.export();
  await bob.exchange.goto();
  await bob.exchange.importFile(a2.path);

  const entry = bob.exchange.conflict('Audience', EXAMPLE_TITLE.slice(0, 30));
  await expect(entry).toHaveCount(1);
  const kept = entry.getByTestId('conflict-kept');
  const lost = entry.getByTestId('conflict-lost');
  await expect(kept.locator('ins')).toHaveText(['added: OSCE']);
  await expect(kept.locator('del')).toHaveCount(0);
  await expect(lost.locator('del')).toHaveText(['removed: UNODC']);
  // What a screen reader reads, and the markup typed in the values shown as the characters typed.
  await expect(kept).toHaveText('Heads of <b>mission</b> and added: OSCE staff');
  await expect(lost).toHaveText('Heads of <b>mission</b> and removed: UNODC staff');
  await expect(entry.locator('b')).toHaveCount(0);
  await expect(kept.locator('ins .visually-hidden')).toHaveText('added: ');
  await shoot(bob.exchange.conflictLog, testInfo.outputPath('conflict-diff.png'));
  expect(await seriousViolations(bob.page)).toEqual([]);
});

test('an edit hidden by a colleague’s deletion is logged, and restoring it brings the briefing back with the edit', async ({ browser, baseURL }, testInfo) => {
  const alice = await colleague(browser, baseURL, 'Alice');
  const bob = await colleague(browser, baseURL, 'Bob');
  await loadExample(alice);
  const talks = await newBriefing(alice, 'Talks on water sharing');
  await alice.exchange.goto();
  const full = await alice.exchange.export();
  await bob.exchange.goto();
  await bob.exchange.importFile(full.path);

  // Alice deletes the talks; Bob, who never saw the deletion, adds their location afterwards.
  const decoded = await decodeSyncFile(new Uint8Array(await readFile(full.path)));
  const node = nodeIdFromInstallationId(decoded.header.installation.id);
  const deletion = testInfo.outputPath('deletion.attache');
  const at = formatHlc(Date.now(), 0, node);
  await writeFile(deletion, await rewrite(decoded, (t, r) => (t === 'briefings' && r.id === talks ? (editRecord(t, r, { deleted: 1 } as never, at) ?? r) : r)));
  await edit(bob, talks, { location: 'Almaty' });

  await bob.exchange.goto();
  await bob.exchange.chooseFile(deletion);
  expect((await bob.exchange.previewCountsOf('briefings')).deleted).toBe(1);
  expect(await bob.exchange.previewConflictRows()).toEqual([
    [expect.stringContaining('Talks on water sharing'), 'Deletion', expect.stringMatching(/^not deleted/), expect.stringMatching(/^deleted/), 'Theirs'],
  ]);
  await bob.exchange.apply();
  await expect(bob.exchange.importDone).toContainText('1 conflict logged');
  await bob.briefings.goto();
  await expect(bob.briefings.row('Talks on water sharing')).toHaveCount(0);

  await bob.exchange.goto();
  const entry = bob.exchange.conflict('Deletion', 'Talks on water sharing');
  await expect(entry.getByTestId('conflict-kept')).toHaveText('deleted');
  await expect(entry.getByTestId('conflict-lost')).toHaveText('not deleted');
  await expect(entry.getByTestId('conflict-hidden-edits')).toContainText('restoring brings it back with them');
  await shoot(bob.exchange.conflictLog, testInfo.outputPath('conflict-deleted.png'));
  await bob.exchange.restore(entry);
  await expect(bob.exchange.conflicts).toHaveCount(0);
  await expectBriefing(bob, talks, { title: 'Talks on water sharing', location: 'Almaty' });
  await expectBriefing(bob, EXAMPLE_ID, { title: EXAMPLE_TITLE });
  await bob.briefings.goto();
  await expect(bob.briefings.rows).toHaveCount(2);
});

test('the allowed drift is a setting of this computer: at 1 hour, edits dated 2 hours ahead are refused', async ({ browser, baseURL }, testInfo) => {
  const alice = await colleague(browser, baseURL, 'Alice');
  const bob = await colleague(browser, baseURL, 'Bob');
  await loadExample(alice);
  await alice.exchange.goto();
  const full = await alice.exchange.export();
  const decoded = await decodeSyncFile(new Uint8Array(await readFile(full.path)));
  const node = nodeIdFromInstallationId(decoded.header.installation.id);
  const path = testInfo.outputPath('two-hours.attache');
  const ahead = formatHlc(Date.now() + 2 * 3_600_000, 0, node);
  await writeFile(path, await rewrite(decoded, (t, r) => (t === 'briefings' ? (editRecord(t, r, { title: 'Two hours ahead' }, ahead) ?? r) : r)));

  await bob.page.goto('./#/settings');
  const drift = bob.page.getByLabel("Refuse edits dated more than this many hours ahead of this computer's clock");
  await expect(drift).toHaveValue('24');
  await drift.fill('0');
  await drift.press('Tab');
  await expect(bob.page.locator('#clock-drift-error')).toHaveText('A whole number of hours from 1 to 720');
  await drift.fill('1');
  await drift.press('Tab');
  await expect(bob.page.getByRole('region', { name: 'Clock of imported edits' }).getByRole('status')).toHaveText('Saved.');
  await shoot(bob.page.getByRole('region', { name: 'Clock of imported edits' }), testInfo.outputPath('settings-drift.png'));

  await bob.exchange.goto();
  await bob.exchange.chooseFile(path);
  await expect(bob.exchange.page.getByTestId('preview-future')).toContainText('more than 1 hour ahead of this computer');
  await bob.exchange.apply();
  await expect(bob.exchange.importDone).toContainText('1 refused');
  await bob.page.reload();
  await bob.briefings.goto();
  await expect(bob.briefings.row('Two hours ahead')).toHaveCount(0);
});
