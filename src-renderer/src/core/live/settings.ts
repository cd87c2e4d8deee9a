/**
 * Live sync's settings as Settings → Live sync edits them and each platform keeps them: the address, database
 * and user in the clear; the server password and the team passphrase as secrets (the OS keychain in the
 * desktop app; in the browser build only for the session unless the user asks to keep them). One check for
 * the screen, the bridge's validation in the main process, and the tests.
 */
import { databaseNameProblem, serverUrlProblem } from './transport';

export interface LiveSettings {
  enabled: boolean;
  url: string;
  db: string;
  user: string;
  /** The ceiling (a level id) for a database this client creates; an existing database's own ceiling wins. */
  ceiling: string | null;
}

/** Where the secrets are kept, as Settings says it. */
export type SecretKeeping = 'os-keychain' | 'weak-keychain' | 'memory' | 'session' | 'browser-storage';

export interface LiveSettingsView extends LiveSettings {
  hasPassword: boolean;
  hasPassphrase: boolean;
  kept: SecretKeeping;
  /** The keychain's name ("gnome_libsecret", "keychain", "dpapi", "basic_text"…), or "browser". */
  backend: string;
}

export interface LiveSettingsInput extends LiveSettings {
  /** Omitted: keep the one saved. '' clears it. */
  password?: string;
  passphrase?: string;
  /** Browser build only: keep the secrets in this browser's storage beyond the session. */
  remember?: boolean;
}

export const NO_LIVE_SETTINGS: LiveSettings = { enabled: false, url: '', db: '', user: '', ceiling: null };

export const MAX_SECRET = 1000;

/** Field → one sentence, or undefined when the settings can be saved (empty address and database are fine while off). */
export function liveSettingsProblems(s: LiveSettingsInput): Record<string, string> | undefined {
  const errors: Record<string, string> = {};
  if (s.url || s.enabled) {
    const p = serverUrlProblem(s.url);
    if (p) errors.url = p;
  }
  if (s.db || s.enabled) {
    const p = databaseNameProblem(s.db);
    if (p) errors.db = p;
  }
  if (s.user.length > 200) errors.user = 'The user name is too long.';
  if ((s.password?.length ?? 0) > MAX_SECRET) errors.password = 'The password is too long.';
  if ((s.passphrase?.length ?? 0) > MAX_SECRET) errors.passphrase = 'The team passphrase is too long.';
  if (s.ceiling !== null && (s.ceiling.length === 0 || s.ceiling.length > 60)) errors.ceiling = 'Choose a classification level.';
  return Object.keys(errors).length ? errors : undefined;
}

/** What Settings says about where the secrets are kept. */
export function keepingSentence(kept: SecretKeeping, backend: string): string {
  switch (kept) {
    case 'os-keychain':
      return `The password and the team passphrase are kept encrypted with this computer’s keychain (${backend}).`;
    case 'weak-keychain':
      return `This computer offers no real keychain (${backend}): the password and the team passphrase are kept with a fixed key that protects little. Prefer a desktop session with a keyring.`;
    case 'memory':
      return 'This computer offers no keychain: the password and the team passphrase are kept only until Attaché closes, and asked for again at the next start.';
    case 'session':
      return 'The browser keeps the password and the team passphrase only for this session (until the tab or browser closes), unless you tick “Keep them in this browser”.';
    case 'browser-storage':
      return 'The password and the team passphrase are kept in this browser’s storage, unencrypted, for anyone who uses this browser profile.';
  }
}
