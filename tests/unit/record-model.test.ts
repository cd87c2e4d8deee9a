/**
 * The record model of sync format 2 at its base: partial dates, the upgrade of records and files written by
 * the first version (defaults at the lowest clock, never logged as conflicts, real values always winning),
 * and the invariants of the new lists and links.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dueWindow, formatLongDate, formatShortDate } from '../../src-renderer/src/core/dates';
import { HLC_ZERO, formatHlc } from '../../src-renderer/src/core/hlc';
import { emptyWorkspaceData, type StoredRecord, type SyncedTable } from '../../src-renderer/src/core/model';
import { covers, datePrecision, firstDay, isPartialDate, lastDay } from '../../src-renderer/src/core/partial-date';
import { createRecord, editRecord } from '../../src-renderer/src/core/records';
import { validateFields } from '../../src-renderer/src/core/schemas';
import { decodeSyncFile, encodeSyncFile, type HeaderFields } from '../../src-renderer/src/core/sync/format';
import { checkIncoming, checkWorkspace, rings } from '../../src-renderer/src/core/sync/invariants';
import { mergeRecord } from '../../src-renderer/src/core/sync/merge';
import { V2_FIELDS, addMissingFields } from '../../src-renderer/src/core/upgrade';
import { briefingFields } from './fixtures';

const clock = (ms: number, node = 'a1') => formatHlc(Date.UTC(2025, 0, 1) + ms, 0, node);
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const header: HeaderFields = {
  app: { name: 'Attaché', version: '0.1.0' },
  installation: { id: '01900000-0000-7000-8000-00000000abcd', name: 'Laptop' },
  createdAt: '2025-01-01T00:00:00.000Z',
  scope: { kind: 'full' },
};

describe('partial dates', () => {
  it('knows a day, a month and a year, and nothing impossible', () => {
    expect(['2015-05-27', '2015-05', '2015'].map(datePrecision)).toEqual(['day', 'month', 'year']);
    for (const bad of ['2015-02-29', '2015-13', '2015-00', '0000', '0000-05', '15', '2015-5', 'May 2015', '2015-05-27T10:00', ' 2015']) {
      expect(isPartialDate(bad), bad).toBe(false);
    }
    expect(isPartialDate('2016-02-29')).toBe(true);
  });

  it('covers the days of its month or year', () => {
    expect([firstDay('2015-02'), lastDay('2015-02'), lastDay('2016-02'), lastDay('2015')]).toEqual(['2015-02-01', '2015-02-28', '2016-02-29', '2015-12-31']);
    expect(covers('2015-05', '2015-05-31')).toBe(true);
    expect(covers('2015-05', '2015-06-01')).toBe(false);
    expect(covers('2015', '2015-01-01')).toBe(true);
  });

  it('reads as the source said it, long and short', () => {
    expect(formatLongDate('2015-05')).toBe('May 2015');
    expect(formatShortDate('2015-09')).toBe('Sep 2015');
    expect(formatLongDate('2015')).toBe('2015');
    expect(formatShortDate('2015-05-27')).toBe('27 May 2015');
    expect(formatLongDate('2015-13')).toBe('2015-13');
  });

  it('is overdue once its whole period has passed, due soon once its first day is within the week', () => {
    expect(dueWindow('2015-05', '2015-05-31')).toBe('next7');
    expect(dueWindow('2015-05', '2015-06-01')).toBe('overdue');
    expect(dueWindow('2015-05', '2015-04-24')).toBe('next7');
    expect(dueWindow('2015-05', '2015-04-23')).toBe('later');
    expect(dueWindow('2015', '2015-12-31')).toBe('next7');
    expect(dueWindow('2015', '2016-01-01')).toBe('overdue');
    expect(dueWindow('2015-13', '2015-01-01')).toBe('none');
  });

  it('is what the follow-up schema accepts, with a message naming the three forms otherwise', () => {
    const action = { ...V2_FIELDS.actions(), kind: 'event', briefingId: null, statementId: null, title: 'Conference', owner: '', place: '', status: 'open', priority: 'normal', notes: '', tags: [] };
    expect(validateFields('actions', { ...action, due: '2015-05' }).ok).toBe(true);
    expect(validateFields('actions', { ...action, due: '2015' }).ok).toBe(true);
    const bad = validateFields('actions', { ...action, due: '2015-02-31' });
    expect(bad.ok ? '' : bad.errors.due).toMatch(/a day, a month or a year/);
  });
});

/** A record as the first version wrote it: without the fields and stamps sync format 2 added. */
function asVersion1(table: SyncedTable, record: StoredRecord<SyncedTable>): Record<string, unknown> {
  const r = structuredClone(record) as unknown as Record<string, unknown>;
  const added = (V2_FIELDS as Record<string, (() => object) | undefined>)[table];
  for (const f of Object.keys(added?.() ?? {})) {
    delete r[f];
    delete (r.stamps as Record<string, unknown>)[f];
  }
  return r;
}

/** A version-1 file holding `records` (one table), with a correct digest. */
function version1File(table: SyncedTable, records: Record<string, unknown>[]): Uint8Array {
  const counts = { settings: 0, organisations: 0, people: 0, briefings: 0, statements: 0, actions: 0, packs: 0, conflicts: 0, [table]: records.length };
  const maxClock = records.map((r) => r.hlc as string).sort().at(-1) ?? '';
  const content = `${JSON.stringify({ format: 'attache-sync', version: 1, ...header, counts, maxClock })}\n${JSON.stringify({ table, records })}\n`;
  const digest = createHash('sha256').update(content).digest('hex');
  return new TextEncoder().encode(`${content}{"sha256":"${digest}"}\n`);
}

describe('records and files of the first version', () => {
  it('reads a version-1 file: each new field at its default, stamped at the lowest clock', async () => {
    const b = createRecord('briefings', id(1), briefingFields(), clock(0));
    const decoded = await decodeSyncFile(version1File('briefings', [asVersion1('briefings', b)]));
    const read = decoded.data.briefings[0]!;
    expect(decoded.header.counts.templates).toBe(0);
    expect([read.attendees, read.attendeeGroups, read.comment]).toEqual([[], [], '']);
    expect(read.stamps.attendees).toEqual({ c: HLC_ZERO });
    expect(read.stamps.title).toEqual({ c: clock(0) });
    expect(read.hlc).toBe(b.hlc);
  });

  it('refuses a version-1 file that carries a table of version 2', async () => {
    const t = createRecord('templates', id(2), { name: 'Weekly', ...briefingFields(), tags: [] }, clock(0));
    const bytes = version1File('templates', [t as unknown as Record<string, unknown>]);
    await expect(decodeSyncFile(bytes)).rejects.toThrow(/lists briefing templates, which its format version 1 does not have/);
  });

  it('lets any real value win over an upgrade default, without logging the default as a conflict', () => {
    const upgraded = asVersion1('briefings', createRecord('briefings', id(3), briefingFields(), clock(0)));
    addMissingFields('briefings', upgraded, upgraded.stamps as Record<string, unknown>);
    const old = upgraded as unknown as StoredRecord<'briefings'>;
    // A colleague on the new version had added a group long before the old installation's last edit.
    const withGroup = editRecord('briefings', createRecord('briefings', id(3), briefingFields(), clock(0)), { attendeeGroups: ['Heads of mission'] }, clock(1, 'b2'))!;
    const later = editRecord('briefings', old, { title: 'Renamed on the old version' }, clock(50))!;
    const intoNew = mergeRecord('briefings', withGroup, later);
    expect(intoNew.result?.attendeeGroups ?? withGroup.attendeeGroups).toEqual(['Heads of mission']);
    expect(intoNew.conflicts.filter((c) => c.field === 'attendeeGroups')).toEqual([]);
    const intoOld = mergeRecord('briefings', later, withGroup);
    expect(intoOld.result?.attendeeGroups).toEqual(['Heads of mission']);
    expect(intoOld.conflicts).toEqual([]);
  });
});

describe('invariants of the new lists and links', () => {
  const person = (n: number, over: Partial<StoredRecord<'people'>> = {}) =>
    createRecord('people', id(n), { ...V2_FIELDS.people(), name: `Person ${n}`, title: '', organisationId: null, country: '', ...over }, clock(0));
  const org = (n: number, over: Partial<StoredRecord<'organisations'>> = {}) =>
    createRecord('organisations', id(n), { ...V2_FIELDS.organisations(), name: `Org ${n}`, acronym: '', country: '', ...over }, clock(0));

  it('repairs repeated attendees, groups and spellings, keeping the first, and an event held where it was announced', () => {
    const data = emptyWorkspaceData();
    data.people.push(person(1), person(2, { name: 'Rustam Nazarzoda', aliases: ['Рустам Назарзода', 'rustam  NAZARZODA', 'Рустам Назарзода'] }));
    data.briefings.push(
      createRecord(
        'briefings',
        id(10),
        briefingFields({
          attendees: [
            { personId: id(1), delegation: true },
            { personId: id(1), delegation: false },
          ],
          attendeeGroups: ['Heads of mission', 'heads of  MISSION'],
        }),
        clock(0),
      ),
    );
    const action = { ...V2_FIELDS.actions(), kind: 'event' as const, briefingId: id(10), statementId: null, title: 'Conference', owner: '', due: '2015-05', place: '', status: 'open' as const, priority: 'normal' as const, notes: '', tags: [] };
    data.actions.push(createRecord('actions', id(20), { ...action, heldInBriefingId: id(10) }, clock(0)));
    const check = checkIncoming(data);
    expect(check.refusedCount).toBe(0);
    expect(check.repaired.map((f) => f.rule).sort()).toEqual(['event-held-elsewhere', 'unique-aliases', 'unique-attendee-groups', 'unique-attendees']);
    expect(data.briefings[0]!.attendees).toEqual([{ personId: id(1), delegation: true }]);
    expect(data.briefings[0]!.attendeeGroups).toEqual(['Heads of mission']);
    expect(data.people[1]!.aliases).toEqual(['Рустам Назарзода']);
    expect(data.actions[0]!.heldInBriefingId).toBeNull();
    expect(check.repaired.find((f) => f.rule === 'event-held-elsewhere')?.message).toBe('The follow-up “Conference” is marked held in the briefing that announced it; the link was taken off.');
    expect(checkWorkspace(data).filter((f) => f.severity === 'fatal')).toEqual([]);
  });

  it('reports links to records that are not here, and rings of parents and merges, cut at their smallest id', () => {
    const data = emptyWorkspaceData();
    data.organisations.push(org(3, { parentId: id(4) }), org(4, { parentId: id(5) }), org(5, { parentId: id(3) }), org(6, { parentId: id(99) }));
    data.people.push(person(7, { mergedInto: id(8) }), person(8, { mergedInto: id(7) }));
    data.organisations.push(org(11, { mergedInto: id(97) }));
    data.briefings.push(createRecord('briefings', id(10), briefingFields({ attendees: [{ personId: id(98), delegation: false }] }), clock(0)));
    const event = { ...V2_FIELDS.actions(), kind: 'event' as const, briefingId: id(10), statementId: null, title: 'Conference', owner: '', due: '', place: '', status: 'done' as const, priority: 'normal' as const, notes: '', tags: [] };
    data.actions.push(createRecord('actions', id(12), { ...event, heldInBriefingId: id(96) }, clock(0)));
    const rules = checkWorkspace(data).map((f) => `${f.rule} ${f.recordId.slice(-2)}`);
    expect(rules.sort()).toEqual(
      ['organisation-parent-exists 06', 'attendees-exist 10', 'no-parent-cycle 03', 'no-merge-cycle 07', 'merged-into-exists 11', 'held-in-briefing-exists 12'].sort(),
    );
    expect(rings(data.organisations, (o) => o.parentId)).toEqual([[id(3), id(4), id(5)]]);
    expect(rings([org(9, { parentId: id(9) })], (o) => o.parentId)).toEqual([[id(9)]]);
    expect(rings(data.people, (p) => p.mergedInto)).toEqual([[id(7), id(8)]]);
  });
});

describe('a version-2 file round-trips every new field', () => {
  it('attendees, groups, comment, parents, spellings, merges, partial dates, held links, templates', async () => {
    const data = emptyWorkspaceData();
    data.organisations.push(createRecord('organisations', id(1), { name: 'UNODC', acronym: 'UNODC', country: '', parentId: null, mergedInto: null }, clock(0)));
    data.organisations.push(createRecord('organisations', id(2), { name: 'Regional Office', acronym: 'ROCA', country: '', parentId: id(1), mergedInto: null }, clock(0)));
    data.people.push(createRecord('people', id(3), { name: 'Ashita Mittal', title: '', organisationId: id(2), country: '', aliases: ['Ашита Миттал'], mergedInto: null }, clock(0)));
    data.briefings.push(
      createRecord('briefings', id(4), briefingFields({ attendees: [{ personId: id(3), delegation: false }], attendeeGroups: ['Heads of mission'], comment: 'Our view.' }), clock(0)),
    );
    const action = { kind: 'event' as const, briefingId: id(4), statementId: null, title: 'MoU meeting', owner: '', due: '2015-05', place: 'Ashgabat', status: 'done' as const, priority: 'normal' as const, notes: '', tags: [], heldInBriefingId: id(5) };
    data.actions.push(createRecord('actions', id(6), action, clock(0)));
    const { title, location, format, organiserIds, audience, classification, caveat, tags, attendees, attendeeGroups } = data.briefings[0]!;
    data.templates.push(createRecord('templates', id(7), { name: 'Weekly', title, location, format, organiserIds, audience, classification, caveat, tags, attendees, attendeeGroups }, clock(0)));
    const decoded = await decodeSyncFile(await encodeSyncFile(data, header));
    expect(decoded.header.version).toBe(2);
    expect(decoded.data).toEqual(data);
  });
});
