import { app, Menu } from 'electron';
import { matchLocale, type Locale } from '../src-renderer/src/core/i18n';
import type { MenuCommand } from './channels';
import { keyTable, menuTemplate } from './menu-template';

/**
 * The native menu (menu-template.ts builds it). Built at start with the default keys, and again whenever
 * the renderer reports the user's rebindings (CHANNELS.menuBindings), so its accelerators always show
 * the keys that work, or its language (CHANNELS.menuLocale), so it names its commands as the window does.
 */
export function buildMenu(send: (command: MenuCommand) => void, rebound: Readonly<Record<string, string>> = {}, locale: Locale = 'en'): Menu {
  return Menu.buildFromTemplate(menuTemplate(keyTable(rebound), send, { isMac: process.platform === 'darwin', isPackaged: app.isPackaged, locale }));
}

/**
 * The application menu, set now in the system's language (what the window shows until the user chose
 * another in Settings) and set again with each rebinding or language the renderer reports.
 */
export function applicationMenu(send: (command: MenuCommand) => void): { rebind(rebound: Readonly<Record<string, string>>): void; speak(locale: Locale): void } {
  let rebound: Readonly<Record<string, string>> = {};
  let locale = matchLocale(app.getPreferredSystemLanguages());
  const apply = () => Menu.setApplicationMenu(buildMenu(send, rebound, locale));
  apply();
  return {
    rebind(next) {
      rebound = next;
      apply();
    },
    speak(next) {
      if (next === locale) return;
      locale = next;
      apply();
    },
  };
}
