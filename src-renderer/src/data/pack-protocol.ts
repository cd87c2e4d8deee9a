/**
 * Messages between the Pack dialog (pack-client.ts) and the pack worker (pack.worker.ts).
 *
 * The worker reads the workspace from IndexedDB itself rather than receiving it: the UI thread then
 * never serialises the whole workspace (structured clone of a few thousand records costs the UI
 * tens of milliseconds per run), and the pack is built from one consistent snapshot taken when the
 * user pressed Generate.
 */
import type { PackOptions } from '../core/pack/options';
import type { PackProgress } from '../core/pack/render';

export interface RenderRequest {
  type: 'render';
  /** Identifies the run, so a late message from an earlier run is never taken for this one. */
  run: number;
  /** IndexedDB name of the open workspace. */
  dbName: string;
  options: PackOptions;
}

export type WorkerReply =
  | { type: 'progress'; run: number; progress: PackProgress }
  | { type: 'done'; run: number; bytes: Uint8Array; pageCount: number }
  | { type: 'error'; run: number; code: 'empty-selection' | 'failed'; message: string };
