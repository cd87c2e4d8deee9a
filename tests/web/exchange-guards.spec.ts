/**
 * The import's guard rails as a user meets them on the Exchange screen: a file that would delete most of
 * the workspace asks first (and Cancel changes nothing), and edits stamped far in the future are shown,
 * held back, and applied only when the user says so. The files are a colleague's real export, changed
 * with the app's own record and file-format code, as a colleague's installation would have written them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { formatHlc, nodeIdFromInstallationId } from '../../src-renderer/src/core/hlc';
import { SYNCED_TABLES, type StoredRecord, type SyncedTable, type WorkspaceData } from '../../src-renderer/src/core/model';
import { editRecord } from '../../src-renderer/src/core/records';
import { decodeSyncFile, encodeSyncFile, type DecodedSyncFile } from '../../src-renderer/src/core/sync/format';
import { BENCH_INSTALLATION, syntheticWorkspace } from '../bench/sync-workspace';
import { EXAMPLE_ID, EXAMPLE_TITLE, closeColleagues, colleague, expectBriefing, loadExample } from './exchange-colleague';

test.afterEach(closeColleagues);

/** Rewrite a decoded file with `change` applied to each record, signed by the same installation. */
async function rewrite(file: DecodedSyncFile, change: (table: SyncedTable, r: StoredRecord<SyncedTable>, i: number) => StoredRecord<SyncedTable>): Promise<Uint8Array> {
  let i = 0;
  const data = Object.fromEntries(SYNCED_TABLES.map((t) => [t, (file.data[t] as StoredRecord<SyncedTable>[]).map((r) => change(t, r, i++))])) as WorkspaceData;
  const { app, installation, createdAt } = file.header;
  return encodeSyncFile(data, { app, installation, createdAt, scope: { kind: 'full' } });
}

test('an import that would delete most of the workspace asks first; Cancel changes nothing', async ({ browser, baseURL }, testInfo) => {
  const alice = await colleague(browser, baseURL, 'Alice');
  const bob = await colleague(browser, baseURL, 'Bob');
  await loadExample(alice);
  await alice.exchange.goto();
  const full = await alice.exchange.export();
  await bob.exchange.goto();
  await bob.exchange.importFile(full.path);

  // Alice's installation deletes every record she sent (tombstones, newer than the records).
  const decoded = await decodeSyncFile(new Uint8Array(await readFile(full.path)));
  const node = nodeIdFromInstallationId(decoded.header.installation.id);
  const now = Date.now();
  const live = SYNCED_TABLES.reduce((n, t) => n + decoded.data[t].filter((r) => r.deleted === 0).length, 0);
  const deletions = testInfo.outputPath('deletions.attache');
  await writeFile(deletions, await rewrite(decoded, (t, r, i) => editRecord(t, r, { deleted: 1 } as never, formatHlc(now, i, node)) ?? r));

  await bob.exchange.chooseFile(deletions);
  await expect(bob.exchange.page.getByTestId('preview-mass-delete')).toContainText(`This import would delete ${live} of your ${live} records`);
  const dialog = bob.page.getByRole('dialog', { name: 'Delete most of your workspace?' });
  await bob.exchange.importPanel.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(dialog).toContainText(`This import would delete ${live} of your ${live} records.`);
  // Escape cancels, and focus goes back to the Apply button the question came from.
  await bob.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(bob.exchange.importPanel.getByRole('button', { name: 'Apply', exact: true })).toBeFocused();
  await bob.exchange.importPanel.getByRole('button', { name: 'Apply', exact: true }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(bob.exchange.importDone).toHaveCount(0);
  await expectBriefing(bob, EXAMPLE_ID, { title: EXAMPLE_TITLE });

  // Confirmed, it goes through, and Undo-free deletion is what the user chose.
  await bob.exchange.goto();
  await bob.exchange.chooseFile(deletions);
  await bob.exchange.importPanel.getByRole('button', { name: 'Apply', exact: true }).click();
  await dialog.getByRole('button', { name: 'Apply and delete' }).click();
  await expect(bob.exchange.importDone).toContainText(`${live} deleted`);
  await bob.briefings.goto();
  await expect(bob.briefings.empty).toBeVisible();
});

test('edits stamped more than a day in the future are shown, refused, and taken as my own edits only when chosen', async ({ browser, baseURL }, testInfo) => {
  const alice = await colleague(browser, baseURL, 'Alice');
  const bob = await colleague(browser, baseURL, 'Bob');
  await loadExample(alice);
  await alice.exchange.goto();
  const full = await alice.exchange.export();

  // Alice's clock ran three days ahead when she retitled the briefing.
  const decoded = await decodeSyncFile(new Uint8Array(await readFile(full.path)));
  const node = nodeIdFromInstallationId(decoded.header.installation.id);
  const future = formatHlc(Date.now() + 3 * 86_400_000, 0, node);
  const path = testInfo.outputPath('future.attache');
  await writeFile(path, await rewrite(decoded, (t, r) => (t === 'briefings' ? (editRecord(t, r, { title: 'Retitled in the future' }, future) ?? r) : r)));

  await bob.exchange.goto();
  await bob.exchange.chooseFile(path);
  await expect(bob.exchange.page.getByTestId('preview-future')).toContainText('1 record refused');
  await expect(bob.exchange.page.getByTestId('preview-held-back')).toContainText('Retitled in the future');
  expect((await bob.exchange.previewCountsOf('briefings')).heldBack).toBe(1);
  await bob.exchange.apply();
  await expect(bob.exchange.importDone).toContainText('1 refused');
  await bob.briefings.goto();
  // The held-back briefing was Bob's only one: the list, once loaded, is empty.
  await expect(bob.briefings.empty).toBeVisible();
  await expect(bob.briefings.row('Retitled in the future')).toHaveCount(0);

  // The same file again, this time taking the future edits as Bob's own.
  await bob.exchange.goto();
  await bob.exchange.chooseFile(path);
  await bob.exchange.importPanel.getByRole('checkbox', { name: 'Take their values as my own edits, dated now' }).check();
  await bob.exchange.apply();
  await expectBriefing(bob, EXAMPLE_ID, { title: 'Retitled in the future' });
});

test('a long import shows its progress and can be cancelled, before and during Apply, changing nothing', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  // A colleague's big workspace: 25,000 records (the benchmark's deterministic generator).
  const data = syntheticWorkspace(25_000);
  const path = testInfo.outputPath('big.attache');
  await writeFile(path, await encodeSyncFile(data, { app: { name: 'Attaché', version: 'test' }, installation: BENCH_INSTALLATION, createdAt: new Date().toISOString(), scope: { kind: 'full' } }));
  const bob = await colleague(browser, baseURL, 'Bob');

  // Cancelled while the file is read and compared.
  await bob.exchange.goto();
  await bob.exchange.cancelAsSoonAsProgressShows();
  await bob.exchange.chooseFile(path);
  await expect(bob.exchange.importError).toHaveText('The import was cancelled; nothing was changed.');
  await expect(bob.exchange.preview).toHaveCount(0);

  // Cancelled while it is applied: the one transaction is abandoned.
  await bob.exchange.chooseFile(path);
  await expect(bob.exchange.preview).toBeVisible();
  expect((await bob.exchange.previewCountsOf('statements')).added).toBeGreaterThan(10_000);
  await bob.exchange.cancelAsSoonAsProgressShows();
  await bob.exchange.importPanel.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(bob.exchange.importError).toHaveText('The import was cancelled; nothing was changed.');
  await bob.briefings.goto();
  await expect(bob.briefings.empty).toBeVisible();
});
