/**
 * What a browser benchmark gets from the runner (scripts/bench.mjs). A bench is a module
 * `tests/bench/<name>.bench.ts` whose default export is a `Bench`; it runs in Chromium, in a page served
 * from the same origin as the built app (so it shares the app's IndexedDB), and resolves to a JSON object.
 */
export interface BenchHost {
  /** Print a human line now (the runner echoes it to the terminal). */
  log(line: string): void;
  /**
   * Open the built app in a new tab of the same browser profile at `hash` and time how long it takes,
   * from navigation start, until an element matching `waitFor` is visible. The tab is closed afterwards.
   */
  openApp(options: { hash: string; waitFor: string; timeoutMs?: number }): Promise<{ ms: number }>;
  /**
   * Open the app in a new tab at `hash` and go through `steps`: for each, optionally go to its hash, then
   * time (ms since navigation start) until `waitFor` is visible and `absent` (if given) is gone. Then,
   * `settleMs` later and after a garbage collection, the tab's UI-thread heap, and its longest task.
   */
  coldStart(options: ColdStartOptions): Promise<ColdStartResult>;
}

export interface ColdStartOptions {
  hash: string;
  steps: { name: string; hash?: string; waitFor: string; absent?: string }[];
  settleMs?: number;
  timeoutMs?: number;
}

export interface ColdStartResult {
  times: Record<string, number>;
  /** performance.memory.usedJSHeapSize of the tab's UI thread (workers have their own heaps). */
  heap: number | null;
  /** Longest main-thread task seen by a PerformanceObserver('longtask'), ms (0: none over 50 ms). */
  longest: number;
  longTasks: number;
  /** Each task over 50 ms: when it began (ms from the tab's start) and how long it took. */
  longList?: { at: number; ms: number }[];
  /** Each animation frame over 50 ms (long-animation-frame): when, how long, its rendering's part, and its longest scripts. */
  frames?: { at: number; ms: number; blocking: number; render: number; scripts: string[] }[];
  /** usedJSHeapSize of each of the tab's workers, where Chromium reports it (null where it does not). */
  workerHeaps?: (number | null)[];
  /** Resident memory the tab (its page and workers together) added to Chromium's renderer processes, bytes. */
  processRss?: number | null;
}

export type Bench = (host: BenchHost) => Promise<Record<string, unknown>>;

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
