// Mutation testing of the sync core (`npm run test:mutation`; docs/testing.md): Stryker changes the code
// in small ways (a `>` into `>=`, a condition into `true`…) and runs the unit tests that import the
// changed file; a change that no test notices ("survived") is a test missing — or an equivalent change,
// listed with its reason in docs/testing.md. Slow (minutes), so it is not part of `npm test`.
//
// Incremental: results are kept in reports/stryker-incremental.json (git-ignored: about 2 MB), so a run only
// re-tests the mutants whose code or tests changed since. `npm run test:mutation -- --force` re-tests everything.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src-renderer/src/core/hlc.ts', 'src-renderer/src/core/sync/*.ts', 'src-renderer/src/core/tracker.ts'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'out/mutation/index.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 95, low: 90, break: 90 },
  // Other runs share this machine's two cores: one test process unless asked for more (--concurrency N).
  concurrency: 1,
  timeoutMS: 20_000,
  tempDirName: 'out/.stryker-tmp',
  // The sandbox copies the project: not the builds, reports and tools.
  ignorePatterns: ['/out', '/dist', '/test-results', '/playwright-report', '/blob-report', '/.tools', '/.bench'],
  cleanTempDir: true,
};
