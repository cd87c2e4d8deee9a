/**
 * Turning a pack document into PDF bytes with a given pdfmake instance and font bytes. Platform-free:
 * render-node.ts (CLI, tests, bench) and render-browser.ts (Web Worker) supply pdfmake and the fonts,
 * so the app and the CLI run the very same builder and renderer.
 *
 * Progress: pdfmake lays out the whole document synchronously, then renders it. We report layout
 * progress per page laid out (through the page `background` hook, the only per-page callback pdfmake
 * calls during layout) against an estimate, and render progress through pdfmake's progress callback.
 *
 * Cancellation: the AbortSignal is checked between phases and at every progress tick. A signal can only
 * flip while the thread is free, and pdfmake's layout and render are one synchronous run each, so an
 * abort sent from elsewhere takes effect at the next phase boundary. To stop a long run at once, run it in
 * a Web Worker and terminate the worker (what the Pack dialog does).
 */
import type { WorkspaceData } from '../model';
import { FONT_FILES, PDF_FONTS, type FontBytes } from './fonts';
import { buildPackDocument, type PackPdf, type PackWriterOptions } from './document';
import type { PackOptions } from './options';
import { releasePdfkitChunkLists } from './pdfkit-chunks';
import type { PackContent } from './select';

export type PackPhase = 'fonts' | 'layout' | 'render' | 'done';

export interface PackProgress {
  phase: PackPhase;
  /** Overall progress 0…1, monotonic. */
  fraction: number;
}

/** Progress, cancellation, and what the writer adds to this one PDF (a numbered copy, the emblem). */
export interface RenderHooks extends PackWriterOptions {
  onProgress?: (progress: PackProgress) => void;
  signal?: AbortSignal;
}

export interface RenderedPack {
  bytes: Uint8Array;
  pageCount: number;
  content: PackContent;
}

export type PackErrorCode = 'empty-selection';

/** A pack that cannot be built for a reason the user can fix; `message` is one line for the user. */
export class PackError extends Error {
  constructor(
    readonly code: PackErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PackError';
  }
}

/** Refuse a pack with no briefing in it, saying whether the ceiling or the selection left it empty (PDF and Word alike). */
export function assertSomethingSelected(content: PackContent): void {
  if (content.counts.briefings > 0) return;
  throw new PackError(
    'empty-selection',
    content.counts.excluded
      ? `No briefing to include: all ${content.counts.excluded} matching briefings are above the classification ceiling`
      : 'No briefing matches the selection',
  );
}

/** Where each phase sits in the overall fraction. */
const BANDS: Record<PackPhase, [number, number]> = {
  fonts: [0, 0.03],
  layout: [0.03, 0.6],
  render: [0.6, 0.97],
  done: [1, 1],
};

function progressReporter(hooks: RenderHooks) {
  let last = -1;
  return (phase: PackPhase, within: number) => {
    hooks.signal?.throwIfAborted();
    if (!hooks.onProgress) return;
    const [a, b] = BANDS[phase];
    const fraction = Math.min(1, a + (b - a) * Math.min(1, Math.max(0, within)));
    // pdfmake ticks once per drawn item (hundreds of thousands): report whole percents only.
    if (fraction < 1 && Math.floor(fraction * 100) <= last) return;
    last = Math.floor(fraction * 100);
    hooks.onProgress({ phase, fraction });
  };
}

const registeredFonts = new WeakMap<PdfmakeInstance, FontBytes>();

/** Put the font bytes into pdfmake's virtual file system once per pdfmake instance and font set. */
export function registerFonts(pdfmake: PdfmakeInstance, fonts: FontBytes): void {
  if (registeredFonts.get(pdfmake) !== fonts) {
    for (const file of FONT_FILES) pdfmake.virtualfs.writeFileSync(file, fonts[file]);
    registeredFonts.set(pdfmake, fonts);
  }
  // Fresh descriptor objects each time: pdfmake rewrites them in place while resolving URLs.
  pdfmake.setFonts(JSON.parse(JSON.stringify(PDF_FONTS)) as typeof PDF_FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy?.(() => false);
}

/** Rough page count before layout, only to scale the layout part of the progress bar. */
function estimatePages(doc: PackPdf): number {
  return Math.max(2, Math.round(doc.estimatedChars / 3200) + doc.content.briefings.length + 3);
}

/**
 * Build and render a pack. Throws PackError('empty-selection') when nothing is selected, the signal's
 * reason (an AbortError DOMException by default) when aborted.
 */
export async function renderPackWith(
  pdfmake: PdfmakeInstance,
  fonts: FontBytes,
  data: WorkspaceData,
  options: PackOptions,
  hooks: RenderHooks = {},
): Promise<RenderedPack> {
  const report = progressReporter(hooks);
  report('fonts', 0);
  const doc = buildPackDocument(data, options, new Date(), { copy: hooks.copy, emblem: hooks.emblem });
  assertSomethingSelected(doc.content);
  registerFonts(pdfmake, fonts);
  await releasePdfkitChunkLists(pdfmake);
  report('fonts', 1);

  const expected = estimatePages(doc);
  let laidOut = 0;
  const pageBackground = doc.definition.background as ((page: number, size: object) => unknown) | undefined;
  const definition = {
    ...doc.definition,
    background: (page: number, size: object) => {
      laidOut++;
      report('layout', laidOut / expected);
      return pageBackground ? pageBackground(page, size) : null;
    },
  };
  pdfmake.setProgressCallback((p: number) => report('render', p));
  try {
    const bytes = await pdfmake.createPdf(definition).getBuffer();
    hooks.signal?.throwIfAborted();
    report('done', 1);
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pageCount: doc.pageCount(), content: doc.content };
  } finally {
    pdfmake.setProgressCallback(undefined);
  }
}
