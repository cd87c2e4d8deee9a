/**
 * Guard rails of the sync file: the one error type every sync failure is reported with, and the limits a
 * file must respect. Messages are one sentence naming what is wrong, because the preview shows them as is.
 */
import { MAX_DRIFT_MS, hlcWall, type Hlc } from '../hlc';
import { englishText } from '../user-error';
import type { MessageKey, MessageValues } from '../i18n';

export type SyncErrorCode =
  /** The bytes are not an Attaché sync file at all. */
  | 'not-sync-file'
  /** Written by a newer Attaché whose format this one cannot read. */
  | 'newer-version'
  /** The file ends early (cut off while copying or downloading). */
  | 'truncated'
  /** The integrity digest does not match: the file was changed after it was written. */
  | 'tampered'
  /** The file is encrypted and no passphrase was given. */
  | 'passphrase-required'
  /** Wrong passphrase, or the encrypted content was changed. */
  | 'wrong-passphrase'
  /** The content is readable but breaks the format (wrong types, unknown fields, bad ids, duplicates...). */
  | 'invalid'
  /** Something is larger than the limits allow. */
  | 'too-large'
  /** The import would delete more than half of the workspace and was not confirmed. */
  | 'mass-delete'
  /** The user (or a closing window) cancelled a long export or import. */
  | 'aborted'
  /** A command-line usage error. */
  | 'usage';

/**
 * A sync failure. The app's own refusals carry a message key and its values (SyncError.of), so the import
 * screen says them in the interface's language (messageOf, core/errors.ts); `message` is always the
 * English text, which the CLI prints. The CLI's usage errors are English only (`new SyncError(code, text)`).
 */
export class SyncError extends Error {
  // Set by SyncError.of only, and not enumerable: a SyncError compares equal to one made from its English text.
  declare readonly key?: MessageKey;
  declare readonly values?: MessageValues;
  /** Its second sentence, when it has one (a record, then the rule it breaks): see UserError. */
  declare readonly then?: MessageKey;
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  static of(code: SyncErrorCode, key: MessageKey, values: MessageValues = {}, then?: MessageKey): SyncError {
    const e = new SyncError(code, englishText(key, values, then));
    Object.defineProperties(e, { key: { value: key }, values: { value: values }, ...(then ? { then: { value: then } } : {}) });
    return e;
  }
}

export function isSyncError(e: unknown): e is SyncError {
  return e instanceof SyncError;
}

export const SYNC_LIMITS = {
  /** The header is small; a huge first line is not ours. */
  headerBytes: 64 * 1024,
  /** Far above any real workspace; protects the importer from a file that would exhaust memory. */
  fileBytes: 1024 * 1024 * 1024,
  /** Values whose shape is free (a pack's options, a conflict's losing value), measured as JSON text. */
  freeValueChars: 200_000,
  /**
   * Records per body line. Small on purpose: a line's text stays under V8's large-object size (~128 KB)
   * for typical records, so the strings made while encoding and decoding can die young, and validation
   * yields to the event loop at a fine grain.
   */
  recordsPerLine: 100,
  /**
   * And at most about this many characters in a line (one record longer than that still goes whole into a line of
   * its own): V8 parses a JSON text of 100 KB or more straight into the old generation, where the parsed objects,
   * garbage once validated, stay until the next full collection — the import's peak memory.
   */
  lineChars: 64 * 1024,
} as const;

/**
 * The size limit, one wording for the importer (which has the bytes) and the command line (which checks a
 * file's size before reading it, so a huge file is refused without being read).
 */
export function fileSizeProblem(bytes: number): SyncError | undefined {
  if (bytes <= SYNC_LIMITS.fileBytes) return undefined;
  return SyncError.of('too-large', 'error.sync.tooLarge', { size: Math.round(bytes / 2 ** 20), limit: SYNC_LIMITS.fileBytes / 2 ** 20 });
}

/**
 * The mass-delete rule, one place for the app's import and `attache sync merge`: turning more than half of
 * the live records (the conflict log aside) into tombstones needs an explicit confirmation. Returns the
 * refusal, or undefined when the deletion is within bounds.
 */
export function massDeleteProblem(liveBefore: number, deleting: number): { deleting: number; live: number } | undefined {
  return deleting > 0 && deleting * 2 > liveBefore ? { deleting, live: liveBefore } : undefined;
}

/** Stamps further ahead of our clock than MAX_DRIFT_MS are held back by the importer unless accepted. */
export function isFarFuture(clock: Hlc, now: number): boolean {
  return hlcWall(clock) > now + MAX_DRIFT_MS;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw SyncError.of('aborted', 'error.sync.aborted');
}

type Scheduler = { yield?: () => Promise<void> };

/** Let the event loop breathe (outside any database transaction): input and painting get their turn. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A yield that only really yields when `sliceMs` passed since the last one: chunked work stays
 * responsive without paying a timer's clamp for every small chunk.
 */
export function timeSlicer(sliceMs = 12): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < sliceMs) return;
    await yieldToEventLoop();
    last = Date.now();
  };
}
