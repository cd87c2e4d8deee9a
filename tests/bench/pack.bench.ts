/**
 * `npm run bench:pack`: a 200-briefing pack (about 400 pages) against raw pdfmake laying out the same
 * text with no styling, tables, TOC or running heads, measured in the same run with the same fonts.
 * Last line: one JSON object with the figures.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pdfmake from 'pdfmake';
import type { WorkspaceData } from '../../src-renderer/src/core/model';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { buildPackDocument } from '../../src-renderer/src/core/pack/document';
import { loadFontsNode, renderPackDetailed } from '../../src-renderer/src/core/pack/render-node';
import { FONT_FILES, PDF_FONTS, SERIF } from '../../src-renderer/src/core/pack/fonts';
import { synthesise } from './pack-data';

const BRIEFINGS = Number(process.env.PACK_BENCH_BRIEFINGS ?? 200);
/** Issue 4: a 400-page pack in under 5 s, within 1.2× of raw pdfmake laying out the same text. */
const TARGET_MS = 5000;
const TARGET_RATIO = 1.2;

type Def = { content: unknown; header?: PageFn; footer?: PageFn; background?: PageFn };
type PageFn = (page: number, count: number, size: { width: number; height: number }) => unknown;

/**
 * The raw baseline: every piece of text the pack prints — headings, details, summaries, statements,
 * labels, table cells, contents entries, and each page's banners and folio — as plain paragraphs in the
 * default style. Same glyphs for pdfmake to measure, break and draw; none of our structure (tables,
 * columns, styles, keep-together blocks, page breaks, links, bookmarks, running heads).
 */
function rawDefinition(pack: Def, pages: number) {
  const paragraphs: string[] = [];
  const inline = (n: unknown): string =>
    typeof n === 'string' ? n : Array.isArray(n) ? n.map(inline).join('') : n && typeof n === 'object' && 'text' in n ? inline((n as { text: unknown }).text) : '';
  const walk = (n: unknown): void => {
    if (typeof n === 'string') {
      if (n.trim()) paragraphs.push(n);
    } else if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if ('pageReference' in o) paragraphs.push('000');
      else if ('text' in o) {
        const t = inline(o.text);
        if (t.trim()) paragraphs.push(t);
      } else for (const [k, v] of Object.entries(o)) if (k !== 'layout' && k !== 'canvas') walk(v);
    }
  };
  walk(pack.content);
  const size = { width: 595.28, height: 841.89 };
  // Running heads may be drawn by any of the three page hooks; every text they print counts.
  for (let i = 1; i <= pages; i++) for (const fn of [pack.background, pack.header, pack.footer]) if (fn) walk(fn(i, pages, size));
  return { content: paragraphs, defaultStyle: { font: SERIF, fontSize: 10 }, info: { creationDate: new Date(0) } };
}

const countPages = (bytes: Uint8Array) => (Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function renderRaw(definition: ReturnType<typeof rawDefinition>): Promise<Uint8Array> {
  const fonts = loadFontsNode();
  for (const f of FONT_FILES) pdfmake.virtualfs.writeFileSync(f, fonts[f]);
  pdfmake.setFonts(JSON.parse(JSON.stringify(PDF_FONTS)));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy?.(() => false);
  return pdfmake.createPdf(definition).getBuffer();
}

async function main() {
  const data = synthesise(BRIEFINGS);
  const options = packOptions({ title: 'Benchmark pack', preparedBy: 'Bench', creationDate: '2015-08-01T00:00:00Z' });
  const textChars =
    data.briefings.reduce((n, b) => n + b.summary.length, 0) + data.statements.reduce((n, s) => n + s.text.length, 0);

  const runs = Number(process.env.PACK_BENCH_RUNS ?? 2);
  const packTimes: number[] = [];
  const rawTimes: number[] = [];
  const packCpu: number[] = [];
  const rawCpu: number[] = [];
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  let pages = 0;
  let rawPages = 0;
  let bytes = 0;
  let heapAfterPack = 0;

  const timePack = async () => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const pack = await renderPackDetailed(data, options);
    packTimes.push(performance.now() - t);
    packCpu.push(cpuMs(process.cpuUsage(cpu)));
    pages = pack.pageCount;
    bytes = pack.bytes.byteLength;
    heapAfterPack = Math.max(heapAfterPack, process.memoryUsage().heapUsed);
    if (process.env.PACK_BENCH_PDF) writeFileSync(process.env.PACK_BENCH_PDF, pack.bytes);
  };
  const timeRaw = async () => {
    // Built outside the timing: the baseline is pdfmake's work, not our extraction of the text.
    const definition = rawDefinition(buildPackDocument(data, options).definition as Def, pages);
    const t = performance.now();
    const cpu = process.cpuUsage();
    const raw = await renderRaw(definition);
    rawTimes.push(performance.now() - t);
    rawCpu.push(cpuMs(process.cpuUsage(cpu)));
    rawPages = countPages(raw);
  };

  // Warm up both paths (module loading, font parsing, JIT) on a small pack.
  const small = synthesise(5);
  const smallPack = await renderPackDetailed(small, options);
  await renderRaw(rawDefinition(buildPackDocument(small, options).definition as Def, smallPack.pageCount));

  for (let i = 0; i < runs; i++) {
    // Alternate the order so neither side always runs on a heap the other has just filled.
    if (i % 2 === 0 || pages === 0) {
      await timePack();
      await timeRaw();
    } else {
      await timeRaw();
      await timePack();
    }
    console.log(
      `run ${i + 1}: pack ${packTimes[i]!.toFixed(0)} ms wall / ${packCpu[i]!.toFixed(0)} ms CPU (${pages} pages), raw ${rawTimes[i]!.toFixed(0)} ms wall / ${rawCpu[i]!.toFixed(0)} ms CPU (${rawPages} pages)`,
    );
  }
  const best = (xs: number[]) => Math.min(...xs);
  const packMs = best(packTimes);
  const rawMs = best(rawTimes);
  const figures = {
    bench: 'pack',
    briefings: BRIEFINGS,
    statements: data.statements.length,
    actions: data.actions.length,
    textChars,
    pages,
    pdfBytes: bytes,
    packMs: Math.round(packMs),
    pagesPerSecond: Math.round((pages / packMs) * 1000),
    rawPages,
    rawMs: Math.round(rawMs),
    rawPagesPerSecond: Math.round((rawPages / rawMs) * 1000),
    ratioToRaw: Number((packMs / rawMs).toFixed(2)),
    packCpuMs: Math.round(best(packCpu)),
    rawCpuMs: Math.round(best(rawCpu)),
    ratioToRawCpu: Number((best(packCpu) / best(rawCpu)).toFixed(2)),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    heapUsedAfterPackMb: mb(heapAfterPack),
    runs,
    targets: {
      packMsBelow: TARGET_MS,
      ratioToRawBelow: TARGET_RATIO,
      packMsMet: packMs < TARGET_MS,
      ratioToRawMet: packMs / rawMs <= TARGET_RATIO,
      ratioToRawCpuMet: best(packCpu) / best(rawCpu) <= TARGET_RATIO,
    },
    node: process.version,
  };
  console.log(JSON.stringify(figures));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
