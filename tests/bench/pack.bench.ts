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
import { loadFontsNode, renderPackDetailed } from '../../src-renderer/src/core/pack/render-node';
import { FONT_FILES, PDF_FONTS, SERIF } from '../../src-renderer/src/core/pack/fonts';
import { plainText } from '../../src-renderer/src/core/richtext';
import { synthesise } from './pack-data';

const BRIEFINGS = Number(process.env.PACK_BENCH_BRIEFINGS ?? 200);

/** The same text as plain paragraphs: what pdfmake costs before any of our structure. */
function rawDefinition(data: WorkspaceData) {
  const content: unknown[] = [];
  for (const b of data.briefings) {
    content.push(b.title, plainText(b.summary));
    for (const s of data.statements.filter((x) => x.briefingId === b.id)) content.push(s.text);
    for (const a of data.actions.filter((x) => x.briefingId === b.id)) content.push(`${a.title} ${a.notes}`);
  }
  for (const a of data.actions) content.push(`${a.due} ${a.title} ${a.notes}`);
  return { content, defaultStyle: { font: SERIF, fontSize: 10 }, info: { creationDate: new Date(0) } };
}

const countPages = (bytes: Uint8Array) => (Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function renderRaw(data: WorkspaceData): Promise<Uint8Array> {
  const fonts = loadFontsNode();
  for (const f of FONT_FILES) pdfmake.virtualfs.writeFileSync(f, fonts[f]);
  pdfmake.setFonts(JSON.parse(JSON.stringify(PDF_FONTS)));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy?.(() => false);
  return pdfmake.createPdf(rawDefinition(data)).getBuffer();
}

async function main() {
  const data = synthesise(BRIEFINGS);
  const options = packOptions({ title: 'Benchmark pack', preparedBy: 'Bench', creationDate: '2015-08-01T00:00:00Z' });
  const textChars =
    data.briefings.reduce((n, b) => n + b.summary.length, 0) + data.statements.reduce((n, s) => n + s.text.length, 0);

  // Warm up both paths (module loading, font parsing, JIT) on a small pack.
  const small = synthesise(5);
  await renderPackDetailed(small, options);
  await renderRaw(small);

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
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    let cpu = process.cpuUsage();
    const raw = await renderRaw(data);
    rawTimes.push(performance.now() - t);
    rawCpu.push(cpuMs(process.cpuUsage(cpu)));
    rawPages = countPages(raw);

    t = performance.now();
    cpu = process.cpuUsage();
    const pack = await renderPackDetailed(data, options);
    packTimes.push(performance.now() - t);
    packCpu.push(cpuMs(process.cpuUsage(cpu)));
    pages = pack.pageCount;
    bytes = pack.bytes.byteLength;
    heapAfterPack = Math.max(heapAfterPack, process.memoryUsage().heapUsed);
    if (process.env.PACK_BENCH_PDF) writeFileSync(process.env.PACK_BENCH_PDF, pack.bytes);
    console.log(
      `run ${i + 1}: raw ${rawTimes[i]!.toFixed(0)} ms wall / ${rawCpu[i]!.toFixed(0)} ms CPU (${rawPages} pages), pack ${packTimes[i]!.toFixed(0)} ms wall / ${packCpu[i]!.toFixed(0)} ms CPU (${pages} pages)`,
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
    targets: { packMsBelow: 5000, ratioToRawBelow: 1.2 },
    node: process.version,
  };
  console.log(JSON.stringify(figures));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
