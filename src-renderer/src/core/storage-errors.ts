/**
 * Storage full: the one reading of the error and the one wording of it, for every place that writes.
 * A full disk, or the share of it the browser allows this origin, is not the user's mistake and loses
 * nothing (a failed IndexedDB transaction changes nothing), so the message says what is safe and what
 * to do, never a bare "QuotaExceededError".
 *
 * Plain TypeScript: errors are recognised by name, so this runs on Dexie's errors, the browser's
 * DOMExceptions and Node's alike without importing any of them.
 */
import { LOCALES, translate, type Locale, type MessageKey } from './i18n';

/** The names a full store reports: the standard one, and Firefox's for localStorage. */
const FULL_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * Whether `e`, or an error it wraps, says storage is full. Dexie names a request's quota error
 * `QuotaExceededError`, reports a transaction the browser aborted for it as an `AbortError` whose
 * `inner` is that error, and a failed bulk write as a `BulkError` listing `failures`; our own layers
 * wrap with `cause` (the import's "nothing was changed" error).
 */
export function isStorageFull(e: unknown): boolean {
  const seen = new Set<object>();
  const queue: unknown[] = [e];
  while (queue.length) {
    const x = queue.shift();
    if (!x || typeof x !== 'object' || seen.has(x)) continue;
    seen.add(x);
    const { name, inner, cause, failures } = x as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (typeof name === 'string' && FULL_NAMES.has(name)) return true;
    queue.push(inner, cause);
    if (Array.isArray(failures)) queue.push(...(failures as unknown[]));
  }
  return false;
}

/** What was being written when storage ran out: each says what became of it. */
export type StorageWrite = 'typing' | 'statement' | 'import' | 'restore' | 'change';

const AFTER = {
  typing: 'error.storageFull.typing',
  statement: 'error.storageFull.statement',
  import: 'error.storageFull.import',
  restore: 'error.storageFull.restore',
  change: 'error.storageFull.change',
} as const satisfies Record<StorageWrite, MessageKey>;

/** The message for a storage-full failure while doing `what`: what is full, then what became of the work (English unless told). */
export function storageFullMessage(what: StorageWrite, locale: Locale = 'en'): string {
  return `${translate(locale, 'error.storageFull')}. ${translate(locale, AFTER[what])}`;
}

/**
 * A failed save as one line: "Not saved: <reason>", except a storage-full message (in any language),
 * which already says what was and was not saved.
 */
export function notSaved(reason: string, locale: Locale = 'en'): string {
  return LOCALES.some((l) => reason.startsWith(translate(l, 'error.storageFull'))) ? reason : translate(locale, 'error.notSaved', { reason });
}
