import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig, rendererPlugins } from './vite.shared.ts';

/** The same renderer, built for a plain browser (the platform bridge picks its browser implementation). */
export default defineConfig({
  ...rendererConfig,
  plugins: rendererPlugins(),
  build: { ...rendererConfig.build, outDir: resolve(import.meta.dirname, 'out/web'), emptyOutDir: true },
});
