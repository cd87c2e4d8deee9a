/**
 * Pack rendering in the browser, meant for a Web Worker: pdfmake's browser bundle, and the fonts as
 * files of the app's own bundle (Vite's `?url` imports emit them as assets; fetched from our own
 * origin, never from the network at large). Usage from a worker:
 *
 *   import { renderPack } from '../../core/pack/render-browser';
 *   const bytes = await renderPack(data, options, { onProgress: (p) => postMessage({ progress: p }) });
 *
 * Cancel by terminating the worker (pdfmake's layout is one synchronous run; see render.ts).
 */
import pdfmake from 'pdfmake/build/pdfmake.js';
import notoSerifBold from '../../../../resources/fonts/NotoSerif-Bold.ttf?url';
import notoSerifItalic from '../../../../resources/fonts/NotoSerif-Italic.ttf?url';
import notoSerifRegular from '../../../../resources/fonts/NotoSerif-Regular.ttf?url';
import type { WorkspaceData } from '../model';
import type { FontBytes, FontFile } from './fonts';
import type { PackOptions } from './options';
import { renderPackWith, type RenderedPack, type RenderHooks } from './render';

export { PackError, type PackProgress, type RenderHooks, type RenderedPack } from './render';

const FONT_URLS: Record<FontFile, string> = {
  'NotoSerif-Regular.ttf': notoSerifRegular,
  'NotoSerif-Bold.ttf': notoSerifBold,
  'NotoSerif-Italic.ttf': notoSerifItalic,
};

let fontsPromise: Promise<FontBytes> | null = null;

/** Fetch the bundled fonts once per worker. */
export function loadFontsBrowser(): Promise<FontBytes> {
  fontsPromise ??= Promise.all(
    (Object.entries(FONT_URLS) as [FontFile, string][]).map(async ([file, url]) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`Could not load the font ${file} from the app bundle (${res.status})`);
      return [file, new Uint8Array(await res.arrayBuffer())] as const;
    }),
  ).then((entries) => Object.fromEntries(entries) as FontBytes);
  fontsPromise.catch(() => (fontsPromise = null));
  return fontsPromise;
}

export async function renderPack(data: WorkspaceData, options: PackOptions, hooks: RenderHooks = {}): Promise<Uint8Array> {
  return (await renderPackDetailed(data, options, hooks)).bytes;
}

export async function renderPackDetailed(data: WorkspaceData, options: PackOptions, hooks: RenderHooks = {}): Promise<RenderedPack> {
  const fonts = await loadFontsBrowser();
  hooks.signal?.throwIfAborted();
  return renderPackWith(pdfmake, fonts, data, options, hooks);
}
