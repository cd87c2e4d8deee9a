import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary, NO_BINARY_REASON, PROJECT_ROOT } from './binary';

// The real app, as `npm start` runs it: the built main process (out/main/index.js via package.json "main").
const binary = electronBinary();
const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

test.describe('the Electron app', () => {
  test.skip(!binary, NO_BINARY_REASON);

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeAll(async () => {
    expect(existsSync(join(PROJECT_ROOT, 'out/main/index.js')), 'run `npm run build` first').toBe(true);
    profile = mkdtempSync(join(tmpdir(), 'attache-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      cwd: PROJECT_ROOT,
      // Chromium refuses to run as root with its OS sandbox (CI runs as root); the app's own sandbox
      // settings (contextIsolation, sandboxed preload) still apply and are what is checked below.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.'],
      env: { ...process.env, ATTACHE_USER_DATA_DIR: profile },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('opens one window with the app served from app://attache', async () => {
    await expect(page).toHaveTitle('Attaché');
    expect(page.url()).toMatch(/^app:\/\/attache\//);
    expect(app.windows()).toHaveLength(1);
  });

  test('opens on Today, the start screen', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Today' }).first()).toBeVisible();
  });

  test('gives the page the preload API and nothing of Node', async () => {
    const seen = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return {
        attache: typeof g.attache,
        keys: Object.keys(g.attache ?? {}).sort(),
        appVersion: (g.attache as { appVersion?: string } | undefined)?.appVersion,
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        Buffer: typeof g.Buffer,
      };
    });
    expect(seen).toEqual({
      attache: 'object',
      keys: ['appVersion', 'backupStatus', 'listBackups', 'liveRequest', 'liveSettings', 'liveTeamPassphrase', 'machineId', 'notify', 'onCommand', 'openFile', 'printToPdf', 'printWindow', 'readBackup', 'requestBackup', 'saveFile', 'saveLiveSettings', 'setMenuBindings', 'setMenuLocale', 'setWindowTheme', 'systemLocales', 'testLive'],
      appVersion: version,
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
    });
  });

  test("a shortcut rebound in Settings, by keyboard, changes the menu's accelerator", async () => {
    /** The accelerator of a menu item, read from the native menu the main process built. */
    const accelerator = (menu: string, item: string) =>
      app.evaluate(({ Menu }, [m, i]) => {
        const top = Menu.getApplicationMenu()?.items.find((x) => x.label.replace('&', '') === m);
        return top?.submenu?.items.find((x) => x.label === i)?.accelerator ?? null;
      }, [menu, item] as const);
    expect(await accelerator('Go', 'Briefing packs')).toBe('Alt+6');
    await page.evaluate(() => (location.hash = '#/settings'));
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await page.locator('#rebind-which').selectOption({ label: 'Go to briefing packs (Alt+6)' });
    await page.locator('#rebind-keys').focus();
    await page.keyboard.press('Alt+w');
    await page.getByRole('button', { name: 'Use these keys' }).press('Enter');
    await expect(page.locator('#rebind-message')).toHaveText('“Go to briefing packs” is now Alt+W.');
    await expect.poll(() => accelerator('Go', 'Briefing packs')).toBe('Alt+W');
  });

  test('sends the content security policy and refuses paths outside the renderer', async () => {
    const result = await page.evaluate(async () => {
      const index = await fetch('app://attache/index.html');
      const escape = await fetch('app://attache/..%2f..%2fpackage.json');
      return { csp: index.headers.get('content-security-policy'), escape: escape.status };
    });
    expect(result.csp).toContain("default-src 'self'");
    expect(result.escape).toBe(404);
  });

  test('does not navigate away, open windows or grant permissions', async () => {
    const result = await page.evaluate(async () => {
      const opened = window.open('https://example.org/');
      const notifications = await navigator.permissions.query({ name: 'notifications' });
      return { opened: opened === null, notifications: notifications.state };
    });
    expect(result).toEqual({ opened: true, notifications: 'denied' });
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toMatch(/^app:\/\/attache\//);
    expect(app.windows()).toHaveLength(1);
  });

  test('keeps a backup the main process names, private to the user, and limits how often', async () => {
    const first = await page.evaluate(() => window.attache!.requestBackup({ bytes: new Uint8Array([1, 2, 3]), explicit: true }));
    expect(first.status).toBe('written');
    const dir = join(profile, 'backups');
    const names = readdirSync(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^\d{8}T\d{9}Z-backup\.attache(\.enc)?$/);
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, names[0]!)).mode & 0o777).toBe(0o600);
    }
    const again = await page.evaluate(() => window.attache!.requestBackup({ bytes: new Uint8Array([4]), explicit: false }));
    expect(again.status).toBe('skipped');
    const status = await page.evaluate(() => window.attache!.backupStatus());
    expect(status.folder).toBe(dir);
    expect(['os-keychain', 'weak-keychain', 'none']).toContain(status.protection);
    const list = await page.evaluate(() => window.attache!.listBackups());
    const content = await page.evaluate((id) => window.attache!.readBackup(id), list[0]!.id);
    expect([...content]).toEqual([1, 2, 3]);
    await expect(page.evaluate(() => window.attache!.readBackup('../backup-key'))).rejects.toThrow(/not a backup id/);
    await expect(page.evaluate(() => window.attache!.requestBackup({ bytes: 'not bytes' as unknown as Uint8Array, explicit: true }))).rejects.toThrow(/bytes/);
  });
});
