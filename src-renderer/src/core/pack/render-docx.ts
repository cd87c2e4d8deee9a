/**
 * The pack as a Word file: the very PackDocument the PDF writer renders (core/document/pack.ts), written by
 * the .docx writer (core/export/docx.ts), with the same refusal of an empty selection. Platform-free, so
 * the pack worker and `attache pack --out <file>.docx` share it.
 */
import { packDocument, type PackCopy } from '../document/pack';
import { packDocx } from '../export/docx';
import type { WorkspaceData } from '../model';
import type { PackOptions } from './options';
import { assertSomethingSelected } from './render';
import type { PackContent } from './select';

export interface RenderedPackDocx {
  bytes: Uint8Array;
  content: PackContent;
}

export async function renderPackDocx(data: WorkspaceData, options: PackOptions, copy?: PackCopy, now: Date = new Date()): Promise<RenderedPackDocx> {
  const doc = packDocument(data, options, now);
  assertSomethingSelected(doc.content);
  return { bytes: await packDocx(doc, copy), content: doc.content };
}
