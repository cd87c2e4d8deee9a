import { fromIpcMessage, messageOf } from '../core/errors';
import { windowText } from '../core/errors';
import { LiveOffline } from '../core/live/transport';
import type { Bridge, PreloadApi } from './bridge';

/**
 * Electron wraps a handler's failure as "Error invoking remote method 'file:save': Error: <message>"; the
 * screen shows only the main process's own sentence.
 */
export function ipcErrorMessage(message: string): string {
  return message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '');
}

async function unwrapped<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    // A UserError from the main process comes back as one, so the screen says it in the window's language.
    if (e instanceof Error) throw fromIpcMessage(ipcErrorMessage(e.message), e);
    throw e;
  }
}

/** A request the main process could not make (no route, refused, timed out) is "offline": the session retries. */
async function offlineOnFailure<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw new LiveOffline(e instanceof Error ? messageOf(fromIpcMessage(ipcErrorMessage(e.message))) : windowText('error.live.unreachable'));
  }
}

/** The Electron build: everything goes through the preload API, which asks the main process. */
export function createElectronBridge(api: PreloadApi): Bridge {
  return {
    kind: 'electron',
    appVersion: api.appVersion,
    systemLocales: api.systemLocales,
    saveFile: ({ suggestedName, bytes, filters }) => unwrapped(() => api.saveFile({ suggestedName, bytes, filters })),
    openFile: (options) => unwrapped(() => api.openFile(options)),
    requestBackup: (bytes, { explicit }) => unwrapped(() => api.requestBackup({ bytes, explicit })),
    backupStatus: () => unwrapped(() => api.backupStatus()),
    listBackups: () => unwrapped(() => api.listBackups()),
    readBackup: (id) => unwrapped(() => api.readBackup(id)),
    notify: (message) => unwrapped(() => api.notify(message)),
    machineId: () => unwrapped(() => api.machineId()),
    print: async () => {
      await unwrapped(() => api.printWindow());
    },
    printToPdf: () => unwrapped(() => api.printToPdf()),
    // The desktop app shows notifications without asking; whether the system has a notification centre is
    // known only when one is shown (notify resolves to false).
    allowNotifications: () => Promise.resolve(true),
    notificationPermission: () => 'granted',
    onCommand: (listener) => api.onCommand(listener),
    setMenuBindings: (bindings) => unwrapped(() => api.setMenuBindings(bindings)),
    setWindowTheme: (theme) => unwrapped(() => api.setWindowTheme(theme)),
    setMenuLocale: (locale) => unwrapped(() => api.setMenuLocale(locale)),
    liveSettings: () => unwrapped(() => api.liveSettings()),
    saveLiveSettings: (input) => unwrapped(() => api.saveLiveSettings(input)),
    testLive: (input) => offlineOnFailure(() => api.testLive(input)),
    liveTeamPassphrase: () => unwrapped(() => api.liveTeamPassphrase()),
    liveTransport: () => ({ request: (req) => offlineOnFailure(() => api.liveRequest(req)) }),
    // The main process makes the requests: no CSP stands between the app and the configured server.
    liveReachProblem: () => undefined,
  };
}
