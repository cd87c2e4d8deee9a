import type { Bridge, FileFilter, PickedFile } from './bridge';
import { browserLive } from './browser-live';

function acceptOf(filters: FileFilter[]): string {
  return filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

/** The browser build: files leave as downloads and arrive through a file input. */
export function createBrowserBridge(appVersion: string): Bridge {
  // A click on a notification is delivered as a command, as the desktop app's are.
  const listeners = new Set<(command: string) => void>();
  return {
    kind: 'browser',
    appVersion,
    // The browser's languages stand for the system's: a browser follows its user's settings.
    systemLocales: globalThis.navigator?.languages ?? [],
    async saveFile({ suggestedName, bytes, mimeType }) {
      const blob = new Blob([bytes as BlobPart], { type: mimeType });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      // Give the download a moment to start before the URL is revoked.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return suggestedName;
    },
    openFile({ filters }) {
      return new Promise<PickedFile | null>((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = acceptOf(filters);
        input.style.display = 'none';
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.remove();
          if (!file) {
            resolve(null);
            return;
          }
          // A file that cannot be read (moved or deleted since it was picked) is the caller's error to show.
          file.arrayBuffer().then((buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }), reject);
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(null);
        });
        document.body.append(input);
        input.click();
      });
    },
    // The browser keeps no backups: a backup is a download (ui/exchange/backup.ts), a restore an import.
    async requestBackup() {
      return { status: 'not-kept' } as const;
    },
    async backupStatus() {
      return { folder: null, protection: 'none', backend: 'browser', lastBackup: null, lastError: null } as const;
    },
    async listBackups() {
      return [];
    },
    // A browser profile copies as a whole, IndexedDB and all: nothing here tells one machine from another.
    async machineId() {
      return null;
    },
    print() {
      // The browser's own print dialog (with "Save as PDF" among its printers); it returns when closed.
      window.print();
      return Promise.resolve();
    },
    printToPdf() {
      return Promise.resolve(null);
    },
    readBackup() {
      return Promise.reject(new Error('The browser keeps no backups: import a backup file instead.'));
    },
    async notify({ title, body }) {
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return false;
      const notice = new Notification(title, { body, tag: 'attache-due-today' });
      notice.onclick = () => {
        window.focus();
        for (const listener of listeners) listener('show-followups');
      };
      return true;
    },
    notificationPermission() {
      if (typeof Notification === 'undefined') return 'denied';
      return Notification.permission === 'default' ? 'ask' : Notification.permission;
    },
    async allowNotifications() {
      if (typeof Notification === 'undefined') return false;
      if (Notification.permission === 'default') await Notification.requestPermission();
      return Notification.permission === 'granted';
    },
    onCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // The browser has no native menu to relabel.
    async setMenuBindings() {},
    // A browser tab follows the page's own colours; there is no window of ours to paint.
    async setWindowTheme() {},
    // Nor a native menu to translate.
    async setMenuLocale() {},
    ...browserLive(),
  };
}
