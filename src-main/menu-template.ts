import type { MenuItemConstructorOptions } from 'electron';
import { translate, type Locale, type MessageKey } from '../src-renderer/src/core/i18n';
import { accelerator, menuTitles } from '../src-renderer/src/ui/app/keymap';
import { SHORTCUTS } from '../src-renderer/src/ui/app/shortcuts';
import { isMenuCommand, type MenuCommand } from './channels';

/**
 * The native menu as a template, from a table of keys: a pure function (only Electron's types), so the
 * menu a rebinding in Settings gives is tested without Electron's binary. menu.ts turns it into a Menu.
 */

/** Shortcut id → keys (`mod+shift+n`), as in force: the defaults with the user's rebindings over them. */
export type KeyTable = Readonly<Record<string, string>>;

export interface MenuPlatform {
  isMac: boolean;
  /** A packaged app has no View menu (reload and devtools are for development). */
  isPackaged: boolean;
  /** The interface's language (the renderer's choice, else the system's); English when not given. */
  locale?: Locale;
}

/** The default keys of every shortcut, with `rebound` (already validated: validate.ts) over them. */
export function keyTable(rebound: Readonly<Record<string, string>> = {}): KeyTable {
  return { ...Object.fromEntries(SHORTCUTS.map((s) => [s.id, s.keys])), ...rebound };
}

/**
 * A deliberately small menu. Commands that belong to the UI are not carried out here: they are sent to the
 * renderer (CHANNELS.command), which handles them exactly as it handles its own buttons and shortcuts.
 * Labels' keys come from the renderer's one shortcut table (with the user's rebindings), and the titles'
 * mnemonics from keymap.ts, whose rules keep every app shortcut off them.
 */
export function menuTemplate(keys: KeyTable, send: (command: MenuCommand) => void, { isMac, isPackaged, locale = 'en' }: MenuPlatform): MenuItemConstructorOptions[] {
  const t = (key: MessageKey): string => translate(locale, key);
  const titles = menuTitles(locale);
  const command = (label: string, id: MenuCommand, shortcutId: string | undefined = id, register = false): MenuItemConstructorOptions => {
    const k = shortcutId ? keys[shortcutId] : undefined;
    return {
      label,
      click: () => send(id),
      // The renderer owns its keyboard shortcuts; the menu only shows them, so a key press is never
      // handled twice (and Ctrl+Z in a field being typed in stays the field's own undo).
      ...(k ? { accelerator: accelerator(k), registerAccelerator: register } : {}),
    };
  };
  // Every "Go to …" of the table the renderer takes as a menu command (channels.ts lists them).
  const go = SHORTCUTS.filter((s) => s.id.startsWith('go-') && isMenuCommand(s.id)).map((s) =>
    command(t(`shell.menubar.${s.id}` as MessageKey), s.id as MenuCommand),
  );

  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: titles.file,
      submenu: [
        command(t('shortcuts.new-briefing'), 'new-briefing'),
        { type: 'separator' },
        command(t('shell.menubar.exportSync'), 'export-sync'),
        command(t('shell.menubar.importSync'), 'import-sync'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: titles.edit,
      submenu: [
        // Undo and redo of record changes (or of typing, in a field being typed in): the renderer decides.
        // On macOS text fields get ⌘Z only through the menu, so there the menu takes the key and the renderer
        // (told it came from the menu) gives a field being typed in its own undo.
        command(t('shell.menubar.undo'), 'undo', 'undo', isMac),
        command(t('shell.menubar.redo'), 'redo', 'redo', isMac),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    ...(isPackaged
      ? []
      : [
          {
            label: titles.view,
            submenu: [{ role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }],
          },
        ]),
    {
      label: titles.go,
      submenu: [command(t('shell.menubar.search'), 'search'), { type: 'separator' }, ...go],
    },
    {
      label: titles.help,
      submenu: [command(t('shell.shortcuts'), 'show-shortcuts', undefined)],
    },
  ];
}
