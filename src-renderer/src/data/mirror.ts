/**
 * A table held in memory as small projected items, kept current by Dexie's change announcements.
 *
 * Why: a screen that filters thousands of rows in memory (the follow-up tracker) would otherwise read
 * the whole table again after every edit — Dexie's own live-query cache drops its result on any explicit
 * transaction, and every Workspace edit is one. Dexie 4 announces each committed write, from this
 * context and (over a BroadcastChannel) from other tabs and workers, as a `storagemutated` event with the
 * primary keys it touched; the mirror re-reads exactly those rows. A write that covered a range (bulk
 * puts of 50 rows or more, clear, deleteRange) re-reads that range, which may be the whole table.
 * Watching the `hlc` index would not do: an import can bring records whose clocks are older than ones
 * already held (data/search-feed.ts relies on the same announcements for the same reason).
 *
 * A mirror only knows about writes made while it listens: `listen()` before the first `read()`, and a
 * mirror that stops listening forgets its copy (the next read is a full one).
 */
import Dexie, { type IntervalTree, type Table } from 'dexie';

type Parts = Record<string, IntervalTree>;

/** Walk an interval tree: a RangeSet, or its structured clone when the event came from another context. */
function* rangesOf(node: IntervalTree | null | undefined): Generator<[unknown, unknown]> {
  if (!node || !('from' in node)) return;
  const n = node as { from: unknown; to: unknown; l?: IntervalTree | null; r?: IntervalTree | null };
  yield* rangesOf(n.l);
  yield [n.from, n.to];
  yield* rangesOf(n.r);
}

/**
 * What a `storagemutated` event says was written to one table's primary keys: 'all' when anything may
 * have changed (Dexie announces that when a page comes back from the back-forward cache), else the key
 * ranges written (a single key is a range from it to itself; a bound that is not a string is open), or
 * undefined when the event does not concern the table.
 */
export function writtenRanges(parts: Parts, dbName: string, table: string): 'all' | [unknown, unknown][] | undefined {
  if ('all' in parts) return 'all';
  const tree = parts[`idb://${dbName}/${table}/`];
  return tree ? [...rangesOf(tree)] : undefined;
}

/** Rows per read when a whole table (or a wide range) is read. */
const READ_CHUNK = 5_000;

/** The copy at one moment: its items and how many times it had changed by then. */
export interface MirrorState<Item> {
  readonly items: ReadonlyMap<string, Item>;
  readonly version: number;
}

/** `Insert` is the table's insert type (Dexie's EntityTable makes the key optional there). */
export class TableMirror<Row extends { id: string }, Item, Insert = Row> {
  private state: MirrorState<Item> = { items: new Map(), version: 0 };
  /** Key ranges written since the copy was last brought up to date; 'all' before the first read. */
  private pending: [unknown, unknown][] | 'all' = 'all';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly table: Table<Row, string, Insert>,
    /** The item kept for a row; undefined leaves the row out (a tombstone, say). */
    private readonly project: (row: Row) => Item | undefined,
    /** How the whole table is read (by default in pieces); the Pack dialog's totals are checked as they are read. */
    private readonly readAll?: () => Promise<Row[]>,
  ) {}

  /** Note what a `storagemutated` event says changed; true when it concerns this table. */
  note(parts: Parts): boolean {
    const written = writtenRanges(parts, this.table.db.name, this.table.name);
    if (!written) return false;
    if (written === 'all') this.pending = 'all';
    else if (this.pending !== 'all') for (const range of written) this.pending.push(range);
    return true;
  }

  /** Forget the copy: the next read is a full one. */
  forget(): void {
    this.state = { items: new Map(), version: this.state.version + 1 };
    this.pending = 'all';
  }

  /** The copy with every change noted so far applied. Reads are queued, so none sees a half-applied change. */
  read(): Promise<MirrorState<Item>> {
    const run = this.queue.then(() => this.apply());
    this.queue = run.catch(() => undefined);
    return run.then(() => this.state);
  }

  private async apply(): Promise<void> {
    const work = this.pending;
    if (work !== 'all' && !work.length) return;
    // Changes noted while this read is under way stay pending for the next one.
    this.pending = [];
    try {
      if (work === 'all') {
        const next = new Map<string, Item>();
        for (const row of await (this.readAll?.() ?? this.readRange(undefined, undefined))) this.put(next, row.id, row);
        this.commit(next);
      } else {
        const keys = new Set<string>();
        const ranges: [string | undefined, string | undefined][] = [];
        for (const [from, to] of work) {
          if (typeof from === 'string' && from === to) keys.add(from);
          // Non-string bounds are Dexie's minKey/maxKey: that side is open.
          else ranges.push([typeof from === 'string' ? from : undefined, typeof to === 'string' ? to : undefined]);
        }
        const ids = [...keys];
        const [rows, rangeRows] = await Promise.all([this.table.bulkGet(ids), Promise.all(ranges.map(([lo, hi]) => this.readRange(lo, hi)))]);
        // Copy on write: whoever holds the previous map keeps a consistent one.
        const next = new Map(this.state.items);
        ranges.forEach(([lo, hi], i) => {
          for (const id of this.state.items.keys()) if ((lo === undefined || id >= lo) && (hi === undefined || id <= hi)) next.delete(id);
          for (const row of rangeRows[i]!) this.put(next, row.id, row);
        });
        ids.forEach((id, i) => this.put(next, id, rows[i]));
        this.commit(next);
      }
    } catch (e) {
      this.requeue(work);
      throw e;
    }
  }

  /** A failed read leaves its work pending, with whatever was noted meanwhile. */
  private requeue(work: [unknown, unknown][] | 'all'): void {
    this.pending = work === 'all' || this.pending === 'all' ? 'all' : [...work, ...this.pending];
  }

  private commit(items: Map<string, Item>): void {
    this.state = { items, version: this.state.version + 1 };
  }

  private put(into: Map<string, Item>, id: string, row: Row | undefined): void {
    const item = row && this.project(row);
    if (item === undefined) into.delete(id);
    else into.set(id, item);
  }

  /**
   * Rows with keys from `lo` to `hi` (inclusive; undefined is open), read in pieces: one getAll of 20,000
   * actions is turned into objects on the main thread in one go, which kept the tracker from painting even
   * its "Loading" line for a second or more.
   */
  private async readRange(lo: string | undefined, hi: string | undefined): Promise<Row[]> {
    const out: Row[] = [];
    let from = lo;
    let inclusive = true;
    for (;;) {
      const by = this.table.where(':id');
      const range =
        from === undefined
          ? hi === undefined
            ? by.aboveOrEqual('')
            : by.belowOrEqual(hi)
          : hi === undefined
            ? inclusive
              ? by.aboveOrEqual(from)
              : by.above(from)
            : by.between(from, hi, inclusive, true);
      const rows = await range.limit(READ_CHUNK).toArray();
      for (const r of rows) out.push(r);
      if (rows.length < READ_CHUNK) return out;
      // Awaiting the next piece lets the page paint and handle input in between.
      from = rows[rows.length - 1]!.id;
      inclusive = false;
    }
  }
}

/** Listen to every committed write of any database, from any context; returns the way to stop. */
export function onStorageMutated(listener: (parts: Parts) => void): () => void {
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/**
 * `pass` run one at a time, for whoever follows writes: a call while a pass is under way asks for one
 * more pass after it, so a burst of writes (or of changed options) folds into a single re-run instead
 * of racing reads. A failed pass goes to `onError`; the next call starts afresh.
 */
export function coalescing(pass: () => Promise<void>, onError: (e: unknown) => void): () => void {
  let running = false;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again);
      } catch (e) {
        onError(e);
      } finally {
        running = false;
      }
    })();
  };
}
