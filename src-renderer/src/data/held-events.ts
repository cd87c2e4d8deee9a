/**
 * Events kept by later briefings, in storage: what the "Held at…" and "Follows up…" pickers offer and what
 * a briefing's "Follows up" block lists. The rules themselves are core/held-events.ts; the link is written
 * as one record edit through the Workspace (`linkHeld`, `unlinkHeld`).
 */
import { UserError } from '../core/errors';
import { linkIssue, linkPatch, unlinkPatch, isOpenEventFor, type HeldBriefing } from '../core/held-events';
import type { Action, Briefing, Person, Statement } from '../core/model';
import { liveBriefingsByDate } from './briefings';
import type { AttacheDb } from './db';
import type { Workspace } from './workspace';

/** One event a briefing kept, with where it was announced and by whom. */
export interface KeptEvent {
  event: Action;
  /** The briefing that announced it (undefined when not in this workspace or deleted). */
  announcing: Briefing | undefined;
  /** The speaker of the statement that announced it, if recorded. */
  speaker: Person | undefined;
}

/** The live events held at `briefingId`, by date (undated last), with their announcing briefing and speaker. */
export async function keptEvents(db: AttacheDb, briefingId: string): Promise<KeptEvent[]> {
  const events = (await db.actions.where('heldInBriefingId').equals(briefingId).toArray()).filter((a) => !a.deleted);
  const briefings = await db.briefings.bulkGet(events.map((a) => a.briefingId ?? ''));
  const statements = await db.statements.bulkGet(events.map((a) => a.statementId ?? ''));
  const people = await db.people.bulkGet(statements.map((s: Statement | undefined) => (s && !s.deleted ? (s.speakerId ?? '') : '')));
  return events
    .map((event, i) => {
      const b = briefings[i];
      const p = people[i];
      return { event, announcing: b && !b.deleted ? b : undefined, speaker: p && !p.deleted ? p : undefined };
    })
    .sort((x, y) => (x.event.due === y.event.due ? (x.event.id < y.event.id ? -1 : 1) : !x.event.due ? 1 : !y.event.due ? -1 : x.event.due < y.event.due ? -1 : 1));
}

/** Every live briefing as the pickers name it, oldest first. Read when a picker opens, not kept. */
export async function briefingChoices(db: AttacheDb): Promise<HeldBriefing[]> {
  const rows = await liveBriefingsByDate(db).toArray();
  return rows.map((b) => ({ id: b.id, title: b.title, startsAt: b.startsAt }));
}

/** Open events of other briefings that `later` may say it follows up, with their announcing briefings; oldest announcement first. */
export async function openEventsFor(db: AttacheDb, later: HeldBriefing): Promise<{ event: Action; announcing: Briefing }[]> {
  const events = (await db.actions.where('status').anyOf(['open', 'in-progress']).toArray()).filter((a) => a.kind === 'event' && !a.deleted && a.heldInBriefingId === null && a.briefingId);
  const briefings = await db.briefings.bulkGet(events.map((a) => a.briefingId!));
  const out: { event: Action; announcing: Briefing }[] = [];
  events.forEach((event, i) => {
    const b = briefings[i];
    if (b && !b.deleted && isOpenEventFor(event, later, b)) out.push({ event, announcing: b });
  });
  return out.sort((x, y) => (x.announcing.startsAt < y.announcing.startsAt ? -1 : x.announcing.startsAt > y.announcing.startsAt ? 1 : x.event.title.localeCompare(y.event.title)));
}

/**
 * Record that `later` kept `eventId`: held there and done, in one edit. The rules are checked against
 * what is stored now; a refusal throws with its reason and changes nothing.
 */
export async function linkHeld(ws: Workspace, eventId: string, laterId: string): Promise<Action> {
  const [event, later] = await Promise.all([ws.db.actions.get(eventId), ws.db.briefings.get(laterId)]);
  if (!event || event.deleted) throw new UserError('error.event.gone');
  if (!later) throw new UserError('error.briefing.notHere');
  const announcing = event.briefingId ? await ws.db.briefings.get(event.briefingId) : undefined;
  const refused = linkIssue(event, later, announcing);
  if (refused) throw refused;
  return ws.update('actions', eventId, linkPatch(laterId));
}

/** The event was not held there after all: the link cleared, the event open again. */
export async function unlinkHeld(ws: Workspace, eventId: string): Promise<Action> {
  return ws.update('actions', eventId, unlinkPatch());
}
