/** Attendance and templates as stored (fake-indexeddb): one record edit per change, nothing half-written on bad input. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-renderer/src/core/classification';
import { addAttendee, addAttendeeGroup, loadPresence, removeAttendee, removeAttendeeGroup, setDelegation } from '../../src-renderer/src/data/attendees';
import { newBriefingFields } from '../../src-renderer/src/data/briefings';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { createPerson } from '../../src-renderer/src/data/people';
import { appendStatement } from '../../src-renderer/src/data/statements';
import { createBriefingLike, listTemplates, removeTemplate, renameTemplate, saveTemplate } from '../../src-renderer/src/data/templates';
import { Workspace } from '../../src-renderer/src/data/workspace';

const open = () => Workspace.open(new AttacheDb(`att-${Math.random()}`));
const newBriefing = (ws: Workspace, title = 'Monthly heads of mission briefing') =>
  ws.create('briefings', { ...newBriefingFields(DEFAULT_SETTINGS), title, startsAt: '2015-03-17T10:00', location: 'MFA', audience: 'Heads of mission' });

describe('attendees as stored', () => {
  it('adds, marks, and removes people in one record edit each, never listing anyone twice', async () => {
    const ws = await open();
    const b = await newBriefing(ws);
    const anna = await createPerson(ws, { name: 'Anna Lindqvist' });
    const rustam = await createPerson(ws, { name: 'Rustam Nazarzoda' });
    await appendStatement(ws, b.id, { speakerId: rustam.id, kind: 'statement', text: 'Hello.', tags: [] });

    // Two quick adds (the screen would not have re-read the record in between): both land.
    await Promise.all([addAttendee(ws, b.id, anna.id), addAttendee(ws, b.id, anna.id)]);
    let stored = (await ws.db.briefings.get(b.id))!;
    expect(stored.attendees).toEqual([{ personId: anna.id, delegation: false }]);

    let presence = await loadPresence(ws.db, stored.attendees, [rustam.id]);
    expect(presence.people.map((p) => [p.person.name, p.listed, p.speaker])).toEqual([
      ['Anna Lindqvist', true, false],
      ['Rustam Nazarzoda', false, true],
    ]);

    // Marking a speaker who is not listed lists them, with the mark.
    const hlc = stored.hlc;
    await setDelegation(ws, b.id, presence.people[1]!, true);
    stored = (await ws.db.briefings.get(b.id))!;
    expect(stored.hlc > hlc).toBe(true);
    expect(stored.attendees).toEqual([
      { personId: anna.id, delegation: false },
      { personId: rustam.id, delegation: true },
    ]);
    presence = await loadPresence(ws.db, stored.attendees, [rustam.id]);
    expect(presence.people).toHaveLength(2);

    await removeAttendee(ws, b.id, [anna.id]);
    expect((await ws.db.briefings.get(b.id))!.attendees).toEqual([{ personId: rustam.id, delegation: true }]);
  });

  it('resolves a merged-away attendee to the person kept, and says who is missing from the directory', async () => {
    const ws = await open();
    const kept = await createPerson(ws, { name: 'Rustam Nazarzoda' });
    const other = await createPerson(ws, { name: 'Рустам Назарзода' });
    await ws.update('people', other.id, { mergedInto: kept.id });
    const gone = await createPerson(ws, { name: 'Gone' });
    await ws.remove('people', gone.id);
    const presence = await loadPresence(
      ws.db,
      [
        { personId: other.id, delegation: false },
        { personId: gone.id, delegation: false },
      ],
      [kept.id],
    );
    expect(presence.people.map((p) => [p.person.name, p.listed, p.speaker, p.attendeeIds])).toEqual([['Rustam Nazarzoda', true, true, [other.id]]]);
    expect(presence.missing).toEqual([gone.id]);
  });

  it('adds groups trimmed; a blank or repeated group is refused and the record is left alone', async () => {
    const ws = await open();
    const b = await newBriefing(ws);
    await addAttendeeGroup(ws, b.id, '  Heads of mission of 30 states ');
    const before = (await ws.db.briefings.get(b.id))!;
    await expect(addAttendeeGroup(ws, b.id, 'HEADS of mission of 30 states')).rejects.toThrow('is already listed');
    await expect(addAttendeeGroup(ws, b.id, '   ')).rejects.toThrow('Type the group first');
    await expect(addAttendeeGroup(ws, b.id, 'x'.repeat(501))).rejects.toThrow('at most 500 characters');
    expect(await ws.db.briefings.get(b.id)).toEqual(before);
    await removeAttendeeGroup(ws, b.id, 'Heads of mission of 30 states');
    expect((await ws.db.briefings.get(b.id))!.attendeeGroups).toEqual([]);
  });
});

describe('templates as stored', () => {
  it('save (same name updates), rename (refusing a taken name), use without deleted people, delete', async () => {
    const ws = await open();
    const anna = await createPerson(ws, { name: 'Anna Lindqvist' });
    const gone = await createPerson(ws, { name: 'Gone' });
    const b = await newBriefing(ws);
    await addAttendee(ws, b.id, anna.id, true);
    await addAttendee(ws, b.id, gone.id);
    await addAttendeeGroup(ws, b.id, 'Press');
    const briefing = (await ws.db.briefings.get(b.id))!;

    const first = await saveTemplate(ws, 'Monthly HoM', briefing);
    expect(first.replaced).toBe(false);
    const again = await saveTemplate(ws, ' monthly hom ', { ...briefing, location: 'Embassy' });
    expect(again).toMatchObject({ replaced: true, template: { id: first.template.id, location: 'Embassy' } });
    const second = await saveTemplate(ws, 'Donors', briefing);
    await expect(renameTemplate(ws, second.template.id, 'MONTHLY HoM')).rejects.toThrow('There is already a template called');
    await expect(saveTemplate(ws, '  ', briefing)).rejects.toThrow('Give the template a name');
    await renameTemplate(ws, second.template.id, 'Donor coordination');
    expect((await listTemplates(ws.db)).map((t) => t.name)).toEqual(['Donor coordination', 'monthly hom']);

    await ws.remove('people', gone.id);
    const made = await createBriefingLike(ws, (await ws.db.templates.get(first.template.id))!, new Date(2026, 11, 4, 15, 5));
    expect(made).toMatchObject({
      title: 'Monthly heads of mission briefing',
      location: 'Embassy',
      startsAt: '2026-12-04T15:05',
      attendees: [{ personId: anna.id, delegation: true }],
      attendeeGroups: ['Press'],
      summary: '',
    });

    await removeTemplate(ws, second.template.id);
    expect((await listTemplates(ws.db)).map((t) => t.name)).toEqual(['monthly hom']);
  });
});
