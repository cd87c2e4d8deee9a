/**
 * The sync file format (docs/sync-format.md): a header line, body lines of records grouped per table,
 * and a trailer line with the SHA-256 digest. Pure TypeScript with WebCrypto, so the app, the CLI and
 * the tests read and write files with this one implementation.
 */
import { z } from '../zod';
import { isHlc, type Hlc } from '../hlc';
import { isId } from '../ids';
import { FIELDS, SYNCED_TABLES, emptyWorkspaceData, stampedFields, type StoredRecord, type SyncedTable, type WorkspaceData } from '../model';
import { decryptBody, encryptBody, newEncryptionHeader } from './crypto';
import { sha256, toHex } from './digest';
import type { EncryptionHeader } from './encryption-header';
import { SYNC_LIMITS, SyncError, fileSizeProblem, throwIfAborted, timeSlicer } from './guards';
import type { Selection } from './select';
import { validateRecord } from './validate';
import { FORMAT_VERSION, tableExistsIn, upgradeCounts, upgradeRawRecord } from './versions';

export { FORMAT_VERSION } from './versions';
export const FORMAT_NAME = 'attache-sync';

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

export type { EncryptionHeader } from './encryption-header';

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

// ---------------------------------------------------------------- layout

const MAGIC = `{"format":"${FORMAT_NAME}",`;
const TRAILER_PREFIX = '{"sha256":"';
const TRAILER_SUFFIX = '"}\n';
const TRAILER_LENGTH = TRAILER_PREFIX.length + 64 + TRAILER_SUFFIX.length;
const NL = 0x0a;

const encoder = new TextEncoder();

export interface FileProgress {
  phase: 'verifying' | 'decrypting' | 'validating' | 'encrypting' | 'writing';
  done: number;
  total: number;
}

export interface LongTask {
  onProgress?: (p: FileProgress) => void;
  signal?: AbortSignal;
}

// ---------------------------------------------------------------- header

const installationSchema = z.strictObject({ id: z.string().refine(isId), name: z.string().max(200) });
const clockSchema = z.string().refine(isHlc);
const selectionSchema = z.strictObject({
  tags: z.array(z.string().max(60)).max(100).optional(),
  briefingIds: z.array(z.string().refine(isId)).max(10_000).optional(),
  ceiling: z.string().max(60).optional(),
});
const headerSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  version: z.number().int().min(1).max(FORMAT_VERSION),
  app: z.strictObject({ name: z.string().max(100), version: z.string().max(100) }),
  installation: installationSchema,
  createdAt: z.string().max(40),
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('full'), to: installationSchema.optional() }),
    z.strictObject({ kind: z.literal('since'), since: z.union([clockSchema, z.literal('')]), to: installationSchema }),
    z.strictObject({ kind: z.literal('selection'), selection: selectionSchema, description: z.string().max(2000), to: installationSchema.optional() }),
    z.strictObject({
      kind: z.literal('merge'),
      sources: z.array(z.strictObject({ installation: installationSchema, createdAt: z.string().max(40) })).max(1000),
    }),
  ]),
  counts: z.strictObject(Object.fromEntries(SYNCED_TABLES.map((t) => [t, z.number().int().nonnegative()])) as Record<SyncedTable, z.ZodNumber>),
  maxClock: z.union([clockSchema, z.literal('')]),
  encryption: z
    .strictObject({
      kdf: z.literal('PBKDF2-SHA256'),
      iterations: z.number().int(),
      salt: z.string().max(200),
      cipher: z.literal('AES-256-GCM'),
      iv: z.string().max(200),
    })
    .optional(),
});

export interface HeaderInfo {
  header: SyncHeader;
  encrypted: boolean;
  /** Byte offset just after the header line's newline. */
  bodyStart: number;
}

function startsWithMagic(bytes: Uint8Array): boolean {
  const magic = encoder.encode(MAGIC);
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Read and check the first line. Fast: it never looks past the header. */
export function readHeader(bytes: Uint8Array): HeaderInfo {
  if (!startsWithMagic(bytes)) {
    const prefix = encoder.encode(MAGIC);
    const isPrefix = bytes.length < prefix.length && bytes.every((b, i) => b === prefix[i]);
    if (isPrefix && bytes.length > 0) throw SyncError.of('truncated', 'error.sync.truncatedHeader');
    throw SyncError.of('not-sync-file', 'error.sync.notSyncFile');
  }
  const tooLarge = fileSizeProblem(bytes.length);
  if (tooLarge) throw tooLarge;
  const end = bytes.subarray(0, SYNC_LIMITS.headerBytes + 1).indexOf(NL);
  if (end === -1) {
    if (bytes.length <= SYNC_LIMITS.headerBytes) throw SyncError.of('truncated', 'error.sync.truncatedHeader');
    throw SyncError.of('not-sync-file', 'error.sync.headerTooLong');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end)));
  } catch {
    throw SyncError.of('not-sync-file', 'error.sync.headerUnreadable');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw SyncError.of('invalid', 'error.sync.noVersion');
  }
  if (version > FORMAT_VERSION) {
    throw SyncError.of('newer-version', 'error.sync.newerVersion', { version, supported: FORMAT_VERSION });
  }
  upgradeCounts((raw as { counts?: unknown }).counts, version);
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw SyncError.of('invalid', 'error.sync.headerInvalid', { path: issue.path.join('.') || 'top', detail: issue.message });
  }
  const header: SyncHeader = parsed.data;
  return { header, encrypted: header.encryption !== undefined, bodyStart: end + 1 };
}

/** Check the trailer and the digest. Returns where the body ends. */
async function checkIntegrity(bytes: Uint8Array, bodyStart: number): Promise<number> {
  const bodyEnd = bytes.length - TRAILER_LENGTH;
  const trailer = bodyEnd >= bodyStart ? new TextDecoder().decode(bytes.subarray(bodyEnd)) : '';
  const match = /^\{"sha256":"([0-9a-f]{64})"\}\n$/.exec(trailer);
  if (!match) {
    throw SyncError.of('truncated', 'error.sync.truncatedDigest');
  }
  const digest = toHex(await sha256(bytes.subarray(0, bodyEnd)));
  if (digest !== match[1]) throw SyncError.of('tampered', 'error.sync.tampered');
  return bodyEnd;
}

/** Everything `sync verify` checks without a passphrase: header, completeness and digest. */
export async function verifySyncFile(bytes: Uint8Array): Promise<HeaderInfo> {
  const info = readHeader(bytes);
  await checkIntegrity(bytes, info.bodyStart);
  return info;
}

// ---------------------------------------------------------------- decode

export interface DecodedSyncFile {
  header: SyncHeader;
  encrypted: boolean;
  /** Validated records, fresh objects, grouped per table. */
  data: WorkspaceData;
  /** Number of records in all tables. */
  total: number;
  /** Newest field clock of the records. */
  maxClock: Hlc | '';
}

/**
 * Read a whole file: header, integrity, decryption, then every record validated (see validate.ts).
 * Throws a SyncError with a one-sentence message for every kind of bad file.
 */
export async function decodeSyncFile(bytes: Uint8Array, options: LongTask & { passphrase?: string } = {}): Promise<DecodedSyncFile> {
  const { onProgress, signal } = options;
  const info = readHeader(bytes);
  const { header } = info;
  onProgress?.({ phase: 'verifying', done: 0, total: 1 });
  const bodyEnd = await checkIntegrity(bytes, info.bodyStart);
  throwIfAborted(signal);
  let body = bytes.subarray(info.bodyStart, bodyEnd);
  if (header.encryption) {
    if (!options.passphrase) throw SyncError.of('passphrase-required', 'error.sync.passphraseRequired');
    onProgress?.({ phase: 'decrypting', done: 0, total: 1 });
    body = await decryptBody(body, options.passphrase, header.encryption, bytes.subarray(0, info.bodyStart - 1));
    throwIfAborted(signal);
  }
  const total = SYNCED_TABLES.reduce((n, t) => n + header.counts[t], 0);
  const data = emptyWorkspaceData();
  const ids = new Map<SyncedTable, IdWatch>(SYNCED_TABLES.map((t) => [t, new IdWatch()]));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const breathe = timeSlicer();
  const shared = new Map<string, string>();
  let maxClock = '';
  let done = 0;
  let start = 0;
  onProgress?.({ phase: 'validating', done, total: Math.max(total, 1) });
  while (start < body.length) {
    const nl = body.indexOf(NL, start);
    if (nl === -1) throw SyncError.of('invalid', 'error.sync.incompleteLine');
    let line: unknown;
    try {
      line = JSON.parse(decoder.decode(body.subarray(start, nl)));
    } catch {
      throw SyncError.of('invalid', 'error.sync.unreadableLine');
    }
    start = nl + 1;
    const { table, records } = checkLine(line);
    const watch = ids.get(table)!;
    const out = data[table] as StoredRecord<SyncedTable>[];
    if (!tableExistsIn(table, header.version)) throw SyncError.of('invalid', 'error.sync.tableNotInVersion', { table, version: header.version });
    for (const raw of records) {
      upgradeRawRecord(table, raw, header.version);
      const rec = validateRecord(table, raw);
      shareReferences(rec as unknown as Record<string, unknown>, FIELDS[table], shared);
      if (watch.repeats(rec.id, out)) throw SyncError.of('invalid', 'error.sync.duplicate', { table, id: rec.id });
      if (rec.hlc > maxClock) maxClock = rec.hlc;
      out.push(rec);
    }
    done += records.length;
    onProgress?.({ phase: 'validating', done, total: Math.max(total, 1) });
    throwIfAborted(signal);
    await breathe();
    throwIfAborted(signal);
  }
  for (const t of SYNCED_TABLES) {
    if (data[t].length !== header.counts[t]) {
      throw SyncError.of('invalid', 'error.sync.countMismatch', { announced: header.counts[t], table: t, held: data[t].length });
    }
  }
  if (maxClock !== header.maxClock) throw SyncError.of('invalid', 'error.sync.clockMismatch');
  return { header, encrypted: !!header.encryption, data, total, maxClock };
}

/**
 * One copy of each referenced id: JSON.parse makes a new string for every `briefingId`, `speakerId`,
 * `organisationId`… although a few thousand records are referenced a hundred thousand times. Equal strings of an
 * id's length (36) in a record's fields share the first copy; the map lives only while the file is decoded.
 * About 6 MiB less for 100,000 records, held from the preview until the import is applied.
 */
function shareReferences(record: Record<string, unknown>, fields: readonly string[], shared: Map<string, string>): void {
  for (const f of fields) {
    const v = record[f];
    if (typeof v !== 'string' || v.length !== 36) continue;
    const first = shared.get(v);
    if (first === undefined) shared.set(v, v);
    else record[f] = first;
  }
}

/**
 * Finds an id listed twice in a table without a set of every id: the writer lists records in id order (the
 * database's), so while ids only grow, a repeat is the id just before. Only a file out of that order (not
 * written by Attaché) pays for a set, built from the records read so far when the order first breaks.
 */
class IdWatch {
  private last = '';
  private set: Set<string> | undefined;

  /** Whether `id` was listed before; `before` holds the table's records read so far. */
  repeats(id: string, before: readonly { id: string }[]): boolean {
    if (!this.set) {
      if (id > this.last) {
        this.last = id;
        return false;
      }
      this.set = new Set(before.map((r) => r.id));
    }
    if (this.set.has(id)) return true;
    this.set.add(id);
    return false;
  }
}

function checkLine(line: unknown): { table: SyncedTable; records: unknown[] } {
  if (typeof line !== 'object' || line === null || Array.isArray(line)) throw SyncError.of('invalid', 'error.sync.lineNotGroup');
  const keys = Object.keys(line);
  const { table, records } = line as { table?: unknown; records?: unknown };
  if (keys.length !== 2 || !(SYNCED_TABLES as readonly unknown[]).includes(table) || !Array.isArray(records)) {
    throw SyncError.of('invalid', 'error.sync.unknownGroup');
  }
  return { table: table as SyncedTable, records };
}

// ---------------------------------------------------------------- encode

/** The record with keys in one fixed order and nothing else: files (and live sync documents) are reproducible byte for byte. */
export function canonical(table: SyncedTable, r: StoredRecord<SyncedTable>): Record<string, unknown> {
  const src = r as unknown as Record<string, unknown>;
  const fields = FIELDS[table];
  const stamped = stampedFields(table);
  const out: Record<string, unknown> = { id: r.id, hlc: r.hlc, deleted: r.deleted };
  for (const f of fields) out[f] = src[f];
  // Only stamps that are not simply {c: hlc}: most records were written once, so this halves the file.
  const stamps: Record<string, unknown> = {};
  for (const f of stamped) {
    const s = r.stamps[f]!;
    if (s.p === undefined) {
      if (s.c !== r.hlc) stamps[f] = { c: s.c };
    } else stamps[f] = { c: s.c, p: s.p };
  }
  out.stamps = stamps;
  return out;
}

export type HeaderFields = Pick<SyncHeader, 'app' | 'installation' | 'createdAt' | 'scope'>;

/**
 * UTF-8 text appended into fixed blocks with `encodeInto`: no intermediate byte array per line, no list of
 * small parts to join, and when the file is assembled each block is released as soon as it is copied.
 */
class Utf8Blocks {
  private readonly blocks: Uint8Array[] = [];
  private block: Uint8Array;
  private used = 0;
  /** Bytes written so far. */
  size = 0;

  constructor(
    firstBlockBytes = 64 * 1024,
    // Blocks grow to this size: a large file is a few dozen blocks, a small one wastes little.
    private readonly maxBlockBytes = 4 * 1024 * 1024,
  ) {
    this.block = new Uint8Array(firstBlockBytes);
  }

  write(text: string): void {
    let rest = text;
    for (;;) {
      // encodeInto never splits a character: what does not fit goes whole into the next block.
      const { read, written } = encoder.encodeInto(rest, this.block.subarray(this.used));
      this.used += written;
      this.size += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.blocks.push(this.block.subarray(0, this.used));
      this.block = new Uint8Array(Math.min(this.maxBlockBytes, this.block.length * 2));
      this.used = 0;
    }
  }

  /**
   * Copy every byte into `out` at `offset`, then forget (and free) the blocks: the writer is spent. Yields
   * between blocks, so assembling a large file does not freeze the UI.
   */
  async moveInto(out: Uint8Array, offset: number, signal?: AbortSignal): Promise<void> {
    this.blocks.push(this.block.subarray(0, this.used));
    this.block = new Uint8Array(0);
    this.used = 0;
    const breathe = timeSlicer();
    let at = offset;
    for (let i = 0; i < this.blocks.length; i++) {
      const b = this.blocks[i]!;
      out.set(b, at);
      at += b.length;
      this.blocks[i] = this.block;
      release(b);
      await breathe();
      throwIfAborted(signal);
    }
    this.blocks.length = 0;
  }
}

/**
 * Free a buffer's memory now rather than at the next full garbage collection (ArrayBuffer.transfer detaches
 * it; where the runtime lacks transfer, as Node 20 does, the collector frees it later). Only for buffers
 * nobody else holds.
 */
function release(bytes: Uint8Array): void {
  (bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }).transfer?.(0);
}

/**
 * Builds a file from chunks of records, so an export never needs the whole workspace as objects at once:
 * each chunk is encoded into the body's UTF-8 blocks immediately. The header (counts, newest clock) is only
 * known at the end, so `finish` writes it in front while copying the body into the one output buffer; the
 * digest covers the header, so it is computed there, over the output, in one WebCrypto call.
 */
export class SyncFileWriter {
  private readonly body = new Utf8Blocks();
  private readonly counts = Object.fromEntries(SYNCED_TABLES.map((t) => [t, 0])) as Record<SyncedTable, number>;
  private maxClock: Hlc | '' = '';
  private finished = false;

  get total(): number {
    return SYNCED_TABLES.reduce((n, t) => n + this.counts[t], 0);
  }

  add<T extends SyncedTable>(table: T, records: readonly StoredRecord<T>[]): void {
    if (this.finished) throw new Error('SyncFileWriter: add after finish');
    const prefix = `{"table":"${table}","records":[`;
    // A line ends after recordsPerLine records or once it passes lineChars (see SYNC_LIMITS); the same text as
    // JSON.stringify of the line's array, written record by record.
    let inLine = 0;
    let chars = 0;
    for (const rec of records) {
      const r = rec as StoredRecord<SyncedTable>;
      if (r.hlc > this.maxClock) this.maxClock = r.hlc;
      const text = JSON.stringify(canonical(table, r));
      if (inLine > 0 && (inLine === SYNC_LIMITS.recordsPerLine || chars + text.length > SYNC_LIMITS.lineChars)) {
        this.body.write(']}\n');
        inLine = 0;
      }
      if (inLine === 0) {
        this.body.write(prefix);
        chars = prefix.length;
      } else this.body.write(',');
      this.body.write(text);
      chars += text.length + 1;
      inLine++;
      this.counts[table]++;
    }
    if (inLine > 0) this.body.write(']}\n');
  }

  async finish(fields: HeaderFields, options: LongTask & { passphrase?: string; iterations?: number } = {}): Promise<{ bytes: Uint8Array; header: SyncHeader }> {
    if (this.finished) throw new Error('SyncFileWriter: finish called twice');
    this.finished = true;
    const header: SyncHeader = {
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      app: fields.app,
      installation: fields.installation,
      createdAt: fields.createdAt,
      scope: fields.scope,
      counts: { ...this.counts },
      maxClock: this.maxClock,
    };
    if (options.passphrase) header.encryption = newEncryptionHeader(options.iterations);
    const headerLine = encoder.encode(`${JSON.stringify(header)}\n`);
    let out: Uint8Array;
    let bodyEnd: number;
    if (header.encryption) {
      // WebCrypto encrypts a whole buffer into a new one: body, then ciphertext, then the file.
      const plain = new Uint8Array(this.body.size);
      await this.body.moveInto(plain, 0, options.signal);
      options.onProgress?.({ phase: 'encrypting', done: 0, total: 1 });
      const cipher = await encryptBody(plain, options.passphrase!, header.encryption, headerLine.subarray(0, headerLine.length - 1));
      release(plain);
      throwIfAborted(options.signal);
      options.onProgress?.({ phase: 'writing', done: 0, total: 1 });
      bodyEnd = headerLine.length + cipher.length;
      out = new Uint8Array(bodyEnd + TRAILER_LENGTH);
      out.set(cipher, headerLine.length);
      release(cipher);
    } else {
      options.onProgress?.({ phase: 'writing', done: 0, total: 1 });
      bodyEnd = headerLine.length + this.body.size;
      out = new Uint8Array(bodyEnd + TRAILER_LENGTH);
      await this.body.moveInto(out, headerLine.length, options.signal);
    }
    out.set(headerLine, 0);
    const digest = toHex(await sha256(out.subarray(0, bodyEnd)));
    encoder.encodeInto(`${TRAILER_PREFIX}${digest}${TRAILER_SUFFIX}`, out.subarray(bodyEnd));
    return { bytes: out, header };
  }
}

/** Encode in-memory records in one go (CLI, tests). */
export async function encodeSyncFile(
  data: WorkspaceData,
  fields: HeaderFields,
  options: LongTask & { passphrase?: string; iterations?: number } = {},
): Promise<Uint8Array> {
  const writer = new SyncFileWriter();
  for (const t of SYNCED_TABLES) writer.add(t, data[t]);
  return (await writer.finish(fields, options)).bytes;
}

/** The pseudo-installation that signs files made by `attache sync merge` (a registry, not a colleague). */
export const MERGE_INSTALLATION: InstallationRef = { id: '00000000-0000-7000-8000-0000000000a1', name: 'Merged by the Attaché command line' };
