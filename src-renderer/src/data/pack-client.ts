/**
 * The Pack dialog's side of the pack worker: its live counts and generating the pack, both off the UI
 * thread. pdfmake lays a document out in one synchronous run that cannot be interrupted, so cancelling
 * terminates the worker; a fresh one takes over (and the dialog's preview with it). Between runs the
 * worker is kept, so pdfmake and the fonts are loaded once per session, not once per pack.
 */
import { fromUserErrorData, UserError } from '../core/errors';
import { windowText } from '../core/errors';
import type { PackCopy } from '../core/document/pack';
import type { PackOptions } from '../core/pack/options';
import type { PackProgress } from '../core/pack/render';
import type { PackPreview } from '../core/pack/select';
import type { PackFormat, PreviewWatch, RenderRequest, WorkerReply, WorkerRequest } from './pack-protocol';

export type { PackFormat } from './pack-protocol';

export interface GeneratedPack {
  bytes: Uint8Array;
  /** Null for a Word file, whose pages Word lays out. */
  pageCount: number | null;
}

/** A pack that could not be built for a reason the user can fix (nothing selected). */
export class EmptyPackError extends Error {
  override name = 'EmptyPackError';
}

let worker: Worker | undefined;
let lastRun = 0;

interface Watcher {
  watch: PreviewWatch;
  onPreview: (preview: PackPreview) => void;
  onError: (message: string) => void;
}

/** The dialog's preview, while it is open. */
let watcher: Watcher | undefined;
let lastSeq = 0;

/** Plain data for postMessage (the dialog's options may be Svelte state proxies). */
const plain = (options: PackOptions): PackOptions => JSON.parse(JSON.stringify(options)) as PackOptions;

function onPreviewReply(event: MessageEvent<WorkerReply>): void {
  const reply = event.data;
  if (!watcher || (reply.type !== 'preview' && reply.type !== 'preview-error') || reply.seq !== watcher.watch.seq) return;
  if (reply.type === 'preview') watcher.onPreview(reply.preview);
  else watcher.onError(reply.message);
}

function spawn(): Worker {
  if (!worker) {
    // `new URL(…, import.meta.url)` is what lets Vite bundle the worker and its imports (pdfmake, fonts).
    const w = new Worker(new URL('./pack.worker.ts', import.meta.url), { type: 'module', name: 'attache-pack' });
    w.addEventListener('message', onPreviewReply);
    // A worker that fails to load or dies while only previewing must say so, not leave the counts waiting.
    w.addEventListener('error', (event) => {
      if (worker !== w) return;
      const detail = event instanceof ErrorEvent && event.message ? event.message : '';
      const open = watcher;
      worker = undefined;
      w.terminate();
      open?.onError(detail ? windowText('error.pack.previewStoppedBecause', { detail }) : windowText('error.pack.previewStopped'));
    });
    worker = w;
    if (watcher) w.postMessage(watcher.watch);
  }
  return worker;
}

function discard(): void {
  worker?.terminate();
  worker = undefined;
  // The dialog is still open: its counts must keep following the workspace.
  if (watcher) spawn();
}

/**
 * Keep the dialog's counts current: `prepare` when the dialog opens, `update` with the options whenever
 * they change; `onPreview` gets the counts for the latest options, and again after every write that
 * changes them, until `stop`. Starting the worker early also means the first Generate need not wait for it.
 */
export function watchPackPreview(
  dbName: string,
  onPreview: (preview: PackPreview) => void,
  onError: (message: string) => void,
): { prepare: () => void; update: (options: PackOptions) => void; stop: () => void } {
  let mine: Watcher | undefined;
  return {
    prepare() {
      spawn().postMessage({ type: 'prepare', dbName } satisfies WorkerRequest);
    },
    update(options) {
      watcher = mine = { watch: { type: 'preview', seq: ++lastSeq, dbName, options: plain(options) }, onPreview, onError };
      // A new worker is sent the current watch as it starts.
      if (worker) worker.postMessage(watcher.watch);
      else spawn();
    },
    stop() {
      // A dialog opened again meanwhile has its own watch: leave it be. Otherwise release, also when this
      // dialog only prepared (nothing was chosen), so the worker drops its copy of the workspace.
      if (watcher && watcher !== mine) return;
      watcher = mine = undefined;
      worker?.postMessage({ type: 'release' } satisfies WorkerRequest);
    },
  };
}

/**
 * Render a pack of the workspace stored in IndexedDB database `dbName`. Rejects with the signal's
 * reason when aborted (the worker is terminated at once), EmptyPackError when nothing is selected,
 * or an Error with a message for the user.
 */
export function generatePack(
  dbName: string,
  options: PackOptions,
  hooks: { onProgress?: (p: PackProgress) => void; signal?: AbortSignal; copy?: PackCopy; format?: PackFormat } = {},
): Promise<GeneratedPack> {
  const { onProgress, signal, copy, format = 'pdf' } = hooks;
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
      if (!('run' in reply) || reply.run !== run) return;
      if (reply.type === 'progress') {
        onProgress?.(reply.progress);
        return;
      }
      cleanup();
      if (reply.type === 'done') resolve({ bytes: reply.bytes, pageCount: reply.pageCount });
      else if (reply.code === 'empty-selection') reject(new EmptyPackError(reply.message));
      else reject(fromUserErrorData(reply.error, reply.message));
    };
    const onError = (event: Event) => {
      cleanup();
      // A worker that failed to start or crashed is not reused.
      discard();
      const detail = event instanceof ErrorEvent && event.message ? event.message : '';
      reject(detail ? new UserError('error.pack.stoppedBecause', { detail }) : new UserError('error.pack.stopped'));
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
    const request: RenderRequest = { type: 'render', run, dbName, options: plain(options), format, ...(copy ? { copy: { ...copy } } : {}) };
    w.postMessage(request);
  });
}
