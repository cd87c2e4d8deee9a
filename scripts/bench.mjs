// Browser benchmarks: `node scripts/bench.mjs <name>` (npm run bench = workspace, npm run bench:sync = sync).
//
// HOW TO ADD A BENCHMARK
//   A. A page bench (the usual case): write tests/bench/<name>.bench.ts with
//        import type { Bench } from './host';
//        const bench: Bench = async (host) => { …; return { …figures… }; };
//        export default bench;
//      It runs in Debian's Chromium in a page served from the SAME ORIGIN as the built app, so it can
//      import app modules (data/db.ts, core/records.ts, data/search-index.ts, …) and share the app's
//      IndexedDB. `host.log(line)` prints a human line; `host.openApp({ hash, waitFor })` opens the app in a
//      new tab and times navigation start → first visible `waitFor` element. Resolve to a JSON object of
//      figures, including a ratio to a raw baseline measured in the same run (team rule).
//      Set BENCH_SCALE=0.1 (or pass --scale 0.1) to pass ?scale=0.1 to the page: a quick run, or with
//      --scale 10 the workspace bench at ten times its size (1,000,000 statements).
//      Then add `"bench:<name>": "node scripts/bench.mjs <name>"` to package.json.
//      The runner builds the app + tests/bench/bench.html (harness.ts imports your module through the
//      virtual module `virtual:attache-bench`) with Vite into out/bench/<name>/ (skipped when that build
//      is newer than every source), serves it on a free port, launches Chromium with the flags from
//      playwright.config.ts (chromiumLaunch) plus --enable-precise-memory-info (performance.memory),
//      runs the bench, prints its lines, then ONE JSON object on the last line: { bench: <name>, … }.
//      (The build, the server, the browser and the app's timing are scripts/bench-harness.mjs, which
//      tests/bench/compare.bench.mjs shares.)
//   B. A bench that needs its own driver (CDP sampling, several browsers): write
//      tests/bench/<name>.bench.mjs, a Node script that does everything itself and prints ONE JSON object
//      on its last line; the runner just runs it (it takes precedence over <name>.bench.ts).
//
// Options: --rebuild (force the Vite build), --headed. BENCH_TRACE=<file>: a Chrome trace of the first cold
// start (BENCH_TRACE_TAB=1: of the second, the workspace bench's tracker tab), the build made afresh with source
// maps (out/bench/<name>/assets/*.map) to read its profile by source.
// Exit code 1 only when the bench could not run; a missed target is a figure, not a failure.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildBenchPage, firstSeen, launchChromium, serve } from './bench-harness.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (f) => args.includes(`--${f}`);
/** The value after `--<f>` (e.g. --scale 10), if given. */
const option = (f) => {
  const i = args.indexOf(`--${f}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const name = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--scale');

if (!name || !/^[a-z0-9-]+$/.test(name)) {
  console.error('Usage: node scripts/bench.mjs <name> [--scale N] [--rebuild] [--headed]   (runs tests/bench/<name>.bench.ts or .bench.mjs)');
  process.exit(2);
}

async function buildBench(outDir) {
  const started = Date.now();
  const sources = ['src-renderer', 'tests/bench', 'resources', 'vite.shared.ts', 'svelte.config.js', 'package.json', 'scripts/bench.mjs', 'scripts/bench-harness.mjs'];
  // A traced run (BENCH_TRACE) is built afresh with source maps, so its profile can be read by source file.
  const withMaps = Boolean(process.env.BENCH_TRACE);
  if (!(await buildBenchPage({ outDir, page: pageBench, sources, rebuild: flag('rebuild') || withMaps, sourcemap: withMaps }))) {
    console.log(`Using the build in ${outDir} (newer than every source; --rebuild to force)`);
    return;
  }
  console.log(`Built the app and the ${name} bench page in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function runPageBench() {
  const outDir = resolve(root, 'out/bench', name);
  await buildBench(outDir);
  const { server, origin } = await serve(outDir);
  const browser = await launchChromium({ args: ['--enable-precise-memory-info'], headed: flag('headed') });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The context keeps its storage in memory, with an origin quota a 1.35-million-record workspace (and the
    // raw baseline's copy) exceeds at --scale 10: lift it for the bench's origin, as DevTools can.
    const benchCdp = await context.newCDPSession(page);
    await benchCdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 64 * 2 ** 30 });
    page.on('pageerror', (e) => console.error(`[bench page] ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`[bench page] ${m.text()}`));
    await page.exposeFunction('__benchLog', (line) => console.log(String(line)));
    await page.exposeFunction('__benchOpenApp', async ({ hash, waitFor, timeoutMs = 60_000 }) => ({
      ms: await firstSeen(context, `${origin}/src-renderer/index.html${hash}`, { selector: waitFor, timeoutMs }),
    }));
    // A cold start: a fresh tab on the existing workspace, through a list of steps (an optional hash to go
    // to, then a selector that must be visible and one that must be gone), each timed in the app's clock;
    // then its UI thread's heap (after a garbage collection) and its longest task (PerformanceObserver).
    /** Chromium's renderer processes (each tab's page and its workers live in one). */
    const rendererPids = async () => {
      const cdp = await browser.newBrowserCDPSession();
      try {
        const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
        return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
      } finally {
        await cdp.detach();
      }
    };
    /** Resident memory of a process in bytes (Linux), or null. */
    const rss = (pid) => {
      try {
        const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        return kb ? Number(kb) * 1024 : null;
      } catch {
        return null;
      }
    };
    /** Cold starts made so far: BENCH_TRACE_TAB=<n> traces the n-th (0, the first: the list and search tab). */
    let coldStarts = 0;
    await page.exposeFunction('__benchColdStart', async ({ hash, steps, settleMs = 1_000, timeoutMs = 300_000 }) => {
      const residentOf = (pids) => pids.reduce((sum, pid) => sum + (rss(pid) ?? 0), 0);
      // The bench page's garbage collected first, and its sweeping given time to end: a new tab can share the
      // bench page's renderer process, and at scale 10 the steps before leave hundreds of megabytes of rows
      // read and dropped, whose collection fell on the app's first script run (164–194 ms, 65–77 at scale 1).
      await benchCdp.send('HeapProfiler.collectGarbage');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = residentOf(await rendererPids().catch(() => []));
      const tab = await context.newPage();
      try {
        tab.on('pageerror', (e) => console.error(`[app] ${e.message}`));
        await tab.addInitScript(() => {
          window.__longest = 0;
          window.__longTasks = 0;
          window.__longList = [];
          window.__frames = [];
          try {
            new PerformanceObserver((list) => {
              for (const e of list.getEntries()) {
                window.__longest = Math.max(window.__longest, e.duration);
                window.__longTasks += 1;
                window.__longList.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) });
              }
            }).observe({ type: 'longtask', buffered: true });
          } catch {
            window.__longest = -1;
          }
          // Long animation frames name the scripts that held them (function, file and what called it): what a
          // long task was, where the longtask entry says only when.
          try {
            new PerformanceObserver((list) => {
              for (const e of list.getEntries()) {
                if (e.duration < 50) continue;
                const scripts = [...e.scripts]
                  .sort((a, b) => b.duration - a.duration)
                  .slice(0, 3)
                  .map((s) => `${s.invoker || s.invokerType} → ${s.sourceFunctionName || '?'} (${String(s.sourceURL).split('/').pop()}:${s.sourceCharPosition}) ${Math.round(s.duration)} ms`);
                window.__frames.push({ at: Math.round(e.startTime), ms: Math.round(e.duration), blocking: Math.round(e.blockingDuration), render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0), scripts });
              }
            }).observe({ type: 'long-animation-frame', buffered: true });
          } catch {
            // Not every Chromium has it: the longtask figures stand alone.
          }
        });
        // The tab's workers (the search index, the pack's counts) keep heaps of their own, which the page's
        // performance.memory does not count and a worker cannot report: attached over CDP as they start, to ask
        // V8 for each one's heap at the end (Target.sendMessageToTarget, beside Playwright's own attachment).
        const cdp = await context.newCDPSession(tab);
        const workers = new Set();
        const pending = new Map();
        let asked = 0;
        cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
          if (targetInfo.type === 'worker') workers.add(sessionId);
        });
        cdp.on('Target.detachedFromTarget', ({ sessionId }) => workers.delete(sessionId));
        cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
          const reply = JSON.parse(message);
          pending.get(reply.id)?.(reply);
          pending.delete(reply.id);
        });
        const askWorker = (sessionId, method) =>
          new Promise((done) => {
            const id = ++asked;
            pending.set(id, done);
            void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => done({}));
            setTimeout(() => done({}), 10_000);
          });
        await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
        // BENCH_TRACE=<file>: a Chrome trace of a cold start (every thread, the workers' too), for where its time goes.
        const trace = process.env.BENCH_TRACE && coldStarts++ === Number(process.env.BENCH_TRACE_TAB ?? 0) ? process.env.BENCH_TRACE : undefined;
        if (trace) {
          await context.browser().startTracing(tab, { path: trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'IndexedDB', 'loading', 'disabled-by-default-v8.cpu_profiler'] });
        }
        await tab.goto(`${origin}/src-renderer/index.html${hash}`);
        const times = {};
        for (const step of steps) {
          if (step.hash) await tab.evaluate((h) => (location.hash = h), step.hash);
          const handle = await tab.waitForFunction(
            ({ selector, absent }) => {
              const el = document.querySelector(selector);
              if (!el) return false;
              const r = el.getBoundingClientRect();
              if (!(r.width > 0 && r.height > 0)) return false;
              if (absent && document.querySelector(absent)) return false;
              return performance.now();
            },
            { selector: step.waitFor, absent: step.absent },
            { timeout: timeoutMs, polling: 'raf' },
          );
          times[step.name] = await handle.jsonValue();
        }
        await tab.waitForTimeout(settleMs);
        // After the settling time, which the longest task counts too (a tracker's rows drawn after its first).
        if (trace) await context.browser().stopTracing();
        // The long tasks as they stand before the garbage collection asked for below, which is itself a task of
        // the tab's main thread (over 100 ms at scale 10), the harness's and not the app's.
        const { longest, longTasks, longList, frames } = await tab.evaluate(() => ({ longest: window.__longest, longTasks: window.__longTasks, longList: window.__longList, frames: window.__frames }));
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = await tab.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
        const workerHeaps = await Promise.all(
          [...workers].map(async (sessionId) => {
            await askWorker(sessionId, 'HeapProfiler.collectGarbage');
            return (await askWorker(sessionId, 'Runtime.getHeapUsage')).result?.usedSize ?? null;
          }),
        );
        // What the tab (page and workers) added to Chromium's renderer processes: a same-site tab may share
        // the bench page's process, so the growth of all of them, not one process's size.
        const after = residentOf(await rendererPids().catch(() => []));
        const processRss = after ? after - before : null;
        return { times, heap, longest, longTasks, longList, frames, workerHeaps, processRss };
      } finally {
        await tab.close();
      }
    });
    // --scale or BENCH_SCALE (e.g. 0.1, 10) reaches the bench as ?scale=.
    const scale = option('scale') ?? process.env.BENCH_SCALE;
    const query = scale ? `?scale=${encodeURIComponent(scale)}` : '';
    await page.goto(`${origin}/tests/bench/bench.html${query}`);
    await page.waitForFunction(() => typeof window.__runBench === 'function');
    const figures = await page.evaluate(() => window.__runBench());
    console.log(JSON.stringify({ bench: name, ...figures }));
  } finally {
    await browser.close();
    server.close();
  }
}

// Last, so that every declaration above is initialised before a bench runs.
const driver = resolve(root, `tests/bench/${name}.bench.mjs`);
const pageBench = resolve(root, `tests/bench/${name}.bench.ts`);

if (existsSync(driver)) {
  await import(pathToFileURL(driver).href);
} else if (existsSync(pageBench)) {
  await runPageBench().catch((e) => {
    console.error(`bench ${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  });
} else {
  console.error(`No benchmark called "${name}": expected tests/bench/${name}.bench.ts or tests/bench/${name}.bench.mjs`);
  process.exit(2);
}
