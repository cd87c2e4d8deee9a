/**
 * Generating a pack off the UI thread. pdfmake lays a document out in one synchronous run that cannot
 * be interrupted, so cancelling terminates the worker; the next run starts a fresh one. Between runs
 * the worker is kept, so pdfmake and the fonts are loaded once per session, not once per pack.
 */
import type { PackOptions } from '../core/pack/options';
import type { PackProgress } from '../core/pack/render';
import type { RenderRequest, WorkerReply } from './pack-protocol';

export interface GeneratedPack {
  bytes: Uint8Array;
  pageCount: number;
}

/** A pack that could not be built for a reason the user can fix (nothing selected). */
export class EmptyPackError extends Error {
  override name = 'EmptyPackError';
}

let worker: Worker | undefined;
let lastRun = 0;

function spawn(): Worker {
  // `new URL(…, import.meta.url)` is what lets Vite bundle the worker and its imports (pdfmake, fonts).
  worker ??= new Worker(new URL('./pack.worker.ts', import.meta.url), { type: 'module', name: 'attache-pack' });
  return worker;
}

function discard(): void {
  worker?.terminate();
  worker = undefined;
}

/** Start the worker early (when the Pack dialog opens) so the first Generate does not wait for it. */
export function warmPackWorker(): void {
  spawn();
}

/**
 * Render a pack of the workspace stored in IndexedDB database `dbName`. Rejects with the signal's
 * reason when aborted (the worker is terminated at once), EmptyPackError when nothing is selected,
 * or an Error with a message for the user.
 */
export function generatePack(
  dbName: string,
  options: PackOptions,
  hooks: { onProgress?: (p: PackProgress) => void; signal?: AbortSignal } = {},
): Promise<GeneratedPack> {
  const { onProgress, signal } = hooks;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const run = ++lastRun;
  const w = spawn();
  return new Promise<GeneratedPack>((resolve, reject) => {
    const cleanup = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      w.removeEventListener('messageerror', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    const onMessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.run !== run) return;
      if (reply.type === 'progress') {
        onProgress?.(reply.progress);
        return;
      }
      cleanup();
      if (reply.type === 'done') resolve({ bytes: reply.bytes, pageCount: reply.pageCount });
      else if (reply.code === 'empty-selection') reject(new EmptyPackError(reply.message));
      else reject(new Error(reply.message));
    };
    const onError = (event: Event) => {
      cleanup();
      // A worker that failed to start or crashed is not reused.
      discard();
      const detail = event instanceof ErrorEvent && event.message ? `: ${event.message}` : '';
      reject(new Error(`The PDF generator stopped unexpectedly${detail}`));
    };
    const onAbort = () => {
      cleanup();
      discard();
      reject(signal?.reason ?? new DOMException('Cancelled', 'AbortError'));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.addEventListener('messageerror', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    const request: RenderRequest = { type: 'render', run, dbName, options: JSON.parse(JSON.stringify(options)) as PackOptions };
    w.postMessage(request);
  });
}
