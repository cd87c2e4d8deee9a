/**
 * Vitest for `npm run test:mutation` (stryker.config.mjs): the unit tests of the sync core only. Stryker's
 * `vitest.related` then narrows each run to the tests that import the mutated file; the slow suites that
 * never touch the sync core (packaging, PDF packs, the main process) are left out from the start.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: ['tests/unit/packaging.test.ts', 'tests/unit/pack*.test.ts', 'tests/unit/pdfkit-chunks.test.ts', 'tests/unit/main-*.test.ts', 'tests/unit/pinned-internals.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
