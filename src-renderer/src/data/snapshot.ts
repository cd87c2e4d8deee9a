import { SYNCED_TABLES, emptyWorkspaceData, type WorkspaceData } from '../core/model';
import type { AttacheDb } from './db';

/** Every record (tombstones included unless `liveOnly`) in one consistent read. */
export async function readWorkspaceData(db: AttacheDb, options: { liveOnly?: boolean } = {}): Promise<WorkspaceData> {
  const data = emptyWorkspaceData();
  await db.transaction('r', SYNCED_TABLES.map((t) => db.table(t)), async () => {
    for (const t of SYNCED_TABLES) {
      const rows = await db.table(t).toArray();
      (data as Record<string, unknown[]>)[t] = options.liveOnly ? rows.filter((r: { deleted: number }) => r.deleted === 0) : rows;
    }
  });
  return data;
}
