/**
 * Renders each main screen of the browser build, with the shipped example workspace in it, in the light
 * and the dark theme (and each locale asked for) to docs/screenshots/, for the README.
 *
 *   npx vite build --config vite.web.config.ts && npx tsx scripts/screenshots.ts [--locales en,fr,ru] [--dir out/web] [--out docs/screenshots] [--port 5391]
 *
 * Files are named <screen>.<theme>.png for English and <screen>.<theme>.<locale>.png for the others (fr, ru).
 * The example briefing is shown marked RESTRICTED, so its banners appear; nothing else differs from the example.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';
import { chromiumLaunch } from '../playwright.config';
import { addDaysIso, todayIso } from '../src-renderer/src/core/dates';
import type { ActionFields } from '../src-renderer/src/core/model';
import { V2_FIELDS } from '../src-renderer/src/core/upgrade';
import { briefingRow, exampleJson, exampleRows, row, seed, type SeedRow } from '../tests/web/seed';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const locales = opt('locales', 'en').split(',').filter(Boolean);
const themes = opt('themes', 'light,dark').split(',').filter(Boolean) as ('light' | 'dark')[];
const out = resolve(opt('out', 'docs/screenshots'));
const port = Number(opt('port', '5391'));
const dir = opt('dir', 'out/web');
const only = opt('only', '');
// `--size 800x600`: another window size (the file names then say it); 1280x800 by default.
const [width, height] = opt('size', '1280x800').split('x').map(Number) as [number, number];
const sized = width === 1280 && height === 800 ? '' : `.${width}x${height}`;

const briefingId = exampleJson().briefings[0]!.id;
const h1 = (p: Page) => expect(p.getByRole('heading', { level: 1 }).first()).toBeVisible();

/**
 * Today shows the real day: a week of an officer's work around it (briefings, an event announced at the
 * example briefing, follow-ups of mine, one overdue), so the start screen is not empty. Seeded only before
 * Today's shot, the last one, so the other screens show the example alone.
 */
async function aWeekAroundToday(page: Page): Promise<void> {
  const today = todayIso();
  const day = (n: number, time: string) => `${addDaysIso(today, n)}T${time}`;
  const action = (fields: Partial<ActionFields> & { title: string }) =>
    row('actions', { ...V2_FIELDS.actions(), kind: 'task', briefingId: briefingId, statementId: null, owner: '', due: '', place: '', status: 'open', priority: 'normal', notes: '', tags: [], ...fields });
  const rows: SeedRow[] = [
    briefingRow({ title: 'Weekly heads of mission coordination', startsAt: day(0, '09:30'), location: 'EU Delegation' }),
    briefingRow({ title: 'Call with the Border Management Programme (BOMCA)', startsAt: day(0, '15:00'), location: 'Embassy, secure room', format: 'call' }),
    briefingRow({ title: 'Démarche on counter-narcotics cooperation', startsAt: day(2, '11:00'), location: 'Ministry of Foreign Affairs', format: 'demarche' }),
    briefingRow({ title: 'Donor coordination round-table', startsAt: day(5, '10:00'), location: 'UN House' }),
    action({ kind: 'event', title: 'UNODC regional expert meeting on precursors', due: today, place: 'Dushanbe' }),
    action({ title: 'Send the seizure figures to the capital', owner: 'Anna Petrova', due: addDaysIso(today, -3) }),
    action({ title: 'Draft the cable on the border conference', owner: 'Anna Petrova', due: addDaysIso(today, 4), briefingId: null }),
  ];
  await seed(page, rows);
  // "Your name" is a local setting in the meta store (data/my-name.ts): my follow-ups are those I own.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('attache');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(req.error?.message));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put({ key: 'myName', value: 'Anna Petrova' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(tx.error?.message));
    });
    db.close();
  });
}

/** Each screen: its address, what to add to the workspace first, and what shows it has finished drawing. */
const SCREENS: { name: string; hash: string; before?: (p: Page) => Promise<void>; ready: (p: Page) => Promise<unknown> }[] = [
  { name: 'briefing-list', hash: '#/briefings', ready: (p) => expect(p.getByText('International Cooperation').first()).toBeVisible() },
  { name: 'reading-view', hash: `#/briefing/${briefingId}?mode=read`, ready: (p) => expect(p.getByTestId('reading-view')).toBeVisible() },
  { name: 'meeting-mode', hash: `#/briefing/${briefingId}?mode=meeting`, ready: (p) => expect(p.getByTestId('meeting-clock')).toBeVisible() },
  { name: 'follow-ups', hash: '#/followups', ready: (p) => expect(p.getByRole('grid').or(p.getByRole('table')).first()).toBeVisible() },
  { name: 'people', hash: '#/people', ready: h1 },
  { name: 'search', hash: '#/search/heroin', ready: (p) => expect(p.locator('main h2').first()).toBeVisible() },
  { name: 'packs', hash: '#/packs', ready: h1 },
  { name: 'exchange', hash: '#/exchange', ready: h1 },
  { name: 'settings', hash: '#/settings', ready: h1 },
  { name: 'today', hash: '#/today', before: aWeekAroundToday, ready: (p) => expect(p.getByText('Weekly heads of mission coordination').first()).toBeVisible() },
];

async function serve(): Promise<() => void> {
  const server = spawn(process.execPath, ['scripts/serve-web.mjs', '--port', String(port), '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, fail) => {
    server.stdout.once('data', () => ok());
    server.once('exit', (code) => fail(new Error(`the web server stopped (${code})`)));
  });
  return () => server.kill();
}

async function prepare(page: Page): Promise<void> {
  await page.goto(`http://127.0.0.1:${port}/#/briefings`);
  await h1(page);
  await seed(page, exampleRows());
  // Mark the example RESTRICTED through the editor, as a user would.
  await page.goto(`http://127.0.0.1:${port}/#/briefing/${briefingId}?mode=edit`);
  await page.locator('#briefing-classification').selectOption('restricted');
  await expect(page.getByTestId('screen-classification-top').first()).toBeVisible();
}

async function main() {
  mkdirSync(out, { recursive: true });
  const stop = await serve();
  const browser = await chromium.launch(chromiumLaunch);
  try {
    for (const locale of locales) {
      for (const theme of themes) {
        const context = await browser.newContext({ viewport: { width, height }, locale, colorScheme: theme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        await prepare(page);
        for (const screen of SCREENS) {
          if (only && !only.split(',').includes(screen.name)) continue;
          await screen.before?.(page);
          await page.goto(`http://127.0.0.1:${port}/${screen.hash}`);
          await screen.ready(page);
          await page.waitForTimeout(300);
          const file = resolve(out, `${screen.name}.${theme}${locale === 'en' ? '' : `.${locale}`}${sized}.png`);
          await page.screenshot({ path: file });
          console.log(file);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    stop();
  }
}

await main();
