/**
 * File sync for the app: export (full, changes for a colleague, selection, backup), import (preview, then
 * one all-or-nothing transaction) and the conflict log actions. The file format, the merge and the
 * validation live in core/sync; this module only adds Dexie, the clock and the remembered peer state.
 *
 * Every failure the user can cause is a `SyncError` whose message is one sentence for the screen.
 */
import { UserError, messageOf } from '../core/errors';
import { formatHlc, hlcJustBelow, type Hlc } from '../core/hlc';
import { SYNCED_TABLES, type Conflict, type StoredRecord, type SyncedTable } from '../core/model';
import { decodeSyncFile, readHeader, SyncFileWriter, type DecodedSyncFile, type FileProgress, type InstallationRef, type SyncHeader, type SyncScope } from '../core/sync/format';
import { SyncError, massDeleteProblem, throwIfAborted, timeSlicer } from '../core/sync/guards';
import { recordLabel } from '../core/sync/labels';
import { checkIncoming, type IncomingCheck } from '../core/sync/invariants';
import { conflictEntry, mergeRecord, settleEntry } from '../core/sync/merge';
import { clockBoundsOf, heldBackOf, loggedFor, recordsAbout, receiveGap, receivedMark, restampClockFor, shownConflicts, takeRecord, valuesChanged, type ClockRefusals, type ReceiveGap } from './import-bounds';
import { describeSelection, selectRecords, type Selection } from '../core/sync/select';
import { foldName, slug } from '../core/text';
import { newId } from '../core/ids';
import type { Table } from 'dexie';
import type { AttacheDb, PeerState } from './db';
import { liveBriefingsByDate } from './briefings';
import { readWorkspaceData } from './snapshot';
import type { Workspace } from './workspace';
import { repairStoredRecords } from './workspace-repair';
import { LIVE_INSTALLATION, lowerLivePushMarks } from './live/marks';
import { deferBriefingTotals } from './briefing-totals';
import { SYNC_FILE_EXTENSION } from '../core/sync/file-type';

export { SyncError, isSyncError, type SyncErrorCode } from '../core/sync/guards';
export type { SyncHeader, SyncScope, InstallationRef, EncryptionHeader } from '../core/sync/format';
export type { Selection } from '../core/sync/select';
export type { PeerState } from './db';

export { SYNC_FILE_EXTENSION, SYNC_MIME_TYPE } from '../core/sync/file-type';

export type SyncPhase = 'reading' | 'verifying' | 'decrypting' | 'validating' | 'comparing' | 'applying' | 'encrypting' | 'writing';

/** `done` and `total` are in records for record phases and bytes or steps for the others; total ≥ 1. */
export interface SyncProgress {
  phase: SyncPhase;
  done: number;
  total: number;
}

export interface LongTaskOptions {
  onProgress?: (progress: SyncProgress) => void;
  /** Aborting rejects with SyncError code 'aborted'; an aborted import changes nothing. */
  signal?: AbortSignal;
}

// ---------------------------------------------------------------- export

export interface ExportOptions extends LongTaskOptions {
  /**
   * 'full' (default): every record, tombstones included.
   * 'changes': only records changed since the last export to `peerId` (everything if none was sent yet).
   */
  mode?: 'full' | 'changes';
  /** The colleague the file is for (a known peer, see listPeers). Required for mode 'changes'. */
  peerId?: string;
  /**
   * Instead of `peerId`: a colleague named by the user. A known colleague of that name (compared as names are
   * everywhere) is that peer; a new one is remembered once the file is saved (`markSent`), under a local
   * stand-in id, so the next "changes" export to them holds only what changed. The first file imported from an
   * installation of that name takes the stand-in's place.
   */
  newColleague?: string;
  /** Share only part of the workspace. A selection export never advances the peer's "last sent". */
  selection?: Selection;
  /** Encrypt with this passphrase (AES-256-GCM, PBKDF2-SHA256 600,000 iterations). Empty string = no encryption. */
  passphrase?: string;
  /** Written into the header; the UI passes platform().appVersion. */
  appVersion?: string;
}

export interface ExportResult {
  bytes: Uint8Array;
  /** Suggested name, e.g. `attache-delegation-laptop-2025-05-01-1430.attache`. */
  fileName: string;
  header: SyncHeader;
  /** Number of records in the file (all tables). */
  total: number;
  /**
   * Remember this file as sent to the colleague. Call it once the file was actually saved (the save dialog
   * was not cancelled). Does nothing for exports without a peer and for selection exports.
   */
  markSent(): Promise<void>;
}

/** Build a sync file. Reads in chunks and yields between them; writes nothing to the database. */
export async function exportWorkspace(ws: Workspace, options?: ExportOptions): Promise<ExportResult> {
  const { mode = 'full', peerId, newColleague, selection, passphrase, appVersion = '', onProgress, signal } = options ?? {};
  const db = ws.db;
  const named = newColleague?.trim().slice(0, 200);
  const peer = peerId ? await db.peers.get(peerId) : named ? await peerNamed(db, named) : undefined;
  if (peerId && !peer) throw SyncError.of('invalid', 'error.sync.unknownPeer');
  const newPeer: InstallationRef | undefined = !peer && named ? { id: newId(), name: named } : undefined;
  if (mode === 'changes' && !peer && !newPeer) throw SyncError.of('usage', 'error.sync.choosePeer');
  const to: InstallationRef | undefined = peer ? { id: peer.id, name: peer.name } : newPeer;
  const since = mode === 'changes' && !selection ? (peer?.lastSentHlc ?? '') : '';
  // Everything up to this clock is in the file (or was sent before); later edits go out next time.
  const upTo = await newestClock(db);
  const writer = new SyncFileWriter();
  const breathe = timeSlicer();
  const progress = (done: number, total: number) => onProgress?.({ phase: 'reading', done, total: Math.max(total, 1) });
  let scope: SyncScope;

  if (selection) {
    const data = await readWorkspaceData(db);
    const part = selectRecords(data, selection);
    scope = { kind: 'selection', selection, description: describeSelection(selection, data), ...(to ? { to } : {}) };
    const total = SYNCED_TABLES.reduce((n, t) => n + part[t].length, 0);
    for (const t of SYNCED_TABLES) {
      const rows = part[t] as StoredRecord<SyncedTable>[];
      for (let i = 0; i < rows.length; i += ENCODE_SLICE) {
        writer.add(t, rows.slice(i, i + ENCODE_SLICE));
        progress(writer.total, total);
        throwIfAborted(signal);
        await breathe();
      }
    }
  } else {
    scope = mode === 'changes' ? { kind: 'since', since, to: to! } : { kind: 'full', ...(to ? { to } : {}) };
    // The keys first (cheap: no values), so that every page's key range is known in advance and the reads can
    // be queued READ_AHEAD deep: IndexedDB then never waits for us to take a page before starting the next.
    const keys = await Promise.all(
      SYNCED_TABLES.map((t) => {
        const table = db.table(t);
        return (since ? table.where('hlc').above(since).primaryKeys() : table.toCollection().primaryKeys()) as Promise<string[]>;
      }),
    );
    const total = keys.reduce((n, k) => n + k.length, 0);
    throwIfAborted(signal);
    const pages = SYNCED_TABLES.flatMap((t, i) => pageReads(db.table<StoredRecord<SyncedTable>, string>(t), keys[i]!, !!since).map((read) => ({ t, read })));
    keys.length = 0;
    for await (const { t, rows } of readAhead(pages, READ_AHEAD)) {
      // A page arrives in one task (IndexedDB hands it over whole); its encoding is sliced so the UI gets turns.
      for (let i = 0; i < rows.length; i += ENCODE_SLICE) {
        writer.add(t, rows.length <= ENCODE_SLICE ? rows : rows.slice(i, i + ENCODE_SLICE));
        progress(writer.total, Math.max(total, writer.total));
        throwIfAborted(signal);
        await breathe();
      }
    }
  }
  throwIfAborted(signal);
  const { bytes, header } = await writer.finish(
    { app: { name: 'Attaché', version: appVersion }, installation: { ...ws.installation }, createdAt: new Date(ws.nowMs()).toISOString(), scope },
    { passphrase: passphrase || undefined, onProgress: (p) => onProgress?.(p), signal },
  );
  const sentFrom = peer?.lastSentHlc ?? '';
  return {
    bytes,
    header,
    total: writer.total,
    fileName: `${fileStem(ws, to)}.${SYNC_FILE_EXTENSION}`,
    async markSent() {
      if (newPeer) return rememberNewPeer(ws, newPeer, selection ? '' : upTo);
      if (!peer || selection || !upTo) return;
      await db.transaction('rw', db.peers, async () => {
        const current = await db.peers.get(peer.id);
        if (!current) return;
        // An import that landed meanwhile may have lowered the mark so relayed records go out next time: keep it.
        if (current.lastSentHlc < sentFrom) return;
        if (current.lastSentHlc >= upTo) return;
        await db.peers.put({ ...current, lastSentHlc: upTo, lastSentAt: new Date(ws.nowMs()).toISOString() });
      });
    },
  };
}

/** The automatic backup: a full, unencrypted export. Does not touch peer state. */
export async function createBackup(ws: Workspace, options?: { appVersion?: string } & LongTaskOptions): Promise<{ bytes: Uint8Array; name: string }> {
  const result = await exportWorkspace(ws, { mode: 'full', appVersion: options?.appVersion, onProgress: options?.onProgress, signal: options?.signal });
  return { bytes: result.bytes, name: `${fileStem(ws, undefined, 'backup')}.${SYNC_FILE_EXTENSION}` };
}

// ---------------------------------------------------------------- import

/** Header facts readable without a passphrase (for "this file is from X, encrypted: enter the passphrase"). Throws SyncError. */
export function readSyncHeader(bytes: Uint8Array): { header: SyncHeader; encrypted: boolean } {
  const { header, encrypted } = readHeader(bytes);
  return { header, encrypted };
}

export interface RecordRef {
  table: SyncedTable;
  id: string;
  /** One-line human label (briefing title, person's name, statement's first words...). */
  label: string;
}

export interface ConflictPreview extends RecordRef {
  field: string;
  localValue: unknown;
  incomingValue: unknown;
  /** Which value the merge keeps; the other goes to the conflict log. */
  winner: 'local' | 'incoming';
  localClock: Hlc;
  incomingClock: Hlc;
}

export interface HeldBackRecord extends RecordRef {
  /** The clock that made it suspicious: dated beyond the allowed drift, or of this installation's own node but never issued here. */
  clock: Hlc;
  reason: 'future' | 'own-node';
}

export interface TableChangeCounts {
  added: number;
  updated: number;
  /** Live here, deleted by the file. */
  deleted: number;
  unchanged: number;
  heldBack: number;
  /** Changes that stay out of sight: tombstones of records never seen here, edits to deleted records. */
  hidden: number;
}

/** Lists are capped at PREVIEW_LIST_LIMIT entries each; `totals` always has the full numbers. */
export const PREVIEW_LIST_LIMIT = 500;

export interface ImportPreview {
  header: SyncHeader;
  encrypted: boolean;
  from: InstallationRef;
  perTable: Record<SyncedTable, TableChangeCounts>;
  totals: TableChangeCounts & { conflicts: number };
  added: RecordRef[];
  updated: RecordRef[];
  deleted: RecordRef[];
  /** Edits that conflict (both sides changed the same field); the losing value of each goes to the conflict log. */
  conflicts: ConflictPreview[];
  /**
   * Records not taken as they are: dated beyond the allowed drift (refused unless `takeFutureEditsAsOwn`), or
   * carrying this installation's own node id with clocks it never issued (a copy of this profile; always refused).
   */
  heldBack: HeldBackRecord[];
  /** How many records of each kind are held back, with the furthest clock (the lists above are capped). */
  refused: ClockRefusals;
  /** A "changes" file starting after edits of the sender never taken here (ask them for everything); null if none. */
  gap: ReceiveGap | null;
  /** Records repaired by the workspace invariants (core/sync/invariants.ts) before the merge, and records refused by them. */
  invariants: IncomingCheck;
  /** Set when the import would delete more than half of the live records: applyImport needs confirmMassDelete. */
  massDelete: { deleting: number; live: number } | null;
  /** Open conflict log entries the import would close, a newer version making them moot (docs/sync-format.md §6). */
  closedConflicts: number;
  /** True when nothing would change (e.g. the same file imported twice). */
  nothingToDo: boolean;
  /** The decoded, validated records; opaque to the UI. */
  readonly payload: unknown;
}

export interface PreviewOptions extends LongTaskOptions {
  /** Needed for encrypted files; without it an encrypted file rejects with code 'passphrase-required'. */
  passphrase?: string;
}

/** Decode, verify, decrypt, validate and compare with the workspace, without writing anything. Throws SyncError. */
export async function previewImport(ws: Workspace, bytes: Uint8Array, options?: PreviewOptions): Promise<ImportPreview> {
  const { passphrase, onProgress, signal } = options ?? {};
  const file = await decodeSyncFile(bytes, { passphrase, signal, onProgress: (p: FileProgress) => onProgress?.(p) });
  return previewDecoded(ws, file, { onProgress, signal });
}

/**
 * The import's stages after decoding (invariants → plan → preview), for records that arrived validated by
 * another way than a file: live sync (data/live/) hands its pulled batches here, so they take exactly the
 * path a file's records take.
 */
export async function previewDecoded(ws: Workspace, file: DecodedSyncFile, options?: LongTaskOptions): Promise<ImportPreview> {
  const { onProgress, signal } = options ?? {};
  // Repaired or refused here, before anything is compared: the merge and applyImport only ever see sound records.
  onProgress?.({ phase: 'comparing', done: 0, total: Math.max(file.total, 1) });
  const invariants = checkIncoming(file.data, PREVIEW_LIST_LIMIT);
  const db = ws.db;
  const breathe = timeSlicer();
  const perTable = Object.fromEntries(SYNCED_TABLES.map((t) => [t, emptyCounts()])) as Record<SyncedTable, TableChangeCounts>;
  const totals = { ...emptyCounts(), conflicts: 0 };
  const added: RecordRef[] = [];
  const updated: RecordRef[] = [];
  const deleted: RecordRef[] = [];
  const conflicts: ConflictPreview[] = [];
  const heldBack: HeldBackRecord[] = [];
  // Labels only for what the preview lists (at most PREVIEW_LIST_LIMIT per list): not per record.
  const room = (list: unknown[]) => list.length < PREVIEW_LIST_LIMIT;
  const refOf = (t: SyncedTable, rec: StoredRecord<SyncedTable>): RecordRef => ({ table: t, id: rec.id, label: recordLabel(t, rec) });
  const bounds = await clockBoundsOf(ws);
  const refused: ClockRefusals = { maxDriftMs: bounds.maxDriftMs, future: null, ownNode: null };
  let done = 0;
  let closedConflicts = 0;
  for (const t of SYNCED_TABLES) {
    const incoming = file.data[t] as StoredRecord<SyncedTable>[];
    if (!incoming.length) continue;
    const table = db.table<StoredRecord<SyncedTable>, string>(t);
    const empty = (await table.count()) === 0;
    const counts = perTable[t];
    for (let i = 0; i < incoming.length; i += CHUNK) {
      const chunk = incoming.slice(i, i + CHUNK);
      const locals = empty ? [] : await table.bulkGet(chunk.map((r) => r.id));
      const logged = empty ? undefined : await loggedFor(db, t, chunk.filter((_, k) => locals[k]).map((r) => r.id));
      // undefined: held back; null: no local record, so the file's record is new here (no merge object per record).
      const merges = chunk.map((rec, k) => (heldBackOf(t, rec, locals[k], bounds, refused) ? undefined : locals[k] ? mergeRecord(t, locals[k], rec, logged!(rec.id)) : null));
      // A conflict already in the log (an earlier import of the same loss) is not news.
      const fresh = await shownConflicts(db, merges);
      // A plain loop with no closure or array per record: this runs for every record of the file, on top of the
      // decoded file in memory (the import's peak).
      for (let k = 0; k < chunk.length; k++) {
        const rec = chunk[k]!;
        const m = merges[k];
        if (m === undefined) {
          const held = heldBackOf(t, rec, locals[k], bounds)!;
          counts.heldBack++;
          if (room(heldBack)) heldBack.push({ ...refOf(t, rec), clock: held.clock, reason: held.reason });
          continue;
        }
        if (m === null) {
          if (rec.deleted) counts.hidden++;
          else {
            counts.added++;
            if (room(added)) added.push(refOf(t, rec));
          }
          continue;
        }
        const local = locals[k];
        closedConflicts += m.closed.length;
        if (!m.result) counts.unchanged++;
        else if (m.deletedNow) {
          counts.deleted++;
          if (room(deleted)) deleted.push(refOf(t, rec));
        } else if ((m.result.deleted && local?.deleted) || !valuesChanged(t, local, m.result)) counts.hidden++;
        else {
          counts.updated++;
          if (room(updated)) updated.push(refOf(t, rec));
        }
        for (const c of m.conflicts) {
          if (!fresh.has(c)) continue;
          totals.conflicts++;
          if (!room(conflicts)) continue;
          conflicts.push({
            ...refOf(t, rec),
            label: recordLabel(t, local ?? rec),
            field: c.field,
            localValue: c.winnerSide === 'local' ? c.winner.value : c.loser.value,
            incomingValue: c.winnerSide === 'local' ? c.loser.value : c.winner.value,
            localClock: c.winnerSide === 'local' ? c.winner.stamp.c : c.loser.stamp.c,
            incomingClock: c.winnerSide === 'local' ? c.loser.stamp.c : c.winner.stamp.c,
            winner: c.winnerSide,
          });
        }
      }
      done += chunk.length;
      onProgress?.({ phase: 'comparing', done, total: Math.max(file.total, 1) });
      throwIfAborted(signal);
      await breathe();
    }
  }
  for (const t of SYNCED_TABLES) for (const k of Object.keys(totals) as (keyof TableChangeCounts)[]) if (k in perTable[t]) totals[k] += perTable[t][k];
  const deleting = SYNCED_TABLES.filter((t) => t !== 'conflicts').reduce((n, t) => n + perTable[t].deleted, 0);
  const massDelete: ImportPreview['massDelete'] = deleting > 0 ? (massDeleteProblem(await countLive(db), deleting) ?? null) : null;
  const nothingToDo = totals.added + totals.updated + totals.deleted + totals.hidden === 0 && totals.conflicts === 0 && closedConflicts === 0;
  const payload: Payload = { file };
  payloads.add(payload);
  return {
    header: file.header,
    encrypted: file.encrypted,
    from: file.header.installation,
    perTable,
    totals,
    added,
    updated,
    deleted,
    conflicts,
    heldBack,
    refused,
    gap: await receiveGap(db, file.header),
    invariants,
    massDelete,
    closedConflicts,
    nothingToDo,
    payload,
  };
}

export interface ApplyOptions extends LongTaskOptions {
  /** Required when preview.massDelete is set; otherwise rejects with code 'mass-delete'. */
  confirmMassDelete?: boolean;
  /**
   * Take the values of records dated beyond the allowed drift as this installation's own edits, stamped now
   * (a local edit like any other; their far clocks are never taken). Without it they are refused.
   */
  takeFutureEditsAsOwn?: boolean;
  /** Tests only: throw after this many records were written, to prove the import is all or nothing. */
  failAfter?: number;
  /** From how many incoming records the Pack dialog's totals are rebuilt later rather than kept write by write (deferBriefingTotals). */
  deferTotalsFrom?: number;
}

/**
 * An import this large leaves the per-briefing totals to be rebuilt, once, when the Pack dialog next needs
 * them: kept write by write they halved an import's speed (`npm run bench:sync`, 100,000 records: 0.48× raw
 * bulkPut, 0.90× without). A colleague's weekly file or a live pull's steady trickle stays below it; a first
 * live pull or a catch-up after days offline (batches of 2,000) goes above it, and until the totals are rebuilt
 * the briefing list counts its rows from the tables (data/briefings.ts countsFor), correct but slower.
 */
const DEFER_TOTALS_FROM = 1_000;

export interface ImportResult {
  added: number;
  updated: number;
  deleted: number;
  /** New entries in the conflict log. */
  conflicts: number;
  /** Open entries of the conflict log closed because a newer version made them moot (docs/sync-format.md §6). */
  closedConflicts: number;
  heldBack: number;
  /** False when the import changed nothing. */
  changed: boolean;
  /** applyDecoded only: the ids held back, so live sync can ask for them again. */
  heldBackIds?: string[];
}

/** applyDecoded's previews: nobody reads them, so they carry no counts. */
const blindPreviews = new WeakSet<ImportPreview>();

/**
 * The import's stages for records that no one previews (live sync's pulled batches): invariants, then the
 * same transaction as applyImport — merge, clock bounds, conflict log, peer marks — without the comparing pass
 * a preview makes. The mass-delete rule is still checked, inside the transaction: such a batch throws
 * SyncError 'mass-delete' and changes nothing.
 */
export async function applyDecoded(ws: Workspace, file: DecodedSyncFile, options?: Omit<ApplyOptions, 'confirmMassDelete'>): Promise<ImportResult> {
  // Repaired or refused here, as previewDecoded does before anything is compared.
  checkIncoming(file.data, PREVIEW_LIST_LIMIT);
  const payload: Payload = { file };
  payloads.add(payload);
  const totals = { ...emptyCounts(), conflicts: 0 };
  const preview = { header: file.header, encrypted: file.encrypted, from: file.header.installation, totals, massDelete: null, payload } as unknown as ImportPreview;
  blindPreviews.add(preview);
  return applyImport(ws, preview, options);
}

/**
 * Merge the previewed file into the workspace in ONE transaction (all synced tables, meta, peers). The merge
 * is recomputed inside the transaction against the current state. On any failure nothing changes: records,
 * clock and peer state are as before.
 */
export async function applyImport(ws: Workspace, preview: ImportPreview, options?: ApplyOptions): Promise<ImportResult> {
  const { confirmMassDelete = false, takeFutureEditsAsOwn = false, onProgress, signal, failAfter, deferTotalsFrom = DEFER_TOTALS_FROM } = options ?? {};
  const payload = preview.payload as Payload;
  if (!payloads.has(payload)) throw new SyncError('invalid', 'This preview did not come from previewImport.');
  if (preview.massDelete && !confirmMassDelete) throw massDeleteError(preview.massDelete.deleting, preview.massDelete.live);
  throwIfAborted(signal);
  const { file } = payload;
  const blind = blindPreviews.has(preview);
  const db = ws.db;
  const clockBefore = ws.snapshotClock();
  const tables = SYNCED_TABLES.map((t) => db.table(t));
  try {
    return await db.transaction('rw', [...tables, db.meta, db.peers], async () => {
      if (SYNCED_TABLES.reduce((n, t) => n + file.data[t].length, 0) >= deferTotalsFrom) await deferBriefingTotals(db);
      const result: ImportResult = { added: 0, updated: 0, deleted: 0, conflicts: 0, closedConflicts: 0, heldBack: 0, changed: false };
      const heldIds: string[] | undefined = blind ? [] : undefined;
      if (heldIds) result.heldBackIds = heldIds;
      const liveBefore = !confirmMassDelete && preview.totals.deleted > 0 ? await countLive(db) : undefined;
      let addedLive = 0;
      let restored = 0;
      let deletedLive = 0;
      let written = 0;
      let done = 0;
      let maxRemote = '';
      let minChanged = '';
      let minHeld = '';
      const entries = new Map<string, Conflict>();
      const closing = new Map<string, Conflict>();
      const bounds = await clockBoundsOf(ws);
      const restampClock = takeFutureEditsAsOwn ? await restampClockFor(ws, file, bounds) : undefined;
      for (const t of SYNCED_TABLES) {
        const incoming = file.data[t] as StoredRecord<SyncedTable>[];
        if (!incoming.length) continue;
        const table = db.table<StoredRecord<SyncedTable>, string>(t);
        const empty = (await table.count()) === 0;
        for (let i = 0; i < incoming.length; i += CHUNK) {
          const chunk = incoming.slice(i, i + CHUNK);
          const locals = empty || (await holdsNoneOf(table, chunk)) ? [] : await table.bulkGet(chunk.map((r) => r.id));
          const logged = empty ? undefined : await loggedFor(db, t, chunk.filter((_, k) => locals[k]).map((r) => r.id));
          // Entries from the file are settled against the records they are about, as this import left them.
          const about = t === 'conflicts' ? await recordsAbout(db, chunk as Conflict[]) : undefined;
          const puts: StoredRecord<SyncedTable>[] = [];
          chunk.forEach((rec, k) => {
            const take = takeRecord(t, locals[k], rec, bounds, restampClock, logged?.(rec.id));
            if (!take) {
              // Held back: not applied, and not counted as received (so a later file can bring it again).
              result.heldBack++;
              heldIds?.push(rec.id);
              if (!minHeld || rec.hlc < minHeld) minHeld = rec.hlc;
              return;
            }
            const { m, restamped } = take;
            // A record taken as this installation's own edit carries its clock, not the sender's far one.
            if (!restamped && rec.hlc > maxRemote) maxRemote = rec.hlc;
            for (const c of m.conflicts) {
              const entry = conflictEntry(c);
              entries.set(entry.id, entry);
            }
            for (const e of m.closed) closing.set(e.id, e);
            if (!m.result) return;
            puts.push(about ? settleEntry(m.result as Conflict, about(m.result as Conflict)) : m.result);
            if (!minChanged || m.result.hlc < minChanged) minChanged = m.result.hlc;
            if (m.added) result.added++;
            else result.updated++;
            if (t === 'conflicts') return;
            if (m.deletedNow) deletedLive++;
            if (m.restoredNow) restored++;
            if (m.added && !m.result.deleted) addedLive++;
          });
          if (puts.length) await table.bulkPut(puts);
          written += puts.length;
          if (failAfter !== undefined && written >= failAfter) throw new Error(`Injected failure after ${written} records (test hook).`);
          done += chunk.length;
          onProgress?.({ phase: 'applying', done, total: Math.max(file.total, 1) });
          throwIfAborted(signal);
        }
      }
      result.deleted = deletedLive;

      let minNewConflict = '';
      if (entries.size) {
        const ids = [...entries.keys()];
        const existing = await db.conflicts.bulkGet(ids);
        const fresh = ids.filter((_, k) => !existing[k]).map((id) => entries.get(id)!);
        if (fresh.length) await db.conflicts.bulkAdd(fresh);
        result.conflicts = fresh.length;
        for (const e of fresh) {
          if (!minChanged || e.hlc < minChanged) minChanged = e.hlc;
          if (!minNewConflict || e.hlc < minNewConflict) minNewConflict = e.hlc;
        }
      }

      if (closing.size) {
        // Log entries a newer version made moot, closed; merged with the entry as stored now (the file may carry it too).
        const ids = [...closing.keys()];
        const current = await db.conflicts.bulkGet(ids);
        const puts = ids.flatMap((id, k) => mergeRecord('conflicts', current[k], closing.get(id)!).result ?? []);
        if (puts.length) await db.conflicts.bulkPut(puts);
        result.closedConflicts = puts.length;
        for (const e of puts) if (!minChanged || e.hlc < minChanged) minChanged = e.hlc;
      }

      if (!confirmMassDelete && deletedLive > 0) {
        const live = liveBefore ?? (await countLive(db)) + deletedLive - addedLive - restored;
        if (massDeleteProblem(live, deletedLive)) throw massDeleteError(deletedLive, live);
      }

      const clock = ws.snapshotClock();
      if (maxRemote && maxRemote > formatHlc(clock.wall, clock.counter, clock.node)) await ws.observe(maxRemote, bounds.maxDriftMs);
      await rememberPeers(ws, file, minChanged, minNewConflict, { maxTaken: maxRemote, minHeld });
      result.changed = written > 0 || result.conflicts > 0 || result.closedConflicts > 0;
      return result;
    });
  } catch (e) {
    ws.restoreClock(clockBefore);
    if (e instanceof SyncError) throw e;
    // The reason in the language the error will be read in: the window's (messageOf's default), English in the CLI.
    throw new UserError('error.sync.importFailed', { reason: messageOf(e) }, { cause: e });
  }
}

// ---------------------------------------------------------------- peers and conflicts

/** Colleagues this installation exchanged files with, by name. */
export async function listPeers(ws: Workspace): Promise<PeerState[]> {
  const peers = await ws.db.peers.toArray();
  return peers.sort((a, b) => a.name.localeCompare(b.name));
}

/** Bring the losing value back (a new local edit, which will travel to colleagues) and mark the entry 'restored'. */
export async function reverseConflict(ws: Workspace, conflictId: string): Promise<void> {
  const db = ws.db;
  const entry = await db.conflicts.get(conflictId);
  if (!entry || entry.deleted) throw SyncError.of('invalid', 'error.sync.conflictGone');
  if (entry.resolution === 'restored') return;
  await db.transaction('rw', [...new Set([db.table(entry.table), db.conflicts, db.meta])], async () => {
    if (entry.field === 'deleted') {
      if (entry.value === 1) await ws.remove(entry.table, entry.recordId);
      else await ws.restore(entry.table, entry.recordId);
    } else {
      const record = await db.table<StoredRecord<SyncedTable>, string>(entry.table).get(entry.recordId);
      if (!record) throw SyncError.of('invalid', 'error.sync.conflictRecordGone');
      if (record.deleted) throw SyncError.of('invalid', 'error.sync.conflictRecordDeleted');
      await ws.update(entry.table, entry.recordId, { [entry.field]: entry.value });
      // A value kept from an older file (or by an older version) may break a rule the editors keep now: it is
      // mended by the same deterministic repair an import applies, never stored broken.
      await repairStoredRecords(ws, [{ table: entry.table, recordId: entry.recordId }]);
    }
    await ws.update('conflicts', conflictId, { resolution: 'restored' });
  });
}

/** Mark a conflict log entry as reviewed ('dismissed'); the current value stays. */
export async function dismissConflict(ws: Workspace, conflictId: string): Promise<void> {
  const entry = await ws.db.conflicts.get(conflictId);
  if (!entry || entry.deleted) throw SyncError.of('invalid', 'error.sync.conflictGone');
  await ws.update('conflicts', conflictId, { resolution: 'dismissed' });
}

// ---------------------------------------------------------------- internals

/** Records per bulkGet/bulkPut: large enough for IndexedDB throughput, small enough to keep the UI fed. */
const CHUNK = 2000;

interface Payload {
  file: DecodedSyncFile;
}
const payloads = new WeakSet<Payload>();

/**
 * Export reads: pages of EXPORT_PAGE records, READ_AHEAD of them queued ahead of the encoder, so at most
 * READ_AHEAD + 1 pages are in memory. Fewer, larger reads cost IndexedDB less CPU (measured in Chromium:
 * about 5 % less than pages of 2,000; 10,000 gained nothing more).
 */
const EXPORT_PAGE = 5000;
const READ_AHEAD = 2;
/** Records encoded between two chances to yield (a multiple of the 100 records per line keeps files identical). */
const ENCODE_SLICE = 1000;

/**
 * One read per page of a table. By primary key range for a whole table: the first and last ranges are open,
 * so records written since the keys were listed are not missed. By key for "changed since" (the hlc index
 * gave exactly those keys), skipping records that vanished meanwhile.
 */
function pageReads(table: Table<StoredRecord<SyncedTable>, string>, keys: string[], exactKeys: boolean): (() => Promise<StoredRecord<SyncedTable>[]>)[] {
  const reads: (() => Promise<StoredRecord<SyncedTable>[]>)[] = [];
  if (exactKeys) {
    for (let i = 0; i < keys.length; i += EXPORT_PAGE) {
      const slice = keys.slice(i, i + EXPORT_PAGE);
      reads.push(async () => (await table.bulkGet(slice)).filter((r): r is StoredRecord<SyncedTable> => r !== undefined));
    }
    return reads;
  }
  if (!keys.length) return [() => table.toArray()];
  for (let i = 0; i < keys.length; i += EXPORT_PAGE) {
    const lower = i === 0 ? undefined : keys[i]!;
    const upper = i + EXPORT_PAGE < keys.length ? keys[i + EXPORT_PAGE]! : undefined;
    reads.push(() => {
      if (lower === undefined && upper === undefined) return table.toArray();
      if (lower === undefined) return table.where(':id').below(upper!).toArray();
      if (upper === undefined) return table.where(':id').aboveOrEqual(lower).toArray();
      return table.where(':id').between(lower, upper, true, false).toArray();
    });
  }
  return reads;
}

/**
 * Runs the page reads in order with up to `depth` of them in flight, handing out each page as it lands. A
 * page is dropped from the queue when handed out, so at most `depth + 1` pages are in memory.
 */
async function* readAhead<T, R>(pages: { t: T; read: () => Promise<R> }[], depth: number): AsyncGenerator<{ t: T; rows: R }> {
  const queue: { t: T; rows: Promise<R> }[] = [];
  let next = 0;
  const fill = () => {
    while (queue.length < depth && next < pages.length) {
      const { t, read } = pages[next]!;
      pages[next++] = undefined as never;
      const rows = read();
      // Awaited below in turn; if the export stops first (abort, failure), the rejection is not "unhandled".
      rows.catch(() => undefined);
      queue.push({ t, rows });
    }
  };
  fill();
  while (queue.length) {
    const head = queue.shift()!;
    const rows = await head.rows;
    fill();
    yield { t: head.t, rows };
  }
}

/**
 * True when the table holds none of these records' ids: no stored key between the smallest and the largest of
 * them (one key read). Exact, and it spares the per-id lookups of a chunk of records new here — every chunk of a
 * first pull or of a colleague's new work, as ids sort by creation time: 7 % less CPU for a first live pull's
 * import (bench:live's batches, fake-indexeddb, 8 alternating rounds). False is only "maybe": the caller then
 * reads each id.
 */
async function holdsNoneOf(table: Table<StoredRecord<SyncedTable>, string>, records: readonly StoredRecord<SyncedTable>[]): Promise<boolean> {
  let lo = records[0]!.id;
  let hi = lo;
  for (const r of records) {
    if (r.id < lo) lo = r.id;
    else if (r.id > hi) hi = r.id;
  }
  return (await table.where(':id').between(lo, hi, true, true).limit(1).primaryKeys()).length === 0;
}

function emptyCounts(): TableChangeCounts {
  return { added: 0, updated: 0, deleted: 0, unchanged: 0, heldBack: 0, hidden: 0 };
}

function massDeleteError(deleting: number, live: number): SyncError {
  return SyncError.of('mass-delete', 'error.sync.massDelete', { deleting, live });
}

/** Live records of the workspace (the conflict log aside), counted off indexes. Only when an import deletes something. */
async function countLive(db: AttacheDb): Promise<number> {
  const counts = await Promise.all(
    SYNCED_TABLES.filter((t) => t !== 'conflicts').map((t) =>
      t === 'briefings' ? liveBriefingsByDate(db).count() : db.table(t).where('deleted').equals(0).count(),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** The colleague of that name, compared as names are everywhere (case, accents and spacing aside). */
async function peerNamed(db: AttacheDb, name: string): Promise<PeerState | undefined> {
  const want = foldName(name);
  return (await db.peers.toArray()).find((p) => foldName(p.name) === want);
}

/** A colleague first named at an export, remembered (under a stand-in id) once the file was saved. */
async function rememberNewPeer(ws: Workspace, to: InstallationRef, sent: Hlc | ''): Promise<void> {
  const db = ws.db;
  await db.transaction('rw', db.peers, async () => {
    if (await peerNamed(db, to.name)) return;
    const at = sent ? new Date(ws.nowMs()).toISOString() : '';
    await db.peers.put({ id: to.id, name: to.name, lastSentHlc: sent, lastSentAt: at, lastReceivedHlc: '', lastReceivedAt: '', standIn: true });
  });
}

/**
 * The first file from a colleague first named at an export: the installation of that name takes the
 * stand-in's place, with what was sent to them. Inside the import's transaction.
 */
async function adoptStandIn(db: AttacheDb, from: InstallationRef): Promise<void> {
  if (await db.peers.get(from.id)) return;
  const want = foldName(from.name);
  const standIn = (await db.peers.toArray()).find((p) => p.standIn && foldName(p.name) === want);
  if (!standIn) return;
  const { standIn: _, ...rest } = standIn;
  await db.peers.delete(standIn.id);
  await db.peers.put({ ...rest, id: from.id });
}

/** Newest clock of any record, read in one transaction (one round trip, one consistent view). */
async function newestClock(db: AttacheDb): Promise<Hlc | ''> {
  const tables = SYNCED_TABLES.map((t) => db.table<StoredRecord<SyncedTable>, string>(t));
  const last = await db.transaction('r', tables, () => Promise.all(tables.map((table) => table.orderBy('hlc').last())));
  let max = '';
  for (const r of last) if (r && r.hlc > max) max = r.hlc;
  return max;
}

/**
 * The colleague with their "last sent" mark lowered below `clock`, so that the next "changes" export
 * to them includes everything stamped `clock` or later; undefined when the mark is already below it.
 */
export function markToResend(peer: PeerState, clock: Hlc): PeerState | undefined {
  return peer.lastSentHlc && peer.lastSentHlc >= clock ? { ...peer, lastSentHlc: hlcJustBelow(clock) } : undefined;
}

/** markToResend for every colleague (but `except`), inside the caller's transaction on `peers`. */
export async function resendToAll(db: AttacheDb, clock: Hlc, except?: string): Promise<void> {
  for (const p of await db.peers.toArray()) {
    const lowered = p.id === except ? undefined : markToResend(p, clock);
    if (lowered) await db.peers.put(lowered);
  }
}

/**
 * Peer bookkeeping inside the import transaction. The sender: what we received from it. Everyone else:
 * records this import changed may carry clocks older than what we last sent them (a relayed colleague's
 * edits), so their "last sent" mark is lowered below the oldest such clock and the next "changes" export
 * includes them. The sender itself only needs the conflict log entries this import created.
 */
async function rememberPeers(
  ws: Workspace,
  file: DecodedSyncFile,
  minChanged: Hlc | '',
  minNewConflict: Hlc | '',
  received: { maxTaken: Hlc | ''; minHeld: Hlc | '' },
): Promise<void> {
  const db = ws.db;
  const from = file.header.installation;
  const isPeer = from.id !== ws.installation.id && file.header.scope.kind !== 'merge';
  const nowIso = new Date(ws.nowMs()).toISOString();
  if (isPeer) await adoptStandIn(db, from);
  if (minChanged) await resendToAll(db, minChanged, isPeer ? from.id : undefined);
  // Live sync's push mark likewise; a batch pulled from the server only adds conflict log entries it lacks.
  await lowerLivePushMarks(db, from.id === LIVE_INSTALLATION.id ? minNewConflict : minChanged);
  if (!isPeer) return;
  const old = await db.peers.get(from.id);
  let next: PeerState = {
    id: from.id,
    name: from.name || old?.name || 'Colleague',
    lastSentHlc: old?.lastSentHlc ?? '',
    lastSentAt: old?.lastSentAt ?? '',
    lastReceivedHlc: old?.lastReceivedHlc ?? '',
    lastReceivedAt: old?.lastReceivedAt ?? '',
  };
  const mark = receivedMark(next.lastReceivedHlc, received.maxTaken, received.minHeld);
  if (mark !== next.lastReceivedHlc) {
    next.lastReceivedHlc = mark;
    next.lastReceivedAt = nowIso;
  }
  if (minNewConflict) next = markToResend(next, minNewConflict) ?? next;
  const same = old && (Object.keys(next) as (keyof PeerState)[]).every((k) => old[k] === next[k]);
  if (!same) await db.peers.put(next);
}

function fileStem(ws: Workspace, to: InstallationRef | undefined, kind?: string): string {
  const d = new Date(ws.nowMs());
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
  return ['attache', kind, slug(ws.installation.name, 'workspace'), to ? `for-${slug(to.name, 'colleague')}` : undefined, stamp].filter(Boolean).join('-');
}
