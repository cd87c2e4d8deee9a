/**
 * Settings → Check this workspace → Repair: records already stored broken (before imports repaired them, or
 * written by other software straight into the database) are mended by the same deterministic rules an import
 * applies (core/sync/invariants.ts repairRecord), as ordinary local edits — stamped now by this installation,
 * so the repair travels to colleagues with the next file and every replica converges on it.
 */
import { FIELDS, type StoredRecord, type SyncedTable } from '../core/model';
import { sameValue } from '../core/records';
import { repairRecord } from '../core/sync/invariants';
import type { Workspace } from './workspace';

/** Repair these records where a rule can be repaired; resolves to how many records changed. Deleted records are left alone. */
export async function repairStoredRecords(ws: Workspace, targets: readonly { table: SyncedTable; recordId: string }[]): Promise<number> {
  const seen = new Set<string>();
  let changed = 0;
  for (const { table, recordId } of targets) {
    const key = `${table}/${recordId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const current = await ws.db.table<StoredRecord<SyncedTable>, string>(table).get(recordId);
    if (!current || current.deleted) continue;
    const { record } = repairRecord(table, current);
    if (!record || record === current) continue;
    const patch: Record<string, unknown> = {};
    for (const f of FIELDS[table]) {
      const after = (record as unknown as Record<string, unknown>)[f];
      if (!sameValue((current as unknown as Record<string, unknown>)[f], after)) patch[f] = after;
    }
    if (!Object.keys(patch).length) continue;
    await ws.update(table, recordId, patch);
    changed++;
  }
  return changed;
}
