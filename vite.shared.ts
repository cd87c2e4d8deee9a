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

/**
 * The message catalogues (messages/<locale>/<area>.json) as `JSON.parse("…")` rather than object literals:
 * V8's JSON parser reads them several times faster than its JavaScript parser, and the English catalogue is
 * in the first script of every window (issue 12's list paint). Vite's own `json.stringify: true` left this
 * build's output unchanged (Vite 8 on Rolldown), so the files are loaded here as the modules they would become.
 */
export function cataloguesAsJsonParse() {
  return {
    name: 'attache-catalogues-as-json-parse',
    enforce: 'pre' as const,
    // Builds only: the dev server serves JSON through its own plugin, and its speed there does not matter.
    apply: 'build' as const,
    load(id: string) {
      if (!/[\\/]messages[\\/][a-z]+[\\/][a-z]+\.json$/.test(id)) return null;
      const text = JSON.stringify(JSON.parse(readFileSync(id, 'utf8')));
      return { code: `export default JSON.parse(${JSON.stringify(text)});`, moduleType: 'js' as const, map: null };
    },
  };
}

/** The root is src-renderer, so point the plugin at the project's svelte.config.js explicitly. */
export function sveltePlugin() {
  return svelte({ configFile: resolve(here, 'svelte.config.js') });
}

/** Every renderer build's plugins (the app in Electron, in the browser, and the bench pages). */
export function rendererPlugins() {
  return [sveltePlugin(), cataloguesAsJsonParse()];
}
