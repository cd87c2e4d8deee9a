import { app, Menu } from 'electron';
import type { MenuCommand } from './channels';
import { keyTable, menuTemplate } from './menu-template';

/**
 * The native menu (menu-template.ts builds it). Built at start with the default keys, and again whenever
 * the renderer reports the user's rebindings (CHANNELS.menuBindings), so its accelerators always show
 * the keys that work.
 */
export function buildMenu(send: (command: MenuCommand) => void, rebound: Readonly<Record<string, string>> = {}): Menu {
  return Menu.buildFromTemplate(menuTemplate(keyTable(rebound), send, { isMac: process.platform === 'darwin', isPackaged: app.isPackaged }));
}
