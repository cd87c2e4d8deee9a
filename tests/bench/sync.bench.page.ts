/**
 * The sync benchmark's page side, run in Chromium against real IndexedDB: export and import of a
 * synthetic 100,000-record workspace through the app's own sync code (data/sync.ts), and a raw Dexie
 * bulkPut of the same rows into an empty database with the same schema as the baseline, in the same run.
 *
 * The runner (sync.bench.mjs) drives it: `window.syncBench(total)` resolves to the figures; heap is
 * sampled here (performance.memory, precise with --enable-precise-memory-info) at every progress
 * callback and on a timer, and by the runner through CDP; `window.benchPhase` tells it the phase.
 */
import { AttacheDb } from '../../src-renderer/src/data/db';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { applyImport, exportWorkspace, previewImport, type SyncProgress } from '../../src-renderer/src/data/sync';
import { SYNCED_TABLES, type WorkspaceData } from '../../src-renderer/src/core/model';
import { checkIncoming, checkWorkspace } from '../../src-renderer/src/core/sync/invariants';
import { BENCH_INSTALLATION, countRecords, syntheticWorkspace } from './sync-workspace';

declare global {
  interface Window {
    syncBench: (total: number) => Promise<SyncBenchFigures>;
    /** Set by the runner (exposeFunction) to tag its CDP heap samples; absent when run by hand. */
    benchPhase?: (phase: string) => Promise<void>;
    /** Set by the runner: start/stop a CPU profile of a phase when asked to (BENCH_PROFILE). */
    benchProfile?: (phase: string, on: boolean) => Promise<void>;
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

export interface PhaseFigures {
  ms: number;
  recordsPerSecond: number;
  /** Highest used JS heap seen during the phase, in bytes. */
  peakHeap: number;
  /** The same minus the heap in use just before it began (after a GC). */
  peakHeapGrowth: number;
  /** Longest main-thread task (PerformanceObserver 'longtask', ≥ 50 ms) during the phase, 0 if none: how long the UI froze at worst. */
  longestTaskMs: number;
  /** Main-thread tasks of 50 ms or more during the phase. */
  longTasks: number;
  /** Highest used JS heap seen at the progress callbacks of each step (validating, comparing, …), in bytes: where a peak comes from. */
  peakByStep: Record<string, number>;
}

export interface SyncBenchFigures {
  records: number;
  fileBytes: number;
  generateMs: number;
  raw: PhaseFigures;
  export: PhaseFigures;
  preview: PhaseFigures;
  apply: PhaseFigures;
  /** preview + apply: what a user waits for between choosing the file and seeing it applied. */
  import: PhaseFigures;
  importedRecords: number;
  /**
   * The workspace invariants' own time on the file's records (core/sync/invariants.ts), measured again after
   * the import: `incoming` is the import's stage (inside the preview figures above), `workspace` the whole check
   * (references too) that Settings → Check this workspace and `attache sync check` run.
   */
  invariantCheckMs: { incoming: number; workspace: number };
  heapSource: 'performance.memory' | 'none';
  /** Whether window.gc was there, so each phase started from a collected heap. */
  gcExposed: boolean;
}

const heapNow = () => performance.memory?.usedJSHeapSize ?? 0;

class HeapWatch {
  peak = 0;
  base = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  start(): void {
    this.base = heapNow();
    this.peak = this.base;
    // performance.memory with precise info costs ~0.1 ms a read: sample sparingly here; CDP polls too.
    this.timer = setInterval(() => this.sample(), 50);
  }
  sample = (): void => {
    const h = heapNow();
    if (h > this.peak) this.peak = h;
  };
  stop(): { peakHeap: number; peakHeapGrowth: number } {
    clearInterval(this.timer);
    this.sample();
    return { peakHeap: this.peak, peakHeapGrowth: this.peak - this.base };
  }
}

async function settle(): Promise<void> {
  window.gc?.();
  await new Promise((r) => setTimeout(r, 50));
  window.gc?.();
}

async function phase<T>(name: string, records: number, work: (onProgress: (p: SyncProgress) => void) => Promise<T>): Promise<{ value: T; figures: PhaseFigures }> {
  await settle();
  await window.benchPhase?.(name);
  await window.benchProfile?.(name, true);
  const watch = new HeapWatch();
  const stalls: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => stalls.push(e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  watch.start();
  const t0 = performance.now();
  // Sampled at progress callbacks too (inside long synchronous stretches), at most every 20 ms: each read costs.
  let last = 0;
  let step = '';
  const peakByStep: Record<string, number> = {};
  const value = await work((p) => {
    const now = performance.now();
    if (now - last < 20 && p.phase === step) return;
    last = now;
    // The sample at a step's first callback belongs to the step before (what it left behind).
    const h = heapNow();
    const label = step || p.phase;
    peakByStep[label] = Math.max(peakByStep[label] ?? 0, h);
    if (h > watch.peak) watch.peak = h;
    step = p.phase;
  });
  const ms = performance.now() - t0;
  const heap = watch.stop();
  stalls.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  await window.benchProfile?.(name, false);
  await window.benchPhase?.('idle');
  const longestTaskMs = Math.round(Math.max(0, ...stalls));
  return { value, figures: { ms, recordsPerSecond: (records / ms) * 1000, ...heap, longestTaskMs, longTasks: stalls.length, peakByStep } };
}

async function fresh(name: string): Promise<AttacheDb> {
  await AttacheDb.delete(name);
  const db = new AttacheDb(name);
  await db.open();
  return db;
}

window.syncBench = async (total: number): Promise<SyncBenchFigures> => {
  const g0 = performance.now();
  let data: ReturnType<typeof syntheticWorkspace> | undefined = syntheticWorkspace(total);
  const generateMs = performance.now() - g0;
  const records = countRecords(data);

  // Baseline: the same rows, bulkPut into an empty database with the app's schema, in one transaction.
  const source = await fresh('bench-sync-source');
  const raw = await phase('raw', records, async () => {
    await source.transaction('rw', SYNCED_TABLES.map((t) => source.table(t)), async () => {
      for (const t of SYNCED_TABLES) if (data![t].length) await source.table(t).bulkPut(data![t]);
    });
  });
  // Dropped before the export, so the export's heap is its own.
  data = undefined;

  // The baseline database is the exported workspace.
  await source.meta.put({ key: 'installation', value: { ...BENCH_INSTALLATION } });
  const sourceWs = await Workspace.open(source);
  const exported = await phase('export', records, (onProgress) => exportWorkspace(sourceWs, { mode: 'full', appVersion: 'bench', onProgress }));
  const bytes = exported.value.bytes;
  const fileBytes = bytes.byteLength;
  exported.value.bytes = new Uint8Array(0);
  source.close();
  // Import into an otherwise empty origin, as the baseline wrote into one.
  await AttacheDb.delete('bench-sync-source');

  const target = await fresh('bench-sync-target');
  const targetWs = await Workspace.open(target, { defaultName: 'Bench target' });
  const preview = await phase('preview', records, (onProgress) => previewImport(targetWs, bytes, { onProgress }));
  const applied = await phase('apply', records, (onProgress) => applyImport(targetWs, preview.value, { onProgress }));
  const importedRecords = (await Promise.all(SYNCED_TABLES.map((t) => target.table(t).count()))).reduce((a, b) => a + b, 0);
  if (importedRecords !== records || applied.value.added !== records) {
    throw new Error(`The import stored ${importedRecords} records (${applied.value.added} added) of ${records}`);
  }
  target.close();
  await AttacheDb.delete('bench-sync-target');
  const decoded = (preview.value.payload as { file: { data: WorkspaceData } }).file.data;
  let t = performance.now();
  checkIncoming(decoded);
  const incomingMs = performance.now() - t;
  t = performance.now();
  checkWorkspace(decoded);
  const invariantCheckMs = { incoming: incomingMs, workspace: performance.now() - t };

  const importMs = preview.figures.ms + applied.figures.ms;
  // The preview's decoded records stay alive until the apply ends, so both are measured from before the preview.
  const importBase = preview.figures.peakHeap - preview.figures.peakHeapGrowth;
  const importPeak = Math.max(preview.figures.peakHeap, applied.figures.peakHeap);
  return {
    records,
    fileBytes,
    generateMs,
    raw: raw.figures,
    export: exported.figures,
    preview: preview.figures,
    apply: applied.figures,
    import: {
      longestTaskMs: Math.max(preview.figures.longestTaskMs, applied.figures.longestTaskMs),
      longTasks: preview.figures.longTasks + applied.figures.longTasks,
      ms: importMs,
      recordsPerSecond: (records / importMs) * 1000,
      peakHeap: importPeak,
      peakHeapGrowth: importPeak - importBase,
      peakByStep: { ...preview.figures.peakByStep, ...applied.figures.peakByStep },
    },
    importedRecords,
    invariantCheckMs,
    heapSource: performance.memory ? 'performance.memory' : 'none',
    gcExposed: typeof window.gc === 'function',
  };
};
