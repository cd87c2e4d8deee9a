/**
 * Live sync pulls' bodies opened in a Node worker thread (the command line, and bench:live which measures it),
 * as the app opens them in a Web Worker (data/live/opener.ts workerOpener drives both), so a batch's bodies are
 * opened on another thread while the one before is validated and written on this one. It gave the fastest
 * first pulls when a core was free for it (7.3–7.6 s against 8.9–12.2 s in the pulling thread), nothing when
 * the machine's load filled the cores, and one slow run on a quiet machine: see docs/benchmarks.md, bench:live.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BodyOpener, OpenerReply } from '../../src-renderer/src/core/live/opener';
import { workerOpener } from '../../src-renderer/src/data/live/opener';

/**
 * The worker is TypeScript: under tsx (`npm run cli`, the benchmark) it inherits tsx's loader with the
 * process's flags; elsewhere (the unit tests' runner) it is given that loader itself.
 */
function execArgv(): string[] | undefined {
  if (process.execArgv.some((a) => a.includes('tsx'))) return undefined;
  return [...process.execArgv, '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

export function nodeOpener(): BodyOpener {
  return workerOpener(() => {
    const w = new Worker(new URL('./live-open-worker.ts', import.meta.url), { execArgv: execArgv(), name: 'attache-live-open' });
    // Idle, the worker does not keep the command from ending; a batch being opened does.
    w.unref();
    return {
      post: (req) => w.postMessage(req),
      onReply: (f) => w.on('message', (reply: OpenerReply) => f(reply)),
      onFailure: (f) => {
        w.on('error', (e: Error) => f(e.message));
        w.on('exit', (code) => f(`exited (${code})`));
      },
      busy: (waiting) => (waiting ? w.ref() : w.unref()),
      terminate: () => void w.terminate(),
    };
  });
}
