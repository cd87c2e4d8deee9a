/**
 * Messages between the Pack dialog (pack-client.ts) and the pack worker (pack.worker.ts).
 *
 * The worker reads the workspace from IndexedDB itself rather than receiving it: the UI thread then
 * never holds or serialises the whole workspace. It answers two kinds of request: the dialog's live
 * counts (a preview it keeps current while the dialog is open, see pack-preview.ts), and Generate, for
 * which it builds the pack from one consistent snapshot taken when the user pressed the button.
 */
import type { UserErrorData } from '../core/errors';
import type { PackCopy } from '../core/document/pack';
import type { PackOptions } from '../core/pack/options';
import type { PackProgress } from '../core/pack/render';
import type { PackPreview } from '../core/pack/select';

/** Preview these options, now and after every relevant write, until the next watch or a release. */
export interface PreviewWatch {
  type: 'preview';
  /** Grows with every watch, so a preview of older options is never shown for newer ones. */
  seq: number;
  dbName: string;
  options: PackOptions;
}

/** The dialog opened: read what previews need before the first one is asked for. */
export interface PreviewPrepare {
  type: 'prepare';
  dbName: string;
}

/** The dialog closed: stop following writes and drop the copy of the workspace. */
export interface PreviewRelease {
  type: 'release';
}

export type PreviewReply =
  | { type: 'preview'; seq: number; preview: PackPreview }
  | { type: 'preview-error'; seq: number; message: string };

export type WorkerRequest = RenderRequest | PreviewPrepare | PreviewWatch | PreviewRelease;

export interface RenderRequest {
  type: 'render';
  /** Identifies the run, so a late message from an earlier run is never taken for this one. */
  run: number;
  /** IndexedDB name of the open workspace. */
  dbName: string;
  options: PackOptions;
  /** The numbered copy to render ("Copy n of N — recipient" on every page), if any. */
  copy?: PackCopy;
  /** A PDF (the default) or the same pack as a Word file. */
  format?: PackFormat;
}

export type PackFormat = 'pdf' | 'docx';

export type WorkerReply =
  | PreviewReply
  | { type: 'progress'; run: number; progress: PackProgress }
  /** `pageCount` is null for a Word file: Word lays out its own pages. */
  | { type: 'done'; run: number; bytes: Uint8Array; pageCount: number | null }
  /** `error`: a UserError's key and values (core/errors.ts), which a cloned Error would lose. */
  | { type: 'error'; run: number; code: 'empty-selection' | 'failed'; message: string; error?: UserErrorData };
