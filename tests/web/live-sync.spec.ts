/**
 * Live sync in the browser build: two officers, each in their own browser profile (own IndexedDB), switch live
 * sync on in Settings against a real CouchDB-protocol server (pouchdb-server, started here) and see each
 * other's statements within seconds. The page is served with --live-origin, so its CSP lets it connect to
 * that server and nowhere else; the server gets CORS as a real CouchDB needs for the browser build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freePort, startServer, type TestServer } from '../unit/live-server';
import { BriefingPage } from './pages/BriefingPage';

let couch: TestServer;
let web: ChildProcess | undefined;
let base = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  couch = await startServer({ inMemory: true });
  for (const [key, value] of [
    ['httpd/enable_cors', 'true'],
    ['cors/origins', '*'],
    ['cors/credentials', 'true'],
    ['cors/methods', 'GET, PUT, POST, HEAD, DELETE'],
    ['cors/headers', 'accept, authorization, content-type, origin, referer'],
  ]) {
    await fetch(`${couch.url}/_config/${key}`, { method: 'PUT', body: JSON.stringify(value) });
  }
  const port = await freePort();
  web = spawn(process.execPath, ['scripts/serve-web.mjs', '--port', String(port), '--dir', process.env.ATTACHE_WEB_DIR ?? 'out/web', '--live-origin', couch.url], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('serve-web did not start');
});

test.afterAll(async () => {
  web?.kill();
  await couch?.stop();
});

/** The workers each officer's page started (the pull opens sealed bodies in one: data/live/opener.ts). */
const workers = new WeakMap<Page, string[]>();

async function officer(browser: Browser, name: string, db = 'desk', ceiling?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  const started: string[] = [];
  workers.set(page, started);
  page.on('worker', (w) => started.push(w.url()));
  await page.goto('./#/settings?focus=live-sync');
  const section = page.getByRole('region', { name: 'Live sync' });
  await section.getByLabel('Server address', { exact: true }).fill(couch.url);
  await section.getByLabel('Database', { exact: true }).fill(db);
  if (ceiling) await section.getByLabel('Ceiling of a new database').selectOption({ label: ceiling });
  await section.getByLabel('Team passphrase', { exact: true }).fill('our team passphrase');
  await section.getByLabel('Live sync on').check();
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.live-status')).toContainText('Live sync: connected', { timeout: 15_000 });
  void name;
  return page;
}

test('two officers on two workspaces see each other’s statements within seconds', async ({ browser }) => {
  const a = await officer(browser, 'A');
  // The page may connect to the configured server and nowhere else.
  const csp = await a.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain(`connect-src 'self' ${couch.url};`);

  const shot = process.env.LIVE_SHOT_DIR;
  if (shot) {
    mkdirSync(shot, { recursive: true });
    await a.getByRole('region', { name: 'Live sync' }).screenshot({ path: `${shot}/settings-live-sync.png` });
  }

  const b = await officer(browser, 'B');
  const briefingA = new BriefingPage(a);
  await briefingA.gotoNew();
  await briefingA.title.fill('Border talks, live');
  await briefingA.title.press('Tab');
  await briefingA.waitSaved();
  const id = await briefingA.id();
  await briefingA.captureText.fill('Officer A: the crossing reopens on Monday.');
  await briefingA.saveStatement();

  const briefingB = new BriefingPage(b);
  const t0 = Date.now();
  await expect(async () => {
    await briefingB.goto(id);
    await expect(briefingB.statement('the crossing reopens on Monday')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const seen = Date.now() - t0;
  expect(seen).toBeLessThan(15_000);
  // B's pull opened A's sealed records in the page's opening worker, not on the page's own thread.
  expect(workers.get(b)!.some((url) => /open\.worker/.test(url))).toBe(true);

  await briefingB.captureText.fill('Officer B: confirmed by the border service.');
  await briefingB.saveStatement();
  await expect(briefingA.statement('confirmed by the border service')).toBeVisible({ timeout: 15_000 });
  if (shot) await a.screenshot({ path: `${shot}/briefing-live.png` });
});

test('Settings names the briefings that stay on this computer because of the database’s ceiling', async ({ browser }) => {
  const a = await officer(browser, 'A', 'desk-restricted', 'Up to RESTRICTED');
  const briefing = new BriefingPage(a);
  await briefing.gotoNew();
  await briefing.title.fill('Only for our eyes');
  await briefing.title.press('Tab');
  await briefing.waitSaved();
  await briefing.classification.selectOption({ label: 'SECRET' });
  await briefing.waitSaved();
  const id = await briefing.id();
  await a.goto('./#/settings?focus=live-sync');
  const local = a.getByTestId('live-stays-local');
  await expect(local).toContainText('1 briefing stays on this computer, with its statements and follow-ups: it is classified above this database’s ceiling (RESTRICTED).');
  await expect(local.getByRole('listitem')).toHaveText(['Only for our eyes']);
  const shot = process.env.LIVE_SHOT_DIR;
  if (shot) await a.getByRole('region', { name: 'Live sync' }).screenshot({ path: `${shot}/settings-ceiling.png` });
  // Saved before its level was chosen, it may have gone out as UNCLASSIFIED: the next push withdraws it.
  const onServer = async () => ((await (await fetch(`${couch.url}/desk-restricted/_all_docs`)).json()) as { rows: { id: string }[] }).rows.map((r) => r.id);
  await expect.poll(onServer, { timeout: 10_000 }).not.toContain(id);
});
