/**
 * The workspace's storage as Settings shows it. Persistence is settled once at start (main.ts) — asked
 * for in the browser build, only read in the desktop app, whose storage is durable already — so that a
 * browser that refuses is known before anything is typed; Settings refreshes the figures when it opens.
 */
import { ensurePersistence, storageUse, type Persistence, type StorageUse } from '../../data/storage';
import { platform } from '../../platform';

class StorageState {
  /** Null until the start-up check has answered. */
  persistence = $state<Persistence | null>(null);
  use = $state.raw<StorageUse | undefined>(undefined);
  private started: Promise<void> | undefined;

  start(): Promise<void> {
    this.started ??= ensurePersistence(platform().kind === 'browser').then((p) => {
      this.persistence = p;
    });
    return this.started;
  }

  async refresh(): Promise<void> {
    await this.start();
    this.use = await storageUse();
  }

  /** Ask again, when the user asks: a browser may agree once the page is bookmarked or installed. */
  async askAgain(): Promise<void> {
    this.persistence = await ensurePersistence(true);
    this.use = await storageUse();
  }
}

export const storageState = new StorageState();
