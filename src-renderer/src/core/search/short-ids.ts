import { WalkedMap } from './walked-map';
import { FilledOnUse } from './filled-on-use';
import { typeOfDocId } from './documents';
import type { LoadedIds } from './packed-ids';
import { RESULT_TYPES, type ResultType } from './query';

/**
 * A map from MiniSearch's document short ids, kept in an array indexed by them: its short ids are small
 * integers it hands out in increasing order, so the array's order is the map's insertion order. Filling it
 * from a saved index is an array write per document rather than a hashed insert (a sixth of loading at a
 * million documents), and scoring's lookups per posting are array reads.
 */
export class DenseMap<V> extends WalkedMap<number, V> {
  private readonly slots: (V | undefined)[] = [];
  private count = 0;

  /** A map of MiniSearch's (short ids in increasing order, as it hands them out) as a dense one. */
  static from<V>(map: ReadonlyMap<number, V>): DenseMap<V> {
    const dense = new DenseMap<V>();
    map.forEach((value, key) => dense.set(key, value));
    return dense;
  }

  override get size(): number {
    return this.count;
  }
  override get(key: number): V | undefined {
    return this.slots[key];
  }
  override has(key: number): boolean {
    return this.slots[key] !== undefined;
  }
  override set(key: number, value: V): this {
    if (this.slots[key] === undefined) this.count += 1;
    this.slots[key] = value;
    return this;
  }
  override delete(key: number): boolean {
    if (this.slots[key] === undefined) return false;
    this.slots[key] = undefined;
    this.count -= 1;
    return true;
  }
  override clear(): void {
    this.slots.length = 0;
    this.count = 0;
  }
  protected *walk(): Generator<[number, V]> {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const v = slots[i];
      if (v !== undefined) yield [i, v];
    }
  }
  override forEach(fn: (value: V, key: number, map: Map<number, V>) => void, thisArg?: unknown): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const v = slots[i];
      if (v !== undefined) fn.call(thisArg, v, i, this);
    }
  }

  /** The key holding `value`, by a scan of the slots (no entry objects made). */
  keyOf(value: V): number | undefined {
    const i = this.slots.indexOf(value);
    return i < 0 ? undefined : i;
  }
}

/** MiniSearch's short id → id map as a loaded index keeps it (DenseMap, packed-ids.ts PackedIds). */
export type IdsByShort = Map<number, string> & { keyOf(id: string): number | undefined };

/**
 * MiniSearch's id → short id map, the inverse of its short id → id map, filled from that one when first
 * needed whole: a search never reads it (it goes from short ids to ids; a filter that looks statements up by id
 * first makes their map, engine.ts), so a loaded index answers its first query without putting 135,000 ids
 * (1.35 million at scale 10) into a second map.
 *
 * Nor do the first few writes fill it (the log replayed at every start is usually a few edits): until then
 * an id is looked up by a walk of the short id → id map, which MiniSearch keeps current on every add and
 * discard — so that map is always the truth, and this one may ignore sets and deletes until filled from it.
 */
export class InverseIds extends FilledOnUse<string, number> {
  private source: IdsByShort | undefined;
  /** Walks left before filling: each costs about a fiftieth of the fill (1 ms against 50 at 135,000 documents, in Node). */
  private walks = 32;
  /**
   * What the walks found, the ids set since (MiniSearch sets an id here before its short id there) and, as
   * -1, those deleted since (a replace deletes, then asks whether the id is there before adding it again).
   */
  private readonly found = new Map<string, number>();

  constructor(source: IdsByShort) {
    super();
    this.source = source;
  }

  protected fill(): void {
    const source = this.source;
    if (!source) return;
    this.source = undefined;
    this.found.clear();
    source.forEach((id, short) => this.put(id, short));
  }

  private lookUp(id: string): number | undefined {
    const source = this.source;
    if (source && this.walks > 0) {
      const known = this.found.get(id);
      if (known === -1) return undefined;
      if (known !== undefined && source.get(known) === id) return known;
      this.walks -= 1;
      const short = source.keyOf(id);
      // A miss is kept too (a new record is asked about several times before it is added): every add goes
      // through set, which replaces it.
      this.found.set(id, short ?? -1);
      return short;
    }
    return super.get(id);
  }

  override get(key: string): number | undefined {
    return this.lookUp(key);
  }
  override has(key: string): boolean {
    return this.lookUp(key) !== undefined;
  }
  override set(key: string, value: number): this {
    if (this.source && this.walks > 0) {
      this.found.set(key, value);
      return this;
    }
    return super.set(key, value);
  }
  override delete(key: string): boolean {
    if (this.source && this.walks > 0) {
      // (MiniSearch deletes only ids it has just looked up, and ignores what this returns.)
      this.found.set(key, -1);
      return true;
    }
    return super.delete(key);
  }

  override clear(): void {
    this.source = undefined;
    this.found.clear();
    super.clear();
  }
}

/** In ShortIdNames' codes: the facts of that short id are known (the low bits: its type's place, plus one). */
const FACTS_KNOWN = 0x80;

const PAGE_BITS = 10;
const PAGE = 1 << PAGE_BITS;

/**
 * Slots by short id in pages of 1,024, each made when first written: a loaded index of a million documents
 * learns the ids and facts of a few thousand before its first answer, and two arrays of two million slots
 * made at once took a tenth of a second.
 */
class Pages<T> {
  private readonly pages: (T[] | undefined)[] = [];

  get(i: number): T | undefined {
    return this.pages[i >> PAGE_BITS]?.[i & (PAGE - 1)];
  }

  set(i: number, value: T): void {
    const p = i >> PAGE_BITS;
    // Grown a slot at a time (a page's worth of documents apart), so the list of pages never has a gap.
    while (this.pages.length <= p) this.pages.push(undefined);
    (this.pages[p] ??= new Array<T>(PAGE))[i & (PAGE - 1)] = value;
  }
}

/**
 * What each short id names — its document's result type, record id and facts (the engine's filter facts of
 * that record) — noted as the engine adds the document, or read back from its id the first time a query
 * meets it (a loaded index: the type and id when first met, the facts when first asked for), and kept:
 * short ids are never reused, and a record whose facts change is added again under a new one, so what is
 * kept stays true while the document is live.
 *
 * Why: a query on a common word meets 200,000 documents. Making a new id string for each, at every query,
 * and looking each one's facts up in a map of a million records (a cache miss or two apiece) was most of a
 * query's time after the scoring. A query without filters needs the facts of its ties and shown hits only:
 * the first query of a loaded index (what "search ready" waits for) learns the types of its matches, not
 * their facts.
 */
export class ShortIdNames {
  /** The type's place in RESULT_TYPES, plus one (0: not known yet); FACTS_KNOWN once the facts are. */
  private codes = new Uint8Array(1024);
  private readonly ids = new Pages<string>();
  private readonly facts = new Pages<unknown>();
  /** Where learnSome goes on. */
  private learnt = 0;

  /**
   * `keyOf`: the document id of a short id in the index (`b:<id>`, `s:<id>`…, documents.ts docId), undefined
   * for one no longer live; `factsOf`: the engine's facts of a record (its document's short id beside its id:
   * a loaded index finds the facts it has not made yet by it); `loaded`: a loaded index's ids as they were
   * loaded, and which are live (packed-ids.ts), where a match's type is a byte and its id is made only when
   * asked for.
   */
  constructor(
    private readonly keyOf: (short: number) => string | undefined,
    private readonly factsOf: (type: ResultType, id: string, short: number) => unknown,
    private readonly loaded: () => (LoadedIds & { has(short: number): boolean }) | undefined = () => undefined,
  ) {}

  /** Room in the types' codes for short ids below `n` (a loaded index's count), made at once rather than doubled as met. */
  reserve(n: number): void {
    if (n > this.codes.length) this.grow(n - 1);
  }

  /** What a document just added names: the very id string its facts are kept under (its hash already known). */
  note(short: number, type: ResultType, id: string, facts: unknown): void {
    if (short >= this.codes.length) this.grow(short);
    this.codes[short] = (RESULT_TYPES.indexOf(type) + 1) | FACTS_KNOWN;
    this.ids.set(short, id);
    this.facts.set(short, facts);
  }

  /** The type's place in RESULT_TYPES. */
  code(short: number): number {
    const code = short < this.codes.length ? this.codes[short]! & ~FACTS_KNOWN : 0;
    return (code || this.learn(short)) - 1;
  }

  type(short: number): ResultType {
    return RESULT_TYPES[this.code(short)]!;
  }

  /** The record's id. */
  id(short: number): string {
    this.code(short);
    let id = this.ids.get(short);
    if (id === undefined) {
      id = this.loaded()!.key(short)!.slice(2);
      this.ids.set(short, id);
    }
    return id;
  }

  /** The record's facts, as the engine holds them while the document is live. */
  factsAt(short: number): unknown {
    if (short >= this.codes.length || !(this.codes[short]! & FACTS_KNOWN)) {
      const code = this.code(short);
      this.facts.set(short, this.factsOf(RESULT_TYPES[code]!, this.id(short), short));
      this.codes[short]! |= FACTS_KNOWN;
    }
    return this.facts.get(short);
  }

  /**
   * Learn the names and facts of up to `budget` more live short ids below `end`, so that queries after it
   * learn none (a loaded index's idle work); true once all are known.
   */
  learnSome(end: number, budget = Infinity): boolean {
    this.reserve(end);
    const loaded = this.loaded();
    const live = loaded ? (short: number) => loaded.has(short) : (short: number) => this.keyOf(short) !== undefined;
    let n = 0;
    for (; this.learnt < end; this.learnt++) {
      if (n >= budget) return false;
      if (this.codes[this.learnt]! & FACTS_KNOWN || !live(this.learnt)) continue;
      this.factsAt(this.learnt);
      n++;
    }
    return true;
  }

  private learn(short: number): number {
    if (short >= this.codes.length) this.grow(short);
    // A loaded document's type from its byte; its id (a string made from bytes) when first asked for.
    const loaded = this.loaded()?.code(short);
    if (loaded) {
      this.codes[short] = loaded;
      return loaded;
    }
    const key = this.keyOf(short)!;
    const code = RESULT_TYPES.indexOf(typeOfDocId(key)!) + 1;
    this.codes[short] = code;
    this.ids.set(short, key.slice(2));
    return code;
  }

  /** The codes doubled past `short`, in one copy (an array grown a slot at a time is slow). */
  private grow(short: number): void {
    let capacity = this.codes.length;
    while (capacity <= short) capacity *= 2;
    const codes = new Uint8Array(capacity);
    codes.set(this.codes);
    this.codes = codes;
  }
}
