/**
 * Every IPC channel between the main process and the preload, in one place, so that a handler and its
 * caller can never drift apart. Imported by the main process and by the preload bundle, so it must stay
 * free of imports.
 */
export const CHANNELS = {
  saveFile: 'file:save',
  openFile: 'file:open',
  /** Keep a backup: carries the bytes and whether the user asked; the main process names, limits and rotates. */
  requestBackup: 'backup:request',
  backupStatus: 'backup:status',
  listBackups: 'backup:list',
  /** One kept backup's content (decrypted), by its listed id, for the restore preview. */
  readBackup: 'backup:read',
  /** Show an OS notification (the follow-ups due today); carries its title and body only. */
  notify: 'notify:show',
  /** A hash identifying this machine (no arguments), so a profile copied to another computer takes a new node id. */
  machineId: 'machine:id',
  /** Renderer → main: the user's rebound shortcuts (id → keys), so the menu shows the keys that work. */
  menuBindings: 'menu:bindings',
  /** Renderer → main: the interface's language ('en', 'fr' or 'ru'), so the native menu speaks it too. */
  menuLocale: 'menu:locale',
  /** Live sync: Settings → Live sync as saved (secrets only as "kept or not"), saving it, and its test button. */
  liveSettings: 'live:settings',
  saveLiveSettings: 'live:save',
  testLive: 'live:test',
  /** The team passphrase, for the renderer's key derivation (the server password never leaves the main process). */
  liveTeamPassphrase: 'live:passphrase',
  /** One replicator request to the saved database; the main process adds the address and credentials. */
  liveRequest: 'live:request',
  /** Print the asking window (no arguments): the system's print dialog, with the page's print styles. */
  printWindow: 'print:window',
  /** The asking window as a PDF (no arguments), laid out by its CSS @page rules, for "Save as PDF". */
  printToPdf: 'print:pdf',
  /** Renderer → main: the colour theme chosen in Settings ('system', 'light' or 'dark'), for the window and native UI. */
  windowTheme: 'window:theme',
  /** Main → renderer: a menu command (one of MENU_COMMANDS). */
  command: 'menu:command',
} as const;

/** What the native menu can ask the renderer to do; the renderer subscribes through `platform().onCommand`. */
export const MENU_COMMANDS = [
  'export-sync',
  'import-sync',
  'new-briefing',
  'show-shortcuts',
  'show-followups',
  // The Edit and Go menus: the same ids as the renderer's shortcut table (ui/app/shortcuts.ts).
  'undo',
  'redo',
  'search',
  'go-today',
  'go-briefings',
  'go-followups',
  'go-people',
  'go-search',
  'go-exchange',
  'go-packs',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** The preload reads the app version from this command-line switch: a sandboxed preload cannot ask `app`. */
export const VERSION_SWITCH = '--attache-version=';
/** The system's preferred languages, comma-separated, for the window's language (ui/app/locale.svelte.ts). */
export const LOCALES_SWITCH = '--attache-locales=';
