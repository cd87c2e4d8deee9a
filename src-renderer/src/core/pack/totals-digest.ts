/**
 * The per-briefing totals (./briefing-totals.ts) written out as one text, column by column, so that a
 * reader takes them in one stored value rather than one row per briefing. IndexedDB hands back each row
 * as an object to build; at 100,000 briefings reading the rows was most of the Pack dialog's first
 * counts (3.3 s on the bench machine), where one string of the same facts is read and parsed in a
 * fraction of that. The data layer keeps the digest beside the rows (data/briefing-totals.ts) and says
 * which rows changed since it was written; this module is only the encoding, shared by the writer, the
 * reader and the tests.
 */
import type { BriefingTotals } from './briefing-totals';

/** Raise when the encoding changes: a digest of another format is not read (the rows are, and a new one is written). */
export const TOTALS_DIGEST_FORMAT = 1;

const COLUMNS = ['id', 'live', 'title', 'startsAt', 'classification', 'caveat', 'tags', 'organiserIds', 'statements', 'actions', 'speakers'] as const satisfies readonly (keyof BriefingTotals)[];

type Columns = { [C in (typeof COLUMNS)[number]]: BriefingTotals[C][] };

/** The rows as one text, a column per field (the field names once, not once per row). */
export function encodeTotalsDigest(rows: Iterable<BriefingTotals>): string {
  const columns = Object.fromEntries(COLUMNS.map((c) => [c, [] as unknown[]])) as Record<(typeof COLUMNS)[number], unknown[]>;
  for (const row of rows) for (const c of COLUMNS) columns[c].push(row[c]);
  return JSON.stringify(columns);
}

export class TotalsDigestDamagedError extends Error {
  override name = 'TotalsDigestDamagedError';
}

const isStrings = (xs: unknown[]): xs is string[] => xs.every((x) => typeof x === 'string');
const isCounts = (xs: unknown[]): xs is number[] => xs.every((x) => Number.isInteger(x) && (x as number) >= 0);

/**
 * The rows a digest holds. A text that is not one (garbled, cut short, columns of different lengths or of
 * the wrong kinds) throws TotalsDigestDamagedError: the reader then reads the rows themselves.
 */
export function decodeTotalsDigest(text: string): BriefingTotals[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TotalsDigestDamagedError('The totals digest is not JSON');
  }
  const columns = parsed as Partial<Record<(typeof COLUMNS)[number], unknown>>;
  const n = Array.isArray(columns?.id) ? columns.id.length : -1;
  for (const c of COLUMNS) {
    const column = columns?.[c];
    if (!Array.isArray(column) || column.length !== n) throw new TotalsDigestDamagedError(`The totals digest's column ${c} is missing or of another length`);
    const fits = c === 'live' ? column.every((x) => x === 0 || x === 1) : c === 'statements' || c === 'actions' ? isCounts(column) : isStrings(column);
    if (!fits) throw new TotalsDigestDamagedError(`The totals digest's column ${c} holds values of another kind`);
  }
  const { id, live, title, startsAt, classification, caveat, tags, organiserIds, statements, actions, speakers } = columns as Columns;
  const rows = new Array<BriefingTotals>(n);
  for (let i = 0; i < n; i++) {
    rows[i] = {
      id: id[i]!,
      live: live[i]!,
      title: title[i]!,
      startsAt: startsAt[i]!,
      classification: classification[i]!,
      caveat: caveat[i]!,
      tags: tags[i]!,
      organiserIds: organiserIds[i]!,
      statements: statements[i]!,
      actions: actions[i]!,
      speakers: speakers[i]!,
    };
  }
  return rows;
}
