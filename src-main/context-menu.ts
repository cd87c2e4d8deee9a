/**
 * The right-click menu of text fields: spelling suggestions first (where spell-checking is on), then the
 * editing commands a desktop user expects. Electron shows no context menu of its own.
 */
import { Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';

export function attachContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    if (!params.isEditable && !params.selectionText) return;
    const items: MenuItemConstructorOptions[] = [];
    if (params.misspelledWord) {
      for (const suggestion of params.dictionarySuggestions.slice(0, 5)) {
        items.push({ label: suggestion, click: () => contents.replaceMisspelling(suggestion) });
      }
      if (items.length === 0) items.push({ label: 'No suggestions', enabled: false });
      items.push(
        { label: 'Add to dictionary', click: () => contents.session.addWordToSpellCheckerDictionary(params.misspelledWord) },
        { type: 'separator' },
      );
    }
    if (params.isEditable) {
      items.push(
        { role: 'undo', enabled: params.editFlags.canUndo },
        { role: 'redo', enabled: params.editFlags.canRedo },
        { type: 'separator' },
        { role: 'cut', enabled: params.editFlags.canCut },
        { role: 'copy', enabled: params.editFlags.canCopy },
        { role: 'paste', enabled: params.editFlags.canPaste },
        { type: 'separator' },
        { role: 'selectAll' },
      );
    } else {
      items.push({ role: 'copy', enabled: params.editFlags.canCopy });
    }
    Menu.buildFromTemplate(items).popup();
  });
}

/**
 * Spell-checking only where the dictionaries are the operating system's own (Windows, macOS): on Linux
 * Chromium's spell-checker downloads Hunspell dictionaries from Google at first use, which a mission's
 * laptop must never do, so it stays off there (README, "What does not work yet").
 */
export const SPELLCHECK_AVAILABLE = process.platform === 'win32' || process.platform === 'darwin';
