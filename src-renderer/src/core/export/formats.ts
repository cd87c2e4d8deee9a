/**
 * The registry of export formats: every output a diplomat sends (the cable, Word, calendar, spreadsheet,
 * Markdown), each a writer over the format-neutral documents of core/document. The app's "Export as…"
 * menu and `attache export` both list and call what is registered here, so a format added once is offered
 * in both. Writers are pure (no Dexie, DOM or Electron) and loaded on first use, so the app does not carry
 * docx or pdfmake until someone exports.
 *
 * A writer that cannot produce a sound file throws an ExportError with a message for the user; nothing is
 * written then. Checks every format shares (an empty selection, oversized text) run once, in `exportFile`.
 */
import type { ActionItem, BriefingDocument } from '../document/briefing';
import type { Letterhead, Precedence } from '../letterhead';
import type { Locale, MessageKey, MessageValues } from '../i18n';
import type { ClassificationLevel } from '../model';
import type { FontBytes } from '../pack/fonts';

export type FormatId = 'cable' | 'cable-pdf' | 'cable-docx' | 'docx' | 'ics' | 'csv' | 'md';

/** What is being exported: one or more briefings, or the rows of the tracker's current filter. */
export type ExportScope = 'briefing' | 'tracker';

/** A follow-up or an event as the tracker lists it: the document's item plus the briefing it came from. */
export interface TrackerItem extends ActionItem {
  /** null: entered in the tracker without a briefing, or its briefing is deleted. */
  briefing: { id: string; title: string; startsAt: string; name: string } | null;
}

export interface ExportInput {
  scope: ExportScope;
  /** Briefing scope: the chosen briefings' documents, in the order chosen. Tracker scope: empty. */
  briefings: readonly BriefingDocument[];
  /** Tracker scope: the rows of the current filter, in the tracker's order. Briefing scope: empty. */
  items: readonly TrackerItem[];
  /** What the selection is called in a file's title: a briefing's title, or "Follow-ups: open, overdue". */
  title: string;
  letterhead: Letterhead;
  /** The workspace's levels, least restrictive first (portion marks, banners). */
  levels: readonly ClassificationLevel[];
  /** `YYYY-MM-DD`: the day of issue, against which "overdue" is computed and which a cable is dated. */
  asOf: string;
  /** pdfmake and the fonts of this platform (core/export/pdf-node.ts, pdf-browser.ts), for the PDF writers. */
  pdf?: PdfEngine;
  /**
   * The language of the file's own words (headings, labels, column heads, dates); English when absent. The
   * briefings' documents must be built in the same language (core/document/briefing.ts `locale`).
   */
  locale?: Locale;
}

/** What a PDF writer needs from its platform: pdfmake's Node entry or browser bundle, and the pack's fonts. */
export interface PdfEngine {
  pdfmake: PdfmakeInstance;
  fonts(): Promise<FontBytes>;
}

/** Choices made at export time; each absent one takes the letterhead's default. */
export interface ExportOptions {
  precedence?: Precedence;
  /** A cable's references, e.g. "A. DUSHANBE 123", one per entry. */
  references?: readonly string[];
  portionMarks?: boolean;
  /** Characters per line of a plain-text cable. */
  width?: number;
  /** A cable's subject line (default: the briefing's title and date; for several, their titles). */
  subject?: string;
}

export interface ExportFormat {
  id: FormatId;
  /** As the menu offers it: "Cable (plain text)". */
  label: string;
  /** Without the dot. */
  extension: string;
  mimeType: string;
  /** The save dialog's filter name: "Text file". */
  fileKind: string;
  scopes: readonly ExportScope[];
  write(input: ExportInput, options: ExportOptions): Promise<Uint8Array>;
  /**
   * What the user should know about a file that was written, e.g. the .ics's events left out because
   * their date is only a month, in the file's language. Optional; [] when absent.
   */
  notes?(input: ExportInput): Promise<string[]>;
}

/** A problem with what was asked for: shown to the user as it is; nothing is written. */
export class ExportError extends Error {
  override name = 'ExportError';
  /** Its message key and values when it has them (core/export/export-error.ts): the app shows it in the interface's language. */
  declare key?: MessageKey;
  declare values?: MessageValues;
}

/** The longest text one field may carry into an export (a pasted 1 MB cell is refused, not written). */
export const EXPORT_TEXT_LIMIT = 1_000_000;

// --- The registry. One entry per format, each in its own block so writers are added by small hunks. ---

export const FORMATS: readonly ExportFormat[] = [
  {
    id: 'cable',
    label: 'Cable (plain text)',
    extension: 'txt',
    mimeType: 'text/plain;charset=utf-8',
    fileKind: 'Text file',
    scopes: ['briefing'],
    write: async (input, options) => (await import('./cable-text')).writeCableText(input, options),
  },
  {
    id: 'cable-pdf',
    label: 'Cable (PDF)',
    extension: 'pdf',
    mimeType: 'application/pdf',
    fileKind: 'PDF document',
    scopes: ['briefing'],
    write: async (input, options) => (await import('./cable-pdf')).writeCablePdf(input, options),
  },
  {
    id: 'cable-docx',
    label: 'Cable (Word)',
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileKind: 'Word document',
    scopes: ['briefing'],
    write: async (input, options) => (await import('./docx')).writeCableDocx(input, options),
  },
  {
    id: 'docx',
    label: 'Word (.docx)',
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileKind: 'Word document',
    scopes: ['briefing'],
    write: async (input) => (await import('./docx')).writeDocx(input),
  },
  {
    id: 'ics',
    label: 'Calendar (.ics)',
    extension: 'ics',
    mimeType: 'text/calendar;charset=utf-8',
    fileKind: 'iCalendar file',
    scopes: ['briefing', 'tracker'],
    write: async (input) => (await import('./ics')).writeIcs(input),
    // What the file leaves out (month-precision and undated follow-ups), without loading the calendar library.
    // Loaded on use, as the writers are: the registry itself stays free of the message files (a page listing
    // the formats, or a test runner that reads no JSON modules, imports it alone).
    notes: async (input) => (await import('./ics-plan')).calendarNotes(input),
  },
  {
    id: 'csv',
    label: 'Spreadsheet (CSV)',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    fileKind: 'CSV spreadsheet',
    // A briefing: its statements; the tracker: the rows of its current filter.
    scopes: ['briefing', 'tracker'],
    write: async (input) => (await import('./csv')).writeCsv(input),
  },
  {
    id: 'md',
    label: 'Markdown',
    extension: 'md',
    mimeType: 'text/markdown;charset=utf-8',
    fileKind: 'Markdown note',
    scopes: ['briefing'],
    write: async (input) => (await import('./markdown')).writeMarkdown(input),
  },
];

export function formatById(id: string): ExportFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** The formats a scope offers, in the registry's order. */
export function formatsFor(scope: ExportScope): ExportFormat[] {
  return FORMATS.filter((f) => f.scopes.includes(scope));
}

/** A refusal as a message key and its values (core/export/export-error.ts makes the error; the app says it in the window's language). */
export interface InputProblem {
  key: MessageKey;
  values: MessageValues;
}

/** Why this input cannot be exported as this format (the same message in the app and the CLI), or undefined. */
export function inputProblem(format: ExportFormat, input: ExportInput): InputProblem | undefined {
  if (!format.scopes.includes(input.scope)) return { key: 'error.export.wrongScope', values: { format: format.label, scope: input.scope } };
  if (input.scope === 'briefing' && input.briefings.length === 0) return { key: 'doc.error.noBriefing', values: {} };
  if (input.scope === 'tracker' && input.items.length === 0) return { key: 'doc.error.trackerEmpty', values: {} };
  const long = oversizedText(input);
  if (long) return { key: 'error.export.tooLong', values: { briefing: '', item: '', ...long, limit: EXPORT_TEXT_LIMIT } };
  return undefined;
}

/** The first text of the input longer than the limit, named for the user (what it is, in which briefing), or undefined. */
function oversizedText(input: ExportInput): { what: string; briefing?: string; item?: string } | undefined {
  const over = (s: string): boolean => s.length > EXPORT_TEXT_LIMIT;
  for (const b of input.briefings) {
    const briefing = b.header.title.slice(0, 60);
    if (over(b.header.title)) return { what: 'title' };
    for (const section of b.statements) for (const s of section.statements) if (over(s.text)) return { what: 'statement', briefing };
    for (const a of [...b.followUps, ...b.events]) if (over(a.title) || over(a.notes) || over(a.owner) || over(a.place)) return { what: 'followUp', briefing, item: a.title.slice(0, 60) };
    if (JSON.stringify(b.summary).length > EXPORT_TEXT_LIMIT * 2) return { what: 'summary', briefing };
    if (JSON.stringify(b.comment).length > EXPORT_TEXT_LIMIT * 2) return { what: 'comment', briefing };
  }
  for (const a of input.items) if (over(a.title) || over(a.notes) || over(a.owner) || over(a.place)) return { what: 'trackerFollowUp', item: a.title.slice(0, 60) };
  return undefined;
}

/** A written file: its bytes, the name to offer, and what the user should know about it. */
export interface ExportedFile {
  format: ExportFormat;
  bytes: Uint8Array;
  fileName: string;
  notes: string[];
}

/** Check the input, then write it: the one path the app and the CLI take. Throws ExportError on bad input. */
export async function exportFile(format: ExportFormat, input: ExportInput, options: ExportOptions = {}): Promise<ExportedFile> {
  const problem = inputProblem(format, input);
  // Loaded only to refuse: the registry itself stays free of the message files.
  if (problem) throw (await import('./export-error')).exportError(problem.key, problem.values);
  const bytes = await format.write(input, options);
  return { format, bytes, fileName: exportFileName(input.title, format, input.asOf), notes: (await format.notes?.(input)) ?? [] };
}

const MAX_STEM = 80;

/**
 * The name offered when an export is saved, e.g. `Briefing-on-drug-control-cable-2026-12-04.txt`: valid on
 * Windows, macOS and Linux whatever the title holds (the same characters as the pack's name keeps). Any
 * kind of file may take it (a printed briefing's PDF too); a cable's name says it is a cable.
 */
export function exportFileName(title: string, format: { id: string; extension: string }, asOf: string): string {
  const stem = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{M}\p{N}._()]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/[-.]+$/g, '');
  const kind = format.id.startsWith('cable') ? 'cable' : '';
  const named = [stem || 'attache-export', kind].filter(Boolean).join('-');
  return /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${named}-${asOf}.${format.extension}` : `${named}.${format.extension}`;
}
