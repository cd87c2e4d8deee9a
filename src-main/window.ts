import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import { VERSION_SWITCH } from './channels';
import { devOrigin } from './security';

// electron-vite's layout: out/main/index.js beside out/preload/index.cjs and out/renderer/.
export const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
export const RENDERER_ROOT = fileURLToPath(new URL('../renderer', import.meta.url));

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 560,
    title: 'Attaché',
    show: false,
    backgroundColor: '#f6f4ef',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
      // Middle-click would open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      additionalArguments: [`${VERSION_SWITCH}${app.getVersion()}`],
    },
  });
  win.once('ready-to-show', () => win.show());

  const dev = devOrigin();
  void win.loadURL(dev ? process.env.ELECTRON_RENDERER_URL! : APP_ENTRY_URL);
  return win;
}
