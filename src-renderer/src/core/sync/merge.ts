/**
 * The merge: one pure function used by the app's import, the CLI's `sync merge` and the tests.
 *
 * Per field, the newer stamp wins (HLC strings compare in clock order and end in the node id, so ties
 * between installations cannot happen; equal stamps with different values only come from forged files
 * and are broken by comparing the values' JSON). The losing value goes to the conflict log unless it is
 * equal to the winner or was knowingly replaced (see `knowinglyReplaced`). Deletions are the `deleted`
 * field, so they merge like any edit.
 */
import { HLC_ZERO, MAX_DRIFT_MS, hlcNode, hlcWall, type Hlc } from '../hlc';
import { SYNCED_TABLES, stampedFields, type Conflict, type FieldStamp, type StoredRecord, type SyncedTable, type WorkspaceData } from '../model';
import { maxClock, sameValue } from '../records';
import { restampRecord, nextClockAfter } from './clock-bounds';
import { editsHiddenByDelete } from './deletes';
import { deterministicId } from './digest';
import { isFarFuture } from './guards';

/** A value that lost, with the record it belongs to. */
export interface FieldConflict {
  table: SyncedTable;
  recordId: string;
  field: string;
  winner: { value: unknown; stamp: FieldStamp };
  loser: { value: unknown; stamp: FieldStamp };
  /** Which side kept its value. */
  winnerSide: 'local' | 'incoming';
}

export interface RecordMerge<T extends SyncedTable> {
  /** The record to store, or undefined when the local record stays exactly as it is. */
  result: StoredRecord<T> | undefined;
  /** There was no local record. */
  added: boolean;
  /** Live before, deleted after. */
  deletedNow: boolean;
  /** Deleted before, live after. */
  restoredNow: boolean;
  /** Losing values that go to the conflict log. */
  conflicts: FieldConflict[];
  /** Open conflict log entries this merge made moot, closed (marked reviewed; see `supersedes` and `closedEntry`). */
  closed: Conflict[];
}

/** The conflict log's id for a losing value: the same on every installation, so logs converge. */
export function conflictId(table: SyncedTable, recordId: string, field: string, loserClock: Hlc): string {
  return deterministicId(`${table}\u0000${recordId}\u0000${field}\u0000${loserClock}`, hlcWall(loserClock));
}

/**
 * The winner's history shows that the loser was replaced on purpose, not concurrently:
 * - its `p` is the loser's clock (the installation that wrote the winner had the loser and overwrote it);
 * - the winner comes from the installation that wrote the loser (an installation's edits are sequential);
 * - its `p` is a later clock from the loser's installation (which itself had replaced the loser);
 * - the loser is an upgrade default at HLC_ZERO.
 */
export function knowinglyReplaced(winner: FieldStamp, loser: FieldStamp): boolean {
  // HLC_ZERO stamps a default an older version's record was given (core/upgrade.ts): no one's value.
  if (winner.p === loser.c || loser.c === HLC_ZERO) return true;
  const node = hlcNode(loser.c);
  if (winner.c > loser.c && hlcNode(winner.c) === node) return true;
  return winner.p !== undefined && winner.p > loser.c && hlcNode(winner.p) === node;
}

/** -1: local wins, 1: incoming wins, 0: identical. */
function compareField(lv: unknown, ls: FieldStamp, iv: unknown, is: FieldStamp): -1 | 0 | 1 {
  if (is.c > ls.c) return 1;
  if (is.c < ls.c) return -1;
  if (sameValue(lv, iv)) return 0;
  return JSON.stringify(iv) > JSON.stringify(lv) ? 1 : -1;
}

/** One shared empty list for the (common) merges that log nothing new: an import into an empty table allocates less. */
const NO_CONFLICTS = Object.freeze([]) as unknown as FieldConflict[];
const NO_ENTRIES = Object.freeze([]) as unknown as Conflict[];

/**
 * Whether a version of a field (a value with its stamp) makes a logged loss moot: it carries the same value with a
 * newer clock, so the value lives on (it is the current one, or logged with that newer clock). Only equal values
 * count: "newer and equal" is transitive, so the entries it closes and the losses it keeps out of the log are the
 * same whatever the order in which the versions arrive (docs/sync-format.md §6).
 */
export function supersedes(value: unknown, stamp: FieldStamp, entry: Pick<Conflict, 'value' | 'clock'>): boolean {
  return stamp.c > entry.clock && sameValue(value, entry.value);
}

/**
 * The conflict log entry closed because a newer version made it moot (see `supersedes`): marked reviewed
 * ('dismissed', the value it names needs nothing more), stamped with that version's clock and `p` naming the
 * entry's own stamp, so the closing wins over the open entry on every installation without being taken for a
 * conflict itself, and a reversal or dismissal made later by a user still wins over it.
 */
export function closedEntry(entry: Conflict, by: Hlc): Conflict {
  const stamp = { c: by, p: entry.stamps.resolution!.c };
  return { ...entry, resolution: 'dismissed', hlc: by > entry.hlc ? by : entry.hlc, stamps: { ...entry.stamps, resolution: stamp } };
}

/**
 * Merge an incoming record (already validated) into the local one, field by field. Pure.
 *
 * `logged`: the conflict log's entries about this record (any state). The log follows one rule, whatever the
 * order in which files arrive (docs/sync-format.md §6): a losing value is logged unless it equals the winner, was
 * knowingly replaced by it, or a logged entry of the same field already holds that value with a newer clock; and an
 * open entry that a version met here makes moot (the same value, newer: `supersedes`) is closed (`closed`).
 */
export function mergeRecord<T extends SyncedTable>(table: T, local: StoredRecord<T> | undefined, incoming: StoredRecord<T>, logged: readonly Conflict[] = NO_ENTRIES): RecordMerge<T> {
  if (!local) return { result: incoming, added: true, deletedNow: false, restoredNow: false, conflicts: NO_CONFLICTS, closed: NO_ENTRIES };
  const l = local as unknown as Record<string, unknown> & StoredRecord<T>;
  const r = incoming as unknown as Record<string, unknown> & StoredRecord<T>;
  let next: (Record<string, unknown> & StoredRecord<T>) | undefined;
  const conflicts: FieldConflict[] = [];
  let closed: Conflict[] = NO_ENTRIES;
  for (const f of stampedFields(table)) {
    const ls = l.stamps[f]!;
    const is = r.stamps[f]!;
    const lv = l[f];
    const iv = r[f];
    const order = compareField(lv, ls, iv, is);
    if (order === 0) continue;
    for (const e of logged) {
      if (e.field !== f || e.deleted || e.resolution !== '') continue;
      const reviewed = e.stamps.resolution!.c;
      // Closed with the newer of the two versions that make it moot: the same clock wherever both were met.
      const byIncoming = supersedes(iv, is, e) && is.c > reviewed;
      const byLocal = supersedes(lv, ls, e) && ls.c > reviewed;
      if (!byIncoming && !byLocal) continue;
      if (closed === NO_ENTRIES) closed = [];
      closed.push(closedEntry(e, byIncoming && (!byLocal || is.c > ls.c) ? is.c : ls.c));
    }
    const same = sameValue(lv, iv);
    if (order === 1) {
      next ??= { ...l, stamps: { ...l.stamps } };
      next[f] = iv;
      next.stamps[f] = is;
      if (!same && !knowinglyReplaced(is, ls) && !mootLoss(logged, f, lv, ls)) {
        conflicts.push({ table, recordId: l.id, field: f, winner: { value: iv, stamp: is }, loser: { value: lv, stamp: ls }, winnerSide: 'incoming' });
      }
    } else if (!same && !knowinglyReplaced(ls, is) && !mootLoss(logged, f, iv, is)) {
      conflicts.push({ table, recordId: l.id, field: f, winner: { value: lv, stamp: ls }, loser: { value: iv, stamp: is }, winnerSide: 'local' });
    }
  }
  if (!next) return { result: undefined, added: false, deletedNow: false, restoredNow: false, conflicts, closed };
  next.hlc = maxClock(next.stamps);
  const hidden = editsHiddenByDelete(table, local, incoming, next.deleted);
  if (hidden && !conflicts.some((c) => c.field === 'deleted') && !mootLoss(logged, 'deleted', hidden.loser.value, hidden.loser.stamp)) conflicts.push(hidden);
  return {
    result: next,
    added: false,
    deletedNow: l.deleted === 0 && next.deleted === 1,
    restoredNow: l.deleted === 1 && next.deleted === 0,
    conflicts,
    closed,
  };
}

/** A loss a logged entry of the same field already makes moot: the entry carries the same value with a newer clock. */
function mootLoss(logged: readonly Conflict[], field: string, value: unknown, stamp: FieldStamp): boolean {
  return logged.some((e) => e.field === field && !e.deleted && supersedes(e.value, { c: e.clock }, { value, clock: stamp.c }));
}

/**
 * A conflict log entry as it arrives from a file (or is kept), settled against the record it is about as stored
 * here: closed when the record's current value of that field makes it moot. The same entry meeting the same versions
 * in another order ends the same (an import closes entries the versions it meets make moot, see `mergeRecord`).
 */
export function settleEntry(entry: Conflict, record: StoredRecord<SyncedTable> | undefined): Conflict {
  if (!record || entry.deleted || entry.resolution !== '') return entry;
  const stamp = record.stamps[entry.field];
  if (!stamp || stamp.c <= entry.stamps.resolution!.c) return entry;
  return supersedes((record as unknown as Record<string, unknown>)[entry.field], stamp, entry) ? closedEntry(entry, stamp.c) : entry;
}

/**
 * The conflict log entry for a losing value. Its content, stamps included, depends only on the loser, so
 * every installation that sees the same loss writes the same record and the logs converge.
 */
export function conflictEntry(c: FieldConflict): Conflict {
  const clock = c.loser.stamp.c;
  const stamp = { c: clock };
  return {
    table: c.table,
    recordId: c.recordId,
    field: c.field,
    value: c.loser.value,
    clock,
    resolution: '',
    id: conflictId(c.table, c.recordId, c.field, clock),
    hlc: clock,
    stamps: { table: stamp, recordId: stamp, field: stamp, value: stamp, clock: stamp, resolution: stamp, deleted: stamp },
    deleted: 0,
  };
}

/** The newest clock of a record if it is further in the future than the drift allowance, else undefined. */
export function farFutureClock(record: { stamps: Record<string, FieldStamp> }, now: number): Hlc | undefined {
  const max = maxClock(record.stamps);
  return max && isFarFuture(max, now) ? max : undefined;
}

// ---------------------------------------------------------------- in-memory merge (CLI, tests)

export type RecordMaps = { [T in SyncedTable]: Map<string, StoredRecord<T>> };

export function toMaps(data: WorkspaceData): RecordMaps {
  const maps = {} as Record<SyncedTable, Map<string, StoredRecord<SyncedTable>>>;
  for (const t of SYNCED_TABLES) maps[t] = new Map((data[t] as StoredRecord<SyncedTable>[]).map((r) => [r.id, r]));
  return maps as unknown as RecordMaps;
}

/** Records sorted by id in every table: a deterministic order for files and comparisons. */
export function fromMaps(maps: RecordMaps): WorkspaceData {
  const data = {} as Record<SyncedTable, StoredRecord<SyncedTable>[]>;
  for (const t of SYNCED_TABLES) {
    data[t] = [...(maps[t] as Map<string, StoredRecord<SyncedTable>>).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return data as unknown as WorkspaceData;
}

/** What a merge in memory did that its callers (the CLI's merge and pack) report. */
export interface MergeReport {
  /** New entries written to the conflict log. */
  newConflictEntries: number;
  /** Records stamped more than a day ahead, left out unless `applyFutureEdits` or `restampAs`. */
  heldBack: { table: SyncedTable; id: string; clock: Hlc }[];
}

/**
 * Merge a file's records into in-memory maps exactly as an import does (same record merge, same
 * held-back rule, same conflict entries). Mutates `maps`.
 */
export function mergeIntoMaps(
  maps: RecordMaps,
  incoming: WorkspaceData,
  /** `restampAs`: take future records' values as edits of this node id, stamped now, instead of holding them back. */
  options: { now: number; applyFutureEdits?: boolean; restampAs?: string },
): MergeReport {
  const report: MergeReport = { newConflictEntries: 0, heldBack: [] };
  const conflicts: FieldConflict[] = [];
  const closed: Conflict[] = [];
  // The log's entries by record, as an import reads them (see mergeRecord's `logged`), taken before this file.
  const logged = new Map<string, Conflict[]>();
  for (const e of maps.conflicts.values()) {
    const key = `${e.table}\u0000${e.recordId}`;
    const list = logged.get(key);
    if (list) list.push(e);
    else logged.set(key, [e]);
  }
  let restampClock: Hlc | undefined;
  for (const t of SYNCED_TABLES) {
    const map = maps[t] as Map<string, StoredRecord<SyncedTable>>;
    for (const rec of incoming[t] as StoredRecord<SyncedTable>[]) {
      const future = options.applyFutureEdits ? undefined : farFutureClock(rec, options.now);
      if (future && !options.restampAs) {
        report.heldBack.push({ table: t, id: rec.id, clock: future });
        continue;
      }
      if (future) restampClock ??= nextClockAfter(maps, incoming, options.restampAs!, options.now);
      const bounds = { now: options.now, maxDriftMs: MAX_DRIFT_MS };
      const entries = t === 'conflicts' ? undefined : logged.get(`${t}\u0000${rec.id}`);
      const m = future ? restampRecord(t, map.get(rec.id), rec, restampClock!, bounds, entries) : mergeRecord(t, map.get(rec.id), rec, entries);
      if (m.result) map.set(rec.id, m.result);
      conflicts.push(...m.conflicts);
      closed.push(...m.closed);
    }
  }
  for (const e of closed) {
    const now = maps.conflicts.get(e.id);
    const m = mergeRecord('conflicts', now, e);
    if (m.result) maps.conflicts.set(e.id, m.result);
  }
  // Entries that came with the file, settled against the records as merged (as an import settles them).
  for (const rec of incoming.conflicts) {
    const now = maps.conflicts.get(rec.id)!;
    const about = (maps[now.table] as Map<string, StoredRecord<SyncedTable>>).get(now.recordId);
    const settled = settleEntry(now, about);
    if (settled !== now) maps.conflicts.set(rec.id, settled);
  }
  for (const c of conflicts) {
    const entry = conflictEntry(c);
    if (!maps.conflicts.has(entry.id)) {
      maps.conflicts.set(entry.id, entry);
      report.newConflictEntries++;
    }
  }
  return report;
}
