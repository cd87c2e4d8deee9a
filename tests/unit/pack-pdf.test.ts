/**
 * The generated pack opened with real PDF tools (poppler, qpdf): what a reader, a search and a
 * registry's document checker would see.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceData } from '../../src-renderer/src/core/model';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { PackError, renderPack, renderPackDetailed, type RenderedPack } from '../../src-renderer/src/core/pack/render-node';
import {
  CYRILLIC_NAME,
  CYRILLIC_TITLE,
  GREEK_NAME,
  GREEK_TITLE,
  OVERDUE_TITLE,
  SECRET_TITLE,
  WATER_TITLE,
  packFixture,
  pagesText,
  run,
} from './pack-fixture';

const dir = mkdtempSync(join(tmpdir(), 'attache-pack-'));
const CREATED = '2015-04-10T08:30:00Z';
const BANNER = 'CONFIDENTIAL // EYES ONLY';

const options = packOptions({
  title: 'Central Asia: security and water',
  recipient: 'For H.E. the Ambassador',
  preparedBy: 'Political Section',
  ceiling: 'confidential',
  watermark: 'DRAFT',
  creationDate: CREATED,
});

let data: WorkspaceData;
let pack: RenderedPack;
let pdf: string;
let pages: string[];
/** Text as pdftotext gives it back: one line, and no space where a line broke after a dash. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const unbroken = (s: string) => s.replace(/([-–]) /g, '$1');

beforeAll(async () => {
  data = packFixture();
  pack = await renderPackDetailed(data, options);
  pdf = join(dir, 'pack.pdf');
  writeFileSync(pdf, pack.bytes);
  pages = pagesText(pdf);
});

describe('pack PDF, read back with poppler and qpdf', () => {
  it('is a structurally valid PDF (qpdf --check)', () => {
    const r = run('qpdf', ['--check', pdf]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('has the page count the footer announces, and document metadata', () => {
    const info = run('pdfinfo', ['-enc', 'UTF-8', pdf]).stdout;
    const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(count).toBe(pages.length);
    expect(count).toBe(pack.pageCount);
    expect(info).toMatch(/Title:\s+Central Asia: security and water/);
    expect(info).toMatch(/Author:\s+Political Section/);
    expect(info).toMatch(/Subject:\s+Briefing pack: 2 briefings, 17 March 2015 – 2 April 2015/);
    expect(info).toMatch(/Keywords:\s+briefing pack, CONFIDENTIAL, .*water/);
    expect(info).toMatch(/CreationDate:\s+Fri Apr 10 08:30:00 2015 UTC/);
    expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
  });

  it('sets the document language', () => {
    const catalog = run('qpdf', ['--show-object=trailer', pdf]).stdout;
    const root = /\/Root (\d+) 0 R/.exec(catalog)?.[1];
    expect(run('qpdf', [`--show-object=${root}`, pdf]).stdout).toContain('/Lang (en-GB)');
  });

  it('prints the banner (highest level + caveat) at the top and bottom of every page', () => {
    for (const [i, text] of pages.entries()) {
      const hits = text.split(BANNER).length - 1;
      expect(hits, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('numbers every page but the cover "Page X of Y"', () => {
    const n = pages.length;
    expect(pages[0]).not.toMatch(/Page \d+ of \d+/);
    for (let i = 1; i < n; i++) expect(pages[i], `page ${i + 1}`).toContain(`Page ${i + 1} of ${n}`);
  });

  it('has a cover with title, recipient, period, prepared by, date of issue and classification', () => {
    const cover = pages[0]!;
    for (const s of ['Central Asia: security and water', 'For H.E. the Ambassador', '17 March 2015 – 2 April 2015', 'Political Section', '10 April 2015', BANNER])
      expect(cover).toContain(s);
  });

  it('lists every briefing and annex in the table of contents with its page number', () => {
    const toc = pages[1]!;
    expect(toc).toContain('Contents');
    const entries = [
      { label: 'International Cooperation on Countering Modern Threats and Challenges', heading: 'International Cooperation on Countering Modern Threats and Challenges' },
      { label: WATER_TITLE, heading: WATER_TITLE },
      { label: 'Annex A Action tracker', heading: 'ANNEX A Action tracker' },
      { label: 'Annex B People and organisations', heading: 'ANNEX B People and organisations' },
    ];
    for (const e of entries) {
      const m = new RegExp(`${e.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(toc);
      expect(m, e.label).not.toBeNull();
      const page = Number(m![1]);
      expect(pages[page - 1], `${e.label} on page ${page}`).toContain(e.heading);
    }
  });

  it('has a bookmark for every briefing and annex, and TOC entries that link to them', () => {
    const json = JSON.parse(run('qpdf', ['--json', pdf]).stdout) as {
      outlines: { title: string; destpageposfrom1: number }[];
      pages: { object: string }[];
      qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
    };
    expect(json.outlines.map((o) => o.title)).toEqual([
      '17 March 2015: International Cooperation on Countering Modern Threats and Challenges',
      `2 April 2015: ${WATER_TITLE}`,
      'Annex A: Action tracker',
      'Annex B: People and organisations',
    ]);
    for (const o of json.outlines) expect(pages[o.destpageposfrom1 - 1]).toContain(o.title.replace(/^.*?: /, '').replace(/^Annex [AB]: /, ''));
    // Link annotations on the contents page that go to a named destination.
    const objects = json.qpdf[1];
    const tocPage = objects[`obj:${json.pages[1]!.object}`]!.value!;
    const annots = (tocPage['/Annots'] as string[]).map((ref) => objects[`obj:${ref}`]!.value!);
    const deref = (v: unknown) => (typeof v === 'string' && / 0 R$/.test(v) ? objects[`obj:${v}`]!.value! : (v as Record<string, unknown>));
    const targets = annots
      .filter((a) => a['/Subtype'] === '/Link')
      .map((a) => deref(a['/A']))
      .filter((action) => action['/S'] === '/GoTo')
      .map((action) => String(action['/D']));
    // pdfkit makes one link per word; together they must reach all four sections.
    expect(new Set(targets)).toEqual(new Set(['u:briefing-1', 'u:briefing-2', 'u:annex-tracker', 'u:annex-people']));
  });

  it('shows every speaker of the example with title and organisation, grouped under their name', () => {
    const all = pages.join(' ');
    for (const p of data.people) {
      const org = data.organisations.find((o) => o.id === p.organisationId);
      expect(all, p.name).toContain(p.name);
      if (org) expect(all, p.name).toContain(oneLine(`${p.title}, ${org.name} (${org.acronym})`));
      else expect(all, p.name).toContain(p.title);
    }
  });

  it('marks figures, proposals, requests and announcements', () => {
    const all = pages.join(' ');
    for (const label of ['FIGURE', 'PROPOSAL', 'REQUEST', 'ANNOUNCEMENT']) expect(all).toContain(`${label} `);
  });

  it('prints every follow-up and announced event once, in the tracker, and the briefing names their numbers there', () => {
    const trackerStart = pages.findIndex((p) => p.includes('ANNEX A Action tracker'));
    const all = unbroken(pages.join(' '));
    const tracker = unbroken(pages.slice(trackerStart).join(' '));
    const inPack = data.actions.filter((a) => a.briefingId !== '014c2507-a400-7000-8000-0000000000a2');
    expect(inPack.length).toBeGreaterThanOrEqual(8);
    for (const a of inPack) {
      const title = unbroken(oneLine(a.title));
      expect(all, a.title).toContain(title);
      expect(tracker.split(title).length - 1, a.title).toBe(1);
    }
    const briefings = oneLine(pages.slice(0, trackerStart).join(' '));
    // No follow-up table in a briefing (a title may still appear in a statement announcing it).
    expect(briefings).not.toContain('FOLLOW-UP / EVENT');
    expect(briefings).toMatch(/FOLLOW-UPS AND ANNOUNCED EVENTS \d+ follow-ups and events of this briefing are listed in Annex A, Action tracker: nos\. [\d, –]+/);
  });

  it('flags overdue follow-ups relative to the date of issue', () => {
    const tracker = pages.slice(pages.findIndex((p) => p.includes('ANNEX A Action tracker'))).join(' ');
    // Issued 10 April 2015: due 6 and 8 April and still open; the 10 April one is due today, not overdue.
    expect(tracker).toContain('2 follow-ups are overdue');
    // Each row reads due date, status and flag, then the action.
    expect(tracker).toMatch(new RegExp(`6 Apr 2015 Open OVERDUE ${OVERDUE_TITLE} .{0,200}? 8 Apr 2015 Open OVERDUE Raise the Ministry of Justice`));
    expect(tracker).toMatch(/8 Apr 2015 Open OVERDUE Raise the Ministry of Justice .{0,250}? 10 Apr 2015 In progress Seek instructions .{0,300}? 15 Apr 2015 Open Consult/);
  });

  it('round-trips Cyrillic and Greek text (copyable and searchable)', () => {
    const all = pages.join(' ');
    for (const s of [CYRILLIC_NAME, CYRILLIC_TITLE, GREEK_NAME, GREEK_TITLE, 'Назарзода', 'Министерство энергетики и водных ресурсов (МЭВР)'])
      expect(all).toContain(s);
  });

  it('embeds every font', () => {
    const lines = run('pdffonts', [pdf]).stdout.trim().split('\n').slice(2);
    // Noto Serif regular and bold: the pack's two faces.
    expect(lines.map((l) => /Noto\w+-\w+/.exec(l)?.[0]).sort()).toEqual(['NotoSerif-Bold', 'NotoSerif-Regular']);
    for (const line of lines) {
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('leaves out briefings above the ceiling and says so', () => {
    expect(pages.join(' ')).not.toContain(SECRET_TITLE);
    expect(pack.content.excluded.map((e) => e.title)).toEqual([SECRET_TITLE]);
    expect(pack.content.counts).toMatchObject({ briefings: 2, excluded: 1 });
  });

  it('carries the watermark on every page', () => {
    for (const text of pages) expect(text.replace(/\s/g, '')).toContain('DRAFT');
  });
});

describe('pack output options', () => {
  it('gives byte-identical output for the same input and creation date', async () => {
    const again = await renderPack(packFixture(), options);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(pack.bytes))).toBe(0);
  });

  it('sets Letter paper, and no watermark when none is asked for', async () => {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, await renderPack(data, { ...options, paper: 'Letter', watermark: '' }));
    expect(run('pdfinfo', [file]).stdout).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const text = pagesText(file).join(' ');
    expect(text).toContain('Central Asia: security and water');
    expect(text.replace(/\s/g, '')).not.toContain('DRAFT');
  });

  it('includes everything up to SECRET without a ceiling, under a SECRET banner', async () => {
    const file = join(dir, 'all.pdf');
    writeFileSync(file, await renderPack(data, { ...options, ceiling: '' }));
    const text = pagesText(file);
    expect(text.join(' ')).toContain(SECRET_TITLE);
    for (const p of text) expect(p).toContain('SECRET // EYES ONLY');
  });

  it('leaves out statements, tracker and people annex on request', async () => {
    const file = join(dir, 'lean.pdf');
    writeFileSync(file, await renderPack(data, { ...options, includeStatements: false, includeTracker: false, includePeople: false }));
    const all = pagesText(file).join(' ');
    // Who spoke stays in the attendance list (they were present); what they said does not.
    expect(all).not.toContain('STATEMENTS');
    expect(all).not.toContain('Action tracker');
    expect(all).not.toContain('People and organisations');
    expect(all).toContain(OVERDUE_TITLE); // the briefing's own follow-ups stay
  });

  it('survives titles and text in scripts the fonts do not cover (Arabic, Chinese)', async () => {
    const file = join(dir, 'scripts.pdf');
    const bytes = await renderPack(data, { ...options, title: 'حزمة الإحاطة 简报资料包', recipient: 'سفارة 大使馆', watermark: '草稿' });
    writeFileSync(file, bytes);
    expect(run('qpdf', ['--check', file]).status).toBe(0);
    expect(pagesText(file).length).toBeGreaterThan(5);
  });

  it('refuses an empty selection with a one-line reason', async () => {
    await expect(renderPack(data, { ...options, selection: { ...options.selection, tags: ['no-such-tag'] } })).rejects.toThrow(PackError);
    await expect(renderPack(data, { ...options, ceiling: 'unclassified', selection: { ...options.selection, tags: ['water'] } })).rejects.toThrow(
      /above the classification ceiling/,
    );
  });

  it('stops when aborted and reports progress up to 100 %', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(renderPack(data, options, { signal: controller.signal })).rejects.toThrow(/abort/i);
    const seen: number[] = [];
    const late = new AbortController();
    await expect(
      renderPack(data, options, {
        signal: late.signal,
        onProgress: (p) => {
          seen.push(p.fraction);
          if (p.phase === 'render' && p.fraction > 0.7) late.abort();
        },
      }),
    ).rejects.toThrow(/abort/i);
    expect(Math.max(...seen)).toBeLessThan(1);
    const full: number[] = [];
    await renderPack(data, options, { onProgress: (p) => full.push(p.fraction) });
    expect(full.at(-1)).toBe(1);
    expect(full).toEqual([...full].sort((a, b) => a - b));
  });
});

