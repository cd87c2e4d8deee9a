/**
 * Validation of every record read from a sync file. Nothing from a file is trusted: the envelope (id,
 * clocks, tombstone) is checked by hand because it is the hot path of a 100,000-record import, and the
 * fields by the same zod schemas the editor uses. Records are rebuilt as fresh objects from known keys
 * only, so a `__proto__` or `constructor` key can never reach the application's objects.
 */
import { isHlc, type Hlc } from '../hlc';
import { isId } from '../ids';
import { FIELDS, stampedFields, type FieldStamp, type StoredRecord, type SyncedTable } from '../model';
import { schemaOf } from '../schemas';
import { SYNC_LIMITS, SyncError } from './guards';
import type { MessageKey, MessageValues } from '../i18n';
import { conflictId } from './merge';


const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ENVELOPE = ['id', 'hlc', 'stamps', 'deleted'] as const;
const allowedKeys = new Map<SyncedTable, Set<string>>();
const stampKeys = new Map<SyncedTable, Set<string>>();
for (const t of Object.keys(FIELDS) as SyncedTable[]) {
  allowedKeys.set(t, new Set([...ENVELOPE, ...FIELDS[t]]));
  stampKeys.set(t, new Set(stampedFields(t)));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

type Rule = Extract<MessageKey, `error.sync.rule.${string}`>;

/** "The file's briefing <id> is invalid: <the rule it breaks>.", the record and the rule each a message. */
function invalid(table: SyncedTable, id: unknown, rule: Rule, values: MessageValues = {}): SyncError {
  const named = typeof id === 'string' && id.length <= 40;
  const e = SyncError.of('invalid', named ? 'error.sync.record' : 'error.sync.recordNoId', { ...values, table, ...(named ? { id } : {}) }, rule);
  // A detail (zod's wording) that ends with its own full stop gets no second one.
  if (e.message.endsWith('..')) e.message = e.message.slice(0, -1);
  return e;
}

/** Reject forbidden keys anywhere inside a free-form value (JSON.parse makes `__proto__` an own key). */
function checkKeysDeep(value: unknown, depth: number): string | undefined {
  if (depth > 32) return 'it is nested too deeply';
  if (Array.isArray(value)) {
    for (const v of value) {
      const bad = checkKeysDeep(v, depth + 1);
      if (bad) return bad;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const k of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(k)) return `it contains the forbidden key "${k}"`;
      const bad = checkKeysDeep((value as Record<string, unknown>)[k], depth + 1);
      if (bad) return bad;
    }
  }
  return undefined;
}

function checkStamp(table: SyncedTable, id: string, field: string, raw: unknown): FieldStamp {
  if (!isPlainObject(raw)) throw invalid(table, id, 'error.sync.rule.fieldClockNotObject', { field });
  let c: Hlc | undefined;
  let p: Hlc | undefined;
  for (const k of Object.keys(raw)) {
    const v = raw[k];
    if (k === 'c' && isHlc(v)) c = v;
    else if (k === 'p' && isHlc(v)) p = v;
    else throw invalid(table, id, 'error.sync.rule.fieldClockEntry', { field, entry: k.slice(0, 40) });
  }
  if (c === undefined) throw invalid(table, id, 'error.sync.rule.fieldClockMissing', { field });
  if (p !== undefined && p >= c) throw invalid(table, id, 'error.sync.rule.fieldClockOlder', { field });
  return p === undefined ? { c } : { c, p };
}

/**
 * Check one record from a file and rebuild it from known keys. Throws a SyncError naming the record and
 * the problem in one sentence.
 */
export function validateRecord<T extends SyncedTable>(table: T, raw: unknown): StoredRecord<T> {
  if (!isPlainObject(raw)) throw invalid(table, undefined, 'error.sync.rule.notObject');
  const id = raw.id;
  const allowed = allowedKeys.get(table)!;
  for (const k of Object.keys(raw)) {
    if (FORBIDDEN_KEYS.has(k)) throw invalid(table, id, 'error.sync.rule.forbiddenKey', { field: k });
    if (!allowed.has(k)) throw invalid(table, id, 'error.sync.rule.unknownField', { field: k.slice(0, 60) });
  }
  if (!isId(id)) throw invalid(table, undefined, 'error.sync.rule.badId');
  if (raw.deleted !== 0 && raw.deleted !== 1) throw invalid(table, id, 'error.sync.rule.deletedFlag');

  // In a file, `stamps` lists only the fields whose stamp is not simply {c: hlc} (see docs/sync-format.md).
  const hlc = raw.hlc;
  if (!isHlc(hlc)) throw invalid(table, id, 'error.sync.rule.clock');
  const rawStamps = raw.stamps;
  if (!isPlainObject(rawStamps)) throw invalid(table, id, 'error.sync.rule.fieldClocks');
  const keys = stampKeys.get(table)!;
  for (const k of Object.keys(rawStamps)) {
    if (!keys.has(k)) throw invalid(table, id, 'error.sync.rule.unknownFieldClock', { field: k.slice(0, 60) });
  }
  const stamps: Record<string, FieldStamp> = {};
  const plain: FieldStamp = { c: hlc };
  let max = '';
  let defaulted = false;
  for (const f of keys) {
    if (!Object.hasOwn(rawStamps, f)) {
      stamps[f] = plain;
      defaulted = true;
      continue;
    }
    const s = checkStamp(table, id, f, rawStamps[f]);
    stamps[f] = s;
    if (s.c > max) max = s.c;
  }
  if (max > hlc || (!defaulted && max !== hlc)) throw invalid(table, id, 'error.sync.rule.clockMismatch');
  max = hlc;

  const fields: Record<string, unknown> = {};
  for (const f of FIELDS[table]) {
    if (!Object.hasOwn(raw, f)) throw invalid(table, id, 'error.sync.rule.fieldMissing', { field: f });
    const v = raw[f];
    if (typeof v === 'object' && v !== null) {
      const bad = checkKeysDeep(v, 0);
      if (bad) throw invalid(table, id, 'error.sync.rule.unsafe', { field: f, detail: bad });
    }
    fields[f] = v;
  }
  const free = table === 'packs' ? 'options' : table === 'conflicts' ? 'value' : undefined;
  if (free !== undefined) {
    const size = JSON.stringify(fields[free] ?? null).length;
    if (size > SYNC_LIMITS.freeValueChars) {
      throw SyncError.of('too-large', 'error.sync.recordTooLarge', { table, id: String(id), field: free, size, limit: SYNC_LIMITS.freeValueChars });
    }
  }
  const checked = schemaOf(table).safeParse(fields);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    throw field ? invalid(table, id, 'error.sync.rule.field', { field, detail: issue.message }) : invalid(table, id, 'error.sync.rule.detail', { detail: issue.message });
  }
  const value = checked.data as Record<string, unknown>;
  // zod's output is already a fresh object with the fields in their order: it becomes the record (one object less per
  // record on the import's path, which runs this for every record of a file while the whole file is in memory).
  if (table === 'conflicts') {
    const c = value as { table: SyncedTable; recordId: string; field: string; clock: Hlc };
    if (!stampKeys.get(c.table)!.has(c.field)) throw invalid(table, id, 'error.sync.rule.namesUnknownField', { field: c.field });
    if (conflictId(c.table, c.recordId, c.field, c.clock) !== id) throw invalid(table, id, 'error.sync.rule.idMismatch');
  }
  // Free-form values keep their parsed shape (zod's unknown() passes them through); everything else is zod's fresh copy.
  const record = value;
  record.id = id;
  record.hlc = max;
  record.stamps = stamps;
  record.deleted = raw.deleted;
  return record as unknown as StoredRecord<T>;
}
