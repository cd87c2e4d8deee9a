// What every browser benchmark does before and around its figures, once for all of them: build the app with
// a bench page, serve the build, launch Chromium, and time how long a fresh tab of the app takes to show an
// element. Used by scripts/bench.mjs (npm run bench, bench:sync, …) and tests/bench/compare.bench.mjs (npm run
// bench:compare, which builds two trees: this one and another commit's worktree).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
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
export async function buildBenchPage({ tree = root, outDir, page, sources, rebuild = false, sourcemap = false }) {
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
      // Source maps only for a profile (profileBySource): they are not what users load.
      sourcemap,
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
  return (await watchFirstSeen(context, url, { selector, absent, timeoutMs })).ms;
}

/**
 * As firstSeen, with a CPU profile of the tab from before its navigation to the frame that shows `selector`
 * (V8's sampling profiler over CDP, a sample every 200 µs): `{ ms, profile }`.
 */
export function profiledFirstSeen(context, url, { selector, absent, timeoutMs = 60_000 }) {
  return watchFirstSeen(context, url, { selector, absent, timeoutMs, profile: true });
}

async function watchFirstSeen(context, url, { selector, absent, timeoutMs, profile = false }) {
  const tab = await context.newPage();
  try {
    let cdp;
    if (profile) {
      cdp = await context.newCDPSession(tab);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
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
    const ms = await tab.evaluate(() => window.__firstSeen);
    return { ms, profile: cdp ? (await cdp.send('Profiler.stop')).profile : undefined };
  } finally {
    await tab.close();
  }
}

/**
 * A CPU profile's self time (ms) by source file of the build in `dir` (through its source maps: the build
 * must have them, buildBenchPage's `sourcemap`), and by function; code without a map is named by its script,
 * and V8's own entries keep their names ("(program)": parsing, compiling, layout and style; "(idle)").
 */
export function profileBySource(profile, dir) {
  const maps = new Map();
  const mapOf = (url) => {
    const file = join(dir, 'assets', url.split('/').pop() ?? '');
    if (!maps.has(file)) maps.set(file, existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : null);
    return maps.get(file);
  };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const bySource = {};
  const byFunction = {};
  for (const [id, us] of self) {
    const { callFrame: cf } = nodes.get(id);
    let source = cf.url ? cf.url.split('/').pop() : cf.functionName || '(native)';
    let fn = `${cf.functionName || '(anonymous)'} ${source}`;
    // Both 0-based: CDP's call frames and SourceMap.findEntry.
    const entry = cf.url && cf.lineNumber >= 0 ? mapOf(cf.url)?.findEntry(cf.lineNumber, cf.columnNumber) : undefined;
    if (entry?.originalSource) {
      source = entry.originalSource.replace(/.*node_modules\//, '').replace(/.*src-renderer\/src\//, '');
      fn = `${entry.name || cf.functionName || '(anonymous)'} ${source}:${entry.originalLine + 1}`;
    }
    bySource[source] = (bySource[source] ?? 0) + us / 1000;
    byFunction[fn] = (byFunction[fn] ?? 0) + us / 1000;
  }
  return { bySource, byFunction };
}
