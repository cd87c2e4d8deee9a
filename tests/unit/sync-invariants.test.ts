/** The workspace invariants (core/sync/invariants.ts): every rule found, every repair deterministic and commuting with the merge. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateKeyBetween } from 'fractional-indexing';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { emptyWorkspaceData, SETTINGS_ID, type SyncedTable, type TableFields } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import {
  RULES,
  checkIncoming,
  checkWorkspace,
  checkWorkspaceSliced,
  isValidOrderKey,
  libraryAcceptsOrderKey,
  repairRecord,
  repairedOrderKey,
  type InvariantRule,
  type RecordRules,
} from '../../src-renderer/src/core/sync/invariants';
import { mergeRecord } from '../../src-renderer/src/core/sync/merge';
import { levelNameKey } from '../../src-renderer/src/core/classification';
import { newActionFields } from '../../src-renderer/src/data/actions';
import { fcOptions } from './fc-seed';
import { briefingFields } from './fixtures';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const CLOCK = formatHlc(Date.UTC(2025, 4, 1, 9), 0, 'a1b2c3d4e5f60718a1b2c3d4e5f60718');
const LATER = formatHlc(Date.UTC(2025, 4, 1, 10), 0, 'b1b2c3d4e5f60718a1b2c3d4e5f60718');
let n = 0;
const id = () => `0196a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const rec = <T extends SyncedTable>(table: T, fields: TableFields[T], recordId = id(), clock = CLOCK) => createRecord(table, recordId, fields, clock);

const statement = (over: Partial<TableFields['statements']> = {}): TableFields['statements'] => ({
  briefingId: id(),
  speakerId: null,
  kind: 'statement',
  text: 'We will double our contribution.',
  tags: [],
  order: 'a0',
  ...over,
});
const action = (over: Partial<TableFields['actions']> = {}): TableFields['actions'] => newActionFields({ title: 'Send the figures', ...over });

describe('order keys', () => {
  it('accepts what the library writes and refuses what it cannot place', () => {
    expect(isValidOrderKey('a0')).toBe(true);
    expect(isValidOrderKey(generateKeyBetween('a0', 'a1'))).toBe(true);
    for (const bad of ['', '!', 'a', 'a00', 'a0 ', 'a0!', 'A00000000000000000000000000', 'b0', 'a0 1']) expect(isValidOrderKey(bad), bad).toBe(false);
  });

  it('agrees with the library on every key (base-62 keys; others the library would misplace)', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const keys = fc.oneof(
      fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 30 }),
      fc.tuple(fc.constantFrom('a', 'b', 'z', 'A', 'Y', 'Z'), fc.string({ unit: fc.constantFrom('0', '1', 'V', 'z'), maxLength: 28 })).map(([h, t]) => h + t),
    );
    fc.assert(
      fc.property(keys, (key) => {
        expect(isValidOrderKey(key)).toBe(libraryAcceptsOrderKey(key));
      }),
      fcOptions({ numRuns: 2000 }),
    );
    for (const key of ['A00000000000000000000000000', 'A00000000000000000000000000V', 'zzzzzzzzzzzzzzzzzzzzzzzzzzz', 'a0', 'a00', 'Zz']) {
      expect(isValidOrderKey(key), key).toBe(libraryAcceptsOrderKey(key));
    }
  });

  it('repairs a bad key to a valid one that depends only on the record id and the bad key', () => {
    const a = repairedOrderKey('x1', '!!');
    expect(isValidOrderKey(a)).toBe(true);
    expect(repairedOrderKey('x1', '!!')).toBe(a);
    expect(repairedOrderKey('x2', '!!')).not.toBe(a);
    // After every key the app writes, and still room to append after it.
    expect(a > generateKeyBetween('a0', null)).toBe(true);
    expect(() => generateKeyBetween(a, null)).not.toThrow();
  });
});

describe('repairRecord', () => {
  it('leaves a sound record as the same object', () => {
    const b = rec('briefings', briefingFields({ tags: ['a', 'b'], organiserIds: [id(), id()] }));
    const result = repairRecord('briefings', b);
    expect(result.record).toBe(b);
    expect(result.findings).toEqual([]);
  });

  it('drops tags search takes for one, keeping the first, stamps untouched', () => {
    const b = rec('briefings', briefingFields({ title: 'Drug routes', tags: ['Drugs', 'borders', ' drügs ', 'BORDERS'] }));
    const { record, findings } = repairRecord('briefings', b);
    expect(record!.tags).toEqual(['Drugs', 'borders']);
    expect(record!.stamps).toBe(b.stamps);
    expect(record!.hlc).toBe(b.hlc);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ table: 'briefings', recordId: b.id, rule: 'unique-tags', severity: 'fatal', outcome: 'repaired' });
    expect(findings[0]!.message).toBe('The briefing “Drug routes” lists the tags “ drügs ”, “BORDERS” more than once; the repeats were dropped.'.replace('“ drügs ”', '“drügs”'));
  });

  it('folds every tag that is not already in folded form (spacing, case, accents)', () => {
    for (const pair of [['x  y', 'X Y'], ['ab C', 'ab c'], ['drugs ü', 'drugs u'], ['a b', 'a  b ']]) {
      expect(repairRecord('statements', rec('statements', statement({ tags: pair }))).record!.tags, pair.join('|')).toEqual([pair[0]]);
    }
  });

  it('drops repeated organisers, statement and follow-up tags', () => {
    const org = id();
    expect(repairRecord('briefings', rec('briefings', briefingFields({ organiserIds: [org, org] }))).record!.organiserIds).toEqual([org]);
    expect(repairRecord('statements', rec('statements', statement({ tags: ['a', 'A'] }))).record!.tags).toEqual(['a']);
    const f = repairRecord('actions', rec('actions', action({ tags: ['x', 'x'] })));
    expect(f.record!.tags).toEqual(['x']);
    expect(f.findings[0]!.message).toBe('The follow-up “Send the figures” lists the tag “x” more than once; the repeats were dropped.');
  });

  it('drops classification levels repeating an id or a name', () => {
    const s = rec(
      'settings',
      {
        ...V2_FIELDS.settings(),
        classificationLevels: [
          { id: 'u', label: 'UNCLASSIFIED' },
          { id: 'u', label: 'OTHER' },
          { id: 'r', label: 'Restricted' },
          { id: 'r2', label: ' RESTRICTED ' },
        ],
        defaultClassification: 'u',
      },
      SETTINGS_ID,
    );
    const { record, findings } = repairRecord('settings', s);
    expect(record!.classificationLevels).toEqual([
      { id: 'u', label: 'UNCLASSIFIED' },
      { id: 'r', label: 'Restricted' },
    ]);
    expect(findings.map((f) => f.rule)).toEqual(['unique-level-ids', 'unique-level-names']);
    expect(findings[0]!.message).toBe('The settings record lists the classification level id “u” more than once; the repeats were dropped.');
    expect(findings[1]!.message).toBe('The settings record lists the classification level named “RESTRICTED” more than once; the repeats were dropped.');
  });

  it('gives a statement with an unusable order key the deterministic repaired key', () => {
    const s = rec('statements', statement({ order: 'a0!' }));
    const { record, findings } = repairRecord('statements', s);
    expect(record!.order).toBe(repairedOrderKey(s.id, 'a0!'));
    expect(findings[0]).toMatchObject({ rule: 'valid-order-key', outcome: 'repaired' });
    expect(findings[0]!.message).toMatch(/^The statement “We will double our contribution\.” has an order key that is not a valid position \(“a0!”\); it was placed after/);
  });

  it('commutes with the merge: repairing before or after merging gives the same record', () => {
    const recordId = id();
    const a = rec('briefings', briefingFields({ tags: ['x', 'X'], title: 'A' }), recordId, CLOCK);
    const b = rec('briefings', briefingFields({ tags: ['y'], title: 'B' }), recordId, LATER);
    const repairThenMerge = mergeRecord('briefings', repairRecord('briefings', a).record, repairRecord('briefings', b).record!).result;
    const mergeThenRepair = repairRecord('briefings', mergeRecord('briefings', a, b).result!).record;
    expect(repairThenMerge).toEqual(mergeThenRepair);
    const other = mergeRecord('briefings', repairRecord('briefings', b).record, repairRecord('briefings', a).record!);
    expect(other.result).toBeUndefined();
  });
});

describe('checkWorkspace', () => {
  it('finds nothing in a sound workspace', () => {
    const data = emptyWorkspaceData();
    const org = rec('organisations', { ...V2_FIELDS.organisations(), name: 'UNODC', acronym: '', country: '' });
    const b = rec('briefings', briefingFields({ organiserIds: [org.id] }));
    const p = rec('people', { ...V2_FIELDS.people(), name: 'A. Speaker', title: '', organisationId: org.id, country: '' });
    const s = rec('statements', statement({ briefingId: b.id, speakerId: p.id }));
    data.organisations.push(org);
    data.briefings.push(b);
    data.people.push(p);
    data.statements.push(s);
    data.actions.push(rec('actions', action({ briefingId: b.id, statementId: s.id })));
    expect(checkWorkspace(data)).toEqual([]);
  });

  it('reports every rule, with its severity, naming the record', () => {
    const data = emptyWorkspaceData();
    data.settings.push(rec('settings', { ...V2_FIELDS.settings(), classificationLevels: [{ id: 'u', label: 'U' }, { id: 'u', label: 'V' }], defaultClassification: 'gone' }, SETTINGS_ID));
    const b = rec('briefings', briefingFields({ title: 'Talks', organiserIds: [id()], tags: ['a', 'a'] }));
    data.briefings.push(b);
    data.people.push(rec('people', { ...V2_FIELDS.people(), name: 'Lone', title: '', organisationId: id(), country: '' }));
    data.statements.push(rec('statements', statement({ text: 'First', briefingId: b.id, order: 'a1' })));
    data.statements.push(rec('statements', statement({ text: 'Second', briefingId: b.id, order: 'a1' })));
    data.statements.push(rec('statements', statement({ text: 'Third', briefingId: b.id, order: '!' })));
    data.statements.push(rec('statements', statement({ text: 'Orphan', speakerId: id() })));
    data.actions.push(rec('actions', action({ title: 'Lost', briefingId: id(), statementId: id() })));
    const found = checkWorkspace(data);
    const rules = new Set(found.map((f) => f.rule));
    expect([...rules].sort()).toEqual(
      [
        'unique-level-ids',
        'default-level-exists',
        'unique-tags',
        'briefing-organisers-exist',
        'person-organisation-exists',
        'unique-order-key',
        'valid-order-key',
        'statement-briefing-exists',
        'statement-speaker-exists',
        'action-briefing-exists',
        'action-statement-exists',
      ].sort(),
    );
    // Every rule of the first format but the multi-level name one is exercised here (that one is in repairRecord's
    // tests); those of the new lists and links of format 2 are in record-model.test.ts.
    expect(Object.keys(RULES).filter((r) => !rules.has(r as InvariantRule))).toEqual([
      'unique-organisers',
      'unique-level-names',
      'unique-attendees',
      'unique-attendee-groups',
      'unique-aliases',
      'event-held-elsewhere',
      'attendees-exist',
      'organisation-parent-exists',
      'merged-into-exists',
      'held-in-briefing-exists',
      'no-parent-cycle',
      'no-merge-cycle',
    ]);
    for (const f of found) {
      expect(f.severity).toBe(RULES[f.rule].severity);
      expect(f.outcome).toBe('reported');
      expect(f.message).toMatch(/^The .*\.$/);
    }
    expect(found.find((f) => f.rule === 'action-briefing-exists')!.message).toBe('The follow-up “Lost” belongs to a briefing not in this workspace.');
    expect(found.find((f) => f.rule === 'unique-order-key')!.message).toMatch(/^The statement “Second” has the same place/);
    expect(found.find((f) => f.rule === 'default-level-exists')!.message).toBe(
      'The settings record names the default level “gone”, which is not one of the levels (the first level is used).',
    );
  });

  it('does not hold deleted records to references', () => {
    const data = emptyWorkspaceData();
    const s = rec('statements', statement());
    data.statements.push({ ...s, deleted: 1 });
    expect(checkWorkspace(data)).toEqual([]);
  });

  it('runs in slices with progress, finding the same', async () => {
    const data = emptyWorkspaceData();
    for (let i = 0; i < 4500; i++) data.statements.push(rec('statements', statement({ order: i === 4000 ? '?' : 'a0' })));
    const seen: number[] = [];
    let breaths = 0;
    const found = await checkWorkspaceSliced(data, { onProgress: (d) => seen.push(d), breathe: async () => void breaths++ });
    expect(found).toEqual(checkWorkspace(data));
    expect(breaths).toBe(2);
    expect(seen).toEqual([2000, 4000, 4500]);
    // No options at all, and a cancelled check.
    expect(await checkWorkspaceSliced(data)).toEqual(found);
    const controller = new AbortController();
    controller.abort();
    await expect(checkWorkspaceSliced(data, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError', message: 'The check was cancelled.' });
  });
});

describe('the rules, exactly', () => {
  it('has one severity and one repairability per rule', () => {
    expect(RULES).toEqual({
      'unique-organisers': { severity: 'fatal', repairable: true },
      'unique-tags': { severity: 'fatal', repairable: true },
      'unique-level-ids': { severity: 'fatal', repairable: true },
      'unique-level-names': { severity: 'fatal', repairable: true },
      'valid-order-key': { severity: 'fatal', repairable: true },
      'unique-order-key': { severity: 'notice', repairable: false },
      'default-level-exists': { severity: 'notice', repairable: false },
      'statement-briefing-exists': { severity: 'dangling', repairable: false },
      'statement-speaker-exists': { severity: 'dangling', repairable: false },
      'action-briefing-exists': { severity: 'dangling', repairable: false },
      'action-statement-exists': { severity: 'dangling', repairable: false },
      'person-organisation-exists': { severity: 'dangling', repairable: false },
      'briefing-organisers-exist': { severity: 'dangling', repairable: false },
      'unique-attendees': { severity: 'fatal', repairable: true },
      'unique-attendee-groups': { severity: 'fatal', repairable: true },
      'unique-aliases': { severity: 'fatal', repairable: true },
      'event-held-elsewhere': { severity: 'fatal', repairable: true },
      'attendees-exist': { severity: 'dangling', repairable: false },
      'organisation-parent-exists': { severity: 'dangling', repairable: false },
      'merged-into-exists': { severity: 'dangling', repairable: false },
      'held-in-briefing-exists': { severity: 'dangling', repairable: false },
      'no-parent-cycle': { severity: 'notice', repairable: false },
      'no-merge-cycle': { severity: 'notice', repairable: false },
    });
  });

  it('compares level names as the Settings editor does (case, outer spaces; ß as SS)', () => {
    expect(levelNameKey(' restricted ')).toBe('RESTRICTED');
    expect(levelNameKey('Straße')).toBe(levelNameKey('STRASSE'));
  });

  it('refuses keys whose head is a digit, however long', () => {
    expect(isValidOrderKey(`0${'1'.repeat(50)}`)).toBe(false);
    expect(isValidOrderKey(`9${'1'.repeat(43)}`)).toBe(false);
  });

  it('gives the repaired key its fixed shape', () => {
    const key = repairedOrderKey('x1', '!!');
    expect(key).toMatch(/^x[0-9A-Za-z]{24}V$/);
  });

  it('says each repair in plain words', () => {
    const [o1, o2] = [id(), id()];
    const many = repairRecord('briefings', rec('briefings', briefingFields({ title: 'T', organiserIds: [o1, o2, o1, o2, o2] }))).findings[0]!;
    expect(many.message).toBe('The briefing “T” lists 2 organisers more than once; the repeats were dropped.');
    const long = repairRecord('statements', rec('statements', statement({ text: 'S', order: `a0  ${'!'.repeat(60)}` }))).findings[0]!;
    expect(long.message).toBe(`The statement “S” has an order key that is not a valid position (“a0 ${'!'.repeat(36)}”); it was placed after the other statements.`);
    const levels = (labels: string[]) =>
      repairRecord('settings', rec('settings', { ...V2_FIELDS.settings(), classificationLevels: labels.map((label, i) => ({ id: `l${i}`, label })), defaultClassification: 'l0' }, SETTINGS_ID)).findings[0]!.message;
    expect(levels(['X', ' x', 'x '])).toBe('The settings record lists the classification level named “x” more than once; the repeats were dropped.');
    expect(levels(['X', 'Y', 'x', 'y'])).toBe('The settings record lists the classification levels named “x”, “y” more than once; the repeats were dropped.');
    const untitled = repairRecord('actions', { ...rec('actions', action({ tags: ['a', 'a'] })), title: '' }).findings[0]!;
    expect(untitled.message).toMatch(/^The follow-up 0196a000-0000-7000-8000-\d{12} lists the tag “a” more than once/);
  });

  it('words every dangling reference and counts missing organisers', () => {
    const data = emptyWorkspaceData();
    data.briefings.push(rec('briefings', briefingFields({ title: 'B', organiserIds: [id(), id()] })));
    data.people.push(rec('people', { ...V2_FIELDS.people(), name: 'P', title: '', organisationId: id(), country: '' }));
    data.statements.push(rec('statements', statement({ text: 'S', speakerId: id() })));
    data.actions.push(rec('actions', action({ title: 'A', statementId: id() })));
    expect(checkWorkspace(data).map((f) => f.message)).toEqual([
      'The person “P” belongs to an organisation not in this workspace.',
      'The briefing “B” names 2 organisers not in this workspace.',
      'The statement “S” belongs to a briefing not in this workspace.',
      'The statement “S” names a speaker not in this workspace.',
      'The follow-up “A” comes from a statement not in this workspace.',
    ]);
    data.briefings[0]!.organiserIds.pop();
    expect(checkWorkspace(data)[1]!.message).toBe('The briefing “B” names an organiser not in this workspace.');
  });

  it('holds only the workspace settings record to the default level', () => {
    const data = emptyWorkspaceData();
    data.settings.push(rec('settings', { ...V2_FIELDS.settings(), classificationLevels: [{ id: 'u', label: 'U' }], defaultClassification: 'gone' }));
    expect(checkWorkspace(data)).toEqual([]);
  });
});

describe('checkIncoming (the import stage)', () => {
  it('leaves a sound settings record alone', () => {
    const data = emptyWorkspaceData();
    const s = rec('settings', { ...V2_FIELDS.settings(), classificationLevels: [{ id: 'u', label: 'U' }], defaultClassification: 'u' }, SETTINGS_ID);
    data.settings.push(s);
    expect(checkIncoming(data)).toEqual({ repaired: [], refused: [], repairedCount: 0, refusedCount: 0 });
    expect(data.settings[0]).toBe(s);
  });

  it('repairs in place and counts', () => {
    const data = emptyWorkspaceData();
    const ok = rec('briefings', briefingFields());
    const bad = rec('briefings', briefingFields({ tags: ['a', 'a'] }));
    data.briefings.push(ok, bad);
    const result = checkIncoming(data);
    expect(result.repairedCount).toBe(1);
    expect(result.refusedCount).toBe(0);
    expect(data.briefings[0]).toBe(ok);
    expect(data.briefings[1]!.tags).toEqual(['a']);
    expect(checkWorkspace(data).filter((f) => f.severity === 'fatal')).toEqual([]);
  });

  it('refuses a record no repair can mend, naming it and the rule, and takes it out of the file', () => {
    // No current rule is left broken by its repair: a rule that always complains reaches the refusal path.
    const stubborn: RecordRules = (table, record) =>
      table === 'briefings' && record.id.endsWith('2') ? [{ field: 'title', rule: 'unique-tags', value: 'x', entries: ['x'] }] : [];
    const data = emptyWorkspaceData();
    const keep = rec('briefings', briefingFields({ title: 'Kept' }), '0196a000-0000-7000-8000-000000000991');
    const refuse = rec('briefings', briefingFields({ title: 'Stubborn' }), '0196a000-0000-7000-8000-000000000992');
    data.briefings.push(keep, refuse, { ...refuse, id: '0196a000-0000-7000-8000-000000000982', title: 'Also' });
    const result = checkIncoming(data, 1, stubborn);
    expect(result.refusedCount).toBe(2);
    expect(result.repairedCount).toBe(0);
    expect(result.refused).toEqual([
      {
        table: 'briefings',
        recordId: refuse.id,
        rule: 'unique-tags',
        severity: 'fatal',
        outcome: 'refused',
        message: 'The briefing “Stubborn” lists the tag “x” more than once; it was not imported.',
        key: 'settings.finding.uniqueTags',
        values: { table: 'briefings', outcome: 'refused', label: 'Stubborn', count: 1 },
        entries: ['x'],
      },
    ]);
    expect(data.briefings).toEqual([keep]);
    expect(repairRecord('briefings', refuse, stubborn).record).toBeUndefined();
  });

  it('caps the lists but not the counts', () => {
    const data = emptyWorkspaceData();
    for (let i = 0; i < 5; i++) data.actions.push(rec('actions', action({ tags: ['a', 'a'] })));
    const result = checkIncoming(data, 2);
    expect(result.repaired).toHaveLength(2);
    expect(result.repairedCount).toBe(5);
  });
});
