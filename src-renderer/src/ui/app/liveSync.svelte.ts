/**
 * Live sync while the app is open: reads the saved settings from the platform, runs one LiveSession
 * (data/live/session.ts) when they say on, and holds its status for the status line and Settings. Off by
 * default; switching it on or changing the settings restarts the session.
 */
import { messageOf } from '../../core/errors';
import { OFF, type LiveStatus } from '../../core/live/status';
import type { LiveSettingsInput, LiveSettingsView } from '../../core/live/settings';
import { checkpointKey } from '../../data/live/marks';
import type { LiveSession } from '../../data/live/session';
import { platform } from '../../platform';
import { session } from './session.svelte';
import { locale, t } from './locale.svelte';

class LiveSyncController {
  status = $state.raw<LiveStatus>({ ...OFF });
  settings = $state.raw<LiveSettingsView | undefined>(undefined);
  private running: LiveSession | undefined;
  private started = false;
  /** Bumped by every restart: one overtaken while it awaited starts nothing. */
  private generation = 0;

  /** Once the workspace is open: load the settings and start when they say on. */
  async init(): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      this.settings = await platform().liveSettings();
    } catch (e) {
      console.error('Live sync settings could not be read', e);
      return;
    }
    await this.restart();
  }

  async save(input: LiveSettingsInput): Promise<LiveSettingsView> {
    this.settings = await platform().saveLiveSettings(input);
    await this.restart();
    return this.settings;
  }

  async restart(): Promise<void> {
    const run = ++this.generation;
    const old = this.running;
    this.running = undefined;
    await old?.stop();
    this.status = { ...OFF };
    const s = this.settings;
    if (!s?.enabled) return;
    const refuse = (reason: string) => (this.status = { ...OFF, state: 'refused', reason });
    const reach = platform().liveReachProblem(s.url);
    if (reach) return void refuse(reach);
    let passphrase: string;
    try {
      passphrase = await platform().liveTeamPassphrase();
    } catch (e) {
      return void refuse(messageOf(e, locale.current));
    }
    if (!passphrase) return void refuse(t('shell.live.needPassphrase'));
    // The replicator is loaded only by a workspace that syncs live (most never do): not with every window.
    const { LiveSession } = await import('../../data/live/session');
    if (run !== this.generation) return;
    const live = new LiveSession({
      ws: session.ws,
      transport: platform().liveTransport(),
      passphrase,
      checkpointKey: checkpointKey(s.url, s.db),
      create: true,
      ceilingForNewDatabase: s.ceiling,
      onStatus: (status) => {
        if (this.running === live) this.status = status;
      },
    });
    this.running = live;
    live.start();
  }
}

export const liveSync = new LiveSyncController();
