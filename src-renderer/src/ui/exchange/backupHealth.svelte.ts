/**
 * The last backup failure, for as long as no backup has worked since: the shell shows a lasting notice
 * (BackupAlert), the backup panels the reason. Kept in memory: a failure is about this session's backups.
 */
export interface BackupFailure {
  /** ISO time. */
  at: string;
  message: string;
  automatic: boolean;
}

class BackupHealth {
  failure = $state<BackupFailure | null>(null);
  /** The shell's notice was closed (the panels still show the failure). */
  dismissed = $state(false);

  failed(message: string, automatic: boolean, at = new Date().toISOString()): void {
    this.failure = { at, message, automatic };
    this.dismissed = false;
  }

  succeeded(): void {
    this.failure = null;
    this.dismissed = false;
  }
}

export const backupHealth = new BackupHealth();
