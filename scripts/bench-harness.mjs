// What every browser benchmark does before and around its figures, once for all of them: build the app with
// a bench page, serve the build, launch Chromium, and time how long a fresh tab of the app takes to show an
// element. Used by scripts/bench.mjs (npm run bench, bench:sync, …) and tests/bench/compare.bench.mjs (npm run
// bench:compare, which builds two trees: this one and another commit's worktree).
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');

let tsx;
/** The Vite and Playwright configs are TypeScript: load them through tsx, as the rest of the tooling does. */
export async function registerTsx() {
  tsx ??= import('tsx/esm/api').then(({ register }) => register());
  await tsx;
}

/** Newest modification time under the given paths (files or folders; node_modules and dot-files left out). */
export function newest(paths) {
  let max = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) visit(join(p, e));
    } else max = Math.max(max, st.mtimeMs);
  };
  paths.forEach(visit);
  return max;
}

/**
 * The app of the tree at `tree` and tests/bench/bench.html running the page module `page` (through the
 * virtual module `virtual:attache-bench`), built with that tree's own Vite settings into `outDir`, one origin.
 * Skipped, returning false, when the build is newer than every path of `sources` (relative to `tree`) and
 * `rebuild` is not set.
 */
export async function buildBenchPage({ tree = root, outDir, page, sources, rebuild = false }) {
  const stamp = join(outDir, '.built');
  if (!rebuild && existsSync(stamp) && statSync(stamp).mtimeMs > newest(sources.map((p) => resolve(tree, p)))) return false;
  await registerTsx();
  const { build } = await import('vite');
  const shared = await import(join(tree, 'vite.shared.ts'));
  const { rendererConfig } = shared;
  // Each tree's own plugins: an older commit (bench:compare's base) may predate rendererPlugins().
  const plugins = shared.rendererPlugins ? shared.rendererPlugins() : [shared.sveltePlugin()];
  const virtualId = 'virtual:attache-bench';
  await build({
    configFile: false,
    logLevel: 'warn',
    // The tree's root, so that the app (src-renderer/index.html) and the bench page are one origin.
    root: tree,
    base: './',
    define: rendererConfig.define,
    worker: rendererConfig.worker,
    plugins: [
      ...plugins,
      {
        name: 'attache-bench-entry',
        resolveId: (id) => (id === virtualId ? `\0${virtualId}` : undefined),
        load: (id) => (id === `\0${virtualId}` ? `export { default } from ${JSON.stringify(page)};` : undefined),
      },
    ],
    build: {
      ...rendererConfig.build,
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: { input: { app: join(tree, 'src-renderer/index.html'), bench: join(tree, 'tests/bench/bench.html') } },
    },
  });
  writeFileSync(stamp, new Date().toISOString());
  return true;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

/** A static server for the build in `dir` on a free loopback port; resolves to the server and its origin. */
export function serve(dir) {
  const server = createServer(async (req, res) => {
    try {
      const rel = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
      const file = join(dir, rel || 'index.html');
      if (!file.startsWith(dir + sep)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

/** Debian's Chromium with the flags of playwright.config.ts (chromiumLaunch), plus `args`. */
export async function launchChromium({ args = [], headed = false } = {}) {
  await registerTsx();
  const { chromiumLaunch } = await import(join(root, 'playwright.config.ts'));
  const { chromium } = await import('@playwright/test');
  return chromium.launch({ ...chromiumLaunch, args: [...chromiumLaunch.args, ...args], headless: !headed });
}

/**
 * A fresh tab of the app at `url`: when `selector` first shows (visible, and `absent`, if given, gone), in the
 * app's own clock (ms since its navigation started), at the frame that paints it rather than the DOM change.
 */
export async function firstSeen(context, url, { selector, absent, timeoutMs = 60_000 }) {
  const tab = await context.newPage();
  try {
    tab.on('pageerror', (e) => console.error(`[app] ${e.message}`));
    await tab.addInitScript(
      ([selector, absent]) => {
        const seen = () => {
          if (absent && document.querySelector(absent)) return false;
          const el = document.querySelector(selector);
          if (!el) return false;
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0;
        };
        const watch = () => {
          if (seen()) return void (window.__firstSeen = performance.now());
          new MutationObserver((_, obs) => {
            if (!seen()) return;
            requestAnimationFrame(() => (window.__firstSeen ??= performance.now()));
            obs.disconnect();
          }).observe(document, { childList: true, subtree: true, attributes: true });
        };
        if (document.documentElement) watch();
        else document.addEventListener('readystatechange', watch, { once: true });
      },
      [selector, absent],
    );
    await tab.goto(url);
    await tab.waitForFunction(() => typeof window.__firstSeen === 'number', null, { timeout: timeoutMs, polling: 50 });
    return await tab.evaluate(() => window.__firstSeen);
  } finally {
    await tab.close();
  }
}
