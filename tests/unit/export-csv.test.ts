/**
 * The CSV writer (core/export/csv.ts) read back by papaparse — an independent RFC 4180 parser — and by its
 * raw bytes: the BOM, CRLF record ends, quoting, neutralised formula cells, the example's speakers, figures
 * and dates exactly, Cyrillic included.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../src-renderer/src/core/errors';
import { csvField, followUpsCsv, statementsCsv, writeCsv, CSV_CELL_LIMIT } from '../../src-renderer/src/core/export/csv';
import { ExportError } from '../../src-renderer/src/core/export/formats';
import { EXAMPLE_BRIEFING_ID, exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { briefingInput, documentsOf, trackerInput, trackerItems } from './export-fixture';
import { CYRILLIC_NAME, IDS, packFixture } from './pack-fixture';

const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

function parse(bytes: Uint8Array): Record<string, string>[] {
  const text = decode(bytes);
  expect(text.startsWith('\ufeff')).toBe(true);
  const result = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('CSV of the tracker’s rows', () => {
  it('opens with a UTF-8 BOM, ends every record with CRLF and has a header row', () => {
    const bytes = writeCsv(trackerInput());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    // Every LF outside a quoted cell follows a CR.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted.match(/\n/g)?.length).toBe(unquoted.match(/\r\n/g)?.length);
    expect(text.slice(1, text.indexOf('\r\n'))).toBe('Title,Kind,Status,Owner,Due,Place,Briefing,Briefing date,Tags,Notes,ID');
  });

  it('carries the example’s follow-ups and events with ISO dates, a month as a month', () => {
    const rows = parse(followUpsCsv(trackerInput().items));
    expect(rows).toHaveLength(10);
    const conference = rows.find((r) => r.Title === 'High Level International Conference on Counter Narcotic Cooperation')!;
    expect(conference).toMatchObject({ Kind: 'Event', Status: 'Open', Owner: 'Head of Mission', Due: '2015-05-27', Place: 'Dushanbe', 'Briefing date': '2015-03-17', ID: '014c2507-a400-7000-8000-00000000001e' });
    expect(conference.Briefing).toBe('International Cooperation on Countering Modern Threats and Challenges');
    expect(rows.find((r) => (r.Title ?? '').startsWith('Ninth MoU meeting'))!.Due).toBe('2015-05');
    expect(rows.find((r) => r.Title === 'Report the briefing to capital (cable)')).toMatchObject({ Status: 'Done', Due: '2015-03-19', Tags: 'reporting' });
  });

  it('neutralises cells a spreadsheet would run as formulas, and quotes commas, quotes and line breaks', () => {
    const input = trackerInput();
    const items = input.items.slice(0, 6).map((a, i) => ({
      ...a,
      title: ['=HYPERLINK("http://x","click")', '+1+2', '-2+3', '@SUM(A1)', '\tTAB', 'Plain, with "quotes"\nand a line'][i]!,
    }));
    const bytes = followUpsCsv(items);
    const rows = parse(bytes);
    expect(rows.map((r) => r.Title)).toEqual(["'=HYPERLINK(\"http://x\",\"click\")", "'+1+2", "'-2+3", "'@SUM(A1)", "'\tTAB", 'Plain, with "quotes"\nand a line']);
    const raw = decode(bytes);
    expect(raw).toContain('"\'=HYPERLINK(""http://x"",""click"")"');
    expect(raw).toContain('"Plain, with ""quotes""\nand a line"');
    // csvField on its own (csvBytes makes a CR an LF first): a leading CR is neutralised and quoted.
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('a-b')).toBe('a-b');
  });

  it('removes control characters and refuses a cell longer than a spreadsheet holds, naming it', () => {
    const items = trackerInput().items.slice(0, 1).map((a) => ({ ...a, title: 'Bell\u0007 and NUL\u0000 gone', notes: 'x'.repeat(CSV_CELL_LIMIT + 1) }));
    expect(() => followUpsCsv(items)).toThrow(ExportError);
    expect(() => followUpsCsv(items)).toThrow(/notes of the follow-up “Bell.*32,768 characters long.*at most 32,767/);
    // In the window's language (messageOf), the column as the file heads it.
    const refusal = (() => {
      try {
        followUpsCsv(items);
      } catch (e) {
        return e;
      }
    })();
    expect(messageOf(refusal, 'fr').replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'La colonne « notes » du suivi « Bell and NUL gone » compte 32 768 caractères ; une cellule de tableur en contient au plus 32 767. Raccourcissez ce texte, puis exportez de nouveau.',
    );
    expect(messageOf(refusal, 'ru').replace(/[\u00a0\u202f]/g, ' ')).toMatch(/^В столбце «notes» поручения «Bell and NUL gone» 32 768 символов; ячейка/);
    const ok = parse(followUpsCsv([{ ...items[0]!, notes: 'fine' }]));
    expect(ok[0]!.Title).toBe('Bell and NUL gone');
    expect(() => followUpsCsv([])).toThrow(/nothing to export/);
  });
});

describe('CSV of a briefing’s statements', () => {
  it('lists every statement with its speaker, organisation, kind and the follow-ups made from it', () => {
    const rows = parse(writeCsv(briefingInput()));
    expect(rows).toHaveLength(19);
    expect([...new Set(rows.map((r) => r.Speaker))]).toEqual(['Rustam Nazarzoda', 'Ashita Mittal', 'Shahnoza Anvar Nodiri']);
    expect(rows[0]).toMatchObject({ Briefing: 'International Cooperation on Countering Modern Threats and Challenges', Date: '2015-03-17', 'No.': '1' });
    expect(rows[0]!.Organisation).toBe('Drug Control Agency under the President of the Republic of Tajikistan (DCA)');
    const figures = rows.filter((r) => r.Kind === 'Figure').map((r) => r.Text);
    expect(figures.join(' ')).toMatch(/12 tons/);
    expect(figures.join(' ')).toMatch(/50/);
    expect(rows.map((r) => r.Text).join(' ')).toMatch(/300,000 ha/);
    const announcement = rows.find((r) => r.Kind === 'Announcement' && (r.Text ?? '').startsWith('The Government of Tajikistan'))!;
    expect(announcement['Follow-ups']).toContain('High Level International Conference on Counter Narcotic Cooperation');
  });

  it('keeps Cyrillic, Greek and Arabic exactly', () => {
    const data = packFixture();
    const rows = parse(statementsCsv(documentsOf(data, [IDS.water])));
    expect(rows.map((r) => r.Speaker)).toContain(CYRILLIC_NAME);
    expect(rows.map((r) => r.Text)).toContain('Выработка электроэнергии выросла на 12 % в 2014 году.');
    expect(rows.map((r) => r.Organisation)).toContain('Министерство энергетики и водных ресурсов (МЭВР)');
    expect(rows.map((r) => r.Text).join('\n')).toContain('الأمن المائي في آسيا الوسطى');
  });

  it('numbers statements within each of several briefings and refuses a selection with none', () => {
    const data = packFixture();
    const rows = parse(statementsCsv(documentsOf(data, [EXAMPLE_BRIEFING_ID, IDS.water])));
    expect(rows).toHaveLength(23);
    expect(rows[19]).toMatchObject({ 'No.': '1', Date: '2015-04-02' });
    const empty = exampleWorkspaceData();
    empty.statements = [];
    expect(() => statementsCsv(documentsOf(empty, [EXAMPLE_BRIEFING_ID]))).toThrow(/has no statements to export/);
    expect(trackerItems(documentsOf(data, [IDS.water])).length).toBeGreaterThan(0);
  });
});
