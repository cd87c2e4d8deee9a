/**
 * The page the runner opens: it wires the chosen bench (the virtual module the runner's build provides)
 * to the host functions the runner exposes, and lets the runner start it.
 */
import bench from 'virtual:attache-bench';
import type { BenchHost, ColdStartOptions, ColdStartResult } from './host';

declare global {
  interface Window {
    __benchLog(line: string): Promise<void>;
    __benchOpenApp(options: { hash: string; waitFor: string; timeoutMs?: number }): Promise<{ ms: number }>;
    __benchColdStart(options: ColdStartOptions): Promise<ColdStartResult>;
    __runBench(): Promise<Record<string, unknown>>;
  }
}

const host: BenchHost = {
  log: (line) => void window.__benchLog(line),
  openApp: (options) => window.__benchOpenApp(options),
  coldStart: (options) => window.__benchColdStart(options),
};

window.__runBench = async () => {
  try {
    return await bench(host);
  } catch (e) {
    // Whatever was thrown, said in full: a DOMException or a Dexie error can reach Playwright as one letter.
    const err = e as { name?: string; message?: string; stack?: string; inner?: unknown };
    host.log(`bench threw: ${String(err?.name)}: ${String(err?.message)}\n${String(err?.stack)}\ninner: ${String(err?.inner)}`);
    throw e;
  }
};
