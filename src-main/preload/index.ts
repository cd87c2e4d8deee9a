import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BackupEntry, BackupOutcome, BackupStatus, FileFilter, Notice, PickedFile, PreloadApi } from '../../src-renderer/src/platform/bridge';
import type { LiveSettingsInput, LiveSettingsView } from '../../src-renderer/src/core/live/settings';
import type { LiveRequest, LiveResponse } from '../../src-renderer/src/core/live/transport';
import { CHANNELS, isMenuCommand, LOCALES_SWITCH, VERSION_SWITCH } from '../channels';

/**
 * The one API the sandboxed renderer gets, as `window.attache`. It exposes functions, never ipcRenderer
 * itself or an event object, so a compromised page can only do what these functions do. Bundled into one
 * CommonJS file: a sandboxed preload cannot require our modules.
 */

const versionArg = process.argv.find((a) => a.startsWith(VERSION_SWITCH));
const appVersion = versionArg?.slice(VERSION_SWITCH.length) ?? '0.0.0';
const localesArg = process.argv.find((a) => a.startsWith(LOCALES_SWITCH));
const systemLocales = (localesArg?.slice(LOCALES_SWITCH.length) ?? '').split(',').filter(Boolean);

const api: PreloadApi = {
  appVersion,
  systemLocales,
  saveFile: (options: { suggestedName: string; bytes: Uint8Array; filters: FileFilter[] }) =>
    ipcRenderer.invoke(CHANNELS.saveFile, {
      suggestedName: options.suggestedName,
      bytes: options.bytes,
      filters: options.filters,
    }) as Promise<string | null>,
  openFile: (options: { filters: FileFilter[] }) =>
    ipcRenderer.invoke(CHANNELS.openFile, { filters: options.filters }) as Promise<PickedFile | null>,
  // Only the bytes and whether the user asked: the main process names the file and decides when to keep one.
  requestBackup: (options: { bytes: Uint8Array; explicit: boolean }) =>
    ipcRenderer.invoke(CHANNELS.requestBackup, { bytes: options.bytes, explicit: options.explicit }) as Promise<BackupOutcome>,
  backupStatus: () => ipcRenderer.invoke(CHANNELS.backupStatus) as Promise<BackupStatus>,
  listBackups: () => ipcRenderer.invoke(CHANNELS.listBackups) as Promise<BackupEntry[]>,
  readBackup: (id: string) => ipcRenderer.invoke(CHANNELS.readBackup, id) as Promise<Uint8Array>,
  machineId: () => ipcRenderer.invoke(CHANNELS.machineId) as Promise<string>,
  printWindow: () => ipcRenderer.invoke(CHANNELS.printWindow) as Promise<boolean>,
  printToPdf: () => ipcRenderer.invoke(CHANNELS.printToPdf) as Promise<Uint8Array>,
  notify: (message: Notice) => ipcRenderer.invoke(CHANNELS.notify, { title: message.title, body: message.body }) as Promise<boolean>,
  // A plain copy of strings: nothing but the table crosses.
  setMenuBindings: (bindings: Record<string, string>) =>
    ipcRenderer.invoke(CHANNELS.menuBindings, Object.fromEntries(Object.entries(bindings).map(([id, keys]) => [String(id), String(keys)]))) as Promise<void>,
  setWindowTheme: (theme: string) => ipcRenderer.invoke(CHANNELS.windowTheme, String(theme)) as Promise<void>,
  setMenuLocale: (locale: string) => ipcRenderer.invoke(CHANNELS.menuLocale, String(locale)) as Promise<void>,
  liveSettings: () => ipcRenderer.invoke(CHANNELS.liveSettings) as Promise<LiveSettingsView>,
  saveLiveSettings: (input: LiveSettingsInput) => ipcRenderer.invoke(CHANNELS.saveLiveSettings, input) as Promise<LiveSettingsView>,
  testLive: (input: LiveSettingsInput) => ipcRenderer.invoke(CHANNELS.testLive, input) as Promise<LiveResponse>,
  liveTeamPassphrase: () => ipcRenderer.invoke(CHANNELS.liveTeamPassphrase) as Promise<string>,
  liveRequest: (req: LiveRequest) => ipcRenderer.invoke(CHANNELS.liveRequest, { method: req.method, path: req.path, body: req.body, timeoutMs: req.timeoutMs }) as Promise<LiveResponse>,
  onCommand(listener: (command: string) => void) {
    const wrapped = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(CHANNELS.command, wrapped);
    return () => {
      ipcRenderer.removeListener(CHANNELS.command, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('attache', api);
