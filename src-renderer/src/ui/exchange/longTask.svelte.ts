/**
 * One long sync operation at a time per panel (export, import, backup): its progress for the bar, its
 * AbortController for the Cancel button, and the one-sentence message of how it failed.
 */
import { messageOf } from '../../core/errors';
import { isStorageFull, storageFullMessage } from '../../core/storage-errors';
import { isSyncError, type LongTaskOptions, type SyncPhase, type SyncProgress } from '../../data/sync';

const PHASES: Record<SyncPhase, string> = {
  reading: 'reading',
  verifying: 'checking integrity',
  decrypting: 'decrypting',
  validating: 'checking the records',
  comparing: 'comparing with your workspace',
  applying: 'applying',
  encrypting: 'encrypting',
  writing: 'writing the file',
};

export function phaseLabel(phase: SyncPhase | ''): string {
  return phase ? PHASES[phase] ?? phase : '';
}

/** A failure as one sentence for the screen: the engine's own message, or a generic one that says nothing changed. */
export function errorMessage(e: unknown, what: string): string {
  if (isSyncError(e)) return e.message;
  // Before the engine's own wording, which wraps the storage error it met.
  if (isStorageFull(e)) return storageFullMessage(what === 'import' || what === 'restore' ? what : 'change');
  const detail = messageOf(e);
  // The engine already words its own failures for the screen.
  if (/nothing was changed/i.test(detail)) return detail;
  return `The ${what} failed and nothing was changed (${detail.replace(/[.\s]+$/, '')}).`;
}

export function wasCancelled(e: unknown): boolean {
  return isSyncError(e) && e.code === 'aborted';
}

export class LongTask {
  running = $state(false);
  progress = $state<SyncProgress | null>(null);
  private controller: AbortController | null = null;

  /** Progress callback and signal to hand to the engine; progress updates are coalesced to one per frame. */
  private options(): LongTaskOptions {
    this.controller = new AbortController();
    let pending: SyncProgress | null = null;
    let scheduled = false;
    return {
      signal: this.controller.signal,
      onProgress: (p) => {
        pending = p;
        if (scheduled) return;
        scheduled = true;
        requestAnimationFrame(() => {
          scheduled = false;
          if (this.running) this.progress = pending;
        });
      },
    };
  }

  async run<T>(work: (options: LongTaskOptions) => Promise<T>): Promise<T> {
    this.running = true;
    this.progress = null;
    try {
      return await work(this.options());
    } finally {
      this.running = false;
      this.progress = null;
      this.controller = null;
    }
  }

  cancel(): void {
    this.controller?.abort();
  }

  get phase(): string {
    return phaseLabel(this.progress?.phase ?? '');
  }
}
