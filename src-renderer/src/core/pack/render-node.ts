/**
 * Pack rendering in Node (CLI, tests, bench): pdfmake's Node entry and the fonts read from
 * resources/fonts. Import this only from Node code; the app's worker imports render-browser.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import type { WorkspaceData } from '../model';
import { FONT_FILES, type FontBytes } from './fonts';
import type { PackOptions } from './options';
import { renderPackWith, type RenderedPack, type RenderHooks } from './render';

export { PackError, type PackProgress, type RenderHooks, type RenderedPack } from './render';

/** resources/fonts of this checkout (this file lives in src-renderer/src/core/pack/). */
export const FONT_DIR = fileURLToPath(new URL('../../../../resources/fonts/', import.meta.url));

let cache: FontBytes | null = null;

export function loadFontsNode(dir: string = FONT_DIR): FontBytes {
  if (cache && dir === FONT_DIR) return cache;
  const fonts = Object.fromEntries(FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(`${dir}/${f}`))])) as FontBytes;
  if (dir === FONT_DIR) cache = fonts;
  return fonts;
}

/** Build and render a pack to PDF bytes. */
export async function renderPack(data: WorkspaceData, options: PackOptions, hooks: RenderHooks = {}): Promise<Uint8Array> {
  return (await renderPackDetailed(data, options, hooks)).bytes;
}

/** Same, with the page count and the selection that went in. */
export function renderPackDetailed(data: WorkspaceData, options: PackOptions, hooks: RenderHooks = {}): Promise<RenderedPack> {
  return renderPackWith(pdfmake, loadFontsNode(), data, options, hooks);
}
