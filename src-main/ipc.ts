import { open, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './app-url';
import { writeFileAtomic } from './atomic-write';
import { writeBackupFile } from './backups';
import { CHANNELS } from './channels';
import { devOrigin } from './security';
import { InvalidArgument, MAX_OPEN_BYTES, parseBackupArgs, parseOpenArgs, parseSaveArgs } from './validate';

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
      // Only our own messages reach the renderer; file-system errors are reduced to their code.
      if (error instanceof InvalidArgument) throw new Error(`Refused ${channel}: ${error.message}.`);
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(code ? `The file could not be written or read (${code}).` : (error as Error).message);
    }
  });
}

function windowOf(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

async function saveFile(event: IpcMainInvokeEvent, raw: unknown): Promise<string | null> {
  const { suggestedName, bytes, filters } = parseSaveArgs(raw);
  const win = windowOf(event);
  const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  await writeFileAtomic(result.filePath, bytes);
  return basename(result.filePath);
}

async function openFile(event: IpcMainInvokeEvent, raw: unknown): Promise<{ name: string; bytes: Uint8Array } | null> {
  const { filters } = parseOpenArgs(raw);
  const win = windowOf(event);
  const options = { properties: ['openFile' as const], filters };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const path = result.filePaths[0];
  if (result.canceled || !path) return null;
  const info = await stat(path);
  if (!info.isFile()) throw new Error('That is not a file.');
  if (info.size > MAX_OPEN_BYTES) {
    throw new Error(`The file is ${Math.round(info.size / 1024 / 1024)} MB; Attaché opens files up to ${MAX_OPEN_BYTES / 1024 / 1024} MB.`);
  }
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

async function writeBackup(_event: IpcMainInvokeEvent, rawName: unknown, rawBytes: unknown): Promise<string> {
  const { name, bytes } = parseBackupArgs(rawName, rawBytes);
  return writeBackupFile(backupDir(), name, bytes);
}

export function registerIpcHandlers(): void {
  handle(CHANNELS.saveFile, (event, raw) => saveFile(event, raw));
  handle(CHANNELS.openFile, (event, raw) => openFile(event, raw));
  handle(CHANNELS.writeBackup, (event, name, bytes) => writeBackup(event, name, bytes));
}
