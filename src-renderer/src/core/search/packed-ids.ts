import { WalkedMap } from './walked-map';
import { docId, typeOfDocId } from './documents';
import { ByteWriter, type ByteReader } from './packed-bytes';
import { SearchIndexDamagedError } from './postings';
import { RESULT_TYPES } from './query';

/**
 * MiniSearch's short id → document id map of a loaded index, held as it is saved: each document's type as a
 * byte and its record id, a UUID, as its 16 bytes. At scale 10 the ids were 58 MB of JSON to read and parse
 * before the first answer, and 1.3 million strings on the heap after; packed they are 22 MB read straight
 * into two arrays, and an id is made only when asked for (a query asks for its shown hits', and learns the
 * rest of what it needs — a match's type — from the byte).
 *
 * The ids as loaded never change (`loaded`: what the saved facts' rows are named by); a discard marks one
 * gone, and the documents added later are kept as MiniSearch gives them. An id that is not a UUID in its
 * canonical form (lower-case hex; the app makes only those, core/ids.ts, but an index must hold any) is kept
 * whole in the chunk's head.
 */

/** Bytes packUuid may write into when only whether it can is asked. */
const scratch = new Uint8Array(16);
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** A lower-case hex digit's value by its character code; -1 for any other character. */
const DIGIT = Array.from({ length: 128 }, (_, c) => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1));
/** Where each of a UUID's 16 bytes sits in its text. */
const BYTE_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/** The type's place in RESULT_TYPES plus one, from a document id's prefix; 0 when it has none. */
function codeOfKey(key: string): number {
  const type = typeOfDocId(key);
  return type && key.charCodeAt(1) === 58 ? RESULT_TYPES.indexOf(type) + 1 : 0;
}

/**
 * A document id's record id (after its `t:`) as 16 bytes into `out` at `at`, if it is a UUID in canonical
 * form (lower-case, dashed); false, and `out` to be ignored, if not. Character codes, not a regular expression
 * and parseInt: a save packs a million of them.
 */
function packUuid(key: string, out: Uint8Array, at: number): boolean {
  if (key.length !== 38) return false;
  for (const dash of [10, 15, 20, 25]) if (key.charCodeAt(dash) !== 45) return false;
  for (let i = 0; i < 16; i++) {
    const c = 2 + BYTE_AT[i]!;
    const hi = DIGIT[key.charCodeAt(c)] ?? -1;
    const lo = DIGIT[key.charCodeAt(c + 1)] ?? -1;
    if (hi < 0 || lo < 0) return false;
    out[at + i] = (hi << 4) | lo;
  }
  return true;
}

function unpackUuid(bytes: Uint8Array, at: number): string {
  const h = (i: number) => HEX[bytes[at + i]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

/**
 * The documents' ids, a binary chunk per `perChunk` documents: its head `{ k: 'docs', n, odd }` (`odd`: each
 * id that is not a type and a UUID, after its row), then the steps between short ids, each row's type (0
 * for an odd one) and each row's 16 bytes (zeros for an odd one).
 */
export function* packedIdChunks(ids: Iterable<[number, string]>, perChunk: number): Generator<Uint8Array> {
  // A loaded index's own ids copied as bytes, not made into strings and packed again (undefined: copy it).
  const packed = ids instanceof PackedIds ? ids : undefined;
  let shorts: number[] = [];
  let keys: (string | undefined)[] = [];
  const flush = () => {
    const steps = new ByteWriter();
    const codes = new Uint8Array(keys.length);
    const uuids = new Uint8Array(keys.length * 16);
    // (An id without a type is written here too, and refused as it loads: the engine makes none.)
    const odd: (number | string)[] = [];
    let prev = 0;
    keys.forEach((key, row) => {
      steps.varint(shorts[row]! - prev);
      prev = shorts[row]!;
      if (key === undefined) codes[row] = packed!.copyTo(shorts[row]!, uuids, row * 16);
      else {
        const code = codeOfKey(key);
        if (code && packUuid(key, uuids, row * 16)) codes[row] = code;
        else odd.push(row, key);
      }
    });
    steps.bytes(codes);
    steps.bytes(uuids);
    const chunk = steps.chunk({ k: 'docs', n: keys.length, odd });
    shorts = [];
    keys = [];
    return chunk;
  };
  for (const [short, key] of packed ? packed.savedEntries() : ids) {
    shorts.push(short);
    keys.push(key);
    if (keys.length >= perChunk) yield flush();
  }
  if (keys.length) yield flush();
}

/** The ids as loaded, by short id: what the saved facts' rows are named by, whatever is discarded later. */
export interface LoadedIds {
  /** The type's place in RESULT_TYPES plus one; 0 if no document was loaded under `short`. */
  code(short: number): number;
  /** The document id (`s:<id>`…) loaded under `short`, made on each call. */
  key(short: number): string | undefined;
  /** The short id `key` was loaded under, by a scan (no strings made). */
  find(key: string): number | undefined;
}

export class PackedIds extends WalkedMap<number, string> implements LoadedIds {
  /** By short id below `end`: the type's code (0: none loaded there), and its row among the loaded ids. */
  private readonly codes: Uint8Array;
  private readonly rowOf: Int32Array;
  /** 1 where a loaded document was discarded since. */
  private readonly gone: Uint8Array;
  /** Each loaded row's UUID (rows in short id order). */
  private uuids: Uint8Array;
  private rows = 0;
  /** The loaded ids that are not a type and a UUID, by short id. */
  private readonly odd = new Map<number, string>();
  private live = 0;
  /** The last short id loaded (-1: none yet). */
  private lastShort = -1;
  /** Documents added since the load (MiniSearch gives each a new short id, from `end` on): few, in a plain map. */
  private readonly later = new Map<number, string>();

  /** Room for short ids below `end` (the saved index's next short id) and `count` documents. */
  constructor(
    private readonly end: number,
    count: number,
  ) {
    super();
    this.codes = new Uint8Array(end);
    this.rowOf = new Int32Array(end).fill(-1);
    this.gone = new Uint8Array(end);
    this.uuids = new Uint8Array(Math.max(count, 0) * 16);
  }

  /** One saved chunk (packedIdChunks), its head already read; refused if it names a short id twice or out of range. */
  load(head: { n: unknown; odd: unknown }, columns: ByteReader): void {
    const { n, odd } = head;
    if (!Number.isInteger(n) || (n as number) < 0 || !Array.isArray(odd) || odd.length % 2) throw new SearchIndexDamagedError();
    const count = n as number;
    const shorts = new Int32Array(count);
    for (let i = 0, short = 0; i < count; i++) {
      // Steps from 0 in each chunk; short ids only grow, from one chunk to the next too, each below the saved
      // index's next one.
      short += columns.varint();
      if (short >= this.end || short <= this.lastShort) throw new SearchIndexDamagedError();
      shorts[i] = short;
      this.lastShort = short;
    }
    const codes = columns.take(count);
    const uuids = columns.take(count * 16);
    columns.end();
    if (this.uuids.length < (this.rows + count) * 16) {
      const grown = new Uint8Array((this.rows + count) * 16);
      grown.set(this.uuids);
      this.uuids = grown;
    }
    this.uuids.set(uuids, this.rows * 16);
    for (let i = 0; i < count; i++) {
      const code = codes[i]!;
      if (code > RESULT_TYPES.length) throw new SearchIndexDamagedError();
      this.codes[shorts[i]!] = code;
      this.rowOf[shorts[i]!] = this.rows + i;
    }
    for (let i = 0; i < odd.length; i += 2) {
      const row = odd[i] as number;
      const key: unknown = odd[i + 1];
      // A row named once, with an id of a known type that is not a UUID (one would be in the bytes: find looks there).
      if (!Number.isInteger(row) || row < 0 || row >= count || codes[row] !== 0 || typeof key !== 'string' || !codeOfKey(key) || packUuid(key, scratch, 0) || this.odd.has(shorts[row]!)) {
        throw new SearchIndexDamagedError();
      }
      this.codes[shorts[row]!] = codeOfKey(key);
      this.odd.set(shorts[row]!, key);
    }
    // A row with no type that the head does not name: a damaged chunk.
    for (let i = 0; i < count; i++) if (this.codes[shorts[i]!] === 0) throw new SearchIndexDamagedError();
    this.rows += count;
    this.live += count;
  }

  // ---- LoadedIds

  code(short: number): number {
    return short < this.end ? this.codes[short]! : 0;
  }

  key(short: number): string | undefined {
    const code = this.code(short);
    if (!code) return undefined;
    return this.odd.get(short) ?? docId(RESULT_TYPES[code - 1]!, unpackUuid(this.uuids, this.rowOf[short]! * 16));
  }

  find(key: string): number | undefined {
    const code = codeOfKey(key);
    if (!code) return undefined;
    const want = new Uint8Array(16);
    if (!packUuid(key, want, 0)) {
      for (const [short, k] of this.odd) if (k === key) return short;
      return undefined;
    }
    const uuids = this.uuids;
    const w0 = want[0]!;
    const w15 = want[15]!;
    for (let row = 0, at = 0; row < this.rows; row++, at += 16) {
      if (uuids[at] !== w0 || uuids[at + 15] !== w15) continue;
      let i = 1;
      while (i < 15 && uuids[at + i] === want[i]) i++;
      if (i < 15) continue;
      // The row's short id: rows are in short id order, so a search of rowOf would do; a row matches rarely.
      const short = this.rowOf.indexOf(row);
      if (this.codes[short] === code && !this.odd.has(short)) return short;
    }
    return undefined;
  }

  /** The live entries, a loaded one held as a UUID with no id made (undefined: copyTo gives its bytes). */
  *savedEntries(): Generator<[number, string | undefined]> {
    for (let short = 0; short < this.end; short++) {
      if (!this.loadedLive(short) || this.later.has(short)) continue;
      yield [short, this.odd.get(short)];
    }
    yield* this.later.entries();
  }

  /** A live loaded document's UUID into `out` at `at` (one savedEntries gave without an id); its type's code. */
  copyTo(short: number, out: Uint8Array, at: number): number {
    const from = this.rowOf[short]! * 16;
    for (let i = 0; i < 16; i++) out[at + i] = this.uuids[from + i]!;
    return this.codes[short]!;
  }

  // ---- MiniSearch's map, kept current

  private loadedLive(short: number): boolean {
    return short < this.end && this.codes[short] !== 0 && this.gone[short] === 0;
  }

  override get size(): number {
    return this.live + this.later.size;
  }
  override get(short: number): string | undefined {
    return this.later.get(short) ?? (this.loadedLive(short) ? this.key(short) : undefined);
  }
  override has(short: number): boolean {
    return this.loadedLive(short) || this.later.has(short);
  }
  override set(short: number, id: string): this {
    // MiniSearch sets only the short ids it hands out next, from `end` on; one below is kept apart all the same.
    if (this.loadedLive(short)) this.markGone(short);
    this.later.set(short, id);
    return this;
  }
  override delete(short: number): boolean {
    if (this.later.delete(short)) return true;
    if (!this.loadedLive(short)) return false;
    this.markGone(short);
    return true;
  }
  private markGone(short: number): void {
    this.gone[short] = 1;
    this.live -= 1;
  }
  override clear(): void {
    this.gone.fill(1);
    this.live = 0;
    this.later.clear();
  }
  /** The live short id of `key`, by a scan: what InverseIds asks before it makes its map. */
  keyOf(key: string): number | undefined {
    for (const [short, k] of this.later) if (k === key) return short;
    const short = this.find(key);
    return short !== undefined && this.loadedLive(short) ? short : undefined;
  }
  protected *walk(): Generator<[number, string]> {
    for (let short = 0; short < this.end; short++) if (this.loadedLive(short) && !this.later.has(short)) yield [short, this.key(short)!];
    yield* this.later.entries();
  }
}
