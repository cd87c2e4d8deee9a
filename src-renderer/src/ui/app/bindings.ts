/**
 * Shortcuts rebound in Settings: a local preference of this installation (localStorage, never synced, as
 * keyboards differ between colleagues). A rebinding changes the key of the one table every handler and
 * label reads (ui/app/shortcuts.ts); keymap.ts refuses clashes, Ctrl+Alt and the menu's mnemonics.
 */
import { translate, type Locale } from '../../core/i18n';
import { bindingProblem, normalizeKeys } from './keymap';
import { label, shortcutDescription, SHORTCUTS } from './shortcuts';

const STORAGE_KEY = 'attache.shortcuts';

const DEFAULTS: ReadonlyMap<string, string> = new Map(SHORTCUTS.map((s) => [s.id, s.keys]));

const listeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function saved(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The shortcuts whose keys differ from their defaults: id → keys (what is saved, and what the menu is told). */
export function reboundKeys(): Record<string, string> {
  return Object.fromEntries(SHORTCUTS.filter((s) => s.keys !== DEFAULTS.get(s.id)).map((s) => [s.id, s.keys]));
}

function save(): void {
  storage()?.setItem(STORAGE_KEY, JSON.stringify(reboundKeys()));
  for (const fn of listeners) fn();
}

/**
 * Apply the saved rebindings (once, before the first screen reads its keys). One that has become a
 * problem (a new default took its keys) is dropped: the default stays rather than a clash.
 */
export function applySavedBindings(): void {
  for (const [id, keys] of Object.entries(saved())) {
    const s = SHORTCUTS.find((x) => x.id === id);
    if (!s || s.fixed || typeof keys !== 'string') continue;
    if (!bindingProblem(id, keys, SHORTCUTS, label)) s.keys = normalizeKeys(keys)!;
  }
}

/** Rebind a shortcut; resolves to why not (nothing changes, said in `locale`), or undefined when done. */
export function rebind(id: string, keys: string, locale: Locale = 'en'): string | undefined {
  const s = SHORTCUTS.find((x) => x.id === id);
  if (!s) return translate(locale, 'shortcuts.problem.unknown');
  if (s.fixed) return translate(locale, 'shortcuts.problem.fixed', { name: shortcutDescription(locale, s), keys: label(s.keys) });
  const problem = bindingProblem(id, keys, SHORTCUTS, label, locale, (x) => shortcutDescription(locale, x));
  if (problem) return problem;
  s.keys = normalizeKeys(keys)!;
  save();
  return undefined;
}

/** Back to the default keys, unless another shortcut has been given them since (then why not, said in `locale`). */
export function resetBinding(id: string, locale: Locale = 'en'): string | undefined {
  const s = SHORTCUTS.find((x) => x.id === id);
  const keys = DEFAULTS.get(id);
  if (!s || keys === undefined) return translate(locale, 'shortcuts.problem.unknown');
  const clash = SHORTCUTS.find((x) => x.id !== id && x.keys === keys && (x.scope === s.scope || x.scope === 'global' || s.scope === 'global'));
  if (clash && clash.keys !== DEFAULTS.get(clash.id)) return translate(locale, 'shortcuts.problem.takenNow', { keys: label(keys), name: shortcutDescription(locale, clash) });
  s.keys = keys;
  save();
  return undefined;
}

export function defaultKeys(id: string): string | undefined {
  return DEFAULTS.get(id);
}

export function onBindingsChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Keep the native menu's accelerators on the keys in force: `send` (the platform bridge) gets the rebound
 * keys now and after every change. A refusal is only logged: the menu then keeps showing older keys, and
 * the shortcuts themselves work all the same.
 */
export function reportBindingsTo(send: (rebound: Record<string, string>) => Promise<void>): () => void {
  const push = () => send(reboundKeys()).catch((e: unknown) => console.warn('[attache] the menu could not take the rebound keys', e));
  void push();
  return onBindingsChange(() => void push());
}
