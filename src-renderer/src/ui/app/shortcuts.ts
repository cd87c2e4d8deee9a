/**
 * Every keyboard shortcut in one table: the help overlay, the native menu's accelerators (src-main/menu.ts
 * imports this file, so it stays free of DOM and Svelte) and the handlers read it, so what is documented
 * is what works. `mod` is Ctrl (Cmd on macOS). No shortcut uses Ctrl+Alt (AltGr on many layouts) or an
 * Alt+letter the menu bar's mnemonics own (ui/app/keymap.ts holds those rules; a unit test checks them).
 */
import { translate, type Locale, type MessageKey } from '../../core/i18n';

export interface Shortcut {
  id: string;
  keys: string;
  /** What it does, in English (logs, the main process's refusals); screens use shortcutDescription. */
  description: string;
  scope: 'global' | 'today' | 'briefing' | 'capture' | 'editor';
  /** Not rebindable in Settings (undo and redo keep the keys every text field uses). */
  fixed?: boolean;
}

/** A shortcut's description in a language (messages/<locale>/app.json, `shortcuts.<id>`). */
function describe(locale: Locale, id: string): string {
  const speaker = /^meeting-speaker-(\d)$/.exec(id);
  return speaker ? translate(locale, 'shortcuts.meeting-speaker', { n: Number(speaker[1]) }) : translate(locale, `shortcuts.${id}` as MessageKey);
}
const en = (id: string): string => describe('en', id);

/** What a shortcut does, in the interface's language: the shortcuts dialog, Settings → Shortcuts, the native menu. */
export const shortcutDescription = (locale: Locale, s: Pick<Shortcut, 'id'>): string => describe(locale, s.id);

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'search', keys: 'mod+k', description: en('search'), scope: 'global' },
  { id: 'new-briefing', keys: 'mod+shift+n', description: en('new-briefing'), scope: 'global' },
  { id: 'undo', keys: 'mod+z', description: en('undo'), scope: 'global', fixed: true },
  { id: 'redo', keys: 'mod+shift+z', description: en('redo'), scope: 'global', fixed: true },
  { id: 'redo-alt', keys: 'mod+y', description: en('redo-alt'), scope: 'global', fixed: true },
  { id: 'go-today', keys: 'alt+0', description: en('go-today'), scope: 'global' },
  { id: 'go-briefings', keys: 'alt+1', description: en('go-briefings'), scope: 'global' },
  { id: 'go-followups', keys: 'alt+2', description: en('go-followups'), scope: 'global' },
  { id: 'go-people', keys: 'alt+3', description: en('go-people'), scope: 'global' },
  { id: 'go-search', keys: 'alt+4', description: en('go-search'), scope: 'global' },
  { id: 'go-exchange', keys: 'alt+5', description: en('go-exchange'), scope: 'global' },
  { id: 'go-packs', keys: 'alt+6', description: en('go-packs'), scope: 'global' },
  { id: 'help', keys: 'shift+?', description: en('help'), scope: 'global' },
  { id: 'today-today', keys: '1', description: en('today-today'), scope: 'today' },
  { id: 'today-week', keys: '2', description: en('today-week'), scope: 'today' },
  { id: 'today-mine', keys: '3', description: en('today-mine'), scope: 'today' },
  { id: 'today-recent', keys: '4', description: en('today-recent'), scope: 'today' },
  { id: 'briefing-edit', keys: 'e', description: en('briefing-edit'), scope: 'briefing' },
  { id: 'briefing-read', keys: 'escape', description: en('briefing-read'), scope: 'briefing' },
  { id: 'briefing-print', keys: 'mod+p', description: en('briefing-print'), scope: 'briefing' },
  { id: 'meeting-mode', keys: 'mod+shift+m', description: en('meeting-mode'), scope: 'briefing' },
  { id: 'meeting-details', keys: 'mod+shift+d', description: en('meeting-details'), scope: 'briefing' },
  // Alt+digit picks a speaker only in meeting mode, where it comes before "Go to …" (Alt+1…6).
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(
    (n): Shortcut => ({ id: `meeting-speaker-${n}`, keys: `alt+${n}`, description: translate('en', 'shortcuts.meeting-speaker', { n }), scope: 'briefing' }),
  ),
  { id: 'save-statement', keys: 'mod+enter', description: en('save-statement'), scope: 'capture' },
  { id: 'save-statement-follow-up', keys: 'mod+shift+enter', description: en('save-statement-follow-up'), scope: 'capture' },
  { id: 'pick-speaker', keys: 'mod+shift+s', description: en('pick-speaker'), scope: 'capture' },
  { id: 'speaker-details', keys: 'mod+shift+e', description: en('speaker-details'), scope: 'capture' },
  { id: 'kind-statement', keys: 'alt+s', description: en('kind-statement'), scope: 'capture' },
  { id: 'kind-figure', keys: 'alt+i', description: en('kind-figure'), scope: 'capture' },
  { id: 'kind-proposal', keys: 'alt+p', description: en('kind-proposal'), scope: 'capture' },
  { id: 'kind-request', keys: 'alt+r', description: en('kind-request'), scope: 'capture' },
  { id: 'kind-announcement', keys: 'alt+a', description: en('kind-announcement'), scope: 'capture' },
  { id: 'kind-decision', keys: 'alt+d', description: en('kind-decision'), scope: 'capture' },
  { id: 'statement-edit', keys: 'enter', description: en('statement-edit'), scope: 'capture' },
  { id: 'statement-move-up', keys: 'alt+arrowup', description: en('statement-move-up'), scope: 'capture' },
  { id: 'statement-move-down', keys: 'alt+arrowdown', description: en('statement-move-down'), scope: 'capture' },
  { id: 'statement-follow-up', keys: 'alt+u', description: en('statement-follow-up'), scope: 'capture' },
  { id: 'statement-delete', keys: 'delete', description: en('statement-delete'), scope: 'capture' },
  { id: 'bold', keys: 'mod+b', description: en('bold'), scope: 'editor' },
  { id: 'italic', keys: 'mod+i', description: en('italic'), scope: 'editor' },
  { id: 'bullets', keys: 'mod+shift+8', description: en('bullets'), scope: 'editor' },
];

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/**
 * Does a keyboard event match a shortcut's `keys`? Never for an AltGr keystroke: on Windows AltGr arrives
 * as Ctrl+Alt, and Polish "ą" (AltGr+A) or German "@" (AltGr+Q) must type, not command.
 */
export function matches(event: KeyboardEvent, keys: string): boolean {
  if (event.getModifierState?.('AltGraph') || (!isMac && event.ctrlKey && event.altKey)) return false;
  const parts = keys.toLowerCase().split('+');
  const key = parts.pop() ?? '';
  const want = new Set(parts);
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (want.has('mod') !== mod) return false;
  if (want.has('alt') !== event.altKey) return false;
  if (want.has('shift') !== event.shiftKey) return false;
  if (!isMac && event.metaKey) return false;
  const pressed = key.length === 1 && event.code.startsWith('Key') ? event.code.slice(3).toLowerCase() : event.key.toLowerCase();
  const digit = event.code.startsWith('Digit') ? event.code.slice(5) : undefined;
  return pressed === key || digit === key || event.key.toLowerCase() === key;
}

export function shortcut(id: string): Shortcut {
  const s = SHORTCUTS.find((x) => x.id === id);
  if (!s) throw new Error(`Unknown shortcut ${id}`);
  return s;
}

/** "Ctrl+Enter" / "⌘+Enter", for labels. */
export function label(keys: string): string {
  return keys
    .split('+')
    .map(
      (k) =>
        ({ mod: isMac ? '⌘' : 'Ctrl', alt: isMac ? '⌥' : 'Alt', shift: 'Shift', enter: 'Enter', delete: 'Delete', escape: 'Esc', arrowup: '↑', arrowdown: '↓', arrowleft: '←', arrowright: '→' })[k] ??
        k.toUpperCase(),
    )
    .join('+');
}
