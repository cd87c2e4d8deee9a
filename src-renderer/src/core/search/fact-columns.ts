import { ByteWriter, type ByteReader } from './packed-bytes';
import { SearchIndexDamagedError } from './postings';

/**
 * The statements' and follow-ups' facts of a saved index (a million and 200,000 at scale 10), a binary chunk
 * (packed-bytes.ts) per so many rows, in columns: each row's document (its short id), its briefing (`b`) and
 * its speaker (statements) or statement (follow-ups) (`r`), and a statement's kind. As JSON arrays they were
 * 25 MB to read and parse before the first answer; as varints most values are a byte or two, read straight
 * into typed arrays.
 *
 * A reference is a place among the rows saved before (engine.ts chunkStream), an id (a record the index held
 * no facts of), or none; a row is named by its document's short id, or by its id when it has no document (its
 * briefing deleted). The few ids are kept in the head; the columns hold:
 *
 *   sh: 0 for a row named by id, else the step from the last short id written, zigzagged, plus 1
 *   b, r: 0 for none, 1 for an id, else the step from the column's previous place, zigzagged, plus 2
 *   tags: per row, how many, then each one's place among the names
 *   kd (statements only): 0 for a plain statement, else its kind's place among the names plus 1 (past 254 when
 *       a chunk names that many tags before it: a varint, not a byte)
 *
 * What few rows have — an event's briefing and title — stays in the head.
 */

/** A reference as chunkStream writes it: a place among the rows saved before, an id, or none. */
export type Ref = number | string | null;

/** A column's value for "none" and for "an id, kept in the head" (places follow). */
const NONE = -1;
const BY_ID = -2;

const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzigzag = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** The head of a chunk of columns. */
interface ColumnsHead {
  k: 'cols';
  t: 'statements' | 'actions';
  /** Rows. */
  n: number;
  /** The tags' and kinds' names, which the tags and kinds columns refer to by place: each one string, shared by the chunk's rows. */
  names: string[];
  /** Events (follow-ups only): [row, briefing, title]. */
  x: unknown[];
  /** The ids of the rows and references named by id: [row, id, …] per column. */
  ids: { sh: unknown[]; b: unknown[]; r: unknown[] };
}

/**
 * Names (tags, kinds) written by their place in a chunk's list of them, each kept once: a number parses faster
 * than a string, and each name is loaded as one string shared by the chunk's rows.
 */
export class PlacedNames {
  private names = new Map<string, number>();

  place(name: string): number {
    let i = this.names.get(name);
    if (i === undefined) this.names.set(name, (i = this.names.size));
    return i;
  }

  /** The names placed so far, in their order; the next chunk starts a list of its own. */
  take(): string[] {
    const out = [...this.names.keys()];
    this.names = new Map();
    return out;
  }
}

/** One chunk of rows as chunkStream fills it. */
export class ColumnsWriter {
  private readonly sh = new ByteWriter();
  private readonly b = new ByteWriter();
  private readonly r = new ByteWriter();
  private readonly tags = new ByteWriter();
  private readonly kd = new ByteWriter();
  private readonly names = new PlacedNames();
  private readonly x: unknown[] = [];
  private readonly ids = { sh: [] as unknown[], b: [] as unknown[], r: [] as unknown[] };
  private prev = { sh: 0, b: 0, r: 0 };
  rows = 0;

  constructor(private readonly table: 'statements' | 'actions') {}

  /**
   * A row: its document's short id (undefined: none, named by `id`), its references, and for a statement its
   * kind ('statement' for a plain one); its tags.
   */
  add(short: number | undefined, id: string, b: Ref, r: Ref, kind: string | undefined, tags: readonly string[]): number {
    const row = this.rows++;
    if (short === undefined) {
      this.sh.varint(0);
      this.ids.sh.push(row, id);
    } else {
      this.sh.varint(zigzag(short - this.prev.sh) + 1);
      this.prev.sh = short;
    }
    this.ref('b', row, b);
    this.ref('r', row, r);
    if (this.table === 'statements') this.kd.varint(kind === undefined || kind === 'statement' ? 0 : this.names.place(kind) + 1);
    this.tags.varint(tags.length);
    for (const tag of tags) this.tags.varint(this.names.place(tag));
    return row;
  }

  /** The event a follow-up's row holds: the briefing that kept it, and its title. */
  held(row: number, briefing: Ref, title: string): void {
    this.x.push(row, briefing, title);
  }

  private ref(column: 'b' | 'r', row: number, v: Ref): void {
    if (v === null) this[column].varint(0);
    else if (typeof v === 'string') {
      this[column].varint(1);
      this.ids[column].push(row, v);
    } else {
      this[column].varint(zigzag(v - this.prev[column]) + 2);
      this.prev[column] = v;
    }
  }

  chunk(): Uint8Array {
    const out = this.sh;
    out.bytes(this.b.written);
    out.bytes(this.r.written);
    out.bytes(this.tags.written);
    out.bytes(this.kd.written);
    const head: ColumnsHead = { k: 'cols', t: this.table, n: this.rows, names: this.names.take(), x: this.x, ids: this.ids };
    return out.chunk(head);
  }
}

/** A chunk of columns as loaded: typed columns, and what the head kept. */
export class ColumnsChunk {
  private constructor(
    readonly table: 'statements' | 'actions',
    readonly rows: number,
    /** By row: the short id, or -1 for a row named by id (`idOf`). */
    readonly shorts: Int32Array,
    private readonly b: Int32Array,
    private readonly r: Int32Array,
    /** By row (statements): 0 for a plain statement, else the kind's place in `names` plus 1. */
    readonly kinds: Int32Array,
    readonly names: readonly string[],
    /** The rows with tags: [row, count, name…], each name by its place in `names`. */
    readonly tg: readonly number[],
    readonly x: readonly unknown[],
    private readonly ids: { sh: Map<number, string>; b: Map<number, string>; r: Map<number, string> },
  ) {}

  /** The id of a row named by id (its short id -1). */
  idOf(row: number): string | undefined {
    return this.ids.sh.get(row);
  }

  /** A row's briefing: a place among the briefings saved, an id, or null. */
  briefing(row: number): Ref {
    return this.refAt(this.b, this.ids.b, row);
  }

  /** A row's speaker (statements: a place among the people saved) or statement (follow-ups: among the statements), an id, or null. */
  other(row: number): Ref {
    return this.refAt(this.r, this.ids.r, row);
  }

  private refAt(column: Int32Array, ids: Map<number, string>, row: number): Ref {
    const v = column[row]!;
    return v >= 0 ? v : v === NONE ? null : ids.get(row)!;
  }

  /** Whether every place in the references is below `briefings` and `others` (what the rows saved before number). */
  placesWithin(briefings: number, others: number): boolean {
    for (let i = 0; i < this.rows; i++) if (this.b[i]! >= briefings || this.r[i]! >= others) return false;
    return true;
  }

  /**
   * A chunk as ColumnsWriter wrote it, its head already read. Refused (SearchIndexDamagedError) if its columns
   * are cut or run on, a place is negative, an id the head names is missing, twice or not a string, or a kind
   * names no name.
   */
  static load(head: Record<string, unknown>, columns: ByteReader): ColumnsChunk {
    const { t, n, names, x, ids } = head as Partial<ColumnsHead>;
    if ((t !== 'statements' && t !== 'actions') || !Number.isInteger(n) || n! < 0 || ![names, x].every(Array.isArray) || typeof ids !== 'object' || ids === null) throw new SearchIndexDamagedError();
    if (!names!.every((name) => typeof name === 'string') || x!.length % 3) throw new SearchIndexDamagedError();
    // An event's row in range, its briefing a place or an id (which place, the engine checks), its title a text.
    for (let i = 0; i < x!.length; i += 3) {
      const [row, briefing, title] = [x![i], x![i + 1], x![i + 2]];
      if (!(Number.isInteger(row) && (row as number) >= 0 && (row as number) < n!) || !(typeof briefing === 'string' || (Number.isInteger(briefing) && (briefing as number) >= 0)) || typeof title !== 'string') throw new SearchIndexDamagedError();
    }
    const rows = n!;
    // Each row takes a byte at least in each of its four columns: a head counting more than the bytes could hold is not this layout.
    if (rows * 4 > columns.left) throw new SearchIndexDamagedError();
    const byId = { sh: new Map<number, string>(), b: new Map<number, string>(), r: new Map<number, string>() };
    for (const column of ['sh', 'b', 'r'] as const) {
      const list: unknown = ids[column];
      if (!Array.isArray(list) || list.length % 2) throw new SearchIndexDamagedError();
      for (let i = 0; i < list.length; i += 2) {
        const row: unknown = list[i];
        const id: unknown = list[i + 1];
        if (!Number.isInteger(row) || (row as number) < 0 || (row as number) >= rows || typeof id !== 'string' || byId[column].has(row as number)) throw new SearchIndexDamagedError();
        byId[column].set(row as number, id);
      }
    }
    const shorts = new Int32Array(rows);
    for (let i = 0, prev = 0; i < rows; i++) {
      const v = columns.varint();
      if (v === 0) {
        if (!byId.sh.has(i)) throw new SearchIndexDamagedError();
        shorts[i] = -1;
        continue;
      }
      prev += unzigzag(v - 1);
      if (prev < 0 || prev > 0x7fffffff) throw new SearchIndexDamagedError();
      shorts[i] = prev;
    }
    const refs = (ids: Map<number, string>) => {
      const out = new Int32Array(rows);
      for (let i = 0, prev = 0; i < rows; i++) {
        const v = columns.varint();
        if (v < 2) {
          if (v === 1 && !ids.has(i)) throw new SearchIndexDamagedError();
          out[i] = v === 0 ? NONE : BY_ID;
          continue;
        }
        prev += unzigzag(v - 2);
        if (prev < 0 || prev > 0x7fffffff) throw new SearchIndexDamagedError();
        out[i] = prev;
      }
      return out;
    };
    const b = refs(byId.b);
    const r = refs(byId.r);
    // An id the head names for a row whose column does not say so: not what ColumnsWriter writes.
    for (const [column, values] of [['sh', shorts], ['b', b], ['r', r]] as const) for (const row of byId[column].keys()) if (values[row]! !== (column === 'sh' ? -1 : BY_ID)) throw new SearchIndexDamagedError();
    const tg: number[] = [];
    for (let i = 0; i < rows; i++) {
      const count = columns.varint();
      if (!count) continue;
      tg.push(i, count);
      for (let j = 0; j < count; j++) {
        const name = columns.varint();
        if (name >= names!.length) throw new SearchIndexDamagedError();
        tg.push(name);
      }
    }
    const kinds = new Int32Array(t === 'statements' ? rows : 0);
    for (let i = 0; i < kinds.length; i++) {
      const k = columns.varint();
      if (k > names!.length) throw new SearchIndexDamagedError();
      kinds[i] = k;
    }
    columns.end();
    return new ColumnsChunk(t, rows, shorts, b, r, kinds, names as string[], tg, x!, byId);
  }
}
