/**
 * Live sync in the desktop app's main process: the renderer has no network (its CSP says connect-src 'self'),
 * so the replicator's requests come over IPC and are made here with the same fetch transport the browser build
 * and the command line use, bound to the saved server, database and credentials — the renderer never chooses
 * a host. The settings live in `<userData>/live-sync.json`; the password and the team passphrase are wrapped by
 * the OS keychain (Electron's safeStorage, as the backups' key is), or kept in memory only where there is none.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';
import type { Keychain } from './backups';
import { NO_LIVE_SETTINGS, type LiveSettings, type LiveSettingsInput, type LiveSettingsView, type SecretKeeping } from '../src-renderer/src/core/live/settings';
import { fetchTransport } from '../src-renderer/src/data/live/fetch-transport';
import { LiveOffline, type LiveRequest, type LiveResponse } from '../src-renderer/src/core/live/transport';
import { windowText } from '../src-renderer/src/core/errors';
import { toBase64, fromBase64 } from '../src-renderer/src/core/sync/digest';

interface Stored {
  settings: LiveSettings;
  /** base64 of the keychain-wrapped secrets, when the keychain protects anything. */
  password?: string;
  passphrase?: string;
}

export class LiveStore {
  private settings: LiveSettings = { ...NO_LIVE_SETTINGS };
  private password = '';
  private passphrase = '';
  private loaded: Promise<void> | undefined;

  constructor(
    private readonly file: string,
    private readonly keychain: Keychain,
    private readonly fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
  ) {}

  private async keeping(): Promise<{ kept: SecretKeeping; backend: string }> {
    const { protection, backend } = await this.keychain.protection();
    return { kept: protection === 'os-keychain' ? 'os-keychain' : protection === 'weak-keychain' ? 'weak-keychain' : 'memory', backend };
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      let stored: Stored;
      try {
        stored = JSON.parse(await readFile(this.file, 'utf8')) as Stored;
      } catch {
        return;
      }
      this.settings = { ...NO_LIVE_SETTINGS, ...stored.settings };
      const open = async (b64: string | undefined) => {
        const bytes = b64 ? fromBase64(b64) : undefined;
        if (!bytes) return '';
        try {
          return (await this.keychain.unwrap(bytes)).secret;
        } catch {
          // A keychain that changed (another user, a reinstalled system) cannot open it: asked for again.
          return '';
        }
      };
      this.password = await open(stored.password);
      this.passphrase = await open(stored.passphrase);
    })();
    return this.loaded;
  }

  async view(): Promise<LiveSettingsView> {
    await this.load();
    return { ...this.settings, hasPassword: !!this.password, hasPassphrase: !!this.passphrase, ...(await this.keeping()) };
  }

  async save(input: LiveSettingsInput): Promise<LiveSettingsView> {
    await this.load();
    this.settings = { enabled: input.enabled, url: input.url, db: input.db, user: input.user, ceiling: input.ceiling };
    if (input.password !== undefined) this.password = input.password;
    if (input.passphrase !== undefined) this.passphrase = input.passphrase;
    const { kept } = await this.keeping();
    const stored: Stored = { settings: this.settings };
    if (kept !== 'memory') {
      if (this.password) stored.password = toBase64(await this.keychain.wrap(this.password));
      if (this.passphrase) stored.passphrase = toBase64(await this.keychain.wrap(this.passphrase));
    }
    await writeFileAtomic(this.file, new TextEncoder().encode(JSON.stringify(stored)));
    return this.view();
  }

  /** The team passphrase, for the renderer's key derivation ('' when none is kept). */
  async teamPassphrase(): Promise<string> {
    await this.load();
    return this.passphrase;
  }

  /** One request to the saved database (validated by the caller). */
  async request(req: LiveRequest): Promise<LiveResponse> {
    await this.load();
    if (!this.settings.url || !this.settings.db) throw new LiveOffline(windowText('error.live.noServer'));
    return fetchTransport({ url: this.settings.url, db: this.settings.db, user: this.settings.user, password: this.password }, this.fetchImpl).request(req);
  }

  /** Settings' "Test connection" with what is typed (the saved password when none is typed). */
  async test(input: LiveSettingsInput): Promise<LiveResponse> {
    await this.load();
    const password = input.password ?? this.password;
    return fetchTransport({ url: input.url, db: input.db, user: input.user, password }, this.fetchImpl).request({ method: 'GET', path: '', timeoutMs: 10_000 });
  }
}
