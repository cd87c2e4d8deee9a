/**
 * The briefing list filtered and ordered (core/briefing-list.ts), read through the most selective index
 * the filter allows: a tag (*tags, every spelling that folds to it), an organiser (*organiserIds), a
 * classification, or the date range ([deleted+startsAt]). Only the list by date with at most a date range
 * is read as keys alone; otherwise the matching records are read, projected to the fields the rules need.
 */
import Dexie from 'dexie';
import { compareListed, matchesListFilter, monthGroups, type BriefingListFilter, type ListedBriefing, type MonthGroup } from '../core/briefing-list';
import type { Briefing } from '../core/model';
import { foldName } from '../core/text';
import type { AttacheDb } from './db';
import { readObservingRange } from './unobserved';

export interface ListedIds {
  /** Ids in the list's order. */
  ids: string[];
  /** Month runs with their counts (undefined when sorted by title). */
  months?: MonthGroup[];
}

const listed = (b: Briefing): ListedBriefing => ({ id: b.id, title: b.title, startsAt: b.startsAt, tags: b.tags, organiserIds: b.organiserIds, classification: b.classification });

/** The date range as [deleted+startsAt] bounds (`startsAt` is `YYYY-MM-DDTHH:mm`; `to` is a whole day). */
function byDate(db: AttacheDb, f: BriefingListFilter) {
  return db.briefings.where('[deleted+startsAt]').between([0, f.from ?? Dexie.minKey], [0, f.to ? `${f.to}T99` : Dexie.maxKey], true, true);
}

export async function listBriefingsFiltered(db: AttacheDb, f: BriefingListFilter): Promise<ListedIds> {
  const keysOnly = !f.tag && !f.organisationId && !f.classification && f.sort !== 'title';
  if (keysOnly) {
    const range = f.sort === 'newest' ? byDate(db, f).reverse() : byDate(db, f);
    // Ids and start times straight off the index: the month groups need only the start of each. Read outside the
    // live query, which observes the range (data/unobserved.ts).
    const ids: string[] = [];
    const starts: { startsAt: string }[] = [];
    await readObservingRange(byDate(db, f), () =>
      range.eachKey((key, cursor) => {
        ids.push(cursor.primaryKey);
        starts.push({ startsAt: (key as [number, string])[1] });
      }),
    );
    return { ids, months: monthGroups(starts, f.sort) };
  }
  let rows: Briefing[];
  if (f.tag) {
    const want = foldName(f.tag);
    const spellings = (await db.briefings.orderBy('tags').uniqueKeys()).filter((t): t is string => typeof t === 'string' && foldName(t) === want);
    rows = spellings.length ? await db.briefings.where('tags').anyOf(spellings).distinct().toArray() : [];
  } else if (f.organisationId) rows = await db.briefings.where('organiserIds').equals(f.organisationId).toArray();
  else if (f.classification) rows = await db.briefings.where('classification').equals(f.classification).toArray();
  else rows = await byDate(db, f).toArray();
  const kept = rows.filter((b) => b.deleted === 0).map(listed).filter((b) => matchesListFilter(b, f)).sort(compareListed(f.sort));
  return { ids: kept.map((b) => b.id), months: monthGroups(kept, f.sort) };
}

/** The tags used on briefings, each spelling once, sorted (off the *tags index, no records read). */
export async function briefingTagChoices(db: AttacheDb): Promise<string[]> {
  const keys = await db.briefings.orderBy('tags').uniqueKeys();
  return keys.filter((k): k is string => typeof k === 'string').sort((a, b) => a.localeCompare(b));
}
