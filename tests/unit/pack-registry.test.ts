/**
 * What a registry expects of a pack (issue 14): the mission's letterhead, a file reference, From/To/Info,
 * a distribution list, numbered copies ("Copy n of N — recipient" on every page of each recipient's PDF),
 * the date of issue against which "overdue" is computed, numbered paragraphs, the Comment, contents only
 * for more than three entries, a banner of at least 10 pt bold, the document's language, the emblem.
 * Read back with poppler (pdftotext, pdfimages) and qpdf, never with our own code.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileName, packCopies, packDocument } from '../../src-renderer/src/core/document/pack';
import { EXAMPLE_BRIEFING_ID } from '../../src-renderer/src/core/example';
import { SETTINGS_ID, type WorkspaceData } from '../../src-renderer/src/core/model';
import { buildPackDocument } from '../../src-renderer/src/core/pack/document';
import { checkEmblem, EMBLEM_LIMITS } from '../../src-renderer/src/core/pack/emblem';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { renderPack } from '../../src-renderer/src/core/pack/render-node';
import { createRecord } from '../../src-renderer/src/core/records';
import { defaultSettings } from '../../src-renderer/src/core/settings';
import { encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { cliRunner } from './cli-helpers';
import { CLOCK, OVERDUE_TITLE, packFixture, pagesText, run } from './pack-fixture';

const dir = mkdtempSync(join(tmpdir(), 'attache-registry-'));
const MISSION = 'Embassy of Ruritania in Dushanbe';
const COMMENT = 'Comment: the Agency’s figures are higher than last year’s; we judge the _trend_ credible.';
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The fixture with a letterhead in its settings and a comment on the example briefing. */
function registryFixture(): WorkspaceData {
  const data = packFixture();
  const base = data.settings.find((s) => s.id === SETTINGS_ID) ?? createRecord('settings', SETTINGS_ID, defaultSettings(), CLOCK);
  data.settings = [
    {
      ...base,
      missionName: MISSION,
      cableTo: ['Ministry of Foreign Affairs, Central Asia Department'],
      cableInfo: ['Embassy of Ruritania in Tashkent'],
      distribution: ['H.E. the Ambassador', 'Registry', 'Посольство в Москве'],
    },
  ];
  const example = data.briefings.find((b) => b.id === EXAMPLE_BRIEFING_ID)!;
  Object.assign(example, { comment: COMMENT });
  return data;
}

/** A PNG of w × h pixels (RGB, one colour), written by hand: zlib for the data, CRC-32 for the chunks. */
function png(w: number, h: number, interlace = 0): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  ihdr[12] = interlace;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set([0, 0x33, 0x66], y * (w * 3 + 1) + 1 + x * 3);
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}

/** The start of a baseline JPEG: SOI, an APP0 segment, SOF0 with the size (enough for the header check). */
function jpegHeader(w: number, h: number): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x11, 0x08, h >> 8, h & 0xff, w >> 8, w & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
  ]);
}

const options = packOptions({
  title: 'Registry check',
  ceiling: 'confidential',
  creationDate: '2015-04-10T08:30:00Z',
  fileReference: 'DUS/POL/2015/017',
  numberedParagraphs: true,
});

let data: WorkspaceData;
let pages: string[];

beforeAll(async () => {
  data = registryFixture();
  const pdf = join(dir, 'registry.pdf');
  writeFileSync(pdf, await renderPack(data, options));
  pages = pagesText(pdf);
});

describe('registry-grade pack', () => {
  it('heads the cover with the mission, the file reference, From, To, Info and the distribution from the letterhead settings', () => {
    const cover = oneLine(pages[0]!);
    expect(cover.indexOf(MISSION)).toBeLessThan(cover.indexOf('BRIEFING PACK'));
    expect(cover).toContain('FILE REFERENCE DUS/POL/2015/017');
    expect(cover).toContain(`FROM ${MISSION}`);
    expect(cover).toContain('TO Ministry of Foreign Affairs, Central Asia Department');
    expect(cover).toContain('INFO Embassy of Ruritania in Tashkent');
    expect(cover).toMatch(/DISTRIBUTION 1\. H\.E\. the Ambassador 2\. Registry 3\. Посольство в Москве/);
    // The file reference runs in every later page's foot.
    for (const p of pages.slice(1)) expect(p).toContain('DUS/POL/2015/017');
  });

  it('takes From, To, Info and distribution from the options over the settings', () => {
    const doc = packDocument(data, { ...options, from: 'Political Section', to: ['Capital'], info: [], distribution: ['Desk officer'] });
    expect(doc).toMatchObject({ mission: MISSION, from: 'Political Section', to: ['Capital'], info: ['Embassy of Ruritania in Tashkent'], distribution: ['Desk officer'] });
  });

  it('computes "overdue" against the date of issue, not today', () => {
    const early = packDocument(data, { ...options, issueDate: '2015-04-01' });
    const late = packDocument(data, { ...options, issueDate: '2016-01-01' });
    expect(early.overdueCount).toBe(0);
    expect(late.overdueCount).toBeGreaterThan(2);
    expect(late.tracker!.find((r) => r.action.title === OVERDUE_TITLE)!.action.overdue).toBe(true);
  });

  it('numbers paragraphs when asked: summary, statements, then the comment, in each briefing', () => {
    const doc = packDocument(data, options);
    const example = doc.briefings.find((b) => b.doc.id === EXAMPLE_BRIEFING_ID)!;
    const n = example.numbers!;
    // "Key points for the mission:" and the list under it are one paragraph, as the cable numbers them.
    expect(n.summary).toEqual([1, 2, null, 3]);
    const summaryNumbers = n.summary.filter((x) => x !== null).length;
    const statementNumbers = Object.values(n.statements);
    expect(Math.min(...statementNumbers)).toBe(summaryNumbers + 1);
    expect(n.comment[0]).toBe(summaryNumbers + statementNumbers.length + 1);
    const text = oneLine(pages.join(' '));
    expect(text).toContain('SUMMARY 1. The Ministry of Foreign Affairs of the Republic of Tajikistan');
    // The list's bullets are drawn, not text: the points follow the paragraph with no number of their own.
    expect(text).toMatch(/2\. Key points for the mission: The Drug Control Agency/);
    expect(text).toMatch(/ 3\. The presentations were followed by an exchange of views/);
    expect(text).toMatch(/STATEMENTS Rustam Nazarzoda .{0,200}? 4\. Briefed participants/);
    expect(packDocument(data, { ...options, numberedParagraphs: false }).briefings[0]!.numbers).toBeNull();
  });

  it('prints the officer’s Comment under its own heading, never attributed to a speaker; left out on request', async () => {
    const text = oneLine(pages.join(' '));
    expect(text).toMatch(/COMMENT \d+\. Comment: the Agency’s figures are higher than last year’s; we judge the trend credible\./);
    const file = join(dir, 'no-comment.pdf');
    writeFileSync(file, await renderPack(data, { ...options, includeComment: false }));
    expect(pagesText(file).join(' ')).not.toContain('we judge the');
  });

  it('has a contents page only for more than three entries', async () => {
    // Two briefings and two annexes: contents.
    expect(pages[1]).toContain('Contents');
    // The example alone: one briefing, the tracker and the people annex — no contents page.
    const file = join(dir, 'three.pdf');
    writeFileSync(file, await renderPack(data, { ...options, selection: { ...options.selection, briefingIds: [EXAMPLE_BRIEFING_ID] } }));
    const three = pagesText(file);
    expect(three.join(' ')).not.toContain('Contents');
    expect(three[1]).toContain('BRIEFING 1 OF 1');
  });

  it('sets the classification banner in at least 10 pt bold, top and foot of every page', () => {
    const def = buildPackDocument(data, options).definition;
    const footer = (def.footer as (p: number, n: number, s: object) => { stack: Record<string, unknown>[] })(2, 9, { width: 595.28, height: 841.89 });
    const top = footer.stack.find((n) => n.text === 'CONFIDENTIAL // EYES ONLY')!;
    expect(top.fontSize).toBeGreaterThanOrEqual(10);
    expect(top.bold).toBe(true);
    // Read back: the banner's glyphs are at least 10 pt high on the page (pdftotext's word boxes).
    const file = join(dir, 'registry.pdf');
    const html = run('pdftotext', ['-f', '2', '-l', '2', '-bbox', file, '-']).stdout;
    const words = [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">CONFIDENTIAL<\/word>/g)];
    expect(words.length).toBeGreaterThanOrEqual(2);
    for (const w of words) expect(Number(w[2]) - Number(w[1])).toBeGreaterThanOrEqual(10);
  });

  it('writes the document language into the PDF', async () => {
    const file = join(dir, 'ru.pdf');
    writeFileSync(file, await renderPack(data, { ...options, language: 'ru-RU' }));
    const trailer = run('qpdf', ['--show-object=trailer', file]).stdout;
    const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1];
    expect(run('qpdf', [`--show-object=${root}`, file]).stdout).toContain('/Lang (ru-RU)');
  });
});

describe('numbered copies', () => {
  it('one per distribution entry, each file named by its number and recipient', () => {
    const copies = packCopies({ distribution: ['H.E. the Ambassador', 'Registry', 'Посольство в Москве'] });
    expect(copies.map((c) => `${c.number}/${c.total}`)).toEqual(['1/3', '2/3', '3/3']);
    expect(copyFileName('out/pack.pdf', copies[2]!)).toBe('out/pack-copy-3-of-3-Посольство-в-Москве.pdf');
    expect(copyFileName('pack.pdf', { number: 1, total: 2, recipient: '../../etc/passwd' })).toBe('pack-copy-1-of-2-etc-passwd.pdf');
  });

  it('`attache pack --numbered-copies` writes one PDF per recipient with "Copy n of N — recipient" on every page', async () => {
    const header = { app: { name: 'Attaché', version: 'test' }, installation: { id: '00000000-0000-7000-8000-0000000000e1', name: 'Registry' }, createdAt: '2015-04-10T08:00:00.000Z', scope: { kind: 'full' as const } };
    const out = mkdtempSync(join(tmpdir(), 'attache-copies-'));
    await writeFile(join(out, 'desk.attache'), await encodeSyncFile(data, header));
    const { cli, err, out: said } = cliRunner(['pack']);
    const code = await cli('--in', join(out, 'desk.attache'), '--out', join(out, 'pack.pdf'), '--ceiling', 'CONFIDENTIAL', '--numbered-copies', '--file-ref', 'DUS/POL/2015/017', '--creation-date', '2015-04-10T08:30:00Z');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toEqual(['pack-copy-1-of-3-H-E-the-Ambassador.pdf', 'pack-copy-2-of-3-Registry.pdf', 'pack-copy-3-of-3-Посольство-в-Москве.pdf']);
    expect(existsSync(join(out, 'pack.pdf'))).toBe(false);
    expect(said).toHaveLength(3);
    const recipients = ['H.E. the Ambassador', 'Registry', 'Посольство в Москве'];
    files.forEach((f, i) => {
      const copyPages = pagesText(join(out, f));
      for (const [p, text] of copyPages.entries()) expect(oneLine(text), `${f} page ${p + 1}`).toContain(`Copy ${i + 1} of 3 — ${recipients[i]}`);
      expect(run('pdfinfo', ['-enc', 'UTF-8', join(out, f)]).stdout).toContain(`Copy ${i + 1} of 3`);
    });
  });

  it('refuses numbered copies without a distribution list, writing nothing', async () => {
    const bare = packFixture();
    const header = { app: { name: 'Attaché', version: 'test' }, installation: { id: '00000000-0000-7000-8000-0000000000e2', name: 'Desk' }, createdAt: '2015-04-10T08:00:00.000Z', scope: { kind: 'full' as const } };
    const out = mkdtempSync(join(tmpdir(), 'attache-copies-'));
    await writeFile(join(out, 'desk.attache'), await encodeSyncFile(bare, header));
    const { cli, err } = cliRunner(['pack']);
    expect(await cli('--in', join(out, 'desk.attache'), '--out', join(out, 'pack.pdf'), '--numbered-copies')).toBe(2);
    expect(err[0]).toMatch(/needs a distribution list/);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });
});

describe('the emblem', () => {
  it('accepts a PNG or a JPEG by its bytes and reads its size', () => {
    expect(checkEmblem(png(120, 80))).toMatchObject({ ok: true, emblem: { type: 'image/png', width: 120, height: 80 } });
    expect(checkEmblem(jpegHeader(300, 200))).toMatchObject({ ok: true, emblem: { type: 'image/jpeg', width: 300, height: 200 } });
  });

  it('refuses what is not an image, is too large, too small, interlaced or damaged, with a clear reason', () => {
    const refused = (b: Uint8Array) => {
      const r = checkEmblem(b);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.message;
    };
    expect(refused(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('The file is not a PNG or JPEG image');
    expect(refused(new Uint8Array(0))).toBe('The file is empty');
    const big = new Uint8Array(EMBLEM_LIMITS.bytes + 1);
    big.set(png(20, 20));
    expect(refused(big)).toMatch(/at most 512 KB/);
    expect(refused(png(8, 8))).toMatch(/8 × 8 pixels; each side must be from 16 to 4096/);
    expect(refused(png(20, 20, 1))).toMatch(/interlaced/);
    expect(refused(png(20, 20).slice(0, 20))).toMatch(/damaged/);
    expect(refused(jpegHeader(300, 200).slice(0, 12))).toMatch(/damaged/);
  });

  it('is drawn on the cover (pdfimages) when given to `attache pack`; a bad one is refused and nothing is written', async () => {
    const header = { app: { name: 'Attaché', version: 'test' }, installation: { id: '00000000-0000-7000-8000-0000000000e3', name: 'Desk' }, createdAt: '2015-04-10T08:00:00.000Z', scope: { kind: 'full' as const } };
    const out = mkdtempSync(join(tmpdir(), 'attache-emblem-'));
    await writeFile(join(out, 'desk.attache'), await encodeSyncFile(data, header));
    await writeFile(join(out, 'emblem.png'), png(128, 128));
    await writeFile(join(out, 'emblem.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const { cli, err } = cliRunner(['pack']);
    expect(await cli('--in', join(out, 'desk.attache'), '--out', join(out, 'bad.pdf'), '--emblem', join(out, 'emblem.svg'))).toBe(1);
    expect(err).toEqual(['--emblem: The file is not a PNG or JPEG image.']);
    expect(existsSync(join(out, 'bad.pdf'))).toBe(false);
    expect(await cli('--in', join(out, 'desk.attache'), '--out', join(out, 'good.pdf'), '--emblem', join(out, 'emblem.png'), '--ceiling', 'CONFIDENTIAL')).toBe(0);
    const images = run('pdfimages', ['-list', join(out, 'good.pdf')]).stdout.trim().split('\n').slice(2);
    // The emblem on page 1, 128 × 128 (the contents' transparent link areas are 1 × 1).
    expect(images.some((l) => /^\s*1\s+\d+\s+image\s+128\s+128\b/.test(l))).toBe(true);
  });
});
