/** The PDF writers' engine in the app: pdfmake's browser bundle and the fonts bundled with the app (fetched from its own origin). */
import pdfmake from 'pdfmake/build/pdfmake.js';
import { loadFontsBrowser } from '../pack/render-browser';
import type { PdfEngine } from './formats';

export const browserPdfEngine: PdfEngine = { pdfmake, fonts: loadFontsBrowser };
