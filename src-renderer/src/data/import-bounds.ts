/**
 * The import's clock rules and honest counting, for data/sync.ts: which records of a file are held back (dated
 * beyond the allowed drift, or from a copy of this installation), how the future ones are taken as this
 * installation's own edits when the user says so, which conflicts are news, and how far the mark of what was
 * received from a colleague may move. The rules themselves are in core/sync/clock-bounds.ts.
 */
import { lastIssued, heldBack, restampRecord, beyondDrift, type ClockBounds, type Held } from '../core/sync/clock-bounds';
import { conflictEntry, mergeRecord, type FieldConflict, type RecordMerge } from '../core/sync/merge';
import type { DecodedSyncFile, SyncHeader } from '../core/sync/format';
import { SYNCED_TABLES, stampedFields, type Conflict, type StoredRecord, type SyncedTable } from '../core/model';
import { sameValue } from '../core/records';
import { hlcJustBelow, type Hlc } from '../core/hlc';
import { readMaxDriftMs } from './clock-settings';
import type { AttacheDb } from './db';
import type { Workspace } from './workspace';

export interface ClockRefusal {
  count: number;
  /** The furthest clock of that kind in the file. */
  furthest: Hlc;
}

/** What the preview tells about held-back records beyond its capped list. */
export interface ClockRefusals {
  /** The allowed drift this import used (the installation's setting). */
  maxDriftMs: number;
  /** Records dated beyond the allowed drift ahead of this computer's clock. */
  future: ClockRefusal | null;
  /** Records carrying this installation's own node id with clocks it never issued: written by a copy of this profile. */
  ownNode: ClockRefusal | null;
}

/** The bounds for an import now: this computer's clock, the drift setting, this installation's node and newest clock. */
export async function clockBoundsOf(ws: Workspace): Promise<ClockBounds> {
  const clock = ws.snapshotClock();
  return { now: ws.nowMs(), maxDriftMs: await readMaxDriftMs(ws.db), ownNode: clock.node, lastIssued: lastIssued(clock) };
}

/** The local record to check own-node stamps against: none for the conflict log, whose stamps are the losers' clocks. */
const localFor = (table: SyncedTable, local: StoredRecord<SyncedTable> | undefined) => (table === 'conflicts' ? undefined : (local ?? null));

/** Why a record is held back (see core/sync/clock-bounds.ts), tallied into `refused` when given. */
export function heldBackOf(
  table: SyncedTable,
  record: StoredRecord<SyncedTable>,
  local: StoredRecord<SyncedTable> | undefined,
  bounds: ClockBounds,
  refused?: ClockRefusals,
): Held | undefined {
  const held = heldBack(record, bounds, localFor(table, local));
  if (held && refused) {
    const key = held.reason === 'future' ? 'future' : 'ownNode';
    const r = refused[key];
    refused[key] = { count: (r?.count ?? 0) + 1, furthest: r && r.furthest > held.clock ? r.furthest : held.clock };
  }
  return held;
}

/**
 * The merge of one record under the clock rules: undefined when it is held back (a copy's records always; future
 * ones unless `restampClock`, the stamp they are taken with as this installation's own edits).
 */
export function takeRecord(
  table: SyncedTable,
  local: StoredRecord<SyncedTable> | undefined,
  rec: StoredRecord<SyncedTable>,
  bounds: ClockBounds,
  restampClock: Hlc | undefined,
  logged?: readonly Conflict[],
): { m: RecordMerge<SyncedTable>; restamped: boolean } | undefined {
  const held = heldBack(rec, bounds, localFor(table, local));
  if (!held) return { m: mergeRecord(table, local, rec, logged), restamped: false };
  if (held.reason === 'own-node' || !restampClock) return undefined;
  return { m: restampRecord(table, local, rec, restampClock, bounds, logged), restamped: true };
}

const NOTHING_LOGGED: readonly Conflict[] = [];

/** The stored records these conflict log entries are about (one query per table), for `settleEntry`. */
export async function recordsAbout(db: AttacheDb, entries: readonly Conflict[]): Promise<(e: Conflict) => StoredRecord<SyncedTable> | undefined> {
  const byTable = new Map<SyncedTable, Set<string>>();
  for (const e of entries) {
    const ids = byTable.get(e.table);
    if (ids) ids.add(e.recordId);
    else byTable.set(e.table, new Set([e.recordId]));
  }
  const found = new Map<string, StoredRecord<SyncedTable>>();
  for (const [table, ids] of byTable) {
    const rows = await db.table<StoredRecord<SyncedTable>, string>(table).bulkGet([...ids]);
    for (const r of rows) if (r) found.set(`${table}\u0000${r.id}`, r);
  }
  return (e) => found.get(`${e.table}\u0000${e.recordId}`);
}

/**
 * The conflict log's entries about these records, by record id (the merge closes the ones a newer version makes moot
 * and logs no loss they already cover). One indexed query per chunk, none for the log itself or a new record.
 */
export async function loggedFor(db: AttacheDb, table: SyncedTable, ids: readonly string[]): Promise<(id: string) => readonly Conflict[]> {
  if (table === 'conflicts' || !ids.length) return () => NOTHING_LOGGED;
  const entries = await db.conflicts.where('recordId').anyOf(ids as string[]).toArray();
  if (!entries.length) return () => NOTHING_LOGGED;
  const byRecord = new Map<string, Conflict[]>();
  for (const e of entries) {
    if (e.table !== table) continue;
    const list = byRecord.get(e.recordId);
    if (list) list.push(e);
    else byRecord.set(e.recordId, [e]);
  }
  return (id) => byRecord.get(id) ?? NOTHING_LOGGED;
}

/**
 * The stamp that records dated beyond the drift are taken with, or undefined when the file has none. Folds every
 * clock of the file within bounds into this installation's clock first, so the stamp is later than every value it
 * may replace; the far clocks themselves are never folded in. Inside the import's transaction.
 */
export async function restampClockFor(ws: Workspace, file: DecodedSyncFile, bounds: ClockBounds): Promise<Hlc | undefined> {
  let future = false;
  let sane = '';
  for (const t of SYNCED_TABLES) {
    for (const rec of file.data[t] as StoredRecord<SyncedTable>[]) {
      const held = heldBack(rec, bounds);
      if (held?.reason === 'own-node') continue;
      if (held) future = true;
      for (const s of Object.values(rec.stamps)) if (!beyondDrift(s.c, bounds.now, bounds.maxDriftMs) && s.c > sane) sane = s.c;
    }
  }
  if (!future) return undefined;
  if (sane) await ws.observe(sane, bounds.maxDriftMs);
  return ws.stamp();
}

/** The conflicts of these merges that are not in the conflict log yet. */
export async function shownConflicts(db: AttacheDb, merges: readonly (RecordMerge<SyncedTable> | null | undefined)[]): Promise<Set<FieldConflict>> {
  const all = merges.flatMap((m) => m?.conflicts ?? []);
  if (!all.length) return new Set();
  const existing = await db.conflicts.bulkGet(all.map((c) => conflictEntry(c).id));
  return new Set(all.filter((_, k) => !existing[k]));
}

/** Whether a merge changes any value of the record (not only stamps: a value both sides wrote alike is no news). */
export function valuesChanged(table: SyncedTable, local: StoredRecord<SyncedTable> | undefined, result: StoredRecord<SyncedTable>): boolean {
  if (!local) return true;
  const l = local as unknown as Record<string, unknown>;
  const r = result as unknown as Record<string, unknown>;
  return stampedFields(table).some((f) => !sameValue(l[f], r[f]));
}

/**
 * The new "received up to" mark for the sender: the newest clock taken from the file, but never at or past the
 * oldest record held back (so that it is not taken for received), and never lowered.
 */
export function receivedMark(old: Hlc | '', maxTaken: Hlc | '', minHeld: Hlc | ''): Hlc | '' {
  let mark = maxTaken;
  if (minHeld && mark && mark >= minHeld) mark = hlcJustBelow(minHeld);
  return mark > old ? mark : old;
}

/** A "changes" file that starts after edits of its sender that were never taken here. */
export interface ReceiveGap {
  /** The sender's mark the file starts from. */
  since: Hlc;
  /** The newest of the sender's clocks taken here ('' for none). */
  receivedUpTo: Hlc | '';
}

/**
 * Whether a "changes" file starts after edits of its sender that were never taken here — refused (a future date,
 * a rule) or in a file that never arrived: the sender moved its mark past them, so only a file with everything
 * brings them. Null when nothing is missing.
 */
export async function receiveGap(db: AttacheDb, header: SyncHeader): Promise<ReceiveGap | null> {
  const scope = header.scope;
  if (scope.kind !== 'since' || !scope.since) return null;
  const upTo = (await db.peers.get(header.installation.id))?.lastReceivedHlc ?? '';
  return scope.since > upTo ? { since: scope.since, receivedUpTo: upTo } : null;
}
