// `npm test`: every check and every test runner, one summary.
//
//   1. builds: the browser renderer (vite → out/web) and the Electron app (electron-vite → out/)
//   2. gates:  tsc --noEmit, svelte-check and eslint (each counts as one check, passed or failed)
//   3. vitest: unit tests in Node (tests/unit)
//   4. playwright: each project on its own, `web` (Chromium against out/web) and `electron` (the built app)
//
// Each runner's own output streams through as it runs, so failures are shown where they happen; then one
// line per runner, and as the very last line `N passed, N failed, N skipped` over everything. Exits
// non-zero if anything failed. Builds and gates count as one check each, like a test.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const reports = join(root, 'out', 'test-reports');
const webDir = process.env.ATTACHE_WEB_DIR ?? 'out/web';
// Colour codes make a CI log unreadable; keep them only when a person watches a terminal. (Not for
// Playwright, which sets FORCE_COLOR for its web server and would then warn about the clash.)
const plain = process.stdout.isTTY ? {} : { NO_COLOR: '1' };
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** @type {{ name: string, passed: number, failed: number, skipped: number, note?: string }[]} */
const results = [];

function banner(title) {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`);
}

/** Runs a command with its output shown as it comes; resolves to its exit code (or -1 if it could not start). */
function run(command, args, env = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      done(-1);
    });
    child.on('close', (code, signal) => done(signal ? -1 : (code ?? -1)));
  });
}

async function check(name, command, args, env) {
  banner(name);
  const code = await run(command, args, env);
  const ok = code === 0;
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, note: ok ? 'ok' : `FAILED (exit code ${code})` });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => done(port));
    });
  });
}

async function vitest() {
  banner('vitest (tests/unit)');
  const file = join(reports, 'vitest.json');
  const code = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], plain);
  const report = readJson(file);
  if (!report) {
    results.push({ name: 'vitest', passed: 0, failed: 1, skipped: 0, note: `no report (exit code ${code}): the run itself failed` });
    return;
  }
  // A test file that cannot even be loaded has no failed tests of its own: count it as one failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  const passed = report.numPassedTests ?? 0;
  const failed = (report.numFailedTests ?? 0) + brokenFiles.length;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const notes = brokenFiles.map((f) => `could not run ${f.name.replace(`${root}/`, '')}`);
  if (failed === 0 && code !== 0) {
    results.push({ name: 'vitest', passed, failed: 1, skipped, note: `exit code ${code} with no failed test (see its output above)` });
    return;
  }
  results.push({ name: 'vitest', passed, failed, skipped, note: notes.join('; ') || undefined });
}

/** Playwright's JSON report: every test of every project, with its final outcome. */
function playwrightCounts(report) {
  const perProject = new Map();
  const bump = (project, key) => {
    const c = perProject.get(project) ?? { passed: 0, failed: 0, skipped: 0, flaky: 0, skipReasons: new Set(), flakyTitles: [] };
    c[key] += 1;
    perProject.set(project, c);
    return c;
  };
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const key = { expected: 'passed', flaky: 'flaky', skipped: 'skipped' }[t.status] ?? 'failed';
        const c = bump(t.projectName || 'default', key);
        if (key === 'flaky') c.flakyTitles.push(`${spec.file}:${spec.line} ${spec.title}`);
        if (key === 'skipped') {
          for (const a of t.annotations ?? []) if (a.type === 'skip' && a.description) perProject.get(t.projectName || 'default').skipReasons.add(a.description);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return perProject;
}

/**
 * One Playwright project per invocation: a spec that fails to load aborts Playwright's whole run, and one
 * project's broken file must not hide the other project's results.
 */
async function playwright(project) {
  const name = `playwright ${project}`;
  banner(`${name} (tests/${project})`);
  const file = join(reports, `playwright-${project}.json`);
  const env = { PLAYWRIGHT_JSON_OUTPUT_NAME: file };
  if (project === 'web') Object.assign(env, { ATTACHE_WEB_PORT: process.env.ATTACHE_WEB_PORT ?? String(await freePort()), ATTACHE_WEB_DIR: webDir });
  const args = ['test', `--project=${project}`, '--reporter=list,json', '--pass-with-no-tests'];
  // The Electron app needs a display; without one, run it on Xvfb.
  const needsDisplay = project === 'electron' && process.platform === 'linux' && !process.env.DISPLAY && existsSync('/usr/bin/xvfb-run');
  const code = needsDisplay
    ? await run('xvfb-run', ['-a', '--server-args=-screen 0 1280x900x24', bin('playwright'), ...args], env)
    : await run(bin('playwright'), args, env);
  const report = readJson(file);
  if (!report) {
    results.push({ name, passed: 0, failed: 1, skipped: 0, note: `no report (exit code ${code}): the run itself failed` });
    return;
  }
  const c = playwrightCounts(report).get(project) ?? { passed: 0, failed: 0, skipped: 0, flaky: 0, skipReasons: new Set(), flakyTitles: [] };
  // Errors outside any test: a spec file that does not load, a web server that does not start.
  const outside = report.errors ?? [];
  const notes = [
    c.flaky ? `${c.flaky} flaky (failed, then passed on retry): ${c.flakyTitles.join('; ')}` : '',
    c.skipped ? [...c.skipReasons].map((r) => `skipped: ${r}`).join('; ') : '',
    outside.length ? `${outside.length} error(s) outside tests: ${String(outside[0]?.message ?? '').split('\n')[0]}` : '',
  ];
  let failed = c.failed + outside.length;
  if (failed === 0 && code !== 0) {
    failed = 1;
    notes.push(`exit code ${code} with no failed test (see its output above)`);
  }
  if (c.passed + c.flaky + failed + c.skipped === 0) notes.push('no tests found');
  results.push({ name, passed: c.passed + c.flaky, failed, skipped: c.skipped, note: notes.filter(Boolean).join('; ') || undefined });
}

const started = Date.now();
rmSync(reports, { recursive: true, force: true });

const webBuilt = await check('build: browser renderer', bin('vite'), ['build', '--config', 'vite.web.config.ts', '--outDir', resolve(root, webDir), '--emptyOutDir', '--logLevel', 'warn'], plain);
const appBuilt = await check('build: Electron app (electron-vite)', bin('electron-vite'), ['build', '--logLevel', 'warn'], plain);
mkdirSync(reports, { recursive: true });
await check('typecheck: tsc --noEmit', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], plain);
await check('typecheck: svelte-check', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'], plain);
await check('lint: eslint', bin('eslint'), ['--max-warnings', '0', '.'], plain);
await vitest();
// Each Playwright project needs its own build: `web` the browser renderer, `electron` the app.
const runnable = [webBuilt ? 'web' : '', appBuilt ? 'electron' : ''].filter(Boolean);
for (const [project, built] of [['web', webBuilt], ['electron', appBuilt]]) {
  if (!built) results.push({ name: `playwright ${project}`, passed: 0, failed: 1, skipped: 0, note: 'not run: its build failed (see above)' });
}
for (const project of runnable) await playwright(project);

const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
banner(`summary (${Math.round((Date.now() - started) / 1000)} s)`);
const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  const counts = `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
  console.log(`${r.failed ? '✗' : '✓'} ${r.name.padEnd(width)}  ${counts.padEnd(34)}${r.note ? ` ${r.note}` : ''}`);
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 ? 1 : 0;
