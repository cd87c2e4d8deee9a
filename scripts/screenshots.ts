/**
 * Renders each main screen of the browser build, with the shipped example workspace in it, in the light
 * and the dark theme (and each locale asked for) to docs/screenshots/, for the README.
 *
 *   npx vite build --config vite.web.config.ts && npx tsx scripts/screenshots.ts [--locales en,fr,ru] [--dir out/web] [--out docs/screenshots] [--port 5391]
 *
 * Files are named <screen>.<theme>.png for English and <screen>.<theme>.<locale>.png for the others. The
 * example briefing is shown marked RESTRICTED, so its banners appear; nothing else differs from the example.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';
import { chromiumLaunch } from '../playwright.config';
import { exampleJson, exampleRows, seed } from '../tests/web/seed';

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

const briefingId = exampleJson().briefings[0]!.id;
const h1 = (p: Page) => expect(p.getByRole('heading', { level: 1 }).first()).toBeVisible();

/** Each screen: its address and what shows it has finished drawing. */
const SCREENS: { name: string; hash: string; ready: (p: Page) => Promise<unknown> }[] = [
  { name: 'today', hash: '#/today', ready: h1 },
  { name: 'briefing-list', hash: '#/briefings', ready: (p) => expect(p.getByText('International Cooperation').first()).toBeVisible() },
  { name: 'reading-view', hash: `#/briefing/${briefingId}?mode=read`, ready: (p) => expect(p.getByTestId('reading-view')).toBeVisible() },
  { name: 'meeting-mode', hash: `#/briefing/${briefingId}?mode=meeting`, ready: (p) => expect(p.getByTestId('meeting-clock')).toBeVisible() },
  { name: 'follow-ups', hash: '#/followups', ready: (p) => expect(p.getByRole('grid').or(p.getByRole('table')).first()).toBeVisible() },
  { name: 'people', hash: '#/people', ready: h1 },
  { name: 'search', hash: '#/search/heroin', ready: (p) => expect(p.getByRole('heading', { name: /Statements/ }).first()).toBeVisible() },
  { name: 'packs', hash: '#/packs', ready: h1 },
  { name: 'exchange', hash: '#/exchange', ready: h1 },
  { name: 'settings', hash: '#/settings', ready: h1 },
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
  await expect(page.getByTestId('screen-classification-top')).toBeVisible();
}

async function main() {
  mkdirSync(out, { recursive: true });
  const stop = await serve();
  const browser = await chromium.launch(chromiumLaunch);
  try {
    for (const locale of locales) {
      for (const theme of themes) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale, colorScheme: theme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        await prepare(page);
        for (const screen of SCREENS) {
          if (only && !only.split(',').includes(screen.name)) continue;
          await page.goto(`http://127.0.0.1:${port}/${screen.hash}`);
          await screen.ready(page);
          await page.waitForTimeout(300);
          const file = resolve(out, `${screen.name}.${theme}${locale === 'en' ? '' : `.${locale}`}.png`);
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
