/**
 * One long sync operation at a time per panel (export, import, backup): its progress for the bar, its
 * AbortController for the Cancel button, and the one-sentence message of how it failed.
 */
import { messageOf } from '../../core/errors';
import { isStorageFull, storageFullMessage } from '../../core/storage-errors';
import { MESSAGES, type MessageKey } from '../../core/i18n';
import { isSyncError, type LongTaskOptions, type SyncPhase, type SyncProgress } from '../../data/sync';
import { locale, t } from '../app/locale.svelte';

/** A phase of the sync engine in the interface's language (`exchange.phase.*`); one it does not know, as named. */
export function phaseLabel(phase: SyncPhase | ''): string {
  const key = `exchange.phase.${phase}`;
  return !phase ? '' : Object.hasOwn(MESSAGES.en, key) ? t(key as MessageKey) : phase;
}

/** A failure as one sentence for the screen: the engine's own message, or a generic one that says nothing changed. */
export function errorMessage(e: unknown, what: 'export' | 'import' | 'restore' | 'dismissal' | 'file selection'): string {
  if (isSyncError(e)) return messageOf(e, locale.current);
  // Before the engine's own wording, which wraps the storage error it met.
  if (isStorageFull(e)) return storageFullMessage(what === 'import' || what === 'restore' ? what : 'change');
  // The engine already words its own failures for the screen (checked in English, whatever the language shown).
  if (/nothing was changed/i.test(messageOf(e))) return messageOf(e, locale.current);
  const detail = messageOf(e, locale.current).replace(/[.\s]+$/, '');
  return t('exchange.failed', { what: what === 'file selection' ? 'other' : what, detail });
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
