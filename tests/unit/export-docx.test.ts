/**
 * The Word writers (core/export/docx.ts) read back by mammoth — an independent .docx reader — for text,
 * headings, lists and tables, by the file's own XML parts (classification in the header and footer, page
 * number fields, language, title, numbering definitions), and, where LibreOffice is installed, converted
 * to PDF by LibreOffice headless and read with poppler: the proof that it opens.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_BRIEFING_ID, exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { packDocument } from '../../src-renderer/src/core/document/pack';
import { briefingsDocx, packDocx, writeCableDocx, writeDocx } from '../../src-renderer/src/core/export/docx';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { briefingInput, documentsOf } from './export-fixture';
import { CYRILLIC_NAME, CYRILLIC_TITLE, GREEK_NAME, IDS, OVERDUE_TITLE, packFixture, WATER_TITLE } from './pack-fixture';
import { zipEntries } from './zip-read';

async function html(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return result.value;
}

async function rawText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

const tags = (h: string, tag: string): string[] => [...h.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('.docx of the example briefing', () => {
  const bytes = writeDocx(briefingInput());

  it('has real headings: the title, its sections, a heading per speaker', async () => {
    const h = await html(await bytes);
    expect(tags(h, 'h1')).toEqual(['International Cooperation on Countering Modern Threats and Challenges']);
    expect(tags(h, 'h2')).toEqual(['Summary', 'Attendance', 'Statements', 'Follow-ups and events']);
    expect(tags(h, 'h3')).toEqual(['Rustam Nazarzoda', 'Ashita Mittal', 'Shahnoza Anvar Nodiri']);
  });

  it('keeps the speakers’ words, figures and dates exactly, the summary’s bullets as a real list', async () => {
    const h = await html(await bytes);
    const text = await rawText(await bytes);
    for (const s of ['17 March 2015, 10:00', '12 tons', 'Over 50 refining labs', '300,000 ha', '70 %', '3 %', '27 May 2015', '2015–2020', 'Lt. General, Director of the Drug Control Agency'])
      expect(text).toContain(s);
    expect(h).toMatch(/<ul><li>The Drug Control Agency reported/);
    expect(h).toContain('<strong>12 tons</strong>');
  });

  it('lists the follow-ups in a table with owner, date and status', async () => {
    const h = await html(await bytes);
    const table = h.slice(h.lastIndexOf('<table>'));
    expect(tags(table, 'tr')).toHaveLength(11);
    // The header row is a real one (repeated on every page): mammoth reads it as the table head.
    expect(table).toMatch(/<thead><tr><th><p><strong>Kind<\/strong><\/p><\/th>/);
    expect(table).toContain('Report the briefing to capital (cable)');
    expect(table).toContain('May 2015, Ashgabat');
    expect(table).toContain('27 May 2015, Dushanbe');
  });

  it('carries the classification in the header and footer, page X of Y, the language and the title', async () => {
    const parts = zipEntries(await bytes);
    const header = [...parts].find(([n]) => /^word\/header\d*\.xml$/.test(n))![1];
    const footer = [...parts].find(([n]) => /^word\/footer\d*\.xml$/.test(n))![1];
    expect(header).toContain('UNCLASSIFIED');
    expect(footer).toContain('UNCLASSIFIED');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(parts.get('word/styles.xml')).toMatch(/<w:lang w:val="en-GB"/);
    expect(parts.get('docProps/core.xml')).toContain('<dc:title>International Cooperation on Countering Modern Threats and Challenges</dc:title>');
    expect(parts.get('word/numbering.xml')).toMatch(/w:numFmt w:val="bullet"/);
    // Header and footer are the section's own, so every page carries them.
    expect(parts.get('word/document.xml')).toMatch(/<w:headerReference w:type="default"/);
    expect(parts.get('word/document.xml')).toMatch(/<w:footerReference w:type="default"/);
  });
});

describe('.docx: other scripts, decisions, several briefings, bad text', () => {
  it('keeps Cyrillic and Greek exactly, and prints a classified banner', async () => {
    const bytes = await writeDocx(briefingInput(packFixture(), [IDS.water]));
    const h = await html(bytes);
    expect(tags(h, 'h3')).toEqual([CYRILLIC_NAME, GREEK_NAME]);
    const text = await rawText(bytes);
    expect(text).toContain(CYRILLIC_TITLE);
    expect(text).toContain('Выработка электроэнергии выросла на 12 % в 2014 году.');
    const header = [...zipEntries(bytes)].find(([n]) => /^word\/header\d*\.xml$/.test(n))![1];
    expect(header).toContain('CONFIDENTIAL // EYES ONLY');
  });

  it('sets a paragraph right to left when its first letter is Arabic or Hebrew, as dir="auto" would', async () => {
    const data = packFixture();
    const arabic = 'الأمن المائي في آسيا الوسطى — 12 % (2014)';
    data.statements.find((s) => s.id === '014c2507-a400-7000-8000-0000000000e3')!.text = arabic;
    const bytes = await writeDocx(briefingInput(data, [IDS.water]));
    const paragraphs = zipEntries(bytes).get('word/document.xml')!.split('</w:p>');
    const of = (text: string) => paragraphs.find((p) => p.includes(text))!;
    expect(of('الأمن المائي في آسيا الوسطى')).toContain('<w:bidi/>');
    // A Latin statement quoting Arabic stays left to right.
    expect(of('Arabic: ')).not.toContain('<w:bidi/>');
    expect(of('Выработка электроэнергии')).not.toContain('<w:bidi/>');
    expect(await rawText(bytes)).toContain(arabic);
  });

  it('numbers decisions as a real list (a numbering definition, no typed numbers)', async () => {
    const data = exampleWorkspaceData();
    const s = data.statements.find((x) => x.briefingId === EXAMPLE_BRIEFING_ID)!;
    s.kind = 'decision';
    const bytes = await writeDocx(briefingInput(data));
    const h = await html(bytes);
    expect(tags(h, 'h2')).toContain('Decisions');
    expect(h).toMatch(/<h2>Decisions<\/h2><ol><li>Briefed participants on the drug control situation/);
    expect(zipEntries(bytes).get('word/numbering.xml')).toMatch(/w:numFmt w:val="decimal"/);
  });

  it('puts several briefings one after another, each under its own first-level heading', async () => {
    const docs = documentsOf(packFixture(), [EXAMPLE_BRIEFING_ID, IDS.water]);
    const bytes = await briefingsDocx(docs, 'Two briefings');
    expect(tags(await html(bytes), 'h1')).toEqual(['International Cooperation on Countering Modern Threats and Challenges', WATER_TITLE]);
    expect(zipEntries(bytes).get('docProps/core.xml')).toContain('<dc:title>Two briefings</dc:title>');
    // The most restrictive level of the two heads every page.
    expect([...zipEntries(bytes)].find(([n]) => /^word\/header\d*\.xml$/.test(n))![1]).toContain('CONFIDENTIAL // EYES ONLY');
  });

  it('writes markup, field codes and control characters as plain text', async () => {
    const data = exampleWorkspaceData();
    const b = data.briefings[0]!;
    b.title = '<script>alert(1)</script> { PAGE } & "quotes"';
    data.statements.find((x) => x.briefingId === EXAMPLE_BRIEFING_ID)!.text = 'Bell\u0007 NUL\u0000 { HYPERLINK "http://x" } =1+2\nsecond line';
    const bytes = await writeDocx(briefingInput(data));
    const h = await html(bytes);
    expect(tags(h, 'h1')).toEqual(['&lt;script&gt;alert(1)&lt;/script&gt; { PAGE } &amp; "quotes"']);
    expect(h).toContain('Bell NUL { HYPERLINK "http://x" } =1+2<br />second line');
    const document = zipEntries(bytes).get('word/document.xml')!;
    // No field in the body: PAGE and NUMPAGES live in the footer only.
    expect(document).not.toMatch(/w:fldSimple|w:instrText|w:fldChar/);
  });
});

describe('.docx of the reporting cable', () => {
  it('numbers the paragraphs as one list through the cable, with portion marks and the cable’s fields', async () => {
    const bytes = await writeCableDocx(briefingInput(), { portionMarks: true, references: ['DUSHANBE 123'] });
    const h = await html(bytes);
    const text = await rawText(bytes);
    expect(text).toContain('UNCLASSIFIED');
    expect(text).toContain('ROUTINE');
    expect(text).toContain('A. DUSHANBE 123');
    expect(tags(h, 'h3')).toEqual(expect.arrayContaining(['SUMMARY', 'Rustam Nazarzoda', 'ACTION REQUESTED']));
    // One numbering instance for every numbered paragraph: Word counts them 1, 2, … through the cable.
    const document = zipEntries(bytes).get('word/document.xml')!;
    const numIds = new Set([...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect(numIds.size).toBeLessThanOrEqual(2);
    expect(h).toMatch(/<li><strong>\(U\) FIGURE: <\/strong>Over 12 tons of drugs were seized/);
  });
});

/** The pack of the example and the water briefing (the SECRET one is above the ceiling), issued on 10 April 2015. */
function pack(overrides: Parameters<typeof packOptions>[0] = {}) {
  const options = packOptions({
    title: 'Counter-narcotics and water, spring 2015',
    recipient: 'For H.E. the Ambassador',
    ceiling: 'confidential',
    issueDate: '2015-04-10',
    fileReference: 'DUS/POL/2015/017',
    distribution: ['Ambassador', 'Political Section'],
    ...overrides,
  });
  return packDocument(packFixture(), options, new Date(Date.UTC(2015, 3, 10)));
}

describe('.docx of a whole pack (PackDocument)', () => {
  it('has the cover’s registry fields, each briefing under its heading, and the annexes', async () => {
    const doc = pack();
    const bytes = await packDocx(doc);
    const h = await html(bytes);
    const text = await rawText(bytes);
    for (const s of ['BRIEFING PACK', 'Counter-narcotics and water, spring 2015', 'For H.E. the Ambassador', 'DUS/POL/2015/017', '10 April 2015', '1. Ambassador', '2. Political Section']) expect(text).toContain(s);
    // Two briefings and their annexes: more than three entries, so the pack has its contents page.
    expect(doc.contents).toHaveLength(2 + doc.annexes.length);
    expect(tags(h, 'h1')).toEqual([
      'Contents',
      'International Cooperation on Countering Modern Threats and Challenges',
      WATER_TITLE,
      ...doc.annexes.map((a) => a.title),
    ]);
    expect(text).not.toContain('Restricted session on border operations');
    expect(tags(h, 'h3')).toEqual(expect.arrayContaining(['Rustam Nazarzoda', CYRILLIC_NAME]));
    expect(zipEntries(bytes).get('docProps/core.xml')).toContain('<dc:title>Counter-narcotics and water, spring 2015</dc:title>');
    expect(zipEntries(bytes).get('word/styles.xml')).toMatch(/<w:lang w:val="en-GB"/);
  });

  it('prints follow-ups once: by number in the briefing, in full in the tracker annex, overdue as of the issue date', async () => {
    const doc = pack();
    const text = await rawText(await packDocx(doc));
    expect(text).toMatch(/10 follow-ups and events of this briefing are listed in Annex A, Action tracker: nos\. /);
    expect(text.split('Report the briefing to capital (cable)')).toHaveLength(2);
    expect(text).toContain(OVERDUE_TITLE);
    expect(text).toContain('OVERDUE');
    // Without the tracker annex, each briefing lists its own.
    const lean = await rawText(await packDocx(pack({ includeTracker: false })));
    expect(lean).not.toContain('Action tracker');
    expect(lean.split('Report the briefing to capital (cable)')).toHaveLength(2);
  });

  it('numbers paragraphs as a real list per briefing when asked, and marks a numbered copy on every page', async () => {
    const doc = pack({ numberedParagraphs: true });
    const bytes = await packDocx(doc, { number: 2, total: 2, recipient: 'Political Section' });
    const h = await html(bytes);
    expect(h).toMatch(/<h2>Summary<\/h2><ol><li>The Ministry of Foreign Affairs of the Republic of Tajikistan/);
    // The list under "Key points for the mission:" is that paragraph's: bullets, not a numbered item of its own.
    expect(h).toMatch(/<li>Key points for the mission:<\/li><\/ol><ul><li>The Drug Control Agency/);
    const header = [...zipEntries(bytes)].find(([n]) => /^word\/header\d*\.xml$/.test(n))![1];
    expect(header).toContain('CONFIDENTIAL // EYES ONLY');
    expect(header).toContain('Copy 2 of 2');
    expect(header).toContain('Political Section');
  });

  it('draws the pack’s watermark as Word’s own (a WordArt text path in the header), its text escaped', async () => {
    const bytes = await packDocx(pack({ watermark: 'DRAFT <"&">' }));
    const header = [...zipEntries(bytes)].find(([n]) => /^word\/header\d*\.xml$/.test(n))![1];
    expect(header).toMatch(/<v:textpath [^>]*string="DRAFT &lt;&quot;&amp;&quot;&gt;"/);
    expect(await rawText(bytes)).toContain('Counter-narcotics and water, spring 2015');
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!soffice || !pdftotext)('.docx opened by LibreOffice (headless, converted to PDF)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-docx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function convert(name: string, bytes: Uint8Array): string[] {
    const file = join(dir, `${name}.docx`);
    writeFileSync(file, bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const pdf = readFileSync(join(dir, `${name}.pdf`));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    return execFileSync('pdftotext', ['-layout', join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  }

  it('the briefing: every page headed and footed by its classification, numbered X of Y, Cyrillic intact', async () => {
    const pages = convert('water', await writeDocx(briefingInput(packFixture(), [EXAMPLE_BRIEFING_ID, IDS.water])));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      const lines = p.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[0]).toBe('CONFIDENTIAL // EYES ONLY');
      expect(lines.at(-2)).toBe('CONFIDENTIAL // EYES ONLY');
      expect(lines.at(-1)).toBe(`Page ${String(i + 1)} of ${String(pages.length)}`);
    });
    const all = pages.join('\n');
    expect(all).toContain(CYRILLIC_NAME);
    expect(all).toContain('Over 12 tons of drugs were seized');
  }, 180_000);

  it('the pack: opens, every page under its banner, the tracker annex numbered', async () => {
    const pages = convert('pack', await packDocx(pack({ numberedParagraphs: true })));
    expect(pages.length).toBeGreaterThan(4);
    pages.forEach((p, i) => {
      const lines = p.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[0]).toBe('CONFIDENTIAL // EYES ONLY');
      expect(lines.at(-1)).toBe(`Page ${String(i + 1)} of ${String(pages.length)}`);
    });
    expect(pages.join('\n')).toMatch(/^\s*1\.\s+The Ministry of Foreign Affairs/m);
  }, 180_000);

  it('the cable: paragraphs numbered by Word’s list, 1 to the last', async () => {
    const pages = convert('cable', await writeCableDocx(briefingInput(), {}));
    const all = pages.join('\n');
    expect(all).toMatch(/^\s*1\.\s+The Ministry of Foreign Affairs/m);
    expect(all).toMatch(/^\s*7\.\s/m);
  }, 180_000);
});
