/**
 * Reading the conflict log: the open entries (newest first, as many as a screen shows) and the most
 * recently reviewed ones, each with the record it is about as stored now. Restoring and dismissing
 * entries are edits, in data/sync.ts. Read inside a live query so that a restore shows up at once.
 */
import type { Conflict, StoredRecord, SyncedTable } from '../core/model';
import type { AttacheDb } from './db';

export interface ConflictEntry {
  conflict: Conflict;
  /** The record as stored now; undefined when it is not in this workspace. */
  record: StoredRecord<SyncedTable> | undefined;
}

export interface ConflictLogEntries {
  open: ConflictEntry[];
  /** Every open entry, also those beyond the ones returned. */
  openTotal: number;
  reviewed: ConflictEntry[];
}

export async function readConflictEntries(db: AttacheDb, limits: { open: number; reviewed: number }): Promise<ConflictLogEntries> {
  const entries = await db.conflicts.where('resolution').equals('').filter((c) => c.deleted === 0).toArray();
  entries.sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0));
  // Newest first off the hlc index; resolved entries are few enough to filter.
  const reviewed: Conflict[] = [];
  await db.conflicts
    .orderBy('hlc')
    .reverse()
    .until(() => reviewed.length >= limits.reviewed)
    .each((c) => {
      if (c.deleted === 0 && c.resolution !== '') reviewed.push(c);
    });
  const withRecord = (c: Conflict): Promise<ConflictEntry> =>
    (db.table(c.table).get(c.recordId) as Promise<StoredRecord<SyncedTable> | undefined>).then((record) => ({ conflict: c, record }));
  const [open, done] = await Promise.all([Promise.all(entries.slice(0, limits.open).map(withRecord)), Promise.all(reviewed.map(withRecord))]);
  return { open, openTotal: entries.length, reviewed: done };
}
