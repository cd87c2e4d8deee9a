/**
 * Who was present at a briefing: the people listed as attendees and everyone who spoke (a speaker is
 * present without being entered twice), plus the free-text groups. One derivation for the briefing
 * screen, the PDF pack and the CLI (which prints the pack). References are read through merges
 * (core/directory.ts), so an attendee or speaker merged into another person shows as that person, once.
 * Pure: no Dexie, Svelte or DOM.
 */
import { resolve, type Lookup } from './directory';
import type { Attendee, Organisation, Person } from './model';
import { compareNames, foldName } from './text';

/** One person present. */
export interface Present {
  person: Person;
  /** Their organisation as the directory resolves it, or null. */
  organisation: Organisation | null;
  /** Marked as part of our own delegation. */
  delegation: boolean;
  /** Spoke at the briefing (has a statement). */
  speaker: boolean;
  /** Entered in the briefing's attendees (a speaker who is not can only be shown, not removed). */
  listed: boolean;
  /** The attendee ids stored for this person (more than one after a merge): what a change must edit. */
  attendeeIds: string[];
}

/** The people present, in the order the screen lists them, and those the record names but the directory lacks. */
export interface Presence {
  /** Listed attendees in the order entered, then speakers not listed, in order of first statement. */
  people: Present[];
  /** Attendee ids that name no live person (deleted, or not yet imported here). */
  missing: string[];
}

/**
 * Those present: `attendees` as entered, then `speakerIds` (statement order; nulls and repeats are
 * skipped). `people` and `organisations` find live records only; a person reached twice (listed and
 * speaking, or two spellings merged) appears once, marked our delegation if any entry says so.
 */
export function presentAt(
  attendees: readonly Attendee[],
  speakerIds: Iterable<string | null>,
  people: Lookup<Person>,
  organisations: Lookup<Organisation>,
): Presence {
  const byId = new Map<string, Present>();
  const order: Present[] = [];
  const missing: string[] = [];
  const take = (rawId: string): Present | undefined => {
    const person = resolve(people, rawId);
    if (!person) return undefined;
    let p = byId.get(person.id);
    if (!p) {
      const organisation = resolve(organisations, person.organisationId) ?? null;
      p = { person, organisation, delegation: false, speaker: false, listed: false, attendeeIds: [] };
      byId.set(person.id, p);
      order.push(p);
    }
    return p;
  };
  for (const a of attendees) {
    const p = take(a.personId);
    if (!p) {
      missing.push(a.personId);
      continue;
    }
    p.listed = true;
    p.delegation ||= a.delegation;
    p.attendeeIds.push(a.personId);
  }
  for (const id of speakerIds) {
    if (id === null) continue;
    const p = take(id);
    if (p) p.speaker = true;
  }
  return { people: order, missing };
}

/** People of one organisation (or of none) in the attendance list. */
export interface AttendanceGroup {
  organisation: Organisation | null;
  people: Present[];
}

/** The attendance list as the pack prints it. */
export interface AttendanceList {
  /** Our delegation, in the order entered. */
  delegation: Present[];
  /** Everyone else by organisation (organisations by name, people without one last), people by name. */
  others: AttendanceGroup[];
  /** The free-text groups, in the order entered (blank and repeated entries dropped). */
  groups: string[];
  /** Nothing to print. */
  empty: boolean;
}

const byPersonName = (a: Present, b: Present) => compareNames(a.person.name, b.person.name) || (a.person.id < b.person.id ? -1 : 1);

/** Our delegation, then the others grouped by organisation, then the groups. */
export function attendanceList(presence: Presence, attendeeGroups: readonly string[]): AttendanceList {
  const delegation = presence.people.filter((p) => p.delegation);
  const byOrg = new Map<string, AttendanceGroup>();
  for (const p of presence.people) {
    if (p.delegation) continue;
    const key = p.organisation?.id ?? '';
    let g = byOrg.get(key);
    if (!g) byOrg.set(key, (g = { organisation: p.organisation, people: [] }));
    g.people.push(p);
  }
  const others = [...byOrg.values()].sort((a, b) => {
    if (!a.organisation || !b.organisation) return a.organisation ? -1 : b.organisation ? 1 : 0;
    return compareNames(a.organisation.name, b.organisation.name) || (a.organisation.id < b.organisation.id ? -1 : 1);
  });
  for (const g of others) g.people.sort(byPersonName);
  const seen = new Set<string>();
  const groups: string[] = [];
  for (const raw of attendeeGroups) {
    const t = raw.trim();
    const k = foldName(t);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    groups.push(t);
  }
  return { delegation, others, groups, empty: !delegation.length && !others.length && !groups.length };
}

/**
 * The attendees after marking (or unmarking) a person present as our delegation. A speaker who was not
 * listed is added, so the mark has somewhere to live; every stored entry for the person (after a merge,
 * more than one) takes the mark.
 */
export function withDelegation(attendees: readonly Attendee[], present: Pick<Present, 'person' | 'attendeeIds'>, delegation: boolean): Attendee[] {
  if (!present.attendeeIds.length) return [...attendees, { personId: present.person.id, delegation }];
  const ids = new Set(present.attendeeIds);
  return attendees.map((a) => (ids.has(a.personId) ? { ...a, delegation } : a));
}

/** The attendees without a person present (every stored entry that resolves to them). */
export function withoutAttendee(attendees: readonly Attendee[], attendeeIds: readonly string[]): Attendee[] {
  const ids = new Set(attendeeIds);
  return attendees.filter((a) => !ids.has(a.personId));
}

/**
 * The attendees with one more person, or the same list when they are already listed (as entered or
 * through a merge): the unique-attendees invariant never has to repair what the screen wrote.
 */
export function withAttendee(attendees: readonly Attendee[], personId: string, people: Lookup<Person>, delegation = false): Attendee[] {
  const kept = resolve(people, personId)?.id ?? personId;
  if (attendees.some((a) => a.personId === personId || (resolve(people, a.personId)?.id ?? a.personId) === kept)) return [...attendees];
  return [...attendees, { personId, delegation }];
}

/**
 * The groups with one more, or an error message: blank, or already there (compared as names are).
 * Trimmed as stored.
 */
export function withGroup(groups: readonly string[], text: string): { groups: string[] } | { error: string } {
  const t = text.trim();
  if (!t) return { error: 'Type the group first, e.g. “Heads of mission of 30 states”.' };
  if (groups.some((g) => foldName(g) === foldName(t))) return { error: `“${t}” is already listed.` };
  return { groups: [...groups, t] };
}
