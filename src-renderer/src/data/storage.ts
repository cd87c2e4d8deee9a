/**
 * How safe the workspace's storage is: whether the browser keeps it for good ("persistent") or may clear
 * it to free disk space ("best-effort"), and how much of the allowed space it uses. IndexedDB lives under
 * the browser's storage manager (navigator.storage), in the desktop app too; a browser without it (an
 * insecure page, an old engine) answers "unknown".
 */
export type Persistence = 'persistent' | 'best-effort' | 'unknown';

export interface StorageUse {
  /** Bytes this origin uses (every store, not only the workspace). */
  usage: number;
  /** Bytes it may use; writes beyond fail with QuotaExceededError. */
  quota: number;
}

function manager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Whether the workspace is kept for good, asking the browser for it first when `ask` and it is not yet.
 * The desktop app does not ask: Electron treats its own origin's storage as durable already.
 */
export async function ensurePersistence(ask: boolean): Promise<Persistence> {
  const m = manager();
  if (!m?.persisted) return 'unknown';
  try {
    if (await m.persisted()) return 'persistent';
    if (ask && m.persist) return (await m.persist()) ? 'persistent' : 'best-effort';
    return 'best-effort';
  } catch {
    return 'unknown';
  }
}

export async function storageUse(): Promise<StorageUse | undefined> {
  const m = manager();
  if (!m?.estimate) return undefined;
  try {
    const { usage, quota } = await m.estimate();
    return usage === undefined || quota === undefined ? undefined : { usage, quota };
  } catch {
    return undefined;
  }
}
