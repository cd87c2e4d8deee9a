/**
 * Typed text that IndexedDB refused because storage is full, kept in localStorage until it is saved.
 * localStorage has its own small allowance, outside the quota IndexedDB draws on, so when the workspace
 * cannot grow a reload or a crash still finds what was typed. Only text whose save failed is kept here,
 * and only until a later save of it succeeds: it is a rescue, not a second copy of the workspace.
 */
const PREFIX = 'attache.unsaved.';

function store(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // A browser with storage disabled throws on the mere access.
    return undefined;
  }
}

/** Keep `value` under `key`. Returns false if even localStorage refused it (the text is then only on screen). */
export function keepUnsaved(key: string, value: unknown): boolean {
  try {
    const s = store();
    if (!s) return false;
    s.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function readUnsaved<T>(key: string): T | undefined {
  try {
    const raw = store()?.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function dropUnsaved(key: string): void {
  try {
    store()?.removeItem(PREFIX + key);
  } catch {
    // Nothing to do: what cannot be removed is read again and saved again, which is harmless.
  }
}

/** One field of a record's unsaved text, kept beside the record's other unsaved fields. */
export function keepUnsavedField(key: string, field: string, value: unknown): boolean {
  return keepUnsaved(key, { ...readUnsaved<Record<string, unknown>>(key), [field]: value });
}

export function dropUnsavedField(key: string, field: string): void {
  const kept = readUnsaved<Record<string, unknown>>(key);
  if (!kept || !(field in kept)) return;
  delete kept[field];
  if (Object.keys(kept).length) keepUnsaved(key, kept);
  else dropUnsaved(key);
}
