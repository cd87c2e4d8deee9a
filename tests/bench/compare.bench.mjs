// `npm run bench:compare -- [<commit>] [--rounds N] [--scale S]`: this working tree against another commit
// (default 1a8d781, the build before issue 12's record model), measured INTERLEAVED in one Chromium so that
// the machine's load (often 10+ on its 2 cores, shared with other work) falls on both builds alike.
//
// Each build is the app plus tests/bench/compare-page.ts (copied into the other commit's worktree, so that
// it runs that build's own data layer), served on its own origin (so each has its own IndexedDB), with the
// benchmark workspace loaded and its search index built once. Then, round after round, the order swapped
// every round (A B, B A, …): the briefing list's first paint in a fresh tab (navigation start to the frame
// that paints its first row, as `npm run bench` times it) and the 50 search queries of `npm run bench`
// (p50/p95). Prints every round, then medians and spread, and ONE JSON line last.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2).filter((a) => a !== 'compare');
const option = (f, fallback) => {
  const i = args.indexOf(`--${f}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const base = positional[0] ?? '1a8d781';
const rounds = Number(option('rounds', '7'));
const scale = Number(option('scale', '1'));
const LIST_ROW = '[role="listbox"] [role="option"] .title';
// Search ready as `npm run bench` times it: a fresh tab on the search screen, its first result shown from the whole index.
const SEARCH_RESULT = '[data-result-group] a.result .title';
const SEARCH_INDEXING = '.status .indexing';

const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
const baseCommit = git('rev-parse', base);
const headCommit = git('rev-parse', 'HEAD');
const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'src-renderer').length > 0;

/** A worktree of the other commit, sharing this tree's node_modules. */
function worktree() {
  const dir = resolve('/tmp', `attache-compare-${baseCommit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'package.json'))) git('worktree', 'add', '-f', '--detach', dir, baseCommit);
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  // The page module and its query list, the same in both builds.
  // (Copied only when changed: a copy would date the tree newer than its build.)
  for (const f of ['compare-page.ts', 'queries.ts']) {
    const [from, to] = [join(root, 'tests/bench', f), join(dir, 'tests/bench', f)];
    if (!existsSync(to) || readFileSync(to, 'utf8') !== readFileSync(from, 'utf8')) copyFileSync(from, to);
  }
  return dir;
}

function newest(paths) {
  let max = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (!st.isDirectory()) max = Math.max(max, st.mtimeMs);
    else for (const e of readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) visit(join(p, e));
  };
  paths.forEach(visit);
  return max;
}

/** The app and the compare page of the tree at `tree`, built with that tree's own Vite settings. */
async function build(tree, outDir) {
  const stamp = join(outDir, '.built');
  const sources = ['src-renderer', 'tests/bench', 'vite.shared.ts', 'package.json'].map((p) => join(tree, p));
  if (existsSync(stamp) && statSync(stamp).mtimeMs > newest(sources)) return;
  const { build: viteBuild } = await import('vite');
  const { rendererConfig, sveltePlugin } = await import(join(tree, 'vite.shared.ts'));
  const virtualId = 'virtual:attache-bench';
  await viteBuild({
    configFile: false,
    logLevel: 'warn',
    root: tree,
    base: './',
    define: rendererConfig.define,
    worker: rendererConfig.worker,
    plugins: [
      sveltePlugin(),
      {
        name: 'attache-compare-entry',
        resolveId: (id) => (id === virtualId ? `\0${virtualId}` : undefined),
        load: (id) => (id === `\0${virtualId}` ? `export { default } from ${JSON.stringify(join(tree, 'tests/bench/compare-page.ts'))};` : undefined),
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
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

function serve(dir) {
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
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x) => Math.round(x * 10) / 10;

const { register } = await import('tsx/esm/api');
register();
const load0 = loadavg();
const builds = [
  { name: 'base', commit: baseCommit, tree: worktree() },
  { name: 'head', commit: dirty ? `${headCommit} + uncommitted changes` : headCommit, tree: root },
];
for (const b of builds) {
  const t = Date.now();
  b.out = resolve(root, 'out/bench-compare', b.name === 'base' ? baseCommit.slice(0, 12) : 'head');
  await build(b.tree, b.out);
  console.log(`Built ${b.name} (${b.commit.slice(0, 12)}) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
const { chromiumLaunch } = await import(join(root, 'playwright.config.ts'));
const { chromium } = await import('@playwright/test');
const browser = await chromium.launch({ ...chromiumLaunch, headless: true });
const servers = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const b of builds) {
    const server = await serve(b.out);
    servers.push(server);
    b.origin = `http://127.0.0.1:${server.address().port}`;
    b.page = await context.newPage();
    b.page.on('pageerror', (e) => console.error(`[${b.name} page] ${e.message}`));
    await b.page.goto(`${b.origin}/tests/bench/bench.html`);
    await b.page.waitForFunction(() => typeof window.__runBench === 'function');
  }
  const step = (b, s) =>
    b.page.evaluate((s2) => {
      window.__compareStep = s2;
      return window.__runBench();
    }, s);
  // One after the other: the workspace and the first index build are set-up, not compared.
  for (const b of builds) {
    const t = Date.now();
    b.setup = await step(b, { step: 'setup', scale });
    console.log(`${b.name}: ${b.setup.records.toLocaleString('en')} records loaded, search index built in ${Math.round(b.setup.indexMs)} ms (${((Date.now() - t) / 1000).toFixed(0)} s in all)`);
    b.list = [];
    b.ready = [];
    b.worker = [];
    b.p50 = [];
    b.p95 = [];
  }
  const listOpen = async (b, hash = '#/briefings', selector = LIST_ROW, absent = undefined) => {
    const tab = await context.newPage();
    try {
      await tab.addInitScript(([selector, absent]) => {
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
      }, [selector, absent]);
      await tab.goto(`${b.origin}/src-renderer/index.html${hash}`);
      await tab.waitForFunction(() => typeof window.__firstSeen === 'number', null, { timeout: 120_000, polling: 50 });
      return await tab.evaluate(() => window.__firstSeen);
    } finally {
      await tab.close();
    }
  };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...builds].reverse() : builds;
    for (const b of order) b.list.push(await listOpen(b));
    for (const b of order) b.ready.push(await listOpen(b, '#/search/heroin', SEARCH_RESULT, SEARCH_INDEXING));
    for (const b of order) {
      const w = await step(b, { step: 'worker' });
      b.worker.push(w.ms);
      console.log(`  ${b.name} fresh search worker: first answer ${w.ms} ms (${JSON.stringify(w)})`);
    }
    for (const b of order) {
      const s = await step(b, { step: 'search' });
      b.p50.push(s.p50);
      b.p95.push(s.p95);
    }
    console.log(
      `round ${round + 1}/${rounds} (load ${loadavg()[0].toFixed(1)}): ` +
        builds.map((b) => `${b.name} list ${r1(b.list.at(-1))} ms, search ready ${r1(b.ready.at(-1))} ms, search p50 ${b.p50.at(-1)} / p95 ${b.p95.at(-1)} ms`).join('; '),
    );
  }
  const summary = (xs) => ({ median: r1(median(xs)), min: r1(Math.min(...xs)), max: r1(Math.max(...xs)), runs: xs.map(r1) });
  const [a, b] = builds;
  const figures = {};
  for (const k of ['list', 'ready', 'worker', 'p50', 'p95']) {
    figures[k] = { base: summary(a[k]), head: summary(b[k]), change: r1((median(b[k]) / median(a[k]) - 1) * 100) };
    // Paired: each round's ratio, so a load change within the run cancels out.
    const ratios = a[k].map((x, i) => b[k][i] / x);
    figures[k].pairedRatioMedian = Math.round(median(ratios) * 1000) / 1000;
  }
  const names = { list: 'briefing list, first paint (ms)', ready: 'search ready, fresh tab (ms)', worker: 'fresh search worker, first query answered (ms)', p50: 'search p50 (ms)', p95: 'search p95 (ms)' };
  for (const k of Object.keys(names))
    console.log(
      `${names[k]}: base median ${figures[k].base.median} (${figures[k].base.min}–${figures[k].base.max}), head median ${figures[k].head.median} (${figures[k].head.min}–${figures[k].head.max}); change ${figures[k].change > 0 ? '+' : ''}${figures[k].change} %, paired ratio median ${figures[k].pairedRatioMedian}`,
    );
  console.log(
    JSON.stringify({
      bench: 'compare',
      base: baseCommit,
      head: b.commit,
      scale,
      rounds,
      records: b.setup.records,
      ...figures,
      machine: { cpus: (await import('node:os')).cpus().length, loadAvgStart: load0.map(r1), loadAvgEnd: loadavg().map(r1) },
    }),
  );
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
