/**
 * The conflict log as the screen shows it: each losing edit beside the record it belongs to and the
 * value that was kept. Read inside a live query so that restoring a value shows up at once.
 */
import type { Hlc } from '../../core/hlc';
import type { Conflict, SyncedTable } from '../../core/model';
import type { AttacheDb } from '../../data/db';
import type { Route } from '../app/router.svelte';
import { recordLabel } from '../../core/sync/labels';
import { tableLabel } from './describe';

export interface ConflictRow {
  conflict: Conflict;
  label: string;
  /** The value the record holds now (the one that won, or the restored one). */
  current: unknown;
  currentClock: Hlc | undefined;
  recordGone: boolean;
  route: Route | undefined;
}

export interface ConflictLogView {
  open: ConflictRow[];
  openTotal: number;
  reviewed: ConflictRow[];
}

const SHOWN = 200;
const REVIEWED_SHOWN = 20;

function routeOf(table: SyncedTable, record: Record<string, unknown> | undefined, id: string): Route | undefined {
  switch (table) {
    case 'briefings':
      return { screen: 'briefing', id };
    case 'statements':
      return typeof record?.briefingId === 'string' ? { screen: 'briefing', id: record.briefingId, focus: id } : undefined;
    case 'actions':
      return { screen: 'followups', focus: id };
    case 'people':
    case 'organisations':
      return { screen: 'people', focus: id };
    case 'settings':
      return { screen: 'settings' };
    case 'packs':
      return { screen: 'packs' };
    default:
      return undefined;
  }
}

async function rowOf(db: AttacheDb, c: Conflict): Promise<ConflictRow> {
  const record = (await db.table(c.table).get(c.recordId)) as (Record<string, unknown> & { deleted: number; stamps: Record<string, { c: Hlc }> }) | undefined;
  return {
    conflict: c,
    label: record ? recordLabel(c.table, record as never) || `${tableLabel(c.table)} ${c.recordId.slice(-8)}` : `${tableLabel(c.table)} ${c.recordId.slice(-8)}`,
    current: record?.[c.field],
    currentClock: record?.stamps?.[c.field]?.c,
    recordGone: !record || record.deleted === 1,
    route: record ? routeOf(c.table, record, c.recordId) : undefined,
  };
}

export async function readConflictLog(db: AttacheDb): Promise<ConflictLogView> {
  const entries = await db.conflicts.where('resolution').equals('').filter((c) => c.deleted === 0).toArray();
  entries.sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0));
  // Newest first off the hlc index; resolved entries are few enough to filter.
  const reviewedEntries: Conflict[] = [];
  await db.conflicts
    .orderBy('hlc')
    .reverse()
    .until(() => reviewedEntries.length >= REVIEWED_SHOWN)
    .each((c) => {
      if (c.deleted === 0 && c.resolution !== '') reviewedEntries.push(c);
    });
  const [open, reviewed] = await Promise.all([
    Promise.all(entries.slice(0, SHOWN).map((c) => rowOf(db, c))),
    Promise.all(reviewedEntries.map((c) => rowOf(db, c))),
  ]);
  return { open, openTotal: entries.length, reviewed };
}
