/**
 * `npm run bench:live` (issue 17): live sync against a real CouchDB-protocol server (pouchdb-server, in memory,
 * on loopback), in Node with fake-indexeddb — the data layer the unit tests run on — so every figure beside
 * its raw baseline is measured in the same process, on the same storage, in the same run:
 *
 *   first pull   — a fresh workspace takes N records from the server (the replicator: _changes in batches,
 *                  unseal, validate, fold conflicts, and the import's own stages into Dexie), beside
 *                  raw bulkPut of the same records into an empty database, and a raw _changes read of them.
 *                  Target: pull throughput ≥ 0.5 × raw bulkPut. The raw _changes read (uncompressed, in the
 *                  pull's batch size: the server's fastest answer) says how much of the pull's time is ours,
 *                  and this process's CPU time for the pull beside the bulkPut's leaves the server out.
 *   edit → seen  — two running sessions (long poll + push poll, as the app runs them); an edit on one, the
 *                  time until the other's workspace holds it. Target: p95 < 2 s.
 *
 * BENCH_SCALE (or --scale) scales N = 100,000 records; BENCH_OPENER=thread opens the pulled bodies in this
 * thread instead of a worker thread; the last line is one JSON object.
 */
import 'fake-indexeddb/auto';
import { SYNCED_TABLES, type StoredRecord, type SyncedTable } from '../../src-renderer/src/core/model';
import { toMaps } from '../../src-renderer/src/core/sync/merge';
import { mapsStore } from '../../src-renderer/src/core/live/maps-store';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { fetchTransport } from '../../src-renderer/src/data/live/fetch-transport';
import { dexieStore } from '../../src-renderer/src/data/live/dexie-store';
import { checkpointKey } from '../../src-renderer/src/data/live/marks';
import { LiveReplicator } from '../../src-renderer/src/data/live/replicator';
import { LiveSession } from '../../src-renderer/src/data/live/session';
import { nodeOpener } from '../../src-main/cli/live-opener';
import { startServer } from '../unit/live-server';
import { countRecords, syntheticWorkspace } from './sync-workspace';

const argScale = process.argv.indexOf('--scale');
const scale = Number(argScale >= 0 ? process.argv[argScale + 1] : (process.env.BENCH_SCALE ?? 1));
const N = Math.max(1000, Math.round(100_000 * scale));
const EDITS = Number(process.env.BENCH_EDITS ?? 40);
const PASS = 'bench team passphrase';
const OPENER = process.env.BENCH_OPENER === 'thread' ? 'thread' : 'worker';
const log = (line: string) => console.error(line);
const ms = (t0: number) => Math.round(performance.now() - t0);
/** This process's CPU time (user + system) since `start`: the server's share excluded, and less moved by the machine's load than wall time. */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return Math.round((d.user + d.system) / 1000);
};

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function main() {
  const server = await startServer({ inMemory: true });
  try {
    const data = syntheticWorkspace(N);
    const total = countRecords(data);
    const config = { url: server.url, db: 'bench', user: '', password: '' };
    log(`${total} records; server ${server.url}`);

    // The server's copy, pushed by the command line's store (not timed against a target: setup).
    let t0 = performance.now();
    const seeder = new LiveReplicator({ transport: fetchTransport(config), store: mapsStore(toMaps(data)), passphrase: PASS, create: true, pushBatch: 1000 });
    await seeder.connect();
    const pushed = await seeder.push();
    const pushMs = ms(t0);
    log(`push (seed): ${pushed.sent} records in ${pushMs} ms`);

    // The puller is made first only to learn its batch size: the raw read below asks for the same batches.
    const ws = await Workspace.open(new AttacheDb(`bench-pull-${Date.now()}`), { defaultName: 'Bench receiver' });
    // Bodies opened as the command line opens them, in a worker thread (the app: in a Web Worker), or in this
    // thread with BENCH_OPENER=thread (docs/benchmarks.md compares the two).
    const puller = new LiveReplicator({
      transport: fetchTransport(config),
      store: dexieStore(ws, checkpointKey(config.url, config.db)),
      passphrase: PASS,
      ...(OPENER === 'worker' ? { opener: nodeOpener() } : {}),
    });

    // Raw _changes read of the same documents in the pull's batch size, nothing done with them: the server's
    // fastest answer (uncompressed, as the pull asks a loopback server for it; pouchdb-server gzips otherwise).
    t0 = performance.now();
    let since = '';
    let rawDocs = 0;
    const limit = puller.pullBatch;
    for (;;) {
      const q = new URLSearchParams({ include_docs: 'true', limit: String(limit), ...(since ? { since } : {}) });
      const body = (await (await fetch(`${server.url}/bench/_changes?${q.toString()}`, { headers: { 'accept-encoding': 'identity' } })).json()) as { results: unknown[]; last_seq: string | number };
      rawDocs += body.results.length;
      since = String(body.last_seq);
      if (body.results.length < limit) break;
    }
    const rawChangesMs = ms(t0);
    log(`raw _changes: ${rawDocs} documents in ${rawChangesMs} ms`);

    // Raw bulkPut of the same records into an empty database, in the import's chunk size.
    const raw = new AttacheDb(`bench-raw-${Date.now()}`);
    await raw.open();
    t0 = performance.now();
    let cpu0 = process.cpuUsage();
    for (const t of SYNCED_TABLES) {
      const rows = data[t] as StoredRecord<SyncedTable>[];
      for (let i = 0; i < rows.length; i += 2000) await raw.table(t).bulkPut(rows.slice(i, i + 2000));
    }
    const rawBulkPutMs = ms(t0);
    const rawBulkPutCpuMs = cpuMs(cpu0);
    log(`raw bulkPut: ${total} records in ${rawBulkPutMs} ms (${rawBulkPutCpuMs} ms of this process's CPU)`);

    // First pull into a fresh workspace, exactly as the app does it.
    await puller.connect();
    t0 = performance.now();
    cpu0 = process.cpuUsage();
    const pulled = await puller.pull();
    const firstPullMs = ms(t0);
    const firstPullCpuMs = cpuMs(cpu0);
    puller.close();
    const stored = (await Promise.all(SYNCED_TABLES.map((t) => ws.db.table(t).count()))).reduce((a, b) => a + b, 0);
    log(`first pull: ${pulled.received} records in ${firstPullMs} ms (${stored} stored; ${firstPullCpuMs} ms of this process's CPU)`);

    // Steady state: two running sessions; each edit on A timed until B holds it.
    const lat = 'bench-latency';
    const a = await Workspace.open(new AttacheDb(`bench-a-${Date.now()}`), { defaultName: 'A' });
    const b = await Workspace.open(new AttacheDb(`bench-b-${Date.now()}`), { defaultName: 'B' });
    const sessions = [a, b].map((w) => {
      const s = new LiveSession({
        ws: w,
        transport: fetchTransport({ ...config, db: lat }),
        passphrase: PASS,
        checkpointKey: checkpointKey(config.url, lat),
        create: true,
        onStatus: () => undefined,
      });
      s.start();
      return s;
    });
    const briefing = await a.create('briefings', { ...data.briefings[0]!, title: 'Latency' });
    const waitFor = async (check: () => Promise<boolean>) => {
      const start = performance.now();
      while (!(await check())) {
        if (performance.now() - start > 30_000) throw new Error('an edit did not arrive within 30 s');
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    await waitFor(async () => !!(await b.table('briefings').get(briefing.id)));
    const latencies: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const title = `Latency ${i}`;
      const start = performance.now();
      await a.update('briefings', briefing.id, { title });
      await waitFor(async () => (await b.table('briefings').get(briefing.id))?.title === title);
      latencies.push(performance.now() - start);
      // Edits a person makes, not a flood: a short pause between them.
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(sessions.map((s) => s.stop()));

    const perSec = (n: number, t: number) => Math.round((n / t) * 1000);
    const result = {
      bench: 'live',
      environment: 'Node with fake-indexeddb (the unit tests’ data layer); pouchdb-server 4.2 in memory on loopback',
      scale,
      records: total,
      pushSeed: { ms: pushMs, recordsPerSec: perSec(pushed.sent, pushMs) },
      pullBatch: puller.pullBatch,
      opener: OPENER,
      rawChanges: { ms: rawChangesMs, docsPerSec: perSec(rawDocs, rawChangesMs) },
      rawBulkPut: { ms: rawBulkPutMs, recordsPerSec: perSec(total, rawBulkPutMs), cpuMs: rawBulkPutCpuMs },
      firstPull: { ms: firstPullMs, recordsPerSec: perSec(pulled.received, firstPullMs), stored, cpuMs: firstPullCpuMs },
      firstPullVsBulkPut: Number((rawBulkPutMs / firstPullMs).toFixed(3)),
      firstPullTarget: '≥ 0.5 × raw bulkPut throughput',
      firstPullMet: rawBulkPutMs / firstPullMs >= 0.5,
      // The pull cannot beat reading the same documents from the server: this is its own share of the time.
      firstPullVsRawChanges: Number((rawChangesMs / firstPullMs).toFixed(3)),
      // Our process's own CPU for the pull beside that of the raw bulkPut (the server's work not counted).
      firstPullCpuVsBulkPutCpu: Number((rawBulkPutCpuMs / firstPullCpuMs).toFixed(3)),
      editToAppearance: { edits: latencies.length, p50Ms: Math.round(percentile(latencies, 50)), p95Ms: Math.round(percentile(latencies, 95)), maxMs: Math.round(Math.max(...latencies)) },
      editTarget: 'p95 < 2000 ms',
      editMet: percentile(latencies, 95) < 2000,
      load: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(1))),
    };
    console.log(JSON.stringify(result));
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
