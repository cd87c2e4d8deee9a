import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './channels';

/**
 * A deliberately small menu. Commands that belong to the UI are not carried out here: they are sent to the
 * renderer (CHANNELS.command), which handles them exactly as it handles its own buttons and shortcuts.
 */
export function buildMenu(send: (command: MenuCommand) => void): Menu {
  const isMac = process.platform === 'darwin';
  const command = (label: string, id: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(id),
    // The renderer owns its keyboard shortcuts (ui/app/shortcuts.ts); the menu only shows them, so a
    // key press is never handled twice.
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        command('New briefing', 'new-briefing', 'CmdOrCtrl+Alt+N'),
        { type: 'separator' },
        command('Export sync file…', 'export-sync'),
        command('Import sync file…', 'import-sync'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    ...(app.isPackaged
      ? []
      : [
          {
            label: '&View',
            submenu: [{ role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }],
          },
        ]),
    {
      label: '&Help',
      submenu: [command('Keyboard shortcuts', 'show-shortcuts')],
    },
  ];
  return Menu.buildFromTemplate(template);
}
