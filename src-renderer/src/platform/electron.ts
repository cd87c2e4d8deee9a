import type { Bridge, PreloadApi } from './bridge';

/** The Electron build: everything goes through the preload API, which asks the main process. */
export function createElectronBridge(api: PreloadApi): Bridge {
  return {
    kind: 'electron',
    appVersion: api.appVersion,
    saveFile: ({ suggestedName, bytes, filters }) => api.saveFile({ suggestedName, bytes, filters }),
    openFile: (options) => api.openFile(options),
    writeBackup: (name, bytes) => api.writeBackup(name, bytes),
    onCommand: (listener) => api.onCommand(listener),
  };
}
