/**
 * One CouchDB document per record: `_id` = the record id, the body sealed (envelope.ts). Revisions are
 * content-addressed — `<generation>-<32 hex digits of SHA-256 of the canonical record>` — and written with
 * `new_edits: false`, so two clients that push (or resolve to) the same record write the same revision and
 * CouchDB keeps one. The canonical bytes are those of the sync file (core/sync/format.ts `canonical`), and a
 * pulled body goes through the file's validation (core/sync/validate.ts): nothing from the server is trusted.
 */
import { SYNCED_TABLES, type StoredRecord, type SyncedTable } from '../model';
import { canonical } from '../sync/format';
import { sha256Sync, toHex } from '../sync/digest';
import { SyncError } from '../sync/guards';
import { validateRecord } from '../sync/validate';
import { FORMAT_VERSION, upgradeRawRecord } from '../sync/versions';
import { seal, unseal, TEAM_DOC_ID, type TeamKey } from './envelope';
import { payloadOf } from './opener';

const encoder = new TextEncoder();

export interface Rev {
  gen: number;
  hash: string;
}

export function parseRev(rev: string): Rev | undefined {
  const m = /^([1-9][0-9]{0,9})-([0-9a-z]{1,64})$/.exec(rev);
  return m ? { gen: Number(m[1]), hash: m[2]! } : undefined;
}

export const formatRev = (r: Rev): string => `${r.gen}-${r.hash}`;

/** CouchDB's choice among leaves: the highest generation, then the greatest revision string. */
export function couchWinner(revs: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestRev: Rev | undefined;
  for (const r of revs) {
    const p = parseRev(r);
    if (!p) continue;
    if (!bestRev || p.gen > bestRev.gen || (p.gen === bestRev.gen && r > best!)) {
      best = r;
      bestRev = p;
    }
  }
  return best;
}

/** The plaintext of a record's document: the record format's version, the table, the canonical record. */
function plaintext(table: SyncedTable, record: StoredRecord<SyncedTable>): string {
  return JSON.stringify({ v: FORMAT_VERSION, t: table, r: canonical(table, record) });
}

/** The content address of a record version (same record, same hash, on every client). */
export function contentHash(table: SyncedTable, record: StoredRecord<SyncedTable>): string {
  return toHex(sha256Sync(encoder.encode(JSON.stringify([table, canonical(table, record)])))).slice(0, 32);
}

/** A record's document as `_bulk_docs` with `new_edits: false` takes it. */
export interface RecordDoc {
  _id: string;
  _rev: string;
  _revisions: { start: number; ids: string[] };
  _deleted?: true;
  iv?: string;
  ct?: string;
}

/**
 * The document for a record version, a child of `parent` (the server's revision this version has seen and
 * merged), or a first revision. Returns undefined when `parent` already holds exactly this content.
 */
export async function recordDoc(team: TeamKey, table: SyncedTable, record: StoredRecord<SyncedTable>, parent?: string): Promise<RecordDoc | undefined> {
  const hash = contentHash(table, record);
  const p = parent ? parseRev(parent) : undefined;
  if (p && p.hash === hash) return undefined;
  const gen = (p?.gen ?? 0) + 1;
  const body = await seal(team, record.id, encoder.encode(plaintext(table, record)));
  return { _id: record.id, _rev: `${gen}-${hash}`, _revisions: { start: gen, ids: p ? [hash, p.hash] : [hash] }, ...body };
}

/**
 * The deletion that closes a losing branch once its content was merged into the winner. Deterministic (a pure
 * function of the loser's revision), so clients resolving the same conflict at once write one revision.
 */
export function closeBranchDoc(id: string, loserRev: string): RecordDoc | undefined {
  const p = parseRev(loserRev);
  if (!p) return undefined;
  const hash = toHex(sha256Sync(encoder.encode(`attache-live-merged:${id}:${loserRev}`))).slice(0, 32);
  return { _id: id, _rev: `${p.gen + 1}-${hash}`, _revisions: { start: p.gen + 1, ids: [hash, p.hash] }, _deleted: true };
}

export interface OpenedRecord {
  table: SyncedTable;
  record: StoredRecord<SyncedTable>;
  rev: string;
}

/** Is this document one of ours to read as a record (not the team document, not a design or local document)? */
export function isRecordDocId(id: string): boolean {
  return id !== TEAM_DOC_ID && !id.startsWith('_');
}

/** Open and validate a pulled document. Throws a SyncError naming the document when it is not a sound record. */
export async function openRecordDoc(team: TeamKey, doc: Readonly<Record<string, unknown>>): Promise<OpenedRecord> {
  const id = typeof doc._id === 'string' ? doc._id : '';
  const rev = typeof doc._rev === 'string' ? doc._rev : '';
  return recordOfPayload(id, rev, payloadOf(id, await unseal(team, id, doc)));
}

/**
 * The record inside an opened body (core/live/opener.ts), validated as a sync file's record is: the one check
 * between what the server sent (or a worker opened) and what is stored. Throws a SyncError naming the document.
 */
export function recordOfPayload(id: string, rev: string, payload: unknown): OpenedRecord {
  const { v, t, r } = (payload && typeof payload === 'object' ? payload : {}) as { v?: unknown; t?: unknown; r?: unknown };
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw SyncError.of('invalid', 'error.live.unreadable', { id: id.slice(0, 40) });
  if (v > FORMAT_VERSION) {
    throw SyncError.of('newer-version', 'error.live.newerFormat', { version: String(v), known: String(FORMAT_VERSION) });
  }
  if (!(SYNCED_TABLES as readonly unknown[]).includes(t)) throw SyncError.of('invalid', 'error.live.unknownKind', { id: id.slice(0, 40) });
  const table = t as SyncedTable;
  upgradeRawRecord(table, r, v);
  const record = validateRecord(table, r);
  // The id is authenticated (it is the AAD), and the record inside must be that id's record.
  if (record.id !== id) throw SyncError.of('invalid', 'error.live.otherRecord', { id: id.slice(0, 40) });
  // No content hash here: nothing that opens a document needs one (a first pull of 100,000 records spent
  // a tenth of its time hashing them); recordDoc hashes what is written.
  return { table, record, rev };
}
