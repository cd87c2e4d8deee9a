/**
 * Durable writes: a file is either the old one or the new one, never a truncated mix, even if the app, the
 * CLI or the computer stops at any moment. The bytes go to a hidden temporary file beside the target
 * (unique, created exclusively, so two saves or a stray file of that name are never written through), which
 * is flushed to disk (fsync), renamed over the target, and then the folder itself is flushed so the rename
 * survives a power cut. A temporary file left by a crash is removed later (removeLeftoverTemps): the app's
 * backup folder at every start, a save target's folder when the app or the CLI next writes there.
 * Used by the save dialog, the backups and the CLI; no Electron here.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temporary files' suffix, so directory listings (backups) can leave them out. */
export const PARTIAL_SUFFIX = '.partial';

/** Our temporary files and nothing else: `.<target name>.<12 hex digits>.partial`. */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.partial$/;

/**
 * A temporary file this old in someone's folder is a crash's leftover, not a write in progress (a write
 * touches its file until it is renamed; two Attaché processes may write into the same folder).
 */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/** The points between the steps of a write, for tests that inject a fault or a crash there. */
export type WriteStep = 'created' | 'written' | 'synced' | 'closed' | 'renamed' | 'dir-synced';

export interface DurableWriteOptions {
  /**
   * The file's permission bits, set with chmod (so the umask does not matter) before any byte is written.
   * Without it an existing target keeps its mode; a new file gets the usual mode (0666 less the umask).
   */
  mode?: number;
  /**
   * Called after each step. A hook that throws is a fault at that step (the write fails and cleans up); one
   * that never settles is a crash there (nothing after it runs). Tests only.
   */
  afterStep?: (step: WriteStep, temp: string) => void | Promise<void>;
}

export function isLeftoverTemp(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** Writing through a symbolic link writes the file it points to (the link stays a link). */
export async function resolveTarget(path: string): Promise<string> {
  try {
    if ((await lstat(path)).isSymbolicLink()) return await realpath(path);
  } catch {
    // Missing, or a dangling link: write the path itself.
  }
  return path;
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

// Windows refuses a rename over a file another program (a virus scanner, an indexer) has open for a moment.
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || attempt >= 5 || !['EPERM', 'EACCES', 'EBUSY'].includes(code ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

/** Flushes a folder's entries (the rename) to disk. Windows cannot open a folder; some file systems cannot flush one. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EPERM', 'EACCES', 'EISDIR', 'EBADF'].includes(code)) throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Removes the temporary files a crashed write left in `dir` (only names of our pattern, only files), those
 * at least `olderThanMs` old. Returns the names removed; a missing folder has none.
 */
export async function removeLeftoverTemps(dir: string, options: { olderThanMs?: number; now?: number } = {}): Promise<string[]> {
  const { olderThanMs = 0, now = Date.now() } = options;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names.filter(isLeftoverTemp)) {
    const path = join(dir, name);
    try {
      const info = await lstat(path);
      // mtimeMs has sub-millisecond precision and Date.now() does not: a file written this very millisecond
      // can look a fraction of a millisecond younger than now, so an age limit of 0 must not compare at all.
      if (!info.isFile() || (olderThanMs > 0 && now - info.mtimeMs < olderThanMs)) continue;
      await rm(path, { force: true });
      removed.push(name);
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}

/**
 * Writes `bytes` to `path` durably: temporary file → fsync → rename → fsync of the folder. If anything fails
 * the target is untouched and the temporary file is removed; if the process dies, the target is the old file
 * or the new one and the temporary file is removed by the next removeLeftoverTemps. Stale temporary files
 * in the target's folder are removed first (best effort).
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const target = await resolveTarget(path);
  const dir = dirname(target);
  await removeLeftoverTemps(dir, { olderThanMs: STALE_TEMP_MS }).catch(() => []);
  const mode = options.mode ?? (await existingMode(target));
  const step = options.afterStep ?? (() => {});
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`);
  let handle: FileHandle | undefined;
  let renamed = false;
  try {
    handle = await open(temp, 'wx', 0o666);
    if (mode !== undefined) await handle.chmod(mode);
    await step('created', temp);
    await handle.writeFile(bytes);
    await step('written', temp);
    await handle.sync();
    await step('synced', temp);
    await handle.close();
    handle = undefined;
    await step('closed', temp);
    await renameOver(temp, target);
    renamed = true;
    await step('renamed', temp);
    await syncDir(dir);
    await step('dir-synced', temp);
  } catch (error) {
    await handle?.close().catch(() => {});
    if (!renamed) await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}
