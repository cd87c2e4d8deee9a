/**
 * Per-briefing totals, the Pack dialog's counts for any selection being sums over the selected briefings'
 * totals (issue 16: counts read only what they show, at any workspace size). The data layer keeps one
 * row per briefing (data/briefing-totals.ts), updated in the same transaction as every write to
 * briefings, statements and follow-ups; this module is the one rule for what a row holds, shared by the
 * fill, the incremental update and the tests: a record's contribution, added when it is written and
 * taken away when it is overwritten or deleted, and a fresh computation that folds the same
 * contributions. `previewOfTotals` (core/pack/preview-totals.ts) then answers what
 * `previewOf(selectPack(…))` answers. No import of the selection here: the data layer's write path (and
 * so every worker that opens the database) loads this module, and needs none of it.
 */

/**
 * The rule's version: raise it whenever what a row holds changes, and every kept set is rebuilt once
 * (the data layer stores the version it was built with beside the rows).
 */
export const BRIEFING_TOTALS_RULE = 2;

export const TOTALS_TABLES = ['briefings', 'statements', 'actions'] as const;
export type TotalsTable = (typeof TOTALS_TABLES)[number];

/** What the selection, the ceiling and the banner read of a briefing's own record. */
export interface BriefingFacts {
  title: string;
  startsAt: string;
  tags: string[];
  organiserIds: string[];
  classification: string;
  caveat: string;
}

/**
 * One briefing's row. Flat, its lists as JSON text: IndexedDB hands each nested object or array back as an
 * object to build, which made reading 10,000 rows with nested facts and speaker maps several times slower
 * than reading rows of plain values; the lists are parsed only when a criterion needs them.
 */
export interface BriefingTotals {
  /** The briefing's id; '' gathers the follow-ups of no briefing (never selected, but counted, so totals add up to the tables). */
  id: string;
  /** 1 while the briefing is live; 0 when it is deleted or not stored (yet: an import may bring its statements first), its facts then empty. */
  live: 0 | 1;
  title: string;
  startsAt: string;
  classification: string;
  caveat: string;
  /** JSON of the briefing's tags and organiser ids. */
  tags: string;
  organiserIds: string;
  /** Its live statements. */
  statements: number;
  /** Its live follow-ups and events. */
  actions: number;
  /** JSON of its live statements per speaker id, keys sorted (statements with no speaker are not in it): the speaker criterion. */
  speakers: string;
}

/** The fields of a briefing, statement or follow-up that a total depends on. */
export interface TotalsSource {
  id: string;
  deleted?: 0 | 1;
  briefingId?: string | null;
  speakerId?: string | null;
  title?: string;
  startsAt?: string;
  tags?: string[];
  organiserIds?: string[];
  classification?: string;
  caveat?: string;
}

/** One record's part in its briefing's totals. */
export interface Contribution {
  /** The row it counts in. */
  id: string;
  briefing?: BriefingFacts;
  statement?: { speakerId: string | null };
  action?: true;
}

/** What a stored record adds to its briefing's totals; undefined for a tombstone (or nothing stored). */
export function contributionOf(table: TotalsTable, row: TotalsSource | undefined): Contribution | undefined {
  if (!row || row.deleted === 1) return undefined;
  if (table === 'statements') return { id: row.briefingId ?? '', statement: { speakerId: row.speakerId ?? null } };
  if (table === 'actions') return { id: row.briefingId ?? '', action: true };
  const { title = '', startsAt = '', tags = [], organiserIds = [], classification = '', caveat = '' } = row;
  return { id: row.id, briefing: { title, startsAt, tags, organiserIds, classification, caveat } };
}

const NO_FACTS = { title: '', startsAt: '', classification: '', caveat: '', tags: '[]', organiserIds: '[]' };

export function emptyTotals(id: string): BriefingTotals {
  return { id, live: 0, ...NO_FACTS, statements: 0, actions: 0, speakers: '{}' };
}

/** A row that counts nothing: not kept (a fresh computation never makes one). */
export function isEmptyTotals(t: BriefingTotals): boolean {
  return t.live === 0 && t.statements === 0 && t.actions === 0;
}

/**
 * Parts added (`sign` 1) or taken away (-1) on one briefing's row. The speaker counts are parsed once and
 * written back once, whatever the number of parts: a part at a time, an import of 100,000 statements parsed,
 * sorted and wrote a row's speakers 100,000 times (`npm run bench:sync`: the import 2.6× slower).
 */
export function applyContributions(t: BriefingTotals, parts: Iterable<readonly [Contribution, 1 | -1]>): void {
  let speakers: Record<string, number> | undefined;
  for (const [c, sign] of parts) {
    if (c.briefing) {
      const f = sign === 1 ? c.briefing : undefined;
      Object.assign(
        t,
        f
          ? { live: 1, title: f.title, startsAt: f.startsAt, classification: f.classification, caveat: f.caveat, tags: JSON.stringify(f.tags), organiserIds: JSON.stringify(f.organiserIds) }
          : { live: 0, ...NO_FACTS },
      );
    }
    if (c.action) t.actions += sign;
    if (c.statement) {
      t.statements += sign;
      const speaker = c.statement.speakerId;
      if (speaker !== null) {
        speakers ??= speakersOf(t);
        const n = (speakers[speaker] ?? 0) + sign;
        if (n > 0) speakers[speaker] = n;
        else delete speakers[speaker];
      }
    }
  }
  if (speakers) t.speakers = speakersText(speakers);
}

/** Keys sorted: the same totals are the same text, however they were reached. */
function speakersText(counts: Record<string, number>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))));
}

export function speakersOf(t: BriefingTotals): Record<string, number> {
  return JSON.parse(t.speakers) as Record<string, number>;
}

/** The totals of these records computed afresh: the fill, the rebuild and the tests' reference. */
export function totalsOf(records: { [T in TotalsTable]: Iterable<TotalsSource> }): Map<string, BriefingTotals> {
  const totals = new TotalsBuilder();
  for (const table of TOTALS_TABLES) for (const row of records[table]) totals.add(contributionOf(table, row));
  return totals.rows();
}

/**
 * Totals computed afresh, a record at a time (the fill reads the tables in pieces). Speaker counts stay
 * counts until `rows()` writes each row's text once.
 */
export class TotalsBuilder {
  private readonly totals = new Map<string, BriefingTotals>();
  private readonly speakers = new Map<string, Record<string, number>>();

  add(c: Contribution | undefined): void {
    if (!c) return;
    let t = this.totals.get(c.id);
    if (!t) this.totals.set(c.id, (t = emptyTotals(c.id)));
    const speaker = c.statement?.speakerId;
    if (speaker === undefined || speaker === null) return applyContributions(t, [[c, 1]]);
    t.statements += 1;
    let counts = this.speakers.get(c.id);
    if (!counts) this.speakers.set(c.id, (counts = {}));
    counts[speaker] = (counts[speaker] ?? 0) + 1;
  }

  rows(): Map<string, BriefingTotals> {
    for (const [id, counts] of this.speakers) this.totals.get(id)!.speakers = speakersText(counts);
    this.speakers.clear();
    return this.totals;
  }
}
