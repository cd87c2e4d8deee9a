/**
 * The search index kept across restarts, so that search is ready within a second of opening a workspace
 * of any size instead of after a rebuild of every record (seconds at 135,000 records, minutes at 1.3
 * million).
 *
 * Where: a database of its own beside the workspace (`<workspace>-search`), so the workspace's schema
 * and its upgrades know nothing of it; deleting it loses nothing but a rebuild.
 *
 * What is stored:
 * - the engine's state (core/search engine.ts toChunks: MiniSearch's own serialisation in slices, the
 *   facts filters need, tombstones, newest clocks), as chunks stamped with a generation; a chunk of terms'
 *   postings apart from its layout (the `postings` table, under the chunk's number and generation);
 * - a commit marker naming that generation, the number of chunks and their length, the index version
 *   (core/search SEARCH_INDEX_VERSION) and the last log entry the chunks include — written in the same
 *   transaction as the chunks, so a crash leaves either the old index whole or the new one whole, and a
 *   set of chunks that does not match its marker (torn, or tampered with) is never loaded;
 * - a log of the keys written since (search-feed.ts reports each batch before applying it), so changes
 *   noticed but not yet saved with the index are re-read at the next start instead of being lost.
 *
 * At start the index is loaded but its postings, the log replayed, and the records newer than the newest clock
 * the index has seen re-read (writes made while no search worker was running: every local edit carries a clock
 * above every stored one); from then on it answers (onServing), and its postings are read a few chunks at a
 * time, a query's own first (at a million records they were half of what was read before the first answer).
 * Meanwhile it is checked against the tables' counts: every record accounted for (live or tombstone, per
 * table). A difference (records arrived or vanished unseen, as an import where no search ran) rebuilds the
 * index in the background while the loaded one keeps answering. A rebuild also follows a change of
 * SEARCH_INDEX_VERSION, a torn or unreadable index (postings included), or none at all.
 *
 * Several windows: each runs its own search worker; only the one holding the persistence lead (a Web Lock,
 * search.worker.ts) writes the log and saves the index, so two never interleave.
 */
import Dexie, { type Table } from 'dexie';
import { INDEXED_TABLES, SEARCH_INDEX_VERSION, SearchEngine, SearchIndexDamagedError, SearchIndexVersionError, splitPostings, type IndexedTable, type SavedChunk, type TermChunk } from '../core/search';
import type { AttacheDb } from './db';
import { SearchFeed, type FeedProgress, type FeedWork } from './search-feed';
import { onStorageMutated, writtenRanges } from './mirror';

interface ChunkRow {
  n: number;
  generation: number;
  /** JSON text, or bytes (the documents' ids and field lengths, the statements' and follow-ups' facts: core/search packed-bytes.ts). */
  chunk: SavedChunk;
}

/**
 * A chunk of terms' postings (core/search splitPostings), kept apart from its layout under the same `n` and
 * keyed by generation too: a save keeps the previous generation's, so that another window still reading
 * them (PersistedSearch readAllPostings) can finish.
 */
interface PostingsRow {
  n: number;
  generation: number;
  text: string;
}

export interface CommitMarker {
  key: 'marker';
  generation: number;
  version: number;
  chunks: number;
  /** The chunks' length, summed: characters of a text, bytes of a binary one. */
  size: number;
  /** The newest log entry whose changes the chunks include. */
  logSeq: number;
  savedAt: string;
}

interface LogRow {
  seq?: number;
  work: FeedWork;
}

/**
 * How many requests a saved index is read in (SearchStore.read): enough for IndexedDB to read ahead of the
 * parse, few enough that their own cost does not show.
 */
const READ_REQUESTS = 8;

/**
 * How many chunks of postings each request reads while the index answers (PersistedSearch readAllPostings): a
 * few at a time, so that a query's own reads (its postings, its hits) are never queued behind all of them.
 */
const POSTINGS_PER_READ = 4;

/** A chunk's length as its marker counts it; NaN for a row holding anything else (tampered with), which no marker matches. */
function sizeOf(chunk: SavedChunk): number {
  return typeof chunk === 'string' ? chunk.length : chunk instanceof Uint8Array ? chunk.byteLength : NaN;
}

/** The name of the database that holds a workspace's persisted search index. */
export function searchStoreName(workspaceDbName: string): string {
  return `${workspaceDbName}-search`;
}

export class SearchStore extends Dexie {
  chunks!: Table<ChunkRow, number>;
  postings!: Table<PostingsRow, [number, number]>;
  meta!: Table<CommitMarker, string>;
  log!: Table<LogRow, number>;

  constructor(workspaceDbName: string) {
    super(searchStoreName(workspaceDbName));
    // Local to this installation and rebuilt from the workspace at will: auto-increment keys are fine here.
    this.version(1).stores({ chunks: 'n', meta: 'key', log: '++seq' });
    // Postings apart from the rest, read while the index answers (an index saved before is rebuilt: its layout is another).
    this.version(2).stores({ postings: '[generation+n]' });
  }

  /**
   * The index as last committed but its postings (readPostings), each chunk handed to `consume` in order with
   * its number and its text dropped at once (the parsed pieces and all the text are never held together), with
   * the log written since; or why there is none to use. Chunks that do not match their marker are 'torn' (what
   * `consume` was given is then to be thrown away).
   *
   * The chunks are asked for in a few requests made at once (READ_REQUESTS), each handed over as it arrives:
   * IndexedDB reads the later ones while the first are parsed (at a million records the read and the parse
   * took about as long as each other, one after the other). Not one request per chunk: hundreds of requests
   * made the start slower in Chromium on a loaded machine (`npm run bench:compare`, docs/benchmarks.md).
   */
  async read(consume: (chunk: SavedChunk, n: number) => void): Promise<{ marker: CommitMarker; log: LogRow[] } | { problem: 'none' | 'torn' | 'version' }> {
    return this.transaction('r', this.chunks, this.meta, this.log, async () => {
      const marker = await this.meta.get('marker');
      if (!marker) return { problem: 'none' as const };
      // (A marker without a size was written before chunks could be bytes: another layout.)
      if (marker.version !== SEARCH_INDEX_VERSION || typeof marker.size !== 'number') return { problem: 'version' as const };
      const per = Math.max(1, Math.ceil(marker.chunks / READ_REQUESTS));
      const parts: Promise<ChunkRow[]>[] = [];
      // The last request is open-ended: a row past the marker's count arrives in it and is refused below.
      for (let from = 0; from < marker.chunks; from += per) {
        const range = from + per < marker.chunks ? this.chunks.where('n').between(from, from + per, true, false) : this.chunks.where('n').aboveOrEqual(from);
        parts.push(range.toArray());
      }
      // The log after the chunks, so that their reads do not wait behind it (it is a few rows).
      const log = this.log.where('seq').above(marker.logSeq).toArray();
      let n = 0;
      let size = 0;
      for (const part of parts) {
        const rows = await part;
        for (const row of rows) {
          // Each row where it belongs, of the marker's generation: anything else is a torn or tampered index.
          if (row.n !== n || row.generation !== marker.generation) return { problem: 'torn' as const };
          size += sizeOf(row.chunk);
          consume(row.chunk, n);
          n += 1;
          row.chunk = '';
        }
      }
      // Fewer rows than the marker's count, or of another length: torn too.
      if (n !== marker.chunks || size !== marker.size) return { problem: 'torn' as const };
      return { marker, log: await log };
    });
  }

  /**
   * The postings of the chunks numbered `ns`, of the index `generation`; SearchIndexDamagedError if one is
   * missing (torn, or saved over twice since the rest was read: a rebuild is then the way on).
   */
  async readPostings(ns: readonly number[], generation: number): Promise<string[]> {
    const rows = await this.postings.bulkGet(ns.map((n): [number, number] => [generation, n]));
    return rows.map((row) => {
      if (!row) throw new SearchIndexDamagedError();
      return row.text;
    });
  }

  /**
   * Replace the index with these chunks, atomically with its marker, and drop the log they include. Each
   * chunk is stored as it comes, so a stream (SearchEngine.chunkStream) is never held whole; a chunk of terms'
   * postings apart from its layout (splitPostings).
   */
  async save(chunks: Iterable<SavedChunk>, logSeq: number): Promise<CommitMarker> {
    return this.transaction('rw', this.chunks, this.postings, this.meta, this.log, async () => {
      const prev = await this.meta.get('marker');
      const generation = (prev?.generation ?? 0) + 1;
      // The previous generation's postings kept (PostingsRow), older ones dropped.
      await Promise.all([this.chunks.clear(), this.postings.where('[generation+n]').below([prev?.generation ?? 0, Dexie.minKey]).delete()]);
      let n = 0;
      let size = 0;
      for (const chunk of chunks) {
        const { head, postings } = typeof chunk === 'string' ? splitPostings(chunk) : { head: chunk };
        size += sizeOf(head);
        if (postings !== undefined) await this.postings.add({ n, generation, text: postings });
        await this.chunks.add({ n: n++, generation, chunk: head });
      }
      await this.log.where('seq').belowOrEqual(logSeq).delete();
      const marker: CommitMarker = {
        key: 'marker',
        generation,
        version: SEARCH_INDEX_VERSION,
        chunks: n,
        size,
        logSeq,
        savedAt: new Date().toISOString(),
      };
      await this.meta.put(marker);
      return marker;
    });
  }

  /** Log a batch of written keys before it is applied; returns its sequence number. */
  append(work: FeedWork): Promise<number> {
    return this.log.add({ work });
  }
}

/** Forget a workspace's persisted search index (the workspace itself is untouched). */
export function deleteSearchStore(workspaceDbName: string): Promise<void> {
  return Dexie.delete(searchStoreName(workspaceDbName));
}

/** How the index came to be ready, for the status line and the tests. */
export type StartOutcome =
  | 'loaded' // the saved index matched the tables (after its log and any newer records were re-read)
  | 'rebuilt-mismatch' // it did not match: rebuilt while it kept answering
  | 'rebuilt-version' // another SEARCH_INDEX_VERSION
  | 'rebuilt-torn' // chunks that do not match their marker, or that would not load
  | 'built'; // none saved yet

export interface PersistHooks {
  /** Progress of a (re)build; `serving` when a previous index answers meanwhile. */
  onProgress?: (p: FeedProgress & { serving: boolean }) => void;
  /** The index content changed (a refresh applied, or a rebuilt index took over). */
  onChanged?: () => void;
  /**
   * A saved index is loaded and holds every record it was saved with, its log and every record written
   * since with a newer clock: it may answer while the tables' counts are read to check it (seconds at a
   * million records). Not called when the index is built instead.
   */
  onServing?: () => void;
  onError?: (e: unknown) => void;
  /** The index was saved whole (its commit marker). */
  onSaved?: (marker: CommitMarker) => void;
  /**
   * Saving or logging failed (a full disk, say): search still works from memory; only the next start may
   * rebuild. Not an error of search itself.
   */
  onSaveError?: (e: unknown) => void;
  /**
   * Resolves when nothing more urgent is asking IndexedDB for anything (the worker's queries being answered):
   * the postings read in the background wait for it before each request, so that a query's own reads (its
   * postings, its hits' records) are never queued behind theirs.
   */
  idle?: () => Promise<void>;
}

export interface PersistOptions {
  /** Whether this context writes the log and saves (false until it holds the lead). */
  leader?: boolean;
  /** Save the whole index again once this many keys were logged since the last save… */
  saveAfterKeys?: number;
  /** …at a moment when no write has arrived for this long. */
  quietMs?: number;
}

/** A table's size and newest clock, as stored. */
interface TableState {
  count: number;
  newest: string;
}

/** A table's newest record clock: the last key of its clock index, read without reading the table. */
async function newestClock(db: AttacheDb, table: IndexedTable): Promise<string> {
  const newest = await db.table(table).orderBy('hlc').lastKey();
  return typeof newest === 'string' ? newest : '';
}

async function tableState(db: AttacheDb, table: IndexedTable): Promise<TableState> {
  // A count is a walk of the table in Chromium's IndexedDB; the clock is one index read.
  const [count, newest] = await Promise.all([db.table(table).count(), newestClock(db, table)]);
  return { count, newest };
}

export class PersistedSearch {
  /** The index that answers searches. */
  engine = new SearchEngine();
  /**
   * Where the last start spent its time, ms: reading the saved index (but its postings), parsing and loading
   * it, replaying and checking; and reading its postings, which goes on while it answers.
   */
  readonly timings: { read?: number; load?: number; check?: number; postings?: number } = {};
  /**
   * A loaded index's postings, read after the rest (readAllPostings, readPostings): the chunks still to read
   * and their numbers in the store, of the saved index's generation, and the read of them all once begun.
   */
  private postings:
    | {
        engine: SearchEngine;
        rows: Map<TermChunk, number>;
        generation: number;
        whole?: Promise<boolean>;
        /** A query waits for them all: the read no longer waits for the queries (PersistHooks idle). */
        urgent: boolean;
        hurry: () => void;
        hurried: Promise<void>;
      }
    | undefined;
  private feed: SearchFeed | undefined;
  readonly store: SearchStore;
  private leader: boolean;
  private lastSeq = 0;
  private loggedKeys = 0;
  private unsaved = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private saved: Promise<void> = Promise.resolve();
  private stopped = false;
  /** A rebuild after a damaged chunk was found (recover), while it runs. */
  private recovering: Promise<void> | undefined;
  private readonly saveAfterKeys: number;
  private readonly quietMs: number;

  constructor(
    private readonly db: AttacheDb,
    private readonly hooks: PersistHooks = {},
    options: PersistOptions = {},
  ) {
    this.store = new SearchStore(db.name);
    this.leader = options.leader ?? true;
    this.saveAfterKeys = options.saveAfterKeys ?? 5_000;
    this.quietMs = options.quietMs ?? 3_000;
  }

  /**
   * This context now holds the lead: it logs and saves from here on, and soon saves what it noticed while
   * it did not (nothing was logged for that).
   */
  lead(): void {
    if (this.leader) return;
    this.leader = true;
    if (!this.unsaved) return;
    this.loggedKeys = Math.max(this.loggedKeys, this.saveAfterKeys);
    this.scheduleSave();
  }

  /** Load (or build) the index and make it current. Resolves once it answers for every stored record. */
  async start(): Promise<StartOutcome> {
    // The check's reads of the tables (a count is a scan of the table in Chromium's IndexedDB: about a quarter
    // of a second at 135,000 records) are asked once the saved index has been read, so that IndexedDB answers
    // them while it is parsed (asked before, they delayed the read, and the answers no longer wait for them).
    // They are used only if no write to the tables was noticed from before they were asked until the feed
    // listens (below): then they are what a read made at that moment would return, and the check is the same
    // as before. Otherwise they are asked again, as before.
    let written = false;
    const noteWrite = (parts: Parameters<typeof writtenRanges>[0]) => {
      if (INDEXED_TABLES.some((table) => writtenRanges(parts, this.db.name, table))) written = true;
    };
    const stop = onStorageMutated(noteWrite);
    let early: Promise<TableState[] | undefined> | undefined;
    const ask = () =>
      (early ??= this.tableStates().then(
        (states) => states,
        () => undefined,
      ));
    try {
      return await this.load(ask, async () => {
        try {
          return written ? undefined : await ask();
        } finally {
          // Asked once, when the feed listens: no write needs noting after that (a rebuild's included).
          stop();
        }
      });
    } finally {
      stop();
    }
  }

  /** `ask`: ask the check's first reads (once the saved index is read); `early`: their answers, if still valid. */
  private async load(ask: () => unknown, early: () => Promise<TableState[] | undefined>): Promise<StartOutcome> {
    const loading = SearchEngine.loader();
    let loaded: Awaited<ReturnType<SearchStore['read']>>;
    let engine: SearchEngine;
    let parsing = 0;
    let t = performance.now();
    // The chunks whose postings are read after the rest, and their numbers in the store.
    const rows = new Map<TermChunk, number>();
    try {
      loaded = await this.store.read((chunk, n) => {
        ask();
        const t0 = performance.now();
        const unread = loading.add(chunk);
        if (unread) rows.set(unread, n);
        parsing += performance.now() - t0;
      });
      if (!('problem' in loaded)) engine = loading.finish();
    } catch (e) {
      // Another version named by the head itself, or chunks that would not load.
      loaded = { problem: e instanceof SearchIndexVersionError ? 'version' : 'torn' };
    }
    this.timings.read = Math.round(performance.now() - t - parsing);
    this.timings.load = Math.round(parsing);
    if ('problem' in loaded) {
      const { problem } = loaded;
      return this.buildFresh(problem === 'none' ? 'built' : problem === 'version' ? 'rebuilt-version' : 'rebuilt-torn');
    }
    t = performance.now();
    this.lastSeq = Math.max(loaded.marker.logSeq, ...loaded.log.map((l) => l.seq ?? 0));
    this.engine = engine!;
    let hurry!: () => void;
    const hurried = new Promise<void>((resolve) => (hurry = resolve));
    this.postings = { engine: engine!, rows, generation: loaded.marker.generation, urgent: false, hurried, hurry };
    const feed = this.attach(engine!);
    for (const entry of loaded.log) feed.noteWork(entry.work);
    await feed.settled();
    if (loaded.log.length) this.unsaved = true;
    // Edits made while no search ran carry clocks above the newest the index saw (a read of each table's
    // clock index, not of the table): caught up before it answers, as a query then expects them.
    if (await this.catchUp(feed, await this.newestClocks())) {
      this.unsaved = true;
      await feed.settled();
    }
    // What only the counts can show (records that arrived or vanished unseen, with old clocks: an import made
    // where no search ran) is checked while it answers; a difference rebuilds it, this one answering meanwhile,
    // as it does at any mismatch.
    this.hooks.onServing?.();
    // Its postings from now on, while it answers (a query reads the ones it needs first: readPostings).
    const whole = this.postingsWhole();
    // Awaited below, after the check: a failure meanwhile is not one nobody handles.
    whole.catch(() => undefined);
    const matched = await this.matches(feed, early);
    this.timings.check = Math.round(performance.now() - t);
    // A chunk of postings missing or not what its layout says, found by this read or by a query: rebuilt (recover).
    if (!(await whole) || this.engine !== engine!) {
      await this.recovering;
      return 'rebuilt-torn';
    }
    // Matched, the index answering since onServing is unchanged by the check (records it re-read told of
    // themselves through the feed): nothing to announce.
    if (matched) {
      if (this.unsaved) this.scheduleSave();
      return 'loaded';
    }
    // Records arrived or vanished unseen: build anew, the loaded index answering meanwhile.
    await this.rebuild(true);
    return 'rebuilt-mismatch';
  }

  /**
   * Resolves once every posting of the loaded index is read (at once for an index built here): false if one
   * turned out damaged, or the index was replaced meanwhile (recover, rebuild). Begun at the start, as soon as
   * it answers; a read that failed otherwise (IndexedDB's own error) rejects, and is tried again at the next call.
   * `urgent`: asked by a query, which the read must then not wait for (PersistHooks idle).
   */
  postingsWhole(urgent = false): Promise<boolean> {
    const p = this.postings;
    if (!p || p.engine !== this.engine) return Promise.resolve(true);
    if (urgent) {
      p.urgent = true;
      p.hurry();
    }
    return (p.whole ??= this.readAllPostings(p));
  }

  /** Read the postings `chunks` hold now, before the ones the background read has still to reach (a query needs them). */
  async readPostings(chunks: readonly TermChunk[]): Promise<void> {
    const p = this.postings;
    if (!p || p.engine !== this.engine) return;
    await this.supply(p, chunks);
  }

  /** Read the postings of those of `chunks` still unread, in one request, and hand them to their index. */
  private async supply(p: NonNullable<PersistedSearch['postings']>, chunks: readonly TermChunk[]): Promise<void> {
    const wanted = chunks.filter((c) => !c.read && p.rows.has(c));
    if (!wanted.length) return;
    const texts = await this.store.readPostings(
      wanted.map((c) => p.rows.get(c)!),
      p.generation,
    );
    wanted.forEach((c, i) => p.engine.supplyPostings(c, texts[i]!));
  }

  /**
   * Every chunk's postings, a few at a time in their saved order, while the index answers: at a million
   * records they are half of the saved index (112 of 243 MB), read before the first answer until now.
   */
  private async readAllPostings(p: NonNullable<PersistedSearch['postings']>): Promise<boolean> {
    const t = performance.now();
    const order = [...p.rows.keys()];
    try {
      for (let i = 0; i < order.length && !this.stopped && p.engine === this.engine; i += POSTINGS_PER_READ) {
        if (!p.urgent && this.hooks.idle) await Promise.race([this.hooks.idle(), p.hurried]);
        await this.supply(p, order.slice(i, i + POSTINGS_PER_READ));
      }
      this.timings.postings = Math.round(performance.now() - t);
      // Read whole, or replaced: nothing more to read for it (and a replaced index is not kept alive from here).
      if (p.engine.postingsRead || p.engine !== this.engine) this.postings = undefined;
      return p.engine === this.engine;
    } catch (e) {
      if (this.recover(e)) return false;
      p.whole = undefined;
      throw e;
    }
  }

  /** Stop following writes and saving (the worker is going away, or a test ends). */
  stop(): void {
    this.stopped = true;
    this.feed?.unwatch();
    clearTimeout(this.saveTimer);
  }

  /** Resolves once every write noticed so far is in the index. */
  async settled(): Promise<void> {
    await this.feed?.settled();
  }

  /** Save the index now (tests; and after a build). */
  async saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    while (this.saving) await this.saving;
    const feed = this.feed;
    if (!feed || !this.leader || this.stopped) return;
    this.saving = (async () => {
      // A save writes every posting: those of a loaded index all read first (false: damaged, being rebuilt,
      // which saves when built).
      if (!(await this.postingsWhole()) || this.feed !== feed || this.stopped) return;
      // The chunks and the log position they include are taken together, with no refresh in between: the
      // engine is streamed into the store while refreshes wait (a few seconds at a million documents).
      const marker = await feed.hold(async () => {
        this.unsaved = false;
        this.loggedKeys = 0;
        try {
          return await this.store.save(this.engine.chunkStream(), this.lastSeq);
        } catch (e) {
          this.unsaved = true;
          throw e;
        }
      });
      this.hooks.onSaved?.(marker);
    })();
    try {
      await this.saving;
    } finally {
      this.saving = undefined;
    }
  }

  private attach(engine: SearchEngine, log = true): SearchFeed {
    const feed = new SearchFeed(this.db, engine, {
      onRefreshed: () => {
        if (engine === this.engine) this.hooks.onChanged?.();
      },
      onError: (e) => this.hooks.onError?.(e),
      onWork: (work) => (log ? this.logWork(work) : undefined),
    });
    // Listen before reading, so nothing written meanwhile is missed.
    feed.watch();
    this.feed = feed;
    return feed;
  }

  private async logWork(work: FeedWork): Promise<void> {
    this.unsaved = true;
    this.loggedKeys += work.reduce((n, w) => n + w.keys.length + w.ranges.length * 1_000, 0);
    if (this.leader && !this.stopped) {
      try {
        this.lastSeq = await this.store.append(work);
      } catch (e) {
        // The index in memory stays right; only a restart would not know of this batch (the check then catches it).
        this.hooks.onSaveError?.(e);
      }
    }
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.leader || this.stopped || !this.unsaved) return;
    clearTimeout(this.saveTimer);
    // Saving costs about as much as reading the whole index: after a burst of writes, not after each.
    if (this.loggedKeys < this.saveAfterKeys) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (this.feed?.busy) return this.scheduleSave();
      void this.saveNow().catch((e) => this.hooks.onSaveError?.(e));
    }, this.quietMs);
  }

  /**
   * Does the index account for every stored record? Records newer than the newest it has seen are
   * re-read first. Retried when a write lands during the check. `early`: the tables' states asked at the
   * start (see start()), for the first attempt, if still valid.
   */
  private async matches(feed: SearchFeed, early?: () => Promise<TableState[] | undefined>): Promise<boolean> {
    // Three attempts with states read now, as before, after the early ones if they were usable.
    for (let attempt = early ? -1 : 0; attempt < 3; attempt++) {
      await feed.settled();
      let states = (attempt < 0 ? await early?.() : undefined) ?? (await this.tableStates());
      if (await this.catchUp(feed, states.map((s) => s.newest))) {
        this.unsaved = true;
        await feed.settled();
        states = await this.tableStates();
      }
      if (feed.busy) continue;
      const ok = INDEXED_TABLES.every((t, i) => states[i]!.count === this.engine.known(t) && states[i]!.newest === this.engine.newestHlc(t));
      if (ok) return true;
    }
    return false;
  }

  /** Re-read the records newer than the index has seen, given each table's newest clock; how many there were. */
  private async catchUp(feed: SearchFeed, newest: string[]): Promise<number> {
    let caughtUp = 0;
    for (const [i, table] of INDEXED_TABLES.entries()) {
      if (newest[i]! > this.engine.newestHlc(table)) caughtUp += await feed.catchUp(table, this.engine.newestHlc(table));
    }
    return caughtUp;
  }

  private newestClocks(): Promise<string[]> {
    return Promise.all(INDEXED_TABLES.map((t) => newestClock(this.db, t)));
  }

  /** Every table's size and newest clock, asked at once (ten reads, one after another, were most of the check). */
  private tableStates(): Promise<TableState[]> {
    return Promise.all(INDEXED_TABLES.map((t) => tableState(this.db, t)));
  }

  private async buildFresh(outcome: StartOutcome): Promise<StartOutcome> {
    await this.rebuild(false);
    return outcome;
  }

  /** Build a new index from the tables; with `serving`, the current one answers (and follows writes) until it is done. */
  private async rebuild(serving: boolean): Promise<void> {
    const old = this.feed;
    const fresh = new SearchEngine();
    if (!serving) {
      old?.unwatch();
      this.engine = fresh;
      this.postings = undefined;
    }
    const feed = this.attach(fresh);
    await feed.build((p) => this.hooks.onProgress?.({ ...p, serving }));
    await feed.settled();
    old?.unwatch();
    this.engine = fresh;
    this.postings = undefined;
    this.hooks.onChanged?.();
    this.unsaved = true;
    // Searching need not wait for the save.
    this.saved = this.saveNow().catch((e) => this.hooks.onSaveError?.(e));
  }

  /**
   * A saved chunk of postings found malformed when first parsed (core/search SearchIndexDamagedError, thrown
   * by a query or the idle worker): the loaded index is dropped for a build from the tables, which answers
   * what it has indexed so far meanwhile (partial), and is saved over the damaged one. Returns that rebuild
   * if `error` was that (anything else is not this method's to handle), undefined otherwise.
   */
  recover(error: unknown): Promise<void> | undefined {
    if (!(error instanceof SearchIndexDamagedError)) return undefined;
    this.recovering ??= this.rebuild(false)
      .then(() => this.saved)
      .catch((e) => this.hooks.onError?.(e))
      .finally(() => (this.recovering = undefined));
    return this.recovering;
  }

  /** Resolves once a save started by a build has finished. */
  async flushed(): Promise<void> {
    await this.saved;
  }
}
