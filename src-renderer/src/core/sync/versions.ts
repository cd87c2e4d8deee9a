/**
 * Versions of the sync file format and what each changed (docs/sync-format.md §Versions). A file of an older
 * version is read by upgrading what it holds to the current shape before validation; a newer one is refused.
 *
 * 1 — the first format.
 * 2 — attendees, attendee groups and a comment on briefings; parents and merges of organisations; other
 *     spellings and merges of people; the event a later briefing kept; the `decision` statement kind;
 *     partial dates (a month or a year) for follow-ups; a short form and a colour per classification level;
 *     the `templates` table.
 */
import type { SyncedTable } from '../model';
import { addMissingFields } from '../upgrade';

export const FORMAT_VERSION = 2;

/** The tables each version added: a file of an older version has no count for them. */
const TABLES_SINCE: Partial<Record<SyncedTable, number>> = { templates: 2 };

/** Whether a file of `version` can hold records of `table`. */
export function tableExistsIn(table: SyncedTable, version: number): boolean {
  return (TABLES_SINCE[table] ?? 1) <= version;
}

/** An older header's counts, completed with 0 for the tables its version did not have (in place). */
export function upgradeCounts(counts: unknown, version: number): void {
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) return;
  const c = counts as Record<string, unknown>;
  for (const [table, since] of Object.entries(TABLES_SINCE)) if (since > version && !Object.hasOwn(c, table)) c[table] = 0;
}

/**
 * An older file's record, given the fields its version did not have (in place, before validation). Only the
 * record's own plain objects are touched; anything malformed is left for validation to refuse.
 */
export function upgradeRawRecord(table: SyncedTable, raw: unknown, version: number): void {
  if (version >= FORMAT_VERSION) return;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
  const r = raw as Record<string, unknown>;
  const stamps = r.stamps;
  if (typeof stamps !== 'object' || stamps === null || Array.isArray(stamps)) return;
  addMissingFields(table, r, stamps as Record<string, unknown>);
}
