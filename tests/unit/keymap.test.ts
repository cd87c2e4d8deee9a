/**
 * Key rules (ui/app/keymap.ts) and rebinding (ui/app/bindings.ts): no shortcut fights the typist (no
 * Ctrl+Alt, which is AltGr on Polish or German keyboards; no Alt+letter the menu bar's mnemonics own; no
 * keys a text field keeps), clashes are refused with the reason and change nothing.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { accelerator, bindingProblem, keysOfPress, MENU_MNEMONICS, menuMnemonicKeys, normalizeKeys } from '../../src-renderer/src/ui/app/keymap';
import { label, SHORTCUTS, shortcut } from '../../src-renderer/src/ui/app/shortcuts';
import { applySavedBindings, rebind, resetBinding } from '../../src-renderer/src/ui/app/bindings';

describe('the shortcut table', () => {
  it('uses no Ctrl+Alt combination and no Alt+letter of a menu mnemonic', () => {
    for (const s of SHORTCUTS) {
      const parts = s.keys.split('+');
      expect(parts.includes('mod') && parts.includes('alt'), s.id).toBe(false);
      if (parts.length === 2 && parts[0] === 'alt') expect(MENU_MNEMONICS, s.id).not.toContain(parts[1]);
    }
    // English File Edit View Go Help, then French Éditi&on, A&tteindre, then Russian Фай&л (the K key), &Правка (G),
    // В&ид (B), Перех&од (J), &Справка (C): no shortcut takes a key whose Alt opens a menu in any language.
    expect(MENU_MNEMONICS).toEqual(['f', 'e', 'v', 'g', 'h', 'o', 't', 'k', 'b', 'j', 'c']);
    // The list is written out (a window in English has not loaded the other titles): it must be the titles' own.
    expect([...MENU_MNEMONICS].sort()).toEqual(menuMnemonicKeys().sort());
  });

  it('says why a binding is refused in the interface’s language', () => {
    expect(bindingProblem('search', 'alt+o', SHORTCUTS, label)).toBe('Alt+O opens the Édition menu.');
    expect(bindingProblem('search', 'alt+f', SHORTCUTS, label, 'fr')).toBe('Alt+F ouvre le menu «\u00a0Fichier\u00a0».');
    expect(bindingProblem('search', 'alt+k', SHORTCUTS, label, 'ru')).toBe('Alt+K открывает меню «Файл».');
    expect(bindingProblem('search', 'mod+c', SHORTCUTS, label, 'fr')).toBe('Ctrl+C sert à copier dans tout champ de texte.');
    expect(rebind('search', 'mod+shift+n', 'ru')).toBe('Ctrl+Shift+N уже занято: «Новый брифинг».');
    expect(rebind('undo', 'mod+u', 'fr')).toMatch(/^«\u00a0Annuler la dernière modification .*\u00a0» garde Ctrl\+Z\.$/);
  });

  it('has every default accepted by its own rules, except where meeting mode deliberately comes first', () => {
    for (const s of SHORTCUTS.filter((x) => !x.fixed && !x.id.startsWith('meeting-speaker-') && !x.id.startsWith('go-') && x.scope !== 'briefing')) {
      if (s.id === 'help') continue; // Shift+? works only outside text fields, which its handler checks.
      expect(bindingProblem(s.id, s.keys, SHORTCUTS, label), s.id).toBeUndefined();
    }
  });

  it('gives the native menu Electron accelerators', () => {
    expect(accelerator(shortcut('new-briefing').keys)).toBe('CmdOrCtrl+Shift+N');
    expect(accelerator('alt+1')).toBe('Alt+1');
    expect(accelerator('mod+z')).toBe('CmdOrCtrl+Z');
  });
});

describe('key rules', () => {
  const table = [
    { id: 'a', keys: 'mod+k', description: 'Search everything', scope: 'global' },
    { id: 'b', keys: 'alt+s', description: 'Kind: statement', scope: 'capture' },
    { id: 'c', keys: 'mod+b', description: 'Bold', scope: 'editor' },
  ];
  const refuse = (id: string, keys: string) => bindingProblem(id, keys, table, label);

  it('normalises the order of modifiers', () => {
    expect(normalizeKeys('Shift+Mod+N')).toBe('mod+shift+n');
    expect(normalizeKeys('ctrl+n')).toBeUndefined();
    expect(normalizeKeys('mod+shift')).toBeUndefined();
  });

  it('reads a key press from the physical key, so Alt+F is alt+f on any layout', () => {
    const press = { key: 'ƒ', code: 'KeyF', ctrlKey: false, metaKey: false, altKey: true, shiftKey: false };
    expect(keysOfPress(press, false)).toBe('alt+f');
    expect(keysOfPress({ ...press, key: 'Control', code: 'ControlLeft', ctrlKey: true, altKey: false }, false)).toBeUndefined();
  });

  it('refuses Ctrl+Alt (AltGr), a menu mnemonic, a text field’s keys and a bare key anywhere', () => {
    expect(refuse('a', 'mod+alt+n')).toMatch(/AltGr/);
    expect(refuse('b', 'alt+f')).toBe('Alt+F opens the File menu.');
    expect(refuse('b', 'alt+h')).toBe('Alt+H opens the Help menu.');
    expect(refuse('a', 'mod+c')).toBe('Ctrl+C is Copy in every text field.');
    expect(refuse('a', 'q')).toMatch(/would fire while typing/);
  });

  it('refuses a clash where both could fire, and allows the same keys in scopes that never meet', () => {
    expect(refuse('b', 'mod+k')).toBe('Ctrl+K is already “Search everything”.');
    expect(refuse('a', 'alt+s')).toBe('Alt+S is already “Kind: statement”.');
    expect(refuse('c', 'alt+s')).toBeUndefined();
    expect(refuse('b', 'alt+w')).toBeUndefined();
  });
});

/** The browser's localStorage, as far as bindings.ts uses it (Node has none by default). */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  clear() {
    this.items.clear();
  }
}
Object.defineProperty(globalThis, 'localStorage', { value: new MemoryStorage(), configurable: true });

describe('rebinding (a local preference)', () => {
  beforeEach(() => {
    for (const s of SHORTCUTS) resetBinding(s.id);
    localStorage.clear();
  });
  afterAll(() => {
    for (const s of SHORTCUTS) resetBinding(s.id);
  });

  it('rebinds, keeps it for the next start, and resets', () => {
    expect(rebind('go-packs', 'alt+w')).toBeUndefined();
    expect(shortcut('go-packs').keys).toBe('alt+w');
    expect(JSON.parse(localStorage.getItem('attache.shortcuts')!)).toEqual({ 'go-packs': 'alt+w' });
    shortcut('go-packs').keys = 'alt+6';
    applySavedBindings();
    expect(shortcut('go-packs').keys).toBe('alt+w');
    expect(resetBinding('go-packs')).toBeUndefined();
    expect(shortcut('go-packs').keys).toBe('alt+6');
  });

  it('refuses a clash and changes nothing', () => {
    expect(rebind('go-packs', 'mod+k')).toBe('Ctrl+K is already “Search everything”.');
    expect(shortcut('go-packs').keys).toBe('alt+6');
    expect(localStorage.getItem('attache.shortcuts')).toBeNull();
    expect(rebind('undo', 'mod+u')).toMatch(/keeps Ctrl\+Z/);
  });
});
