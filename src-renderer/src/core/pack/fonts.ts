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

/** Body text: a serif, like a ministry's printed note. */
export const SERIF = 'NotoSerif';
/** Labels, tables, banners and headers: a sans that stays legible at small sizes. */
export const SANS = 'NotoSans';

export type FontFile = 'NotoSerif-Regular.ttf' | 'NotoSerif-Bold.ttf' | 'NotoSans-Regular.ttf' | 'NotoSans-Bold.ttf';

/** Every file the pack needs, i.e. what a platform must load before rendering. */
export const FONT_FILES: readonly FontFile[] = [
  'NotoSerif-Regular.ttf',
  'NotoSerif-Bold.ttf',
  'NotoSans-Regular.ttf',
  'NotoSans-Bold.ttf',
];

export interface FontDescriptor {
  normal: FontFile;
  bold: FontFile;
  italics: FontFile;
  bolditalics: FontFile;
}

/**
 * pdfmake font dictionary. The pack sets nothing in italics (the summary markup has none), so no italic
 * files ship: every embedded font costs a parse and a subset per pack. The italic slots point at the
 * upright files so a stray `italics` can never make pdfmake throw "style not defined".
 */
export const PDF_FONTS: Record<typeof SERIF | typeof SANS, FontDescriptor> = {
  [SERIF]: {
    normal: 'NotoSerif-Regular.ttf',
    bold: 'NotoSerif-Bold.ttf',
    italics: 'NotoSerif-Regular.ttf',
    bolditalics: 'NotoSerif-Bold.ttf',
  },
  [SANS]: {
    normal: 'NotoSans-Regular.ttf',
    bold: 'NotoSans-Bold.ttf',
    italics: 'NotoSans-Regular.ttf',
    bolditalics: 'NotoSans-Bold.ttf',
  },
};

/** Font bytes keyed by file name, as a platform loader returns them. */
export type FontBytes = Record<FontFile, Uint8Array>;
