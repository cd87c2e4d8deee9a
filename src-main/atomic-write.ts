/**
 * Writing a file so that it is either all there or not there: the bytes go to a hidden temporary file
 * beside the target (unique, created exclusively, so two saves or a stray file of that name can never
 * be written through), which is then renamed over the target. Used by the save dialog, the backups and
 * the CLI; no Electron here.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temporary files' suffix, so directory listings (backups) can leave them out. */
export const PARTIAL_SUFFIX = '.partial';

export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
