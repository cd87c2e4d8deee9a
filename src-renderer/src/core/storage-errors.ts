/**
 * Storage full: the one reading of the error and the one wording of it, for every place that writes.
 * A full disk, or the share of it the browser allows this origin, is not the user's mistake and loses
 * nothing (a failed IndexedDB transaction changes nothing), so the message says what is safe and what
 * to do, never a bare "QuotaExceededError".
 *
 * Plain TypeScript: errors are recognised by name, so this runs on Dexie's errors, the browser's
 * DOMExceptions and Node's alike without importing any of them.
 */

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

const FULL = 'The disk or the browser’s storage for Attaché is full';

const AFTER: Record<StorageWrite, string> = {
  typing: 'Nothing was lost: your text is kept here and in a draft on this computer, and everything saved before is intact. Free some disk space; saving then resumes by itself.',
  statement: 'The statement was not saved, but nothing was lost: it is kept here and in the draft, and everything saved before is intact. Free some disk space, then save it again.',
  import: 'Nothing was imported, and nothing already stored was changed. Free some disk space, then import the file again.',
  restore: 'Nothing was restored, and nothing already stored was changed. Free some disk space, then restore again.',
  change: 'This change was not saved; everything saved before is intact. Free some disk space, then try again.',
};

/** The message for a storage-full failure while doing `what`. */
export function storageFullMessage(what: StorageWrite): string {
  return `${FULL}. ${AFTER[what]}`;
}

/**
 * A failed save as one line: "Not saved: <reason>", except a storage-full message, which already says
 * what was and was not saved.
 */
export function notSaved(reason: string): string {
  return reason.startsWith(FULL) ? reason : `Not saved: ${reason}`;
}
