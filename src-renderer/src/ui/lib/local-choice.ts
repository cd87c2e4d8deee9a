/**
 * A preference of this installation kept in localStorage (never synced: the theme, the language): read with
 * a check, kept only when it differs from the default (the default is "no entry", so a later default follows),
 * and never an error when storage is unavailable or refuses (private windows, quotas) — it still applies for now.
 */
export interface LocalChoice<T extends string> {
  read(): T;
  /** False when the browser refused to keep it. */
  write(choice: T): boolean;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function localChoice<T extends string>(key: string, isValid: (value: unknown) => value is T, fallback: T): LocalChoice<T> {
  return {
    read() {
      try {
        const value = storage()?.getItem(key);
        return isValid(value) ? value : fallback;
      } catch {
        return fallback;
      }
    },
    write(choice) {
      try {
        const s = storage();
        if (!s) return false;
        if (choice === fallback) s.removeItem(key);
        else s.setItem(key, choice);
        return true;
      } catch {
        return false;
      }
    },
  };
}
