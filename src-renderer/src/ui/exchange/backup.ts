/**
 * Backups: a full, unencrypted export (createBackup) kept by the platform — in Electron the main process
 * writes it to the app's backup folder; in the browser, which keeps none, it is saved as a download.
 * The time and place of the last one are remembered locally (never synced) so the screen can show them.
 */
import { readLastBackup, rememberBackup, type LastBackup } from '../../data/backups';
import { createBackup, SYNC_MIME_TYPE, type LongTaskOptions } from '../../data/sync';
import type { Workspace } from '../../data/workspace';
import { platform } from '../../platform';
import { SYNC_FILTERS } from './fileName';

/** Electron keeps a backup this often while the app is open (and shortly after it starts). */
export const AUTO_BACKUP_EVERY_MS = 4 * 60 * 60 * 1000;
const FIRST_AUTO_BACKUP_AFTER_MS = 2 * 60 * 1000;


/** Make and keep one backup. Resolves to where it went, or null when the user cancelled the download dialog. */
export async function backUp(ws: Workspace, options: LongTaskOptions & { automatic?: boolean } = {}): Promise<string | null> {
  const bridge = platform();
  const { bytes, name } = await createBackup(ws, { appVersion: bridge.appVersion, onProgress: options.onProgress, signal: options.signal });
  let where = await bridge.writeBackup(name, bytes);
  if (where === null && !options.automatic) {
    where = await bridge.saveFile({ suggestedName: name, bytes, mimeType: SYNC_MIME_TYPE, filters: SYNC_FILTERS });
  }
  if (where !== null) {
    const last: LastBackup = { at: new Date().toISOString(), where, automatic: !!options.automatic };
    await rememberBackup(ws.db, last);
  }
  return where;
}

let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Periodic backups, in Electron only: a browser cannot write files without asking, and a download every
 * few hours would be a nuisance. Failures are logged, not shown: the user did not ask for this one.
 * Returns a function that stops it.
 */
export function startAutoBackup(ws: Workspace): () => void {
  if (platform().kind !== 'electron' || timer) return () => {};
  const run = async () => {
    try {
      const last = await readLastBackup(ws.db);
      const due = !last || Date.now() - new Date(last.at).getTime() >= AUTO_BACKUP_EVERY_MS - 60_000;
      if (due) await backUp(ws, { automatic: true });
    } catch (e) {
      console.error('Automatic backup failed', e);
    }
    timer = setTimeout(run, AUTO_BACKUP_EVERY_MS);
  };
  timer = setTimeout(run, FIRST_AUTO_BACKUP_AFTER_MS);
  return () => {
    clearTimeout(timer);
    timer = undefined;
  };
}
