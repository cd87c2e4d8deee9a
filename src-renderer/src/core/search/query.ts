/**
 * The search box's language: free words plus optional `key:value` filters, so that everything the filter
 * controls can do can also be typed (and pasted, and kept in history). Values may be quoted:
 *   heroin tag:drugs speaker:"Nazar" org:UNODC from:2015-01-01 to:2015-12-31 type:statement
 */
import { isValidDate } from '../dates';
import { translate, type Locale } from '../i18n';
import { STATEMENT_KINDS, type StatementKind } from '../model';

export const RESULT_TYPES = ['briefing', 'statement', 'person', 'organisation', 'action'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

export interface SearchFilters {
  /** A tag, compared folded and whole. */
  tag?: string;
  /** Words of a speaker's name (each a prefix of a word of the name). */
  speaker?: string;
  /** An organisation's acronym, or words of its name. */
  organisation?: string;
  /** Briefing date range, inclusive, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  /** Only these result types. */
  types?: ResultType[];
  /** Only statements of these kinds (e.g. decisions), and the follow-ups made from them. */
  kinds?: StatementKind[];
}

export interface ParsedQuery {
  /** The free words, as typed (folded later by the engine). */
  text: string;
  filters: SearchFilters;
  /** Human messages for filters that could not be understood; the rest of the query still runs. */
  problems: string[];
}

const KEYS: Record<string, keyof SearchFilters> = {
  tag: 'tag',
  speaker: 'speaker',
  by: 'speaker',
  org: 'organisation',
  organisation: 'organisation',
  organization: 'organisation',
  from: 'from',
  after: 'from',
  to: 'to',
  before: 'to',
  until: 'to',
  type: 'types',
  in: 'types',
  kind: 'kinds',
};

const TYPE_WORDS: Record<string, ResultType> = {
  briefing: 'briefing',
  briefings: 'briefing',
  statement: 'statement',
  statements: 'statement',
  person: 'person',
  people: 'person',
  organisation: 'organisation',
  organisations: 'organisation',
  organization: 'organisation',
  org: 'organisation',
  action: 'action',
  actions: 'action',
  followup: 'action',
  followups: 'action',
  'follow-up': 'action',
  'follow-ups': 'action',
};

const PART_RE = /(\p{L}+):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+)/gu;

/**
 * Split typed text into free words and filters. Unknown `key:` prefixes stay free text (e.g. "10:30").
 * `locale` is the language of the problems (the filter words themselves are English in every language).
 */
export function parseQuery(input: string, locale: Locale = 'en'): ParsedQuery {
  const words: string[] = [];
  const filters: SearchFilters = {};
  const problems: string[] = [];
  for (const m of input.matchAll(PART_RE)) {
    const [whole, key, quoted, bare, phrase, word] = m;
    const filterKey = key ? KEYS[key.toLowerCase()] : undefined;
    if (key && filterKey) {
      const value = (quoted ?? bare ?? '').trim();
      if (!value) continue;
      applyFilter(filters, filterKey, value, problems, locale);
    } else if (phrase !== undefined) {
      words.push(phrase);
    } else {
      words.push(word ?? whole);
    }
  }
  return { text: words.join(' ').trim(), filters, problems };
}

function applyFilter(filters: SearchFilters, key: keyof SearchFilters, value: string, problems: string[], locale: Locale): void {
  if (key === 'kinds') {
    // "decision" or "decisions", several as kind:decision,request.
    const words = value.split(',').map((v) => v.trim().toLowerCase().replace(/s$/, ''));
    const kinds = words.filter((w): w is StatementKind => (STATEMENT_KINDS as readonly string[]).includes(w));
    if (kinds.length) filters.kinds = [...new Set([...(filters.kinds ?? []), ...kinds])];
    else problems.push(translate(locale, 'search.problem.kind', { value, kinds: STATEMENT_KINDS.join(', ') }));
    return;
  }
  if (key === 'types') {
    const types = value
      .split(',')
      .map((v) => TYPE_WORDS[v.trim().toLowerCase()])
      .filter((t): t is ResultType => !!t);
    if (types.length) filters.types = [...new Set([...(filters.types ?? []), ...types])];
    else problems.push(translate(locale, 'search.problem.type', { value }));
    return;
  }
  if (key === 'from' || key === 'to') {
    const date = completeDate(value, key);
    if (date) filters[key] = date;
    else problems.push(translate(locale, 'search.problem.date', { value }));
    return;
  }
  filters[key] = value;
}

/** Accept a year or a month for convenience: from:2015 means 2015-01-01, to:2015-03 means 2015-03-31. */
export function completeDate(value: string, side: 'from' | 'to'): string | undefined {
  if (/^\d{4}$/.test(value)) return side === 'from' ? `${value}-01-01` : `${value}-12-31`;
  if (/^\d{4}-\d{2}$/.test(value)) {
    if (!isValidDate(`${value}-01`)) return undefined;
    if (side === 'from') return `${value}-01`;
    const [y, m] = value.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${value}-${String(last).padStart(2, '0')}`;
  }
  return isValidDate(value) ? value : undefined;
}

/** Combine what was typed with what the filter controls say; controls win where both are set. */
export function mergeQuery(typed: string, controls: SearchFilters, locale: Locale = 'en'): ParsedQuery {
  const parsed = parseQuery(typed, locale);
  const filters: SearchFilters = { ...parsed.filters };
  for (const [k, v] of Object.entries(controls) as [keyof SearchFilters, SearchFilters[keyof SearchFilters]][]) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    (filters as Record<string, unknown>)[k] = v;
  }
  const problems = [...parsed.problems];
  if (filters.from && filters.to && filters.from > filters.to) problems.push(translate(locale, 'search.problem.fromAfterTo'));
  return { text: parsed.text, filters, problems };
}

export function hasFilters(f: SearchFilters): boolean {
  return !!(f.tag || f.speaker || f.organisation || f.from || f.to || f.types?.length || f.kinds?.length);
}
