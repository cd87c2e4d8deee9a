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

/** The pack's one family: Noto Serif, regular, bold and italic. */
export const SERIF = 'NotoSerif';

export type FontFile = 'NotoSerif-Regular.ttf' | 'NotoSerif-Bold.ttf' | 'NotoSerif-Italic.ttf';

/** Every file the pack needs, i.e. what a platform must load before rendering. */
export const FONT_FILES: readonly FontFile[] = ['NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf', 'NotoSerif-Italic.ttf'];

export interface FontDescriptor {
  normal: FontFile;
  bold: FontFile;
  italics: FontFile;
  bolditalics: FontFile;
}

/**
 * pdfmake font dictionary. One family in three faces: every embedded face costs a parse, a shaping cache
 * and a subset per pack, and every switch between faces costs per word drawn (document.ts sets labels
 * in bold capitals rather than in a second family). Italic is set only where the summary markup asks for
 * it (`_word_`), and pdfmake opens a face only when a run uses it, so a pack without italics embeds two.
 * Bold italic (`**_word_**`, rare) is set in the bold face rather than shipping a fourth file.
 */
export const PDF_FONTS: Record<typeof SERIF, FontDescriptor> = {
  [SERIF]: {
    normal: 'NotoSerif-Regular.ttf',
    bold: 'NotoSerif-Bold.ttf',
    italics: 'NotoSerif-Italic.ttf',
    bolditalics: 'NotoSerif-Bold.ttf',
  },
};

/** Font bytes keyed by file name, as a platform loader returns them. */
export type FontBytes = Record<FontFile, Uint8Array>;
