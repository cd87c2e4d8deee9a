/**
 * The clock rules of an import: which records of a file cannot be taken as they are, and how their values can
 * be taken as this installation's own edits instead. Pure: used by the app's import, `attache sync merge` and
 * the tests.
 *
 * Two kinds of records are held back:
 * - **future**: a stamp more than the allowed drift ahead of this machine's wall clock (the sender's clock was
 *   wrong). Taking it as it is would drag this installation's clock along, so every later edit would carry that
 *   date, and an edit made here afterwards would lose to it. Such a record is refused, or, if the user says so,
 *   its values are taken as a local edit stamped now (`restampRecord`).
 * - **own-node**: a stamp carrying this installation's own node id that it never issued (beyond the newest
 *   clock it has issued or seen). Only a copy of this profile (a restored backup or cloned disk used on another
 *   computer) can have written it; the merge would take it for this installation's own later edit and replace a
 *   local edit without a trace. Such a record is always refused.
 */
import { MAX_DRIFT_MS, formatHlc, initialHlcState, observe, tick, type Hlc, type HlcState } from '../hlc';
import { stampedFields, type Conflict, type FieldStamp, type StoredRecord, type SyncedTable } from '../model';
import { editRecord, maxClock, sameValue } from '../records';
import { knowinglyReplaced, mergeRecord, type FieldConflict, type RecordMerge } from './merge';

/** How far ahead of the wall clock a stamp may be unless the user set another bound. */
export const DEFAULT_MAX_DRIFT_MS = MAX_DRIFT_MS;
/** The bounds the setting accepts, in hours: an hour (time zones set wrong are common) to thirty days. */
export const DRIFT_HOURS_MIN = 1;
export const DRIFT_HOURS_MAX = 720;

export interface ClockBounds {
  /** This machine's wall clock (ms). */
  now: number;
  /** Stamps later than now + maxDriftMs are "future". */
  maxDriftMs: number;
  /** This installation's node id, and the newest clock it has issued or seen: its own stamps never exceed it. */
  ownNode?: string;
  lastIssued?: Hlc;
}

export type HoldReason = 'future' | 'own-node';

export interface Held {
  reason: HoldReason;
  /** The stamp that made it so (the furthest one of that kind in the record). */
  clock: Hlc;
}

/**
 * A stamp beyond the allowed drift ahead of `now`. Reads the wall-clock digits in place (hlcWall's slice would
 * allocate a string per stamp, and an import checks every stamp of every record).
 */
export function beyondDrift(clock: Hlc, now: number, maxDriftMs: number): boolean {
  let wall = 0;
  for (let i = 0; i < 13; i++) wall = wall * 10 + clock.charCodeAt(i) - 48;
  return wall > now + maxDriftMs;
}

/** hlcNode(clock) === node, without slicing the clock. */
function nodeIs(clock: Hlc, node: string): boolean {
  return clock.length === 19 + node.length && clock.startsWith(node, 19);
}

/** The newest clock this installation can have issued: its clock state as a stamp. */
export function lastIssued(state: HlcState): Hlc {
  return formatHlc(state.wall, state.counter, state.node);
}

function ownNodeBeyond(clock: Hlc | undefined, b: ClockBounds): boolean {
  return clock !== undefined && b.ownNode !== undefined && b.lastIssued !== undefined && nodeIs(clock, b.ownNode) && clock > b.lastIssued;
}

/**
 * A stamp of this installation's node that the local record shows it never issued: this installation keeps every
 * record it ever wrote (deletions are tombstones) and a field's local stamp is never older than its own last edit
 * of it, so an own stamp on a record it does not have, or newer than the local stamp of its field, was issued
 * elsewhere. (Catches a copy whose clock has not passed this installation's.) The very same stamp with another
 * value is not taken for a copy's: a value repaired by the invariant rules keeps its stamp (core/sync/invariants.ts),
 * and two machines issuing the same millisecond and counter is the one case this cannot see.
 */
function ownNodeUnknown(field: string, c: Hlc | undefined, local: Record<string, unknown> | null, ownNode: string | undefined): boolean {
  if (c === undefined || ownNode === undefined || !nodeIs(c, ownNode)) return false;
  const ls = (local?.stamps as Record<string, FieldStamp> | undefined)?.[field];
  return !ls || c > ls.c;
}

/**
 * Why a record cannot be taken as it is, or undefined when it can. A stamp of this installation's own node that
 * it never issued wins over a future one: such a record is refused whatever the user chose for future edits.
 * A `p` counts too: a value that claims to have knowingly replaced an edit of ours we never made would let the
 * merge drop one of our edits silently. With `local` (the record as stored here, null when there is none) the check
 * is exact; without (undefined), it catches the stamps beyond the newest clock this installation has issued or
 * seen. (Conflict log entries carry the losing value's clock, which may be one of ours logged elsewhere: check
 * them without `local`.)
 */
export function heldBack(record: { stamps: Record<string, FieldStamp> }, b: ClockBounds, local?: { stamps: Record<string, FieldStamp> } | null): Held | undefined {
  let own: Hlc | undefined;
  let future: Hlc | undefined;
  const loc = (local ?? null) as unknown as Record<string, unknown> | null;
  const exact = b.ownNode !== undefined && local !== undefined;
  // Allocation-free (no entry pairs, no slices): the import runs this on every record of a file.
  const stamps = record.stamps;
  // for…in walks the object's key cache where Object.keys would copy it; stamps are plain objects (own keys only).
  for (const field in stamps) {
    const s = stamps[field]!;
    const foreignC = ownNodeBeyond(s.c, b) || (exact && ownNodeUnknown(field, s.c, loc, b.ownNode));
    if (foreignC && (!own || s.c > own)) own = s.c;
    const foreignP = ownNodeBeyond(s.p, b) || (exact && ownNodeUnknown(field, s.p, loc, b.ownNode));
    if (foreignP && (!own || s.p! > own)) own = s.p;
    if (beyondDrift(s.c, b.now, b.maxDriftMs) && (!future || s.c > future)) future = s.c;
  }
  if (own) return { reason: 'own-node', clock: own };
  return future ? { reason: 'future', clock: future } : undefined;
}

/**
 * Take a record with future stamps as this installation's own edit, stamped `clock` (a fresh local stamp, later
 * than every clock this installation has seen): every field whose stamp is beyond the drift gets the file's
 * value with a local stamp, as if the user had typed it now; the other fields merge as usual. A local value
 * replaced this way that the sender had not knowingly replaced goes to the conflict log, as an ordinary merge
 * would log it. Pure.
 */
export function restampRecord<T extends SyncedTable>(
  table: T,
  local: StoredRecord<T> | undefined,
  incoming: StoredRecord<T>,
  clock: Hlc,
  b: ClockBounds,
  logged: readonly Conflict[] = [],
): RecordMerge<T> {
  const r = incoming as unknown as Record<string, unknown> & StoredRecord<T>;
  const far = stampedFields(table).filter((f) => beyondDrift(r.stamps[f]!.c, b.now, b.maxDriftMs));
  if (!local) {
    const stamps = { ...r.stamps };
    for (const f of far) stamps[f] = { c: clock };
    const result = { ...r, stamps, hlc: maxClock(stamps) } as StoredRecord<T>;
    return { result, added: true, deletedNow: false, restoredNow: false, conflicts: [], closed: [] };
  }
  const l = local as unknown as Record<string, unknown> & StoredRecord<T>;
  // The fields within bounds merge as they would; the future ones are left as they are here, for now.
  const sane = { ...r, stamps: { ...r.stamps } } as Record<string, unknown> & StoredRecord<T>;
  for (const f of far) {
    sane[f] = l[f];
    sane.stamps[f] = l.stamps[f]!;
  }
  sane.hlc = maxClock(sane.stamps);
  const merged = mergeRecord(table, local, sane, logged);
  const base = merged.result ?? local;
  const patch: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [...merged.conflicts];
  for (const f of far) {
    if (sameValue(l[f], r[f])) continue;
    patch[f] = r[f];
  }
  // Defined whenever `patch` has a field: its values differ from the local ones.
  const next = editRecord(table, base, patch as never, clock);
  for (const f of Object.keys(patch)) {
    if (knowinglyReplaced(r.stamps[f]!, l.stamps[f]!)) continue;
    const winner = { value: r[f], stamp: next!.stamps[f]! };
    conflicts.push({ table, recordId: l.id, field: f, winner, loser: { value: l[f], stamp: l.stamps[f]! }, winnerSide: 'incoming' });
  }
  const result = next ?? merged.result;
  if (!result) return { ...merged, conflicts };
  return {
    result,
    added: false,
    deletedNow: local.deleted === 0 && result.deleted === 1,
    restoredNow: local.deleted === 1 && result.deleted === 0,
    conflicts,
    closed: merged.closed,
  };
}

/**
 * A stamp of `node` later than every clock within bounds of the maps and of the file being merged: what the
 * command line's merge stamps the future records it takes as its own edits with, so that they win over the
 * values they replace everywhere.
 */
export function nextClockAfter(
  maps: { [T in SyncedTable]: Map<string, StoredRecord<T>> },
  incoming: { [T in SyncedTable]: StoredRecord<T>[] },
  node: string,
  now: number,
): Hlc {
  const state = initialHlcState(node);
  const see = (clock: Hlc) => {
    if (!beyondDrift(clock, now, DEFAULT_MAX_DRIFT_MS)) observe(state, clock, now);
  };
  for (const t of Object.keys(maps) as SyncedTable[]) {
    for (const r of (maps[t] as Map<string, StoredRecord<SyncedTable>>).values()) see(r.hlc);
    for (const r of incoming[t] as StoredRecord<SyncedTable>[]) for (const s of Object.values(r.stamps)) see(s.c);
  }
  return tick(state, now);
}
