import { app, BrowserWindow, Menu, session } from 'electron';
import { CHANNELS, type MenuCommand } from './channels';
import { registerIpcHandlers } from './ipc';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow, RENDERER_ROOT } from './window';

// The main process is a thin shell: windows, menu, dialogs, backups. Everything a user does lives in the
// renderer, which also runs in a plain browser (npm run web).

// End-to-end tests point the app at a throw-away profile so runs never share (or lock) a real workspace.
if (process.env.ATTACHE_USER_DATA_DIR) app.setPath('userData', process.env.ATTACHE_USER_DATA_DIR);

// One instance per profile: two windows on one IndexedDB would each believe they own the workspace.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();

  let mainWindow: BrowserWindow | null = null;

  const showWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow();
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
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveRenderer(RENDERER_ROOT);
    registerIpcHandlers();
    Menu.setApplicationMenu(buildMenu(sendCommand));
    showWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showWindow();
    });
  });
}
