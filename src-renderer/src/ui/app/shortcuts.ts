/**
 * Every keyboard shortcut in one table: the help overlay, the native menu's accelerators (src-main/menu.ts
 * imports this file, so it stays free of DOM and Svelte) and the handlers read it, so what is documented
 * is what works. `mod` is Ctrl (Cmd on macOS). No shortcut uses Ctrl+Alt (AltGr on many layouts) or an
 * Alt+letter the menu bar's mnemonics own (ui/app/keymap.ts holds those rules; a unit test checks them).
 */
export interface Shortcut {
  id: string;
  keys: string;
  description: string;
  scope: 'global' | 'today' | 'briefing' | 'capture' | 'editor';
  /** Not rebindable in Settings (undo and redo keep the keys every text field uses). */
  fixed?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'search', keys: 'mod+k', description: 'Search everything', scope: 'global' },
  { id: 'new-briefing', keys: 'mod+shift+n', description: 'New briefing', scope: 'global' },
  { id: 'undo', keys: 'mod+z', description: 'Undo the last change to records (in a text field being typed in: its typing)', scope: 'global', fixed: true },
  { id: 'redo', keys: 'mod+shift+z', description: 'Redo what was undone', scope: 'global', fixed: true },
  { id: 'redo-alt', keys: 'mod+y', description: 'Redo (Windows and Linux)', scope: 'global', fixed: true },
  { id: 'go-today', keys: 'alt+0', description: 'Go to Today (the start screen)', scope: 'global' },
  { id: 'go-briefings', keys: 'alt+1', description: 'Go to briefings', scope: 'global' },
  { id: 'go-followups', keys: 'alt+2', description: 'Go to follow-ups', scope: 'global' },
  { id: 'go-people', keys: 'alt+3', description: 'Go to people and organisations', scope: 'global' },
  { id: 'go-search', keys: 'alt+4', description: 'Go to search', scope: 'global' },
  { id: 'go-exchange', keys: 'alt+5', description: 'Go to exchange (sync files)', scope: 'global' },
  { id: 'go-packs', keys: 'alt+6', description: 'Go to briefing packs', scope: 'global' },
  { id: 'help', keys: 'shift+?', description: 'Show keyboard shortcuts', scope: 'global' },
  { id: 'today-today', keys: '1', description: 'Today screen: to today’s briefings and events', scope: 'today' },
  { id: 'today-week', keys: '2', description: 'Today screen: to the coming week', scope: 'today' },
  { id: 'today-mine', keys: '3', description: 'Today screen: to my follow-ups due or overdue', scope: 'today' },
  { id: 'today-recent', keys: '4', description: 'Today screen: to the briefings last edited', scope: 'today' },
  { id: 'briefing-edit', keys: 'e', description: 'Reading a briefing: edit it, at the place in view', scope: 'briefing' },
  { id: 'briefing-read', keys: 'escape', description: 'Editing a briefing: back to reading it (in a text field, the first Esc leaves the field)', scope: 'briefing' },
  { id: 'briefing-print', keys: 'mod+p', description: 'Reading a briefing: print it (classification at the top and foot of each page)', scope: 'briefing' },
  { id: 'meeting-mode', keys: 'mod+shift+m', description: 'Meeting mode on or off (transcript, capture box always in view)', scope: 'briefing' },
  { id: 'meeting-details', keys: 'mod+shift+d', description: 'Meeting mode: show or hide the briefing’s details', scope: 'briefing' },
  // Alt+digit picks a speaker only in meeting mode, where it comes before "Go to …" (Alt+1…6).
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(
    (n): Shortcut => ({ id: `meeting-speaker-${n}`, keys: `alt+${n}`, description: `Meeting mode: speaker ${n} of this briefing (in order of appearance)`, scope: 'briefing' }),
  ),
  { id: 'save-statement', keys: 'mod+enter', description: 'Save the statement and start the next one', scope: 'capture' },
  { id: 'save-statement-follow-up', keys: 'mod+shift+enter', description: 'Save the statement and make a follow-up from it', scope: 'capture' },
  { id: 'pick-speaker', keys: 'mod+shift+s', description: 'Pick the speaker', scope: 'capture' },
  { id: 'speaker-details', keys: 'mod+shift+e', description: 'Edit the speaker’s title and organisation (Enter or Esc back to the statement)', scope: 'capture' },
  { id: 'kind-statement', keys: 'alt+s', description: 'Kind: statement', scope: 'capture' },
  { id: 'kind-figure', keys: 'alt+i', description: 'Kind: figure', scope: 'capture' },
  { id: 'kind-proposal', keys: 'alt+p', description: 'Kind: proposal', scope: 'capture' },
  { id: 'kind-request', keys: 'alt+r', description: 'Kind: request', scope: 'capture' },
  { id: 'kind-announcement', keys: 'alt+a', description: 'Kind: announcement', scope: 'capture' },
  { id: 'kind-decision', keys: 'alt+d', description: 'Kind: decision (what the meeting decided or agreed)', scope: 'capture' },
  { id: 'statement-edit', keys: 'enter', description: 'Edit the focused statement (Escape cancels)', scope: 'capture' },
  { id: 'statement-move-up', keys: 'alt+arrowup', description: 'Move the focused statement up', scope: 'capture' },
  { id: 'statement-move-down', keys: 'alt+arrowdown', description: 'Move the focused statement down', scope: 'capture' },
  { id: 'statement-follow-up', keys: 'alt+u', description: 'Make a follow-up from the focused statement', scope: 'capture' },
  { id: 'statement-delete', keys: 'delete', description: 'Delete the focused statement (with undo)', scope: 'capture' },
  { id: 'bold', keys: 'mod+b', description: 'Bold (in the summary)', scope: 'editor' },
  { id: 'italic', keys: 'mod+i', description: 'Italic (in the summary)', scope: 'editor' },
  { id: 'bullets', keys: 'mod+shift+8', description: 'Bullet list on the current lines (in the summary)', scope: 'editor' },
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
