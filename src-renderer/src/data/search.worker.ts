/// <reference lib="webworker" />
/**
 * The search index, built and kept off the UI thread.
 *
 * Why a worker: indexing 135,000 records takes seconds of CPU; on the UI thread that would freeze the
 * briefing list at start-up. The worker opens the same IndexedDB database with its own Dexie connection
 * and reads it in key-ordered chunks, reporting progress.
 *
 * How it stays current: Dexie 4 announces every committed write, from any tab or worker of this origin,
 * as a `storagemutated` event carrying the primary keys it touched (over a BroadcastChannel). The worker
 * re-reads exactly those records and re-indexes them; a write that covered a whole range (clear, a
 * deleteRange) re-reads that range. This catches every writer — the workspace, the sync import, the
 * example loader — without any of them knowing search exists. Watching `hlc` ranges would not be enough:
 * an import can bring records whose clocks are older than ones already indexed.
 *
 * The index is rebuilt at each start rather than persisted: a persisted index would need a reliable
 * "what changed while I was closed" signal, which hlc cannot give (see above), and a rebuild of the
 * benchmark workspace takes a few seconds in the background.
 */
import Dexie, { type IntervalTree } from 'dexie';
import { INDEXED_TABLES, SearchEngine, TABLE_OF, mergeQuery, type IndexedRecord, type IndexedTable, type Stale } from '../core/search';
import { AttacheDb } from './db';
import type { FromWorker, SearchStatus, ToWorker } from './search-protocol';

const CHUNK = 2_000;
const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = new SearchEngine();
let db: AttacheDb | undefined;
let status: SearchStatus = { phase: 'idle', done: 0, total: 0, documents: 0 };
let lastProgress = 0;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function setStatus(next: Partial<SearchStatus>, force = true): void {
  status = { ...status, ...next, documents: engine.size };
  const now = performance.now();
  if (!force && now - lastProgress < 100) return;
  lastProgress = now;
  post({ type: 'status', status });
}

// ---------------------------------------------------------------- change tracking

/** Keys and ranges of records written since the last refresh, per table. */
const pending = new Map<IndexedTable, { keys: Set<string>; ranges: [unknown, unknown][] }>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let building = false;

function pendingFor(table: IndexedTable) {
  let p = pending.get(table);
  if (!p) pending.set(table, (p = { keys: new Set(), ranges: [] }));
  return p;
}

/** Walk an interval tree (a RangeSet, or its structured clone from another context). */
function* ranges(node: IntervalTree | null | undefined): Generator<[unknown, unknown]> {
  if (!node || !('from' in node)) return;
  const n = node as { from: unknown; to: unknown; l?: IntervalTree | null; r?: IntervalTree | null };
  yield* ranges(n.l);
  yield [n.from, n.to];
  yield* ranges(n.r);
}

function onMutated(parts: Record<string, IntervalTree>): void {
  if (!db) return;
  const prefix = `idb://${db.name}/`;
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix) || !part.endsWith('/')) continue; // only primary-key parts
    const table = part.slice(prefix.length, -1) as IndexedTable;
    if (!(INDEXED_TABLES as readonly string[]).includes(table)) continue;
    const p = pendingFor(table);
    for (const [from, to] of ranges(tree)) {
      if (typeof from === 'string' && from === to) p.keys.add(from);
      else p.ranges.push([from, to]);
    }
  }
  scheduleRefresh();
}

function scheduleRefresh(): void {
  if (building || refreshTimer || !pending.size) return;
  // A short delay batches a burst of keystroke saves into one refresh.
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    void refresh().catch((e) => setStatus({ phase: 'error', message: `Search could not update: ${String(e)}` }));
  }, 40);
}

async function refresh(): Promise<void> {
  const d = db!;
  while (pending.size) {
    const work = [...pending];
    pending.clear();
    let stale: Stale[] = [];
    for (const [table, { keys, ranges: rs }] of work) {
      for (const [from, to] of rs) {
        const lower = typeof from === 'string' ? from : Dexie.minKey;
        const upper = typeof to === 'string' ? to : Dexie.maxKey;
        const present = new Set<string>();
        await readChunks(d, table, (rows) => {
          for (const r of rows) {
            present.add(r.id);
            stale = stale.concat(engine.upsert(table, r));
          }
        }, lower, upper);
        for (const id of [...engine.ids(table)]) {
          if (!present.has(id) && (lower === Dexie.minKey || id >= (lower as string)) && (upper === Dexie.maxKey || id <= (upper as string))) engine.remove(table, id);
        }
      }
      stale = stale.concat(await reindex(d, table, [...keys]));
    }
    // Names embedded elsewhere changed (a person renamed): re-read the records that embed them.
    for (const s of stale) if (s.ids.length) for (const id of s.ids) pendingFor(s.table).keys.add(id);
  }
  setStatus({});
}

async function reindex(d: AttacheDb, table: IndexedTable, ids: string[]): Promise<Stale[]> {
  let stale: Stale[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const slice = ids.slice(i, i + CHUNK);
    const rows = (await d.table(table).bulkGet(slice)) as (IndexedRecord | undefined)[];
    rows.forEach((r, j) => {
      stale = stale.concat(r ? engine.upsert(table, r) : engine.remove(table, slice[j]!));
    });
  }
  return stale;
}

// ---------------------------------------------------------------- full build

async function readChunks(
  d: AttacheDb,
  table: IndexedTable,
  each: (rows: IndexedRecord[]) => void,
  lower: unknown = Dexie.minKey,
  upper: unknown = Dexie.maxKey,
): Promise<void> {
  let from = lower;
  let inclusive = true;
  for (;;) {
    const rows = (await d
      .table(table)
      .where(':id')
      .between(from, upper, inclusive, true)
      .limit(CHUNK)
      .toArray()) as IndexedRecord[];
    if (!rows.length) return;
    each(rows);
    if (rows.length < CHUNK) return;
    from = rows[rows.length - 1]!.id;
    inclusive = false;
    // Let searches and change notices in between chunks.
    await new Promise((r) => setTimeout(r, 0));
  }
}

async function build(): Promise<void> {
  const d = db!;
  building = true;
  const started = performance.now();
  try {
    engine.clear();
    const counts = await Promise.all(INDEXED_TABLES.map((t) => d.table(t).count()));
    setStatus({ phase: 'indexing', done: 0, total: counts.reduce((a, b) => a + b, 0), message: undefined });
    let done = 0;
    for (const table of INDEXED_TABLES) {
      await readChunks(d, table, (rows) => {
        for (const r of rows) if (!r.deleted) engine.upsert(table, r);
        done += rows.length;
        setStatus({ done }, false);
      });
    }
    setStatus({ phase: 'ready', done, total: done, buildMs: Math.round(performance.now() - started) });
  } finally {
    building = false;
  }
  scheduleRefresh();
}

// ---------------------------------------------------------------- requests

async function search(req: number, text: string, filters: Parameters<typeof mergeQuery>[1], limit: number): Promise<void> {
  const parsed = mergeQuery(text, filters);
  const result = engine.search(parsed, limit);
  const groups = [];
  for (const g of result.groups) {
    // Show what is stored now (the index may be a few ms behind an edit), and never a tombstone.
    const rows = (await db!.table(TABLE_OF[g.type]).bulkGet(g.hits.map((h) => h.id))) as (IndexedRecord | undefined)[];
    const items = rows.filter((r): r is IndexedRecord => !!r && !r.deleted).map((r) => engine.describe(g.type, r, result.terms));
    groups.push({ type: g.type, total: g.total - (g.hits.length - items.length), items });
  }
  post({
    type: 'result',
    req,
    response: { terms: result.terms, groups, notes: [...parsed.problems, ...result.notes], partial: status.phase !== 'ready' },
  });
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'start':
      if (db) return;
      db = new AttacheDb(msg.dbName);
      Dexie.on('storagemutated', onMutated);
      void build().catch((e) => setStatus({ phase: 'error', message: `Search could not read the workspace: ${e instanceof Error ? e.message : String(e)}` }));
      return;
    case 'search':
      void search(msg.req, msg.text, msg.filters, msg.limit).catch((e) => post({ type: 'failed', req: msg.req, message: e instanceof Error ? e.message : String(e) }));
      return;
    case 'suggest':
      post({ type: 'suggestions', req: msg.req, values: engine.suggest(msg.kind, msg.prefix) });
      return;
    case 'changed':
      if ((INDEXED_TABLES as readonly string[]).includes(msg.table)) {
        for (const id of msg.ids) pendingFor(msg.table as IndexedTable).keys.add(id);
        scheduleRefresh();
      }
      return;
  }
};
