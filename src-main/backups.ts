/**
 * The automatic backups the main process keeps in `<userData>/backups`. The renderer hands over the bytes
 * of a full export and nothing else: the main process names the file from the time, decides whether it may
 * write one now (rate limit), encrypts it where the operating system keeps a key for us, and rotates.
 *
 * - Folder 0700, files 0600, set with chmod (the umask does not matter); written durably (atomic-write.ts).
 * - Encrypted at rest (backup-crypto.ts) with a random 256-bit key stored wrapped by the OS keychain
 *   (Electron's safeStorage) in `<userData>/backup-key` (0600). Where the OS offers no keychain, or on Linux
 *   only the "basic_text" store (a fixed password: no protection), backups are stored unencrypted and the
 *   status says so.
 * - At most one backup per 5 minutes, or per 30 seconds when the user asks for it; rotation keeps 7 daily and
 *   4 weekly backups (backup-rotation.ts).
 *
 * No Electron here (the keychain is passed in), so it is tested on a real folder without the binary.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BackupEntry, BackupOutcome, BackupProtection, BackupStatus } from '../src-renderer/src/platform/bridge';
import { PARTIAL_SUFFIX, removeLeftoverTemps, STALE_TEMP_MS, writeFileAtomic } from './atomic-write';
import { BackupError, hasBackupMagic, KEY_BYTES, openBackup, sealBackup } from './backup-crypto';
import { chooseBackupsToKeep } from './backup-rotation';
import { messageOf, UserError } from '../src-renderer/src/core/errors';
import { translate, type Locale } from '../src-renderer/src/core/i18n';
import { MAX_BACKUP_BYTES } from './validate';

export { BackupError } from './backup-crypto';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;
/** Between two backups the renderer asks for on its own (the periodic ones). */
export const AUTOMATIC_INTERVAL_MS = 5 * 60 * 1000;
/** Between two backups the user asks for (Back up now): still limited, so a page cannot fill the disk. */
export const EXPLICIT_INTERVAL_MS = 30 * 1000;

// A fixed-width UTC stamp in front of every backup: names sort in time order, and rotation and restore only
// ever touch files that carry it (never something a user dropped into the folder).
const STAMPED = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[^/\\\0]+$/;
const ENCRYPTED_SUFFIX = '.enc';
const PLAIN_NAME = 'backup.attache';
const KEY_MAGIC = Buffer.from('ATTKEY\u0001\n', 'latin1');

/** The operating system's key store, as the backups need it (Electron's safeStorage in the app, a fake in tests). */
export interface Keychain {
  /** What would protect a backup written now, and the store's name ("gnome_libsecret", "keychain", …). */
  protection(): Promise<{ protection: BackupProtection; backend: string }>;
  wrap(secret: string): Promise<Uint8Array>;
  /** `rewrap`: the store would rather have the secret wrapped again (its key was rotated). */
  unwrap(wrapped: Uint8Array): Promise<{ secret: string; rewrap: boolean }>;
}

/** The part of Electron's safeStorage the keychain uses (the async functions where this Electron has them). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptStringAsync?(plain: string): Promise<Buffer>;
  decryptStringAsync?(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

/** Linux stores that protect nothing: "basic_text" is a fixed password, "unknown" means none was chosen. */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export function safeStorageKeychain(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Keychain {
  const useAsync = typeof safeStorage.encryptStringAsync === 'function' && typeof safeStorage.decryptStringAsync === 'function';
  return {
    async protection() {
      const backend =
        platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : 'unknown';
      const available = useAsync && safeStorage.isAsyncEncryptionAvailable ? await safeStorage.isAsyncEncryptionAvailable() : safeStorage.isEncryptionAvailable();
      if (!available) return { protection: 'none', backend };
      if (platform === 'linux' && WEAK_LINUX_BACKENDS.has(backend)) return { protection: 'weak-keychain', backend };
      return { protection: 'os-keychain', backend };
    },
    async wrap(secret) {
      return new Uint8Array(useAsync ? await safeStorage.encryptStringAsync!(secret) : safeStorage.encryptString(secret));
    },
    async unwrap(wrapped) {
      const buffer = Buffer.from(wrapped);
      if (useAsync) {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync!(buffer);
        return { secret: result, rewrap: shouldReEncrypt };
      }
      return { secret: safeStorage.decryptString(buffer), rewrap: false };
    },
  };
}

export interface BackupStoreOptions {
  /** `<userData>/backups`. */
  dir: string;
  /** `<userData>/backup-key`: the data key, wrapped by the keychain. */
  keyFile: string;
  keychain: Keychain;
  now?: () => number;
  /** The window's language (src-main/ipc.ts): a skipped backup's reason and the last failure are said in it. English if not given. */
  locale?: () => Locale;
}

function stampOf(name: string): number | null {
  const m = STAMPED.exec(name);
  if (!m || name.endsWith(PARTIAL_SUFFIX)) return null;
  const n = m.slice(1, 8).map(Number);
  const at = Date.UTC(n[0] ?? NaN, (n[1] ?? NaN) - 1, n[2], n[3], n[4], n[5], n[6]);
  // A stamp that names no real moment (a 13th month) is not one of ours.
  return Number.isNaN(at) || nameStamp(at) !== name.slice(0, 19) ? null : at;
}

function nameStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('.', '');
}

/** A failure as the backup status says it, in the window's language when it is one of ours. */
function reasonOf(error: unknown, locale: Locale): string {
  if (error instanceof BackupError || error instanceof UserError) return translate(locale, error.key, error.values);
  const code = (error as NodeJS.ErrnoException).code;
  if (code) return messageOf(fileError(code), locale);
  return error instanceof Error ? error.message : String(error);
}

/**
 * A file-system error code as a sentence for the screen (paths and stack traces stay in the main process): a
 * UserError, which crosses IPC as one (core/errors.ts toIpcError), so the window says it in its language.
 */
export function fileError(code: string): UserError {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError('error.file.diskFull');
    case 'EACCES':
    case 'EPERM':
      return new UserError('error.file.permission');
    case 'EROFS':
      return new UserError('error.file.readOnly');
    case 'ENOENT':
      return new UserError('error.file.missing');
    case 'EISDIR':
      return new UserError('error.file.isFolder');
    case 'EIO':
      return new UserError('error.file.io');
    default:
      return new UserError('error.file.other', { code });
  }
}


export class BackupStore {
  readonly dir: string;
  private readonly keyFile: string;
  private readonly keychain: Keychain;
  private readonly now: () => number;
  private readonly locale: () => Locale;
  private prepared: Promise<void> | undefined;
  private key: Promise<Buffer> | undefined;
  private busy = false;
  private lastWritten = 0;
  private lastStamp = 0;
  private lastError: { at: string; message: string } | null = null;

  constructor(options: BackupStoreOptions) {
    this.dir = options.dir;
    this.keyFile = options.keyFile;
    this.keychain = options.keychain;
    this.now = options.now ?? Date.now;
    this.locale = options.locale ?? (() => 'en');
  }

  /**
   * At start: the folder exists with mode 0700, a crash's temporary files are gone, and backups and the key
   * written by an older version (or under another umask) are made 0600. Runs once; every operation awaits it.
   */
  prepare(): Promise<void> {
    this.prepared ??= (async () => {
      await mkdir(this.dir, { recursive: true, mode: DIR_MODE });
      await chmod(this.dir, DIR_MODE);
      await removeLeftoverTemps(this.dir);
      // The key file's folder (the profile) too, but only stale ones: other writers live there.
      await removeLeftoverTemps(dirname(this.keyFile), { olderThanMs: STALE_TEMP_MS });
      for (const name of await this.names()) await chmod(join(this.dir, name), FILE_MODE);
      await chmod(this.keyFile, FILE_MODE).catch(() => {});
      const newest = (await this.names()).map((n) => stampOf(n)!).reduce((a, b) => Math.max(a, b), 0);
      this.lastStamp = newest;
      if (newest <= this.now()) this.lastWritten = newest;
    })().catch((error: unknown) => {
      this.prepared = undefined;
      this.fail(error);
      throw error;
    });
    return this.prepared;
  }

  private fail(error: unknown): void {
    this.lastError = { at: new Date(this.now()).toISOString(), message: reasonOf(error, this.locale()) };
  }

  /** Our backups' names (stamped, not temporary), newest first. */
  private async names(): Promise<string[]> {
    const entries = await readdir(this.dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && stampOf(e.name) !== null)
      .map((e) => e.name)
      .sort()
      .reverse();
  }

  async list(): Promise<BackupEntry[]> {
    await this.prepare();
    const list: BackupEntry[] = [];
    for (const name of await this.names()) {
      try {
        const info = await stat(join(this.dir, name));
        list.push({ id: name, at: new Date(stampOf(name)!).toISOString(), size: info.size, encrypted: name.endsWith(ENCRYPTED_SUFFIX) });
      } catch {
        // Deleted meanwhile.
      }
    }
    return list;
  }

  async status(): Promise<BackupStatus> {
    const { protection, backend } = await this.keychain.protection();
    let lastBackup: BackupEntry | null = null;
    try {
      lastBackup = (await this.list())[0] ?? null;
    } catch {
      // prepare() recorded why.
    }
    return { folder: this.dir, protection, backend, lastBackup, lastError: this.lastError };
  }

  /** The data key: read and unwrapped once; created (and stored wrapped, 0600) on the first encrypted backup. */
  private dataKey(create: boolean): Promise<Buffer> {
    const pending = (this.key ??= this.loadKey(create));
    void pending.catch(() => {
      if (this.key === pending) this.key = undefined;
    });
    return pending;
  }

  private async loadKey(create: boolean): Promise<Buffer> {
    let stored: Buffer | undefined;
    try {
      stored = await readFile(this.keyFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (!stored) {
      if (!create) throw new BackupError('error.backup.keyMissing', { path: this.keyFile });
      const key = randomBytes(KEY_BYTES);
      await this.storeKey(key);
      return key;
    }
    if (stored.length <= KEY_MAGIC.length || !stored.subarray(0, KEY_MAGIC.length).equals(KEY_MAGIC)) {
      throw new BackupError('error.backup.keyDamaged', { path: this.keyFile });
    }
    let unwrapped: { secret: string; rewrap: boolean };
    try {
      unwrapped = await this.keychain.unwrap(stored.subarray(KEY_MAGIC.length));
    } catch (error) {
      throw new BackupError('error.backup.keychainLocked', { reason: error instanceof Error ? error.message : String(error) });
    }
    const key = Buffer.from(unwrapped.secret, 'base64');
    if (key.length !== KEY_BYTES) throw new BackupError('error.backup.keyDamaged', { path: this.keyFile });
    if (unwrapped.rewrap) await this.storeKey(key).catch(() => {});
    return key;
  }

  private async storeKey(key: Buffer): Promise<void> {
    const wrapped = await this.keychain.wrap(key.toString('base64'));
    await writeFileAtomic(this.keyFile, Buffer.concat([KEY_MAGIC, wrapped]), { mode: FILE_MODE });
  }

  private nextStamp(): number {
    // Strictly increasing within the process, so two backups never share a name (the single-instance lock
    // keeps a second app process out of this folder).
    this.lastStamp = Math.max(this.now(), this.lastStamp + 1);
    return this.lastStamp;
  }

  /**
   * Keeps one backup, if the rate limit allows: encrypted where the keychain is real, 0600 either way; then
   * rotates. A failure is recorded for status() and thrown; nothing already kept is touched by a failure.
   */
  async request(bytes: Uint8Array, options: { explicit: boolean }): Promise<BackupOutcome> {
    if (bytes.byteLength === 0) throw new BackupError('error.backup.empty');
    if (this.busy) return { status: 'skipped', reason: translate(this.locale(), 'error.backup.busy'), retryInMs: EXPLICIT_INTERVAL_MS };
    this.busy = true;
    try {
      await this.prepare();
      const now = this.now();
      const interval = options.explicit ? EXPLICIT_INTERVAL_MS : AUTOMATIC_INTERVAL_MS;
      // A clock set back (lastWritten in the future) must not block backups until it catches up.
      if (this.lastWritten > 0 && this.lastWritten <= now && now - this.lastWritten < interval) {
        const retryInMs = interval - (now - this.lastWritten);
        const values = { ago: Math.max(1, Math.round((now - this.lastWritten) / 1000)), wait: Math.ceil(retryInMs / 1000) };
        return { status: 'skipped', reason: translate(this.locale(), 'error.backup.tooSoon', values), retryInMs };
      }
      const { protection } = await this.keychain.protection();
      const encrypted = protection === 'os-keychain';
      const data = encrypted ? sealBackup(await this.dataKey(true), bytes) : bytes;
      const stamp = this.nextStamp();
      const name = `${nameStamp(stamp)}-${PLAIN_NAME}${encrypted ? ENCRYPTED_SUFFIX : ''}`;
      const path = join(this.dir, name);
      await writeFileAtomic(path, data, { mode: FILE_MODE });
      this.lastWritten = now;
      this.lastError = null;
      await this.rotate().catch((error: unknown) => console.warn('[attache] backup rotation failed', error));
      return {
        status: 'written',
        where: path,
        backup: { id: name, at: new Date(stamp).toISOString(), size: data.byteLength, encrypted },
      };
    } catch (error) {
      this.fail(error);
      throw error;
    } finally {
      this.busy = false;
    }
  }

  /** Deletes the backups chooseBackupsToKeep leaves out. Returns the names deleted. */
  async rotate(): Promise<string[]> {
    const names = await this.names();
    const keep = chooseBackupsToKeep(names.map((n) => stampOf(n)!), this.now());
    const doomed = names.filter((n) => !keep.has(stampOf(n)!));
    for (const name of doomed) await rm(join(this.dir, name), { force: true });
    return doomed;
  }

  /**
   * One backup's content, decrypted: a sync file for the renderer's import preview. A backup that is not
   * ours, damaged, truncated or altered is refused with the reason (BackupError); nothing is changed.
   */
  async read(id: string): Promise<Uint8Array> {
    await this.prepare();
    // Only a name listed in the folder: never a path the renderer made up.
    if (!(await this.names()).includes(id)) throw new BackupError('error.backup.gone');
    const path = join(this.dir, id);
    const info = await stat(path);
    if (info.size > MAX_BACKUP_BYTES + 64) throw new BackupError('error.backup.tooLarge');
    const bytes = new Uint8Array(await readFile(path));
    if (!id.endsWith(ENCRYPTED_SUFFIX)) {
      if (hasBackupMagic(bytes)) throw new BackupError('error.backup.misnamed');
      return bytes;
    }
    if (!hasBackupMagic(bytes)) throw new BackupError('error.backup.notOurs');
    const { protection } = await this.keychain.protection();
    if (protection === 'none') throw new BackupError('error.backup.noKeychain');
    return openBackup(await this.dataKey(false), bytes);
  }
}
