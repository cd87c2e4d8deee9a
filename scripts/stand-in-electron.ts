/**
 * A stand-in for Electron's Linux distribution, for packaging where Electron's real binary cannot be
 * downloaded (this project's CI: GitHub is out of reach). electron-builder copies an unpacked
 * distribution given as `electronDist`, renames its `electron` executable and flips the fuses in it, so a
 * stand-in whose `electron` carries a real fuse wire lets a `--dir` build run end to end and its fuses be read
 * back with @electron/fuses. The result packages the real app.asar but does not start: the executable is a
 * shell script that says so.
 *
 *   node scripts/stand-in-electron.ts <folder>      # then: ATTACHE_ELECTRON_DIST=<folder> npm run dist -- --dir
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Where @electron/fuses finds the wire: this string, then the wire's version byte, its length byte, the fuses. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const FUSE_WIRE_VERSION = 1;

/**
 * Electron 45's fuses as shipped, in wire order (docs/tutorial/fuses.md in Electron): '1' on, '0' off.
 * RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
 * GrantFileProtocolExtraPrivileges, WasmTrapHandlers.
 */
export const ELECTRON_45_DEFAULT_FUSES = '101100011';

export const STAND_IN_ELECTRON_VERSION = '45.6.1';

/** The bytes of the stand-in `electron`: a script that refuses to run, with the fuse wire in a comment. */
export function standInExecutable(fuses = ELECTRON_45_DEFAULT_FUSES): Buffer {
  const script = [
    '#!/bin/sh',
    `echo "This is a stand-in for Electron ${STAND_IN_ELECTRON_VERSION}, made for packaging tests: it cannot run the app." >&2`,
    'exit 1',
    '# fuse wire: ',
  ].join('\n');
  return Buffer.concat([
    Buffer.from(script, 'utf8'),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([FUSE_WIRE_VERSION, fuses.length]),
    Buffer.from(fuses, 'ascii'),
    Buffer.from('\n', 'ascii'),
  ]);
}

/**
 * Writes the stand-in into `folder` (created if need be) and returns its absolute path. Besides `electron`,
 * the files electron-builder handles by name in a Linux distribution: `LICENSE` (renamed LICENSE.electron.txt),
 * `LICENSES.chromium.html`, `version`, `chrome-sandbox` (the deb's post-install script makes it setuid) and a
 * locale (electronLanguages prunes locales/). Chromium's .pak, .so and snapshot files are left out: nothing in
 * packaging reads them.
 */
export async function writeStandInElectron(folder: string, fuses = ELECTRON_45_DEFAULT_FUSES): Promise<string> {
  const dir = resolve(folder);
  await mkdir(join(dir, 'locales'), { recursive: true });
  const electron = join(dir, 'electron');
  await writeFile(electron, standInExecutable(fuses));
  await chmod(electron, 0o755);
  const sandbox = join(dir, 'chrome-sandbox');
  await writeFile(sandbox, '#!/bin/sh\nexit 1\n');
  await chmod(sandbox, 0o755);
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for Electron\'s MIT licence (packaging tests only).\n');
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>Stand-in for Chromium licences</title>\n');
  await writeFile(join(dir, 'version'), STAND_IN_ELECTRON_VERSION);
  await writeFile(join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}

if (import.meta.main) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: node scripts/stand-in-electron.ts <folder>');
    process.exit(2);
  }
  console.log(await writeStandInElectron(folder));
}
