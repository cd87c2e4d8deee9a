/**
 * A deletion meeting edits it never saw. The merge decides the `deleted` field like any other (the newer stamp
 * wins), so a record deleted on one side and edited on the other ends deleted, with the edits kept inside the
 * tombstone. Those edits must not vanish without a trace: this finds them, so that the merge logs the losing
 * live state and the conflict log can bring the record back (reversing the entry restores it, with the
 * edits). Pure; used by `mergeRecord`.
 */
import { FIELDS, type StoredRecord, type SyncedTable } from '../model';
import { sameValue } from '../records';
import type { FieldConflict } from './merge';

/**
 * The conflict to log when the merged record is deleted although the side that was live holds edits the
 * deleting side never had (its own stamp of that field is older: had it received the edit, the stamps would be
 * equal). Undefined when the deletion replaced only what the deleting side had seen.
 */
export function editsHiddenByDelete<T extends SyncedTable>(table: T, local: StoredRecord<T>, incoming: StoredRecord<T>, mergedDeleted: 0 | 1): FieldConflict | undefined {
  if (mergedDeleted !== 1 || table === 'conflicts' || local.deleted === incoming.deleted) return undefined;
  // One side was live and the merged record is deleted: the other side's deletion won.
  const [live, dead, winnerSide]: [StoredRecord<T>, StoredRecord<T>, FieldConflict['winnerSide']] =
    local.deleted === 0 ? [local, incoming, 'incoming'] : [incoming, local, 'local'];
  const lv = live as unknown as Record<string, unknown> & StoredRecord<T>;
  const dv = dead as unknown as Record<string, unknown> & StoredRecord<T>;
  const unseen = FIELDS[table].some((f) => lv.stamps[f]!.c > dv.stamps[f]!.c && !sameValue(lv[f], dv[f]));
  if (!unseen) return undefined;
  return {
    table,
    recordId: local.id,
    field: 'deleted',
    winner: { value: 1, stamp: dead.stamps.deleted! },
    loser: { value: 0, stamp: live.stamps.deleted! },
    winnerSide,
  };
}
