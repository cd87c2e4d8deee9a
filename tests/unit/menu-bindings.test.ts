/**
 * Shortcuts rebound in Settings reach the native menu: the renderer reports them (bindings.ts) through the
 * bridge, the main process checks them (validate.ts) and rebuilds the menu from a pure template
 * (menu-template.ts), tested here without Electron's binary.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { keyTable, menuTemplate } from '../../src-main/menu-template';
import { parseBindings } from '../../src-main/validate';
import { rebind, reportBindingsTo, resetBinding } from '../../src-renderer/src/ui/app/bindings';

const linux = { isMac: false, isPackaged: true };

/** label → accelerator of every item, menu by menu. */
function accelerators(template: MenuItemConstructorOptions[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const menu of template) {
    for (const item of (menu.submenu ?? []) as MenuItemConstructorOptions[]) if (item.label) out[`${String(menu.label)} › ${item.label}`] = item.accelerator;
  }
  return out;
}

describe('the menu template', () => {
  it('shows the default keys', () => {
    const a = accelerators(menuTemplate(keyTable(), () => {}, linux));
    expect(a['&File › New briefing']).toBe('CmdOrCtrl+Shift+N');
    expect(a['&Go › Search…']).toBe('CmdOrCtrl+K');
    expect(a['&Go › Briefings']).toBe('Alt+1');
    expect(a['&Edit › Undo']).toBe('CmdOrCtrl+Z');
    expect(a['&Help › Keyboard shortcuts']).toBeUndefined();
  });

  it('shows rebound keys, and leaves the others as they were', () => {
    const a = accelerators(menuTemplate(keyTable({ 'new-briefing': 'alt+n', search: 'mod+shift+f' }), () => {}, linux));
    expect(a['&File › New briefing']).toBe('Alt+N');
    expect(a['&Go › Search…']).toBe('CmdOrCtrl+Shift+F');
    expect(a['&Go › Briefings']).toBe('Alt+1');
  });

  it('sends the item’s command when clicked, has a View menu only in development and an app menu on macOS', () => {
    const sent: string[] = [];
    const template = menuTemplate(keyTable(), (c) => sent.push(c), { isMac: true, isPackaged: false });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(template.map((m) => m.label)).toContain('&View');
    expect(menuTemplate(keyTable(), () => {}, linux).map((m) => m.label)).toEqual(['&File', '&Edit', '&Go', '&Help']);
    const file = template.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
    (file[0]!.click as () => void)();
    expect(sent).toEqual(['new-briefing']);
  });
});

describe('the menu in the interface’s language', () => {
  it('names menus and commands in French or Russian, with the same keys', () => {
    const fr = accelerators(menuTemplate(keyTable(), () => {}, { ...linux, locale: 'fr' }));
    expect(fr['&Fichier › Nouveau compte rendu']).toBe('CmdOrCtrl+Shift+N');
    expect(fr['A&tteindre › Rechercher…']).toBe('CmdOrCtrl+K');
    expect(fr['A&tteindre › Comptes rendus']).toBe('Alt+1');
    expect(fr['Éditi&on › Annuler']).toBe('CmdOrCtrl+Z');
    expect(Object.keys(fr)).toContain('Aid&e › Raccourcis clavier');
    const ru = menuTemplate(keyTable(), () => {}, { ...linux, locale: 'ru' });
    expect(ru.map((m) => m.label)).toEqual(['Фай&л', '&Правка', 'Перех&од', '&Справка']);
    expect(accelerators(ru)['Перех&од › Поручения']).toBe('Alt+2');
  });
});

describe('the bindings the main process accepts', () => {
  it('takes known rebindable shortcuts with keys the rules accept, in canonical order', () => {
    expect(parseBindings({})).toEqual({});
    expect(parseBindings({ 'new-briefing': 'Shift+Mod+B', 'go-people': 'mod+shift+p' })).toEqual({ 'new-briefing': 'mod+shift+b', 'go-people': 'mod+shift+p' });
  });

  it('refuses anything else, with the reason', () => {
    expect(() => parseBindings(null)).toThrow(/must be an object/);
    expect(() => parseBindings(['mod+k'])).toThrow(/must be an object/);
    expect(() => parseBindings({ 'no-such': 'alt+n' })).toThrow(/not a shortcut that can be rebound/);
    expect(() => parseBindings({ undo: 'mod+u' })).toThrow(/not a shortcut that can be rebound/);
    expect(() => parseBindings({ search: 42 })).toThrow(/not one key/);
    expect(() => parseBindings({ search: 'mod+alt+k' })).toThrow(/AltGr/);
    expect(() => parseBindings({ search: 'alt+f' })).toThrow(/File menu/);
    expect(() => parseBindings({ search: 'mod+shift+n' })).toThrow(/already “New briefing”/);
    expect(() => parseBindings({ search: 'mod+j', 'new-briefing': 'mod+j' })).toThrow(/already/);
  });
});

describe('the renderer reports rebindings', () => {
  it('sends the rebound keys at start and after every change', async () => {
    const sent: Record<string, string>[] = [];
    const stop = reportBindingsTo(async (b) => void sent.push(b));
    expect(rebind('new-briefing', 'alt+n')).toBeUndefined();
    expect(resetBinding('new-briefing')).toBeUndefined();
    stop();
    expect(rebind('search', 'mod+j')).toBeUndefined();
    expect(sent).toEqual([{}, { 'new-briefing': 'alt+n' }, {}]);
    // What was sent is what the main process accepts.
    for (const b of sent) expect(() => parseBindings(b)).not.toThrow();
  });
});
