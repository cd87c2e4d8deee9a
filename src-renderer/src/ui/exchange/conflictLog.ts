/**
 * The conflict log as the screen shows it: each losing edit beside the record it belongs to, the value
 * that was kept and where to open the record. Read inside a live query so that restoring a value shows
 * up at once; the entries come from data/conflicts.ts.
 */
import type { Hlc } from '../../core/hlc';
import type { Conflict, SyncedTable } from '../../core/model';
import { readConflictEntries, type ConflictEntry } from '../../data/conflicts';
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

function rowOf({ conflict: c, record: stored }: ConflictEntry): ConflictRow {
  const record = stored as (Record<string, unknown> & { deleted: number; stamps: Record<string, { c: Hlc }> }) | undefined;
  const fallback = `${tableLabel(c.table)} ${c.recordId.slice(-8)}`;
  return {
    conflict: c,
    label: stored ? recordLabel(c.table, stored) || fallback : fallback,
    current: record?.[c.field],
    currentClock: record?.stamps?.[c.field]?.c,
    // A deletion's own entry ("not deleted" lost to "deleted") is reversed by restoring the record: not gone for that.
    recordGone: !record || (record.deleted === 1 && c.field !== 'deleted'),
    route: record ? routeOf(c.table, record, c.recordId) : undefined,
  };
}

export async function readConflictLog(db: AttacheDb): Promise<ConflictLogView> {
  const { open, openTotal, reviewed } = await readConflictEntries(db, { open: SHOWN, reviewed: REVIEWED_SHOWN });
  return { open: open.map(rowOf), openTotal, reviewed: reviewed.map(rowOf) };
}
