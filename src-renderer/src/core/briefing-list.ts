/**
 * The briefing list's filters, order and month groups (issue 13 point 8): by tag, organiser,
 * classification and date range; newest or oldest first, or by title; grouped by month with counts.
 * Pure rules over the fields a row carries; data/briefing-list.ts picks the index to read through.
 */
import { formatLongDate } from './dates';
import type { BriefingFields } from './model';
import { foldName } from './text';

export const LIST_SORTS = ['newest', 'oldest', 'title'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const LIST_SORT_LABELS: Record<ListSort, string> = { newest: 'Newest first', oldest: 'Oldest first', title: 'By title' };

export interface BriefingListFilter {
  /** A tag, compared as names are (case, accents and spacing aside). */
  tag?: string;
  /** An organiser's id. */
  organisationId?: string;
  /** A classification level's id. */
  classification?: string;
  /** First and last day, `YYYY-MM-DD`, both included. */
  from?: string;
  to?: string;
  sort: ListSort;
}

export const DEFAULT_LIST_FILTER: BriefingListFilter = { sort: 'newest' };

export type ListedBriefing = Pick<BriefingFields, 'title' | 'startsAt' | 'tags' | 'organiserIds' | 'classification'> & { id: string };

/** Does any filter (not the order) narrow the list? */
export function isNarrowed(f: BriefingListFilter): boolean {
  return !!(f.tag || f.organisationId || f.classification || f.from || f.to);
}

export function matchesListFilter(b: ListedBriefing, f: BriefingListFilter): boolean {
  if (f.tag) {
    const want = foldName(f.tag);
    if (!b.tags.some((t) => foldName(t) === want)) return false;
  }
  if (f.organisationId && !b.organiserIds.includes(f.organisationId)) return false;
  if (f.classification && b.classification !== f.classification) return false;
  const day = b.startsAt.slice(0, 10);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  return true;
}

const titleKey = (t: string) => foldName(t);

/** In the list's order; ties by start, then id (creation order), so the order never jumps. */
export function compareListed(sort: ListSort): (a: ListedBriefing, b: ListedBriefing) => number {
  const byDate = (a: ListedBriefing, b: ListedBriefing) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort === 'oldest') return byDate;
  if (sort === 'newest') return (a, b) => byDate(b, a);
  return (a, b) => {
    const ta = titleKey(a.title);
    const tb = titleKey(b.title);
    return ta < tb ? -1 : ta > tb ? 1 : byDate(b, a);
  };
}

export interface MonthGroup {
  /** `YYYY-MM` */
  month: string;
  /** "March 2015" */
  label: string;
  count: number;
}

/**
 * Consecutive runs of the same month, in the order given (a list by date is one run per month; by title,
 * months repeat and are not grouped: undefined).
 */
export function monthGroups(rows: readonly Pick<ListedBriefing, 'startsAt'>[], sort: ListSort): MonthGroup[] | undefined {
  if (sort === 'title') return undefined;
  const out: MonthGroup[] = [];
  for (const r of rows) {
    const month = r.startsAt.slice(0, 7);
    const last = out.at(-1);
    if (last?.month === month) last.count++;
    else out.push({ month, label: formatLongDate(month), count: 1 });
  }
  return out;
}

/** A filter from untrusted storage (sessionStorage, the address): anything unknown or malformed is dropped. */
export function parseListFilter(raw: unknown): BriefingListFilter {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_LIST_FILTER };
  const r = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() && v.length <= 300 ? v : undefined);
  const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const out: BriefingListFilter = { sort: (LIST_SORTS as readonly unknown[]).includes(r.sort) ? (r.sort as ListSort) : 'newest' };
  const tag = str(r.tag);
  const organisationId = str(r.organisationId);
  const classification = str(r.classification);
  const from = day(r.from);
  const to = day(r.to);
  if (tag) out.tag = tag;
  if (organisationId) out.organisationId = organisationId;
  if (classification) out.classification = classification;
  if (from) out.from = from;
  if (to) out.to = to;
  return out;
}
