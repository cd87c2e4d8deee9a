import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export const NO_BINARY_REASON =
  'no Electron binary: installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 and none could be downloaded here';

/**
 * Where Electron's executable is, found the way the `electron` package finds it (ELECTRON_OVERRIDE_DIST_PATH,
 * else node_modules/electron/dist), or null. We cannot simply import 'electron': without a binary its
 * index.js throws.
 */
export function electronBinary(): string | null {
  const pkgDir = join(PROJECT_ROOT, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  const fallback =
    process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : fallback;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, executable) : join(pkgDir, 'dist', executable);
  return existsSync(candidate) ? candidate : null;
}
