/**
 * Rules for key combinations, shared by the renderer (shortcut handlers, the rebinding form in Settings)
 * and the main process (the native menu's accelerators and mnemonics). Pure: no DOM, no Electron.
 *
 * Keys are written `mod+alt+shift+key`, lower case: `mod` is Ctrl (⌘ on macOS).
 */

/** The native menu's titles: their `&` letters are the Alt+letter mnemonics no app shortcut may take. */
export const MENU_TITLES = { file: '&File', edit: '&Edit', view: '&View', go: '&Go', help: '&Help' } as const;

export const MENU_MNEMONICS: readonly string[] = Object.values(MENU_TITLES).map((t) => t.charAt(t.indexOf('&') + 1).toLowerCase());

const MODIFIERS = ['mod', 'alt', 'shift'] as const;

/** Keys every text field keeps for itself. */
const EDITING_KEYS: Record<string, string> = {
  'mod+z': 'Undo',
  'mod+shift+z': 'Redo',
  'mod+y': 'Redo',
  'mod+x': 'Cut',
  'mod+c': 'Copy',
  'mod+v': 'Paste',
  'mod+a': 'Select all',
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
 * `label` writes keys for the message ("Ctrl+Alt+N").
 */
export function bindingProblem(id: string, keys: string, table: readonly KeyBinding[], label: (keys: string) => string): string | undefined {
  const own = table.find((s) => s.id === id);
  if (!own) return 'Unknown shortcut';
  const k = normalizeKeys(keys);
  if (!k) return 'Press one key, with Ctrl, Alt or Shift if you like.';
  const parts = k.split('+');
  const key = parts.at(-1)!;
  if (parts.includes('mod') && parts.includes('alt'))
    return `${label(k)} is refused: Ctrl+Alt is AltGr on Polish, German and many other keyboards, so it would fire while typing ą or @.`;
  if (parts.length === 2 && parts[0] === 'alt' && MENU_MNEMONICS.includes(key)) {
    const title = Object.values(MENU_TITLES).find((t) => t.charAt(t.indexOf('&') + 1).toLowerCase() === key)!.replace('&', '');
    return `${label(k)} opens the ${title} menu.`;
  }
  const editing = EDITING_KEYS[k];
  if (editing) return `${label(k)} is ${editing} in every text field.`;
  if (own.scope === 'global' && !parts.includes('mod') && !parts.includes('alt') && key.length === 1)
    return `${label(k)} would fire while typing: a shortcut that works anywhere needs Ctrl or Alt.`;
  const clash = table.find((s) => s.id !== id && normalizeKeys(s.keys) === k && scopesMeet(s.scope, own.scope));
  if (clash) return `${label(k)} is already “${clash.description}”.`;
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
