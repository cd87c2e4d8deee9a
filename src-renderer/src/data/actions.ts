/**
 * Follow-up actions and announced events in storage: what the tracker reads, and the defaults for a new one.
 * Filtering and ordering themselves live in core/tracker.ts so the CLI and the pack builder share them.
 */
import type { Action, ActionFields, Briefing } from '../core/model';
import { TrackerAccumulator, type TrackerContext, type TrackerFilter, type TrackerResult } from '../core/tracker';
import type { AttacheDb } from './db';

/** What the tracker needs to know about an action's briefing. */
export interface BriefingRef {
  id: string;
  title: string;
  startsAt: string;
  tags: string[];
}

export interface TrackerSource {
  /** Live actions of live (or no) briefings, in due order with undated ones last. */
  actions: Action[];
  briefings: Map<string, BriefingRef>;
}

/** Actions are handed to the filter in pieces of this size (see readActionsByDue). */
export const TRACKER_CHUNK = 2_000;

/**
 * Every live action in due order, undated last, through the [deleted+due] index (so storage does the
 * sorting and tombstones are never read). Each range is one getAll, the fastest read IndexedDB has;
 * `onChunk` then sees the rows in pieces.
 */
export async function readActionsByDue(db: AttacheDb, onChunk?: (chunk: Action[]) => void): Promise<Action[]> {
  const dated = await db.actions.where('[deleted+due]').between([0, '\u0000'], [0, '\uffff'], true, true).toArray();
  const undated = await db.actions.where('[deleted+due]').equals([0, '']).toArray();
  if (onChunk) {
    for (const part of [dated, undated]) for (let i = 0; i < part.length; i += TRACKER_CHUNK) onChunk(part.slice(i, i + TRACKER_CHUNK));
  }
  return dated.length ? (undated.length ? dated.concat(undated) : dated) : undated;
}

function briefingRef(b: Briefing): BriefingRef {
  return { id: b.id, title: b.title, startsAt: b.startsAt, tags: b.tags };
}

/**
 * Every live briefing, newest first, as the tracker needs it. Read apart from the actions so that
 * editing a follow-up does not re-read thousands of briefings.
 */
export async function liveBriefingRefs(db: AttacheDb): Promise<Map<string, BriefingRef>> {
  const rows = await db.briefings.where('[deleted+startsAt]').between([0, ''], [0, '\uffff']).reverse().toArray();
  return new Map(rows.map((b) => [b.id, briefingRef(b)]));
}

/** Follow-ups of a deleted briefing leave the tracker with it (and come back with an undo). */
export function joinTrackerSource(actions: readonly Action[], briefings: Map<string, BriefingRef>): TrackerSource {
  return { actions: actions.filter((a) => !a.briefingId || briefings.has(a.briefingId)), briefings };
}

/** Everything the tracker shows, in one consistent read. */
export async function loadTrackerSource(db: AttacheDb): Promise<TrackerSource> {
  return db.transaction('r', db.actions, db.briefings, async () => {
    const [actions, briefings] = [await readActionsByDue(db), await liveBriefingRefs(db)];
    return joinTrackerSource(actions, briefings);
  });
}

export function trackerContext(source: Pick<TrackerSource, 'briefings'>): TrackerContext {
  return { briefingTags: (id) => source.briefings.get(id)?.tags };
}

/** One tracker query straight from storage (the benchmark and tests measure this). */
export async function queryTracker(
  db: AttacheDb,
  filter: TrackerFilter,
  today: string,
): Promise<TrackerResult<Action> & { briefings: Map<string, BriefingRef> }> {
  const source = await loadTrackerSource(db);
  const acc = new TrackerAccumulator<Action>(filter, today, trackerContext(source));
  for (let i = 0; i < source.actions.length; i += TRACKER_CHUNK) acc.add(source.actions.slice(i, i + TRACKER_CHUNK));
  return { ...acc.result(), briefings: source.briefings };
}

/** A new follow-up's fields; the caller supplies at least a title. */
export function newActionFields(fields: Partial<ActionFields> & Pick<ActionFields, 'title'>): ActionFields {
  return {
    kind: 'task',
    briefingId: null,
    statementId: null,
    owner: '',
    due: '',
    place: '',
    status: 'open',
    priority: 'normal',
    notes: '',
    tags: [],
    ...fields,
  };
}

