import { join } from 'node:path';
// The menu in the interface's language, whichever it is: every catalogue (a few hundred KB, read once).
import '../src-renderer/src/core/messages-all';
import { app, BrowserWindow, screen, session } from 'electron';
import { CHANNELS, type MenuCommand } from './channels';
import { attachContextMenu } from './context-menu';
import { applyWindowTheme, keepWindowTheme, readWindowTheme } from './appearance';
import { registerIpcHandlers, registerMenuBindings, registerMenuLocale, registerWindowTheme } from './ipc';
import { applicationMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow, RENDERER_ROOT } from './window';
import { readWindowState, trackWindowState } from './window-state';

// The main process is a thin shell: windows, menu, dialogs, backups. Everything a user does lives in the
// renderer, which also runs in a plain browser (npm run web).

// End-to-end tests point the app at a throw-away profile so runs never share (or lock) a real workspace.
// Never in a packaged build: an environment variable must not be able to move a diplomat's workspace.
if (!app.isPackaged && process.env.ATTACHE_USER_DATA_DIR) app.setPath('userData', process.env.ATTACHE_USER_DATA_DIR);

// One instance per profile: two windows on one IndexedDB would each believe they own the workspace.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();

  let mainWindow: BrowserWindow | null = null;
  let saveWindowState = (): Promise<void> => Promise.resolve();

  const showWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      const stateFile = join(app.getPath('userData'), 'window-state.json');
      const primary = screen.getPrimaryDisplay();
      const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
      mainWindow = createMainWindow(readWindowState(stateFile, workAreas));
      saveWindowState = trackWindowState(mainWindow, stateFile);
      attachContextMenu(mainWindow.webContents);
      mainWindow.on('closed', () => (mainWindow = null));
    } else {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  };

  const sendCommand = (command: MenuCommand) => {
    const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
    target?.webContents.send(CHANNELS.command, command);
  };

  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // The window's place is saved before the app quits (a few milliseconds), so it opens there next time.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void saveWindowState().finally(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveRenderer(RENDERER_ROOT);
    registerIpcHandlers();
    const menu = applicationMenu(sendCommand);
    registerMenuBindings((rebound) => menu.rebind(rebound));
    registerMenuLocale((locale) => menu.speak(locale));
    const themeFile = join(app.getPath('userData'), 'appearance.json');
    applyWindowTheme(readWindowTheme(themeFile));
    registerWindowTheme((theme) => keepWindowTheme(themeFile, theme));
    showWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showWindow();
    });
  });
}
