/**
 * Follow-up actions and announced events in storage: what the tracker reads, and the defaults for a new one.
 * Filtering and ordering themselves live in core/tracker.ts so the CLI and the pack builder share them.
 */
import Dexie, { type InsertType } from 'dexie';
import type { Action, ActionFields, Briefing } from '../core/model';
import { compareByDue, matchesFilter, runTracker, type TrackerContext, type TrackerFilter, type TrackerResult } from '../core/tracker';
import type { AttacheDb } from './db';
import { coalescing, onStorageMutated, TableMirror, type MirrorState } from './mirror';
import { V2_FIELDS } from '../core/upgrade';

/** What the tracker needs to know about an action's briefing. */
export interface BriefingRef {
  id: string;
  title: string;
  startsAt: string;
  tags: string[];
  /** Set on a deleted briefing (kept in the mirror so its follow-ups leave the tracker with it). */
  deleted?: true;
}

export interface TrackerSource {
  /** Live actions of live (or no) briefings, in tracker order (core/tracker.ts compareByDue: undated last). */
  actions: Action[];
  /** Live briefings, newest first. */
  briefings: Map<string, BriefingRef>;
}

function briefingRef(b: Briefing): BriefingRef {
  return { id: b.id, title: b.title, startsAt: b.startsAt, tags: b.tags };
}

/** Newest first, as the briefing filter offers them (the order of the [deleted+startsAt] index, reversed). */
function newestFirst(a: BriefingRef, b: BriefingRef): number {
  if (a.startsAt !== b.startsAt) return a.startsAt < b.startsAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Follow-ups of a deleted briefing leave the tracker with it (and come back with an undo). A follow-up whose
 * briefing is not in this workspace at all (a colleague's file brought it alone) stays, marked as such.
 */
export function joinTrackerSource(actions: readonly Action[], briefings: Map<string, BriefingRef>, deletedBriefings: ReadonlySet<string> = new Set()): TrackerSource {
  return { actions: actions.filter((a) => !a.briefingId || briefings.has(a.briefingId) || !deletedBriefings.has(a.briefingId)), briefings };
}

/** How long a mirror nobody uses keeps its copy (re-opening the tracker soon after costs nothing). */
const IDLE_MS = 5 * 60_000;

interface Subscriber {
  next: (source: TrackerSource) => void;
  error: (e: unknown) => void;
  last?: TrackerSource;
}

/**
 * The tracker's view of one database, held in memory: every live action (whole, the rows show them) and
 * every live briefing as a BriefingRef (no summary). The first use reads both tables once; after that a
 * write re-reads only the rows it touched (data/mirror.ts), so an edit on the tracker costs a few rows,
 * not 20,000 actions and 10,000 briefings.
 */
export class TrackerMirror {
  private readonly actions: TableMirror<Action, Action, InsertType<Action, 'id'>>;
  private readonly briefings: TableMirror<Briefing, BriefingRef, InsertType<Briefing, 'id'>>;
  private stop: (() => void) | undefined;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private readonly subscribers = new Set<Subscriber>();
  /** Deliver the current source to every subscriber that has not seen it; bursts of writes fold into one more pass. */
  private readonly pull = coalescing(
    () => this.deliver(),
    (e) => {
      for (const sub of this.subscribers) sub.error(e);
    },
  );
  private derived: { actions: number; briefings: number; sorted: Action[]; refs: Map<string, BriefingRef>; deleted: Set<string>; source: TrackerSource } | undefined;

  constructor(db: AttacheDb) {
    this.actions = new TableMirror(db.actions, (a) => (a.deleted ? undefined : a));
    this.briefings = new TableMirror(db.briefings, (b) => (b.deleted ? { ...briefingRef(b), deleted: true as const } : briefingRef(b)));
  }

  /** It holds the tables already (the tracker was open moments ago): the source comes without a read. */
  get warm(): boolean {
    return this.derived !== undefined;
  }

  /** Live actions of live (or no) briefings in tracker order, and the live briefings newest first. */
  async source(): Promise<TrackerSource> {
    this.listen();
    try {
      const [actions, briefings] = await Promise.all([this.actions.read(), this.briefings.read()]);
      return this.derive(actions, briefings);
    } finally {
      this.releaseWhenIdle();
    }
  }

  /** `next` gets the source now and after every change to it; returns the way to stop. */
  subscribe(next: (source: TrackerSource) => void, error: (e: unknown) => void): () => void {
    const sub: Subscriber = { next, error };
    this.subscribers.add(sub);
    this.listen();
    this.pull();
    return () => {
      this.subscribers.delete(sub);
      this.releaseWhenIdle();
    };
  }

  private listen(): void {
    clearTimeout(this.idle);
    this.idle = undefined;
    this.stop ??= onStorageMutated((parts) => {
      const actions = this.actions.note(parts);
      const briefings = this.briefings.note(parts);
      if ((actions || briefings) && this.subscribers.size) this.pull();
    });
  }

  private releaseWhenIdle(): void {
    if (this.subscribers.size || this.idle) return;
    this.idle = setTimeout(() => {
      this.idle = undefined;
      if (this.subscribers.size) return;
      this.stop?.();
      this.stop = undefined;
      this.actions.forget();
      this.briefings.forget();
      this.derived = undefined;
    }, IDLE_MS);
    // In Node (tests, the CLI) an idle mirror must not keep the process alive.
    (this.idle as { unref?: () => void }).unref?.();
  }

  private async deliver(): Promise<void> {
    const source = await this.source();
    for (const sub of this.subscribers) {
      if (sub.last === source) continue;
      sub.last = source;
      sub.next(source);
    }
  }

  private derive(actions: MirrorState<Action>, briefings: MirrorState<BriefingRef>): TrackerSource {
    const prev = this.derived;
    if (prev && prev.actions === actions.version && prev.briefings === briefings.version) return prev.source;
    // Sorted once here, so every filter pass finds its input already in order.
    const sorted = prev && prev.actions === actions.version ? prev.sorted : trackerOrder(actions.items, prev?.sorted);
    const same = prev && prev.briefings === briefings.version;
    const refs = same ? prev.refs : new Map([...briefings.items.values()].filter((b) => !b.deleted).sort(newestFirst).map((b) => [b.id, b]));
    const deleted = same ? prev.deleted : new Set([...briefings.items.values()].filter((b) => b.deleted).map((b) => b.id));
    const source = joinTrackerSource(sorted, refs, deleted);
    this.derived = { actions: actions.version, briefings: briefings.version, sorted, refs, deleted, source };
    return source;
  }
}

/**
 * The actions in tracker order. After an edit, the previous order minus the changed rows is still sorted,
 * so the sort only has to fit the few changed rows in (a long sorted run costs next to nothing to sort).
 */
function trackerOrder(items: ReadonlyMap<string, Action>, before: readonly Action[] | undefined): Action[] {
  if (!before) return [...items.values()].sort(compareByDue);
  const kept = before.filter((a) => items.get(a.id) === a);
  const unchanged = new Set(kept);
  for (const a of items.values()) if (!unchanged.has(a)) kept.push(a);
  return kept.sort(compareByDue);
}

const mirrors = new WeakMap<AttacheDb, TrackerMirror>();

/** The one tracker mirror of this database object (the screen and queryTracker share it). */
export function trackerMirror(db: AttacheDb): TrackerMirror {
  let m = mirrors.get(db);
  if (!m) mirrors.set(db, (m = new TrackerMirror(db)));
  return m;
}

/** Everything the tracker shows, current as of every write committed so far. */
export function loadTrackerSource(db: AttacheDb): Promise<TrackerSource> {
  return trackerMirror(db).source();
}

export function trackerContext(source: Pick<TrackerSource, 'briefings'>): TrackerContext {
  return { briefingTags: (id) => source.briefings.get(id)?.tags };
}

/** One tracker query (the benchmark and tests measure this): the mirror brought up to date, then filtered. */
export async function queryTracker(
  db: AttacheDb,
  filter: TrackerFilter,
  today: string,
): Promise<TrackerResult<Action> & { briefings: Map<string, BriefingRef> }> {
  const source = await loadTrackerSource(db);
  return { ...runTracker(source.actions, filter, today, trackerContext(source)), briefings: source.briefings };
}

/** How many follow-ups the first screen's read may look at before it leaves the screen to the whole read. */
const FIRST_ROWS_SCAN = 2000;

/**
 * The tracker's first rows without reading every follow-up (issue 16: the tracker shown within half a second):
 * follow-ups in due order from the `due` index — dated ones, then undated, compareByDue's order — that the
 * filter lets through, until `limit` are found, with their briefings. The screen shows them while the mirror
 * reads the whole tracker, which its counts, owner and tag lists and later pages need. They are exactly the
 * first rows of `runTracker` over the whole source (tests/unit/tracker-first-rows.test.ts). Undefined when
 * this read cannot say cheaply: a tag filter (a briefing's tags count too), "from decisions" (needs the
 * statements), or more than `maxScan` follow-ups looked at without filling the page.
 */
export async function firstTrackerRows(
  db: AttacheDb,
  filter: TrackerFilter,
  today: string,
  myName: string,
  limit: number,
  maxScan = FIRST_ROWS_SCAN,
): Promise<{ rows: Action[]; briefings: Map<string, BriefingRef> } | undefined> {
  if (filter.tag || filter.fromDecisions) return undefined;
  const ctx: TrackerContext = { myName };
  // Follow-ups of a deleted briefing leave the tracker with it (joinTrackerSource): its ids, from the index.
  const deleted = new Set<string>(await db.briefings.where('[deleted+startsAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys());
  const keep = (a: Action) => !a.deleted && !(a.briefingId && deleted.has(a.briefingId)) && matchesFilter(a, filter, today, ctx);
  let rows: Action[];
  if (filter.briefingId) {
    // One briefing's follow-ups: its own index, a few rows.
    rows = (await db.actions.where('briefingId').equals(filter.briefingId).toArray()).filter(keep);
  } else {
    // Whole batches, one request each (getAll with a count), filtered here: a filtered cursor costs a round trip
    // per follow-up, seconds on a loaded machine. A batch of a few pages first, then one of `maxScan`.
    let batch: Action[] = [];
    rows = [];
    for (const size of new Set([Math.min(limit * 6, maxScan), maxScan])) {
      batch = await db.actions.where('due').above('').limit(size).toArray();
      rows = batch.filter(keep);
      if (rows.length >= limit || batch.length < size) break;
    }
    if (rows.length >= limit) {
      // Equal dates sort by priority, then id: the rest of the last date's follow-ups may come before some of these.
      const last = rows[limit - 1]!.due;
      rows = [...rows.filter((a) => a.due < last), ...(await db.actions.where('due').equals(last).toArray()).filter(keep)];
    } else if (batch.length >= maxScan) {
      return undefined;
    } else {
      // Fewer dated ones than a page: the undated follow, in their own order (priority, then id).
      rows.push(...(await db.actions.where('due').equals('').toArray()).filter(keep));
    }
  }
  const briefingIds = [...new Set(rows.flatMap((a) => (a.briefingId ? [a.briefingId] : [])))];
  const briefings = new Map<string, BriefingRef>();
  for (const b of await db.briefings.bulkGet(briefingIds)) if (b && !b.deleted) briefings.set(b.id, briefingRef(b));
  return { rows: rows.sort(compareByDue).slice(0, limit), briefings };
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
    ...V2_FIELDS.actions(),
    ...fields,
  };
}

