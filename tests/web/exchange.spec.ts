/**
 * File sync end to end, in Chromium: two colleagues, each in their own browser profile (a separate
 * context has its own IndexedDB), exchange files through the Exchange screen — downloads out, file
 * chooser in — and end up with the same briefing, with the conflict that one of them lost shown in the
 * conflict log and reversible from it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';

import { seriousViolations } from './axe';
import { decodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { EXAMPLE_ID, EXAMPLE_TITLE, closeColleagues, colleague, edit, expectBriefing, loadExample, newBriefing } from './exchange-colleague';
import { briefingRow, seed } from './seed';

test.afterEach(closeColleagues);

test('two colleagues exchange files both ways, converge, and a lost edit is shown and restored', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const alice = await colleague(browser, baseURL, 'Alice — political section');
  const bob = await colleague(browser, baseURL, 'Bob — economic section');

  // Each starts with work of their own: Alice the example briefing, Bob a briefing typed in.
  await loadExample(alice);
  await newBriefing(bob, 'Water diplomacy roundtable');

  // Alice → Bob: a full export for a colleague she has not exchanged with yet.
  await alice.exchange.goto();
  const first = await alice.exchange.export({ colleague: 'Bob' });
  expect(first.name).toMatch(/^attache-alice-political-section-to-bob-\d{4}-\d{2}-\d{2}\.attache$/);
  await bob.exchange.goto();
  await bob.exchange.chooseFile(first.path);
  await expect(bob.exchange.preview).toContainText('Alice — political section');
  expect(await bob.exchange.previewCountsOf('briefings')).toEqual({ added: 1, updated: 0, deleted: 0, heldBack: 0 });
  expect((await bob.exchange.previewCountsOf('statements')).added).toBe(19);
  expect((await bob.exchange.previewCountsOf('people')).added).toBe(3);
  // Nothing changes before Apply.
  await bob.briefings.goto();
  await expect(bob.briefings.row('Water diplomacy roundtable')).toBeVisible();
  await expect(bob.briefings.row(EXAMPLE_TITLE)).toHaveCount(0);
  await bob.exchange.goto();
  await bob.exchange.chooseFile(first.path);
  await bob.exchange.apply();
  await expect(bob.exchange.importDone).toContainText('Imported from Alice — political section');
  // A screen reader hears the outcome once: one live region holds it (the notice), not the screen's line too.
  const liveHolding = () =>
    bob.page.evaluate(() =>
      [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"]')].filter(
        (el) => el.textContent?.includes('Imported from Alice') && !el.parentElement?.closest('[aria-live], [role="status"], [role="alert"], [role="log"]'),
      ).length,
    );
  await expect.poll(liveHolding).toBe(1);
  await expect(bob.exchange.colleague('Alice — political section')).toBeVisible();

  // Bob → Alice: "changes since my last export" to a colleague he now knows.
  const back = await bob.exchange.export({ colleague: 'Alice — political section', changesOnly: true });
  await alice.exchange.chooseFile(back.path);
  expect((await alice.exchange.previewCountsOf('briefings')).added).toBe(1);
  await alice.exchange.apply();
  await alice.briefings.goto();
  await expect(alice.briefings.row('Water diplomacy roundtable')).toBeVisible();

  // Both edit the same briefing: different fields, and the same field (Bob's title edit is the newer).
  await edit(alice, EXAMPLE_ID, { location: 'MFA conference hall, Dushanbe', title: 'Countering modern threats (Alice)' });
  await edit(bob, EXAMPLE_ID, { audience: 'Heads of missions and UNODC', title: 'Countering modern threats (Bob)' });

  await alice.exchange.goto();
  const a2 = await alice.exchange.export({ colleague: 'Bob — economic section', changesOnly: true });
  await bob.exchange.goto();
  await bob.exchange.chooseFile(a2.path);
  expect((await bob.exchange.previewCountsOf('briefings')).updated).toBe(1);
  expect(await bob.exchange.previewConflictRows()).toEqual([
    [expect.stringContaining('Countering modern threats (Bob)'), 'Title', expect.stringContaining('Countering modern threats (Bob)'), expect.stringContaining('Countering modern threats (Alice)'), 'Mine'],
  ]);
  await bob.exchange.apply();

  const b2 = await bob.exchange.export({ colleague: 'Alice — political section', changesOnly: true });
  await alice.exchange.chooseFile(b2.path);
  expect(await alice.exchange.previewConflictRows()).toEqual([
    [expect.stringContaining('Countering modern threats (Alice)'), 'Title', expect.stringContaining('Countering modern threats (Alice)'), expect.stringContaining('Countering modern threats (Bob)'), 'Theirs'],
  ]);
  await alice.exchange.apply();

  // Same result on both: both different-field edits survive, the newer title wins.
  const merged = { title: 'Countering modern threats (Bob)', location: 'MFA conference hall, Dushanbe', audience: 'Heads of missions and UNODC' };
  await expectBriefing(alice, EXAMPLE_ID, merged);
  await expectBriefing(bob, EXAMPLE_ID, merged);
  for (const c of [alice, bob]) {
    await c.briefings.goto();
    await expect(c.briefings.rows).toHaveCount(2);
  }

  // Importing the same file again changes nothing.
  await alice.exchange.goto();
  await alice.exchange.chooseFile(b2.path);
  await expect(alice.exchange.nothingToDo).toBeVisible();
  await expect(alice.exchange.importPanel.getByRole('button', { name: 'Apply', exact: true })).toHaveCount(0);
  await alice.exchange.cancelImport();

  // The losing title is in both conflict logs, with who lost it.
  const onBob = bob.exchange.conflict('Title', 'Countering modern threats (Bob)');
  await bob.exchange.goto();
  // Word by word: what each version has that the other lacks is marked (and read out as added / removed).
  await expect(onBob.getByTestId('conflict-kept')).toHaveText('Countering modern threats (added: Bob)');
  await expect(onBob.getByTestId('conflict-lost')).toHaveText('Countering modern threats (removed: Alice)');
  await expect(onBob).toContainText('Alice — political section');
  const onAlice = alice.exchange.conflict('Title', 'Countering modern threats (Bob)');
  await expect(onAlice).toHaveCount(1);
  await expect(onAlice).toContainText('this installation');

  // Alice restores her title: it is back in the record, and it travels to Bob without a new conflict.
  await alice.exchange.restore(onAlice);
  await expect(alice.exchange.conflicts).toHaveCount(0);
  await expect(alice.exchange.page.getByTestId('conflicts-reviewed')).toContainText('restored');
  await expectBriefing(alice, EXAMPLE_ID, { ...merged, title: 'Countering modern threats (Alice)' });

  await alice.exchange.goto();
  const a3 = await alice.exchange.export({ colleague: 'Bob — economic section', changesOnly: true });
  await bob.exchange.goto();
  await bob.exchange.chooseFile(a3.path);
  await expect(bob.exchange.previewConflicts).toHaveCount(0);
  await bob.exchange.apply();
  await expect(bob.exchange.conflicts).toHaveCount(0);
  await expectBriefing(bob, EXAMPLE_ID, { ...merged, title: 'Countering modern threats (Alice)' });
});

test('a tampered file, a wrong passphrase and a truncated file are refused with clear messages and change nothing', async ({ browser, baseURL }, testInfo) => {
  const alice = await colleague(browser, baseURL, 'Alice');
  const bob = await colleague(browser, baseURL, 'Bob');
  await loadExample(alice);
  await alice.exchange.goto();

  // The export form checks the passphrase twice before writing anything.
  const p = alice.exchange.exportPanel;
  await p.getByRole('checkbox', { name: 'Encrypt with a passphrase' }).check();
  await p.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
  await p.getByLabel('Passphrase again').fill('correct horse batery');
  await p.getByRole('button', { name: 'Export…' }).click();
  await expect(p.locator('#export-passphrase-error')).toHaveText('The two passphrases differ; type the same passphrase twice.');

  const encrypted = await alice.exchange.export({ passphrase: 'correct horse battery' });
  const plain = await alice.exchange.export();

  // Tampered: one letter of a title changed inside the file.
  const bytes = await readFile(plain.path);
  const text = bytes.toString('latin1');
  const at = text.indexOf('Countering');
  expect(at).toBeGreaterThan(0);
  const tampered = Buffer.from(bytes);
  tampered[at] = 'K'.charCodeAt(0);
  const tamperedPath = testInfo.outputPath('tampered.attache');
  await writeFile(tamperedPath, tampered);
  const truncatedPath = testInfo.outputPath('truncated.attache');
  await writeFile(truncatedPath, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const notSyncPath = testInfo.outputPath('notes.attache');
  await writeFile(notSyncPath, 'Meeting notes, not a sync file\n');

  await bob.exchange.goto();
  await bob.exchange.chooseFile(tamperedPath);
  await expect(bob.exchange.importError).toHaveText('tampered.attache: The file was changed or damaged after it was written: its integrity check does not match.');
  await bob.exchange.chooseFile(truncatedPath);
  await expect(bob.exchange.importError).toContainText('truncated.attache: The file');
  await expect(bob.exchange.importError).toContainText(/truncated|damaged|changed/);
  await bob.exchange.chooseFile(notSyncPath);
  await expect(bob.exchange.importError).toHaveText('notes.attache: This is not an Attaché sync file.');

  // Encrypted: asks for the passphrase; a wrong one says so and keeps asking.
  await bob.exchange.chooseFile(encrypted.path);
  await expect(bob.exchange.importPanel).toContainText('is encrypted');
  await bob.exchange.unlock('wrong passphrase');
  await expect(bob.exchange.passphraseError).toHaveText('The passphrase is wrong, or the file was changed.');
  await expect(bob.exchange.preview).toHaveCount(0);

  // Nothing of any of these files reached Bob's workspace.
  await bob.briefings.goto();
  await expect(bob.briefings.empty).toBeVisible();

  // The right passphrase opens it.
  await bob.exchange.goto();
  await bob.exchange.importFile(encrypted.path, { passphrase: 'correct horse battery' });
  await expectBriefing(bob, EXAMPLE_ID, { title: EXAMPLE_TITLE });
});


test('the Exchange screen is keyboard usable and axe-clean, with every export option open and a preview shown', async ({ browser, baseURL }) => {
  const alice = await colleague(browser, baseURL, 'Alice');
  const bob = await colleague(browser, baseURL, 'Bob');
  await loadExample(alice);
  await alice.exchange.goto();
  const file = await alice.exchange.export({ colleague: 'Bob' });

  const p = alice.exchange.exportPanel;
  await p.getByRole('radio', { name: /Only changes since/ }).check();
  await p.getByRole('checkbox', { name: 'Share only part of the workspace' }).check();
  await p.getByRole('checkbox', { name: 'Encrypt with a passphrase' }).check();
  await expect(p.getByRole('checkbox', { name: /International Cooperation/ })).toBeVisible();
  expect(await seriousViolations(alice.page)).toEqual([]);

  // Keyboard only: the form checks everything at once and says what is missing.
  await p.getByRole('combobox', { name: /Colleague/ }).fill('');
  await p.getByLabel('Passphrase', { exact: true }).focus();
  await alice.page.keyboard.type('short');
  await alice.page.keyboard.press('Tab');
  await alice.page.keyboard.type('short');
  await alice.page.keyboard.press('Enter');
  await expect(p.locator('#export-passphrase-error')).toHaveText('Use a passphrase of at least 8 characters.');
  await expect(p.locator('#export-colleague-error')).toHaveText('Name the colleague the changes are for.');
  await expect(p.locator('#export-selection-error')).toHaveText('Choose at least one tag, briefing or classification ceiling to share.');

  await bob.exchange.goto();
  await bob.exchange.chooseFile(file.path);
  await expect(bob.exchange.previewCounts).toBeVisible();
  expect(await seriousViolations(bob.page)).toEqual([]);
});

test('a partial export from hundreds of briefings: chosen through the filtered list, tags offered once per spelling', async ({ browser, baseURL }) => {
  const alice = await colleague(browser, baseURL, 'Alice');
  const rows = Array.from({ length: 260 }, (_, i) =>
    briefingRow({ title: `Weekly round-up ${i + 1}`, startsAt: `2016-03-${String((i % 28) + 1).padStart(2, '0')}T09:00`, tags: [i % 2 ? 'Énergie' : 'energie'] }),
  );
  await seed(alice.page, rows);
  await alice.exchange.goto();
  const p = alice.exchange.exportPanel;
  await p.getByRole('checkbox', { name: 'Share only part of the workspace' }).check();

  // "Énergie" and "energie" select the same briefings, so the tag is offered once.
  await expect(p.getByRole('group', { name: 'Briefings tagged' }).getByRole('checkbox')).toHaveCount(1);
  // Not 260 checkboxes at once: the first 200, and the filter for the rest.
  const list = p.getByRole('group', { name: 'Briefings to share' });
  await expect(list.getByRole('checkbox')).toHaveCount(200);
  await expect(p.getByText('Showing the first 200 of 260 matches')).toBeVisible();
  await p.getByLabel('Filter briefings').fill('round-up 257');
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await list.getByRole('checkbox', { name: /Weekly round-up 257/ }).check();
  await expect(p.getByText('1 of 260 ticked')).toBeVisible();

  const file = await alice.exchange.export();
  const decoded = await decodeSyncFile(new Uint8Array(await readFile(file.path)));
  expect(decoded.data.briefings.map((b) => b.title)).toEqual(['Weekly round-up 257']);
  expect(decoded.header.scope).toMatchObject({ kind: 'selection', description: '1 chosen briefing' });
});

test('a backup downloads the whole workspace, is remembered, and restores into an empty profile', async ({ browser, baseURL }) => {
  const alice = await colleague(browser, baseURL, 'Alice');
  await loadExample(alice);
  await alice.exchange.goto();
  const last = alice.page.getByTestId('last-backup');
  await expect(last).toHaveText('Last backup: none yet');
  const download = alice.page.waitForEvent('download');
  await alice.page.getByRole('button', { name: 'Back up now' }).click();
  const file = await (await download).path();
  await expect(alice.page.getByTestId('backup-done')).toContainText('Backup saved');
  // Remembered by this installation, across a reload.
  await alice.page.reload();
  await expect(last).not.toHaveText('Last backup: none yet');

  const restored = await colleague(browser, baseURL, 'Spare laptop');
  await restored.exchange.chooseFile(file);
  expect(await restored.exchange.previewCountsOf('briefings')).toMatchObject({ added: 1 });
  await restored.exchange.apply();
  await expectBriefing(restored, EXAMPLE_ID, { title: EXAMPLE_TITLE });
  // The other profile never backed up.
  await restored.exchange.goto();
  await expect(restored.page.getByTestId('last-backup')).toHaveText('Last backup: none yet');
});
