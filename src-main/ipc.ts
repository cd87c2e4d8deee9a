import { access, open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, type IpcMainInvokeEvent, type MessageBoxOptions, type SaveDialogOptions } from 'electron';
import { isAppUrl } from './app-url';
import { isWindowTheme, type WindowTheme } from './appearance';
import { resolveTarget, writeFileAtomic } from './atomic-write';
import { BackupStore, fileError, safeStorageKeychain } from './backups';
import { isUserError, setMessageLocale, toIpcError, UserError } from '../src-renderer/src/core/errors';
import { isLocale, translate, type Locale } from '../src-renderer/src/core/i18n';
import { CHANNELS } from './channels';
import { machineFingerprint } from './machine';
import { showNotification } from './notifications';
import { devOrigin } from './security';
import {
  InvalidArgument,
  MAX_OPEN_BYTES,
  parseBackupId,
  parseBackupRequest,
  parseBindings,
  parseOpenArgs,
  parseSaveArgs,
  parseLiveRequest,
  parseLiveSettings,
  withFilterExtension,
} from './validate';
import { LiveStore } from './live';

/**
 * Only the app's own top-level page may use the handlers: not an iframe, not a page a bug navigated to,
 * not devtools (after VS Code's validated ipcMain).
 */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, devOrigin());
}

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function handle(channel: string, handler: Handler): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!isTrustedSender(event)) {
      console.warn(`[attache] refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
      throw new Error(`Refused ${channel}: the request did not come from the app.`);
    }
    try {
      return await handler(event, ...args);
    } catch (error) {
      // Only our own messages reach the renderer; file-system errors are reduced to a sentence about their code.
      // A message for the person (a UserError, a BackupError) crosses as its key and values, said in the window's language.
      if (error instanceof InvalidArgument) throw new Error(`Refused ${channel}: ${error.message}.`, { cause: error });
      if (isUserError(error)) throw toIpcError(error, error);
      const code = (error as NodeJS.ErrnoException).code;
      if (code) throw toIpcError(fileError(code), error);
      throw new Error((error as Error).message, { cause: error });
    }
  });
}

function windowOf(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

/** The window's language, as the renderer last reported it (registerMenuLocale): the main process's own dialogs speak it. */
let windowLocale: Locale = 'en';
// So does what the main process words for the window (windowText: a live sync request's failure, made here for the renderer).
setMessageLocale(() => windowLocale);

// macOS and Windows are case-insensitive by default: compare folders as the file system would.
function sameCase(path: string): string {
  return process.platform === 'win32' || process.platform === 'darwin' ? path.toLowerCase() : path;
}

async function realFolder(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** Is `path` (a file to write, after following a link) the app's profile folder or inside it? */
export async function isInsideProfile(path: string): Promise<boolean> {
  const profile = sameCase(await realFolder(app.getPath('userData')));
  const target = await resolveTarget(path);
  const folder = sameCase(await realFolder(dirname(target)));
  const back = relative(profile, folder);
  return back === '' || (!back.startsWith('..') && !isAbsolute(back));
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function saveFile(event: IpcMainInvokeEvent, raw: unknown): Promise<string | null> {
  const { suggestedName, bytes, filters } = parseSaveArgs(raw);
  const win = windowOf(event);
  // Linux asks before replacing only when told to; Windows and macOS always ask.
  const options: SaveDialogOptions = {
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters,
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  // The kind of file stays recognisable: "brief" or "brief.txt" for a PDF becomes "brief.pdf" / "brief.txt.pdf".
  const target = withFilterExtension(result.filePath, filters);
  if (await isInsideProfile(target)) {
    throw new UserError('error.file.profileFolder', { folder: app.getPath('userData') });
  }
  // The dialog asked about the name as typed; the name with the extension added may be another, existing file.
  if (target !== result.filePath && (await exists(target))) {
    const box: MessageBoxOptions = {
      type: 'warning',
      buttons: [translate(windowLocale, 'error.file.replace'), translate(windowLocale, 'error.file.cancel')],
      defaultId: 1,
      cancelId: 1,
      title: translate(windowLocale, 'error.file.replaceTitle'),
      message: translate(windowLocale, 'error.file.replaceMessage', { name: basename(target) }),
      detail: translate(windowLocale, 'error.file.replaceDetail', { extension: extensionOf(target), folder: dirname(target) }),
      noLink: true,
    };
    const answer = win ? await dialog.showMessageBox(win, box) : await dialog.showMessageBox(box);
    if (answer.response !== 0) return null;
  }
  await writeFileAtomic(target, bytes);
  return basename(target);
}

function extensionOf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

async function openFile(event: IpcMainInvokeEvent, raw: unknown): Promise<{ name: string; bytes: Uint8Array } | null> {
  const { filters } = parseOpenArgs(raw);
  const win = windowOf(event);
  const options = { properties: ['openFile' as const], filters };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const path = result.filePaths[0];
  if (result.canceled || !path) return null;
  const info = await stat(path);
  if (!info.isFile()) throw new UserError('error.file.notAFile');
  if (info.size > MAX_OPEN_BYTES) throw new UserError('error.file.tooLarge', { size: Math.round(info.size / 1024 / 1024), max: MAX_OPEN_BYTES / 1024 / 1024 });
  // Read through one handle, with the cap enforced again, in case the file grows between stat and read.
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(Math.min(info.size, MAX_OPEN_BYTES));
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { name: basename(path), bytes: filled === bytes.length ? bytes : bytes.slice(0, filled) };
  } finally {
    await handle.close();
  }
}

export function backupDir(): string {
  return join(app.getPath('userData'), 'backups');
}

/** The app's backups: in the profile, the key wrapped by Electron's safeStorage. Needs `app` to be ready. */
export function createAppBackupStore(): BackupStore {
  return new BackupStore({ dir: backupDir(), keyFile: join(app.getPath('userData'), 'backup-key'), keychain: safeStorageKeychain(safeStorage), locale: () => windowLocale });
}

/**
 * Registers every handler. Also prepares the backup folder at start (0700, a crash's temporary files
 * removed); a failure there is kept for the backup status, which Settings shows.
 */
export function registerIpcHandlers(backups: BackupStore = createAppBackupStore()): BackupStore {
  backups.prepare().catch((error: unknown) => console.error('[attache] the backup folder could not be prepared', error));
  handle(CHANNELS.saveFile, (event, raw) => saveFile(event, raw));
  handle(CHANNELS.openFile, (event, raw) => openFile(event, raw));
  handle(CHANNELS.requestBackup, async (_event, raw) => {
    const { bytes, explicit } = parseBackupRequest(raw);
    return backups.request(bytes, { explicit });
  });
  handle(CHANNELS.backupStatus, () => backups.status());
  handle(CHANNELS.listBackups, () => backups.list());
  handle(CHANNELS.readBackup, async (_event, raw) => backups.read(parseBackupId(raw)));
  handle(CHANNELS.machineId, async (_event, ...args) => {
    if (args.length) throw new InvalidArgument('it takes no arguments');
    return machineFingerprint();
  });
  // Printing acts on the window that asked (event.sender), never on another; neither takes arguments.
  handle(CHANNELS.printWindow, (event, ...args) => {
    if (args.length) throw new InvalidArgument('it takes no arguments');
    return new Promise<boolean>((resolve, reject) => {
      event.sender.print({ printBackground: true }, (success, reason) => {
        // Cancelling the dialog is not a failure: the user changed their mind.
        if (success || reason === 'cancelled') resolve(success);
        else reject(new UserError('error.print.failed', { reason }));
      });
    });
  });
  handle(CHANNELS.printToPdf, async (event, ...args) => {
    if (args.length) throw new InvalidArgument('it takes no arguments');
    // The page's own @page rules decide paper and margins (page numbers in the margin boxes).
    return new Uint8Array(await event.sender.printToPDF({ printBackground: true, preferCSSPageSize: true }));
  });
  handle(CHANNELS.notify, async (event, raw) =>
    showNotification(raw, (command) => {
      // A click brings the window that asked back to the front, on the screen the notification is about.
      const win = BrowserWindow.fromWebContents(event.sender);
      if (!win || win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      win.webContents.send(CHANNELS.command, command);
    }),
  );
  registerLiveHandlers(new LiveStore(join(app.getPath('userData'), 'live-sync.json'), safeStorageKeychain(safeStorage)));
  return backups;
}

/** Live sync (src-main/live.ts): settings, the test button, and the replicator's requests, each argument checked. */
function registerLiveHandlers(live: LiveStore): void {
  const noArgs = (args: unknown[]) => {
    if (args.length) throw new InvalidArgument('it takes no arguments');
  };
  handle(CHANNELS.liveSettings, async (_event, ...args) => (noArgs(args), live.view()));
  handle(CHANNELS.saveLiveSettings, async (_event, raw) => live.save(parseLiveSettings(raw)));
  handle(CHANNELS.testLive, async (_event, raw) => live.test(parseLiveSettings(raw)));
  handle(CHANNELS.liveTeamPassphrase, async (_event, ...args) => (noArgs(args), live.teamPassphrase()));
  handle(CHANNELS.liveRequest, async (_event, raw) => live.request(parseLiveRequest(raw)));
}

/** The renderer reports the colour theme (at start and on each change in Settings → Appearance). */
export function registerWindowTheme(apply: (theme: WindowTheme) => Promise<void>): void {
  handle(CHANNELS.windowTheme, async (_event, raw) => {
    if (!isWindowTheme(raw)) throw new InvalidArgument('the theme must be system, light or dark');
    await apply(raw);
  });
}

/**
 * The renderer reports the user's rebindings (at start and after each change in Settings); `apply` rebuilds
 * the menu with them. Checked like every other argument: only known, rebindable shortcuts, keys the rules accept.
 */
export function registerMenuBindings(apply: (rebound: Record<string, string>) => void): void {
  handle(CHANNELS.menuBindings, async (_event, raw) => apply(parseBindings(raw)));
}

/** The renderer reports the interface's language (at start and on each change in Settings → Language); `apply` relabels the menu. */
export function registerMenuLocale(apply: (locale: Locale) => void): void {
  handle(CHANNELS.menuLocale, async (_event, raw) => {
    if (!isLocale(raw)) throw new InvalidArgument('the language must be en, fr or ru');
    windowLocale = raw;
    apply(raw);
  });
}
