/**
 * File sync for the app: export (full, changes for a colleague, selection, backup), import (preview, then
 * one all-or-nothing transaction) and the conflict log actions. The file format, the merge and the
 * validation live in core/sync; this module only adds Dexie, the clock and the remembered peer state.
 *
 * Every failure the user can cause is a `SyncError` whose message is one sentence for the screen.
 */
import type { Hlc } from '../core/hlc';
import type { SyncedTable } from '../core/model';
import type { InstallationRef, SyncHeader } from '../core/sync/format';
import type { Selection } from '../core/sync/select';
import type { PeerState } from './db';
import type { Workspace } from './workspace';

export { SyncError, isSyncError, type SyncErrorCode } from '../core/sync/guards';
export type { SyncHeader, SyncScope, InstallationRef, EncryptionHeader } from '../core/sync/format';
export type { Selection } from '../core/sync/select';
export type { PeerState } from './db';

/** File-name extension of sync files (without the dot), for save/open dialogs' filters. */
export const SYNC_FILE_EXTENSION = 'attache';
export const SYNC_MIME_TYPE = 'application/x-attache-sync';

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
export declare function exportWorkspace(ws: Workspace, options?: ExportOptions): Promise<ExportResult>;

/** The automatic backup: a full, unencrypted export. Does not touch peer state. */
export declare function createBackup(ws: Workspace, options?: { appVersion?: string } & LongTaskOptions): Promise<{ bytes: Uint8Array; name: string }>;

// ---------------------------------------------------------------- import

/** Header facts readable without a passphrase (for "this file is from X, encrypted: enter the passphrase"). Throws SyncError. */
export declare function readSyncHeader(bytes: Uint8Array): { header: SyncHeader; encrypted: boolean };

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
  /** The far-future clock that made it suspicious. */
  clock: Hlc;
}

export interface TableChangeCounts {
  added: number;
  updated: number;
  /** Live here, deleted by the file. */
  deleted: number;
  unchanged: number;
  heldBack: number;
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
  /** Records with edits stamped more than a day in the future: not applied unless `applyFutureEdits`. */
  heldBack: HeldBackRecord[];
  /** Set when the import would delete more than half of the live records: applyImport needs confirmMassDelete. */
  massDelete: { deleting: number; live: number } | null;
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
export declare function previewImport(ws: Workspace, bytes: Uint8Array, options?: PreviewOptions): Promise<ImportPreview>;

export interface ApplyOptions extends LongTaskOptions {
  /** Required when preview.massDelete is set; otherwise rejects with code 'mass-delete'. */
  confirmMassDelete?: boolean;
  /** Apply the held-back far-future edits too (the user chose to trust them). */
  applyFutureEdits?: boolean;
  /** Tests only: throw after this many records were written, to prove the import is all or nothing. */
  failAfter?: number;
}

export interface ImportResult {
  added: number;
  updated: number;
  deleted: number;
  /** New entries in the conflict log. */
  conflicts: number;
  heldBack: number;
  /** False when the import changed nothing. */
  changed: boolean;
}

/**
 * Merge the previewed file into the workspace in ONE transaction (all synced tables, meta, peers). The merge
 * is recomputed inside the transaction against the current state. On any failure nothing changes: records,
 * clock and peer state are as before.
 */
export declare function applyImport(ws: Workspace, preview: ImportPreview, options?: ApplyOptions): Promise<ImportResult>;

// ---------------------------------------------------------------- peers and conflicts

/** Colleagues this installation exchanged files with, by name. */
export declare function listPeers(ws: Workspace): Promise<PeerState[]>;

/** Bring the losing value back (a new local edit, which will travel to colleagues) and mark the entry 'restored'. */
export declare function reverseConflict(ws: Workspace, conflictId: string): Promise<void>;

/** Mark a conflict log entry as reviewed ('dismissed'); the current value stays. */
export declare function dismissConflict(ws: Workspace, conflictId: string): Promise<void>;
