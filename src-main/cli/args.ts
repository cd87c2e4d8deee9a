/** Option parsing shared by the subcommands: strict, so an unknown option is a one-line usage error. */
import { messageOf } from '../../src-renderer/src/core/errors';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
import { SyncError, fileSizeProblem } from '../../src-renderer/src/core/sync/guards';
import { decodeSyncFile, type DecodedSyncFile } from '../../src-renderer/src/core/sync/format';

export function parse<const O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's messages are long and multi-line; keep the first sentence.
    const first = messageOf(e).split('\n')[0]!.replace(/\. To specify.*$/, '');
    throw new SyncError('usage', first);
  }
}

/** The passphrase is the file's first line, so a trailing newline from an editor does not change it. */
export async function readPassphrase(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new SyncError('usage', `Cannot read the passphrase file ${path}.`);
  }
  const passphrase = text.split(/\r?\n/)[0] ?? '';
  if (!passphrase) throw new SyncError('usage', `The passphrase file ${path} is empty.`);
  return passphrase;
}

/** Exit code for an error, and its one line on stderr. */
export function fail(e: unknown): number {
  const message = messageOf(e);
  console.error(message.split('\n')[0]);
  return e instanceof SyncError && e.code === 'usage' ? 2 : 1;
}

export async function appVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '';
  } catch {
    return '';
  }
}

export { writeFileAtomic } from '../atomic-write';

/**
 * A sync file's bytes. Its size is checked from the file system first (SYNC_LIMITS.fileBytes): a file
 * over the limit is refused without being read, however large it is.
 */
export async function readInput(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new SyncError('usage', `Cannot read ${path}.`);
  }
  const tooLarge = fileSizeProblem(size);
  if (tooLarge) throw new SyncError(tooLarge.code, `${path}: ${tooLarge.message}`);
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    throw new SyncError('usage', `Cannot read ${path}.`);
  }
}

/**
 * Read and decode every input before anything is merged or written (one bad file and nothing is), each
 * failure naming its file: "desk-b.attache: The file was changed or damaged after it was written."
 */
export async function decodeInputs(paths: readonly string[], passphrase: string | undefined): Promise<DecodedSyncFile[]> {
  const decoded: DecodedSyncFile[] = [];
  for (const path of paths) {
    const bytes = await readInput(path);
    try {
      decoded.push(await decodeSyncFile(bytes, { passphrase }));
    } catch (e) {
      if (e instanceof SyncError) throw new SyncError(e.code, `${path}: ${e.message}`);
      throw e;
    }
  }
  return decoded;
}
