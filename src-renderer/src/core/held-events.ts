/**
 * An announced event kept by a later briefing: the conference a briefing announced is held, and a later
 * briefing records it. The link is one field of the event (`actions.heldInBriefingId`), set together with
 * its status in one record edit, so it travels through sync like any edit and converges. These are the
 * rules of that link and its wording, shared by the briefing screen, the tracker, search, the pack and
 * the tests.
 */
import { formatLongDate } from './dates';
import { englishText, UserError } from './user-error';
import type { ActionFields } from './model';

/** What the rules need of a briefing. */
export interface HeldBriefing {
  id: string;
  title: string;
  /** `YYYY-MM-DDTHH:mm` (or a date). */
  startsAt: string;
  deleted?: 0 | 1 | boolean;
}

/** What the rules need of an event. */
export type HeldEvent = Pick<ActionFields, 'kind' | 'briefingId' | 'status' | 'heldInBriefingId'> & { id: string };

export type LinkCheck = { ok: true } | { ok: false; reason: string };

/** A briefing's name in a message or a link: its title (or "Untitled briefing") and its date. */
export function briefingName(b: Pick<HeldBriefing, 'title' | 'startsAt'>): string {
  return `${b.title.trim() || 'Untitled briefing'}, ${formatLongDate(b.startsAt.slice(0, 10))}`;
}

/**
 * Whether `later` may be recorded as the briefing where `event` (announced in `announcing`, when known)
 * was held. Refused: anything but an event; the announcing briefing itself; a deleted briefing; a
 * briefing dated before the announcement (it cannot record what was not yet announced). The same day
 * is allowed: a morning announcement can be held by the afternoon's meeting.
 */
export function canLink(event: HeldEvent, later: HeldBriefing, announcing?: HeldBriefing): LinkCheck {
  const issue = linkIssue(event, later, announcing);
  return issue ? { ok: false, reason: issue.message } : { ok: true };
}

/** canLink's refusal as a UserError (a message key and its values), for a screen to say in its language. */
export function linkIssue(event: HeldEvent, later: HeldBriefing, announcing?: HeldBriefing): UserError | undefined {
  if (event.kind !== 'event') return new UserError('error.held.notEvent');
  if (event.briefingId === later.id) return new UserError('error.held.sameBriefing');
  const named = { title: later.title.trim() || englishText('error.untitledBriefing'), date: formatLongDate(later.startsAt.slice(0, 10)) };
  if (later.deleted) return new UserError('error.held.deleted', named);
  if (announcing && later.startsAt.slice(0, 10) < announcing.startsAt.slice(0, 10)) {
    return new UserError('error.held.before', { ...named, announced: formatLongDate(announcing.startsAt.slice(0, 10)) });
  }
  return undefined;
}

/** The one record edit that links an event to the briefing that kept it: held there, and so done. */
export function linkPatch(laterId: string): Pick<ActionFields, 'heldInBriefingId' | 'status'> {
  return { heldInBriefingId: laterId, status: 'done' };
}

/** Undo the link: not held anywhere, and open again. */
export function unlinkPatch(): Pick<ActionFields, 'heldInBriefingId' | 'status'> {
  return { heldInBriefingId: null, status: 'open' };
}

/** "Held — see Regional conference on drug control, 12 May 2015"; a briefing not here is said so. */
export function describeHeld(later: Pick<HeldBriefing, 'title' | 'startsAt'> | undefined): string {
  return later ? `Held — see ${briefingName(later)}` : 'Held — recorded in a briefing not in this workspace';
}

/**
 * The briefings an event may be linked to, for the "Held at…" picker: those `canLink` allows, the ones
 * dated nearest after the announcement first (the meeting that recorded an event usually follows it soon).
 */
export function laterBriefings<B extends HeldBriefing>(event: HeldEvent, briefings: Iterable<B>, announcing?: HeldBriefing): B[] {
  const out: B[] = [];
  for (const b of briefings) if (canLink(event, b, announcing).ok) out.push(b);
  return out.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Whether an event is one a later briefing can still say it follows up: an open (or in-progress) event,
 * held nowhere yet, that `canLink` lets `later` keep.
 */
export function isOpenEventFor(event: HeldEvent, later: HeldBriefing, announcing: HeldBriefing | undefined): boolean {
  if (event.heldInBriefingId !== null || (event.status !== 'open' && event.status !== 'in-progress')) return false;
  return canLink(event, later, announcing).ok;
}
