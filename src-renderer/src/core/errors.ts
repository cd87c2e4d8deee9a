import { isStorageFull, storageFullMessage } from './storage-errors';

/**
 * The message of anything thrown, for one-line reports: an Error's message, or the thrown value as text.
 * Storage full gets its own wording (core/storage-errors.ts) wherever it is reported.
 */
export function messageOf(e: unknown): string {
  if (isStorageFull(e)) return storageFullMessage('change');
  return e instanceof Error ? e.message : String(e);
}
