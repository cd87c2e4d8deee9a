/**
 * What a pack is asked to contain. One shape for the Pack dialog, saved pack definitions
 * (PackDefinitionFields.options holds a serialised PackOptions) and the CLI, validated by one zod schema
 * so a stale or hand-edited saved definition never reaches the builder half-valid.
 */
import { z } from '../zod';
import { isValidDate, todayIso } from '../dates';
import { LIMITS } from '../limits';

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/**
 * Which briefings are candidates. Every criterion narrows (AND); within one list any entry matches (OR);
 * an empty list or '' means "no constraint". `briefingIds` is the "picked one by one" mode: when it is
 * non-empty only those briefings are candidates (the other criteria still narrow them).
 */
export interface PackSelection {
  briefingIds: string[];
  /** Briefings carrying any of these tags (case, accents and spacing do not matter). */
  tags: string[];
  /** Inclusive `YYYY-MM-DD` bounds on the briefing date, '' for open. */
  from: string;
  to: string;
  /** Briefings organised by any of these organisation ids. */
  organiserIds: string[];
  /** Briefings where any of these people made a statement. */
  speakerIds: string[];
}

export interface PackOptions {
  title: string;
  /** Mission or recipient line, e.g. "For H.E. the Ambassador". */
  recipient: string;
  preparedBy: string;
  selection: PackSelection;
  /** Classification level id; briefings above it are left out. '' = no ceiling. */
  ceiling: string;
  includeStatements: boolean;
  includeTracker: boolean;
  includePeople: boolean;
  /** '' = none, 'DRAFT', or any custom text (the dialog's none / DRAFT / custom). */
  watermark: string;
  paper: PaperSize;
  /**
   * Date of issue `YYYY-MM-DD` shown on the cover and used to flag overdue actions.
   * '' = the date part of `creationDate`, or today.
   */
  issueDate: string;
  /**
   * ISO 8601 timestamp written as the PDF creation date. '' = now. A fixed value makes the output
   * byte-identical for the same input (pdfkit derives the file ID from the metadata).
   */
  creationDate: string;
  /** BCP 47 language tag of the document (PDF /Lang). */
  language: string;
  /** The registry's file reference, e.g. "DUS/POL/2015/017" ('' = none). */
  fileReference: string;
  /** From line ('' = the mission's name from the letterhead settings). */
  from: string;
  /** Addressees, information addressees and distribution; an empty list takes the letterhead settings' list. */
  to: string[];
  info: string[];
  distribution: string[];
  /** One PDF per distribution entry, each page marked "Copy n of N — recipient". */
  numberedCopies: boolean;
  /** Summary, statements and comment numbered 1, 2, 3… in each briefing, as a cable numbers its paragraphs. */
  numberedParagraphs: boolean;
  /** The officer's comment (own assessment) printed under each briefing. */
  includeComment: boolean;
}

export const DEFAULT_SELECTION: PackSelection = { briefingIds: [], tags: [], from: '', to: '', organiserIds: [], speakerIds: [] };

export const DEFAULT_PACK_OPTIONS: PackOptions = {
  title: 'Briefing pack',
  recipient: '',
  preparedBy: '',
  selection: DEFAULT_SELECTION,
  ceiling: '',
  includeStatements: true,
  includeTracker: true,
  includePeople: true,
  watermark: '',
  paper: 'A4',
  issueDate: '',
  creationDate: '',
  language: 'en-GB',
  fileReference: '',
  from: '',
  to: [],
  info: [],
  distribution: [],
  numberedCopies: false,
  numberedParagraphs: false,
  includeComment: true,
};

/** Entries of an addressee or distribution list, and their length. */
export const ADDRESSEE_LIMITS = { entries: 30, line: 200 } as const;

const text = (max: number, what: string) =>
  z.string({ error: `${what} must be text` }).max(max, { error: `${what} is at most ${max} characters` });

// A line of a letterhead block: no line breaks or control characters (they would break the layout).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const oneLine = (max: number, what: string) =>
  text(max, what).refine((s) => !CONTROL.test(s), { error: `${what} is one line of text, without control characters` });
const addressees = (what: string) =>
  z
    .array(oneLine(ADDRESSEE_LIMITS.line, what).transform((s) => s.trim()))
    .max(ADDRESSEE_LIMITS.entries, { error: `${what} lists at most ${ADDRESSEE_LIMITS.entries} entries` })
    .transform((l) => l.filter(Boolean))
    .default([]);

const optionalDate = (what: string) =>
  z.string().refine((s) => s === '' || isValidDate(s), { error: `${what} is not a real date (use YYYY-MM-DD)` });

const isoTimestamp = z
  .string()
  .refine((s) => s === '' || (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s))), {
    error: 'Creation date must be an ISO date or timestamp, e.g. 2015-03-20T09:00:00Z',
  });

const idList = z.array(z.string().min(1)).max(10_000);

export const packSelectionSchema = z
  .object({
    briefingIds: idList.default([]),
    tags: z.array(z.string().trim().min(1).max(LIMITS.tag)).max(LIMITS.tags).default([]),
    from: optionalDate('From').default(''),
    to: optionalDate('To').default(''),
    organiserIds: idList.default([]),
    speakerIds: idList.default([]),
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { error: '"From" is after "To"', path: ['to'] });

export const packOptionsSchema = z.object({
  title: text(LIMITS.title, 'Title')
    .refine((s) => s.trim().length > 0, { error: 'Title cannot be empty' })
    .default(DEFAULT_PACK_OPTIONS.title),
  recipient: text(LIMITS.shortText, 'Recipient').default(''),
  preparedBy: text(LIMITS.shortText, 'Prepared by').default(''),
  selection: packSelectionSchema.default(DEFAULT_SELECTION),
  ceiling: z.string().max(60).default(''),
  includeStatements: z.boolean().default(true),
  includeTracker: z.boolean().default(true),
  includePeople: z.boolean().default(true),
  watermark: text(60, 'Watermark').default(''),
  paper: z.enum(PAPER_SIZES, { error: 'Paper size must be A4 or Letter' }).default('A4'),
  issueDate: optionalDate('Date of issue').default(''),
  creationDate: isoTimestamp.default(''),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'Language must be a tag such as en-GB' })
    .default('en-GB'),
  fileReference: oneLine(80, 'File reference').default(''),
  from: oneLine(ADDRESSEE_LIMITS.line, 'From').default(''),
  to: addressees('To'),
  info: addressees('Info'),
  distribution: addressees('Distribution'),
  numberedCopies: z.boolean().default(false),
  numberedParagraphs: z.boolean().default(false),
  includeComment: z.boolean().default(true),
});

export type PackOptionsResult = { ok: true; options: PackOptions } | { ok: false; errors: { path: string; message: string }[] };

/**
 * Validate options from anywhere (dialog state, a saved pack definition, the CLI); missing fields take
 * their defaults. Errors carry the field path (e.g. "selection.to") for inline messages.
 */
export function parsePackOptions(input: unknown): PackOptionsResult {
  const r = packOptionsSchema.safeParse(input ?? {});
  if (r.success) return { ok: true, options: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

/** Defaults with some fields replaced; throws on invalid values (for code, not user input). */
export function packOptions(overrides: Partial<Omit<PackOptions, 'selection'>> & { selection?: Partial<PackSelection> } = {}): PackOptions {
  const r = parsePackOptions({ ...overrides, selection: { ...DEFAULT_SELECTION, ...overrides.selection } });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.options;
}

/**
 * The issue date the pack will carry: explicit, else the creation date's calendar day as written
 * (not shifted by the machine's time zone, so the same inputs give the same pack everywhere), else today.
 */
export function effectiveIssueDate(options: PackOptions, now: Date = new Date()): string {
  if (options.issueDate) return options.issueDate;
  if (options.creationDate) return options.creationDate.slice(0, 10);
  return todayIso(now);
}

/** The creation timestamp the PDF will carry. */
export function effectiveCreationDate(options: PackOptions, now: Date = new Date()): Date {
  return options.creationDate ? new Date(options.creationDate) : now;
}
