/**
 * The page side of `npm run bench:compare` (tests/bench/compare.bench.mjs): the same module is built into
 * each build compared (copied into the other build's tree, so that its imports are that build's own data
 * layer, records and workspace generator) and answers the driver's two requests:
 *   - 'setup': the benchmark workspace (tests/bench/workspace-data.ts at the scale asked) loaded into the
 *     app's database, and the search index built (and saved, where the build saves it);
 *   - 'search': the 50 queries of `npm run bench` (tests/bench/queries.ts) through the build's own search
 *     client, as `npm run bench` times them (message to the worker, search, records read back), p50/p95.
 * Only what both builds have is used: this runs against builds from before the current data layer.
 */
import Dexie from 'dexie';
import { AttacheDb, DB_NAME } from '../../src-renderer/src/data/db';
import { SearchIndex } from '../../src-renderer/src/data/search-index';
import { percentile, round, type Bench } from './host';
import { QUERIES } from './queries';
import { FULL_COUNTS, syntheticWorkspace } from './workspace-data';

declare global {
  interface Window {
    __compareStep?: { step: 'setup'; scale: number } | { step: 'search' } | { step: 'worker' };
  }
}

let index: SearchIndex | undefined;

async function setup(scale: number): Promise<Record<string, unknown>> {
  const s = (n: number) => Math.max(1, Math.round(n * scale));
  const counts = { organisations: s(FULL_COUNTS.organisations), people: s(FULL_COUNTS.people), briefings: s(FULL_COUNTS.briefings), statements: s(FULL_COUNTS.statements), actions: s(FULL_COUNTS.actions) };
  await Dexie.delete(DB_NAME);
  await Dexie.delete(`${DB_NAME}-search`);
  const data = syntheticWorkspace(counts) as unknown as Record<string, unknown[]>;
  const db = new AttacheDb(DB_NAME);
  await db.open();
  let records = 0;
  for (const [name, rows] of Object.entries(data)) {
    const table = db.table(name);
    for (let i = 0; i < rows.length; i += 5_000) await db.transaction('rw', table, () => table.bulkPut(rows.slice(i, i + 5_000)));
    records += rows.length;
  }
  db.close();
  index = new SearchIndex(DB_NAME);
  const started = performance.now();
  // A build that saves its index says so in its status (`saved`); the app's cold opens then load it.
  const saved = new Promise<void>((resolve) => {
    const off = index!.onStatus((st) => {
      if ((st as { saved?: number }).saved === undefined) return;
      queueMicrotask(() => off());
      resolve();
    });
  });
  const ready = (await index.whenReady()) as { outcome?: string };
  if (ready.outcome) await saved;
  return { records, indexMs: round(performance.now() - started), savesIndex: !!ready.outcome };
}

async function search(): Promise<Record<string, unknown>> {
  index ??= new SearchIndex(DB_NAME);
  await index.whenReady();
  for (const q of QUERIES.slice(0, 3)) await index.search(q.text, q.filters ?? {});
  const ms: number[] = [];
  for (const q of QUERIES) {
    const t = performance.now();
    await index.search(q.text, q.filters ?? {});
    ms.push(performance.now() - t);
  }
  return { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(Math.max(...ms)) };
}

/**
 * A fresh search worker on the saved index: until its first query is answered, and where its start went
 * (the status's timings: the saved index read, parsed and loaded, checked; absent in builds without them).
 */
async function worker(): Promise<Record<string, unknown>> {
  const fresh = new SearchIndex(DB_NAME);
  const started = performance.now();
  try {
    const ready = (await fresh.whenReady()) as { outcome?: string; timings?: Record<string, number>; buildMs?: number };
    const readyMs = performance.now() - started;
    await fresh.search('heroin');
    return { ms: round(performance.now() - started), readyMs: round(readyMs), outcome: ready.outcome, startMs: ready.buildMs, ...ready.timings };
  } finally {
    fresh.stop();
  }
}

const bench: Bench = async () => {
  const asked = window.__compareStep;
  if (asked?.step === 'setup') return setup(asked.scale);
  if (asked?.step === 'search') return search();
  if (asked?.step === 'worker') return worker();
  throw new Error('bench:compare: no step asked');
};

export default bench;
