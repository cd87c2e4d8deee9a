/**
 * Who was present at a briefing, read and written for the briefing screen. Reading fetches only the
 * people the briefing names (attendees and speakers, followed through merges) instead of the whole
 * directory; each change is one edit of the briefing record, made on the record as stored at that
 * moment (not on what the screen last showed), so two quick changes never undo each other.
 */
import { presentAt, withAttendee, withDelegation, withGroup, withoutAttendee, type Presence, type Present } from '../core/attendance';
import type { Attendee, Briefing, Organisation, Person } from '../core/model';
import type { AttacheDb } from './db';
import { UserError } from '../core/errors';
import { ValidationError, type Workspace } from './workspace';

/** Live people by id, for `ids` and every person they were merged into (a few reads however long the chain). */
async function peopleFollowingMerges(db: AttacheDb, ids: Iterable<string>): Promise<Map<string, Person>> {
  const out = new Map<string, Person>();
  let wanted = [...new Set(ids)];
  const seen = new Set<string>();
  while (wanted.length) {
    for (const id of wanted) seen.add(id);
    const rows = await db.people.bulkGet(wanted);
    wanted = [];
    for (const p of rows) {
      if (!p) continue;
      out.set(p.id, p);
      if (p.mergedInto !== null && !seen.has(p.mergedInto)) wanted.push(p.mergedInto);
    }
  }
  return out;
}

/** Live organisations by id, for `ids` and those they were merged into. */
async function organisationsFollowingMerges(db: AttacheDb, ids: Iterable<string>): Promise<Map<string, Organisation>> {
  const out = new Map<string, Organisation>();
  let wanted = [...new Set(ids)];
  const seen = new Set<string>();
  while (wanted.length) {
    for (const id of wanted) seen.add(id);
    const rows = await db.organisations.bulkGet(wanted);
    wanted = [];
    for (const o of rows) {
      if (!o) continue;
      out.set(o.id, o);
      if (o.mergedInto !== null && !seen.has(o.mergedInto)) wanted.push(o.mergedInto);
    }
  }
  return out;
}

const liveOnly =
  <R extends { deleted: 0 | 1 }>(m: ReadonlyMap<string, R>) =>
  (id: string): R | undefined => {
    const r = m.get(id);
    return r && r.deleted === 0 ? r : undefined;
  };

/** Who was present (core/attendance.ts presentAt), reading only the people and organisations named. */
export async function loadPresence(db: AttacheDb, attendees: readonly Attendee[], speakerIds: readonly (string | null)[]): Promise<Presence> {
  const ids = [...attendees.map((a) => a.personId), ...speakerIds.filter((s): s is string => s !== null)];
  const people = await peopleFollowingMerges(db, ids);
  const orgIds = [...people.values()].map((p) => p.organisationId).filter((o): o is string => o !== null);
  const orgs = await organisationsFollowingMerges(db, orgIds);
  return presentAt(attendees, speakerIds, liveOnly(people), liveOnly(orgs));
}

/** One edit of a briefing's attendance, computed from the record as stored inside the transaction. */
async function editAttendance(
  ws: Workspace,
  briefingId: string,
  change: (b: Briefing, people: (id: string) => Person | undefined) => Partial<Pick<Briefing, 'attendees' | 'attendeeGroups'>>,
  extraPeople: readonly string[] = [],
): Promise<Briefing> {
  const db = ws.db;
  return db.transaction('rw', db.briefings, db.people, db.meta, async () => {
    const b = await db.briefings.get(briefingId);
    if (!b || b.deleted) throw new UserError('error.briefing.gone');
    const people = await peopleFollowingMerges(db, [...b.attendees.map((a) => a.personId), ...extraPeople]);
    return ws.update('briefings', briefingId, change(b, liveOnly(people)));
  });
}

/** Add a person present (no change if they are already listed, directly or through a merge). */
export function addAttendee(ws: Workspace, briefingId: string, personId: string, delegation = false): Promise<Briefing> {
  return editAttendance(ws, briefingId, (b, people) => ({ attendees: withAttendee(b.attendees, personId, people, delegation) }), [personId]);
}

/** Mark or unmark a person present as our delegation (a speaker not listed is listed with the mark). */
export function setDelegation(ws: Workspace, briefingId: string, present: Pick<Present, 'person' | 'attendeeIds'>, delegation: boolean): Promise<Briefing> {
  return editAttendance(ws, briefingId, (b) => {
    // The screen's entry ids may predate a colleague's change: re-find the person's entries as stored.
    const stored = b.attendees.filter((a) => present.attendeeIds.includes(a.personId) || a.personId === present.person.id).map((a) => a.personId);
    return { attendees: withDelegation(b.attendees, { person: present.person, attendeeIds: stored }, delegation) };
  });
}

/** Take a listed person off the attendees (every entry that names them). */
export function removeAttendee(ws: Workspace, briefingId: string, attendeeIds: readonly string[]): Promise<Briefing> {
  return editAttendance(ws, briefingId, (b) => ({ attendees: withoutAttendee(b.attendees, attendeeIds) }));
}

/** Add a free-text group of attendees; a blank or repeated one is refused with a message and nothing changes. */
export function addAttendeeGroup(ws: Workspace, briefingId: string, text: string): Promise<Briefing> {
  return editAttendance(ws, briefingId, (b) => {
    const r = withGroup(b.attendeeGroups, text);
    if ('error' in r) throw new ValidationError({ attendeeGroups: r.error });
    return { attendeeGroups: r.groups };
  });
}

export function removeAttendeeGroup(ws: Workspace, briefingId: string, group: string): Promise<Briefing> {
  return editAttendance(ws, briefingId, (b) => ({ attendeeGroups: b.attendeeGroups.filter((g) => g !== group) }));
}
