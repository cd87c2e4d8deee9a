import type { LiveSettingsInput, LiveSettingsView } from '../core/live/settings';
import type { LiveRequest, LiveResponse, LiveTransport } from '../core/live/transport';

/**
 * Everything the UI needs from the platform, behind one interface. The Electron implementation goes
 * through the preload API (native dialogs, files on disk); the browser implementation uses downloads
 * and file inputs. The UI never checks which one it has.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * What protects the kept backups: encrypted with a key the operating system's keychain holds; unencrypted
 * because the only keychain protects nothing (Linux "basic_text"); unencrypted because there is none.
 */
export type BackupProtection = 'os-keychain' | 'weak-keychain' | 'none';

/** One kept backup. `id` is its file name in the backup folder. */
export interface BackupEntry {
  id: string;
  /** ISO time it was made. */
  at: string;
  size: number;
  encrypted: boolean;
}

export interface BackupStatus {
  /** Where the platform keeps backups; null where it keeps none (the browser: a backup is a download). */
  folder: string | null;
  protection: BackupProtection;
  /** The keychain's name ("gnome_libsecret", "keychain", "dpapi", "basic_text", …), or "browser". */
  backend: string;
  lastBackup: BackupEntry | null;
  /** The last failure the platform saw (cleared by the next backup that works). */
  lastError: { at: string; message: string } | null;
}

export type BackupOutcome =
  | { status: 'written'; where: string; backup: BackupEntry }
  /** Not written: one was made moments ago (the main process limits how often), or one is being written. */
  | { status: 'skipped'; reason: string; retryInMs: number }
  /** The platform keeps no backups (the browser): the caller offers a download instead. */
  | { status: 'not-kept' };

export interface Bridge extends LiveBridge {
  readonly kind: 'electron' | 'browser';
  readonly appVersion: string;
  /** The operating system's preferred languages, most preferred first (BCP 47 tags, such as "fr-FR"). */
  readonly systemLocales: readonly string[];
  /** Save bytes where the user chooses. Resolves to the saved file's name, or null if the user cancelled. */
  saveFile(options: { suggestedName: string; bytes: Uint8Array; mimeType: string; filters: FileFilter[] }): Promise<string | null>;
  /** Let the user pick one file. Resolves to null if the user cancelled. */
  openFile(options: { filters: FileFilter[] }): Promise<PickedFile | null>;
  /** Keep a backup of these bytes (a full export); `explicit` when the user asked for it. */
  requestBackup(bytes: Uint8Array, options: { explicit: boolean }): Promise<BackupOutcome>;
  backupStatus(): Promise<BackupStatus>;
  /** The kept backups, newest first (none in the browser). */
  listBackups(): Promise<BackupEntry[]>;
  /** One kept backup's content, decrypted: a sync file. Rejects with the reason if it is damaged or not ours. */
  readBackup(id: string): Promise<Uint8Array>;
  /**
   * Show a notification through the system (the follow-ups due today). Resolves to false where none can be
   * shown: no notification centre, or the browser's permission not given.
   */
  notify(message: Notice): Promise<boolean>;
  /** Whether notifications may be shown, asking the user first where the platform asks (the browser). */
  allowNotifications(): Promise<boolean>;
  /** Whether notifications may be shown now, without asking: 'ask' where the user has not been asked yet. */
  notificationPermission(): 'granted' | 'denied' | 'ask';
  /**
   * A fingerprint of this machine (a hash), so that a profile copied to another computer is noticed and takes a
   * new node id (data/machine.ts); null where the platform cannot tell machines apart (the browser).
   */
  machineId(): Promise<string | null>;
  /** Print this window with its print styles (the reading view of a briefing): the system's print dialog. */
  print(): Promise<void>;
  /**
   * This window as a PDF, laid out by its print styles (Electron's printToPDF), for "Save as PDF"; null in the
   * browser, whose print dialog offers "Save as PDF" itself.
   */
  printToPdf(): Promise<Uint8Array | null>;
  /** Menu commands from the native menu (Electron), and clicks on a notification; a command is a MenuCommand. */
  onCommand(listener: (command: string) => void): () => void;
  /**
   * The shortcuts rebound in Settings (id → keys), so the native menu's accelerators show them (Electron
   * rebuilds its menu; the browser has none). Rejects with the reason if the main process refuses them.
   */
  setMenuBindings(bindings: Record<string, string>): Promise<void>;
  /** The colour theme chosen in Settings, so the desktop window and its native menus and dialogs follow it. */
  setWindowTheme(theme: 'system' | 'light' | 'dark'): Promise<void>;
  /** The interface's language, so the desktop's native menu names its commands in it (the browser has none). */
  setMenuLocale(locale: 'en' | 'fr' | 'ru'): Promise<void>;
}

/** Live sync through the platform (core/live): its settings, and a transport bound to them. */
export interface LiveBridge {
  liveSettings(): Promise<LiveSettingsView>;
  saveLiveSettings(input: LiveSettingsInput): Promise<LiveSettingsView>;
  /** GET the database with the settings as typed: Settings' "Test connection". Rejects with LiveOffline when unreachable. */
  testLive(input: LiveSettingsInput): Promise<LiveResponse>;
  /** The team passphrase kept with the settings ('' when none). */
  liveTeamPassphrase(): Promise<string>;
  /** Requests to the saved database (the desktop app makes them in the main process). */
  liveTransport(): LiveTransport;
  /** Why this build cannot reach that server (the browser build's CSP), or undefined. */
  liveReachProblem(url: string): string | undefined;
}

export interface Notice {
  title: string;
  body: string;
}

/** The shape the preload script exposes as `window.attache` (see src-main/preload). */
export interface PreloadApi {
  appVersion: string;
  systemLocales: string[];
  saveFile(options: { suggestedName: string; bytes: Uint8Array; filters: FileFilter[] }): Promise<string | null>;
  openFile(options: { filters: FileFilter[] }): Promise<PickedFile | null>;
  requestBackup(options: { bytes: Uint8Array; explicit: boolean }): Promise<BackupOutcome>;
  backupStatus(): Promise<BackupStatus>;
  listBackups(): Promise<BackupEntry[]>;
  readBackup(id: string): Promise<Uint8Array>;
  notify(message: Notice): Promise<boolean>;
  machineId(): Promise<string>;
  printWindow(): Promise<boolean>;
  printToPdf(): Promise<Uint8Array>;
  onCommand(listener: (command: string) => void): () => void;
  setMenuBindings(bindings: Record<string, string>): Promise<void>;
  setWindowTheme(theme: string): Promise<void>;
  setMenuLocale(locale: string): Promise<void>;
  liveSettings(): Promise<LiveSettingsView>;
  saveLiveSettings(input: LiveSettingsInput): Promise<LiveSettingsView>;
  testLive(input: LiveSettingsInput): Promise<LiveResponse>;
  liveTeamPassphrase(): Promise<string>;
  liveRequest(req: LiveRequest): Promise<LiveResponse>;
}

declare global {
  interface Window {
    attache?: PreloadApi;
  }
}
