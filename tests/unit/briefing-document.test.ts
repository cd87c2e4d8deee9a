/**
 * The document model of one briefing (core/document/briefing.ts) on the example briefing: what the reading
 * view, print and (later) the pack render.
 */
import { describe, expect, it } from 'vitest';
import { briefingDocumentFromData } from '../../src-renderer/src/core/document/briefing';
import { EXAMPLE_BRIEFING_ID, EXAMPLE_CLOCK, exampleWorkspaceData } from '../../src-renderer/src/core/example';
import type { Briefing, Statement, WorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { clockText, elapsedText, isDuringBriefing } from '../../src-renderer/src/core/document/meeting';

const CONFERENCE_ID = '014c2507-a400-7000-8000-00000000001e';
const MOU_ID = '014c2507-a400-7000-8000-00000000001f';

function example(): WorkspaceData {
  return exampleWorkspaceData();
}

function briefingOf(data: WorkspaceData): Briefing {
  return data.briefings.find((b) => b.id === EXAMPLE_BRIEFING_ID)!;
}

function personId(data: WorkspaceData, name: string): string {
  return data.people.find((p) => p.name === name)!.id;
}

describe('briefingDocument on the example briefing', () => {
  it('heads the document with its details, organisers by path and the classification', () => {
    const doc = briefingDocumentFromData(example(), EXAMPLE_BRIEFING_ID)!;
    expect(doc.header.title).toBe('International Cooperation on Countering Modern Threats and Challenges');
    expect(doc.header.when).toBe('17 March 2015, 10:00');
    expect(doc.header.place).toBe('Ministry of Foreign Affairs, Dushanbe');
    expect(doc.header.format).toBe('Briefing');
    expect(doc.header.organisers.map((o) => o.path)).toEqual([
      'Ministry of Foreign Affairs of the Republic of Tajikistan (MFA)',
      'United Nations Office on Drugs and Crime — Programme Office in Tajikistan (UNODC)',
    ]);
    expect(doc.header.classification).toMatchObject({ label: 'UNCLASSIFIED', banner: 'UNCLASSIFIED', rank: 0, caveat: '' });
  });

  it('names the speakers in order of appearance, with titles and organisations', () => {
    const doc = briefingDocumentFromData(example(), EXAMPLE_BRIEFING_ID)!;
    expect(doc.speakers.map((s) => s.name)).toEqual(['Rustam Nazarzoda', 'Ashita Mittal', 'Shahnoza Anvar Nodiri']);
    expect(doc.speakers[0]!.title).toBe('Lt. General, Director of the Drug Control Agency');
    expect(doc.speakers[0]!.organisation?.name).toBe('Drug Control Agency under the President of the Republic of Tajikistan (DCA)');
    expect(doc.speakers[0]!.role).toBe('Lt. General, Director of the Drug Control Agency, Drug Control Agency under the President of the Republic of Tajikistan (DCA)');
  });

  it('groups the statements by speaker with their kinds, and links each to the follow-ups made from it', () => {
    const doc = briefingDocumentFromData(example(), EXAMPLE_BRIEFING_ID)!;
    expect(doc.statementCount).toBe(19);
    expect(doc.statements.map((g) => [g.speaker?.name, g.statements.length])).toEqual([
      ['Rustam Nazarzoda', 8],
      ['Ashita Mittal', 7],
      ['Shahnoza Anvar Nodiri', 4],
    ]);
    const kinds = doc.statements[0]!.statements.map((s) => s.kind);
    expect(kinds).toEqual(['statement', 'statement', 'statement', 'figure', 'figure', 'statement', 'proposal', 'announcement']);
    const announcement = doc.statements[0]!.statements[7]!;
    expect(announcement.text).toMatch(/^The Government of Tajikistan will organi/);
    expect(announcement.actionIds).toContain(CONFERENCE_ID);
  });

  it('lists follow-ups and events with owners and dates as precise as the source', () => {
    const doc = briefingDocumentFromData(example(), EXAMPLE_BRIEFING_ID)!;
    expect(doc.followUps.length + doc.events.length).toBe(10);
    expect(doc.followUps.every((a) => a.kind === 'task')).toBe(true);
    const conference = doc.events.find((e) => e.id === CONFERENCE_ID)!;
    expect(conference).toMatchObject({ owner: 'Head of Mission', dueText: '27 May 2015', place: 'Dushanbe', statusLabel: 'Open', held: null });
    expect(doc.events.find((e) => e.id === MOU_ID)!.dueText).toBe('May 2015');
    const cable = doc.followUps.find((a) => a.title.startsWith('Report the briefing'))!;
    expect(cable).toMatchObject({ owner: 'Political Officer', dueText: '19 March 2015', statusLabel: 'Done' });
    // By due date: the month-precision event sorts before the days in it.
    const dues = doc.events.map((e) => e.due);
    expect([...dues].sort()).toEqual(dues);
  });

  it('keeps the summary as parsed text blocks, and the attendance with the groups and the speakers', () => {
    const doc = briefingDocumentFromData(example(), EXAMPLE_BRIEFING_ID)!;
    expect(doc.summary[0]).toMatchObject({ type: 'paragraph' });
    expect(doc.summary.some((b) => b.type === 'list')).toBe(true);
    expect(JSON.stringify(doc.summary)).not.toContain('**');
    expect(doc.attendance.groups).toEqual(['Heads of diplomatic missions accredited in Tajikistan']);
    const present = doc.attendance.others.flatMap((g) => g.people);
    expect(present.map((p) => p.name).sort()).toEqual(['Ashita Mittal', 'Rustam Nazarzoda', 'Shahnoza Anvar Nodiri']);
    expect(present.every((p) => p.speaker)).toBe(true);
    expect(doc.decisions).toEqual([]);
  });
});

describe('briefingDocument: decisions, held links both ways, merges and deletions', () => {
  function withLater(): { data: WorkspaceData; laterId: string } {
    const data = example();
    const later = createRecord('briefings', 'b-later', { ...briefingOf(data), title: 'High Level Conference', startsAt: '2015-05-27T09:00', summary: '', attendees: [], attendeeGroups: [] }, EXAMPLE_CLOCK);
    data.briefings.push(later);
    const conference = data.actions.find((a) => a.id === CONFERENCE_ID)!;
    conference.heldInBriefingId = later.id;
    conference.status = 'done';
    return { data, laterId: later.id };
  }

  it('says where an event was held, and the later briefing lists what it follows up', () => {
    const { data, laterId } = withLater();
    const doc = briefingDocumentFromData(data, EXAMPLE_BRIEFING_ID)!;
    expect(doc.events.find((e) => e.id === CONFERENCE_ID)!.held).toEqual({ briefingId: laterId, found: true, text: 'Held — see High Level Conference, 27 May 2015' });
    const later = briefingDocumentFromData(data, laterId)!;
    expect(later.followsUp).toHaveLength(1);
    expect(later.followsUp[0]).toMatchObject({
      announcedAt: { id: EXAMPLE_BRIEFING_ID, name: 'International Cooperation on Countering Modern Threats and Challenges, 17 March 2015' },
      when: '27 May 2015 · Dushanbe',
    });
    expect(later.followsUp[0]!.speaker?.name).toBe('Rustam Nazarzoda');
    // A held-in briefing deleted since: said so, and nothing to link to.
    data.briefings.find((b) => b.id === laterId)!.deleted = 1;
    expect(briefingDocumentFromData(data, EXAMPLE_BRIEFING_ID)!.events.find((e) => e.id === CONFERENCE_ID)!.held).toMatchObject({ found: false, text: 'Held — recorded in a briefing not in this workspace' });
  });

  it('numbers the decisions in recorded order with who announced them', () => {
    const data = example();
    const last = data.statements.filter((s) => s.briefingId === EXAMPLE_BRIEFING_ID).sort((a, b) => (a.order < b.order ? -1 : 1)).at(-1)!;
    const add = (id: string, order: string, speaker: string | null, text: string): Statement =>
      createRecord('statements', id, { briefingId: EXAMPLE_BRIEFING_ID, speakerId: speaker, kind: 'decision', text, tags: [], order }, EXAMPLE_CLOCK);
    data.statements.push(add('d1', `${last.order}1`, personId(data, 'Ashita Mittal'), 'The parties agreed to meet again in May.'));
    data.statements.push(add('d2', `${last.order}2`, null, 'The Chair closed the meeting.'));
    const doc = briefingDocumentFromData(data, EXAMPLE_BRIEFING_ID)!;
    expect(doc.decisions.map((d) => [d.number, d.speaker?.name ?? null, d.text])).toEqual([
      [1, 'Ashita Mittal', 'The parties agreed to meet again in May.'],
      [2, null, 'The Chair closed the meeting.'],
    ]);
    // The unattributed statement is its own group, last (first appearance).
    expect(doc.statements.at(-1)!.speaker).toBeNull();
  });

  it('reads a speaker merged away as the one kept, and never names a deleted person', () => {
    const data = example();
    const mittal = data.people.find((p) => p.name === 'Ashita Mittal')!;
    const kept = createRecord('people', 'p-kept', { ...mittal, name: 'Ashita Mittal-Kept', mergedInto: null, aliases: [] }, EXAMPLE_CLOCK);
    data.people.push(kept);
    mittal.mergedInto = kept.id;
    data.people.find((p) => p.name === 'Shahnoza Anvar Nodiri')!.deleted = 1;
    const doc = briefingDocumentFromData(data, EXAMPLE_BRIEFING_ID)!;
    expect(doc.speakers.map((s) => s.name)).toEqual(['Rustam Nazarzoda', 'Ashita Mittal-Kept']);
    expect(doc.speakers[1]!.id).toBe('p-kept');
    expect(doc.statements.at(-1)!.speaker).toBeNull();
    expect(JSON.stringify(doc)).not.toContain('Shahnoza');
  });

  it('shows the classification and caveat as a banner', () => {
    const data = example();
    const b = briefingOf(data);
    b.classification = 'confidential';
    b.caveat = 'EYES ONLY';
    const doc = briefingDocumentFromData(data, EXAMPLE_BRIEFING_ID)!;
    expect(doc.header.classification).toMatchObject({ label: 'CONFIDENTIAL', caveat: 'EYES ONLY', banner: 'CONFIDENTIAL // EYES ONLY', rank: 2 });
  });

  it('is undefined for a briefing not there or deleted', () => {
    const data = example();
    expect(briefingDocumentFromData(data, 'nope')).toBeUndefined();
    briefingOf(data).deleted = 1;
    expect(briefingDocumentFromData(data, EXAMPLE_BRIEFING_ID)).toBeUndefined();
  });
});

describe('meeting slot, clock and elapsed time (core/document/meeting.ts)', () => {
  const at = (s: string) => new Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)), Number(s.slice(11, 13)), Number(s.slice(14, 16)));
  it('counts a briefing under way from half an hour before its start to three hours after', () => {
    expect(isDuringBriefing('2015-03-17T10:00', at('2015-03-17T09:29'))).toBe(false);
    expect(isDuringBriefing('2015-03-17T10:00', at('2015-03-17T09:30'))).toBe(true);
    expect(isDuringBriefing('2015-03-17T10:00', at('2015-03-17T13:00'))).toBe(true);
    expect(isDuringBriefing('2015-03-17T10:00', at('2015-03-17T13:01'))).toBe(false);
    expect(isDuringBriefing('2015-03-17', at('2015-03-17T10:00'))).toBe(false);
  });
  it('shows the clock and the time since the start', () => {
    expect(clockText(at('2015-03-17T09:05'))).toBe('09:05');
    expect(elapsedText('2015-03-17T10:00', at('2015-03-17T10:42'))).toBe('0:42 elapsed');
    expect(elapsedText('2015-03-17T10:00', at('2015-03-17T11:05'))).toBe('1:05 elapsed');
    expect(elapsedText('2015-03-17T10:00', at('2015-03-17T09:48'))).toBe('starts in 12 min');
    expect(elapsedText('2015-03-17T10:00', at('2015-03-19T10:00'))).toBe('');
  });
});
