/**
 * The one place where local edits become stamped records. The data layer calls these inside a
 * transaction; the sync merge (merge.ts) reads the same stamps.
 */
import { hlcNode, type Hlc } from './hlc';
import { FIELDS, stampedFields, type FieldStamp, type StoredRecord, type SyncedTable, type TableFields } from './model';

function maxClock(stamps: Record<string, FieldStamp>): Hlc {
  let max = '';
  for (const s of Object.values(stamps)) if (s.c > max) max = s.c;
  return max;
}

/** A new record: every field stamped with the same clock. */
export function createRecord<T extends SyncedTable>(table: T, id: string, fields: TableFields[T], clock: Hlc): StoredRecord<T> {
  const stamps: Record<string, FieldStamp> = {};
  for (const f of FIELDS[table]) stamps[f] = { c: clock };
  stamps.deleted = { c: clock };
  return { ...fields, id, hlc: clock, stamps, deleted: 0 };
}

/**
 * The stamp for a local overwrite of a field. `p` remembers the last value that came from elsewhere,
 * so a colleague's merge can tell that we replaced it knowingly; consecutive local edits (typing)
 * keep the same `p`.
 */
export function nextStamp(current: FieldStamp | undefined, clock: Hlc): FieldStamp {
  if (!current) return { c: clock };
  const ownRun = hlcNode(current.c) === hlcNode(clock);
  const p = ownRun ? current.p : current.c;
  return p === undefined ? { c: clock } : { c: clock, p };
}

/** Field values compare by content: tags and options are arrays and objects. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Apply a local patch. Only fields whose value really changes get a new stamp, so re-saving an
 * unchanged form does not make it win (or lose) a conflict it has no part in.
 * Returns undefined when nothing changed.
 */
export function editRecord<T extends SyncedTable>(
  table: T,
  record: StoredRecord<T>,
  patch: Partial<TableFields[T]> & { deleted?: 0 | 1 },
  clock: Hlc,
): StoredRecord<T> | undefined {
  const allowed = stampedFields(table);
  const next = { ...record, stamps: { ...record.stamps } } as StoredRecord<T> & Record<string, unknown>;
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (!allowed.includes(key) || value === undefined) continue;
    if (sameValue((record as unknown as Record<string, unknown>)[key], value)) continue;
    next[key] = value;
    next.stamps[key] = nextStamp(record.stamps[key], clock);
    changed = true;
  }
  if (!changed) return undefined;
  next.hlc = maxClock(next.stamps);
  return next;
}

/** Strip the envelope: the plain fields of a record. */
export function fieldsOf<T extends SyncedTable>(table: T, record: StoredRecord<T>): TableFields[T] {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS[table]) out[f] = (record as unknown as Record<string, unknown>)[f];
  return out as unknown as TableFields[T];
}

export { maxClock };
