/**
 * The Content-Security-Policy lists only what the app uses: every screen is opened, and the work that
 * reaches furthest (search in its worker, a PDF pack laid out in its worker with fonts fetched from the
 * app, an encrypted sync file exported and imported) is done, and the browser reports no violation. A
 * source dropped from the policy that the app needs fails here; a source added that nothing needs is
 * caught by the exact policy in tests/electron/shell-policy.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { ExchangePage } from './pages/ExchangePage';
import { PacksPage } from './pages/PacksPage';
import { SCREENS, w } from './screens';
import { seed } from './seed';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Collects every CSP violation the page (and its workers, through the console) reports. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  page.on('worker', (worker) => {
    worker.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) seen.push(`worker ${worker.url()}: ${message.text()}`);
    });
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return seen;
}

async function violations(page: Page, fromConsole: string[]): Promise<string[]> {
  return [...fromConsole, ...(await page.evaluate(() => window.__cspViolations ?? []))];
}

test('the policy is in force: an inline script is refused and reported', async ({ page }) => {
  const fromConsole = await watchCsp(page);
  await page.goto('./#/briefings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Proves the watcher sees violations at all, so an empty list below means something.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  await expect.poll(() => violations(page, fromConsole)).toContainEqual(expect.stringContaining('script-src'));
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
});

test('every screen, search, a PDF pack and a sync round trip run without a CSP violation', async ({ page }) => {
  test.setTimeout(120_000);
  const fromConsole = await watchCsp(page);
  await page.goto('./#/briefings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await seed(page, w.rows);

  for (const screen of SCREENS) {
    await page.goto(`./${screen.hash}`);
    await screen.ready(page);
  }
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The pack worker: layout, fonts fetched from the app, the PDF handed back for download.
  const packs = new PacksPage(page);
  await packs.goto();
  await packs.tick(/Countering modern threats/);
  const pdf = await packs.generateAndDownload();
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);

  // An encrypted export and its import: WebCrypto, the download and the file input.
  const exchange = new ExchangePage(page);
  await exchange.goto();
  const file = await exchange.export({ passphrase: 'correct horse battery staple', confirmation: 'correct horse battery staple' });
  await exchange.chooseFile(file.path);
  await exchange.unlock('correct horse battery staple');
  // Our own file: decrypted, decoded and compared, and nothing to change.
  await expect(exchange.nothingToDo).toBeVisible();

  expect(await violations(page, fromConsole)).toEqual([]);
});
