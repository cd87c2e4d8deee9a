/**
 * Backups: a full export (createBackup) kept by the platform — in Electron the main process names it, encrypts
 * it where the OS keychain allows, writes it to the app's backup folder and rotates; in the browser, which
 * keeps none, it is saved as a download. The time and place of the last one are remembered locally (never
 * synced) so the screen can show them; a failure is kept in `backupHealth` so the shell and the backup
 * panels can say so.
 */
import { readLastBackup, rememberBackup, type LastBackup } from '../../data/backups';
import type { LongTaskOptions } from '../../data/sync';
import { SYNC_MIME_TYPE } from '../../core/sync/file-type';
import type { Workspace } from '../../data/workspace';
import { platform } from '../../platform';
import { messageOf } from '../../core/errors';
import { backupHealth } from './backupHealth.svelte';
import { locale, t } from '../app/locale.svelte';
import { syncFilters } from './fileName';

/** Electron keeps a backup this often while the app is open (and shortly after it starts). */
export const AUTO_BACKUP_EVERY_MS = 4 * 60 * 60 * 1000;
const FIRST_AUTO_BACKUP_AFTER_MS = 2 * 60 * 1000;


export type BackupResult =
  /** Kept by the platform (Electron) or saved as a download (browser). */
  | { kind: 'saved'; where: string }
  /** Not written because one was made moments ago (the main process limits how often). */
  | { kind: 'skipped'; reason: string }
  /** The user closed the download dialog. */
  | { kind: 'cancelled' };

/**
 * Make and keep one backup. A failure is recorded in backupHealth (and rethrown); a backup that works clears it.
 */
export async function backUp(ws: Workspace, options: LongTaskOptions & { automatic?: boolean } = {}): Promise<BackupResult> {
  const bridge = platform();
  try {
    // The exchange's code is loaded on the first backup, not with the window (the shell starts the timer).
    const { createBackup } = await import('../../data/sync');
    const { bytes, name } = await createBackup(ws, { appVersion: bridge.appVersion, onProgress: options.onProgress, signal: options.signal });
    const outcome = await bridge.requestBackup(bytes, { explicit: !options.automatic });
    if (outcome.status === 'skipped') return { kind: 'skipped', reason: outcome.reason };
    let where: string | null = outcome.status === 'written' ? outcome.where : null;
    if (outcome.status === 'not-kept' && !options.automatic) {
      where = await bridge.saveFile({ suggestedName: name, bytes, mimeType: SYNC_MIME_TYPE, filters: syncFilters(t('exchange.fileKind')) });
    }
    if (where === null) return { kind: 'cancelled' };
    const last: LastBackup = { at: new Date().toISOString(), where, automatic: !!options.automatic };
    await rememberBackup(ws.db, last);
    backupHealth.succeeded();
    return { kind: 'saved', where };
  } catch (e) {
    if (!options.signal?.aborted) backupHealth.failed(messageOf(e, locale.current), !!options.automatic);
    throw e;
  }
}

/** Why a backup failed, as one sentence for the screen, saying that nothing was lost. */
export function backupFailureText(e: unknown): string {
  const reason = messageOf(e, locale.current).replace(/[.\s]*$/, '.');
  // Two sentences: that nothing was lost, then why.
  return `${t('exchange.backup.failed')} ${reason}`;
}

let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Periodic backups, in Electron only: a browser cannot write files without asking, and a download every
 * few hours would be a nuisance. A failure is not a dialog (the user did not ask for this one) but a
 * lasting notice in the shell and the backup panels (backupHealth), with the reason.
 * Returns a function that stops it.
 */
export function startAutoBackup(ws: Workspace): () => void {
  if (platform().kind !== 'electron' || timer) return () => {};
  // A failure the main process saw before this page (preparing the backup folder at start) is shown too.
  platform()
    .backupStatus()
    .then((status) => {
      if (status.lastError && !backupHealth.failure) backupHealth.failed(status.lastError.message, true, status.lastError.at);
    })
    .catch(() => {});
  const run = async () => {
    try {
      const last = await readLastBackup(ws.db);
      const due = !last || Date.now() - new Date(last.at).getTime() >= AUTO_BACKUP_EVERY_MS - 60_000;
      if (due) await backUp(ws, { automatic: true });
    } catch (e) {
      console.error('Automatic backup failed', e);
    }
    timer = setTimeout(() => void run(), AUTO_BACKUP_EVERY_MS);
  };
  // `run` catches its own failures: nothing to await.
  timer = setTimeout(() => void run(), FIRST_AUTO_BACKUP_AFTER_MS);
  return () => {
    clearTimeout(timer);
    timer = undefined;
  };
}
