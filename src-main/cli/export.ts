/**
 * `attache export`: a cable, Word, calendar, spreadsheet or Markdown file from a sync file, through the same
 * registry (core/export/formats.ts), documents and writers as the app's "Export as…" menu. Guard rails as
 * `attache pack`: the sync file is read and decoded whole first, every problem is one line on stderr, and
 * the output is written to a temporary file and renamed (src-main/atomic-write.ts), so a failure never
 * leaves a partial or changed file. Exit codes: 0 written, 1 a bad input file or nothing to export, 2 bad usage.
 */
import { briefingDocumentFromData } from '../../src-renderer/src/core/document/briefing';
import { translate } from '../../src-renderer/src/core/i18n';
import { trackerItems } from '../../src-renderer/src/core/document/tracker-items';
import { isValidDate, todayIso } from '../../src-renderer/src/core/dates';
import { ExportError, exportFile, FORMATS, formatById, type ExportFormat, type ExportInput, type ExportOptions } from '../../src-renderer/src/core/export/formats';
import { nodePdfEngine } from '../../src-renderer/src/core/export/pdf-node';
import { letterheadOf, PRECEDENCES, isPrecedence } from '../../src-renderer/src/core/letterhead';
import type { Briefing, WorkspaceData } from '../../src-renderer/src/core/model';
import { settingsOfData } from '../../src-renderer/src/core/settings';
import { SyncError } from '../../src-renderer/src/core/sync/guards';
import { foldName } from '../../src-renderer/src/core/text';
import { compareByDue, DEFAULT_TRACKER_FILTER, matchesFilter } from '../../src-renderer/src/core/tracker';
import { fail, parse, readPassphrase, writeFileAtomic } from './args';
import { parseLang } from './lang';
import { readWorkspace } from './pack';

const formatList = (): string => FORMATS.map((f) => f.id).join(', ');

export const EXPORT_USAGE = `Usage: attache export <format> <sync-file> --out <file> [options]
  <format>               one of: ${formatList()}
                         (cable with --out *.pdf writes the cable as PDF)
  --briefing B           the briefing: its id, or words of its title that only it has (repeat for several;
                         default: every briefing in the file, oldest first)
  --tracker              the open follow-ups instead of briefings (for ics and csv)
  --lang en|fr|ru        the language of the file's headings, labels and dates (default en)
  --as-of YYYY-MM-DD     the day of issue: a cable's date (default today)
  --precedence P         a cable's precedence: ${PRECEDENCES.join(', ')} (default: the file's settings)
  --ref T                a cable's reference (repeat for several)
  --subject T            a cable's subject (default: the briefing's title and date)
  --width N              a plain-text cable's line width (default: the file's settings, else 69)
  --portion-marks        start each paragraph of a cable with its level's short form, e.g. (C)
  --no-portion-marks     leave them out (default: the file's settings)
  --passphrase-file P    passphrase of an encrypted sync file (first line of the file)`;

const OPTIONS = {
  out: { type: 'string' },
  briefing: { type: 'string', multiple: true },
  tracker: { type: 'boolean' },
  lang: { type: 'string' },
  'as-of': { type: 'string' },
  precedence: { type: 'string' },
  ref: { type: 'string', multiple: true },
  subject: { type: 'string' },
  width: { type: 'string' },
  'portion-marks': { type: 'boolean' },
  'no-portion-marks': { type: 'boolean' },
  'passphrase-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const usage = (message: string) => new SyncError('usage', message);

/** The format asked for; `cable` writing to a .pdf or .docx file is the cable in that format. */
function resolveFormat(name: string, out: string): ExportFormat {
  const lower = name.toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(out)?.[1]?.toLowerCase();
  const id = lower === 'cable' && (ext === 'pdf' || ext === 'docx') ? `cable-${ext}` : lower;
  const format = formatById(id);
  if (!format) throw usage(`Unknown format "${name}"; the formats are ${formatList()}.`);
  return format;
}

const live = (data: WorkspaceData): Briefing[] =>
  data.briefings.filter((b) => b.deleted === 0).sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : 1));

/** The briefing a `--briefing` value names: its id, or title words only one briefing has. */
export function findBriefing(briefings: readonly Briefing[], given: string): Briefing {
  const byId = briefings.find((b) => b.id === given.trim());
  if (byId) return byId;
  const words = foldName(given).split(' ').filter(Boolean);
  if (!words.length) throw new ExportError('--briefing is empty: give a briefing’s id or words of its title.');
  const matches = briefings.filter((b) => {
    const title = foldName(b.title);
    return words.every((w) => title.includes(w));
  });
  if (matches.length === 1) return matches[0]!;
  if (!matches.length) throw new ExportError(`No briefing in the file matches "${given}".`);
  const listed = matches
    .slice(0, 5)
    .map((b) => `${b.id} (${b.title}, ${b.startsAt.slice(0, 10)})`)
    .join('; ');
  throw new ExportError(`${matches.length} briefings match "${given}"; name one by its id: ${listed}${matches.length > 5 ? '; …' : ''}.`);
}

function exportOptions(values: { precedence?: string; ref?: string[]; subject?: string; width?: string; 'portion-marks'?: boolean; 'no-portion-marks'?: boolean }): ExportOptions {
  const options: ExportOptions = {};
  if (values.precedence !== undefined) {
    const p = values.precedence.trim().toUpperCase();
    if (!isPrecedence(p)) throw usage(`--precedence: one of ${PRECEDENCES.join(', ')} (got "${values.precedence}").`);
    options.precedence = p;
  }
  if (values.ref) options.references = values.ref;
  if (values.subject !== undefined) options.subject = values.subject;
  if (values.width !== undefined) {
    if (!/^\d+$/.test(values.width.trim())) throw usage(`--width: a whole number of characters (got "${values.width}").`);
    options.width = Number(values.width);
  }
  if (values['portion-marks'] && values['no-portion-marks']) throw usage('Give --portion-marks or --no-portion-marks, not both.');
  if (values['portion-marks']) options.portionMarks = true;
  if (values['no-portion-marks']) options.portionMarks = false;
  return options;
}

export async function runExport(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv, OPTIONS);
    if (values.help) {
      console.log(EXPORT_USAGE);
      return 0;
    }
    const [formatName, file, extra] = positionals;
    if (!formatName) throw usage(`export needs a format (${formatList()}) and a sync file; run "attache export --help".`);
    if (!file) throw usage('export needs a sync file after the format.');
    if (extra !== undefined) throw usage(`export takes one sync file (got also "${extra}").`);
    if (!values.out) throw usage('export needs --out <file>.');
    const format = resolveFormat(formatName, values.out);
    if (values.tracker && values.briefing?.length) throw usage('Give --tracker or --briefing, not both.');
    const asOf = values['as-of'] ?? todayIso();
    if (!isValidDate(asOf)) throw usage(`--as-of: a date written YYYY-MM-DD (got "${asOf}").`);
    const options = exportOptions(values);
    const locale = parseLang(values.lang);

    const passphrase = await readPassphrase(values['passphrase-file']);
    const data = await readWorkspace([file], passphrase);
    const settings = settingsOfData(data);
    const briefings = live(data);
    const base = { letterhead: letterheadOf(settings), levels: settings.classificationLevels, asOf, pdf: nodePdfEngine, locale };

    let input: ExportInput;
    if (values.tracker) {
      const byId = new Map(data.briefings.map((b) => [b.id, b]));
      const open = data.actions.filter((a) => a.deleted === 0 && matchesFilter(a, DEFAULT_TRACKER_FILTER, asOf)).sort(compareByDue);
      input = { ...base, scope: 'tracker', briefings: [], items: trackerItems(open, (id) => byId.get(id), locale), title: 'Open follow-ups' };
    } else {
      const chosen = values.briefing?.length ? [...new Set(values.briefing.map((b) => findBriefing(briefings, b)))] : briefings;
      const docs = chosen.map((b) => briefingDocumentFromData(data, b.id, locale)!);
      const title = docs.length === 1 ? docs[0]!.header.title : translate(locale, 'doc.briefings.count', { count: docs.length });
      input = { ...base, scope: 'briefing', briefings: docs, items: [], title };
    }
    if (input.scope === 'briefing' && !input.briefings.length) throw new ExportError('The file holds no briefing: there is nothing to export.');

    const written = await exportFile(format, input, options);
    await writeFileAtomic(values.out, written.bytes);
    const what = input.scope === 'tracker' ? plural(input.items.length, 'follow-up') : plural(input.briefings.length, 'briefing');
    console.log(`Wrote ${values.out}: ${format.label}, ${what}, ${plural(written.bytes.length, 'byte')}.`);
    for (const note of written.notes) console.log(note);
    return 0;
  } catch (e) {
    if (e instanceof ExportError) {
      console.error(e.message);
      return 1;
    }
    return fail(e);
  }
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
