/**
 * Feeds the search engine from IndexedDB: a full build in key-ordered chunks, then incremental refreshes.
 *
 * How it stays current: Dexie 4 announces every committed write, from this context and (over a
 * BroadcastChannel) from every other tab or worker of the origin, as a `storagemutated` event carrying
 * the primary keys it touched. The feed re-reads exactly those records and re-indexes them; a write that
 * covered a whole range (clear, deleteRange) re-reads that range. This catches every writer — the
 * workspace, the sync import, the example loader — without any of them knowing that search exists.
 * Watching `hlc` ranges would not be enough: an import can bring records whose clocks are older than
 * ones already indexed, and a merged field need not raise a record's `hlc`.
 *
 * The index survives a restart (data/search-persist.ts): the feed reports each batch of written keys
 * before applying it (`onWork`), so what was noticed but not yet saved with the index can be replayed,
 * and `catchUp` re-reads what a check against the tables finds newer than the index.
 */
import Dexie, { type IntervalTree } from 'dexie';
import { INDEXED_TABLES, type IndexedRecord, type IndexedTable, type SearchEngine, type Stale } from '../core/search';
import type { AttacheDb } from './db';
import { writtenRanges } from './mirror';
import { yieldToEventLoop } from '../core/sync/guards';

const CHUNK = 2_000;
/** Postings packed between two turns of the event loop at the end of a build (a few ms of work). */
const PACK_SLICE = 200_000;

/** One batch of written keys and key ranges per table, as noted from `storagemutated` events. */
export type FeedWork = { table: IndexedTable; keys: string[]; ranges: [unknown, unknown][] }[];

export interface FeedProgress {
  done: number;
  total: number;
}

export class SearchFeed {
  /** Keys and ranges written since the last refresh, per table. */
  private readonly pending = new Map<IndexedTable, { keys: Set<string>; ranges: [unknown, unknown][] }>();
  private building = false;
  private holding: Promise<unknown> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private readonly listener = (parts: Record<string, IntervalTree>) => this.noteMutations(parts);

  constructor(
    private readonly db: AttacheDb,
    private readonly engine: SearchEngine,
    private readonly hooks: {
      onRefreshed?: () => void;
      onError?: (e: unknown) => void;
      /** A batch about to be applied (awaited first: the persisted index logs it, data/search-persist.ts). */
      onWork?: (work: FeedWork) => Promise<void> | void;
    } = {},
    private readonly delayMs = 40,
  ) {}

  /** Listen to every committed write to this database, from any context. */
  watch(): void {
    Dexie.on('storagemutated', this.listener);
  }

  unwatch(): void {
    Dexie.on.storagemutated.unsubscribe(this.listener);
    clearTimeout(this.timer);
  }

  /** Index every live record, referenced tables first. Writes noted meanwhile are applied afterwards. */
  async build(onProgress?: (p: FeedProgress) => void): Promise<void> {
    this.building = true;
    try {
      this.engine.clear();
      const counts = await Promise.all(INDEXED_TABLES.map((t) => this.db.table(t).count()));
      const total = counts.reduce((a, b) => a + b, 0);
      let done = 0;
      onProgress?.({ done, total });
      for (const table of INDEXED_TABLES) {
        await this.readChunks(table, (rows) => {
          // Tombstones too: the engine counts them, to check a persisted index against the tables. What a
          // record names of a later table (a briefing, the events it kept) is re-read once the build is done.
          for (const r of rows) for (const s of this.engine.upsert(table, r)) for (const id of s.ids) this.pendingFor(s.table).keys.add(id);
          done += rows.length;
          onProgress?.({ done, total: Math.max(total, done) });
        });
      }
      // Postings packed as a loaded index holds them (core/search/postings.ts): a query on a common word walks
      // them several times faster. In slices, so that searches of a serving index get their turn.
      while (!this.engine.packSome(PACK_SLICE)) await yieldToEventLoop();
    } finally {
      this.building = false;
    }
    this.schedule();
  }

  /** Note what a `storagemutated` event says changed, and refresh shortly. */
  noteMutations(parts: Record<string, IntervalTree>): void {
    for (const table of INDEXED_TABLES) {
      const written = writtenRanges(parts, this.db.name, table);
      if (!written) continue;
      // 'all': anything may have changed meanwhile, so the table is re-read whole (the mirror does the same).
      const p = this.pendingFor(table);
      if (written === 'all') p.ranges.push([undefined, undefined]);
      else
        for (const [from, to] of written) {
          if (typeof from === 'string' && from === to) p.keys.add(from);
          else p.ranges.push([from, to]);
        }
    }
    this.schedule();
  }

  /** Note a batch of written keys and ranges (a logged batch replayed at start), and refresh shortly. */
  noteWork(work: FeedWork): void {
    for (const { table, keys, ranges } of work) {
      const p = this.pendingFor(table);
      for (const k of keys) p.keys.add(k);
      p.ranges.push(...ranges);
    }
    this.schedule();
  }

  /** Whether writes are noted but not yet in the index. */
  get busy(): boolean {
    return !!(this.timer || this.running || this.pending.size || this.building);
  }

  /**
   * Re-read the records of a table whose clock is above `hlc` (written after the index last saw the
   * table); the records depending on them follow through the usual refresh. Returns how many were read.
   */
  async catchUp(table: IndexedTable, hlc: string): Promise<number> {
    const rows = (await this.db.table(table).where('hlc').above(hlc).toArray()) as IndexedRecord[];
    const p = this.pendingFor(table);
    for (const r of rows) p.keys.add(r.id);
    this.schedule();
    await this.settled();
    return rows.length;
  }

  /** Run `fn` while no refresh changes the engine (to save it whole); refreshes wait, then resume. */
  async hold<T>(fn: () => Promise<T> | T): Promise<T> {
    while (this.holding) await this.holding.catch(() => undefined);
    while (this.running) await this.running;
    clearTimeout(this.timer);
    this.timer = undefined;
    const run = (async () => fn())();
    this.holding = run;
    try {
      return await run;
    } finally {
      this.holding = undefined;
      this.schedule();
    }
  }

  /** Resolves once every change noted so far is in the index. */
  async settled(): Promise<void> {
    while (this.holding || this.timer || this.running || (this.pending.size && !this.building)) {
      if (this.holding) {
        await this.holding.catch(() => undefined);
        continue;
      }
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.running = this.refresh();
      }
      await this.running;
    }
  }

  private pendingFor(table: IndexedTable) {
    let p = this.pending.get(table);
    if (!p) this.pending.set(table, (p = { keys: new Set(), ranges: [] }));
    return p;
  }

  private schedule(): void {
    if (this.building || this.holding || this.timer || this.running || !this.pending.size) return;
    // A short delay folds a burst of keystroke saves into one refresh.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.refresh();
    }, this.delayMs);
  }

  private async refresh(): Promise<void> {
    try {
      while (this.pending.size) {
        const work = [...this.pending];
        this.pending.clear();
        await this.hooks.onWork?.(work.map(([table, { keys, ranges }]) => ({ table, keys: [...keys], ranges })));
        const stale: Stale[] = [];
        for (const [table, { keys, ranges }] of work) {
          for (const [from, to] of ranges) stale.push(...(await this.rereadRange(table, from, to)));
          stale.push(...(await this.reread(table, [...keys])));
        }
        // Names embedded in other documents changed (a person renamed): re-read those records too.
        for (const s of stale) for (const id of s.ids) this.pendingFor(s.table).keys.add(id);
      }
      this.hooks.onRefreshed?.();
    } catch (e) {
      this.hooks.onError?.(e);
    } finally {
      this.running = undefined;
      this.schedule();
    }
  }

  private async reread(table: IndexedTable, ids: string[]): Promise<Stale[]> {
    const stale: Stale[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const slice = ids.slice(i, i + CHUNK);
      const rows = (await this.db.table(table).bulkGet(slice)) as (IndexedRecord | undefined)[];
      rows.forEach((r, j) => stale.push(...(r ? this.engine.upsert(table, r) : this.engine.remove(table, slice[j]!))));
    }
    return stale;
  }

  private async rereadRange(table: IndexedTable, from: unknown, to: unknown): Promise<Stale[]> {
    const lower = typeof from === 'string' ? from : undefined;
    const upper = typeof to === 'string' ? to : undefined;
    const stale: Stale[] = [];
    const present = new Set<string>();
    await this.readChunks(
      table,
      (rows) => {
        for (const r of rows) {
          present.add(r.id);
          stale.push(...this.engine.upsert(table, r));
        }
      },
      lower,
      upper,
    );
    const inRange = (id: string) => (lower === undefined || id >= lower) && (upper === undefined || id <= upper);
    for (const id of this.engine.ids(table)) if (!present.has(id) && inRange(id)) this.engine.remove(table, id);
    return stale;
  }

  private async readChunks(table: IndexedTable, each: (rows: IndexedRecord[]) => void, lower?: string, upper?: string): Promise<void> {
    let from: string | undefined = lower;
    let inclusive = true;
    for (;;) {
      const coll = this.db.table(table).where(':id');
      const range =
        from === undefined
          ? upper === undefined
            ? coll.above('')
            : coll.belowOrEqual(upper)
          : upper === undefined
            ? inclusive
              ? coll.aboveOrEqual(from)
              : coll.above(from)
            : coll.between(from, upper, inclusive, true);
      const rows = (await range.limit(CHUNK).toArray()) as IndexedRecord[];
      if (!rows.length) return;
      each(rows);
      if (rows.length < CHUNK) return;
      from = rows[rows.length - 1]!.id;
      inclusive = false;
      // Let searches and change notices in between chunks.
      await yieldToEventLoop();
    }
  }
}
