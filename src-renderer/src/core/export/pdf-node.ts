/** The PDF writers' engine in Node (CLI, tests): pdfmake's Node entry and the fonts read from resources/fonts. */
import pdfmake from 'pdfmake';
import { loadFontsNode } from '../pack/render-node';
import type { PdfEngine } from './formats';

export const nodePdfEngine: PdfEngine = { pdfmake, fonts: () => Promise.resolve(loadFontsNode()) };
