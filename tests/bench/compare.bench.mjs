// `npm run bench:compare -- [<commit>] [--rounds N] [--scale S] [--profile N]`: this working tree against another commit
// (default 1a8d781, the build before issue 12's record model), measured INTERLEAVED in one Chromium so that
// the machine's load (often 10+ on its 2 cores, shared with other work) falls on both builds alike.
//
// Each build is the app plus tests/bench/compare-page.ts (copied into the other commit's worktree, so that
// it runs that build's own data layer), served on its own origin (so each has its own IndexedDB), with the
// benchmark workspace loaded and its search index built once. Then, round after round, the order swapped
// every round (A B, B A, …): the briefing list's first paint in a fresh tab (navigation start to the frame
// that paints its first row, as `npm run bench` times it) and the 50 search queries of `npm run bench`
// (p50/p95). Prints every round, then medians and spread, and ONE JSON line last. The build, the servers,
// the browser and the first-paint timing are scripts/bench-harness.mjs, as for `npm run bench`.
// `--profile N` then profiles N more list opens of each build and prints where their CPU time went, by
// source file (through source maps) and by function: what to look at when the list's paint moves.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBenchPage, firstSeen, launchChromium, profileBySource, profiledFirstSeen, serve } from '../../scripts/bench-harness.mjs';

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
// `--profile N`: after the rounds, N more list opens of each build under V8's profiler, their self time
// printed by source file and function (builds with source maps, kept apart from the plain ones).
const profiles = Number(option('profile', '0'));
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

/** The app and the compare page of the tree at `tree`, built with that tree's own Vite settings. */
const build = (tree, outDir) =>
  buildBenchPage({ tree, outDir, page: join(tree, 'tests/bench/compare-page.ts'), sources: ['src-renderer', 'tests/bench', 'vite.shared.ts', 'package.json'], sourcemap: profiles > 0 });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x) => Math.round(x * 10) / 10;

const load0 = loadavg();
const builds = [
  { name: 'base', commit: baseCommit, tree: worktree() },
  { name: 'head', commit: dirty ? `${headCommit} + uncommitted changes` : headCommit, tree: root },
];
for (const b of builds) {
  const t = Date.now();
  b.out = resolve(root, 'out/bench-compare', `${b.name === 'base' ? baseCommit.slice(0, 12) : 'head'}${profiles > 0 ? '-maps' : ''}`);
  await build(b.tree, b.out);
  console.log(`Built ${b.name} (${b.commit.slice(0, 12)}) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
const browser = await launchChromium();
const servers = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const b of builds) {
    const { server, origin } = await serve(b.out);
    servers.push(server);
    b.origin = origin;
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
  const listOpen = (b, hash = '#/briefings', selector = LIST_ROW, absent = undefined) =>
    firstSeen(context, `${b.origin}/src-renderer/index.html${hash}`, { selector, absent, timeoutMs: 120_000 });
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
  for (const b of builds) {
    if (!profiles) break;
    const sources = {};
    const functions = {};
    for (let i = 0; i < profiles; i++) {
      const { profile } = await profiledFirstSeen(context, `${b.origin}/src-renderer/index.html#/briefings`, { selector: LIST_ROW, timeoutMs: 120_000 });
      const { bySource, byFunction } = profileBySource(profile, b.out);
      for (const [k, v] of Object.entries(bySource)) sources[k] = (sources[k] ?? 0) + v / profiles;
      for (const [k, v] of Object.entries(byFunction)) functions[k] = (functions[k] ?? 0) + v / profiles;
    }
    const top = (o, n) => Object.entries(o).sort((x, y) => y[1] - x[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`);
    console.log(`\n${b.name}: self time by source, mean of ${profiles} profiled list opens (to the frame that shows the rows)\n${top(sources, 25).join('\n')}`);
    console.log(`${b.name}: by function\n${top(functions, 25).join('\n')}\n`);
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
