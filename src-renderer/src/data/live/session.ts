/**
 * Live sync while the app runs: connect (proving the team passphrase), one full pass both ways, then a long
 * poll on `_changes` for colleagues' edits and a short poll of the workspace's newest clock for ours. A dropped
 * link is "offline — retrying" with a growing pause (1 s to 30 s); a refusal (credentials, wrong team key, a
 * batch the import refuses) stops until the settings change. Nothing here decides what merges: the
 * replicator and the import do.
 */
import { isSyncError } from '../../core/sync/guards';
import { messageOf } from '../../core/errors';
import { windowText } from '../../core/errors';
import { OFF, type LiveStatus } from '../../core/live/status';
import { LiveOffline, LiveRefused, type LiveTransport } from '../../core/live/transport';
import type { Workspace } from '../workspace';
import { dexieStore } from './dexie-store';
import { readCheckpoint } from './marks';
import { LiveReplicator } from './replicator';

export interface SessionOptions {
  ws: Workspace;
  transport: LiveTransport;
  passphrase: string;
  /** checkpointKey(url, db): one checkpoint per server and database. */
  checkpointKey: string;
  /** Create the database and its team document if missing, with this ceiling. */
  create?: boolean;
  ceilingForNewDatabase?: string | null;
  onStatus: (s: LiveStatus) => void;
  /** How often the workspace is checked for local edits to send. */
  pushPollMs?: number;
  /** How long one `_changes` long poll waits for a colleague's edit. */
  longPollMs?: number;
}

const BACKOFF_MS = [1000, 2000, 5000, 10_000, 30_000];

export class LiveSession {
  private stopped = false;
  private abort = new AbortController();
  private wake: (() => void) | undefined;
  private status: LiveStatus = { ...OFF };
  private readonly rep: LiveReplicator;
  private done: Promise<void> | undefined;

  constructor(private readonly o: SessionOptions) {
    this.rep = new LiveReplicator({
      transport: o.transport,
      store: dexieStore(o.ws, o.checkpointKey),
      passphrase: o.passphrase,
      create: o.create,
      ceilingForNewDatabase: o.ceilingForNewDatabase,
      onStatus: (s) => this.report(s),
      now: () => o.ws.nowMs(),
    });
  }

  private report(s: Partial<LiveStatus>): void {
    this.status = { ...this.status, ...s };
    this.o.onStatus(this.status);
  }

  start(): void {
    this.done ??= this.loop();
  }

  /** A local edit was made: send it without waiting for the next poll. */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wake?.();
    await this.done?.catch(() => undefined);
    // The pull's opening worker, if one started, goes with the session.
    this.rep.close();
    this.report({ ...OFF });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  private async loop(): Promise<void> {
    const last = await readCheckpoint(this.o.ws.db, this.o.checkpointKey);
    this.report({ lastSyncedAt: last.lastSyncedAt });
    let failures = 0;
    while (!this.stopped) {
      this.abort = new AbortController();
      try {
        await this.rep.connect(this.abort.signal);
        await this.rep.syncOnce(this.abort.signal);
        failures = 0;
        await Promise.race([this.pullLoop(), this.pushLoop()]);
      } catch (e) {
        if (this.stopped) return;
        this.abort.abort();
        if (e instanceof LiveOffline) {
          this.report({ state: 'offline', reason: messageOf(e), pending: 0 });
          await this.sleep(BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]!);
          continue;
        }
        // In the window's language: a SyncError by its key (a wrong team passphrase, a foreign database), the others as said.
        const reason = e instanceof LiveRefused || isSyncError(e) ? messageOf(e) : windowText('error.live.unexpected', { reason: messageOf(e) });
        this.report({ state: 'refused', reason, pending: 0 });
        return;
      }
    }
  }

  /** Colleagues' edits: one long poll after another. */
  private async pullLoop(): Promise<void> {
    while (!this.stopped) {
      await this.rep.pull({ signal: this.abort.signal, longPollMs: this.o.longPollMs ?? 25_000 });
      this.synced();
    }
  }

  /** Our edits: sent as soon as the workspace's newest clock passes the push mark. */
  private async pushLoop(): Promise<void> {
    const store = dexieStore(this.o.ws, this.o.checkpointKey);
    while (!this.stopped) {
      const [newest, c] = await Promise.all([store.newestClock(), store.loadCheckpoint()]);
      if (newest && newest > c.pushedUpTo) {
        await this.rep.push({ signal: this.abort.signal });
        this.synced();
      }
      await this.sleep(this.o.pushPollMs ?? 300);
    }
  }

  private synced(): void {
    this.report({ state: 'connected', pending: 0, reason: '', lastSyncedAt: new Date(this.o.ws.nowMs()).toISOString() });
  }
}
