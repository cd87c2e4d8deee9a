import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig, rendererPlugins } from './vite.shared.ts';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // No node_modules ship in the archive (tests/unit/packaging.test.ts): the few libraries the main process
      // shares with the renderer's core (the conflict log's SHA-256 from @noble/hashes, through live sync) are
      // bundled into it rather than left external.
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require(): it must be one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    plugins: rendererPlugins(),
    build: {
      ...rendererConfig.build,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
    },
  },
});
