/**
 * Storage that never fails silently: Settings says whether the browser keeps the workspace for good and how
 * much space it uses, and a full disk (here: the origin's quota lowered through DevTools) while typing,
 * capturing, importing or restoring says so, keeps what was typed, and leaves what was stored intact.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { emptyWorkspaceData, type SyncedTable } from '../../src-renderer/src/core/model';
import { encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { BriefingPage } from './pages/BriefingPage';
import { BriefingsPage } from './pages/BriefingsPage';
import { ExchangePage } from './pages/ExchangePage';
import { SettingsPage } from './pages/SettingsPage';
import { briefingRow, exampleRows, seed, statementRow, type SeedRow } from './seed';

const FULL = /The disk or the browser’s storage for Attaché is full/;

/**
 * The origin's disk space, made to run out on demand with DevTools' Storage.overrideQuotaForOrigin.
 * Chromium's IndexedDB trusts the free space it last saw for up to 30 seconds and looks again only for a
 * write larger than that figure. So the quota is lowered to a few MB before the app first stores anything
 * (the remembered figure stays small), and `fill` sets it to one byte and makes one write larger than the
 * remembered figure, after which IndexedDB refuses every write. `restore` lifts the override; the next
 * write finds the remembered figure too small, looks again and succeeds.
 */
class Disk {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly origin: string,
  ) {}

  /** Call first in a test: it opens the app itself, under the lowered quota. */
  static async open(page: Page): Promise<Disk> {
    await page.goto('./icon.svg');
    const cdp = await page.context().newCDPSession(page);
    const disk = new Disk(page, cdp, new URL(page.url()).origin);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: disk.origin, quotaSize: 8 * 2 ** 20 });
    await new BriefingsPage(page).goto();
    return disk;
  }

  async fill(): Promise<void> {
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: this.origin, quotaSize: 1 });
    const outcome = await this.page.evaluate(
      (size) =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('disk-filler');
          open.onupgradeneeded = () => open.result.createObjectStore('filler');
          open.onsuccess = () => {
            const tx = open.result.transaction('filler', 'readwrite');
            tx.objectStore('filler').put('x'.repeat(size), 1);
            tx.oncomplete = () => resolve('written');
            tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
          };
          open.onerror = () => resolve(open.error?.name ?? 'error');
        }),
      9 * 2 ** 20,
    );
    expect(outcome).toBe('QuotaExceededError');
  }

  async restore(): Promise<void> {
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: this.origin });
  }
}

/** Every record stored in these tables, read straight from IndexedDB (reads work on a full disk). */
function stored(page: Page, tables: SyncedTable[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('attache');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of names) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    }
    db.close();
    return out;
  }, tables);
}

const unsaved = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(`attache.unsaved.${k}`), key);

function workspace() {
  const briefing = briefingRow({ title: 'Border management in the Rasht valley', location: 'Dushanbe' });
  const other = briefingRow({ title: 'Energy security outlook', startsAt: '2015-05-02T09:00' });
  const statements = [statementRow(briefing.id, 'The border guards reported fewer crossings.', 'a0'), statementRow(briefing.id, 'Donors pledged new equipment.', 'a1')];
  return { briefing, other, rows: [briefing, other, ...statements] };
}

test('typing into a briefing on a full disk keeps the text on screen and in a draft, and writes it once there is space', async ({ page }) => {
  const disk = await Disk.open(page);
  const { briefing, rows } = workspace();
  await seed(page, rows);
  const b = new BriefingPage(page);
  await b.goto(briefing.id);
  const before = await stored(page, ['briefings', 'statements']);

  await disk.fill();
  await b.location.fill('Ministry of Foreign Affairs, Dushanbe');
  await b.location.press('Tab');
  await expect(b.saveStatus).toHaveText('Not saved: storage is full');
  await expect(b.storageFull).toHaveText(FULL);
  await expect(b.storageFull).toContainText('Nothing was lost: your text is kept here and in a draft');
  await expect(b.location).toHaveValue('Ministry of Foreign Affairs, Dushanbe');
  expect(await stored(page, ['briefings', 'statements'])).toEqual(before);
  expect(JSON.parse((await unsaved(page, `briefings.${briefing.id}`)) ?? '{}')).toEqual({ location: 'Ministry of Foreign Affairs, Dushanbe' });

  // A reload (or a crash) while the disk is still full: the text comes back from the draft, still unsaved.
  await page.reload();
  await expect(b.location).toHaveValue('Ministry of Foreign Affairs, Dushanbe');
  await expect(b.storageFull).toHaveText(FULL);
  expect(await stored(page, ['briefings', 'statements'])).toEqual(before);

  // Space again: after a reload nothing stored has changed but the field typed into, which is now saved.
  await disk.restore();
  await page.reload();
  await expect(b.location).toHaveValue('Ministry of Foreign Affairs, Dushanbe');
  await b.waitSaved();
  await expect(b.storageFull).toHaveCount(0);
  const after = await stored(page, ['briefings', 'statements']);
  expect(after.statements).toEqual(before.statements);
  const edited = (rs: unknown[]) => rs.find((r) => (r as { id: string }).id === briefing.id) as Record<string, unknown>;
  const others = (rs: unknown[]) => rs.filter((r) => (r as { id: string }).id !== briefing.id);
  expect(others(after.briefings!)).toEqual(others(before.briefings!));
  expect(edited(after.briefings!).location).toBe('Ministry of Foreign Affairs, Dushanbe');
  expect({ ...edited(after.briefings!), location: null, hlc: null, stamps: null }).toEqual({ ...edited(before.briefings!), location: null, hlc: null, stamps: null });
  expect(await unsaved(page, `briefings.${briefing.id}`)).toBeNull();
});

test('a statement captured on a full disk stays in its box and its draft, and is saved once there is space', async ({ page }) => {
  const disk = await Disk.open(page);
  const { briefing, rows } = workspace();
  await seed(page, rows);
  const b = new BriefingPage(page);
  await b.goto(briefing.id);
  await expect(b.statements).toHaveCount(2);
  const before = await stored(page, ['briefings', 'statements']);

  await b.captureText.click();
  await b.type('The minister announced');
  await disk.fill();
  await b.type(' a conference on border security in May.');
  await expect(b.captureError).toHaveText(FULL);
  await expect(b.captureError).toContainText('your text is kept here and in a draft');

  await b.press('mod+Enter');
  await expect(b.captureError).toContainText('The statement was not saved, but nothing was lost: it is kept here and in the draft');
  await expect(b.captureText).toHaveValue('The minister announced a conference on border security in May.');
  await expect(b.statements).toHaveCount(2);
  expect(await stored(page, ['briefings', 'statements'])).toEqual(before);
  await expect.poll(async () => JSON.parse((await unsaved(page, `draft.${briefing.id}`)) ?? '{}').text).toBe('The minister announced a conference on border security in May.');

  await page.reload();
  await expect(b.captureText).toHaveValue('The minister announced a conference on border security in May.');
  await expect(b.captureNotice).toContainText('Restored the statement you were writing');

  await disk.restore();
  await page.reload();
  await expect(b.captureText).toHaveValue('The minister announced a conference on border security in May.');
  expect(await stored(page, ['briefings', 'statements'])).toEqual(before);
  await b.captureText.click();
  await b.press('mod+Enter');
  await expect(b.statements).toHaveCount(3);
  await expect(b.captureText).toHaveValue('');
  await expect(b.captureError).toHaveText('');
});

let files = 0;

/** A colleague's file of three briefings with a statement each, written where the file chooser can pick it. */
async function colleagueFile(): Promise<string> {
  const data = emptyWorkspaceData();
  const rows: SeedRow[] = [];
  for (let i = 1; i <= 3; i++) {
    const b = briefingRow({ title: `Colleague's briefing ${i}`, startsAt: `2015-06-0${i}T10:00` });
    rows.push(b, statementRow(b.id, `What was said at briefing ${i}.`, 'a0'));
  }
  for (const r of rows) (data[r.table] as unknown[]).push(r.record);
  const bytes = await encodeSyncFile(data, {
    app: { name: 'Attaché', version: 'test' },
    installation: { id: '0190e000-0000-7000-8000-00000000c011', name: 'Embassy Almaty' },
    createdAt: new Date().toISOString(),
    scope: { kind: 'full' },
  });
  const path = test.info().outputPath(`colleague-${++files}.attache`);
  await writeFile(path, bytes);
  return path;
}

const ALL: SyncedTable[] = ['settings', 'organisations', 'people', 'briefings', 'statements', 'actions', 'packs', 'conflicts'];

test('an import that meets a full disk changes nothing and says so; it applies once there is space', async ({ page }) => {
  const disk = await Disk.open(page);
  await seed(page, workspace().rows);
  const exchange = new ExchangePage(page);
  await exchange.goto();
  const before = await stored(page, ALL);

  await exchange.chooseFile(await colleagueFile());
  await expect(exchange.preview).toBeVisible();
  await disk.fill();
  await exchange.importPanel.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(exchange.importError).toHaveText(FULL);
  await expect(exchange.importError).toContainText('Nothing was imported, and nothing already stored was changed');
  expect(await stored(page, ALL)).toEqual(before);

  await disk.restore();
  await page.reload();
  await expect(exchange.heading).toBeVisible();
  expect(await stored(page, ALL)).toEqual(before);
  // The preview stayed for another try before the reload; after it, the same file imports whole.
  await exchange.importFile(await colleagueFile());
  expect((await stored(page, ['briefings'])).briefings).toHaveLength(5);
});

test('restoring a backup into a new profile on a full disk restores nothing half-way', async ({ page, browser, baseURL }) => {
  // The backup, made in another profile from the example workspace.
  const source = await browser.newContext({ baseURL, acceptDownloads: true });
  const sourcePage = await source.newPage();
  await new BriefingsPage(sourcePage).goto();
  await seed(sourcePage, exampleRows());
  const sourceExchange = new ExchangePage(sourcePage);
  await sourceExchange.goto();
  const download = await sourceExchange.backUpNow();
  // Downloads vanish with their profile: keep the file, as a user keeps a backup.
  const backup = { path: test.info().outputPath('backup.attache') };
  await copyFile(download.path, backup.path);
  await source.close();

  const disk = await Disk.open(page);
  const exchange = new ExchangePage(page);
  await exchange.goto();
  const before = await stored(page, ALL);
  await exchange.chooseFile(backup.path);
  await disk.fill();
  await exchange.importPanel.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(exchange.importError).toHaveText(FULL);
  expect(await stored(page, ALL)).toEqual(before);

  await disk.restore();
  await page.reload();
  expect(await stored(page, ALL)).toEqual(before);
  const list = new BriefingsPage(page);
  await list.goto();
  await expect(list.empty).toBeVisible();
  await exchange.goto();
  await exchange.importFile(backup.path);
  expect((await stored(page, ['briefings'])).briefings!.length).toBeGreaterThan(0);
});

// ── Settings → Storage ──────────────────────────────────────────────────────────────────────────────

/** Stand in for the browser's answer to "keep this site's data for good?", and count the questions. */
async function browserKeeps(page: Page, granted: boolean): Promise<void> {
  await page.addInitScript((grant) => {
    const calls: string[] = [];
    (window as unknown as { persistCalls: string[] }).persistCalls = calls;
    let persisted = false;
    Object.defineProperty(navigator.storage, 'persisted', { value: async () => persisted });
    Object.defineProperty(navigator.storage, 'persist', {
      value: async () => {
        calls.push('persist');
        persisted = grant;
        return grant;
      },
    });
  }, granted);
}

const persistCalls = (page: Page) => page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls.length);

test('Settings says when the browser may clear the workspace, and how much space it uses', async ({ page }) => {
  await browserKeeps(page, false);
  const settings = new SettingsPage(page);
  await settings.goto();
  const storage = page.getByRole('region', { name: 'Storage' });
  await expect(storage.getByTestId('storage-persistence')).toContainText('The browser may clear this workspace when disk space runs low.');
  await expect(storage.getByTestId('storage-persistence')).toContainText('Keep backups, or install the desktop app');
  await expect(storage.getByTestId('storage-use')).toHaveText(/^\d+(\.\d)? (bytes|KB|MB) of \d+(\.\d)? (MB|GB|TB) \((less than 1|\d+)%\)$/);
  // Asked once, at start: not again on opening Settings.
  expect(await persistCalls(page)).toBe(1);
  await page.getByRole('link', { name: 'Briefings' }).first().click();
  await settings.goto();
  expect(await persistCalls(page)).toBe(1);

  await storage.getByRole('button', { name: 'Ask the browser again' }).click();
  await expect(storage.getByRole('status')).toHaveText('The browser still declines.');
  expect(await persistCalls(page)).toBe(2);
});

test('Settings says when the browser keeps the workspace for good', async ({ page }) => {
  await browserKeeps(page, true);
  const settings = new SettingsPage(page);
  await settings.goto();
  const storage = page.getByRole('region', { name: 'Storage' });
  await expect(storage.getByTestId('storage-persistence')).toContainText('This browser keeps the workspace for good.');
  await expect(storage.getByRole('button', { name: 'Ask the browser again' })).toHaveCount(0);
  expect(await persistCalls(page)).toBe(1);
});
