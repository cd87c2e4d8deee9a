/**
 * The invariant stage in every pipeline: the app's import (previewImport → applyImport), `attache sync merge`
 * and `attache sync check`. A file that breaks an invariant is repaired (listed in the preview) and never
 * stored broken.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { checkWorkspace, fatalFindings, repairedOrderKey } from '../../src-renderer/src/core/sync/invariants';
import { applyImport, previewImport } from '../../src-renderer/src/data/sync';
import { repairStoredRecords } from '../../src-renderer/src/data/workspace-repair';
import { cliRunner } from './cli-helpers';
import { BROKEN_IDS, brokenFile, brokenWorkspace } from './invariant-fixtures';
import { dump, installation } from './sync-helpers';

const { cli, out, err } = cliRunner();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attache-inv-'));
});
afterEach(() => vi.restoreAllMocks());

describe('the app import', () => {
  it('repairs what breaks an invariant, lists it in the preview and stores nothing broken', async () => {
    expect(fatalFindings(checkWorkspace(brokenWorkspace())).length).toBeGreaterThan(0);
    const { ws } = await installation('inv');
    const preview = await previewImport(ws, await brokenFile());
    expect(preview.invariants.refusedCount).toBe(0);
    expect(preview.invariants.repaired.map((f) => f.rule).sort()).toEqual(
      ['unique-level-ids', 'unique-level-names', 'unique-tags', 'unique-organisers', 'unique-tags', 'valid-order-key'].sort(),
    );
    expect(preview.invariants.repaired.every((f) => f.outcome === 'repaired')).toBe(true);
    expect(preview.invariants.repaired.find((f) => f.rule === 'unique-organisers')!.message).toBe(
      'The briefing “Border talks” lists an organiser more than once; the repeats were dropped.',
    );
    expect(preview.totals.added).toBe(5);
    await applyImport(ws, preview);
    const stored = await dump(ws);
    expect(fatalFindings(checkWorkspace(stored))).toEqual([]);
    expect(stored.briefings[0]!.tags).toEqual(['borders', 'drugs']);
    expect(stored.briefings[0]!.organiserIds).toEqual([BROKEN_IDS.org]);
    expect(stored.statements[0]!.order).toBe(repairedOrderKey(BROKEN_IDS.statement, 'a0 !'));
    expect(stored.settings[0]!.classificationLevels.map((l) => l.id)).toEqual(['unclassified', 'restricted']);
    // The dangling follow-up is kept: its briefing may arrive with the next file.
    expect(stored.actions).toHaveLength(1);
    expect(checkWorkspace(stored).map((f) => f.rule)).toEqual(['action-briefing-exists']);
  });

  it('imports the same file twice without news the second time', async () => {
    const { ws } = await installation('inv2');
    const bytes = await brokenFile();
    await applyImport(ws, await previewImport(ws, bytes));
    const again = await previewImport(ws, bytes);
    expect(again.nothingToDo).toBe(true);
  });
});

describe('repairing what is already stored (Settings → Check this workspace → Repair)', () => {
  it('applies the import’s repairs as local edits, stamped now, so they travel on', async () => {
    const { ws } = await installation('inv-repair');
    const data = brokenWorkspace();
    // Written straight into the database, past the import.
    await ws.db.transaction('rw', [ws.db.briefings, ws.db.statements], async () => {
      await ws.db.briefings.put(data.briefings[0]!);
      await ws.db.statements.put(data.statements[0]!);
    });
    const before = await dump(ws);
    const fatal = fatalFindings(checkWorkspace(before));
    expect(fatal.map((f) => f.rule).sort()).toEqual(['unique-organisers', 'unique-tags', 'unique-tags', 'valid-order-key']);
    expect(await repairStoredRecords(ws, fatal)).toBe(2);
    const after = await dump(ws);
    expect(fatalFindings(checkWorkspace(after))).toEqual([]);
    expect(after.briefings[0]!.tags).toEqual(['borders', 'drugs']);
    expect(after.briefings[0]!.stamps.tags!.c > before.briefings[0]!.stamps.tags!.c).toBe(true);
    expect(after.briefings[0]!.stamps.title).toEqual(before.briefings[0]!.stamps.title);
    expect(after.statements[0]!.order).toBe(repairedOrderKey(BROKEN_IDS.statement, 'a0 !'));
    expect(await repairStoredRecords(ws, fatal)).toBe(0);
  });
});

describe('attache sync check and merge', () => {
  it('check: exit 1 with one line per finding, 0 on a sound file, 2 on bad usage', async () => {
    const file = join(dir, 'broken.attache');
    await writeFile(file, await brokenFile());
    expect(await cli('sync', 'check', file)).toBe(1);
    expect(out.length).toBe(checkWorkspace(brokenWorkspace()).length);
    expect(out.some((l) => l.startsWith(`fatal valid-order-key statements/${BROKEN_IDS.statement}: The statement “Crossings will reopen in May.”`))).toBe(true);
    expect(out.some((l) => l.startsWith(`dangling action-briefing-exists actions/${BROKEN_IDS.action}:`))).toBe(true);
    expect(err[0]).toMatch(/finding/);
    // --lang: each finding's sentence in that language, the line's codes as they are.
    expect(await cli('sync', 'check', file, '--lang', 'ru')).toBe(1);
    expect(out.some((l) => l.startsWith(`fatal valid-order-key statements/${BROKEN_IDS.statement}: Заявление «Crossings will reopen in May.» имеет ключ порядка`))).toBe(true);
    expect(await cli('sync', 'check', file, '--lang', 'de')).toBe(2);

    const merged = join(dir, 'merged.attache');
    expect(await cli('sync', 'merge', file, '--out', merged)).toBe(0);
    expect(err.filter((l) => l.includes('repaired (')).length).toBe(6);
    const decoded = await decodeSyncFile(new Uint8Array(await readFile(merged)));
    expect(fatalFindings(checkWorkspace(decoded.data))).toEqual([]);

    const sound = join(dir, 'sound.attache');
    const data = brokenWorkspace();
    data.actions.length = 0;
    data.statements.length = 0;
    data.briefings[0]!.tags = ['borders'];
    data.briefings[0]!.organiserIds = [BROKEN_IDS.org];
    data.settings.length = 0;
    await writeFile(sound, await brokenFile(data));
    expect(await cli('sync', 'check', sound)).toBe(0);
    expect(out[0]).toMatch(/^OK: .* keeps every workspace rule \(2 records\)\.$/);

    expect(await cli('sync', 'check')).toBe(2);
    expect(await cli('sync', 'check', file, sound)).toBe(2);
  });
});
