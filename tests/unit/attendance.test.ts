import { describe, expect, it } from 'vitest';
import { attendanceList, presentAt, withAttendee, withDelegation, withGroup, withoutAttendee } from '../../src-renderer/src/core/attendance';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { Organisation, Person } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const clock = formatHlc(Date.UTC(2025, 0, 1), 0, 'a1b2c3');
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const org = (n: number, name: string, acronym: string): Organisation =>
  createRecord('organisations', id(n), { ...V2_FIELDS.organisations(), name, acronym, country: '' }, clock);
const person = (n: number, name: string, organisationId: string | null = null, over: Partial<Person> = {}): Person => ({
  ...createRecord('people', id(n), { ...V2_FIELDS.people(), name, title: '', organisationId, country: '' }, clock),
  ...over,
});

const DCA = org(1, 'Drug Control Agency', 'DCA');
const UNODC = org(2, 'United Nations Office on Drugs and Crime', 'UNODC');
const nazarzoda = person(10, 'Rustam Nazarzoda', DCA.id);
const mittal = person(11, 'Ashita Mittal', UNODC.id);
const ambassador = person(12, 'Anna Lindqvist');
const attache = person(13, 'Jonas Berg');
const guest = person(14, 'Zarina Karimova');
/** Another spelling of Nazarzoda, merged into him. */
const nazarzodaCyr = person(15, 'Рустам Назарзода', DCA.id, { mergedInto: nazarzoda.id });
const deleted = person(16, 'Gone Person', null, { deleted: 1 });

const people = new Map([nazarzoda, mittal, ambassador, attache, guest, nazarzodaCyr].map((p) => [p.id, p]));
const orgs = new Map([DCA, UNODC].map((o) => [o.id, o]));
const lookupP = (i: string) => people.get(i);
const lookupO = (i: string) => orgs.get(i);

describe('who was present', () => {
  it('lists attendees as entered, then speakers not listed, each once, with speakers marked', () => {
    const p = presentAt(
      [
        { personId: ambassador.id, delegation: true },
        { personId: mittal.id, delegation: false },
      ],
      [nazarzoda.id, null, mittal.id, nazarzoda.id],
      lookupP,
      lookupO,
    );
    expect(p.people.map((x) => [x.person.name, x.listed, x.speaker, x.delegation])).toEqual([
      ['Anna Lindqvist', true, false, true],
      ['Ashita Mittal', true, true, false],
      ['Rustam Nazarzoda', false, true, false],
    ]);
    expect(p.people[2]!.organisation?.acronym).toBe('DCA');
    expect(p.people[2]!.attendeeIds).toEqual([]);
    expect(p.missing).toEqual([]);
  });

  it('reads references through merges: a merged-away attendee or speaker is the person kept, once', () => {
    const p = presentAt([{ personId: nazarzodaCyr.id, delegation: false }], [nazarzoda.id], lookupP, lookupO);
    expect(p.people).toHaveLength(1);
    expect(p.people[0]).toMatchObject({ person: { id: nazarzoda.id }, listed: true, speaker: true, attendeeIds: [nazarzodaCyr.id] });
  });

  it('two entries that resolve to one person: one row, our delegation if either says so, both entries kept for edits', () => {
    const p = presentAt(
      [
        { personId: nazarzoda.id, delegation: false },
        { personId: nazarzodaCyr.id, delegation: true },
      ],
      [],
      lookupP,
      lookupO,
    );
    expect(p.people).toHaveLength(1);
    expect(p.people[0]!.delegation).toBe(true);
    expect(p.people[0]!.attendeeIds).toEqual([nazarzoda.id, nazarzodaCyr.id]);
    expect(withoutAttendee([{ personId: nazarzoda.id, delegation: false }, { personId: nazarzodaCyr.id, delegation: true }], p.people[0]!.attendeeIds)).toEqual([]);
  });

  it('names attendees the directory lacks (deleted, or not imported yet) apart; unknown speakers are skipped', () => {
    const p = presentAt([{ personId: deleted.id, delegation: false }], [id(99)], lookupP, lookupO);
    expect(p.people).toEqual([]);
    expect(p.missing).toEqual([deleted.id]);
  });
});

describe('the attendance list', () => {
  it('prints our delegation as entered, then the others by organisation (none last), people by name, then the groups', () => {
    const presence = presentAt(
      [
        { personId: attache.id, delegation: true },
        { personId: ambassador.id, delegation: true },
        { personId: guest.id, delegation: false },
        { personId: mittal.id, delegation: false },
      ],
      [nazarzoda.id],
      lookupP,
      lookupO,
    );
    const list = attendanceList(presence, ['Heads of mission of 30 states', ' heads of MISSION of 30 states ', '  ', 'Press']);
    expect(list.delegation.map((p) => p.person.name)).toEqual(['Jonas Berg', 'Anna Lindqvist']);
    expect(list.others.map((g) => [g.organisation?.acronym ?? null, g.people.map((p) => p.person.name)])).toEqual([
      ['DCA', ['Rustam Nazarzoda']],
      ['UNODC', ['Ashita Mittal']],
      [null, ['Zarina Karimova']],
    ]);
    expect(list.groups).toEqual(['Heads of mission of 30 states', 'Press']);
    expect(list.empty).toBe(false);
    expect(attendanceList(presentAt([], [], lookupP, lookupO), []).empty).toBe(true);
  });
});

describe('attendance edits', () => {
  it('adds a person once, also when they are listed under a merged-away spelling', () => {
    const one = withAttendee([], mittal.id, lookupP);
    expect(one).toEqual([{ personId: mittal.id, delegation: false }]);
    expect(withAttendee(one, mittal.id, lookupP)).toEqual(one);
    const cyr = [{ personId: nazarzodaCyr.id, delegation: false }];
    expect(withAttendee(cyr, nazarzoda.id, lookupP)).toEqual(cyr);
    expect(withAttendee([], ambassador.id, lookupP, true)).toEqual([{ personId: ambassador.id, delegation: true }]);
  });

  it('marks our delegation on every entry of the person; a speaker not listed is listed to carry the mark', () => {
    const list = [
      { personId: nazarzoda.id, delegation: false },
      { personId: mittal.id, delegation: false },
    ];
    expect(withDelegation(list, { person: mittal, attendeeIds: [mittal.id] }, true)).toEqual([
      { personId: nazarzoda.id, delegation: false },
      { personId: mittal.id, delegation: true },
    ]);
    expect(withDelegation(list, { person: ambassador, attendeeIds: [] }, true)).toEqual([...list, { personId: ambassador.id, delegation: true }]);
  });

  it('adds a group trimmed, refusing a blank one or one already listed (case and accents ignored)', () => {
    expect(withGroup([], '  Heads of mission of 30 states ')).toEqual({ groups: ['Heads of mission of 30 states'] });
    expect(withGroup(['Heads of mission of 30 states'], 'HEADS of mission of 30 states')).toEqual({ error: '“HEADS of mission of 30 states” is already listed.' });
    expect(withGroup([], '   ')).toHaveProperty('error');
  });
});
