/**
 * The reporting cable (issue 14 point 1) built from the example briefing: its plain text as a cable system
 * receives it (header, speakers, figures and dates exactly, Cyrillic, portion marks, wrapping), and its PDF
 * read back with poppler's pdftotext, never with our own code.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { levelShort } from '../../src-renderer/src/core/classification';
import { briefingDocumentFromData, type BriefingDocument } from '../../src-renderer/src/core/document/briefing';
import { cableDocument, type CableOptions } from '../../src-renderer/src/core/document/cable';
import { EXAMPLE_BRIEFING_ID, exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { breakBeforeHeading } from '../../src-renderer/src/core/export/cable-pdf';
import { cableText, wrapWords } from '../../src-renderer/src/core/export/cable-text';
import { EXPORT_TEXT_LIMIT, ExportError, exportFile, formatById, formatsFor, type ExportInput } from '../../src-renderer/src/core/export/formats';
import { nodePdfEngine } from '../../src-renderer/src/core/export/pdf-node';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { letterheadOf } from '../../src-renderer/src/core/letterhead';
import type { WorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord, editRecord } from '../../src-renderer/src/core/records';
import { settingsOfData } from '../../src-renderer/src/core/settings';
import { exportedText, expectPassages } from './export-readback';
import { pagesText, run } from './pack-fixture';

const CLOCK = formatHlc(Date.UTC(2015, 2, 18), 0, 'test');
const NODIRI = '014c2507-a400-7000-8000-000000000008';
const CYRILLIC = 'Министерство юстиции: в 2014 году осуждены 1 200 несовершеннолетних; «нужна помощь доноров».';
const LETTERHEAD = letterheadOf({
  missionName: 'Embassy of Ruritania, Dushanbe',
  cableTo: ['Ministry of Foreign Affairs, Central Asia Department'],
  cableInfo: ['Ruritanian Mission to the UN, Vienna', 'Embassy of Ruritania, Tashkent'],
});

/** The example, with a comment (markup included), a Russian statement and a control character in a statement. */
function fixture(patch: Record<string, unknown> = {}): WorkspaceData {
  const data = exampleWorkspaceData();
  const b = data.briefings[0]!;
  Object.assign(
    b,
    editRecord(
      'briefings',
      b,
      {
        comment: 'The DCA figures are **credible** and match _our_ own estimates.\n\nWe recommend attending the May conference at ambassador level.',
        ...patch,
      },
      CLOCK,
    )!,
  );
  const last = data.statements.map((s) => s.order).sort().at(-1)!;
  data.statements.push(
    createRecord(
      'statements',
      '014c2507-a400-7000-8000-0000000000f1',
      { briefingId: b.id, speakerId: NODIRI, kind: 'figure', text: CYRILLIC, tags: [], order: generateKeyBetween(last, null) },
      CLOCK,
    ),
  );
  return data;
}

function docOf(data: WorkspaceData): BriefingDocument {
  return briefingDocumentFromData(data, EXAMPLE_BRIEFING_ID)!;
}

function cable(data: WorkspaceData, over: Partial<CableOptions> = {}, width = 69): string {
  return cableText(
    cableDocument([docOf(data)], { letterhead: LETTERHEAD, levels: settingsOfData(data).classificationLevels, asOf: '2015-03-18', ...over }),
    width,
  );
}

/** The text as one line: what was wrapped reads unwrapped. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('the cable as plain text', () => {
  const data = fixture();
  const text = cable(data, { references: ['DUSHANBE 0117 of 2 March 2015'] });
  const lines = text.split('\n');

  it('has the classification line first and last, then the header fields in their column', () => {
    expect(lines[0]).toBe('UNCLASSIFIED');
    expect(lines.at(-2)).toBe('UNCLASSIFIED');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(2, 12)).toEqual([
      'PRECEDENCE: ROUTINE',
      'DATE:       18 March 2015',
      'FROM:       Embassy of Ruritania, Dushanbe',
      'TO:         Ministry of Foreign Affairs, Central Asia Department',
      'INFO:       Ruritanian Mission to the UN, Vienna',
      '            Embassy of Ruritania, Tashkent',
      'SUBJECT:    International Cooperation on Countering Modern Threats',
      '            and Challenges (17 March 2015)',
      'REF:        A. DUSHANBE 0117 of 2 March 2015',
      'TAGS:       counter-narcotics, Central Asia, Afghanistan, criminal',
    ]);
  });

  it('reports every speaker in order of first statement, with title and organisation', () => {
    const at = (s: string) => lines.indexOf(s);
    expect(at('Rustam Nazarzoda')).toBeGreaterThan(0);
    expect(at('Ashita Mittal')).toBeGreaterThan(at('Rustam Nazarzoda'));
    expect(at('Shahnoza Anvar Nodiri')).toBeGreaterThan(at('Ashita Mittal'));
    expect(lines[at('Rustam Nazarzoda') + 1]).toBe('Lt. General, Director of the Drug Control Agency, Drug Control Agency');
    expect(flat(text)).toContain('Deputy Minister of Justice, Ministry of Justice of the Republic of Tajikistan (MoJ)');
  });

  it('gives figures, proposals, requests and announcements by kind, their words exactly', () => {
    expectPassages(flat(text), [
      'FIGURE: Over 12 tons of drugs were seized with the support of the DCA liaison officers in this period.',
      'FIGURE: Over 50 refining labs were destroyed jointly with Afghan counterparts.',
      'FIGURE: In 2014, of the over 300,000 ha of global opium cultivation, 70 % was estimated to have been cultivated in Afghanistan.',
      'FIGURE: In Afghanistan in 2014 only about 3 % of the opium and opiates produced were seized.',
      'PROPOSAL: Proposed research on the purity of heroin seized along the Northern Route',
      'REQUEST: Asked for assistance to the juvenile justice system by developing a strategic plan for 2015–2020',
      'ANNOUNCEMENT: The Government of Tajikistan will organise a "High Level International Conference on Counter Narcotic Cooperation" on 27 May 2015 in Dushanbe',
      `FIGURE: ${CYRILLIC}`,
    ]);
  });

  it('dates the meeting, the follow-ups and the events as recorded (a month stays a month)', () => {
    expectPassages(flat(text), [
      'Held: 17 March 2015, 10:00, Ministry of Foreign Affairs, Dushanbe.',
      'Seek instructions on participation in the Dushanbe conference. Owner: Deputy Head of Mission. Due: 10 April 2015. Status: In progress.',
      'EVENT: Ninth MoU meeting (Central Asia, Russia, Azerbaijan, AKDN). Owner: Political Officer. Date: May 2015. Place: Ashgabat.',
      'EVENT: High Level International Conference on Counter Narcotic Cooperation. Owner: Head of Mission. Date: 27 May 2015. Place: Dushanbe.',
    ]);
  });

  it('asks for action only on open follow-ups, by date', () => {
    const actions = flat(text.slice(text.indexOf('ACTION REQUESTED')));
    expect(actions).not.toContain('Report the briefing to capital');
    expect(actions).not.toContain('Obtain the UNODC Programme');
    const order = ['Raise the Ministry of Justice', 'Seek instructions', 'Consult capital', 'Ninth MoU meeting', 'High Level International Conference'].map((s) => actions.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('keeps the comment the officer’s own: after the substance, under its heading, markup reduced to words', () => {
    const comment = text.indexOf('\nCOMMENT\n');
    expect(comment).toBeGreaterThan(text.indexOf(CYRILLIC.slice(0, 20)));
    expect(comment).toBeLessThan(text.indexOf('\nACTION REQUESTED\n'));
    expect(flat(text)).toContain('The DCA figures are credible and match our own estimates.');
    expect(text).not.toContain('**');
    const doc = cableDocument([docOf(data)], { letterhead: LETTERHEAD, levels: settingsOfData(data).classificationLevels, asOf: '2015-03-18' });
    const part = doc.briefings[0]!.parts.find((p) => p.heading === 'COMMENT')!;
    expect(part.kind).toBe('section');
    expect(doc.briefings[0]!.parts.filter((p) => p.kind === 'speaker').flatMap((p) => p.paragraphs.map((x) => x.text))).not.toContain(part.paragraphs[0]!.text);
  });

  it('numbers paragraphs through the cable with the numbers hanging', () => {
    const numbered = lines.filter((l) => /^\d+\. /.test(l));
    expect(numbered.map((l) => Number(l.split('.')[0]))).toEqual(numbered.map((_, i) => i + 1));
    // Under a number, continuation lines start in the text's column.
    const i = lines.findIndex((l) => l.startsWith('6.  '));
    expect(lines[i + 1]).toMatch(/^ {4}\S/);
  });
});

describe('portion marks', () => {
  it('start every numbered paragraph with the level’s short form when on, and are absent when off', () => {
    const data = fixture({ classification: 'restricted' });
    const on = cable(data, { portionMarks: true }).split('\n');
    const numbered = on.filter((l) => /^\d+\. /.test(l));
    expect(numbered.length).toBeGreaterThan(25);
    for (const l of numbered) expect(l).toMatch(/^\d+\. +\(R\) /);
    expect(on[0]).toBe('RESTRICTED');
    expect(cable(data, { portionMarks: false })).not.toContain('(R)');
  });

  it('use the short form set in Settings, else the initials of the level', () => {
    const levels = [
      { id: 'u', label: 'UNCLASSIFIED' },
      { id: 'ts', label: 'TOP SECRET' },
      { id: 'm', label: 'MISSION ONLY', short: 'MO/NF' },
    ];
    expect(levelShort(levels, 'u')).toBe('U');
    expect(levelShort(levels, 'ts')).toBe('TS');
    expect(levelShort(levels, 'm')).toBe('MO/NF');
  });

  it('follow the letterhead’s default when the export does not choose', () => {
    const data = fixture();
    const doc = cableDocument([docOf(data)], { letterhead: { ...LETTERHEAD, portionMarks: true }, levels: settingsOfData(data).classificationLevels, asOf: '2015-03-18' });
    expect(doc.briefings[0]!.parts[0]!.paragraphs[0]!.mark).toBe('(U)');
  });
});

describe('wrapping', () => {
  it('keeps every line within the width and never splits a word that fits on a line', () => {
    const data = fixture();
    for (const width of [40, 69, 132]) {
      const text = cable(data, {}, width);
      const lines = text.split('\n');
      for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(width);
      const words = new Set(flat(text).split(' '));
      for (const w of ['counter-narcotics', 'несовершеннолетних;', 'radicalisation.', '300,000']) expect(words).toContain(w);
    }
  });

  it('splits only a word longer than the line, and hangs the rest', () => {
    const long = 'x'.repeat(100);
    const lines = wrapWords(`see ${long} end`, 40, '1.  ', '    ');
    expect(lines).toEqual(['1.  see', `    ${'x'.repeat(36)}`, `    ${'x'.repeat(36)}`, `    ${'x'.repeat(28)} end`]);
    expect(wrapWords('one two three', 9)).toEqual(['one two', 'three']);
  });
});

describe('several briefings', () => {
  it('make one cable with a section per briefing, one numbering, the highest level on the classification line', () => {
    const data = fixture();
    const first = docOf(data);
    const second: BriefingDocument = {
      ...first,
      id: 'second',
      header: { ...first.header, title: 'Donor coordination on prison reform', startsAt: '2015-04-02T15:00', classification: { ...first.header.classification, id: 'confidential', label: 'CONFIDENTIAL', banner: 'CONFIDENTIAL', rank: 2 } },
    };
    const doc = cableDocument([first, second], { letterhead: LETTERHEAD, levels: settingsOfData(data).classificationLevels, asOf: '2015-04-03', portionMarks: true });
    const text = cableText(doc, 69);
    expect(text.split('\n')[0]).toBe('CONFIDENTIAL');
    expect(text).toContain('International Cooperation on Countering Modern Threats and Challenges\n(17 March 2015)');
    expect(text).toContain('Donor coordination on prison reform (2 April 2015)');
    expect(doc.briefings).toHaveLength(2);
    const numbers = text.split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => Number(l.split('.')[0]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    // Each paragraph is marked with its own briefing's level.
    expect(text).toContain('(U) The Ministry of Foreign Affairs');
    expect(text).toContain('(C) The Ministry of Foreign Affairs');
  });
});

function input(data: WorkspaceData, over: Partial<ExportInput> = {}): ExportInput {
  return {
    scope: 'briefing',
    briefings: [docOf(data)],
    items: [],
    title: 'International Cooperation on Countering Modern Threats and Challenges',
    letterhead: LETTERHEAD,
    levels: settingsOfData(data).classificationLevels,
    asOf: '2015-03-18',
    pdf: nodePdfEngine,
    ...over,
  };
}

describe('the registry’s cable entries and bad input', () => {
  it('offers the cable for a briefing, not for the tracker', () => {
    expect(formatsFor('briefing').map((f) => f.id)).toEqual(expect.arrayContaining(['cable', 'cable-pdf']));
    expect(formatsFor('tracker').map((f) => f.id)).not.toContain('cable');
  });

  it('writes UTF-8 text and names the file after the briefing and the date', async () => {
    const file = await exportFile(formatById('cable')!, input(fixture()), { precedence: 'IMMEDIATE' });
    expect(file.fileName).toBe('International-Cooperation-on-Countering-Modern-Threats-and-Challenges-cable-2015-03-18.txt');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
    expect(text).toContain('PRECEDENCE: IMMEDIATE');
    expect(text).toContain(CYRILLIC.slice(0, 30));
    expect(file.bytes[0]).not.toBe(0xef);
  });

  it('carries no control character and no markup a reader would run', async () => {
    const data = fixture();
    const s = data.statements.find((x) => x.kind === 'proposal')!;
    Object.assign(s, editRecord('statements', s, { text: 'Bell\u0007 and <script>alert(1)</script>\u001b[31m red\u200b' }, CLOCK)!);
    const text = await exportedText('cable', input(data));
    // eslint-disable-next-line no-control-regex -- looking for exactly these
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(flat(text)).toContain('PROPOSAL: Bell and <script>alert(1)</script>[31m red');
  });

  it('refuses an empty selection, a width out of range and a 1 MB statement, writing nothing', async () => {
    const data = fixture();
    await expect(exportFile(formatById('cable')!, input(data, { briefings: [] }))).rejects.toThrow(new ExportError('No briefing is selected: there is nothing to export'));
    await expect(exportFile(formatById('cable')!, input(data), { width: 20 })).rejects.toThrow(/line width is a whole number from 40 to 132/);
    await expect(exportFile(formatById('cable')!, input(data, { scope: 'tracker' }))).rejects.toThrow(/made from briefings, not from the tracker/);
    const s = data.statements[0]!;
    s.text = 'x'.repeat(EXPORT_TEXT_LIMIT + 1);
    await expect(exportFile(formatById('cable-pdf')!, input(data))).rejects.toThrow(/a statement is longer than 1,000,000 characters/);
  });
});

describe('the cable as PDF, read back with poppler', () => {
  it('holds the header, the speakers, the figures, the dates and the Cyrillic, with the classification on every page', async () => {
    const data = fixture({ classification: 'confidential', caveat: 'EYES ONLY' });
    const file = await exportFile(formatById('cable-pdf')!, input(data), { portionMarks: true, precedence: 'PRIORITY' });
    expect(file.fileName.endsWith('-cable-2015-03-18.pdf')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'attache-cable-'));
    const pdf = join(dir, 'cable.pdf');
    writeFileSync(pdf, file.bytes);
    const check = run('qpdf', ['--check', pdf]);
    expect(check.status).toBe(0);
    const pages = pagesText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      // Once at the head of the page and once at its foot (pdftotext -raw gives them in drawing order).
      expect(p.split('CONFIDENTIAL // EYES ONLY').length - 1).toBe(2);
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const all = pages.join(' ').replace(/([-–]) /g, '$1');
    for (const s of [
      'PRECEDENCE PRIORITY',
      'DATE 18 March 2015',
      'FROM Embassy of Ruritania, Dushanbe',
      'Rustam Nazarzoda',
      'Ashita Mittal',
      'Shahnoza Anvar Nodiri',
      '(C) FIGURE: Over 12 tons of drugs were seized',
      '300,000 ha',
      '70 %',
      'about 3 %',
      'Held: 17 March 2015, 10:00',
      'Due: 10 April 2015',
      'Date: May 2015',
      CYRILLIC,
      'COMMENT',
      'ACTION REQUESTED',
    ])
      expect(all).toContain(s);
    // No page ends on a speaker's name or title: a heading goes over with its first paragraph.
    for (const p of pages) {
      const body = p.replace(/( ?CONFIDENTIAL \/\/ EYES ONLY)+ Page \d+ of \d+$/, '').trim();
      for (const end of ['Rustam Nazarzoda', 'Ashita Mittal', 'Shahnoza Anvar Nodiri', '(DCA)', '(UNODC)', '(MoJ)', 'SUMMARY', 'COMMENT', 'ACTION REQUESTED']) expect(body.endsWith(end)).toBe(false);
    }
    const info = run('pdfinfo', [pdf]).stdout;
    expect(info).toMatch(/Title:\s+International Cooperation on Countering Modern Threats and Challenges \(17 March 2015\)/);
  });
});

describe('page breaks of the cable PDF', () => {
  const following = (...nodes: { headlineLevel?: number; style?: string }[]) => ({ getFollowingNodesOnPage: () => nodes });
  it('move a heading to the next page when only its own line and the page furniture follow it', () => {
    expect(breakBeforeHeading({ headlineLevel: 1 }, following({ headlineLevel: 2 }, { style: 'pageFurniture' }))).toBe(true);
    expect(breakBeforeHeading({ headlineLevel: 1 }, following({ style: 'pageFurniture' }))).toBe(true);
    expect(breakBeforeHeading({ headlineLevel: 2 }, following({ style: 'pageFurniture' }))).toBe(true);
    expect(breakBeforeHeading({ headlineLevel: 1 }, following({ headlineLevel: 2 }, {}, { style: 'pageFurniture' }))).toBe(false);
    expect(breakBeforeHeading({}, following())).toBe(false);
  });
});
