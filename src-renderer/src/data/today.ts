/**
 * What the Today screen reads, every part through an index so the start screen opens as fast on a
 * million-statement archive as on an empty one: the week's briefings as a range of [deleted+startsAt],
 * the week's events as ranges of `due` (the days of the week, and the months and years that cover them),
 * my follow-ups through the `owner` index (the distinct owners that are "me" as names compare), the last
 * edited briefings from the top of `hlc`. The choice itself is core/today.ts.
 */
import type { Action, Briefing } from '../core/model';
import { isMine } from '../core/tracker';
import { RECENT_LIMIT, todayWindow, type TodayAction, type TodayBriefing, type TodayInput } from '../core/today';
import type { AttacheDb } from './db';
import { readMyName } from './my-name';

const briefingItem = (b: Briefing): TodayBriefing => ({ id: b.id, title: b.title, startsAt: b.startsAt, location: b.location, hlc: b.hlc });
const actionItem = (a: Action): TodayAction => ({
  id: a.id,
  kind: a.kind,
  title: a.title,
  owner: a.owner,
  due: a.due,
  status: a.status,
  priority: a.priority,
  briefingId: a.briefingId,
  place: a.place,
  tags: a.tags,
});

/** Everything core/today.ts needs for the week starting `today` (`YYYY-MM-DD`). */
export async function loadToday(db: AttacheDb, today: string): Promise<TodayInput> {
  const w = todayWindow(today);
  const myName = await readMyName(db);
  const [briefings, dayEvents, partialEvents, mine, recent] = await Promise.all([
    db.briefings.where('[deleted+startsAt]').between([0, w.briefingsFrom], [0, w.briefingsTo], true, false).toArray(),
    db.actions.where('due').between(w.today, w.last, true, true).filter((a) => a.deleted === 0 && a.kind === 'event').toArray(),
    db.actions.where('due').anyOf(w.partialDues).filter((a) => a.deleted === 0 && a.kind === 'event').toArray(),
    myActions(db, myName),
    // Newest clock first; deleted ones skipped as they come (a few at most before five live ones).
    db.briefings.orderBy('hlc').reverse().filter((b) => b.deleted === 0).limit(RECENT_LIMIT).toArray(),
  ]);
  const actions = [...dayEvents, ...partialEvents, ...mine];
  // The briefings the follow-ups came from: their titles, and which are deleted (their follow-ups leave with them).
  const refs = [...new Set(actions.map((a) => a.briefingId).filter((id): id is string => !!id))];
  const titles = new Map<string, string>();
  const deleted = new Set<string>();
  for (const b of await db.briefings.bulkGet(refs)) {
    if (!b) continue;
    if (b.deleted) deleted.add(b.id);
    else titles.set(b.id, b.title);
  }
  return {
    today,
    myName,
    briefings: briefings.map(briefingItem),
    events: [...dayEvents, ...partialEvents].map(actionItem),
    mine: mine.map(actionItem),
    recent: recent.map(briefingItem),
    briefingTitles: titles,
    deletedBriefings: deleted,
  };
}

/** Live follow-ups still to do whose owner is "me" (case, accents and spacing aside, as the tracker's Mine compares). */
async function myActions(db: AttacheDb, myName: string): Promise<Action[]> {
  if (!myName) return [];
  // The owner index holds each spelling once: the ones that are me are a handful of keys.
  const owners = (await db.actions.orderBy('owner').uniqueKeys()).filter((o): o is string => typeof o === 'string' && isMine({ owner: o }, myName));
  if (!owners.length) return [];
  return db.actions
    .where('owner')
    .anyOf(owners)
    .filter((a) => a.deleted === 0 && (a.status === 'open' || a.status === 'in-progress'))
    .toArray();
}
