import { extname, isAbsolute, join, normalize, relative } from 'node:path';

/**
 * The renderer is served from `app://attache/…`, a privileged standard scheme, rather than file://:
 * it gets a real origin (so IndexedDB persists and `'self'` in the CSP means only the app), and file://
 * would let a compromised page read any file by URL. This module is pure (no Electron) so it can be tested
 * without the binary.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'attache';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an `app://attache/<path>` URL to a file inside `root`, or null when the URL is not ours or would
 * leave `root` (`..`, encoded `%2e%2e%2f`, backslashes, NUL bytes, absolute or drive paths).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // The URL parser folds literal `..` segments; any left after decoding were smuggled in encoded.
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return null;
  const rel = normalize(path).replace(/^[/]+/, '');
  if (rel === '' || rel === '.') return join(root, 'index.html');
  if (isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return null;
  const file = join(root, rel);
  const back = relative(root, file);
  if (back === '' || back.startsWith('..') || isAbsolute(back)) return null;
  return file;
}

/** Is this URL the app itself (or, in development only, the electron-vite dev server)? */
export function isAppUrl(url: string, devOrigin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // A custom scheme's `origin` is "null" in Node's URL, so compare the parts instead.
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  return devOrigin !== undefined && parsed.origin === devOrigin;
}
