/**
 * The fonts a pack is set in, shipped in resources/fonts (SIL OFL, see resources/fonts/OFL.txt) and
 * embedded (subset) in every PDF; nothing is ever fetched. Noto covers Latin with diacritics, Cyrillic
 * and Greek; pdfmake has no font fallback, so text in other scripts (Arabic, Chinese…) comes out as
 * missing-glyph boxes, never as an error.
 *
 * This module only names the files. Getting their bytes is platform work:
 *  - Node (CLI, tests, bench): render-node.ts reads them from resources/fonts with fs.
 *  - Browser / Web Worker: render-browser.ts imports each file with Vite's `?url` suffix (so they are
 *    emitted into the app bundle) and fetches them from the app's own origin.
 * Both then register the bytes in pdfmake's virtual file system under FONT_FILES' names and pass
 * PDF_FONTS to pdfmake.
 */

/** The pack's one family: Noto Serif, regular and bold. */
export const SERIF = 'NotoSerif';

export type FontFile = 'NotoSerif-Regular.ttf' | 'NotoSerif-Bold.ttf';

/** Every file the pack needs, i.e. what a platform must load before rendering. */
export const FONT_FILES: readonly FontFile[] = ['NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf'];

export interface FontDescriptor {
  normal: FontFile;
  bold: FontFile;
  italics: FontFile;
  bolditalics: FontFile;
}

/**
 * pdfmake font dictionary. One family in two faces: every embedded face costs a parse, a shaping cache
 * and a subset per pack, and every switch between faces costs per word drawn (document.ts sets labels
 * in bold capitals rather than in a second family). The pack sets nothing in italics (the summary
 * markup has none), so the italic slots point at the upright files: a stray `italics` can never make
 * pdfmake throw "style not defined".
 */
export const PDF_FONTS: Record<typeof SERIF, FontDescriptor> = {
  [SERIF]: {
    normal: 'NotoSerif-Regular.ttf',
    bold: 'NotoSerif-Bold.ttf',
    italics: 'NotoSerif-Regular.ttf',
    bolditalics: 'NotoSerif-Bold.ttf',
  },
};

/** Font bytes keyed by file name, as a platform loader returns them. */
export type FontBytes = Record<FontFile, Uint8Array>;
