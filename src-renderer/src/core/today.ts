/**
 * The Today screen's choice of what to show: the briefings and events of today and the coming week, my
 * follow-ups due or overdue, and the briefings last edited. Pure selection over the few records the data
 * layer read through indexes (data/today.ts); the key ranges it reads are computed here too, so the rule
 * of what "the coming week" is lives in one place.
 *
 * The week is today and the seven days after it, as the tracker's "Next 7 days" window counts
 * (core/dates.ts dueWindow). An event dated only by month or year ("in May", "2015") is shown when its
 * period covers a day of the week (core/partial-date.ts), under the week rather than under today: it is
 * not known to be today.
 */
import { addDaysIso, dueWindow } from './dates';
import type { ActionFields, BriefingFields } from './model';
import { firstDay, lastDay } from './partial-date';
import { compareByDue, isMine } from './tracker';

/** How many briefings "Last edited" lists. */
export const RECENT_LIMIT = 5;

export type TodayBriefing = Pick<BriefingFields, 'title' | 'startsAt' | 'location'> & { id: string; hlc: string };
export type TodayAction = Pick<ActionFields, 'kind' | 'title' | 'owner' | 'due' | 'status' | 'priority' | 'briefingId' | 'place' | 'tags'> & { id: string };

export interface TodayWindow {
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** The last day of the coming week (today + 7). */
  last: string;
  /** Briefings start in [from, to) of the [deleted+startsAt] index (`startsAt` is `YYYY-MM-DDTHH:mm`). */
  briefingsFrom: string;
  briefingsTo: string;
  /** Day-precision due dates in [today, last]; and the months and years that cover a day of the week (exact keys). */
  partialDues: string[];
}

/** What to read for the week starting `today`. */
export function todayWindow(today: string): TodayWindow {
  const last = addDaysIso(today, 7);
  const partial = new Set<string>();
  for (const day of [today, last]) {
    partial.add(day.slice(0, 7));
    partial.add(day.slice(0, 4));
  }
  return { today, last, briefingsFrom: today, briefingsTo: addDaysIso(today, 8), partialDues: [...partial].sort() };
}

/** Does a (partial) due date cover a day of [from, to]? */
export function overlaps(due: string, from: string, to: string): boolean {
  const first = firstDay(due);
  return first !== '' && first <= to && lastDay(due) >= from;
}

export type TodayItem =
  | { type: 'briefing'; briefing: TodayBriefing }
  | { type: 'action'; action: TodayAction; /** The title of the briefing it came from, if live and known. */ briefingTitle?: string; overdue?: boolean };

export type TodaySectionId = 'today' | 'week' | 'mine' | 'recent';

export interface TodaySection {
  id: TodaySectionId;
  title: string;
  /** Said when the section has nothing to show. */
  empty: string;
  items: TodayItem[];
}

export interface TodayInput {
  today: string;
  /** Live briefings starting in the window (any order). */
  briefings: readonly TodayBriefing[];
  /** Candidate events: live actions whose due date is in the window or covers part of it (any kind, any status: filtered here). */
  events: readonly TodayAction[];
  /** Candidate follow-ups of mine: live actions whose owner may be mine (any status, any date: filtered here). */
  mine: readonly TodayAction[];
  /** Live briefings, most recently edited first. */
  recent: readonly TodayBriefing[];
  /** "Your name" (data/my-name.ts); '' when not set: then no follow-up is mine. */
  myName: string;
  /** Titles of the live briefings the actions came from (an action of a deleted briefing is left out, as the tracker does). */
  briefingTitles: ReadonlyMap<string, string>;
  /** Ids of briefings known deleted. */
  deletedBriefings?: ReadonlySet<string>;
}

function byStart(a: TodayBriefing, b: TodayBriefing): number {
  return a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : 1;
}

/** When an item happens, for ordering a day's mix of briefings and events: an undated-in-the-day event comes first. */
function when(item: TodayItem): string {
  return item.type === 'briefing' ? item.briefing.startsAt : firstDay(item.action.due);
}

/** The Today screen's four sections, in order, each sorted. */
export function todaySections(input: TodayInput): TodaySection[] {
  const w = todayWindow(input.today);
  const live = (a: TodayAction) => !a.briefingId || !input.deletedBriefings?.has(a.briefingId);
  const action = (a: TodayAction, overdue?: boolean): TodayItem => {
    const title = a.briefingId ? input.briefingTitles.get(a.briefingId) : undefined;
    return { type: 'action', action: a, ...(title !== undefined ? { briefingTitle: title } : {}), ...(overdue ? { overdue } : {}) };
  };

  const events = input.events.filter((a) => a.kind === 'event' && a.status !== 'dropped' && live(a) && overlaps(a.due, w.today, w.last)).sort(compareByDue);
  const briefings = [...input.briefings].filter((b) => b.startsAt >= w.briefingsFrom && b.startsAt < w.briefingsTo).sort(byStart);
  const isToday = (b: TodayBriefing) => b.startsAt.slice(0, 10) === w.today;

  const todayItems: TodayItem[] = [...briefings.filter(isToday).map((b): TodayItem => ({ type: 'briefing', briefing: b })), ...events.filter((a) => a.due === w.today).map((a) => action(a))];
  const weekItems: TodayItem[] = [
    ...briefings.filter((b) => !isToday(b)).map((b): TodayItem => ({ type: 'briefing', briefing: b })),
    ...events.filter((a) => a.due !== w.today).map((a) => action(a)),
  ];
  const order = (a: TodayItem, b: TodayItem) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0);
  todayItems.sort(order);
  weekItems.sort(order);

  // Events already listed above are not repeated under "My follow-ups".
  const shown = new Set(events.map((a) => a.id));
  const mine = input.mine
    .filter((a) => (a.status === 'open' || a.status === 'in-progress') && live(a) && isMine(a, input.myName) && !shown.has(a.id))
    .map((a) => ({ a, window: dueWindow(a.due, input.today) }))
    .filter((x) => x.window === 'overdue' || x.window === 'next7')
    .sort((x, y) => compareByDue(x.a, y.a))
    .map((x) => action(x.a, x.window === 'overdue'));

  const seen = new Set<string>();
  const recent = input.recent.filter((b) => !seen.has(b.id) && seen.add(b.id)).slice(0, RECENT_LIMIT);

  return [
    { id: 'today', title: 'Today', empty: 'No briefing or event today.', items: todayItems },
    { id: 'week', title: 'Coming week', empty: 'No briefing or event in the next seven days.', items: weekItems },
    {
      id: 'mine',
      title: 'My follow-ups due',
      empty: input.myName ? 'None of your follow-ups is due this week or overdue.' : 'Give your name in Settings → You to see your follow-ups here.',
      items: mine,
    },
    { id: 'recent', title: 'Last edited', empty: 'No briefing yet.', items: recent.map((b): TodayItem => ({ type: 'briefing', briefing: b })) },
  ];
}
