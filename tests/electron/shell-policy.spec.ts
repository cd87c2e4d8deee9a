import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { APP_ORIGIN, isAppUrl, resolveAppPath } from '../../src-main/app-url';
import { CONTENT_SECURITY_POLICY } from '../../src-main/csp';
import { InvalidArgument, MAX_OPEN_BYTES, parseBackupId, parseBackupRequest, parseOpenArgs, parseSaveArgs, sanitiseFileName } from '../../src-main/validate';
import { PROJECT_ROOT } from './binary';

// The Electron shell's policies that do not need the Electron binary: these run everywhere, the launch
// of the real app (app.spec.ts) only where a binary exists.

test.describe('the shell policy', () => {
  test('the CSP header is exactly the policy in index.html', () => {
    const html = readFileSync(join(PROJECT_ROOT, 'src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
  });

  test('app:// URLs map into the renderer folder and nowhere else', () => {
    const root = '/opt/attache/out/renderer';
    expect(resolveAppPath(root, `${APP_ORIGIN}/`)).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, `${APP_ORIGIN}/index.html?x=1#/briefings`)).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/index-abc.js`)).toBe(`${root}/assets/index-abc.js`);
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/../index.html`)).toBe(`${root}/index.html`);
    // The URL parser already folds plain `..` segments, so these stay inside the folder.
    expect(resolveAppPath(root, `${APP_ORIGIN}/../../etc/passwd`)).toBe(`${root}/etc/passwd`);
    for (const bad of [
      `${APP_ORIGIN}/..%2f..%2fetc/passwd`,
      `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`,
      `${APP_ORIGIN}/assets/..%2f..%2f..%2fpackage.json`,
      `${APP_ORIGIN}/assets/..%5c..%5cpackage.json`,
      `${APP_ORIGIN}/index.html%00.png`,
      `${APP_ORIGIN}/%E0%A4%A`,
      `${APP_ORIGIN}/%2fetc%2fpasswd`.replace('%2f', '/'),
      'app://elsewhere/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const file = resolveAppPath(root, bad);
      expect(file === null || file.startsWith(`${root}/`), `${bad} -> ${file}`).toBe(true);
    }
    for (const escape of [`${APP_ORIGIN}/..%2f..%2fetc/passwd`, `${APP_ORIGIN}/assets/..%2f..%2f..%2fpackage.json`, 'app://elsewhere/index.html']) {
      expect(resolveAppPath(root, escape), escape).toBeNull();
    }
  });

  test('only the app (and the dev server in development) counts as the app', () => {
    expect(isAppUrl('app://attache/index.html')).toBe(true);
    expect(isAppUrl('app://attacker/index.html')).toBe(false);
    expect(isAppUrl('https://example.org/')).toBe(false);
    expect(isAppUrl('file:///home/user/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
  });

  test('IPC arguments are checked for type and size', () => {
    const filters = [{ name: 'Attaché sync file', extensions: ['attache-sync'] }];
    expect(parseSaveArgs({ suggestedName: '../../.bashrc', bytes: new Uint8Array(3), filters }).suggestedName).toBe('bashrc');
    expect(() => parseSaveArgs({ suggestedName: 'a', bytes: 'text', filters })).toThrow(InvalidArgument);
    expect(() => parseSaveArgs({ suggestedName: 'a', bytes: new Uint8Array(1), filters: [{ name: 'x', extensions: ['../sh'] }] })).toThrow(
      InvalidArgument,
    );
    expect(() => parseOpenArgs({ filters: 'all' })).toThrow(InvalidArgument);
    expect(() => parseOpenArgs(null)).toThrow(InvalidArgument);
    expect(parseOpenArgs({ filters }).filters).toEqual(filters);
    expect(() => parseBackupRequest({ bytes: 42 })).toThrow(InvalidArgument);
    expect(() => parseBackupRequest({ bytes: new Uint8Array(1), name: '../../x' })).toThrow(InvalidArgument);
    expect(parseBackupRequest({ bytes: new Uint8Array(1), explicit: true }).explicit).toBe(true);
    expect(() => parseBackupId('../backup-key')).toThrow(InvalidArgument);
    expect(MAX_OPEN_BYTES).toBe(200 * 1024 * 1024);
  });

  test('file names are made safe for every file system', () => {
    expect(sanitiseFileName('Pack — Dushanbe 2015-03-17.pdf', 'x')).toBe('Pack - Dushanbe 2015-03-17.pdf');
    expect(sanitiseFileName('Назарзода.pdf', 'x')).toBe('Назарзода.pdf');
    expect(sanitiseFileName('...', 'fallback')).toBe('fallback');
    expect(sanitiseFileName('CON.txt', 'fallback')).toBe('fallback');
    expect(sanitiseFileName('a\u0000b<c>:d|e?.pdf', 'x')).toBe('a-b-c-d-e-.pdf');
  });

  // Backups (permissions, encryption, rotation, restore) are tested in tests/unit/main-backups.test.ts.

  test('the build has one self-contained sandboxed preload where the main process looks for it', () => {
    const preload = readFileSync(join(PROJECT_ROOT, 'out/preload/index.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*import\s/m);
    const main = readFileSync(join(PROJECT_ROOT, 'out/main/index.js'), 'utf8');
    expect(main).toContain('"../preload/index.cjs"');
    expect(main).toContain('"../renderer"');
    expect(readFileSync(join(PROJECT_ROOT, 'out/renderer/index.html'), 'utf8')).toContain('<div id="app">');
  });
});
