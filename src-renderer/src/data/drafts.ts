/**
 * The half-written statement of each briefing, saved as it is typed so that a reload or a crash loses
 * at most the last keystrokes. Drafts are local (never synced) and are cleared when the statement is saved.
 * When storage is full the draft cannot go into IndexedDB either: it is kept in localStorage instead
 * (data/unsaved.ts) until IndexedDB takes it again.
 */
import { isStorageFull } from '../core/storage-errors';
import type { AttacheDb, Draft } from './db';
import { dropUnsaved, keepUnsaved, readUnsaved } from './unsaved';

const unsavedKey = (briefingId: string) => `draft.${briefingId}`;

/**
 * A draft may hold far more than a statement may (a 100 KB paste must survive while the user trims it),
 * but not without bound: beyond this the draft keeps its first part and the editor says so.
 */
export const DRAFT_LIMIT = 1_000_000;

export type DraftInput = Omit<Draft, 'id' | 'updatedAt'>;

export function isEmptyDraft(d: DraftInput): boolean {
  return !d.text.trim() && d.tags.length === 0;
}

/**
 * Save (or, when empty, clear) the draft of a briefing. Returns whether the text had to be cut to the limit.
 * Rejects when storage is full, after keeping the draft in localStorage, so that the caller can say so.
 */
export async function saveDraft(db: AttacheDb, briefingId: string, draft: DraftInput, now = Date.now()): Promise<{ truncated: boolean }> {
  const truncated = draft.text.length > DRAFT_LIMIT;
  if (isEmptyDraft(draft) && !draft.speakerId) {
    dropUnsaved(unsavedKey(briefingId));
    await db.drafts.delete(briefingId);
    return { truncated };
  }
  const record: Draft = {
    id: briefingId,
    speakerId: draft.speakerId,
    kind: draft.kind,
    text: truncated ? draft.text.slice(0, DRAFT_LIMIT) : draft.text,
    tags: [...draft.tags],
    updatedAt: now,
  };
  try {
    await db.drafts.put(record);
  } catch (e) {
    if (isStorageFull(e)) keepUnsaved(unsavedKey(briefingId), record);
    throw e;
  }
  dropUnsaved(unsavedKey(briefingId));
  return { truncated };
}

/** The briefing's draft: the one kept in localStorage when storage was full, if it is the newer. */
export async function loadDraft(db: AttacheDb, briefingId: string): Promise<Draft | undefined> {
  const stored = await db.drafts.get(briefingId);
  const kept = readUnsaved<Draft>(unsavedKey(briefingId));
  const rescued = kept && typeof kept.text === 'string' && Array.isArray(kept.tags) ? kept : undefined;
  return rescued && (!stored || rescued.updatedAt > stored.updatedAt) ? rescued : stored;
}
