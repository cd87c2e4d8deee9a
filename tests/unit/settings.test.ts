import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-renderer/src/core/classification';
import { defaultLetterhead } from '../../src-renderer/src/core/letterhead';
import { SETTINGS_ID, emptyWorkspaceData, type SettingsFields } from '../../src-renderer/src/core/model';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { selectPack } from '../../src-renderer/src/core/pack/select';
import { createRecord, editRecord } from '../../src-renderer/src/core/records';
import { settingsOfData } from '../../src-renderer/src/core/settings';
import { describeSelection, selectRecords } from '../../src-renderer/src/core/sync/select';
import { exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { addLevel, briefingsWithLevel, editSettings, levelIdFor, moveLevel, removeLevel, renameLevel, settingsOf } from '../../src-renderer/src/data/settings';
import { loadExample } from '../../src-renderer/src/data/example';
import { ValidationError, Workspace } from '../../src-renderer/src/data/workspace';

/** A plain patch, as the settings screen's fields make through editSettings. */
const save = (ws: Workspace, patch: Partial<SettingsFields>) => editSettings(ws, () => patch);

let db: AttacheDb;
let ws: Workspace;
let n = 0;

beforeEach(async () => {
  db = new AttacheDb(`settings-test-${n++}`);
  ws = await Workspace.open(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('settings', () => {
  it('fall back to the defaults until first changed, then live in one record with the fixed id', async () => {
    expect(await settingsOf(db)).toEqual(DEFAULT_SETTINGS);
    expect(await db.settings.count()).toBe(0);
    await save(ws, { defaultClassification: 'restricted' });
    const stored = await db.settings.get(SETTINGS_ID);
    expect(stored?.defaultClassification).toBe('restricted');
    expect(stored?.classificationLevels).toEqual(DEFAULT_SETTINGS.classificationLevels);
    expect((await settingsOf(db)).defaultClassification).toBe('restricted');
  });

  it('two quick first edits both land (no duplicate create)', async () => {
    const levels = addLevel(DEFAULT_SETTINGS.classificationLevels, 'Top Secret');
    await Promise.all([save(ws, { classificationLevels: levels }), save(ws, { defaultClassification: 'confidential' })]);
    const s = await settingsOf(db);
    expect(s.classificationLevels.map((l) => l.label)).toContain('Top Secret');
    expect(s.defaultClassification).toBe('confidential');
    expect(await db.settings.count()).toBe(1);
  });

  it('refuse bad level lists without changing what is stored', async () => {
    await save(ws, { defaultClassification: 'secret' });
    const before = await db.settings.get(SETTINGS_ID);
    await expect(save(ws, { classificationLevels: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(save(ws, { classificationLevels: renameLevel(DEFAULT_SETTINGS.classificationLevels, 'secret', '  ') })).rejects.toThrow(/cannot be empty/);
    await expect(save(ws, { classificationLevels: renameLevel(DEFAULT_SETTINGS.classificationLevels, 'secret', 'restricted') })).rejects.toThrow(/two levels named RESTRICTED/i);
    await expect(save(ws, { defaultClassification: 'nope', classificationLevels: DEFAULT_SETTINGS.classificationLevels })).rejects.toThrow(/default/);
    expect(await db.settings.get(SETTINGS_ID)).toEqual(before);
  });

  it('edit the level list: add, rename, reorder, remove; ids stay put', () => {
    let levels = addLevel(DEFAULT_SETTINGS.classificationLevels, '  EU   Restricted ');
    expect(levels.at(-1)).toEqual({ id: 'eu-restricted', label: 'EU Restricted' });
    expect(levelIdFor('Secret', levels)).toBe('secret-2');
    expect(levelIdFor('Ωμέγα', levels)).toBe('level');
    levels = renameLevel(levels, 'restricted', 'RESTRICTED — MISSION');
    expect(levels[1]).toEqual({ id: 'restricted', label: 'RESTRICTED — MISSION' });
    levels = moveLevel(levels, 'eu-restricted', -1);
    expect(levels.map((l) => l.id)).toEqual(['unclassified', 'restricted', 'confidential', 'eu-restricted', 'secret']);
    expect(moveLevel(levels, 'unclassified', -1)).toEqual(levels);
    levels = removeLevel(levels, 'confidential');
    expect(levels.map((l) => l.id)).toEqual(['unclassified', 'restricted', 'eu-restricted', 'secret']);
  });

  it('count the briefings that use a level', async () => {
    await loadExample(ws);
    const b = await db.briefings.toCollection().first();
    expect(await briefingsWithLevel(db, b!.classification)).toBe(1);
    expect(await briefingsWithLevel(db, 'no-such-level')).toBe(0);
  });
});

describe('editSettings', () => {
  it('computes each edit from the stored value, so quick edits compose', async () => {
    await Promise.all([
      editSettings(ws, (s) => ({ classificationLevels: addLevel(s.classificationLevels, 'Top Secret') })),
      editSettings(ws, (s) => ({ classificationLevels: renameLevel(s.classificationLevels, 'restricted', 'RESTRICTED (MISSION)') })),
      editSettings(ws, (s) => ({ classificationLevels: moveLevel(s.classificationLevels, 'top-secret', -1) })),
    ]);
    expect((await settingsOf(db)).classificationLevels.map((l) => l.label)).toEqual(['UNCLASSIFIED', 'RESTRICTED (MISSION)', 'CONFIDENTIAL', 'Top Secret', 'SECRET']);
  });

  it('will not remove the default level', async () => {
    await expect(editSettings(ws, (s) => ({ classificationLevels: removeLevel(s.classificationLevels, 'unclassified') }))).rejects.toThrow(/default/);
    expect(await db.settings.count()).toBe(0);
  });
});

describe('one settings rule for every reader', () => {
  const clock = (n: number) => formatHlc(Date.UTC(2015, 3, 1), n, 'test');
  const mission = [
    { id: 'unclassified', label: 'UNCLASSIFIED' },
    { id: 'mission', label: 'MISSION ONLY' },
    { id: 'secret', label: 'SECRET' },
  ];
  /** The example workspace with a mission level list, its one briefing marked MISSION ONLY. */
  function workspace(fields: Partial<SettingsFields>, deleted = false) {
    const data = exampleWorkspaceData({ clock: clock(0) });
    const b = data.briefings[0]!;
    Object.assign(b, editRecord('briefings', b, { classification: 'mission' }, clock(1))!);
    const record = createRecord('settings', SETTINGS_ID, { ...defaultLetterhead(), classificationLevels: mission, defaultClassification: 'mission', ...fields }, clock(2));
    data.settings.push(deleted ? { ...record, deleted: 1 } : record);
    return data;
  }

  it('keeps a merged level list whose default level the other desk removed, with its first level as default', async () => {
    // Desk A removed "confidential" after moving the default away; desk B made it the default meanwhile.
    const data = workspace({ defaultClassification: 'confidential' });
    expect(settingsOfData(data)).toEqual({ ...defaultLetterhead(), classificationLevels: mission, defaultClassification: 'unclassified' });
    // Pack selection, sync selection and its description read the same list.
    expect(selectPack(data, packOptions({ ceiling: 'mission' })).counts).toMatchObject({ briefings: 1, excluded: 0 });
    expect(selectPack(data, packOptions({ ceiling: 'unclassified' })).excluded.map((e) => e.classificationLabel)).toEqual(['MISSION ONLY']);
    expect(selectRecords(data, { ceiling: 'mission' }).briefings).toHaveLength(1);
    expect(describeSelection({ ceiling: 'mission' }, data)).toBe('All briefings, classified up to MISSION ONLY');
    // And so do the screens, from IndexedDB.
    await db.settings.put(data.settings[0]!);
    expect(await settingsOf(db)).toEqual({ ...defaultLetterhead(), classificationLevels: mission, defaultClassification: 'unclassified' });
  });

  it('falls back to the defaults everywhere once the settings record is deleted', async () => {
    const data = workspace({}, true);
    expect(settingsOfData(data)).toEqual(DEFAULT_SETTINGS);
    // "mission" is then an unknown level: above every ceiling, in packs and in sync files alike.
    expect(selectPack(data, packOptions({ ceiling: 'secret' })).counts).toMatchObject({ briefings: 0, excluded: 1 });
    expect(selectRecords(data, { ceiling: 'secret' }).briefings).toHaveLength(0);
    expect(describeSelection({ ceiling: 'restricted' }, data)).toBe('All briefings, classified up to RESTRICTED');
    expect(settingsOfData(emptyWorkspaceData())).toEqual(DEFAULT_SETTINGS);
    await db.settings.put(data.settings[0]!);
    expect(await settingsOf(db)).toEqual(DEFAULT_SETTINGS);
  });
});
