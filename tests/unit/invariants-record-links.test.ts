/**
 * The invariants of the record model's lists and links (core/sync/invariants.ts), as a reader meets them: the
 * sentence each finding says (one or several, which record), nothing found in a workspace that is merely
 * rich (chains of parents and merges, several attendees), and rings cut where every replica cuts them.
 * Written for what the mutation run (docs/testing.md) showed no test noticed.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { emptyWorkspaceData, type StoredRecord } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { checkIncoming, checkWorkspace, rings } from '../../src-renderer/src/core/sync/invariants';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { briefingFields } from './fixtures';

const CLOCK = formatHlc(Date.UTC(2025, 0, 1), 0, 'a1');
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const person = (n: number, over: Partial<StoredRecord<'people'>> = {}) =>
  createRecord('people', id(n), { ...V2_FIELDS.people(), name: `Person ${n}`, title: '', organisationId: null, country: '', ...over }, CLOCK);
const org = (n: number, over: Partial<StoredRecord<'organisations'>> = {}) =>
  createRecord('organisations', id(n), { ...V2_FIELDS.organisations(), name: `Org ${n}`, acronym: '', country: '', ...over }, CLOCK);
const briefing = (n: number, over: Parameters<typeof briefingFields>[0] = {}) => createRecord('briefings', id(n), briefingFields({ title: `Briefing ${n}`, ...over }), CLOCK);
const event = (n: number, briefingId: string, heldInBriefingId: string | null) =>
  createRecord(
    'actions',
    id(n),
    { ...V2_FIELDS.actions(), kind: 'event', briefingId, statementId: null, title: `Event ${n}`, owner: '', due: '', place: '', status: 'open', priority: 'normal', notes: '', tags: [], heldInBriefingId },
    CLOCK,
  );
const present = (...ns: number[]) => ns.map((n) => ({ personId: id(n), delegation: false }));

describe('the record links, in plain words', () => {
  it('names absent people present, one or several, counting only those absent', () => {
    const data = emptyWorkspaceData();
    data.people.push(person(1));
    data.briefings.push(briefing(10, { attendees: present(1, 98) }), briefing(11, { attendees: present(97, 1, 98) }));
    expect(checkWorkspace(data).map((f) => [f.recordId, f.message])).toEqual([
      [id(10), 'The briefing “Briefing 10” lists a person present not in this workspace.'],
      [id(11), 'The briefing “Briefing 11” lists 2 people present not in this workspace.'],
    ]);
  });

  it('says which parent, merge or held-at briefing is missing', () => {
    const data = emptyWorkspaceData();
    data.organisations.push(org(1, { parentId: id(99) }), org(2, { mergedInto: id(98) }));
    data.people.push(person(3, { mergedInto: id(97) }));
    data.briefings.push(briefing(10));
    data.actions.push(event(20, id(10), id(96)));
    expect(checkWorkspace(data).map((f) => f.message)).toEqual([
      'The organisation “Org 1” sits under an organisation not in this workspace.',
      'The organisation “Org 2” was merged into an organisation not in this workspace.',
      'The person “Person 3” was merged into a person not in this workspace.',
      'The follow-up “Event 20” was held at a briefing not in this workspace.',
    ]);
  });

  it('names a ring by its length, or a record pointing at itself, on the ring’s smallest id wherever it is listed', () => {
    const data = emptyWorkspaceData();
    // Listed first and outside every ring: the finding must not land on it.
    data.organisations.push(org(1), org(6, { parentId: id(4) }), org(4, { parentId: id(5) }), org(5, { parentId: id(6) }), org(8, { parentId: id(8) }));
    data.people.push(person(2), person(9, { mergedInto: id(7) }), person(7, { mergedInto: id(9) }), person(3, { mergedInto: id(3) }));
    expect(checkWorkspace(data).map((f) => [f.recordId, f.message])).toEqual([
      [id(4), 'The organisation “Org 4” sits under organisations that sit under it (3 in a ring); the ring is cut there.'],
      [id(8), 'The organisation “Org 8” sits under itself; the ring is cut there.'],
      [id(7), 'The person “Person 7” was merged into records merged into it (2 in a ring); it is the one kept.'],
      [id(3), 'The person “Person 3” was merged into itself; it is the one kept.'],
    ]);
  });

  it('says how many people present were listed twice, and which group or spelling', () => {
    const data = emptyWorkspaceData();
    data.people.push(person(1), person(2), person(3, { name: 'Rustam Nazarzoda', aliases: ['Назарзода', 'назарзода'] }));
    data.briefings.push(
      briefing(10, { attendees: present(1, 1) }),
      briefing(11, { attendees: present(1, 2, 1, 2) }),
      briefing(12, { attendeeGroups: ['Heads of mission', 'heads of  MISSION'] }),
    );
    const check = checkIncoming(data);
    expect(check.repaired.map((f) => f.message)).toEqual([
      'The person “Rustam Nazarzoda” lists the other spelling “назарзода” more than once; the repeats were dropped.',
      'The briefing “Briefing 10” lists a person present more than once; the repeats were dropped.',
      'The briefing “Briefing 11” lists 2 people present more than once; the repeats were dropped.',
      'The briefing “Briefing 12” lists the group of attendees “heads of MISSION” more than once; the repeats were dropped.',
    ]);
    expect(data.briefings.map((b) => b.attendees.map((a) => a.personId))).toEqual([[id(1)], [id(1), id(2)], []]);
  });
});

describe('a rich workspace is not a broken one', () => {
  it('finds nothing in chains of parents and merges, several attendees, and an event held at a later briefing', () => {
    const data = emptyWorkspaceData();
    // Chains that end (no ring), met again from a later start.
    data.organisations.push(org(1, { parentId: id(2) }), org(2, { parentId: id(3) }), org(3), org(4, { parentId: id(2) }));
    data.people.push(person(5, { mergedInto: id(6) }), person(6), person(7, { mergedInto: id(5) }));
    data.briefings.push(briefing(10, { attendees: present(6) }), briefing(11, { attendees: present(5, 6), attendeeGroups: ['Heads of mission', 'Press'] }));
    data.actions.push(event(20, id(10), id(11)));
    expect(checkWorkspace(data)).toEqual([]);
    expect(checkIncoming(data).repaired).toEqual([]);
    expect(rings(data.organisations, (o) => o.parentId)).toEqual([]);
    expect(rings(data.people, (p) => p.mergedInto)).toEqual([]);
  });

  it('cuts a ring reached through a chain at the ring, not at the chain that leads into it', () => {
    const rows = [
      { id: 'a', to: 'c' },
      { id: 'b', to: 'c' },
      { id: 'c', to: 'd' },
      { id: 'd', to: 'c' },
    ];
    expect(rings(rows, (r) => r.to)).toEqual([['c', 'd']]);
  });
});
