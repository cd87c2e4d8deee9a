/**
 * CSV writers: the tracker's current filter, and the statements of one or more briefings, for the deputy
 * who keeps the follow-ups in Excel. RFC 4180 (comma, double-quoted fields where needed, quotes doubled,
 * CRLF after every record, a header row), UTF-8 with a byte-order mark — without it Excel reads the file
 * in the machine's ANSI code page and Cyrillic or accents come out garbled — and ISO dates (as stored: a
 * day, a month or a year). The escaping is written out here, where the tests see it, not left to a library.
 */
import type { BriefingDocument } from '../document/briefing';
import { translate, type Locale, type MessageKey } from '../i18n';
import { actionKindLabel, kindLabel } from '../labels';
import { cleanText } from './export-text';
import { exportError } from './export-error';
import type { ExportInput, TrackerItem } from './formats';

/** Excel holds at most 32,767 characters in a cell; a longer one would be cut without a word. */
export const CSV_CELL_LIMIT = 32_767;

const BOM = '\ufeff';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for TAB and CR, that a spreadsheet may
 * skip before looking for one): `=1+2`, `+SUM(…)`, `-2+3`, `@cmd`. Such a cell gets a leading apostrophe,
 * which spreadsheets show as text and never run (OWASP's rule against CSV injection). A negative number
 * typed as text ("-5") is kept as text too: better than a formula run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: neutralised if a spreadsheet would run it, quoted if it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A row as a refusal names it: a follow-up by its title, a statement by its number in its briefing. */
export type CsvRowName = { row: 'followUp'; title: string } | { row: 'statement'; n: number; title: string };

/**
 * A whole file: the header row, then the rows, CRLF after each record (RFC 4180), BOM first, as UTF-8.
 * A line break inside a cell stays LF (what Excel writes itself; the cell is quoted). Every text is
 * cleaned of control characters first; a cell longer than Excel holds is refused, naming where it is.
 */
export function csvBytes(header: readonly string[], rows: readonly (readonly string[])[], rowName: (index: number) => CsvRowName): Uint8Array {
  const lines = [header.map(csvField).join(',')];
  rows.forEach((row, r) => {
    lines.push(
      row
        .map((cell, c) => {
          const text = cleanText(cell);
          if (text.length > CSV_CELL_LIMIT) {
            // The column as the file heads it (in the file's language), the row by what it is: said in the window's language.
            throw exportError('error.export.csvCellTooLong', { column: (header[c] ?? '').toLowerCase(), n: 0, ...rowName(r), length: text.length, max: CSV_CELL_LIMIT });
          }
          return csvField(text);
        })
        .join(','),
    );
  });
  return new TextEncoder().encode(BOM + lines.join('\r\n') + '\r\n');
}

const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/** Column heads in a language: each column's key in documents.json (`doc.csv.<table>.<column>`). */
const columns = (locale: Locale, table: 'fu' | 'st', ids: readonly string[]): string[] => ids.map((id) => translate(locale, `doc.csv.${table}.${id}` as MessageKey));

const FOLLOW_UP_IDS = ['title', 'kind', 'status', 'owner', 'due', 'place', 'briefing', 'briefingDate', 'tags', 'notes', 'id'] as const;
/** The follow-up table's heads in English (a spreadsheet made in French or Russian has them in its language). */
export const FOLLOW_UP_COLUMNS = columns('en', 'fu', FOLLOW_UP_IDS);

/** The tracker's rows (its current filter, in its order) as a spreadsheet. */
export function followUpsCsv(items: readonly TrackerItem[], locale: Locale = 'en'): Uint8Array {
  if (!items.length) throw exportError('doc.error.trackerEmpty');
  return csvBytes(
    columns(locale, 'fu', FOLLOW_UP_IDS),
    items.map((a) => [
      a.title,
      actionKindLabel(locale, a.kind),
      a.statusLabel,
      a.owner,
      a.due,
      a.place,
      a.briefing?.title ?? '',
      a.briefing ? a.briefing.startsAt.slice(0, 10) : '',
      a.tags.join('; '),
      a.notes,
      a.id,
    ]),
    (i) => ({ row: 'followUp', title: short(cleanText(items[i]!.title)) }),
  );
}

const STATEMENT_IDS = ['briefing', 'date', 'number', 'speaker', 'title', 'organisation', 'kind', 'text', 'followUps', 'tags', 'id'] as const;
export const STATEMENT_COLUMNS = columns('en', 'st', STATEMENT_IDS);

/**
 * The statements of one or more briefings, each briefing's as its document orders them (by speaker in
 * order of first word, each speaker's in recorded order), numbered from 1 within the briefing.
 */
export function statementsCsv(docs: readonly BriefingDocument[], locale: Locale = 'en'): Uint8Array {
  const rows: string[][] = [];
  const names: CsvRowName[] = [];
  for (const doc of docs) {
    const titleOf = new Map([...doc.followUps, ...doc.events].map((a) => [a.id, a.title]));
    let n = 0;
    for (const section of doc.statements) {
      for (const s of section.statements) {
        n += 1;
        names.push({ row: 'statement', n, title: short(cleanText(doc.header.title)) });
        rows.push([
          doc.header.title,
          doc.header.startsAt.slice(0, 10),
          String(n),
          section.speaker?.name ?? '',
          section.speaker?.title ?? '',
          section.speaker?.organisation?.name ?? '',
          kindLabel(locale, s.kind),
          s.text,
          s.actionIds.map((id) => titleOf.get(id) ?? '').filter(Boolean).join('; '),
          s.tags.join('; '),
          s.id,
        ]);
      }
    }
  }
  if (!rows.length) {
    throw docs.length === 1 ? exportError('doc.error.noStatements', { title: short(docs[0]!.header.title) }) : exportError('doc.error.noStatementsMany');
  }
  return csvBytes(columns(locale, 'st', STATEMENT_IDS), rows, (i) => names[i]!);
}

/** The registry's CSV writer: the tracker's rows, or the chosen briefings' statements. */
export function writeCsv(input: ExportInput): Uint8Array {
  const locale = input.locale ?? 'en';
  return input.scope === 'tracker' ? followUpsCsv(input.items, locale) : statementsCsv(input.briefings, locale);
}
