// Settings → Backups. The Electron app's side runs in the page as the real renderer code; the main
// process (the preload API, `window.attache`) is played by a fake installed before the page loads, which
// keeps backups in memory and refuses a damaged one with the main process's reason, worded as Electron
// delivers a failed IPC call. Without the fake, the browser build says it keeps no backups.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { EXAMPLE_ID, EXAMPLE_TITLE, type Colleague } from './exchange-colleague';
import { BriefingPage } from './pages/BriefingPage';
import { BriefingsPage } from './pages/BriefingsPage';
import { ExchangePage } from './pages/ExchangePage';

interface FakeBackup {
  id: string;
  at: string;
  encrypted: boolean;
  /** The content readBackup returns, or the reason it refuses. */
  bytes: number[] | { refuse: string };
}

interface FakeMain {
  backups: FakeBackup[];
  protection: 'os-keychain' | 'weak-keychain' | 'none';
  backend: string;
  lastError?: { at: string; message: string };
  failRequests?: string;
}

/** Runs in the page before the app: a stand-in for the preload API and the main process behind it. */
function installFakeMain(main: FakeMain) {
  const store = main.backups.map((b) => ({ ...b }));
  const entry = (b: FakeBackup) => ({
    id: b.id,
    at: b.at,
    encrypted: b.encrypted,
    size: Array.isArray(b.bytes) ? b.bytes.length : 1234,
  });
  const ipcError = (channel: string, message: string) => new Error(`Error invoking remote method '${channel}': Error: ${message}`);
  (window as unknown as { __fakeBackups: FakeBackup[] }).__fakeBackups = store;
  (window as unknown as { attache: unknown }).attache = {
    appVersion: '0.1.0',
    saveFile: async () => null,
    openFile: async () => null,
    async requestBackup({ bytes }: { bytes: Uint8Array; explicit: boolean }) {
      if (main.failRequests) throw ipcError('backup:request', main.failRequests);
      const at = new Date().toISOString();
      const b: FakeBackup = { id: `${at.replace(/[-:.]/g, '')}-backup.attache.enc`, at, encrypted: true, bytes: Array.from(bytes) };
      store.unshift(b);
      return { status: 'written', where: `/home/diplomat/.config/Attaché/backups/${b.id}`, backup: entry(b) };
    },
    async backupStatus() {
      return {
        folder: '/home/diplomat/.config/Attaché/backups',
        protection: main.protection,
        backend: main.backend,
        lastBackup: store[0] ? entry(store[0]) : null,
        lastError: main.lastError ?? null,
      };
    },
    listBackups: async () => store.map(entry),
    async readBackup(id: string) {
      const b = store.find((x) => x.id === id);
      if (!b) throw ipcError('backup:read', 'That backup does not exist (any more).');
      if (!Array.isArray(b.bytes)) throw ipcError('backup:read', b.bytes.refuse);
      return new Uint8Array(b.bytes);
    },
    notify: async () => false,
    onCommand: () => () => {},
  };
}

async function desktop(browser: Browser, baseURL: string | undefined, main: FakeMain): Promise<Colleague> {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript(installFakeMain, main);
  const page = await context.newPage();
  return { page, exchange: new ExchangePage(page), briefing: new BriefingPage(page), briefings: new BriefingsPage(page) };
}

const settingsBackups = (page: Page) => page.getByRole('region', { name: 'Backups' });

async function gotoBackups(page: Page) {
  await page.goto('./#/settings?focus=backups');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(settingsBackups(page)).toBeVisible();
}

test('Settings keeps a backup, and restores one into an empty profile only after a preview and a confirmation; damaged ones are refused with the reason', async ({
  browser,
  baseURL,
}) => {
  // The desk that backs up.
  const desk = await desktop(browser, baseURL, { backups: [], protection: 'os-keychain', backend: 'gnome_libsecret' });
  await desk.briefings.goto();
  await desk.page.getByRole('button', { name: /Load the example briefing/ }).click();
  await desk.briefing.goto(EXAMPLE_ID);
  await expect(desk.briefing.title).toHaveValue(EXAMPLE_TITLE);
  await gotoBackups(desk.page);
  const region = settingsBackups(desk.page);
  await expect(region.getByTestId('backup-protection')).toContainText('Backups are encrypted.');
  await expect(region.getByTestId('backup-protection')).toContainText('Secret Service');
  await expect(region.getByTestId('no-backups')).toBeVisible();
  await region.getByRole('button', { name: 'Back up now' }).click();
  await expect(region.getByTestId('restore-done')).toHaveText('Backup kept.');
  await expect(region.getByTestId('backup-list').getByRole('row')).toHaveCount(2);
  await expect(region.getByTestId('settings-last-backup')).toContainText('(encrypted)');
  const bytes = await desk.page.evaluate(() => (window as unknown as { __fakeBackups: { bytes: number[] }[] }).__fakeBackups[0]!.bytes);
  await desk.page.context().close();

  // A new, empty profile on the same computer: the backups survived, the workspace did not.
  const spare = await desktop(browser, baseURL, {
    protection: 'os-keychain',
    backend: 'keychain',
    backups: [
      { id: '20260303T090000000Z-backup.attache.enc', at: '2026-03-03T09:00:00.000Z', encrypted: true, bytes: { refuse: 'The backup is damaged, truncated or was altered: its integrity check failed.' } },
      { id: '20260302T090000000Z-backup.attache', at: '2026-03-02T09:00:00.000Z', encrypted: false, bytes: [1, 2, 3, 4, 5, 6, 7, 8] },
      { id: '20260301T090000000Z-backup.attache.enc', at: '2026-03-01T09:00:00.000Z', encrypted: true, bytes },
    ],
  });
  await spare.briefings.goto();
  await gotoBackups(spare.page);
  const list = settingsBackups(spare.page).getByTestId('backup-list');
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list.getByRole('row').nth(2)).toContainText('Not encrypted');
  const error = spare.page.getByTestId('restore-error');

  await list.getByRole('row').nth(1).getByRole('button', { name: /^Preview restore \(backup of/ }).click();
  await expect(error).toContainText('cannot be restored: The backup is damaged, truncated or was altered: its integrity check failed. Nothing was changed.');
  await expect(error).not.toContainText('invoking remote method');
  await expect(spare.page.getByTestId('restore-preview')).toHaveCount(0);

  await list.getByRole('row').nth(2).getByRole('button', { name: /^Preview restore \(backup of/ }).click();
  await expect(error).toContainText('cannot be restored:');
  await expect(error).toContainText('Nothing was changed.');

  await list.getByRole('row').nth(3).getByRole('button', { name: /^Preview restore \(backup of/ }).click();
  const preview = spare.page.getByTestId('restore-preview');
  await expect(preview.getByTestId('preview-counts').locator('tr[data-table="briefings"] td').first()).toHaveText('1');
  expect(await seriousViolations(spare.page)).toEqual([]);
  // Nothing is written before the confirmation: cancelling the dialog leaves the workspace empty.
  await preview.getByRole('button', { name: 'Restore this backup…' }).click();
  const dialog = spare.page.getByRole('dialog', { name: /Restore the backup of/ });
  await expect(dialog).toContainText('added');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await spare.briefings.goto();
  await expect(spare.page.getByRole('button', { name: /Load the example briefing/ })).toBeVisible();

  await gotoBackups(spare.page);
  await settingsBackups(spare.page).getByTestId('backup-list').getByRole('row').nth(3).getByRole('button', { name: /^Preview restore \(backup of/ }).click();
  await spare.page.getByTestId('restore-preview').getByRole('button', { name: 'Restore this backup…' }).click();
  await spare.page.getByRole('dialog', { name: /Restore the backup of/ }).getByRole('button', { name: 'Restore' }).click();
  await expect(spare.page.getByTestId('restore-done')).toContainText('Restored from the backup of');
  await spare.briefing.goto(EXAMPLE_ID);
  await expect(spare.briefing.title).toHaveValue(EXAMPLE_TITLE);
  await spare.page.context().close();
});

test('a backup that fails says so in the shell and in Settings, and what protects backups is said plainly', async ({ browser, baseURL }) => {
  const c = await desktop(browser, baseURL, {
    backups: [],
    protection: 'weak-keychain',
    backend: 'basic_text',
    lastError: { at: '2026-03-02T09:00:00.000Z', message: 'The disk is full.' },
    failRequests: 'The disk is full.',
  });
  await c.briefings.goto();
  // The failure the main process saw before this page, shown without anyone asking.
  const alert = c.page.getByTestId('backup-alert');
  await expect(alert).toContainText('Automatic backup failed');
  await expect(alert).toContainText('The disk is full.');
  await alert.getByRole('link', { name: 'Backups…' }).click();
  const region = settingsBackups(c.page);
  await expect(region).toBeVisible();
  await expect(region.getByTestId('backup-protection')).toContainText('Backups are not encrypted.');
  await expect(region.getByTestId('backup-protection')).toContainText('basic_text');
  await expect(region.getByTestId('settings-backup-failure')).toContainText('The disk is full.');

  // Asked for and failing: the reason, and nothing is lost.
  await region.getByRole('button', { name: 'Back up now' }).click();
  await expect(c.page.getByTestId('restore-error')).toContainText('The backup failed; your workspace is unchanged.');
  await expect(c.page.getByTestId('restore-error')).toContainText('The disk is full.');
  await expect(alert).toContainText('Backup failed');
  await alert.getByRole('button', { name: 'Close the backup notice' }).click();
  await expect(alert).toHaveCount(0);
  await c.exchange.goto();
  await expect(c.exchange.backup.getByTestId('backup-failure')).toContainText('The disk is full.');
  await c.page.context().close();
});

test('in the browser, Settings says backups are downloads and restoring is an import', async ({ page }) => {
  await gotoBackups(page);
  const region = settingsBackups(page);
  await expect(region.getByTestId('backup-browser')).toContainText('the browser Attaché keeps no backups');
  await region.getByRole('link', { name: 'Go to Exchange' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exchange' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
