/**
 * Merging two people or two organisations of the directory into the one kept, in one transaction.
 *
 * The merged-away record stays, with `mergedInto` naming the one kept: a redirect, not a deletion. It is
 * a stamped field like any other, so the merge travels through sync and converges; a colleague's
 * concurrent edit of the merged-away record changes other fields and cannot bring it back as a second
 * person, and a colleague's new statement that still names the old id resolves to the kept person at
 * read time (core/directory.ts). It is not marked deleted: a deletion is undone from the trash and
 * logs colleagues' concurrent edits as hidden, neither of which fits "the same person".
 *
 * References are still moved to the kept record (statements' speaker, briefings' attendees and
 * organisers, people's organisation, organisations' parent, follow-up owners written as the old name) as
 * ordinary stamped edits, so lists, counts and indexes see one record without resolving anything.
 */
import { mergeIssue, mergedAliases, parentProblem, resolveId, type DirectoryKind } from '../core/directory';
import type { Attendee, Organisation, Person } from '../core/model';
import { foldName } from '../core/text';
import type { AttacheDb } from './db';
import { ValidationError, type Workspace } from './workspace';

/** What a merge moves to the record kept, for the confirmation ("12 statements, 3 briefings' attendees…"). */
export interface MergePlan {
  kind: DirectoryKind;
  from: Person | Organisation;
  into: Person | Organisation;
  /** Live statements the merged-away person spoke. */
  statements: string[];
  /** Live briefings listing the merged-away person as present. */
  attendedBriefings: string[];
  /** Live briefings organised by the merged-away organisation. */
  organisedBriefings: string[];
  /** Live follow-ups whose owner is written as the merged-away person's name. */
  ownedActions: string[];
  /** Live people of the merged-away organisation. */
  members: string[];
  /** Live organisations sitting under the merged-away one. */
  children: string[];
}

async function lookupMap(db: AttacheDb, kind: DirectoryKind): Promise<Map<string, Person | Organisation>> {
  const rows: (Person | Organisation)[] = kind === 'person' ? await db.people.toArray() : await db.organisations.toArray();
  return new Map(rows.map((r) => [r.id, r]));
}

/** What merging `fromId` into `intoId` would move; throws a ValidationError with the refusal's message. */
export async function planMerge(db: AttacheDb, kind: DirectoryKind, fromId: string, intoId: string): Promise<MergePlan> {
  return db.transaction('r', [db.people, db.organisations, db.statements, db.briefings, db.actions], async () => {
    const byId = await lookupMap(db, kind);
    const live = (id: string) => {
      const r = byId.get(id);
      return r && !r.deleted ? r : undefined;
    };
    const problem = mergeIssue(kind, live, fromId, intoId);
    if (problem) throw ValidationError.of('mergedInto', problem);
    const from = byId.get(fromId)!;
    const into = byId.get(resolveId(live, intoId))!;
    const plan: MergePlan = { kind, from, into, statements: [], attendedBriefings: [], organisedBriefings: [], ownedActions: [], members: [], children: [] };
    const briefings = (await db.briefings.toArray()).filter((b) => !b.deleted);
    if (kind === 'person') {
      plan.statements = (await db.statements.where('speakerId').equals(fromId).toArray()).filter((s) => !s.deleted).map((s) => s.id);
      plan.attendedBriefings = briefings.filter((b) => b.attendees.some((a) => a.personId === fromId)).map((b) => b.id);
      const name = foldName(from.name);
      // Owners are free text; only those written exactly as the old name (case and accents aside) are this person.
      plan.ownedActions = (await db.actions.toArray()).filter((a) => !a.deleted && a.owner && foldName(a.owner) === name).map((a) => a.id);
    } else {
      plan.organisedBriefings = briefings.filter((b) => b.organiserIds.includes(fromId)).map((b) => b.id);
      plan.members = (await db.people.where('organisationId').equals(fromId).toArray()).filter((p) => !p.deleted).map((p) => p.id);
      plan.children = (await db.organisations.where('parentId').equals(fromId).toArray()).filter((o) => !o.deleted && o.id !== into.id).map((o) => o.id);
    }
    return plan;
  });
}

/** "12 statements, attendance at 3 briefings and 1 follow-up": what the confirmation says will move. */
export function describePlan(plan: MergePlan): string {
  const n = (count: number, one: string, many: string) => (count ? `${count} ${count === 1 ? one : many}` : '');
  const parts = [
    n(plan.statements.length, 'statement', 'statements'),
    n(plan.attendedBriefings.length, 'briefing attended', 'briefings attended'),
    n(plan.ownedActions.length, 'follow-up owned', 'follow-ups owned'),
    n(plan.members.length, 'person', 'people'),
    n(plan.organisedBriefings.length, 'briefing organised', 'briefings organised'),
    n(plan.children.length, 'organisation under it', 'organisations under it'),
  ].filter(Boolean);
  if (!parts.length) return 'Nothing refers to it yet.';
  return `${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}` : parts[0]!} will move.`;
}

/** Attendees with `fromId` replaced by `intoId`, each person once (marked our delegation if either was). */
export function moveAttendee(attendees: readonly Attendee[], fromId: string, intoId: string): Attendee[] {
  const out: Attendee[] = [];
  for (const a of attendees) {
    const personId = a.personId === fromId ? intoId : a.personId;
    const same = out.find((x) => x.personId === personId);
    if (same) same.delegation ||= a.delegation;
    else out.push({ personId, delegation: a.delegation });
  }
  return out;
}

function moveId(ids: readonly string[], fromId: string, intoId: string): string[] {
  return [...new Set(ids.map((id) => (id === fromId ? intoId : id)))];
}

/**
 * Merge `fromId` into `intoId` (the one kept) in one transaction: every reference moved, the kept record
 * given what it lacked (title, country, organisation or parent; the old name as another spelling) and
 * the merged-away record redirected. Refusals (ValidationError) change nothing. Returns the plan carried out.
 */
export async function mergeRecords(ws: Workspace, kind: DirectoryKind, fromId: string, intoId: string): Promise<MergePlan> {
  const db = ws.db;
  return db.transaction('rw', [db.people, db.organisations, db.statements, db.briefings, db.actions, db.meta], async () => {
    const plan = await planMerge(db, kind, fromId, intoId);
    const into = plan.into.id;
    if (kind === 'person') {
      const from = plan.from as Person;
      const kept = plan.into as Person;
      for (const id of plan.statements) await ws.update('statements', id, { speakerId: into });
      for (const id of plan.attendedBriefings) {
        const b = (await db.briefings.get(id))!;
        await ws.update('briefings', id, { attendees: moveAttendee(b.attendees, fromId, into) });
      }
      for (const id of plan.ownedActions) await ws.update('actions', id, { owner: kept.name });
      await ws.update('people', into, {
        aliases: mergedAliases(kept, from),
        title: kept.title || from.title,
        country: kept.country || from.country,
        organisationId: kept.organisationId ?? from.organisationId,
      });
      await ws.update('people', fromId, { mergedInto: into });
    } else {
      const from = plan.from as Organisation;
      const kept = plan.into as Organisation;
      for (const id of plan.organisedBriefings) {
        const b = (await db.briefings.get(id))!;
        await ws.update('briefings', id, { organiserIds: moveId(b.organiserIds, fromId, into) });
      }
      for (const id of plan.members) await ws.update('people', id, { organisationId: into });
      for (const id of plan.children) await ws.update('organisations', id, { parentId: into });
      // The kept one takes the old one's parent if it had none; it never ends under itself.
      let parentId = kept.parentId === fromId || kept.parentId === null ? from.parentId : kept.parentId;
      if (parentId !== null) {
        const orgs = new Map((await db.organisations.toArray()).map((o) => [o.id, o]));
        orgs.set(fromId, { ...from, mergedInto: into });
        if (parentProblem((id) => orgs.get(id), into, parentId)) parentId = null;
      }
      await ws.update('organisations', into, { acronym: kept.acronym || from.acronym, country: kept.country || from.country, parentId });
      await ws.update('organisations', fromId, { mergedInto: into });
    }
    return plan;
  });
}
