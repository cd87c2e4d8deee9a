/**
 * `npm run bench`: the briefing workspace at archive size (10,000 briefings, 100,000 statements, 20,000
 * actions, 5,000 people, 400 organisations) in Chromium against real IndexedDB.
 *
 * 1. Load: the rows, stamped by core/records.ts, put into the app's database (its schema and indexes) in
 *    5,000-row transactions — the set-up cost of this workspace, not an app code path (the app's one bulk
 *    write, the sync import, is measured against raw bulkPut by bench:sync) — against a raw Dexie bulkPut of the same
 *    rows (one call per half table) into a fresh database with the same schema, in the same run, the two
 *    interleaved A B B A so neither pays for the other's background work.
 * 2. Time to the briefing list: the app opened in a new tab on that workspace, navigation start until the
 *    first row of the list is visible (target < 1.5 s; the search index builds in the background).
 * 3. Search: index build time in the worker, then 50 varied queries through the app's own client
 *    (data/search-index.ts: message to the worker, search, records read back for display), p50/p95
 *    (target p95 < 100 ms).
 * 4. Tracker: the follow-up tracker's own query path (data/actions.ts queryTracker: its in-memory mirror of
 *    actions and briefings brought up to date, then filtered) — the first query (cold: both tables read)
 *    apart, then filter changes and queries right after an edit (target p95 < 500 ms); the in-memory
 *    re-filter a filter change costs on screen (core/tracker.ts); and the app opened on the tracker until
 *    its first follow-up shows.
 * 5. The pack dialog: opened on the whole workspace until its summary shows; then its live counts, which
 *    the pack worker computes (data/pack-preview.ts) — the very first answer (the worker reads every
 *    per-briefing row the data layer keeps, data/briefing-totals.ts, checked against the tables' live
 *    counts, and folds them into a digest afterwards), then changes of criteria, and the longest
 *    main-thread task meanwhile — against the raw baseline of what the dialog used to do on the UI
 *    thread: read the whole workspace, then select on every change. Then, after some writes, the first
 *    answer of a new pack worker, as a new window's dialog waits for it (the digest and the rows written
 *    since): the cold start's pack figure, checked against the stored rows.
 *
 * 6. Cold start (issue 16): a fresh tab on the existing workspace, as when the app is opened again: first
 *    paint of the briefing list, then search ready (the search screen's first query answered from the whole
 *    index: the index is loaded from where it was saved, data/search-persist.ts), the UI thread's heap
 *    afterwards and its longest task; then the tracker, in another fresh tab. Raw baselines from the same
 *    run: a full index build (what every start used to cost), a raw read of the list's first page, of the
 *    tracker's two tables, and the pack dialog's workspace read.
 *
 * Scale with --scale (or BENCH_SCALE): 0.1 for a quick run, 10 for the 1,000,000-statement archive.
 */
import Dexie from 'dexie';
import { ACTION_STATUSES, SYNCED_TABLES, type SyncedTable } from '../../src-renderer/src/core/model';
import { DEFAULT_TRACKER_FILTER, runTracker, type TrackerFilter } from '../../src-renderer/src/core/tracker';
import { AttacheDb, DB_NAME } from '../../src-renderer/src/data/db';
import { loadTrackerSource, queryTracker, trackerContext } from '../../src-renderer/src/data/actions';
import { packOptions, type PackOptions } from '../../src-renderer/src/core/pack/options';
import { selectPack, type PackPreview } from '../../src-renderer/src/core/pack/select';
import { watchPackPreview } from '../../src-renderer/src/data/pack-client';
import { readWorkspaceData } from '../../src-renderer/src/data/snapshot';
import { SearchIndex } from '../../src-renderer/src/data/search-index';
import { SearchStore, deleteSearchStore } from '../../src-renderer/src/data/search-persist';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { percentile, round, type Bench } from './host';
import { countsInNewWorker, digestStored, previewOfStoredRows } from './pack-counts';
import { FULL_COUNTS, syntheticWorkspace, type Counts } from './workspace-data';
import { QUERIES } from './queries';

/** The issue's targets; the tracker's is the brief's ("well under" it is the aim). */
const TARGETS = { searchP95Ms: 100, listMs: 1500, trackerP95Ms: 500 };
/** Issue 16's targets, per scale (1 and 10). */
const COLD_TARGETS = {
  1: { listMs: 1000, searchReadyMs: 1000, searchP95Ms: 25, packFirstCountsMs: 500, trackerMs: 500, loadRatio: 0.9, heapMB: 400, longestTaskMs: 100 },
  10: { listMs: 1500, searchReadyMs: 3000, searchP95Ms: 60, packFirstCountsMs: 1500, trackerMs: 1000, loadRatio: 0.9, heapMB: 2048, longestTaskMs: 100 },
};
const CHUNK = 5_000;
const RAW_DB = 'attache-bench-raw';
/** The first row of the briefing list (a VirtualList option), or any link to a briefing. */
// A row counts once its briefing's title is on screen, not when its placeholder is.
const LIST_ROW = '[role="listbox"] [role="option"] .title';
/** A follow-up's title in the tracker's table. */
const TRACKER_ROW = '[data-testid="followup-row"] a.title';
/** A search result, and the line the search screen shows while the index is not ready. */
const SEARCH_RESULT = '[data-result-group] a.result .title';
const SEARCH_INDEXING = '.status .indexing';
/** The pack dialog's summary line, shown once it has read the workspace (nothing is ticked yet). */
const PACK_SUMMARY = 'section.summary p.problem';

function scaled(scale: number): Counts {
  const s = (n: number) => Math.max(1, Math.round(n * scale));
  return { organisations: s(FULL_COUNTS.organisations), people: s(FULL_COUNTS.people), briefings: s(FULL_COUNTS.briefings), statements: s(FULL_COUNTS.statements), actions: s(FULL_COUNTS.actions) };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

const bench: Bench = async (host) => {
  const scale = Number(new URLSearchParams(location.search).get('scale') ?? '1') || 1;
  const counts = scaled(scale);
  await Dexie.delete(DB_NAME);
  await Dexie.delete(RAW_DB);
  await deleteSearchStore(DB_NAME);

  let t = performance.now();
  let data: ReturnType<typeof syntheticWorkspace> | undefined = syntheticWorkspace(counts);
  const tables: [SyncedTable, unknown[]][] = SYNCED_TABLES.filter((tb) => tb in data!).map((tb) => [tb, data![tb as keyof typeof data]]);
  const records = tables.reduce((n, [, rows]) => n + rows.length, 0);
  host.log(`Generated ${fmt(records)} records (${Object.entries(counts).map(([k, v]) => `${fmt(v)} ${k}`).join(', ')}) in ${fmt(performance.now() - t)} ms`);

  // ---- load: chunked transactions into the app's database (not an app code path), against the raw
  // baseline (one bulkPut per piece into a fresh database with the same schema). Run one after the other,
  // the second of two big loads paid for the first one's background compaction (the ratio swung from
  // 0.66 to 1.24 between runs); so each table goes in two halves, in the order A B then B A.
  const db = new AttacheDb(DB_NAME);
  await db.open();
  const raw = new AttacheDb(RAW_DB);
  await raw.open();
  let loadMs = 0;
  let rawMs = 0;
  /** Time spent loading the rows the raw baseline also writes (all of them up to scale 3), and how many. */
  let sampledLoadMs = 0;
  let sampledRecords = 0;
  const viaLayer = async (name: SyncedTable, rows: unknown[], sampled: number) => {
    const table = db.table(name);
    const put = async (from: number, to: number) => {
      const s = performance.now();
      for (let i = from; i < to; i += CHUNK) {
        const chunk = rows.slice(i, Math.min(i + CHUNK, to));
        await db.transaction('rw', table, () => table.bulkPut(chunk));
      }
      return performance.now() - s;
    };
    const first = await put(0, sampled);
    sampledLoadMs += first;
    sampledRecords += sampled;
    loadMs += first + (await put(sampled, rows.length));
  };
  const viaRaw = async (name: SyncedTable, rows: unknown[]) => {
    const s = performance.now();
    await raw.table(name).bulkPut(rows);
    rawMs += performance.now() - s;
  };
  // Above scale 3 the raw baseline writes a sample of each half (the first fifth of its rows), so that the
  // 1.35-million-record workspace loads within the run's time; the ratio then compares the same rows loaded
  // both ways (each half's first fifth, timed apart from the rest), not the raw rate into a database a fifth
  // the size against the whole load's (that flattered the baseline: 0.82–1.09 from run to run).
  const sample = scale > 3 ? 0.2 : 1;
  let rawRecords = 0;
  for (const [name, rows] of tables) {
    const half = Math.ceil(rows.length / 2);
    const [first, second] = [rows.slice(0, half), rows.slice(half)];
    const part = (xs: unknown[]) => (sample < 1 ? xs.slice(0, Math.ceil(xs.length * sample)) : xs);
    if (scale > 3) host.log(`  loading ${name}: ${fmt(rows.length)} rows`);
    await viaLayer(name, first, part(first).length);
    await viaRaw(name, part(first));
    rawRecords += part(first).length;
    if (!second.length) continue;
    await viaRaw(name, part(second));
    rawRecords += part(second).length;
    await viaLayer(name, second, part(second).length);
  }
  raw.close();
  await Dexie.delete(RAW_DB);
  // Keep only what the later steps need: at scale 10 the generated rows fill a good part of this page's heap.
  const middleBriefing = data.briefings[Math.floor(data.briefings.length / 2)]!.id;
  const someBriefings = data.briefings.slice(0, 50);
  const someActions = data.actions.slice(0, 12);
  const someStatements = data.statements.filter((_, i) => i % 10 === 0).slice(0, 10);
  data = undefined;
  tables.length = 0;
  const loadRate = records / (loadMs / 1000);
  const rawRate = rawRecords / (rawMs / 1000);
  /** The load's rate on the rows the raw baseline wrote: the whole load's up to scale 3. */
  const sampledLoadRate = sampledRecords / (sampledLoadMs / 1000);
  const loadToRaw = sampledLoadRate / rawRate;
  host.log(
    `Load: ${fmt(loadMs)} ms, ${fmt(loadRate)} records/s; raw Dexie bulkPut${sample < 1 ? ` (a sample of ${fmt(rawRecords)} records: each half's first fifth, which the load wrote at ${fmt(sampledLoadRate)} records/s)` : ''}: ${fmt(rawMs)} ms, ${fmt(rawRate)} records/s; ratio ${round(loadToRaw, 3)}`,
  );

  // ---- the app: time until the briefing list shows its first rows (cold, then twice more)
  // A raw read of what the list's first screen shows (the newest 30 briefings), on a fresh connection.
  const rawListDb = new AttacheDb(DB_NAME);
  t = performance.now();
  await rawListDb.briefings.where('[deleted+startsAt]').between([0, ''], [0, '\uffff']).reverse().limit(30).toArray();
  const rawListMs = performance.now() - t;
  rawListDb.close();
  const listRuns: number[] = [];
  // Above scale 3 each screen is opened once: at 1.35 million records a tracker open alone reads 300,000.
  const opens = (n: number) => (scale > 3 ? 1 : n);
  for (let i = 0; i < opens(3); i++) listRuns.push((await host.openApp({ hash: '#/briefings', waitFor: LIST_ROW })).ms);
  host.log(`Briefing list visible after ${listRuns.map((ms) => fmt(ms)).join(' / ')} ms (first / second / third open; target < ${fmt(TARGETS.listMs)} ms)`);

  // ---- search
  const index = new SearchIndex(DB_NAME);
  t = performance.now();
  // The first start on this workspace builds the index from every record (what every start used to do),
  // then saves it; the cold starts below load it.
  const savedOnce = new Promise<void>((resolve) => {
    const off = index.onStatus((st) => {
      if (st.saved === undefined) return;
      queueMicrotask(() => off());
      resolve();
    });
  });
  const ready = await index.whenReady();
  const indexWallMs = performance.now() - t;
  t = performance.now();
  await savedOnce;
  const indexSaveMs = performance.now() - t;
  host.log(`Search index saved (data/search-persist.ts) ${fmt(indexSaveMs)} ms after it was ready; outcome of this start: ${ready.outcome ?? '?'}`);
  host.log(`Search index: ${fmt(ready.documents)} documents built in ${fmt(ready.buildMs ?? indexWallMs)} ms in the worker (${fmt(indexWallMs)} ms from start)`);
  for (const q of QUERIES.slice(0, 3)) await index.search(q.text, q.filters ?? {});
  const latencies: number[] = [];
  const perQuery: { query: string; ms: number; results: number }[] = [];
  for (const q of QUERIES) {
    const s = performance.now();
    const res = await index.search(q.text, q.filters ?? {});
    const ms = performance.now() - s;
    latencies.push(ms);
    const label = [q.text, ...Object.entries(q.filters ?? {}).map(([k, v]) => `${k}:${String(v)}`)].filter(Boolean).join(' ');
    perQuery.push({ query: label, ms: round(ms), results: res.groups.reduce((n, g) => n + g.total, 0) });
  }
  index.stop();
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const slowest = [...perQuery].sort((a, b) => b.ms - a.ms).slice(0, 3);
  host.log(`Search over ${latencies.length} queries: p50 ${round(p50)} ms, p95 ${round(p95)} ms, max ${round(Math.max(...latencies))} ms (target p95 < ${TARGETS.searchP95Ms} ms)`);
  host.log(`  slowest: ${slowest.map((q) => `"${q.query}" ${q.ms} ms (${fmt(q.results)} results)`).join('; ')}`);

  // ---- tracker
  const today = '2017-06-15';
  const filters: TrackerFilter[] = [
    DEFAULT_TRACKER_FILTER,
    { statuses: ['open'], windows: ['overdue'], kinds: [] },
    { statuses: [], owner: 'Political Officer', windows: ['next7', 'later'], kinds: [] },
    { statuses: ['open', 'in-progress'], tag: 'energy', windows: [], kinds: ['event'] },
    { statuses: [], briefingId: middleBriefing, windows: [], kinds: [] },
  ];
  // A fresh database object, so the first query is a cold one (the app's first visit to the tracker).
  const trackerDb = new AttacheDb(DB_NAME);
  await trackerDb.open();
  t = performance.now();
  let shown = (await queryTracker(trackerDb, filters[0]!, today)).rows.length;
  const coldMs = performance.now() - t;
  // Filter changes straight from the data layer, nothing written in between.
  const warm: number[] = [];
  for (let round2 = 0; round2 < 4; round2++) {
    for (const f of filters) {
      const s = performance.now();
      shown += (await queryTracker(trackerDb, f, today)).rows.length;
      warm.push(performance.now() - s);
    }
  }
  // What the tracker screen does after an inline edit: a status change (or a briefing renamed), then the query.
  const ws = await Workspace.open(trackerDb);
  const edited = someActions;
  const afterEdit: number[] = [];
  for (let i = 0; i < edited.length; i++) {
    if (i % 4 === 3) await ws.update('briefings', someBriefings[i]!.id, { title: `Renamed briefing ${i}` });
    else await ws.update('actions', edited[i]!.id, { status: ACTION_STATUSES[i % ACTION_STATUSES.length]! });
    const s = performance.now();
    shown += (await queryTracker(trackerDb, filters[i % filters.length]!, today)).rows.length;
    afterEdit.push(performance.now() - s);
  }
  const queries = [...warm, ...afterEdit];
  const source = await loadTrackerSource(trackerDb);
  const ctx = trackerContext(source);
  const memory: number[] = [];
  for (let round2 = 0; round2 < 4; round2++) {
    for (const f of filters) {
      const s = performance.now();
      runTracker(source.actions, f, today, ctx);
      memory.push(performance.now() - s);
    }
  }
  trackerDb.close();
  db.close();
  host.log(
    `Tracker query (data/actions.ts queryTracker: the in-memory mirror brought up to date, then filtered): first (cold, reads both tables) ${fmt(coldMs)} ms; ` +
      `then p50 ${round(percentile(queries, 50))} ms, p95 ${round(percentile(queries, 95))} ms over ${queries.length} queries ` +
      `(${warm.length} filter changes p95 ${round(percentile(warm, 95))} ms; ${afterEdit.length} right after an edit p95 ${round(percentile(afterEdit, 95))} ms; target p95 < ${TARGETS.trackerP95Ms} ms)`,
  );
  host.log(`  re-filter in memory (core/tracker.ts runTracker, what a filter change costs on screen): p50 ${round(percentile(memory, 50))} ms, max ${round(Math.max(...memory))} ms`);

  // ---- the app: time until the tracker shows its first follow-up (a cold mirror in a new tab)
  const trackerRuns: number[] = [];
  // Above scale 3 the tracker is opened once, in the cold start below (within its longer time limit).
  for (let i = 0; i < (scale > 3 ? 0 : 2); i++) trackerRuns.push((await host.openApp({ hash: '#/followups', waitFor: TRACKER_ROW })).ms);
  host.log(`Tracker screen shows its first follow-up after ${trackerRuns.map((ms) => fmt(ms)).join(' / ')} ms (first / second open)`);

  // ---- the app: the pack dialog on the whole workspace, until its summary shows
  const packRuns: number[] = [];
  // Above scale 3 not at all: the pack worker's first counts, measured next, are what the dialog waits for.
  for (let i = 0; i < (scale > 3 ? 0 : 2); i++) packRuns.push((await host.openApp({ hash: '#/packs', waitFor: PACK_SUMMARY })).ms);
  host.log(`Pack dialog shows its summary after ${packRuns.map((ms) => fmt(ms)).join(' / ')} ms (first / second open)`);

  // ---- the pack dialog's live counts: in the pack worker, against selecting on the UI thread
  const criteria: PackOptions[] = [
    packOptions({}),
    packOptions({ selection: { tags: ['energy'] } }),
    packOptions({ selection: { from: '2016-01-01', to: '2016-12-31' } }),
    packOptions({ ceiling: 'restricted' }),
    packOptions({ selection: { tags: ['security', 'border'] }, includeStatements: false }),
    packOptions({ selection: { briefingIds: someBriefings.map((b) => b.id) } }),
  ];
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const previews: PackPreview[] = [];
  let arrived: (() => void) | undefined;
  const watch = watchPackPreview(
    DB_NAME,
    (p) => {
      previews.push(p);
      arrived?.();
    },
    (message) => host.log(`pack preview failed: ${message}`),
  );
  const previewOnce = async (options: PackOptions) => {
    const s = performance.now();
    await new Promise<void>((resolve) => {
      arrived = resolve;
      watch.update(options);
    });
    return performance.now() - s;
  };
  const previewFirstMs = await previewOnce(criteria[0]!);
  const previewMs: number[] = [];
  for (let round2 = 0; round2 < 3; round2++) for (const o of criteria) previewMs.push(await previewOnce(o));
  watch.stop();
  observer.disconnect();
  const previewLongestTask = Math.max(0, ...longTasks);
  // The raw baseline, on this thread: the whole workspace read once, then a selection per change. Above
  // scale 3 the workspace (over 400,000 records) is only read, in pieces, and not kept: holding all of it
  // on this page beside everything else would exhaust its heap, and the read is the cost compared.
  const uiDb = new AttacheDb(DB_NAME);
  await uiDb.open();
  const uiSelectMs: number[] = [];
  let uiReadMs: number;
  if (scale <= 3) {
    t = performance.now();
    const everything = await readWorkspaceData(uiDb, { liveOnly: true });
    uiReadMs = performance.now() - t;
    for (let round2 = 0; round2 < 3; round2++)
      for (const o of criteria) {
        const s = performance.now();
        const c = selectPack(everything, o);
        uiSelectMs.push(performance.now() - s);
        const fromWorker = previews[criteria.indexOf(o) + 1]!.counts;
        if (round2 === 0 && JSON.stringify(c.counts) !== JSON.stringify(fromWorker)) host.log(`pack preview and UI-thread selection disagree: ${JSON.stringify(fromWorker)} vs ${JSON.stringify(c.counts)}`);
      }
  } else {
    t = performance.now();
    for (const table of ['briefings', 'statements', 'actions', 'people', 'organisations', 'settings'] as const) {
      let from = '';
      for (;;) {
        const rows = (await uiDb.table(table).where(':id').above(from).limit(CHUNK).toArray()) as { id: string }[];
        if (rows.length < CHUNK) break;
        from = rows[rows.length - 1]!.id;
      }
    }
    uiReadMs = performance.now() - t;
    uiSelectMs.push(NaN);
  }
  uiDb.close();
  host.log(
    `Pack dialog counts from the pack worker: the first of this page's worker ${fmt(previewFirstMs)} ms (sums of the kept per-briefing totals; every row read unless the dialog opened above folded a digest), then p50 ${round(percentile(previewMs, 50))} ms, ` +
      `p95 ${round(percentile(previewMs, 95))} ms over ${previewMs.length} changes of criteria; longest main-thread task meanwhile ${round(previewLongestTask)} ms`,
  );
  // A later opening: the digest the first answer folded, then writes since (statements added and removed,
  // briefings renamed), then a new pack worker's first answer, checked against the stored rows.
  const packDb = new AttacheDb(DB_NAME);
  await packDb.open();
  const digestMs = await digestStored(packDb);
  const packWs = await Workspace.open(packDb);
  for (let i = 0; i < 10; i++) {
    await packWs.update('briefings', someBriefings[i]!.id, { title: `Renamed for the pack ${i}` });
    await packWs.update('statements', someStatements[i]!.id, { briefingId: someBriefings[i + 10]!.id });
  }
  const packCold = await countsInNewWorker(DB_NAME, criteria[0]!);
  const packColdExpected = await previewOfStoredRows(packDb, criteria[0]!);
  packDb.close();
  const packColdAgrees = JSON.stringify(packCold.preview) === JSON.stringify(packColdExpected);
  host.log(
    `  the digest was stored ${fmt(digestMs)} ms after the first answer; after 20 writes, a new pack worker's first counts: ${fmt(packCold.ms)} ms ` +
      `(${packColdAgrees ? 'equal to' : 'DIFFERENT FROM'} what the stored rows give)`,
  );
  host.log(
    `  raw baseline on the UI thread (what the dialog did before): read the workspace ${fmt(uiReadMs)} ms, then per change p50 ${round(percentile(uiSelectMs, 50))} ms, ` +
      `p95 ${round(percentile(uiSelectMs, 95))} ms, all of it blocking the page`,
  );

  // ---- cold start (issue 16): fresh tabs on this workspace, its search index saved by the runs above
  /** The saved index's generation: unchanged by a cold start that loaded it rather than rebuilt it. */
  const savedGeneration = async () => {
    const store = new SearchStore(DB_NAME);
    try {
      return (await store.meta.get('marker'))?.generation ?? 0;
    } finally {
      store.close();
    }
  };
  const generationBefore = await savedGeneration();
  const rawTrackerDb = new AttacheDb(DB_NAME);
  t = performance.now();
  await Promise.all([rawTrackerDb.actions.toArray(), rawTrackerDb.briefings.toArray()]);
  const rawTrackerReadMs = performance.now() - t;
  rawTrackerDb.close();
  const cold = await host.coldStart({
    hash: '#/briefings',
    steps: [
      { name: 'list', waitFor: LIST_ROW },
      { name: 'searchReady', hash: '#/search/heroin', waitFor: SEARCH_RESULT, absent: SEARCH_INDEXING },
    ],
  });
  const rebuiltAtColdStart = (await savedGeneration()) !== generationBefore;
  // The same load in a worker of this page, for where its time goes (the app's tab cannot be asked).
  const again = new SearchIndex(DB_NAME);
  const loadedStatus = await again.whenReady();
  again.stop();
  host.log(
    `  the saved index loaded again in a fresh worker: ${loadedStatus.outcome ?? '?'} in ${fmt(loadedStatus.buildMs ?? NaN)} ms ` +
      `(read ${fmt(loadedStatus.timings?.read ?? NaN)} ms, load ${fmt(loadedStatus.timings?.load ?? NaN)} ms, log and check against the tables ${fmt(loadedStatus.timings?.check ?? NaN)} ms; its postings read meanwhile, while it answered, ${fmt(loadedStatus.timings?.postings ?? NaN)} ms)`,
  );
  const coldTracker = await host.coldStart({ hash: '#/followups', steps: [{ name: 'tracker', waitFor: TRACKER_ROW }], settleMs: 200, timeoutMs: 900_000 });
  const coldListMs = cold.times.list!;
  const coldSearchMs = cold.times.searchReady!;
  const coldTrackerMs = coldTracker.times.tracker!;
  const heapMB = cold.heap === null ? NaN : cold.heap / 2 ** 20;
  const workerHeapsMB = (cold.workerHeaps ?? []).map((h) => (h === null ? null : round(h / 2 ** 20)));
  const processMB = cold.processRss ? round(cold.processRss / 2 ** 20) : null;
  // The renderer's JavaScript heaps after start: the UI thread's and every worker's (the search index lives in
  // its worker), each after a garbage collection; unknown if any worker could not say.
  const rendererHeapMB = workerHeapsMB.every((h) => h !== null) ? round(heapMB + workerHeapsMB.reduce<number>((sum, h) => sum + (h ?? 0), 0)) : null;
  const longestTask = Math.max(cold.longest, coldTracker.longest);
  const fullBuildMs = ready.buildMs ?? indexWallMs;
  host.log(
    `Cold start on the existing workspace: briefing list painted ${fmt(coldListMs)} ms (raw read of its first page ${round(rawListMs)} ms); ` +
      `search ready (first query answered from the whole index${rebuiltAtColdStart ? ', REBUILT, not loaded' : ', loaded as saved'}) ${fmt(coldSearchMs)} ms (a full build, what each start used to cost: ${fmt(fullBuildMs)} ms; ratio ${round(coldSearchMs / fullBuildMs, 3)}); ` +
      `tracker shown ${fmt(coldTrackerMs)} ms in another fresh tab (raw read of its two tables ${fmt(rawTrackerReadMs)} ms)`,
  );
  host.log(
    `  JavaScript heaps after start (each after a garbage collection): UI thread ${round(heapMB)} MB, the tab's workers: ${workerHeapsMB.length ? workerHeapsMB.map((h) => (h === null ? 'not reported' : `${h} MB`)).join(', ') : 'none'}${rendererHeapMB === null ? '' : ` (${rendererHeapMB} MB in all)`}; ` +
      `renderer memory the tab added (page and workers, resident) ${processMB === null ? 'not read' : `${processMB} MB`}; ` +
      `longest main-thread task ${round(longestTask)} ms (list and search tab ${round(cold.longest)} ms, ${cold.longTasks} tasks over 50 ms; tracker tab ${round(coldTracker.longest)} ms, ${coldTracker.longTasks} tasks)`,
  );
  // Where the long tasks fell (ms from each tab's start) and, from its long animation frames, what held them.
  for (const [tab, run] of [
    ['list and search tab', cold],
    ['tracker tab', coldTracker],
  ] as const) {
    if (!run.longList?.length) continue;
    host.log(`  ${tab}: tasks over 50 ms at ${run.longList.map((l) => `${fmt(l.at)} ms (${l.ms} ms)`).join(', ')}; ${Object.entries(run.times).map(([step, ms]) => `${step} at ${fmt(ms)} ms`).join(', ')}`);
    for (const f of run.frames ?? []) host.log(`    frame at ${fmt(f.at)} ms, ${f.ms} ms (blocking ${f.blocking} ms, rendering ${f.render} ms): ${f.scripts.join('; ') || 'no script'}`);
  }
  const targets16 = scale >= 10 ? COLD_TARGETS[10] : COLD_TARGETS[1];
  const met16 = {
    coldList: coldListMs < targets16.listMs,
    coldSearchReady: coldSearchMs < targets16.searchReadyMs,
    searchP95: p95 < targets16.searchP95Ms,
    packFirstCounts: packCold.ms < targets16.packFirstCountsMs && packColdAgrees,
    trackerShown: coldTrackerMs < targets16.trackerMs,
    // The issue's "renderer heap": the JavaScript heaps of the page and its workers (else, if a worker could
    // not say, the stricter resident figure below, else the page's heap alone).
    heap: (rendererHeapMB ?? processMB ?? heapMB) < targets16.heapMB,
    // The stricter reading: everything the tab added to Chromium's renderer processes, resident (code, DOM, fonts…).
    rendererRss: processMB === null ? undefined : processMB < targets16.heapMB,
    loadRatio: loadToRaw >= targets16.loadRatio,
    longestTask: longestTask < targets16.longestTaskMs,
  };

  const trackerP95 = percentile(queries, 95);
  const met = { searchP95: p95 < TARGETS.searchP95Ms, list: listRuns[0]! < TARGETS.listMs, trackerQueryP95: trackerP95 < TARGETS.trackerP95Ms };
  return {
    scale,
    counts,
    records,
    loadMs: round(loadMs),
    loadRecordsPerSec: Math.round(loadRate),
    rawBulkPutMs: round(rawMs),
    rawBulkPutRecordsPerSec: Math.round(rawRate),
    rawBulkPutRecords: rawRecords,
    loadToRawRatio: round(loadToRaw, 3),
    ...(sample < 1 ? { sampledLoadRecordsPerSec: Math.round(sampledLoadRate) } : {}),
    listVisibleMs: round(listRuns[0]!),
    listVisibleRunsMs: listRuns.map((x) => round(x)),
    indexBuildMs: ready.buildMs ?? round(indexWallMs),
    indexDocuments: ready.documents,
    searchQueries: latencies.length,
    searchP50Ms: round(p50),
    searchP95Ms: round(p95),
    searchMaxMs: round(Math.max(...latencies)),
    trackerQueries: queries.length,
    trackerQueryP50Ms: round(percentile(queries, 50)),
    trackerQueryP95Ms: round(trackerP95),
    trackerQueryMaxMs: round(Math.max(...queries)),
    trackerQueryAfterEditP95Ms: round(percentile(afterEdit, 95)),
    trackerFirstQueryMs: round(coldMs),
    trackerRefilterP50Ms: round(percentile(memory, 50)),
    trackerRefilterMaxMs: round(Math.max(...memory)),
    trackerVisibleMs: trackerRuns.length ? round(trackerRuns[0]!) : null,
    trackerVisibleRunsMs: trackerRuns.map((x) => round(x)),
    trackerPath: 'data/actions.ts queryTracker (TrackerMirror) + core/tracker.ts runTracker',
    trackerItemsShown: shown,
    packPreviewFirstMs: round(previewFirstMs),
    packPreviewP50Ms: round(percentile(previewMs, 50)),
    packPreviewP95Ms: round(percentile(previewMs, 95)),
    packPreviewLongestMainTaskMs: round(previewLongestTask),
    packUiThreadReadMs: round(uiReadMs),
    packUiThreadSelectP50Ms: round(percentile(uiSelectMs, 50)),
    packUiThreadSelectP95Ms: round(percentile(uiSelectMs, 95)),
    packPreviewToUiThreadP50Ratio: round(percentile(previewMs, 50) / percentile(uiSelectMs, 50), 2),
    packSummaryVisibleMs: packRuns.length ? round(packRuns[0]!) : null,
    packSummaryVisibleRunsMs: packRuns.map((x) => round(x)),
    targets: TARGETS,
    met,
    cold: {
      listPaintedMs: round(coldListMs),
      rawFirstPageReadMs: round(rawListMs),
      listToRawRatio: round(coldListMs / rawListMs, 1),
      searchReadyMs: round(coldSearchMs),
      searchIndexRebuiltAtColdStart: rebuiltAtColdStart,
      searchWorkerLoad: { outcome: loadedStatus.outcome, ms: loadedStatus.buildMs, ...loadedStatus.timings },
      fullIndexBuildMs: round(fullBuildMs),
      searchReadyToFullBuildRatio: round(coldSearchMs / fullBuildMs, 3),
      indexSaveMs: round(indexSaveMs),
      trackerShownMs: round(coldTrackerMs),
      rawTrackerTablesReadMs: round(rawTrackerReadMs),
      trackerToRawReadRatio: round(coldTrackerMs / rawTrackerReadMs, 2),
      packFirstCountsMs: round(packCold.ms),
      packFirstCountsAgreeWithRows: packColdAgrees,
      packFirstCountsToUiReadRatio: round(packCold.ms / uiReadMs, 2),
      packFirstCountsOfThisPageMs: round(previewFirstMs),
      heapMB: round(heapMB),
      workerHeapsMB,
      rendererHeapMB,
      rendererProcessRssMB: processMB,
      longestMainTaskMs: round(longestTask),
      longestTaskListSearchTabMs: round(cold.longest),
      longestTaskTrackerTabMs: round(coldTracker.longest),
      longTasks: cold.longTasks + coldTracker.longTasks,
      targets: targets16,
      met: met16,
    },
  };
};

export default bench;
