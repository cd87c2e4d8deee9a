import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PARTIAL_SUFFIX, writeFileAtomic } from './atomic-write';

/** How many automatic backups are kept; older ones are deleted after each new one is safely on disk. */
export const BACKUPS_KEPT = 10;

// A fixed-width UTC stamp in front of every backup: names sort in time order, two backups never collide,
// and rotation only ever touches files that carry it (never something a user dropped into the folder).
const STAMPED = /^\d{8}T\d{6}\d{3}Z-/;

let lastStamp = 0;

// Strictly increasing within the process, so backups written in the same millisecond still sort in the
// order they were written (the single-instance lock keeps a second process from writing here).
function stamp(now: Date): string {
  lastStamp = Math.max(now.getTime(), lastStamp + 1);
  return new Date(lastStamp).toISOString().replace(/[-:]/g, '').replace('.', '');
}

/**
 * Writes one backup into `dir` and deletes all but the newest `keep`. The file is written under a temporary
 * name and renamed, so a crash or a full disk never leaves a half-written file that looks like a backup.
 * Returns the backup's full path.
 */
export async function writeBackupFile(dir: string, name: string, bytes: Uint8Array, keep = BACKUPS_KEPT, now = new Date()): Promise<string> {
  await mkdir(dir, { recursive: true });
  const final = join(dir, `${stamp(now)}-${name}`);
  await writeFileAtomic(final, bytes);
  const stamped = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && STAMPED.test(e.name) && !e.name.endsWith(PARTIAL_SUFFIX))
    .map((e) => e.name)
    .sort()
    .reverse();
  for (const old of stamped.slice(keep)) await rm(join(dir, old), { force: true });
  return final;
}
