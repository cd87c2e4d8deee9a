import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const here = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(here, 'package.json'), 'utf8')) as { version: string };

/** Renderer settings shared by the Electron build and the browser build (`npm run web`). */
export const rendererConfig = {
  root: resolve(here, 'src-renderer'),
  base: './',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: 'es' as const },
  build: {
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { input: { index: resolve(here, 'src-renderer/index.html') } },
  },
};

/** The root is src-renderer, so point the plugin at the project's svelte.config.js explicitly. */
export function sveltePlugin() {
  return svelte({ configFile: resolve(here, 'svelte.config.js') });
}
