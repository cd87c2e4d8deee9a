import { FilledOnUse } from './filled-on-use';

/** A map's own count, read past a subclass's `size` (a packed map counts its packed postings too). */
const mapSize = (map: Map<unknown, unknown>): number => Reflect.get<Map<unknown, unknown>, 'size'>(Map.prototype, 'size', map);

/**
 * A saved chunk of postings that turned out malformed when first parsed (a query or the idle worker needs
 * it): the saved index is damaged and must be rebuilt (data/search-persist.ts recover), never read on.
 */
export class SearchIndexDamagedError extends Error {
  constructor() {
    super('The saved search index is damaged: it is being rebuilt');
  }
}

/**
 * A walk met postings of a saved index not read yet (data/search-persist.ts reads them after the rest, while
 * the index already answers): read `chunk`'s (SearchEngine.supplyPostings), then walk again. A query reads
 * what it walks first (SearchEngine.postingsFor); writes walk none; the idle preparation, a vacuum and a save
 * wait until all are read.
 */
export class PostingsNotReadError extends Error {
  constructor(readonly chunk: TermChunk) {
    super('The saved search index is still being read');
  }
}

/**
 * A saved chunk's postings, one flat array of numbers per word and field (see SearchEngine.chunkStream), kept
 * as text until something walks them: at a million records, parsing every posting before the first answer
 * was two thirds of the wait for it. The chunk's layout says, for each word, which fields hold it, how many
 * postings each has and the length of each one's array in the text, so a word's fields are known without
 * parsing any of it, and one field's postings are parsed alone when first walked: a query parses the few it
 * meets. An edit (replayed at every start: a renamed briefing re-indexes its statements) adds postings beside
 * the packed ones (LazyFreqs) and parses none: when a word's postings were one array, every word of every
 * edited document was parsed whole, hundreds of thousands of numbers for a common word (about 2 s of a start
 * at a million records). The worker parses the rest while idle (SearchEngine.prepareSome), the whole text at
 * once. What a load would have refused (text that is not such arrays, one per field) is refused when parsed.
 *
 * The text may come after the layout (`supply`): a saved index is read without its postings, which are read
 * while it already answers (data/search-persist.ts; at a million records they were half of what was read
 * before the first answer). Until then its words are known, and a walk of their postings throws
 * PostingsNotReadError.
 */
export class TermChunk {
  private text: string | undefined;
  /** Where each list (a word's postings in one field) begins in `text`, and after the last, the text's length. */
  private starts: Uint32Array | undefined;
  /** Each list's field id and number of postings. */
  private readonly fieldIds: Uint32Array;
  private readonly counts: Uint32Array;
  /** Each word's first list, and after the last word, the number of lists: a word's lists follow one another. */
  private readonly firstList: Uint32Array;
  /** Each list parsed and not yet handed to its LazyFreqs (which then holds it: a map it builds later replaces it). */
  private readonly entries: (number[] | undefined)[];
  /** Each list's state: still text, parsed, handed over. */
  private readonly state: Uint8Array;
  /** Lists still text. */
  private left: number;

  /**
   * `layout`, for each of the `words` in order: its number of fields, then per field its id (below
   * `fieldCount`, each once), its number of postings and its array's length in `text`. Throws
   * SearchIndexDamagedError if the layout is not that, or does not add up to the text.
   */
  constructor(text: string | undefined, layout: readonly unknown[], words: number, fieldCount: number) {
    const whole = (v: unknown, min: number): number => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > 0xffffffff) throw new SearchIndexDamagedError();
      return v;
    };
    const firstList = new Uint32Array(words + 1);
    let lists = 0;
    for (let w = 0, p = 0; w <= words; w++) {
      firstList[w] = lists;
      if (w === words) {
        if (p !== layout.length) throw new SearchIndexDamagedError();
        break;
      }
      const k = whole(layout[p], 1);
      lists += k;
      p += 1 + 3 * k;
      if (p > layout.length) throw new SearchIndexDamagedError();
    }
    const fieldIds = new Uint32Array(lists);
    const counts = new Uint32Array(lists);
    const starts = new Uint32Array(lists + 1);
    // '[' then each array and a comma after all but the last, then ']'.
    let at = 1;
    for (let w = 0, p = 0, i = 0; w < words; w++) {
      const k = layout[p++] as number;
      for (let j = 0; j < k; j++, i++, p += 3) {
        const fieldId = (fieldIds[i] = whole(layout[p], 0));
        if (fieldId >= fieldCount || fieldIds.subarray(i - j, i).includes(fieldId)) throw new SearchIndexDamagedError();
        const n = (counts[i] = whole(layout[p + 1], 1));
        // The shortest array of 2n numbers: 2n digits, 2n - 1 commas and its brackets.
        const len = whole(layout[p + 2], 4 * n + 1);
        starts[i] = at;
        at += len + 1;
      }
    }
    starts[lists] = at;
    if (lists === 0) throw new SearchIndexDamagedError();
    this.starts = starts;
    this.fieldIds = fieldIds;
    this.counts = counts;
    this.firstList = firstList;
    this.entries = new Array<number[] | undefined>(lists);
    this.state = new Uint8Array(lists);
    this.left = lists;
    if (text !== undefined) this.supply(text);
  }

  /** Whether its postings' text is here (given to the constructor, or supplied since). */
  get read(): boolean {
    return this.text !== undefined || this.left === 0;
  }

  /** The postings' text, read after the layout. Throws SearchIndexDamagedError if it is not what the layout says. */
  supply(text: string): void {
    if (this.read) return;
    const starts = this.starts!;
    const lists = this.entries.length;
    const at = starts[lists]!;
    if (text.length !== at || text[0] !== '[' || text[at - 1] !== ']') throw new SearchIndexDamagedError();
    // Each list's array where its length says, and nowhere else: the arrays hold numbers only, so a '[' opens
    // each and a ']' followed by ',' (or the last ']') closes it — lengths that add up but are shifted would
    // hand one word another's postings.
    for (let i = 0; i < lists; i++) {
      const end = starts[i + 1]! - 1;
      if (text[starts[i]!] !== '[' || text[end - 1] !== ']' || text[end] !== (i + 1 < lists ? ',' : ']')) throw new SearchIndexDamagedError();
    }
    this.text = text;
  }

  get parsed(): boolean {
    return this.left === 0;
  }

  /** How many of its lists (a word's postings in one field) are parsed. */
  get parsedLists(): number {
    return this.entries.length - this.left;
  }

  get lists(): number {
    return this.entries.length;
  }

  get words(): number {
    return this.firstList.length - 1;
  }

  /** The `word`-th word's postings, field by field, each parsed when first walked (LazyFreqs): none parsed here. */
  eachField(word: number, fn: (fieldId: number, n: number, flat: () => number[]) => void): void {
    for (let i = this.firstList[word]!, end = this.firstList[word + 1]!; i < end; i++) fn(this.fieldIds[i]!, this.counts[i]!, () => this.entry(i));
  }

  /**
   * The chunk's `i`-th list, parsed alone unless parse() did it: n short id steps, then n frequencies. Handed
   * over once, to the list's LazyFreqs, which keeps it (the chunk does not: a map built from it later, by a
   * vacuum say, would otherwise sit beside it).
   */
  entry(i: number): number[] {
    if (this.state[i] === HANDED) throw new Error(`List ${i} of a chunk of postings was handed over already`);
    let entry = this.entries[i];
    if (!entry) {
      if (this.text === undefined) throw new PostingsNotReadError(this);
      const starts = this.starts!;
      entry = this.keep(i, parseOrDamaged(this.text.slice(starts[i], starts[i + 1]! - 1)));
    }
    this.entries[i] = undefined;
    this.state[i] = HANDED;
    return entry;
  }

  /** Every list (the idle worker): the whole text in one parse, the lists not yet parsed taken from it. */
  parse(): void {
    if (this.left === 0) return;
    if (this.text === undefined) throw new PostingsNotReadError(this);
    const all = parseOrDamaged(this.text);
    if (!Array.isArray(all) || all.length !== this.entries.length) throw new SearchIndexDamagedError();
    for (let i = 0; i < all.length; i++) if (this.state[i] === TEXT) this.keep(i, all[i]);
  }

  private keep(i: number, entry: unknown): number[] {
    if (!wellFormed(entry, this.counts[i]!)) throw new SearchIndexDamagedError();
    this.entries[i] = entry;
    this.state[i] = PARSED;
    if (--this.left === 0) {
      this.text = undefined;
      this.starts = undefined;
    }
    return entry;
  }
}

/** A list's states in a TermChunk. */
const TEXT = 0;
const PARSED = 1;
const HANDED = 2;

function parseOrDamaged(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SearchIndexDamagedError();
  }
}

/** One list as chunkStream writes it: n short id steps and n frequencies, all numbers. */
function wellFormed(entry: unknown, n: number): entry is number[] {
  if (!Array.isArray(entry) || entry.length !== 2 * n) return false;
  for (let i = 0; i < entry.length; i++) if (typeof entry[i] !== 'number') return false;
  return true;
}

/**
 * One term's postings as loaded by fromChunks: its lists in a saved chunk (TermChunk), turned into MiniSearch's
 * maps (field id → document short id → term frequency) the first time anything reads or changes them, each
 * field's postings left packed, and as text until walked (LazyFreqs). A query reads a handful of terms:
 * preparing all of them (3 million postings at 135,000 records) was a third of loading a saved index, i.e. of
 * the wait before the first search answers.
 */
export class LazyPostings extends FilledOnUse<number, Map<number, number>> {
  private filled = false;

  /**
   * `saved`: the chunk its postings are in, for as long as the index lives (a query asks whether they are
   * read yet: SearchEngine.postingsFor); `firstNew`: the short id the loaded index gives its next document (LazyFreqs).
   */
  constructor(
    readonly saved: TermChunk,
    private readonly at: number,
    private readonly firstNew: number,
  ) {
    super();
  }

  protected fill(): void {
    if (this.filled) return;
    this.filled = true;
    this.saved.eachField(this.at, (fieldId, n, flat) => this.put(fieldId, new LazyFreqs(flat, n, this.firstNew)));
  }

  override clear(): void {
    this.filled = true;
    super.clear();
  }
}

/**
 * One field's postings (document short id → term frequency) kept packed, as a loaded index has them: the
 * short ids as differences from the previous one, then the frequencies, in one flat array (a loaded index's
 * still text until first walked: TermChunk). A walk (eachPosting, and the scorer in leanScoring.ts) reads them in
 * place; the map is built only when something reads or changes a loaded posting one by one (a discarded
 * document's clean-up, a vacuum). A document added since the packing (short id `firstNew` or later: short
 * ids only grow) goes beside the packed ones, so adding documents — the edits replayed at every start, the
 * writes of a day — builds nothing. Built, the map holds the packed postings first and the added ones
 * after: MiniSearch's own order, as the packed short ids increase.
 *
 * Why packed: a map entry costs several times the memory of two array slots, and walking a common word's
 * 200,000 postings in a map was most of a query's time on a million-record archive (docs/benchmarks.md).
 */
export class LazyFreqs extends FilledOnUse<number, number> {
  /**
   * The packed postings, or how to get them (a saved list parsed when first walked: TermChunk.entry);
   * undefined once the map is built.
   */
  private source: Packed | (() => Packed) | undefined;

  constructor(
    source: Packed | (() => Packed),
    private readonly n: number,
    private readonly firstNew: number,
  ) {
    super();
    this.source = source;
  }

  /** MiniSearch's map packed; `firstNew`: the short id the index gives its next document. */
  static pack(freqs: ReadonlyMap<number, number>, firstNew: number): LazyFreqs {
    const n = freqs.size;
    const flat = new Array<number>(2 * n);
    let i = 0;
    let prev = 0;
    eachPosting(freqs, (short, tf) => {
      flat[i] = short - prev;
      flat[n + i] = tf;
      prev = short;
      i += 1;
    });
    return new LazyFreqs(flat, n, firstNew);
  }

  /** Not yet built into a map, nor given a posting since it was packed: packing it again would change nothing. */
  get packedWhole(): boolean {
    return this.source !== undefined && mapSize(this) === 0;
  }

  /**
   * The packed postings for a walk in place, while the map is not built: `flat[j]` is the j-th short
   * id's difference from the previous one and `flat[n + j]` its frequency, for j below `n`; the
   * postings added since follow in `added`. Undefined once built: walk the map then. A walk may go on
   * over these after something builds the map (it holds the same postings, in the same order).
   */
  packed(): { flat: Packed; n: number; added: [number, number][] } | undefined {
    const flat = this.flat();
    if (!flat) return undefined;
    // A copy: a walk that meets a discarded document builds the map, which empties and refills this one.
    return { flat, n: this.n, added: [...(Map.prototype.entries.call(this) as MapIterator<[number, number]>)] };
  }

  /** The packed postings (parsed now if still text), or undefined once the map is built. */
  private flat(): Packed | undefined {
    const source = this.source;
    return typeof source === 'function' ? (this.source = source()) : source;
  }

  protected fill(): void {
    const entry = this.flat();
    if (!entry) return;
    this.source = undefined;
    const added = [...Map.prototype.entries.call(this)] as [number, number][];
    Map.prototype.clear.call(this);
    let short = 0;
    for (let j = 0; j < this.n; j++) {
      short += entry[j] as number;
      this.put(short, entry[this.n + j] as number);
    }
    for (const [short, tf] of added) this.put(short, tf);
  }

  private added(key: number): boolean {
    return this.source !== undefined && key >= this.firstNew;
  }

  override get size(): number {
    // Packed: the added postings are the map's own, and none of them is among the packed ones.
    return this.source !== undefined ? this.n + mapSize(this) : super.size;
  }
  override get(key: number): number | undefined {
    return this.added(key) ? (Map.prototype.get.call(this, key) as number | undefined) : super.get(key);
  }
  override has(key: number): boolean {
    return this.added(key) ? Map.prototype.has.call(this, key) : super.has(key);
  }
  override set(key: number, value: number): this {
    if (!this.added(key)) return super.set(key, value);
    this.put(key, value);
    return this;
  }

  override clear(): void {
    this.source = undefined;
    super.clear();
  }
}

/** Packed postings: short id steps and frequencies (from a saved index, numbers; `(string | number)` as MiniSearch types its arrays). */
type Packed = readonly (string | number)[];

/** Each posting (short id, term frequency) in the map's order, without building a packed one's map. */
export function eachPosting(freqs: ReadonlyMap<number, number>, fn: (short: number, tf: number) => void): void {
  const packed = freqs instanceof LazyFreqs ? freqs.packed() : undefined;
  if (!packed) {
    freqs.forEach((tf, short) => fn(short, tf));
    return;
  }
  const { flat, n, added } = packed;
  let short = 0;
  for (let j = 0; j < n; j++) {
    short += flat[j] as number;
    fn(short, flat[n + j] as number);
  }
  for (const [short, tf] of added) fn(short, tf);
}

/**
 * Pack a term's postings in every field (LazyFreqs.pack), in place: what a full build leaves as maps is held
 * as a loaded index holds it. Returns the number of postings packed.
 */
export function packTerm(fieldIndex: Map<number, Map<number, number>>, firstNew: number): number {
  let packed = 0;
  for (const [fieldId, freqs] of fieldIndex) {
    if (freqs instanceof LazyFreqs && freqs.packedWhole) continue;
    fieldIndex.set(fieldId, LazyFreqs.pack(freqs, firstNew));
    packed += freqs.size;
  }
  return packed;
}
