/**
 * Events kept by later briefings, as the pack prints them: "Held — see <briefing, date>" on the event, and
 * a "Follows up" block in the later briefing listing the events it kept, with the briefing that announced
 * each and the speaker of the statement that announced it.
 *
 * A pack names only briefings it includes: a briefing left out (not ticked, or above the pack's ceiling)
 * may be classified higher than the pack's banner, so its title is never printed — the event says it was
 * held at "a later briefing not in this pack", and an event announced at a briefing left out is counted,
 * not named. One pass over the actions per pack.
 */
import { formatLongDate } from '../dates';
import { briefingName } from '../held-events';
import type { Action, Briefing, WorkspaceData } from '../model';

export interface FollowedUpEvent {
  event: Action;
  /** "12 May 2015 · Dushanbe", or '' when the event has neither. */
  when: string;
  /** "Announced at Countering modern threats, 17 March 2015 by Rustam Nazarzoda". */
  origin: string;
}

export interface HeldInPack {
  /** The line an event carries under its title when a later briefing kept it; '' otherwise. */
  heldLine(a: Action): string;
  /** Events the briefing kept whose announcing briefing is in the pack, by date (undated last). */
  followsUp(briefingId: string): FollowedUpEvent[];
  /** How many events the briefing kept were announced at a briefing not in this pack. */
  notShown(briefingId: string): number;
}

/** `included`: the pack's briefings by id (what selectPack returned). */
export function heldInPack(data: Pick<WorkspaceData, 'actions' | 'statements' | 'people'>, included: ReadonlyMap<string, Briefing>): HeldInPack {
  const kept = new Map<string, Action[]>();
  const hidden = new Map<string, number>();
  const announcedBy = new Map<string, string>();
  for (const a of data.actions) {
    if (a.deleted || a.kind !== 'event' || !a.heldInBriefingId || !included.has(a.heldInBriefingId)) continue;
    if (a.briefingId && included.has(a.briefingId)) {
      const list = kept.get(a.heldInBriefingId);
      if (list) list.push(a);
      else kept.set(a.heldInBriefingId, [a]);
      if (a.statementId) announcedBy.set(a.statementId, '');
    } else {
      hidden.set(a.heldInBriefingId, (hidden.get(a.heldInBriefingId) ?? 0) + 1);
    }
  }
  // Speakers only for the few announcing statements, and only live ones (a deleted person is never named).
  if (announcedBy.size) {
    const speakerOf = new Map<string, string>();
    for (const s of data.statements) if (!s.deleted && s.speakerId && announcedBy.has(s.id)) speakerOf.set(s.id, s.speakerId);
    const wanted = new Set(speakerOf.values());
    const names = new Map<string, string>();
    for (const p of data.people) if (!p.deleted && wanted.has(p.id)) names.set(p.id, p.name);
    for (const [statementId, personId] of speakerOf) announcedBy.set(statementId, names.get(personId) ?? '');
  }
  const byDate = (x: Action, y: Action) => (x.due === y.due ? (x.id < y.id ? -1 : 1) : !x.due ? 1 : !y.due ? -1 : x.due < y.due ? -1 : 1);
  for (const list of kept.values()) list.sort(byDate);

  return {
    heldLine(a) {
      if (a.kind !== 'event' || !a.heldInBriefingId) return '';
      const b = included.get(a.heldInBriefingId);
      return b ? `Held — see ${briefingName(b)}` : 'Held — recorded in a later briefing not in this pack';
    },
    followsUp(briefingId) {
      return (kept.get(briefingId) ?? []).map((event) => {
        const announcing = included.get(event.briefingId!)!;
        const speaker = event.statementId ? announcedBy.get(event.statementId) : '';
        return {
          event,
          when: [event.due ? formatLongDate(event.due) : '', event.place].filter(Boolean).join(' · '),
          origin: `Announced at ${briefingName(announcing)}${speaker ? ` by ${speaker}` : ''}`,
        };
      });
    },
    notShown(briefingId) {
      return hidden.get(briefingId) ?? 0;
    },
  };
}
