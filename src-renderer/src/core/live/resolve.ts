/**
 * CouchDB revision conflicts (two clients pushed children of one revision, or two servers replicated) are
 * resolved by the file merge: every leaf is folded through `mergeRecord` in revision order, so every client
 * computes the same merged record; what loses becomes conflict log entries exactly as in a file import. The
 * writes that settle the conflict on the server are content-addressed (document.ts), so clients resolving
 * at once write the same revisions.
 */
import type { Conflict, StoredRecord, SyncedTable } from '../model';
import { conflictEntry, mergeRecord } from '../sync/merge';
import { couchWinner } from './document';
import type { OpenedRecord } from './document';

export interface Resolution {
  table: SyncedTable;
  merged: StoredRecord<SyncedTable>;
  /** Conflict log entries for the values that lost between the leaves. */
  entries: Conflict[];
  /** The leaf CouchDB shows as the document: the merged record's parent. */
  winnerRev: string;
  /** The other leaves: each gets a deletion child once the merge is on the server. */
  loserRevs: string[];
}

/** Fold the live leaves of one document. Leaves must be of one record; their order does not matter. */
export function resolveLeaves(leaves: readonly OpenedRecord[]): Resolution {
  if (!leaves.length) throw new Error('resolveLeaves needs at least one leaf');
  const sorted = [...leaves].sort((a, b) => (a.rev < b.rev ? -1 : a.rev > b.rev ? 1 : 0));
  const table = sorted[0]!.table;
  let merged = sorted[0]!.record;
  const entries = new Map<string, Conflict>();
  for (const leaf of sorted.slice(1)) {
    // A leaf of another table under the same id cannot come from Attaché: it is left out of the merge.
    if (leaf.table !== table) continue;
    const m = mergeRecord(table, merged, leaf.record);
    for (const c of m.conflicts) {
      const e = conflictEntry(c);
      entries.set(e.id, e);
    }
    if (m.result) merged = m.result;
  }
  const revs = sorted.map((l) => l.rev);
  const winnerRev = couchWinner(revs)!;
  return { table, merged, entries: [...entries.values()], winnerRev, loserRevs: revs.filter((r) => r !== winnerRev) };
}
