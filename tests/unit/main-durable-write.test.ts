// Durable writes (src-main/atomic-write.ts) on a real temporary folder: old or new, never truncated; the
// temporary file of a crashed write is removed at the next start; modes kept or set whatever the umask.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLeftoverTemp, removeLeftoverTemps, STALE_TEMP_MS, writeFileAtomic, type WriteStep } from '../../src-main/atomic-write';
import { writeFileAtomic as cliWriteFileAtomic } from '../../src-main/cli/args';

const posix = process.platform !== 'win32';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'attache-durable-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const OLD = new Uint8Array(64 * 1024).fill(1);
const NEW = new Uint8Array(256 * 1024).fill(2);

function temps(): string[] {
  return readdirSync(dir).filter(isLeftoverTemp);
}

/**
 * Starts a write whose `afterStep` hook never returns at `step`: the process "dies" there (nothing after it
 * runs, not even the clean-up). Resolves once the write has reached that point.
 */
async function crashAt(path: string, bytes: Uint8Array, step: WriteStep): Promise<void> {
  await new Promise<void>((reached) => {
    void writeFileAtomic(path, bytes, {
      afterStep: (s) => {
        if (s !== step) return;
        reached();
        return new Promise<void>(() => {});
      },
    });
  });
}

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file', async () => {
    const path = join(dir, 'a.attache');
    await writeFileAtomic(path, NEW);
    expect(readFileSync(path)).toEqual(Buffer.from(NEW));
    expect(readdirSync(dir)).toEqual(['a.attache']);
  });

  it('is the module the CLI writes with', () => {
    expect(cliWriteFileAtomic).toBe(writeFileAtomic);
  });

  const steps: WriteStep[] = ['created', 'written', 'synced', 'closed', 'renamed', 'dir-synced'];
  for (const step of steps) {
    it(`after a crash at "${step}" the target is the old file or the new one, and the next start cleans up`, async () => {
      const path = join(dir, 'briefing.pdf');
      writeFileSync(path, OLD);
      await crashAt(path, NEW, step);
      const now = readFileSync(path);
      const renamed = step === 'renamed' || step === 'dir-synced';
      expect(now.equals(Buffer.from(renamed ? NEW : OLD)), `target after a crash at ${step}`).toBe(true);
      expect(temps()).toHaveLength(renamed ? 0 : 1);

      // The next start: the app cleans its backup folder; nothing of the user's is touched.
      writeFileSync(join(dir, 'notes.partial'), 'the user named this');
      const removed = await removeLeftoverTemps(dir);
      expect(removed).toHaveLength(renamed ? 0 : 1);
      expect(temps()).toEqual([]);
      expect(readdirSync(dir).sort()).toEqual(['briefing.pdf', 'notes.partial']);
      expect(readFileSync(path).equals(Buffer.from(renamed ? NEW : OLD))).toBe(true);
    });
  }

  it('a fault at any step before the rename leaves the old file and no temporary file, and says so', async () => {
    const path = join(dir, 'sync.attache');
    writeFileSync(path, OLD);
    for (const step of ['created', 'written', 'synced', 'closed'] as const) {
      const disk = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      await expect(
        writeFileAtomic(path, NEW, {
          afterStep: (s) => {
            if (s === step) throw disk;
          },
        }),
      ).rejects.toBe(disk);
      expect(readFileSync(path).equals(Buffer.from(OLD)), step).toBe(true);
      expect(readdirSync(dir), step).toEqual(['sync.attache']);
    }
  });

  it('a write into a folder that does not exist fails without creating anything', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.pdf'), NEW)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.runIf(posix)("keeps an existing file's mode when replacing it", async () => {
    const path = join(dir, 'pack.pdf');
    writeFileSync(path, OLD);
    chmodSync(path, 0o640);
    await writeFileAtomic(path, NEW);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    chmodSync(path, 0o604);
    await writeFileAtomic(path, OLD);
    expect(statSync(path).mode & 0o777).toBe(0o604);
  });

  it.runIf(posix)('sets an explicit mode whatever the umask', async () => {
    const before = process.umask(0o000);
    try {
      const path = join(dir, 'private');
      await writeFileAtomic(path, NEW, { mode: 0o600 });
      expect(statSync(path).mode & 0o777).toBe(0o600);
      // Even over an existing, more open file.
      writeFileSync(join(dir, 'open'), OLD, { mode: 0o666 });
      await writeFileAtomic(join(dir, 'open'), NEW, { mode: 0o600 });
      expect(statSync(join(dir, 'open')).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(before);
    }
  });

  it.runIf(posix)('writes through a symbolic link to the file it points to', async () => {
    const real = join(dir, 'real.pdf');
    writeFileSync(real, OLD);
    symlinkSync(real, join(dir, 'link.pdf'));
    await writeFileAtomic(join(dir, 'link.pdf'), NEW);
    expect(readFileSync(real).equals(Buffer.from(NEW))).toBe(true);
    expect(statSync(join(dir, 'link.pdf')).isFile()).toBe(true);
  });

  it("removes a crash's stale temporary files in the folder it writes to, not a fresh one", async () => {
    const stale = join(dir, '.old.pdf.0123456789ab.partial');
    const fresh = join(dir, '.other.pdf.ba9876543210.partial');
    writeFileSync(stale, 'half');
    writeFileSync(fresh, 'being written by another process');
    const past = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    utimesSync(stale, past, past);
    await writeFileAtomic(join(dir, 'new.pdf'), NEW);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});

describe('removeLeftoverTemps', () => {
  it('removes only our temporary files, and a missing folder has none', async () => {
    writeFileSync(join(dir, '.a.pdf.0123456789ab.partial'), '');
    writeFileSync(join(dir, 'a.pdf.0123456789ab.partial'), ''); // not hidden: not ours
    writeFileSync(join(dir, '.a.pdf.XYZ.partial'), ''); // not our pattern
    writeFileSync(join(dir, 'report.pdf'), '');
    expect(await removeLeftoverTemps(dir)).toEqual(['.a.pdf.0123456789ab.partial']);
    expect(readdirSync(dir).sort()).toEqual(['.a.pdf.XYZ.partial', 'a.pdf.0123456789ab.partial', 'report.pdf']);
    expect(await removeLeftoverTemps(join(dir, 'nope'))).toEqual([]);
  });
});
