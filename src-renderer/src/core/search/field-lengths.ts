import { WalkedMap } from './walked-map';
import { ByteWriter, type ByteReader } from './packed-bytes';
import { SearchIndexDamagedError } from './postings';
import { DenseMap } from './short-ids';

/**
 * A document's length in a field, as a byte (in the columns and in a saved chunk alike): HOLE_BYTE for a
 * field it has no value for (MiniSearch leaves a hole in its array there); a length up to 253 plus one;
 * BIG_BYTE for a longer one, kept beside the column (a statement is mostly a few dozen distinct words).
 */
const HOLE_BYTE = 0;
const BIG_BYTE = 255;

/**
 * The field lengths, a binary chunk (packed-bytes.ts) per `perChunk` documents: its head `{ k: 'lens', n,
 * big }` (`big`: row, field and length of each length of 254 or more), then the steps between short ids and,
 * field by field, a byte per document, as the columns hold them. A length is mostly a few dozen words: a
 * byte each, where JSON took a number and a comma (20 MB at scale 10, against 6.5 MB).
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
 * Each length a byte (HOLE_BYTE, BIG_BYTE): a loaded index's columns are the saved ones, copied, and a
 * million documents' five take 6.5 MB.
 *
 * A document's lengths never change while it is live (MiniSearch gives a changed document a new short id),
 * so the columns need no updating: only deleting (a discarded document) clears a document's presence.
 */
export class FieldLengths extends WalkedMap<number, number[]> {
  /** Documents from `end` on: the arrays MiniSearch sets (and fills in place). */
  private readonly later = new DenseMap<number[]>();
  /** 1 where a document below `end` has lengths. */
  private readonly present: Uint8Array;
  private held = 0;
  /** The lengths that do not fit a byte, by `short * fields + fieldId`. */
  private readonly big = new Map<number, number>();

  /** `columns[fieldId][short]` for short ids below `end`: a byte each (HOLE_BYTE, BIG_BYTE). */
  private constructor(
    readonly columns: Uint8Array[],
    readonly end: number,
  ) {
    super();
    this.present = new Uint8Array(end);
  }

  /** Empty columns for `fields` fields and short ids below `end`, filled with `put`. */
  static sized(fields: number, end: number): FieldLengths {
    return new FieldLengths(Array.from({ length: fields }, () => new Uint8Array(end)), end);
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
    // Documents without a gap between their short ids (most, after a build): each field's bytes copied at once.
    const dense = count > 0 && shorts[count - 1]! - shorts[0]! === count - 1;
    let bigs = 0;
    for (let f = 0; f < fields; f++) {
      const column = this.columns[f]!;
      const saved = bytes.subarray(f * count, (f + 1) * count);
      if (dense) column.set(saved, shorts[0]);
      else for (let i = 0; i < count; i++) column[shorts[i]!] = saved[i]!;
      for (let i = 0; i < count; i++) if (saved[i] === BIG_BYTE) bigs += 1;
    }
    // Each big length where its byte says so, once: as many as those bytes, none twice.
    if (bigs * 3 !== big.length) throw new SearchIndexDamagedError();
    for (let i = 0; i < big.length; i += 3) {
      const [row, f, v] = [big[i], big[i + 1], big[i + 2]] as number[];
      const key = shorts[row!]! * fields + f!;
      if (!(Number.isInteger(row) && Number.isInteger(f) && Number.isInteger(v)) || row! < 0 || row! >= count || f! < 0 || f! >= fields || v! < BIG_BYTE - 1 || bytes[f! * count + row!] !== BIG_BYTE || this.big.has(key)) {
        throw new SearchIndexDamagedError();
      }
      this.big.set(key, v!);
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
    const fields = this.columns.length;
    for (let f = 0; f < fields; f++) {
      const v = values[at + f];
      if (v == null) this.columns[f]![short] = HOLE_BYTE;
      else if (v < BIG_BYTE - 1) this.columns[f]![short] = v + 1;
      else {
        this.columns[f]![short] = BIG_BYTE;
        this.big.set(short * fields + f, v);
      }
    }
    if (!this.present[short]) this.held += 1;
    this.present[short] = 1;
  }

  /** One length for scoring: `fieldId` of a live document that has a value there. */
  lengthOf(short: number, fieldId: number): number {
    if (short >= this.end) return this.later.get(short)![fieldId]!;
    const b = this.columns[fieldId]![short]!;
    return b === BIG_BYTE ? this.big.get(short * this.columns.length + fieldId)! : b - 1;
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
    for (let f = 0; f < this.columns.length; f++) if (this.columns[f]![short] !== HOLE_BYTE) values[f] = this.lengthOf(short, f);
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
    this.big.clear();
    this.later.clear();
  }
  protected *walk(): Generator<[number, number[]]> {
    for (let short = 0; short < this.end; short++) if (this.present[short]) yield [short, this.get(short)!];
    yield* this.later.entries();
  }
}
