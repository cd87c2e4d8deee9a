/**
 * One database per classification ceiling: a client pushes only records at or below the database's
 * ceiling. A briefing is judged by its own level; its statements and follow-ups by their briefing's (a
 * statement of a SECRET briefing is SECRET); a conflict log entry by the record it is about (its value may be
 * that record's text). People, organisations, settings, templates and pack definitions carry no level.
 * A record whose briefing is not in the workspace is pushed: nothing here says it is classified.
 */
import { withinCeiling } from '../classification';
import type { ClassificationLevel, StoredRecord, SyncedTable } from '../model';

/** What the filter needs to know about the workspace, read by the store for one batch. */
export interface CeilingLookup {
  levels: readonly ClassificationLevel[];
  /** briefing id → its classification level id */
  briefings: ReadonlyMap<string, string>;
  /** statement id → its briefing id */
  statements: ReadonlyMap<string, string>;
  /** follow-up id → its briefing id (or that of its statement), null when it has none */
  actions: ReadonlyMap<string, string | null>;
}

/** Ids the lookup must hold for these records (by table), so a store reads them in one go. */
export function ceilingNeeds(rows: readonly { table: SyncedTable; record: StoredRecord<SyncedTable> }[]): { briefings: Set<string>; statements: Set<string>; actions: Set<string> } {
  const need = { briefings: new Set<string>(), statements: new Set<string>(), actions: new Set<string>() };
  for (const { table, record } of rows) {
    const r = record as unknown as Record<string, unknown>;
    if (table === 'briefings') need.briefings.add(record.id);
    else if (table === 'statements') need.briefings.add(r.briefingId as string);
    else if (table === 'actions') {
      if (typeof r.briefingId === 'string') need.briefings.add(r.briefingId);
      else if (typeof r.statementId === 'string') need.statements.add(r.statementId);
    } else if (table === 'conflicts') {
      const about = r.table as SyncedTable;
      const id = r.recordId as string;
      if (about === 'briefings') need.briefings.add(id);
      else if (about === 'statements') need.statements.add(id);
      else if (about === 'actions') need.actions.add(id);
    }
  }
  return need;
}

function briefingAllowed(lookup: CeilingLookup, ceiling: string, briefingId: string | null | undefined): boolean {
  if (!briefingId) return true;
  const level = lookup.briefings.get(briefingId);
  return level === undefined || withinCeiling(lookup.levels, level, ceiling);
}

/** Whether a record may go to a database with this ceiling (null: no ceiling, everything goes). */
export function withinDatabaseCeiling(table: SyncedTable, record: StoredRecord<SyncedTable>, ceiling: string | null, lookup: CeilingLookup): boolean {
  if (ceiling === null) return true;
  const r = record as unknown as Record<string, unknown>;
  switch (table) {
    case 'briefings':
      return withinCeiling(lookup.levels, r.classification as string, ceiling);
    case 'statements':
      return briefingAllowed(lookup, ceiling, r.briefingId as string);
    case 'actions':
      return briefingAllowed(lookup, ceiling, typeof r.briefingId === 'string' ? r.briefingId : typeof r.statementId === 'string' ? lookup.statements.get(r.statementId) : null);
    case 'conflicts': {
      const id = r.recordId as string;
      if (r.table === 'briefings') return briefingAllowed(lookup, ceiling, id);
      if (r.table === 'statements') return briefingAllowed(lookup, ceiling, lookup.statements.get(id));
      if (r.table === 'actions') return briefingAllowed(lookup, ceiling, lookup.actions.get(id));
      return true;
    }
    default:
      return true;
  }
}
