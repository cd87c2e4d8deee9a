// The main process's backups (src-main/backups.ts) on a real temporary folder, with a fake of Electron's
// safeStorage: permissions whatever the umask, encryption and tamper detection, the protection reported
// for each kind of keychain, the rate limit, rotation, and failures that say so and change nothing.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isoWeekKey } from '../../src-main/backup-rotation';
import { BACKUP_MAGIC, HEADER_BYTES, openBackup, sealBackup } from '../../src-main/backup-crypto';
import {
  AUTOMATIC_INTERVAL_MS,
  BackupError,
  BackupStore,
  EXPLICIT_INTERVAL_MS,
  safeStorageKeychain,
  type SafeStorageLike,
} from '../../src-main/backups';

const posix = process.platform !== 'win32';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let profile: string;
let umask: number;

beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'attache-backups-'));
  // A permissive umask: the modes must come from chmod, not from luck.
  umask = process.umask(0o000);
});
afterEach(() => {
  process.umask(umask);
  rmSync(profile, { recursive: true, force: true });
});

/** A reversible stand-in for the OS keychain: "wraps" by reversing and prefixing, as real wrapping would hide the key. */
function fakeSafeStorage(options: { available?: boolean; backend?: string; failDecrypt?: boolean; asyncApi?: boolean } = {}) {
  const { available = true, backend = 'gnome_libsecret', failDecrypt = false, asyncApi = true } = options;
  const wrap = (plain: string) => Buffer.from(`wrapped:${[...plain].reverse().join('')}`);
  const unwrap = (b: Buffer) => {
    if (failDecrypt) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const text = b.toString();
    if (!text.startsWith('wrapped:')) throw new Error('not wrapped by us');
    return [...text.slice('wrapped:'.length)].reverse().join('');
  };
  const calls = { wrap: 0, unwrap: 0 };
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => available,
    encryptString: (p) => (calls.wrap++, wrap(p)),
    decryptString: (b) => (calls.unwrap++, unwrap(b)),
    getSelectedStorageBackend: () => backend,
    ...(asyncApi
      ? {
          isAsyncEncryptionAvailable: async () => available,
          encryptStringAsync: async (p: string) => (calls.wrap++, wrap(p)),
          decryptStringAsync: async (b: Buffer) => (calls.unwrap++, { result: unwrap(b), shouldReEncrypt: false }),
        }
      : {}),
  };
  return { storage, calls };
}

function store(options: Parameters<typeof fakeSafeStorage>[0] & { now?: () => number; platform?: NodeJS.Platform; locale?: () => 'en' | 'fr' | 'ru' } = {}) {
  const { storage, calls } = fakeSafeStorage(options);
  const backups = new BackupStore({
    dir: join(profile, 'backups'),
    keyFile: join(profile, 'backup-key'),
    keychain: safeStorageKeychain(storage, options.platform ?? 'linux'),
    now: options.now,
    locale: options.locale,
  });
  return { backups, calls };
}

/** A clock the test moves. */
function clock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) };
}

const SYNC_BYTES = new TextEncoder().encode('ATTACHE-SYNC pretend this is a full export of the workspace '.repeat(50));

function files(): string[] {
  return readdirSync(join(profile, 'backups')).sort();
}

describe('backup permissions', () => {
  it.runIf(posix)('makes the folder 0700 and every file 0600, whatever the umask and the folder was before', async () => {
    mkdirSync(join(profile, 'backups'), { mode: 0o777 });
    chmodSync(join(profile, 'backups'), 0o777);
    // A backup from an older version, written under a 022 umask.
    writeFileSync(join(profile, 'backups', '20260101T090000000Z-desk-backup.attache'), SYNC_BYTES, { mode: 0o644 });
    const { backups } = store();
    await backups.prepare();
    expect(statSync(join(profile, 'backups')).mode & 0o777).toBe(0o700);
    expect(statSync(join(profile, 'backups', '20260101T090000000Z-desk-backup.attache')).mode & 0o777).toBe(0o600);

    const result = await backups.request(SYNC_BYTES, { explicit: true });
    expect(result.status).toBe('written');
    for (const name of files()) expect(statSync(join(profile, 'backups', name)).mode & 0o777, name).toBe(0o600);
    expect(statSync(join(profile, 'backup-key')).mode & 0o777).toBe(0o600);
  });

  it("removes a crashed write's temporary file from the backup folder at start", async () => {
    mkdirSync(join(profile, 'backups'));
    writeFileSync(join(profile, 'backups', '.20260101T090000000Z-backup.attache.enc.0123456789ab.partial'), 'half a backup');
    writeFileSync(join(profile, 'backups', 'my notes.txt'), 'not ours');
    await store().backups.prepare();
    expect(files()).toEqual(['my notes.txt']);
  });
});

describe('encryption at rest', () => {
  it('encrypts with a key the keychain wraps, and reads it back', async () => {
    const { backups, calls } = store();
    const result = await backups.request(SYNC_BYTES, { explicit: true });
    if (result.status !== 'written') throw new Error(result.status);
    expect(result.backup.encrypted).toBe(true);
    expect(result.backup.id).toMatch(/^\d{8}T\d{9}Z-backup\.attache\.enc$/);
    const onDisk = readFileSync(join(profile, 'backups', result.backup.id));
    expect(onDisk.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)).toBe(true);
    expect(onDisk.includes(Buffer.from('pretend this is a full export'))).toBe(false);
    // The key file holds the wrapped key only.
    const keyFile = readFileSync(join(profile, 'backup-key'));
    expect(keyFile.includes(Buffer.from('wrapped:'))).toBe(true);
    expect(calls.wrap).toBe(1);

    expect(Buffer.from(await backups.read(result.backup.id)).equals(Buffer.from(SYNC_BYTES))).toBe(true);
    // A new process (a restart) unwraps the stored key instead of making another.
    const later = store();
    expect(Buffer.from(await later.backups.read(result.backup.id)).equals(Buffer.from(SYNC_BYTES))).toBe(true);
    expect(later.calls).toEqual({ wrap: 0, unwrap: 1 });
    const list = await later.backups.list();
    expect(list).toEqual([{ id: result.backup.id, at: result.backup.at, size: onDisk.length, encrypted: true }]);
  });

  it('works with the older synchronous safeStorage functions too', async () => {
    const { backups } = store({ asyncApi: false });
    const result = await backups.request(SYNC_BYTES, { explicit: true });
    if (result.status !== 'written') throw new Error(result.status);
    expect(result.backup.encrypted).toBe(true);
    expect(Buffer.from(await backups.read(result.backup.id)).equals(Buffer.from(SYNC_BYTES))).toBe(true);
  });

  describe('refuses a backup that was tampered with, with the reason, and changes nothing', () => {
    async function written() {
      const { backups } = store();
      const result = await backups.request(SYNC_BYTES, { explicit: true });
      if (result.status !== 'written') throw new Error(result.status);
      const path = join(profile, 'backups', result.backup.id);
      return { backups, id: result.backup.id, path, bytes: readFileSync(path) };
    }

    const cases: [string, (b: Buffer) => Buffer, RegExp][] = [
      ['a flipped bit in the content', (b) => (b[HEADER_BYTES + 10]! ^= 1, b), /integrity check failed/],
      ['a flipped bit in the IV (header, authenticated)', (b) => (b[HEADER_BYTES - 1]! ^= 1, b), /integrity check failed/],
      ['a changed authentication tag', (b) => (b[b.length - 1]! ^= 0x80, b), /integrity check failed/],
      ['a truncated file', (b) => b.subarray(0, b.length - 100), /integrity check failed/],
      ['a file cut inside the header', (b) => b.subarray(0, 20), /truncated/],
      ['a wrong magic header', (b) => (b.write('XXXXXX', 0), b), /not an encrypted Attaché backup/],
      ['a newer container version', (b) => (b[6] = 9, b), /newer version of Attaché/],
      ['another key id', (b) => (b[8]! ^= 0xff, b), /another key/],
    ];
    for (const [what, damage, reason] of cases) {
      it(what, async () => {
        const { backups, id, path, bytes } = await written();
        const damaged = damage(Buffer.from(bytes));
        writeFileSync(path, damaged);
        const error = await backups.read(id).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(BackupError);
        expect((error as Error).message).toMatch(reason);
        // Refusing touches nothing: the file is as it was (damaged), the key is still there.
        expect(readFileSync(path).equals(damaged)).toBe(true);
        expect(existsSync(join(profile, 'backup-key'))).toBe(true);
      });
    }

    it('an encrypted backup whose key is gone', async () => {
      const { id } = await written();
      rmSync(join(profile, 'backup-key'));
      await expect(store().backups.read(id)).rejects.toThrow(/backup key .* is missing/);
    });

    it('a plain backup that is really an encrypted one renamed', async () => {
      const { backups, bytes } = await written();
      writeFileSync(join(profile, 'backups', '20260101T000000000Z-backup.attache'), bytes);
      await expect(backups.read('20260101T000000000Z-backup.attache')).rejects.toThrow(/renamed or damaged/);
    });
  });

  it('seals and opens in memory: a fresh IV every time, and the key is checked', () => {
    const key = Buffer.alloc(32, 7);
    const a = sealBackup(key, SYNC_BYTES);
    const b = sealBackup(key, SYNC_BYTES);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(openBackup(key, a)).equals(Buffer.from(SYNC_BYTES))).toBe(true);
    expect(() => openBackup(Buffer.alloc(32, 8), a)).toThrow(/another key/);
    expect(() => openBackup(key, new Uint8Array(0))).toThrow(/not an encrypted/);
  });
});

describe('the protection in force', () => {
  it('is the OS keychain where there is a real one', async () => {
    for (const [platform, backend] of [['linux', 'gnome_libsecret'], ['linux', 'kwallet6'], ['darwin', 'keychain'], ['win32', 'dpapi']] as const) {
      const status = await store({ platform, backend }).backups.status();
      expect(status, `${platform} ${backend}`).toMatchObject({ protection: 'os-keychain', backend, folder: join(profile, 'backups') });
    }
  });

  for (const [label, options, protection] of [
    ['Linux with only the basic_text store', { backend: 'basic_text' }, 'weak-keychain'],
    ['Linux before a store is known', { backend: 'unknown' }, 'weak-keychain'],
    ['no keychain at all', { available: false }, 'none'],
  ] as const) {
    it.runIf(posix)(`says so, and stores backups unencrypted but 0600, with ${label}`, async () => {
      const { backups, calls } = store(options);
      expect((await backups.status()).protection).toBe(protection);
      const result = await backups.request(SYNC_BYTES, { explicit: true });
      if (result.status !== 'written') throw new Error(result.status);
      expect(result.backup).toMatchObject({ encrypted: false });
      expect(result.backup.id).toMatch(/-backup\.attache$/);
      const path = join(profile, 'backups', result.backup.id);
      expect(readFileSync(path).equals(Buffer.from(SYNC_BYTES))).toBe(true);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(existsSync(join(profile, 'backup-key'))).toBe(false);
      expect(calls.wrap).toBe(0);
      expect(Buffer.from(await backups.read(result.backup.id)).equals(Buffer.from(SYNC_BYTES))).toBe(true);
      expect((await backups.status()).lastBackup).toMatchObject({ id: result.backup.id, encrypted: false });
    });
  }
});

describe('failures', () => {
  it('a keychain that will not unlock the key fails the backup with the reason, writes nothing, and the status keeps it', async () => {
    await store().backups.request(SYNC_BYTES, { explicit: true }); // creates the key
    const before = files();
    const c = clock(Date.now() + DAY);
    const { backups } = store({ failDecrypt: true, now: c.now });
    await expect(backups.request(SYNC_BYTES, { explicit: true })).rejects.toThrow(/keychain would not unlock the backup key/);
    expect(files()).toEqual(before);
    const status = await backups.status();
    expect(status.lastError?.message).toMatch(/keychain would not unlock/);
    expect(status.lastError?.at).toBe(new Date(c.now()).toISOString());
  });

  it('a backup folder that cannot be made fails with the reason, and a later backup that works clears it', async () => {
    writeFileSync(join(profile, 'backups'), 'a file where the folder should be');
    const { backups } = store();
    await expect(backups.request(SYNC_BYTES, { explicit: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect((await backups.status()).lastError?.message).toMatch(/EEXIST/);
    rmSync(join(profile, 'backups'));
    expect((await backups.request(SYNC_BYTES, { explicit: true })).status).toBe('written');
    expect((await backups.status()).lastError).toBeNull();
  });

  it('refuses ids that are not listed backups', async () => {
    const { backups } = store();
    await backups.request(SYNC_BYTES, { explicit: true });
    writeFileSync(join(profile, 'backups', 'notes.txt'), 'x');
    await expect(backups.read('notes.txt')).rejects.toThrow(/does not exist/);
    await expect(backups.read('20990101T000000000Z-backup.attache')).rejects.toThrow(/does not exist/);
    await expect(backups.read('../backup-key')).rejects.toThrow(/does not exist/);
  });
});

describe('rate limit', () => {
  it('allows one automatic backup per 5 minutes and one asked-for backup per 30 seconds', async () => {
    const c = clock();
    const { backups } = store({ now: c.now });
    expect((await backups.request(SYNC_BYTES, { explicit: false })).status).toBe('written');
    c.advance(AUTOMATIC_INTERVAL_MS - 1000);
    const skipped = await backups.request(SYNC_BYTES, { explicit: false });
    expect(skipped).toMatchObject({ status: 'skipped', retryInMs: 1000 });
    expect(files()).toHaveLength(1);
    // The user asks: allowed, 30 s have long passed.
    expect((await backups.request(SYNC_BYTES, { explicit: true })).status).toBe('written');
    c.advance(EXPLICIT_INTERVAL_MS / 2);
    expect((await backups.request(SYNC_BYTES, { explicit: true })).status).toBe('skipped');
    c.advance(EXPLICIT_INTERVAL_MS / 2);
    expect((await backups.request(SYNC_BYTES, { explicit: true })).status).toBe('written');
    // All on one day: rotation keeps that day's newest.
    expect(files()).toHaveLength(1);
  });

  it('counts the newest backup on disk after a restart, and one at a time', async () => {
    const c = clock();
    await store({ now: c.now }).backups.request(SYNC_BYTES, { explicit: true });
    c.advance(10_000);
    const restarted = store({ now: c.now }).backups;
    expect(await restarted.request(SYNC_BYTES, { explicit: true })).toMatchObject({
      status: 'skipped',
      reason: 'A backup was made 10 seconds ago; the next one is possible in 20 seconds.',
    });
    // Said in the window's language (src-main/ipc.ts gives the one the renderer reported).
    const inRussian = store({ now: c.now, locale: () => 'ru' }).backups;
    expect(await inRussian.request(SYNC_BYTES, { explicit: true })).toMatchObject({ reason: 'Резервная копия сделана 10 секунд назад; следующая возможна через 20 секунд.' });
    c.advance(9_000);
    expect(await inRussian.request(SYNC_BYTES, { explicit: true })).toMatchObject({ reason: 'Резервная копия сделана 19 секунд назад; следующая возможна через 11 секунд.' });
    c.advance(2_000);
    expect(await inRussian.request(SYNC_BYTES, { explicit: true })).toMatchObject({ reason: 'Резервная копия сделана 21 секунду назад; следующая возможна через 9 секунд.' });
    c.advance(1_000);
    expect(await inRussian.request(SYNC_BYTES, { explicit: true })).toMatchObject({ reason: 'Резервная копия сделана 22 секунды назад; следующая возможна через 8 секунд.' });
    c.advance(EXPLICIT_INTERVAL_MS - 12_000);
    const [a, b] = await Promise.all([restarted.request(SYNC_BYTES, { explicit: true }), restarted.request(SYNC_BYTES, { explicit: true })]);
    expect([a.status, b.status].sort()).toEqual(['skipped', 'written']);
  });

  it('is not stuck when the clock was set back', async () => {
    const c = clock(Date.parse('2027-01-01T00:00:00Z'));
    await store({ now: c.now }).backups.request(SYNC_BYTES, { explicit: true });
    c.set(Date.parse('2026-03-02T09:00:00Z'));
    const { backups } = store({ now: c.now });
    expect((await backups.request(SYNC_BYTES, { explicit: false })).status).toBe('written');
    expect(files()).toHaveLength(2);
  });
});

describe('rotation', () => {
  it('keeps 7 daily and 4 weekly backups after months of use, and never touches other files', async () => {
    const c = clock(Date.parse('2026-01-01T08:00:00Z'));
    const { backups } = store({ now: c.now, backend: 'basic_text' });
    await backups.prepare();
    writeFileSync(join(profile, 'backups', 'keep me.txt'), 'the user put this here');
    // Three automatic backups a day for 90 days.
    for (let day = 0; day < 90; day++) {
      for (let i = 0; i < 3; i++) {
        expect((await backups.request(SYNC_BYTES, { explicit: false })).status).toBe('written');
        c.advance(4 * HOUR);
      }
      c.advance(DAY - 12 * HOUR);
    }
    const list = await backups.list();
    expect(list).toHaveLength(11);
    expect(files()).toContain('keep me.txt');
    // The newest 7 are one per day, the 7 most recent days; every one is the last of its day (16:00).
    const days = list.slice(0, 7).map((b) => b.at.slice(0, 10));
    expect(new Set(days).size).toBe(7);
    for (const b of list) expect(b.at.slice(11, 16)).toBe('16:00');
    // The 4 older ones: one in each of the 4 ISO weeks before the daily ones, each its week's newest
    // (a Sunday, except in the week the daily ones begin).
    const weekly = list.slice(7).map((b) => Date.parse(b.at));
    expect(new Set(weekly.map(isoWeekKey)).size).toBe(4);
    for (const w of weekly.slice(1)) expect(new Date(w).getUTCDay()).toBe(0);
    expect(isoWeekKey(weekly[0]!)).toBe(isoWeekKey(Date.parse(list[6]!.at)));
  });
});
