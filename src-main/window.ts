import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import { windowBackground } from './appearance';
import { LOCALES_SWITCH, VERSION_SWITCH } from './channels';
import { SPELLCHECK_AVAILABLE } from './context-menu';
import { devOrigin } from './security';
import { MIN_SIZE, restoreWindowState, type WindowState } from './window-state';

// electron-vite's layout: out/main/index.js beside out/preload/index.cjs and out/renderer/.
export const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
export const RENDERER_ROOT = fileURLToPath(new URL('../renderer', import.meta.url));

/** The system's preferred languages, else the locale Chromium chose from them. */
function systemLocales(): string[] {
  const preferred = app.getPreferredSystemLanguages().filter((l) => /^[A-Za-z0-9-]+$/.test(l));
  return preferred.length ? preferred : [app.getLocale()];
}

/** Opens the main window where it was last (window-state.ts decides that the place is still on a screen). */
export function createMainWindow(state: WindowState = restoreWindowState(undefined, [])): BrowserWindow {
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Attaché',
    show: false,
    // The theme's canvas (appearance.ts), so the window never flashes pale in a dark room, nor dark by day.
    backgroundColor: windowBackground(),
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
      spellcheck: SPELLCHECK_AVAILABLE,
      devTools: !app.isPackaged,
      // Middle-click would open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      // The OS's languages in its order (app.getLocale() alone is Chromium's UI language, one tag).
      additionalArguments: [`${VERSION_SWITCH}${app.getVersion()}`, `${LOCALES_SWITCH}${systemLocales().join(',')}`],
    },
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });

  const dev = devOrigin();
  void win.loadURL(dev ? process.env.ELECTRON_RENDERER_URL! : APP_ENTRY_URL);
  return win;
}
