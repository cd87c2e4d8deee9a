/**
 * When and where the last backup went, remembered in this installation's own meta store (never synced:
 * a colleague's backups are not ours). Making the backup is ui/exchange/backup.ts: it needs the platform.
 */
import type { AttacheDb } from './db';

const LAST_BACKUP_KEY = 'lastBackup';

export interface LastBackup {
  /** ISO time it was made. */
  at: string;
  /** Where the platform put it: a path, or the name of a download. */
  where: string;
  automatic: boolean;
}

export async function readLastBackup(db: AttacheDb): Promise<LastBackup | undefined> {
  return (await db.meta.get(LAST_BACKUP_KEY))?.value as LastBackup | undefined;
}

export async function rememberBackup(db: AttacheDb, last: LastBackup): Promise<void> {
  await db.meta.put({ key: LAST_BACKUP_KEY, value: last });
}
