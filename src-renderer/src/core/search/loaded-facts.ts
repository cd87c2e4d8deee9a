import { FilledOnUse } from './filled-on-use';

/**
 * Where a loaded index's facts of one table come from, a row per record in the order they were saved
 * (core/search engine.ts chunkStream): what each row's record is called and what its facts are, made when
 * first asked for.
 */
export interface FactRows<T> {
  /** How many rows were saved. */
  readonly count: number;
  /** The record id of a row. */
  idOf(row: number): string;
  /** The facts of a row, as a load that made them all would have. */
  build(row: number): T;
  /** The row of the record whose document has this short id (as loaded), -1 if none. */
  rowOfShort(short: number): number;
  /**
   * The row of a record, found by the index's own lookup of its document or else by a walk of the ids as loaded
   * (a few milliseconds at a million records); -1 if none.
   */
  findRow(id: string): number;
}

const DELETED = Symbol('deleted');

/**
 * The facts of a loaded index's statements or follow-ups (a million and 200,000 at scale 10): made one
 * record at a time when a query or a write first needs them, and all at once (a Map like any other) only
 * when something reads the whole table or after `walks` lookups by id.
 *
 * Why: making a million objects and putting them in a map keyed by id was a third of loading a saved index
 * at scale 10 (1–1.7 s), and the first query needs the facts of its ties and shown hits only, which it asks
 * for by short id (`atShort`: an array read); the few writes replayed at a start look theirs up by walks.
 *
 * Until filled, the changes made are kept beside the rows — a replaced or deleted row by its number, a new
 * record in insertion order — so that the map, once filled, iterates in exactly the order one filled at load
 * and then changed the same way would (a save writes that order: tests/unit/search-loaded-writes.test.ts).
 */
export class LoadedFacts<T> extends FilledOnUse<string, T> {
  private rows: FactRows<T> | undefined;
  /** A saved row changed since the load: its new facts, or DELETED. Also caches the facts made from a row. */
  private readonly changed = new Map<number, T | typeof DELETED>();
  /** Records that are not (or no longer) a saved row, in the order they were set. */
  private readonly added = new Map<string, T>();
  /** Rows found by id, and ids found in no row (-1). */
  private readonly found = new Map<string, number>();
  private deletedRows = 0;
  /** Rows already put in the map by fillSome (a change after that fills the rest first). */
  private filled = 0;

  constructor(
    rows: FactRows<T>,
    /** Lookups by id answered by walks before the map is filled instead. */
    private walks = 32,
  ) {
    super();
    this.rows = rows;
  }

  /**
   * The facts now of the record whose document had this short id when the index was loaded (undefined once the
   * record is deleted); undefined too for a short id given out since (the engine notes those facts as it adds
   * the document) or that names no row.
   */
  atShort(short: number): T | undefined {
    const rows = this.rows;
    if (!rows) return undefined;
    const row = rows.rowOfShort(short);
    if (row < 0) return undefined;
    // A row fillSome has put: the map's object, not a second one.
    return row < this.filled ? (Map.prototype.get.call(this, rows.idOf(row)) as T | undefined) : this.ofRow(rows, row);
  }

  /** Make the map whole now (a query about to look many records up by id). */
  complete(): void {
    this.fill();
  }

  /** Whether the facts are still made one record at a time (false once the map is filled). */
  get lazy(): boolean {
    return this.rows !== undefined;
  }

  private ofRow(rows: FactRows<T>, row: number): T | undefined {
    const state = this.changed.get(row);
    if (state === DELETED) return undefined;
    if (state !== undefined) return state;
    const made = rows.build(row);
    this.changed.set(row, made);
    return made;
  }

  /** The saved row of `id` (-1: none), or undefined once walks are spent (the map is then filled). */
  private rowOf(rows: FactRows<T>, id: string): number | undefined {
    const known = this.found.get(id);
    if (known !== undefined) return known;
    if (this.walks <= 0) return undefined;
    this.walks -= 1;
    const row = rows.findRow(id);
    this.found.set(id, row);
    return row;
  }

  /**
   * Put up to `budget` more rows in the map (the worker's idle work, a slice at a time, so that a query meanwhile
   * waits for one slice); true once the map is filled. Until then it answers as before.
   */
  fillSome(budget: number): boolean {
    const rows = this.rows;
    if (!rows) return true;
    const end = Math.min(rows.count, this.filled + budget);
    for (; this.filled < end; this.filled++) this.putRow(rows, this.filled);
    if (this.filled < rows.count) return false;
    this.fill();
    return true;
  }

  private putRow(rows: FactRows<T>, row: number): void {
    const state = this.changed.get(row);
    if (state !== DELETED) this.put(rows.idOf(row), state ?? rows.build(row));
  }

  protected fill(): void {
    const rows = this.rows;
    if (!rows) return;
    this.rows = undefined;
    for (let row = this.filled; row < rows.count; row++) this.putRow(rows, row);
    for (const [id, facts] of this.added) this.put(id, facts);
    this.changed.clear();
    this.added.clear();
    this.found.clear();
  }

  override get size(): number {
    const rows = this.rows;
    return rows ? rows.count - this.deletedRows + this.added.size : super.size;
  }

  override get(id: string): T | undefined {
    const rows = this.rows;
    if (!rows) return super.get(id);
    // A row fillSome has put in the map needs no walk.
    const put = this.filled ? (Map.prototype.get.call(this, id) as T | undefined) : undefined;
    if (put !== undefined) return put;
    const added = this.added.get(id);
    if (added !== undefined) return added;
    const row = this.rowOf(rows, id);
    if (row === undefined) return super.get(id);
    return row < 0 ? undefined : this.ofRow(rows, row);
  }

  override has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  override set(id: string, facts: T): this {
    if (this.filled) this.fill();
    const rows = this.rows;
    const row = rows && !this.added.has(id) ? this.rowOf(rows, id) : -1;
    if (!rows || row === undefined) return super.set(id, facts);
    // A live saved row is changed where it stands (as Map.set keeps a key's place); anything else is added after.
    if (row >= 0 && this.changed.get(row) !== DELETED) this.changed.set(row, facts);
    else this.added.set(id, facts);
    return this;
  }

  override delete(id: string): boolean {
    if (this.filled) this.fill();
    const rows = this.rows;
    if (!rows) return super.delete(id);
    if (this.added.delete(id)) return true;
    const row = this.rowOf(rows, id);
    if (row === undefined) return super.delete(id);
    if (row < 0 || this.changed.get(row) === DELETED) return false;
    this.changed.set(row, DELETED);
    this.deletedRows += 1;
    return true;
  }

  override clear(): void {
    this.rows = undefined;
    this.changed.clear();
    this.added.clear();
    this.found.clear();
    this.deletedRows = 0;
    this.filled = 0;
    super.clear();
  }
}
