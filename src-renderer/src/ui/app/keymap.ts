/**
 * Rules for key combinations, shared by the renderer (shortcut handlers, the rebinding form in Settings)
 * and the main process (the native menu's accelerators and mnemonics). Pure: no DOM, no Electron.
 *
 * Keys are written `mod+alt+shift+key`, lower case: `mod` is Ctrl (⌘ on macOS).
 */

import { LOCALES, translate, type Locale } from '../../core/i18n';
import { catalogueOf } from '../../core/messages';

export type MenuTitles = Readonly<Record<'file' | 'edit' | 'view' | 'go' | 'help', string>>;

/** The native menu's titles in a language (messages/<locale>/app.json): their `&` letters are Alt+letter mnemonics. */
export function menuTitles(locale: Locale): MenuTitles {
  return {
    file: translate(locale, 'shell.menubar.file'),
    edit: translate(locale, 'shell.menubar.edit'),
    view: translate(locale, 'shell.menubar.view'),
    go: translate(locale, 'shell.menubar.go'),
    help: translate(locale, 'shell.menubar.help'),
  };
}

export const MENU_TITLES = menuTitles('en');

/**
 * The Russian keys' places on a QWERTY keyboard (ЙЦУКЕН): a Russian menu's mnemonic "л" is the key the
 * shortcuts read as "k" (they read the physical key, keysOfPress), so its Alt+K is the menu's.
 */
const JCUKEN = 'йцукенгшщзхъфывапролджэячсмитьбю';
const QWERTY = 'qwertyuiop[]asdfghjkl;\'zxcvbnm,.';

/** The physical key of a title's mnemonic letter. */
function mnemonicKey(title: string): string {
  const letter = title.charAt(title.indexOf('&') + 1).toLowerCase();
  const at = JCUKEN.indexOf(letter);
  return at < 0 ? letter : QWERTY.charAt(at);
}

/** The physical keys of the menu's mnemonics in every language, from the titles' `&` letters. */
export function menuMnemonicKeys(): string[] {
  return [...new Set(LOCALES.flatMap((l) => Object.values(menuTitles(l)).map(mnemonicKey)))];
}

/**
 * The keys whose Alt+key opens a menu in any of the interface's languages: no shortcut takes them, so a
 * binding made in English still works after a switch to French or Russian. Written out rather than computed
 * at load: a window in English has not loaded the French and Russian titles (core/messages.ts), and would
 * reserve only its own. tests/unit/keymap.test.ts checks this list against menuMnemonicKeys() over every
 * catalogue, so a translator moving an `&` is told to update it.
 */
export const MENU_MNEMONICS: readonly string[] = ['f', 'e', 'v', 'g', 'h', 'o', 't', 'k', 'b', 'j', 'c'];

const MODIFIERS = ['mod', 'alt', 'shift'] as const;

/** Keys every text field keeps for itself, and what they do there (a select in shortcuts.problem.editing). */
const EDITING_KEYS: Record<string, string> = {
  'mod+z': 'undo',
  'mod+shift+z': 'redo',
  'mod+y': 'redo',
  'mod+x': 'cut',
  'mod+c': 'copy',
  'mod+v': 'paste',
  'mod+a': 'selectAll',
};

export interface KeyBinding {
  id: string;
  keys: string;
  description: string;
  scope: string;
}

/** `keys` in canonical order (`mod+alt+shift+key`), or undefined when it is not one key with modifiers. */
export function normalizeKeys(keys: string): string | undefined {
  const parts = keys.toLowerCase().split('+');
  // "shift++" would be the plus key: not offered, so refused rather than guessed.
  const key = parts.pop();
  if (!key || parts.some((p) => !(MODIFIERS as readonly string[]).includes(p))) return undefined;
  if ((MODIFIERS as readonly string[]).includes(key)) return undefined;
  return [...MODIFIERS.filter((m) => parts.includes(m)), key].join('+');
}

/** A keyboard event, as far as the rules need it (a KeyboardEvent fits). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * The keys of a press, as a binding would write them; undefined for a modifier pressed alone. Letters and
 * digits are read from the physical key (`code`), as `matches` does, so Alt+F is "alt+f" on any layout.
 */
export function keysOfPress(event: KeyPress, isMac: boolean): string | undefined {
  if (['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'CapsLock'].includes(event.key)) return undefined;
  const key = event.code.startsWith('Key') ? event.code.slice(3).toLowerCase() : event.code.startsWith('Digit') ? event.code.slice(5) : event.key.toLowerCase();
  const parts = [];
  if (isMac ? event.metaKey : event.ctrlKey) parts.push('mod');
  if (event.altKey) parts.push('alt');
  if (event.shiftKey) parts.push('shift');
  return [...parts, key === ' ' ? 'space' : key].join('+');
}

function scopesMeet(a: string, b: string): boolean {
  return a === b || a === 'global' || b === 'global';
}

/**
 * Why `keys` cannot be the binding of shortcut `id` among `table` (the bindings in force), or undefined.
 * `label` writes keys for the message ("Ctrl+Alt+N"); `describe` names a shortcut in `locale` (English:
 * its description), the language of the message.
 */
export function bindingProblem(
  id: string,
  keys: string,
  table: readonly KeyBinding[],
  label: (keys: string) => string,
  locale: Locale = 'en',
  describe: (s: KeyBinding) => string = (s) => s.description,
): string | undefined {
  const own = table.find((s) => s.id === id);
  if (!own) return translate(locale, 'shortcuts.problem.unknown');
  const k = normalizeKeys(keys);
  if (!k) return translate(locale, 'shortcuts.problem.oneKey');
  const parts = k.split('+');
  const key = parts.at(-1)!;
  if (parts.includes('mod') && parts.includes('alt')) return translate(locale, 'shortcuts.problem.altGr', { keys: label(k) });
  if (parts.length === 2 && parts[0] === 'alt' && MENU_MNEMONICS.includes(key)) {
    // The menu of this language whose mnemonic it is, else the one of the language that has it — when that
    // language's titles are loaded (a window loads only its own language).
    const titles = [locale, ...LOCALES].filter((l) => catalogueOf(l)).map(menuTitles);
    const title = titles.flatMap((t) => Object.values(t)).find((t) => mnemonicKey(t) === key);
    if (!title) return translate(locale, 'shortcuts.problem.menuElsewhere', { keys: label(k) });
    return translate(locale, 'shortcuts.problem.menu', { keys: label(k), title: title.replace('&', '') });
  }
  const editing = EDITING_KEYS[k];
  if (editing) return translate(locale, 'shortcuts.problem.editing', { keys: label(k), action: editing });
  if (own.scope === 'global' && !parts.includes('mod') && !parts.includes('alt') && key.length === 1)
    return translate(locale, 'shortcuts.problem.typing', { keys: label(k) });
  const clash = table.find((s) => s.id !== id && normalizeKeys(s.keys) === k && scopesMeet(s.scope, own.scope));
  if (clash) return translate(locale, 'shortcuts.problem.taken', { keys: label(k), name: describe(clash) });
  return undefined;
}

/** An Electron accelerator for `keys` ("mod+shift+n" → "CmdOrCtrl+Shift+N"). */
export function accelerator(keys: string): string {
  const names: Record<string, string> = { mod: 'CmdOrCtrl', alt: 'Alt', shift: 'Shift', enter: 'Enter', delete: 'Delete', escape: 'Esc', arrowup: 'Up', arrowdown: 'Down' };
  return keys
    .split('+')
    .map((p) => names[p] ?? p.toUpperCase())
    .join('+');
}
