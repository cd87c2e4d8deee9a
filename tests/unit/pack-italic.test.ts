/**
 * Italic in the summary markup (`_word_`) reaches the pack in Noto Serif's italic face, with no markers
 * left in the text; a pack without italics still embeds only the two upright faces (pack-pdf.test.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { renderPack } from '../../src-renderer/src/core/pack/render-node';
import { packFixture, pagesText, run } from './pack-fixture';

it('sets _italic_ summary text in NotoSerif-Italic and shows no markers', async () => {
  const data = packFixture();
  const b = data.briefings[0]!;
  data.briefings[0] = { ...b, summary: 'Research on heroin purity along the _Northern Route_, said **_UNODC_** twice.' };
  const pdf = join(mkdtempSync(join(tmpdir(), 'attache-italic-')), 'pack.pdf');
  writeFileSync(pdf, await renderPack(data, packOptions({ title: 'Italic', ceiling: 'secret', creationDate: '2015-04-10T08:30:00Z' })));
  const fonts = run('pdffonts', [pdf]).stdout;
  expect(fonts).toContain('NotoSerif-Italic');
  const text = pagesText(pdf).join(' ').replace(/\s+/g, ' ');
  expect(text).toContain('along the Northern Route, said UNODC twice.');
  expect(text).not.toMatch(/_Northern|\*\*_?UNODC/);
});
