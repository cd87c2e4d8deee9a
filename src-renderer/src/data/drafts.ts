/**
 * The half-written statement of each briefing, saved as it is typed so that a reload or a crash loses
 * at most the last keystrokes. Drafts are local (never synced) and are cleared when the statement is saved.
 */
import type { AttacheDb, Draft } from './db';

/**
 * A draft may hold far more than a statement may (a 100 KB paste must survive while the user trims it),
 * but not without bound: beyond this the draft keeps its first part and the editor says so.
 */
export const DRAFT_LIMIT = 1_000_000;

export type DraftInput = Omit<Draft, 'id' | 'updatedAt'>;

export function isEmptyDraft(d: DraftInput): boolean {
  return !d.text.trim() && d.tags.length === 0;
}

/** Save (or, when empty, clear) the draft of a briefing. Returns whether the text had to be cut to the limit. */
export async function saveDraft(db: AttacheDb, briefingId: string, draft: DraftInput, now = Date.now()): Promise<{ truncated: boolean }> {
  const truncated = draft.text.length > DRAFT_LIMIT;
  if (isEmptyDraft(draft) && !draft.speakerId) {
    await db.drafts.delete(briefingId);
    return { truncated };
  }
  await db.drafts.put({
    id: briefingId,
    speakerId: draft.speakerId,
    kind: draft.kind,
    text: truncated ? draft.text.slice(0, DRAFT_LIMIT) : draft.text,
    tags: [...draft.tags],
    updatedAt: now,
  });
  return { truncated };
}

export async function loadDraft(db: AttacheDb, briefingId: string): Promise<Draft | undefined> {
  return db.drafts.get(briefingId);
}
