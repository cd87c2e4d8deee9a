/**
 * Save-as-you-type: each field's latest value is written after a short pause, and everything pending is
 * written at once on blur, on leaving the screen, or when the page is hidden or closed. Plain TypeScript
 * (timers only) so it is tested in Node; the screens wire it to the DOM events.
 */
import { isStorageFull } from '../core/storage-errors';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

interface Pending {
  run: () => Promise<void>;
  timer: ReturnType<typeof setTimeout>;
}

export class Autosaver {
  private pending = new Map<string, Pending>();
  private inFlight = 0;
  private chain: Promise<void> = Promise.resolve();
  status: SaveStatus = 'idle';

  constructor(
    private readonly delayMs = 400,
    private readonly onstatus: (status: SaveStatus, error?: unknown) => void = () => {},
    /** How long a write refused for lack of storage waits before it is tried again. */
    private readonly retryMs = 5000,
  ) {}

  /** Schedule `run` for `key`, replacing anything still waiting for that key. */
  schedule(key: string, run: () => Promise<void>, delayMs = this.delayMs): void {
    const existing = this.pending.get(key);
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => void this.flush(key), delayMs);
    this.pending.set(key, { run, timer });
    this.set('pending');
  }

  /** Drop a waiting save (the value became invalid again). */
  cancel(key: string): void {
    const existing = this.pending.get(key);
    if (!existing) return;
    clearTimeout(existing.timer);
    this.pending.delete(key);
    if (!this.pending.size && !this.inFlight) this.set('saved');
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  /** Write one key now (or every key when none is given). Writes run one after another, in order. */
  flush(key?: string): Promise<void> {
    const keys = key === undefined ? [...this.pending.keys()] : this.pending.has(key) ? [key] : [];
    for (const k of keys) {
      const p = this.pending.get(k)!;
      clearTimeout(p.timer);
      this.pending.delete(k);
      this.inFlight++;
      // A retry after an error stays quietly in 'error' until it works: no "Saving…" flicker every few seconds.
      if (this.status !== 'error') this.set('saving');
      this.chain = this.chain.then(async () => {
        try {
          await p.run();
          this.inFlight--;
          if (!this.inFlight && !this.pending.size) this.set('saved');
        } catch (e) {
          this.inFlight--;
          // Storage full is cured by freeing space, not by the user typing again: the value waits and is
          // tried again (unless a newer one for the key is already waiting) instead of being dropped.
          if (isStorageFull(e) && !this.pending.has(k)) this.pending.set(k, { run: p.run, timer: setTimeout(() => void this.flush(k), this.retryMs) });
          this.set('error', e);
        }
      });
    }
    return this.chain;
  }

  private set(status: SaveStatus, error?: unknown) {
    this.status = status;
    this.onstatus(status, error);
  }
}
