/**
 * Live sync in the browser build: requests go straight to the configured server with fetch, which the page's
 * CSP allows only for the origin the build was served for (scripts/serve-web.mjs --live-origin). The settings
 * live in localStorage; the password and the team passphrase in sessionStorage (gone when the session ends)
 * unless the user asks to keep them in this browser (localStorage, unencrypted: said so in Settings).
 */
import { NO_LIVE_SETTINGS, type LiveSettings, type LiveSettingsInput, type LiveSettingsView } from '../core/live/settings';
import { LiveOffline, serverOrigin, type LiveTransport } from '../core/live/transport';
import { windowText } from '../core/errors';
import { fetchTransport } from '../data/live/fetch-transport';
import type { LiveBridge } from './bridge';

const SETTINGS_KEY = 'attache.live.settings';
const SECRETS_KEY = 'attache.live.secrets';

interface Secrets {
  password: string;
  passphrase: string;
}

function read<T>(storage: Storage, key: string): T | undefined {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function settingsNow(): LiveSettings {
  return { ...NO_LIVE_SETTINGS, ...read<Partial<LiveSettings>>(localStorage, SETTINGS_KEY) };
}

function secretsNow(): { secrets: Secrets; remembered: boolean } {
  const kept = read<Secrets>(localStorage, SECRETS_KEY);
  if (kept) return { secrets: kept, remembered: true };
  return { secrets: read<Secrets>(sessionStorage, SECRETS_KEY) ?? { password: '', passphrase: '' }, remembered: false };
}

function view(): LiveSettingsView {
  const { secrets, remembered } = secretsNow();
  return { ...settingsNow(), hasPassword: !!secrets.password, hasPassphrase: !!secrets.passphrase, kept: remembered ? 'browser-storage' : 'session', backend: 'browser' };
}

/** The origins the page's CSP lets it connect to (its meta tag), or undefined when there is none to read. */
function allowedOrigins(): string[] | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]');
  const directive = meta?.content
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('connect-src'));
  if (!directive) return undefined;
  return directive.split(/\s+/).slice(1);
}

export function browserLive(): LiveBridge {
  return {
    liveSettings: () => Promise.resolve(view()),
    saveLiveSettings(input: LiveSettingsInput) {
      const settings: LiveSettings = { enabled: input.enabled, url: input.url, db: input.db, user: input.user, ceiling: input.ceiling };
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
      const { secrets, remembered } = secretsNow();
      const next: Secrets = { password: input.password ?? secrets.password, passphrase: input.passphrase ?? secrets.passphrase };
      const remember = input.remember ?? remembered;
      localStorage.removeItem(SECRETS_KEY);
      sessionStorage.removeItem(SECRETS_KEY);
      (remember ? localStorage : sessionStorage).setItem(SECRETS_KEY, JSON.stringify(next));
      return Promise.resolve(view());
    },
    testLive(input: LiveSettingsInput) {
      const password = input.password ?? secretsNow().secrets.password;
      return fetchTransport({ url: input.url, db: input.db, user: input.user, password }).request({ method: 'GET', path: '', timeoutMs: 10_000 });
    },
    liveTeamPassphrase: () => Promise.resolve(secretsNow().secrets.passphrase),
    liveTransport(): LiveTransport {
      const s = settingsNow();
      if (!s.url || !s.db) return { request: () => Promise.reject(new LiveOffline(windowText('error.live.noServer'))) };
      return fetchTransport({ url: s.url, db: s.db, user: s.user, password: secretsNow().secrets.password });
    },
    liveReachProblem(url: string) {
      let origin: string;
      try {
        origin = serverOrigin(url);
      } catch {
        return undefined;
      }
      const allowed = allowedOrigins();
      if (!allowed || allowed.includes(origin) || allowed.includes('*')) return undefined;
      return `This browser build may connect only to the addresses it was served for; ask whoever serves Attaché to allow ${origin} (serve-web --live-origin ${origin}).`;
    },
  };
}
