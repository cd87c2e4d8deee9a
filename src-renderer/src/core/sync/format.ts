/**
 * The sync file format (docs/sync-format.md): a header line, body lines of records grouped per table,
 * and a trailer line with the SHA-256 digest. Pure TypeScript with WebCrypto, so the app, the CLI and
 * the tests read and write files with this one implementation.
 */
import type { Hlc } from '../hlc';
import type { SyncedTable } from '../model';
import type { Selection } from './select';

export const FORMAT_NAME = 'attache-sync';
export const FORMAT_VERSION = 1;

export interface InstallationRef {
  id: string;
  name: string;
}

/** What an export covers. */
export type SyncScope =
  /** Everything, tombstones included; `to` when it was made for a named colleague. */
  | { kind: 'full'; to?: InstallationRef }
  /** Only records changed after `since` (a clock of the exporter's), for colleague `to`. */
  | { kind: 'since'; since: Hlc; to: InstallationRef }
  /** Part of the workspace; `description` is a human summary of `selection`. */
  | { kind: 'selection'; selection: Selection; description: string; to?: InstallationRef }
  /** Made by `attache sync merge` from several files. */
  | { kind: 'merge'; sources: { installation: InstallationRef; createdAt: string }[] };

export interface EncryptionHeader {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64, 16 random bytes. */
  salt: string;
  cipher: 'AES-256-GCM';
  /** base64, 12 random bytes. */
  iv: string;
}

/** The first line of every sync file. Never secret: it is readable without the passphrase. */
export interface SyncHeader {
  format: typeof FORMAT_NAME;
  version: number;
  app: { name: string; version: string };
  installation: InstallationRef;
  /** ISO 8601 time the file was written. */
  createdAt: string;
  scope: SyncScope;
  counts: Record<SyncedTable, number>;
  /** Newest field clock in the file, '' when it carries no records. */
  maxClock: Hlc | '';
  encryption?: EncryptionHeader;
}
