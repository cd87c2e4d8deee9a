/**
 * Where records live on this side of a live sync link, as the replicator (data/live/replicator.ts) sees them:
 * the workspace in the app (data/live/dexie-store.ts), a sync file's records in the command line
 * (maps-store.ts). The checkpoint is local bookkeeping, never synced.
 */
import type { Hlc } from '../hlc';
import type { StoredRecord, SyncedTable, WorkspaceData } from '../model';
import type { CeilingLookup } from './ceiling';

export interface LiveCheckpoint {
  /** The server's sequence up to which every change is applied here ('' = from the start). */
  since: string;
  /** Every local record with a clock at or below this is on the server (or stays local by the ceiling). */
  pushedUpTo: Hlc | '';
  lastSyncedAt: string;
  /**
   * Ids the import held back (dated beyond the allowed drift, or a copy of this profile's node): the checkpoint
   * moved past them, so each pull asks for them again until the clock rules let them in.
   */
  heldBack?: string[];
}

export const NO_CHECKPOINT: LiveCheckpoint = { since: '', pushedUpTo: '', lastSyncedAt: '' };

export type Row = { table: SyncedTable; record: StoredRecord<SyncedTable> };

export interface ApplyOutcome {
  /** Records written (added or changed) by the import. */
  changed: number;
  /** Records the import's clock rules held back (not applied). */
  heldBack: number;
  /** Their ids (as far as the import lists them). */
  heldBackIds: string[];
}

/** Where records live on this side of the link. */
export interface LiveStore {
  /** Records with a clock newer than `mark` ('' = every record), in batches of about `size`. */
  changedSince(mark: Hlc | '', size: number): AsyncIterable<Row[]>;
  /** The newest record clock of the store ('' when empty). */
  newestClock(): Promise<Hlc | ''>;
  /** What the ceiling filter needs to judge these rows. */
  ceilingLookup(rows: readonly Row[]): Promise<CeilingLookup>;
  /** Apply pulled records through the import's stages (validate → invariants → plan → apply). Throws SyncError to refuse. */
  apply(data: WorkspaceData): Promise<ApplyOutcome>;
  loadCheckpoint(): Promise<LiveCheckpoint>;
  saveCheckpoint(c: LiveCheckpoint): Promise<void>;
}
