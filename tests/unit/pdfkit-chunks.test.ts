/**
 * The pdfkit GC workaround (core/pack/pdfkit-chunks.ts): it empties written chunk lists and changes
 * no byte of the output. Its speed effect is measured by `npm run bench:pack`, not here.
 */
import pdfmake from 'pdfmake';
import { describe, expect, it } from 'vitest';
import { buildPackDocument } from '../../src-renderer/src/core/pack/document';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { releasePdfkitChunkLists } from '../../src-renderer/src/core/pack/pdfkit-chunks';
import { registerFonts } from '../../src-renderer/src/core/pack/render';
import { loadFontsNode } from '../../src-renderer/src/core/pack/render-node';
import { packFixture } from './pack-fixture';

interface RefLike {
  buffer: unknown;
  write(chunk: string): void;
  end(): void;
}

const options = packOptions({ title: 'Chunk lists', watermark: 'DRAFT', creationDate: '2015-04-10T08:30:00Z' });

async function render(): Promise<Uint8Array> {
  registerFonts(pdfmake, loadFontsNode());
  // A fresh definition each time: pdfmake annotates the one it lays out.
  return pdfmake.createPdf(buildPackDocument(packFixture(), options).definition).getBuffer();
}

describe('releasing pdfkit chunk lists', () => {
  it('leaves every byte of a pack (links, bookmarks, tables, watermark) as it was', async () => {
    const marker = Symbol.for('attache.pdfkit.releasesChunkLists');
    registerFonts(pdfmake, loadFontsNode());
    const doc = (await pdfmake.createPdf({ content: [] }).getStream()) as { _root: object };
    // This file runs in its own module graph, so pdfkit is still as shipped here.
    expect(Object.getPrototypeOf(doc._root)[marker]).toBeUndefined();
    const before = await render();

    expect(await releasePdfkitChunkLists(pdfmake)).toBe(true);
    expect(Object.getPrototypeOf(doc._root)[marker]).toBe(true);
    const after = await render();

    expect(after.byteLength).toBeGreaterThan(10_000);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });

  it('empties a PDF object’s chunk list once the object is written, and only then', async () => {
    expect(await releasePdfkitChunkLists(pdfmake)).toBe(true);
    const doc = (await pdfmake.createPdf({ content: [] }).getStream()) as { ref(): RefLike };
    const ref = doc.ref();
    ref.write('0 0 m');
    ref.write('10 10 l');
    const chunks = ref.buffer as unknown[];
    expect(chunks).toHaveLength(2);
    ref.end();
    expect(chunks).toHaveLength(0);
  });

  it('is installed once however often packs are rendered', async () => {
    const a = releasePdfkitChunkLists(pdfmake);
    expect(releasePdfkitChunkLists(pdfmake)).toBe(a);
    expect(await a).toBe(true);
  });
});
