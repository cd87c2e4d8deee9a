// `npm run bench:sync` (scripts/bench.mjs runs this driver: it samples the heap over CDP, so it is a
// "bench with its own driver", case B in bench.mjs's header): export and import of a synthetic 100,000-record workspace in Chromium, through the
// app's own sync code, against a raw Dexie bulkPut of the same rows measured in the same run.
//
// Builds tests/bench/sync.bench.html (+ sync.bench.page.ts) with Vite, serves it on 127.0.0.1, and drives it
// in Debian's Chromium. Heap: performance.memory (precise) sampled in the page at every progress callback and
// every 50 ms, and CDP Runtime.getHeapUsage polled from here; the higher of the two counts.
// Also per phase: CPU time of Chromium's browser process (where IndexedDB runs) and renderer, from /proc, and
// the longest main-thread task (PerformanceObserver 'longtask': how long the UI froze at worst).
// Prints human lines, then ONE JSON object on the last line: the figures, `targets` (each with its measured
// value, its limit and `met`), `allTargetsMet`, the CPU figures, and the load average at start and end.
// The targets are wall-clock, as the issue states them; on a shared machine a load above the core count
// stretches every phase, which the CPU times (and `cpuBased.importToRawRatio`) do not show.
// Exits 0 even when a target is missed (the figures are the result); exits 1 only if the benchmark could not run.
//
// Env: BENCH_SCALE or BENCH_RECORDS (default 100000 records), BENCH_PROFILE=export|preview|apply (CPU profile of
// that phase into out/bench/sync/), CHROMIUM_PATH (default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');
const here = resolve(root, 'tests/bench');
const outDir = resolve(root, 'out/bench/sync');
// BENCH_SCALE (scripts/bench.mjs's convention, e.g. 0.1) or BENCH_RECORDS for a quick run.
const total = Number(process.env.BENCH_RECORDS ?? Math.round(100_000 * Number(process.env.BENCH_SCALE ?? 1)));
// Issue 3 set export < 5 s; issue 11 raised the import to ≥ 0.9× raw bulkPut and lowered the peak heap to ≤ 3× the file.
const TARGETS = { importToRaw: 0.9, exportMs: 5000, heapToFile: 3 };

function freePort() {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

/**
 * CPU time (ms) used so far by each Chromium process this driver started, by process type, from /proc
 * (Linux). On a shared machine the wall-clock figures depend on the load; CPU time mostly does not.
 * Returns undefined where /proc is not readable.
 */
function chromiumCpu() {
  try {
    const procs = [];
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // Zygote-forked children rewrite their command line into one space-separated string.
        const args = readFileSync(`/proc/${d}/cmdline`, 'utf8').split(/[\0 ]/);
        procs.push({ pid: Number(d), ppid: Number(f[1]), ms: ((Number(f[11]) + Number(f[12])) * 1000) / 100, args });
      } catch {
        /* the process ended meanwhile */
      }
    }
    const mine = new Set([process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of procs) {
        if (mine.has(p.ppid) && !mine.has(p.pid)) {
          mine.add(p.pid);
          grew = true;
        }
      }
    }
    const byType = {};
    for (const p of procs) {
      if (p.pid === process.pid || !mine.has(p.pid) || !/chrom/i.test(p.args[0] ?? '')) continue;
      const type = p.args.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
      byType[type] = (byType[type] ?? 0) + p.ms;
    }
    return byType;
  } catch {
    return undefined;
  }
}

/** Load-independent views of the same targets: CPU seconds instead of wall-clock seconds. */
function cpuBased(cpu) {
  const sum = (p) => (cpu[p] ? cpu[p].browserMs + cpu[p].rendererMs : undefined);
  const raw = sum('raw');
  const exp = sum('export');
  const imp = sum('preview') !== undefined && sum('apply') !== undefined ? sum('preview') + sum('apply') : undefined;
  return {
    exportCpuMs: exp,
    importToRawRatio: raw && imp ? Number((raw / imp).toFixed(3)) : undefined,
  };
}

const mib = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const rate = (r) => `${Math.round(r).toLocaleString('en')} records/s`;

async function main() {
  const loadAtStart = loadavg();
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: { outDir, emptyOutDir: true, target: 'chrome130', sourcemap: false, rolldownOptions: { input: resolve(here, 'sync.bench.html') } },
  });

  const port = await freePort();
  const server = spawn(process.execPath, [resolve(root, 'scripts/serve-web.mjs'), '--port', String(port), '--dir', outDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((done) => server.stdout.once('data', done));

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    const cdp = await page.context().newCDPSession(page);
    let phase = 'idle';
    const cdpPeak = {};
    /** Per phase: CPU ms of the browser process (IndexedDB runs there) and of the renderer (the page). */
    const cpu = {};
    let cpuAtStart;
    await page.exposeFunction('benchPhase', (p) => {
      const now = chromiumCpu();
      if (p !== 'idle') cpuAtStart = now;
      else if (now && cpuAtStart) {
        const d = (k) => Math.round((now[k] ?? 0) - (cpuAtStart[k] ?? 0));
        cpu[phase] = { browserMs: d('browser'), rendererMs: d('renderer') };
      }
      phase = p;
    });
    let polling = true;
    const poll = (async () => {
      while (polling) {
        try {
          const { usedSize } = await cdp.send('Runtime.getHeapUsage');
          if (phase !== 'idle') cdpPeak[phase] = Math.max(cdpPeak[phase] ?? 0, usedSize);
        } catch {
          /* the page is busy or gone; the in-page sampler still counts */
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    })();

    // BENCH_PROFILE=export|preview|apply writes a CPU profile of that phase to out/bench/sync/<phase>.cpuprofile.
    const profilePhase = process.env.BENCH_PROFILE;
    if (profilePhase) await cdp.send('Profiler.enable');
    // BENCH_HEAP_PROFILE=export|preview|apply: a sampling heap profile of that phase, counting the objects a major GC
    // collected too (so what the old generation held as garbage shows, by allocation site), into <phase>.heapprofile,
    // with the top sites printed.
    const heapPhase = process.env.BENCH_HEAP_PROFILE; // BENCH_HEAP_LIVE=1: live objects only
    if (heapPhase) await cdp.send('HeapProfiler.enable');
    await page.exposeFunction('benchProfile', async (p, on) => {
      if (p === heapPhase) {
        if (on) await cdp.send('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: !process.env.BENCH_HEAP_LIVE, includeObjectsCollectedByMinorGC: false });
        else {
          const { profile } = await cdp.send('HeapProfiler.stopSampling');
          await writeFile(resolve(outDir, `${p}.heapprofile`), JSON.stringify(profile));
          const sites = new Map();
          const visit = (n, stack) => {
            const here = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
            const path = [...stack, here].slice(-3).join(' < ');
            if (n.selfSize) sites.set(path, (sites.get(path) ?? 0) + n.selfSize);
            for (const c of n.children) visit(c, [...stack, here]);
          };
          visit(profile.head, []);
          const top = [...sites].sort((a, b) => b[1] - a[1]).slice(0, 25);
          console.log(`heap profile of ${p} (live + collected by major GCs), top allocation sites:`);
          for (const [k, v] of top) console.log(`  ${mib(v)}  ${k}`);
        }
      }
      if (p !== profilePhase) return;
      if (on) await cdp.send('Profiler.start');
      else {
        const { profile } = await cdp.send('Profiler.stop');
        await writeFile(resolve(outDir, `${p}.cpuprofile`), JSON.stringify(profile));
      }
    });

    await page.goto(`http://127.0.0.1:${port}/sync.bench.html`);
    await page.waitForFunction(() => typeof window.syncBench === 'function');
    console.log(`sync bench: ${total.toLocaleString('en')} synthetic records (deterministic), Chromium ${browser.version()}`);
    const f = await page.evaluate((n) => window.syncBench(n).catch((e) => { throw new Error(`${e?.stack ?? e}`); }), total);
    polling = false;
    await poll;
    if (process.env.BENCH_TRACE) { const tr = await page.evaluate(() => window.heapTrace); console.log(tr.filter((_, i) => i % 10 === 0 || i === tr.length - 1).join('\n')); }

    // The higher of the page's own samples and CDP's, per phase.
    for (const p of ['raw', 'export', 'preview', 'apply']) {
      const c = cdpPeak[p] ?? 0;
      if (c > f[p].peakHeap) {
        f[p].peakHeapGrowth += c - f[p].peakHeap;
        f[p].peakHeap = c;
      }
    }
    const importPeak = Math.max(f.preview.peakHeap, f.apply.peakHeap);
    const importBase = f.preview.peakHeap - f.preview.peakHeapGrowth;
    f.import.peakHeap = Math.max(f.import.peakHeap, importPeak);
    f.import.peakHeapGrowth = Math.max(f.import.peakHeapGrowth, importPeak - importBase);

    const importToRaw = f.import.recordsPerSecond / f.raw.recordsPerSecond;
    const peakHeap = Math.max(f.export.peakHeap, f.import.peakHeap);
    const heapToFile = peakHeap / f.fileBytes;
    const met = {
      importToRaw: importToRaw >= TARGETS.importToRaw,
      exportMs: f.export.ms < TARGETS.exportMs,
      heapToFile: heapToFile <= TARGETS.heapToFile,
    };
    const mark = (ok) => (ok ? 'met' : 'MISSED');

    console.log(`file: ${mib(f.fileBytes)} for ${f.records.toLocaleString('en')} records (generated in ${(f.generateMs / 1000).toFixed(1)} s)`);
    const base = (p) => mib(f[p].peakHeap - f[p].peakHeapGrowth);
    console.log(`heap in use before each phase (after GC${f.gcExposed ? '' : ' — NOT available, figures include garbage'}): export ${base('export')}, preview ${base('preview')}, apply ${base('apply')}`);
    console.log(`raw Dexie bulkPut (baseline): ${(f.raw.ms / 1000).toFixed(2)} s, ${rate(f.raw.recordsPerSecond)}`);
    console.log(`export (full, unencrypted): ${(f.export.ms / 1000).toFixed(2)} s, ${rate(f.export.recordsPerSecond)}; peak heap ${mib(f.export.peakHeap)} (+${mib(f.export.peakHeapGrowth)})`);
    const cpuLine = (p) => (cpu[p] ? `${(cpu[p].browserMs / 1000).toFixed(2)} s browser process (IndexedDB) + ${(cpu[p].rendererMs / 1000).toFixed(2)} s renderer` : 'not measured');
    const stall = (p) => `${f[p].longestTaskMs} ms (${f[p].longTasks} tasks ≥ 50 ms)`;
    console.log(`longest main-thread task (UI frozen): export ${stall('export')}; preview ${stall('preview')}; apply ${stall('apply')}`);
    console.log(`CPU time: raw ${cpuLine('raw')}; export ${cpuLine('export')}; preview ${cpuLine('preview')}; apply ${cpuLine('apply')}`);
    const cb = cpuBased(cpu);
    if (cb.importToRawRatio !== undefined) console.log(`by CPU time: import ${cb.importToRawRatio}× raw; export ${(cb.exportCpuMs / 1000).toFixed(2)} CPU s`);
    console.log(`import preview: ${(f.preview.ms / 1000).toFixed(2)} s; peak heap ${mib(f.preview.peakHeap)}`);
    const steps = (p) => Object.entries(f[p].peakByStep).map(([k, v]) => `${k} ${mib(v)}`).join(', ');
    console.log(`peak heap seen per step (at progress callbacks): preview ${steps('preview')}; apply ${steps('apply')}`);
    console.log(`import apply:   ${(f.apply.ms / 1000).toFixed(2)} s; peak heap ${mib(f.apply.peakHeap)}`);
    console.log(`import (preview + apply): ${(f.import.ms / 1000).toFixed(2)} s, ${rate(f.import.recordsPerSecond)}; peak heap ${mib(f.import.peakHeap)} (+${mib(f.import.peakHeapGrowth)})`);
    console.log(`invariant check (included above): import stage ${f.invariantCheckMs.incoming.toFixed(0)} ms; whole-workspace check ${f.invariantCheckMs.workspace.toFixed(0)} ms`);
    console.log(`target import ≥ ${TARGETS.importToRaw}× raw: ${importToRaw.toFixed(2)}× — ${mark(met.importToRaw)}`);
    console.log(`target export < ${TARGETS.exportMs / 1000} s: ${(f.export.ms / 1000).toFixed(2)} s — ${mark(met.exportMs)}`);
    console.log(`target peak heap ≤ ${TARGETS.heapToFile}× file: ${heapToFile.toFixed(2)}× (${mib(peakHeap)} / ${mib(f.fileBytes)}) — ${mark(met.heapToFile)}`);
    const missed = Object.entries(met).filter(([, ok]) => !ok).map(([k]) => k);
    console.log(missed.length ? `targets MISSED: ${missed.join(', ')}` : 'all targets met');
    console.log(`load average (1, 5, 15 min) at start ${loadAtStart.map((x) => x.toFixed(2)).join(' ')}, at end ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} CPUs`);

    const r = (x, d = 0) => Number(x.toFixed(d));
    console.log(
      JSON.stringify({
        bench: 'sync',
        records: f.records,
        fileBytes: f.fileBytes,
        rawMs: r(f.raw.ms),
        rawRecordsPerSec: r(f.raw.recordsPerSecond),
        exportMs: r(f.export.ms),
        exportRecordsPerSec: r(f.export.recordsPerSecond),
        previewMs: r(f.preview.ms),
        applyMs: r(f.apply.ms),
        importMs: r(f.import.ms),
        importRecordsPerSec: r(f.import.recordsPerSecond),
        importToRawRatio: r(importToRaw, 3),
        invariantCheckMs: { incoming: r(f.invariantCheckMs.incoming), workspace: r(f.invariantCheckMs.workspace) },
        peakHeapExportBytes: f.export.peakHeap,
        peakHeapImportBytes: f.import.peakHeap,
        peakHeapToFileRatio: r(heapToFile, 3),
        peakHeapByStepBytes: f.import.peakByStep,
        heapSource: f.heapSource === 'none' ? 'cdp' : `${f.heapSource}+cdp`,
        targets: {
          exportMs: { value: r(f.export.ms), max: TARGETS.exportMs, met: met.exportMs },
          importToRawRatio: { value: r(importToRaw, 3), min: TARGETS.importToRaw, met: met.importToRaw },
          peakHeapToFileRatio: { value: r(heapToFile, 3), max: TARGETS.heapToFile, met: met.heapToFile },
        },
        allTargetsMet: met.exportMs && met.importToRaw && met.heapToFile,
        longestTaskMs: { export: f.export.longestTaskMs, preview: f.preview.longestTaskMs, apply: f.apply.longestTaskMs },
        cpuMs: cpu,
        cpuBased: cpuBased(cpu),
        machine: { cpus: cpus().length, loadAvgStart: loadAtStart.map((x) => r(x, 2)), loadAvgEnd: loadavg().map((x) => r(x, 2)) },
      }),
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => {
  console.error(`sync bench failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
