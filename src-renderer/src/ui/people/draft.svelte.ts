/**
 * A new-record form's text kept in sessionStorage, so that leaving the screen or reloading half-way
 * through typing a new person or organisation loses nothing.
 */
export function sessionDraft<T extends object>(key: string, empty: () => T): { value: T; clear: () => void } {
  let initial = empty();
  const fields = initial as Record<string, unknown>;
  try {
    const raw = sessionStorage.getItem(key);
    if (raw) {
      const parsed = JSON.parse(raw) as unknown;
      if (parsed && typeof parsed === 'object') {
        for (const k of Object.keys(initial)) {
          const v = (parsed as Record<string, unknown>)[k];
          if (typeof v === typeof fields[k] || (fields[k] === null && typeof v === 'string')) fields[k] = v;
        }
      }
    }
  } catch {
    initial = empty();
  }
  const value = $state(initial);
  $effect(() => {
    const json = JSON.stringify(value);
    try {
      if (json === JSON.stringify(empty())) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, json);
    } catch {
      /* storage full or unavailable: the form still works, only the reload safety net is gone */
    }
  });
  return {
    value,
    clear() {
      Object.assign(value, empty());
    },
  };
}
