/**
 * Reading and writing briefings for the list and the editor. Writes go through the Workspace (validated,
 * stamped); this module adds what the screens need on top: the newest-first list, per-briefing counts,
 * the defaults of a new briefing, and settings with their fallback.
 */
import Dexie from 'dexie';
import { nowLocalDateTime } from '../core/dates';
import type { Briefing, BriefingFields, SettingsFields } from '../core/model';
import type { AttacheDb } from './db';
import { builtByThisRule, TOTALS_MARK } from './briefing-totals';
import { V2_FIELDS } from '../core/upgrade';
import { readObservingRange } from './unobserved';

/**
 * Ids of the live briefings, newest first, straight off the [deleted+startsAt] index. The list reads
 * only keys up front (10,000 briefings in a few milliseconds) and fetches whole records for the rows
 * in view, so a large workspace opens as fast as a small one.
 */
export async function listBriefingIds(db: AttacheDb): Promise<string[]> {
  // In a live query (the list screen) each id read would be noted by Dexie (data/unobserved.ts): the list
  // depends on the index range alone.
  return readObservingRange(liveBriefingsByDate(db), () => idsByYear(db));
}

/**
 * The live briefings' ids newest first, read a year at a time: one request per year, made at once in one
 * transaction, each handed over in a task of its own. One read of every id was the longest task of a cold
 * start at 100,000 briefings (190 ms turning its answer into strings on the UI thread, docs/benchmarks.md);
 * ten years are ten short tasks. A date that does not begin with a year (not one the app writes) falls in
 * the oldest or the newest year's read, by where it sorts.
 */
function idsByYear(db: AttacheDb): Promise<string[]> {
  return db.transaction('r', db.briefings, async () => {
    // A collection each: Dexie's first(), last() and reverse() change the one they are called on.
    const [oldest, newest] = await Promise.all([liveBriefingsByDate(db).first(), liveBriefingsByDate(db).last()]);
    const year = (b: Briefing | undefined) => (b && /^\d{4}/.test(b.startsAt) ? Number(b.startsAt.slice(0, 4)) : NaN);
    const from = year(oldest);
    const to = year(newest);
    if (!(from <= to && to - from <= 1_000)) return liveBriefingsByDate(db).reverse().primaryKeys();
    const years: Promise<string[]>[] = [];
    for (let y = to; y >= from; y--) {
      const lower = y === from ? Dexie.minKey : String(y).padStart(4, '0');
      const upper = y === to ? Dexie.maxKey : String(y + 1).padStart(4, '0');
      years.push(db.briefings.where('[deleted+startsAt]').between([0, lower], [0, upper], true, y === to).reverse().primaryKeys());
    }
    return (await Promise.all(years)).flat();
  });
}

/** The live briefings as a range of the [deleted+startsAt] index, oldest first: to list, or to count without reading records. */
export function liveBriefingsByDate(db: AttacheDb) {
  return db.briefings.where('[deleted+startsAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]);
}

/** Whole records for some briefings (the rows in view), by id. */
export async function briefingsByIds(db: AttacheDb, ids: readonly string[]): Promise<Map<string, Briefing>> {
  const rows = await db.briefings.bulkGet([...ids]);
  const out = new Map<string, Briefing>();
  for (const b of rows) if (b) out.set(b.id, b);
  return out;
}

/** Live briefings, newest first (whole records: for small workspaces and tests). */
export async function listBriefings(db: AttacheDb): Promise<Briefing[]> {
  return liveBriefingsByDate(db).reverse().toArray();
}

export interface BriefingCounts {
  statements: number;
  actions: number;
}

/** Live statements and follow-ups of some briefings (the rows in view, not all 10,000). */
export function countsFor(db: AttacheDb, ids: readonly string[]): Promise<Map<string, BriefingCounts>> {
  if (ids.length === 0) return Promise.resolve(new Map<string, BriefingCounts>());
  return db.transaction('r', [db.meta, db.briefingTotals, db.statements, db.actions], async () =>
    builtByThisRule(await db.meta.get(TOTALS_MARK)) ? countsFromTotals(db, ids) : countsFromTables(db, ids),
  );
}

/**
 * From the per-briefing totals the data layer keeps (data/briefing-totals.ts): one read of a row per
 * briefing, where counting from the tables walks every statement and follow-up of each row in view (about
 * sixty cursors for a screenful, the largest part of the list's first paint).
 */
async function countsFromTotals(db: AttacheDb, ids: readonly string[]): Promise<Map<string, BriefingCounts>> {
  const rows = await db.briefingTotals.bulkGet([...ids]);
  return new Map(ids.map((id, i) => [id, { statements: rows[i]?.statements ?? 0, actions: rows[i]?.actions ?? 0 }]));
}

/** From the tables themselves: while the totals are out of date (after a large import, until rebuilt). */
async function countsFromTables(db: AttacheDb, ids: readonly string[]): Promise<Map<string, BriefingCounts>> {
  const out = new Map<string, BriefingCounts>();
  await Promise.all(
    ids.map(async (id) => {
      const [statements, actions] = await Promise.all([
        db.statements
          .where('[briefingId+order]')
          .between([id, Dexie.minKey], [id, Dexie.maxKey])
          .filter((s) => s.deleted === 0)
          .count(),
        db.actions
          .where('briefingId')
          .equals(id)
          .filter((a) => a.deleted === 0)
          .count(),
      ]);
      out.set(id, { statements, actions });
    }),
  );
  return out;
}

/** What a new briefing starts with: now, a plain briefing, the workspace's default classification. */
export function newBriefingFields(settings: Pick<SettingsFields, 'defaultClassification'>, now: Date = new Date()): BriefingFields {
  return {
    title: '',
    startsAt: nowLocalDateTime(now),
    location: '',
    format: 'briefing',
    organiserIds: [],
    audience: '',
    classification: settings.defaultClassification,
    caveat: '',
    tags: [],
    summary: '',
    ...V2_FIELDS.briefings(),
  };
}

/** Every tag used on a briefing or statement, for suggestions. */
export async function allTags(db: AttacheDb): Promise<string[]> {
  const [b, s] = await Promise.all([db.briefings.orderBy('tags').uniqueKeys(), db.statements.orderBy('tags').uniqueKeys()]);
  return [...new Set([...b, ...s].map(String))].sort((x, y) => x.localeCompare(y));
}
