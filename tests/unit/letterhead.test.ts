/**
 * The letterhead settings (issue 14): defaults, validation, the one reading every writer uses, saving
 * through the settings record, and the database upgrade that gives an older settings record the fields.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { HLC_ZERO, formatHlc } from '../../src-renderer/src/core/hlc';
import { checkLetterhead, defaultLetterhead, letterheadOf, LETTERHEAD_FIELDS, readLetterheadFields } from '../../src-renderer/src/core/letterhead';
import { SETTINGS_ID, FIELDS } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { validateFields } from '../../src-renderer/src/core/schemas';
import { setMessageLocale } from '../../src-renderer/src/core/errors';
import { effectiveSettings } from '../../src-renderer/src/core/settings';
import { AttacheDb, SCHEMA_V1 } from '../../src-renderer/src/data/db';
import { editSettings, settingsOf } from '../../src-renderer/src/data/settings';
import { ValidationError, Workspace } from '../../src-renderer/src/data/workspace';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('letterhead', () => {
  it('reads sensible defaults: the mission is the sender, the ministry the addressee, 69 characters, routine', () => {
    expect(letterheadOf({})).toEqual({
      mission: 'Embassy',
      from: 'Embassy',
      to: ['Ministry of Foreign Affairs'],
      info: [],
      distribution: [],
      precedence: 'ROUTINE',
      width: 69,
      portionMarks: false,
    });
    expect(letterheadOf({ missionName: '  Embassy of Ruritania,   Dushanbe ', cableFrom: 'AMEMBASSY DUSHANBE', cableInfo: ['', ' UN Vienna '] })).toMatchObject({
      mission: 'Embassy of Ruritania, Dushanbe',
      from: 'AMEMBASSY DUSHANBE',
      info: ['UN Vienna'],
    });
  });

  it('are synced fields of the settings record, each its own', () => {
    for (const f of LETTERHEAD_FIELDS) expect(FIELDS.settings).toContain(f);
  });

  it('refuse control characters, long lines, long lists, unknown precedences and widths out of range, by field', () => {
    expect(checkLetterhead({ missionName: 'Embassy\u0007' })?.missionName).toMatch(/without tabs or control characters/);
    expect(checkLetterhead({ cableFrom: 'x'.repeat(201) })?.cableFrom).toMatch(/at most 200 characters/);
    expect(checkLetterhead({ cableTo: Array.from({ length: 31 }, (_, i) => `A${i}`) })?.cableTo).toMatch(/at most 30 entries/);
    expect(checkLetterhead({ cableInfo: ['line\nbreak'] })?.cableInfo).toMatch(/one line of text/);
    expect(checkLetterhead({ cablePrecedence: 'URGENT' as never })?.cablePrecedence).toMatch(/ROUTINE, PRIORITY, IMMEDIATE, FLASH/);
    expect(checkLetterhead({ cableWidth: 39 })?.cableWidth).toMatch(/from 40 to 132/);
    expect(checkLetterhead({ cableWidth: 69.5 })?.cableWidth).toMatch(/whole number/);
    expect(checkLetterhead({ missionName: 'Посольство в Душанбе', cableWidth: 132, cablePrecedence: 'FLASH' })).toBeUndefined();
    // The schema applies the same rules to a record from a file.
    const bad = validateFields('settings', { ...effectiveSettings(undefined), cableTo: ['a\u0000b'] });
    expect(bad.ok).toBe(false);
  });

  it('say a line’s problem in the window’s language (Settings → Documents), in English where no window set one', () => {
    try {
      setMessageLocale(() => 'fr');
      expect(checkLetterhead({ cableFrom: 'x'.repeat(201), cableWidth: 39 })).toEqual({
        cableFrom: 'Une ligne de l’en-tête compte au plus 200 caractères',
        cableWidth: 'La largeur de ligne du télégramme est un nombre entier de 40 à 132',
      });
      setMessageLocale(() => 'ru');
      expect(checkLetterhead({ missionName: 'a\tb' })?.missionName).toBe('Строка бланка содержит одну строку текста, без табуляции и управляющих символов');
    } finally {
      setMessageLocale(() => 'en');
    }
    expect(checkLetterhead({ cableTo: Array.from({ length: 31 }, (_, i) => `A${i}`) })?.cableTo).toBe('A list holds at most 30 entries');
  });

  it('read an unsound stored field as its default without costing the others', () => {
    const f = readLetterheadFields({ missionName: 'Embassy of Ruritania', cableWidth: 9999, cablePrecedence: 'NOW', cableTo: 'not a list' });
    expect(f).toEqual({ ...defaultLetterhead(), missionName: 'Embassy of Ruritania' });
  });

  it('save through the settings record and refuse a bad edit with nothing stored', async () => {
    const db = new AttacheDb(`letterhead-${Math.random()}`);
    names.push(db.name);
    const ws = await Workspace.open(db);
    await editSettings(ws, () => ({ missionName: 'Embassy of Ruritania, Dushanbe', cableInfo: ['UN Vienna'], cableWidth: 72, portionMarks: true }));
    expect(await settingsOf(db)).toMatchObject({ missionName: 'Embassy of Ruritania, Dushanbe', cableInfo: ['UN Vienna'], cableWidth: 72, portionMarks: true });
    await expect(editSettings(ws, () => ({ cableWidth: 200 }))).rejects.toBeInstanceOf(ValidationError);
    await expect(editSettings(ws, () => ({ missionName: 'a\u0007' }))).rejects.toThrow(/control characters/);
    expect((await settingsOf(db)).cableWidth).toBe(72);
    db.close();
  });

  it('come to a settings record stored before they existed at their defaults and the lowest clock', async () => {
    const name = `letterhead-upgrade-${Math.random()}`;
    names.push(name);
    const record = createRecord(
      'settings',
      SETTINGS_ID,
      { ...defaultLetterhead(), classificationLevels: [{ id: 'u', label: 'UNCLASSIFIED' }], defaultClassification: 'u' },
      formatHlc(Date.UTC(2015, 2, 17), 0, 'test'),
    ) as unknown as Record<string, unknown> & { stamps: Record<string, unknown> };
    for (const f of LETTERHEAD_FIELDS) {
      delete record[f];
      delete record.stamps[f];
    }
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    await old.table('settings').put(record);
    old.close();

    const db = new AttacheDb(name);
    await db.open();
    const upgraded = (await db.settings.get(SETTINGS_ID))!;
    expect(upgraded).toMatchObject({ ...defaultLetterhead(), classificationLevels: [{ id: 'u', label: 'UNCLASSIFIED' }] });
    for (const f of LETTERHEAD_FIELDS) expect(upgraded.stamps[f]).toEqual({ c: HLC_ZERO });
    expect(validateFields('settings', Object.fromEntries(FIELDS.settings.map((f) => [f, upgraded[f]]))).ok).toBe(true);
    db.close();
  });
});
