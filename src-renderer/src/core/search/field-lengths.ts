import { ByteWriter, type ByteReader } from './packed-bytes';
import { SearchIndexDamagedError } from './postings';
import { DenseMap } from './short-ids';

/** A field the document has no value for: MiniSearch leaves a hole in its array there. */
const HOLE = 0xffffffff;

/** In a saved chunk's byte per field and document: no value; a length up to 253 is stored plus one. */
const HOLE_BYTE = 0;
/** The length does not fit a byte: it is in the chunk's head. */
const BIG_BYTE = 255;

/**
 * The field lengths, a binary chunk (packed-bytes.ts) per `perChunk` documents: its head `{ k: 'lens', n,
 * big }` (`big`: row, field and length of each length of 254 or more), then the steps between short ids and,
 * field by field, a byte per document. A length is mostly a few dozen words: a byte each, where JSON took a
 * number and a comma (20 MB at scale 10, against 6.5 MB).
 */
export function* packedLengthChunks(lengths: Iterable<[number, ArrayLike<number | undefined>]>, fields: number, perChunk: number): Generator<Uint8Array> {
  let shorts: number[] = [];
  let rows: ArrayLike<number | undefined>[] = [];
  const flush = () => {
    const out = new ByteWriter();
    const big: number[] = [];
    let prev = 0;
    for (const short of shorts) {
      out.varint(short - prev);
      prev = short;
    }
    for (let f = 0; f < fields; f++) {
      const column = new Uint8Array(rows.length);
      rows.forEach((values, row) => {
        const v = values[f];
        if (v == null) column[row] = HOLE_BYTE;
        else if (v < BIG_BYTE - 1) column[row] = v + 1;
        else {
          column[row] = BIG_BYTE;
          big.push(row, f, v);
        }
      });
      out.bytes(column);
    }
    const chunk = out.chunk({ k: 'lens', n: rows.length, big });
    shorts = [];
    rows = [];
    return chunk;
  };
  for (const [short, values] of lengths) {
    shorts.push(short);
    rows.push(values);
    if (rows.length >= perChunk) yield flush();
  }
  if (rows.length) yield flush();
}

/**
 * MiniSearch's short id → field lengths map (`_fieldLength`: each document's number of distinct terms per
 * field, BM25's length), with the documents below `end` held in one typed column per field and the ones
 * added later in arrays, as MiniSearch makes them.
 *
 * Why columns: scoring reads one length per posting. Read from a million small arrays spread over the heap
 * (as a full build leaves them), that read was a cache miss per posting and most of a common word's query;
 * a column is read in the order of the postings' short ids. A loaded index also fills the columns straight
 * from the saved numbers, instead of making an array per document.
 *
 * A document's lengths never change while it is live (MiniSearch gives a changed document a new short id),
 * so the columns need no updating: only deleting (a discarded document) clears a document's presence.
 */
export class FieldLengths extends Map<number, number[]> {
  /** Documents from `end` on: the arrays MiniSearch sets (and fills in place). */
  private readonly later = new DenseMap<number[]>();
  /** 1 where a document below `end` has lengths. */
  private readonly present: Uint8Array;
  private held = 0;

  /** `columns[fieldId][short]` for short ids below `end` (HOLE: no value in that field). */
  private constructor(
    readonly columns: Uint32Array[],
    readonly end: number,
  ) {
    super();
    this.present = new Uint8Array(end);
  }

  /** Empty columns for `fields` fields and short ids below `end`, filled with `put`. */
  static sized(fields: number, end: number): FieldLengths {
    return new FieldLengths(Array.from({ length: fields }, () => new Uint32Array(end).fill(HOLE)), end);
  }

  /** MiniSearch's own map (short ids in increasing order) in columns. */
  static from(map: ReadonlyMap<number, number[]>, fields: number, end: number): FieldLengths {
    const lengths = FieldLengths.sized(fields, end);
    map.forEach((values, short) => lengths.put(short, values));
    return lengths;
  }

  /** One saved chunk (packedLengthChunks), its head already read: refused if it does not add up. */
  load(head: { n: unknown; big: unknown }, columns: ByteReader): void {
    const { n, big } = head;
    if (!Number.isInteger(n) || (n as number) < 0 || !Array.isArray(big) || big.length % 3) throw new SearchIndexDamagedError();
    const count = n as number;
    const fields = this.columns.length;
    const shorts = new Int32Array(count);
    for (let i = 0, short = 0; i < count; i++) {
      short += columns.varint();
      if (short >= this.end || (i > 0 && short <= shorts[i - 1]!) || this.present[short]) throw new SearchIndexDamagedError();
      shorts[i] = short;
    }
    const bytes = columns.take(count * fields);
    columns.end();
    let bigs = 0;
    for (let f = 0; f < fields; f++) {
      const column = this.columns[f]!;
      for (let i = 0, at = f * count; i < count; i++, at++) {
        const b = bytes[at]!;
        if (b === BIG_BYTE) bigs += 1;
        column[shorts[i]!] = b === HOLE_BYTE || b === BIG_BYTE ? HOLE : b - 1;
      }
    }
    // Each big length where its byte says so, once: as many as those bytes, none twice.
    if (bigs * 3 !== big.length) throw new SearchIndexDamagedError();
    for (let i = 0; i < big.length; i += 3) {
      const [row, f, v] = [big[i], big[i + 1], big[i + 2]] as number[];
      if (!(Number.isInteger(row) && Number.isInteger(f) && Number.isInteger(v)) || row! < 0 || row! >= count || f! < 0 || f! >= fields || v! < BIG_BYTE - 1 || v! >= HOLE || bytes[f! * count + row!] !== BIG_BYTE || this.columns[f!]![shorts[row!]!] !== HOLE) {
        throw new SearchIndexDamagedError();
      }
      this.columns[f!]![shorts[row!]!] = v!;
    }
    for (let i = 0; i < count; i++) this.present[shorts[i]!] = 1;
    this.held += count;
  }

  /** A document's lengths into the columns: `values[at + fieldId]` for each field, undefined or null for a hole. */
  put(short: number, values: ArrayLike<number | null | undefined>, at = 0): void {
    if (short >= this.end) {
      const later: number[] = [];
      for (let f = 0; f < this.columns.length; f++) {
        const v = values[at + f];
        if (v != null) later[f] = v;
      }
      this.later.set(short, later);
      return;
    }
    for (let f = 0; f < this.columns.length; f++) this.columns[f]![short] = values[at + f] ?? HOLE;
    if (!this.present[short]) this.held += 1;
    this.present[short] = 1;
  }

  /** One length for scoring: `fieldId` of a live document that has a value there. */
  lengthOf(short: number, fieldId: number): number {
    return short < this.end ? this.columns[fieldId]![short]! : this.later.get(short)![fieldId]!;
  }

  override get size(): number {
    return this.held + this.later.size;
  }
  override has(short: number): boolean {
    return short < this.end ? this.present[short] === 1 : this.later.has(short);
  }
  /** A column-held document's lengths as MiniSearch's array (holes where it has none): made on each call. */
  override get(short: number): number[] | undefined {
    if (short >= this.end) return this.later.get(short);
    if (!this.present[short]) return undefined;
    const values: number[] = [];
    for (let f = 0; f < this.columns.length; f++) {
      const v = this.columns[f]![short]!;
      if (v !== HOLE) values[f] = v;
    }
    return values;
  }
  override set(short: number, values: number[]): this {
    // MiniSearch sets only new documents (above `end`) and then fills the array it set.
    if (short >= this.end) this.later.set(short, values);
    else this.put(short, values);
    return this;
  }
  override delete(short: number): boolean {
    if (short >= this.end) return this.later.delete(short);
    if (!this.present[short]) return false;
    this.present[short] = 0;
    this.held -= 1;
    return true;
  }
  override clear(): void {
    this.present.fill(0);
    this.held = 0;
    this.later.clear();
  }
  private *walk(): Generator<[number, number[]]> {
    for (let short = 0; short < this.end; short++) if (this.present[short]) yield [short, this.get(short)!];
    yield* this.later.entries();
  }
  override entries(): MapIterator<[number, number[]]> {
    return this.walk();
  }
  override keys(): MapIterator<number> {
    return (function* (entries: Iterable<[number, number[]]>) {
      for (const [k] of entries) yield k;
    })(this.walk()) as unknown as MapIterator<number>;
  }
  override values(): MapIterator<number[]> {
    return (function* (entries: Iterable<[number, number[]]>) {
      for (const [, v] of entries) yield v;
    })(this.walk()) as unknown as MapIterator<number[]>;
  }
  override forEach(fn: (value: number[], key: number, map: Map<number, number[]>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.walk()) fn.call(thisArg, v, k, this);
  }
  override [Symbol.iterator](): MapIterator<[number, number[]]> {
    return this.walk();
  }
}
