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
 * A saved chunk's postings, one flat array of numbers per word (see SearchEngine.chunkStream), kept as text
 * until something needs them: at a million records, parsing every posting before the first answer was two
 * thirds of the wait for it. The text is a JSON array of the words' arrays, and the chunk knows each one's
 * length, so a word is parsed alone: a query, or an edit replayed at a start (its document's every word),
 * parses the few words it meets, not the hundreds of others in their chunks (at 135,000 records, the edits
 * of a day replayed at a start parsed most of the chunks: 0.4 s before the first answer). The worker parses
 * the rest while idle (SearchEngine.prepareSome), the whole text at once.
 * What a load would have refused (text that is not such arrays, one per word) is refused when parsed.
 */
export class TermChunk {
  private text: string | undefined;
  /** Where each word's array begins in `text`, and after the last, the text's length: the i-th ends a character before the next begins. */
  private starts: Uint32Array | undefined;
  private readonly entries: (number[] | undefined)[];
  /** Words whose postings are still text. */
  private left: number;

  /** `lengths`: each word's array's length in `text`, in order. Throws SearchIndexDamagedError if they do not add up to the text. */
  constructor(text: string, lengths: readonly number[]) {
    const n = lengths.length;
    const starts = new Uint32Array(n + 1);
    // '[' then each array and a comma after all but the last, then ']'.
    let at = 1;
    for (let i = 0; i < n; i++) {
      const len = lengths[i]!;
      if (!Number.isInteger(len) || len < 2) throw new SearchIndexDamagedError();
      starts[i] = at;
      at += len + 1;
    }
    starts[n] = at;
    if (n === 0 || text.length !== at || text[0] !== '[' || text[at - 1] !== ']') throw new SearchIndexDamagedError();
    // Each word's array where its length says, and nowhere else: the arrays hold numbers only, so a '[' opens
    // each and a ']' followed by ',' (or the last ']') closes it — lengths that add up but are shifted would
    // hand one word another's postings.
    for (let i = 0; i < n; i++) {
      const end = starts[i + 1]! - 1;
      if (text[starts[i]!] !== '[' || text[end - 1] !== ']' || text[end] !== (i + 1 < n ? ',' : ']')) throw new SearchIndexDamagedError();
    }
    this.text = text;
    this.starts = starts;
    this.entries = new Array<number[] | undefined>(n);
    this.left = n;
  }

  get parsed(): boolean {
    return this.left === 0;
  }

  /** How many of its words' postings are parsed. */
  get parsedWords(): number {
    return this.entries.length - this.left;
  }

  get words(): number {
    return this.entries.length;
  }

  /** The postings of the chunk's `i`-th word, parsed alone the first time. */
  entry(i: number): number[] {
    const known = this.entries[i];
    if (known) return known;
    const starts = this.starts!;
    return this.keep(i, parseOrDamaged(this.text!.slice(starts[i], starts[i + 1]! - 1)));
  }

  /** Every word's postings (the idle worker): the whole text in one parse, the words not yet parsed taken from it. */
  parse(): void {
    if (this.left === 0) return;
    const all = parseOrDamaged(this.text!);
    if (!Array.isArray(all) || all.length !== this.entries.length) throw new SearchIndexDamagedError();
    for (let i = 0; i < all.length; i++) if (!this.entries[i]) this.keep(i, all[i]);
  }

  private keep(i: number, entry: unknown): number[] {
    if (!wellFormed(entry)) throw new SearchIndexDamagedError();
    this.entries[i] = entry;
    if (--this.left === 0) {
      this.text = undefined;
      this.starts = undefined;
    }
    return entry;
  }
}

function parseOrDamaged(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SearchIndexDamagedError();
  }
}

/** One word's postings as chunkStream writes them: per field, its id, n, then n short id steps and n frequencies. */
function wellFormed(entry: unknown): entry is number[] {
  if (!Array.isArray(entry)) return false;
  let i = 0;
  while (i < entry.length) {
    const n: unknown = entry[i + 1];
    if (typeof entry[i] !== 'number' || typeof n !== 'number' || !Number.isInteger(n) || n < 1) return false;
    i += 2 + 2 * n;
  }
  return i === entry.length;
}

/**
 * One term's postings as loaded by fromChunks: its entry in a saved chunk (TermChunk), turned into MiniSearch's
 * maps (field id → document short id → term frequency), each field's postings left packed (LazyFreqs), the
 * first time anything reads or changes them. A query reads a handful of terms: preparing all of them (3
 * million postings at 135,000 records) was a third of loading a saved index, i.e. of the wait before the
 * first search answers.
 */
export class LazyPostings extends FilledOnUse<number, Map<number, number>> {
  private chunk: TermChunk | undefined;

  /** `firstNew`: the short id the loaded index gives its next document (LazyFreqs). */
  constructor(
    chunk: TermChunk,
    private readonly at: number,
    private readonly firstNew: number,
  ) {
    super();
    this.chunk = chunk;
  }

  protected fill(): void {
    const chunk = this.chunk;
    if (!chunk) return;
    this.chunk = undefined;
    const entry = chunk.entry(this.at);
    let i = 0;
    while (i < entry.length) {
      const fieldId = entry[i]!;
      const n = entry[i + 1]!;
      this.put(fieldId, new LazyFreqs(entry, i + 2, n, this.firstNew));
      i += 2 + 2 * n;
    }
  }

  override clear(): void {
    this.chunk = undefined;
    super.clear();
  }
}

/**
 * One field's postings (document short id → term frequency) kept packed, as a loaded index has them: the
 * short ids as differences from the previous one, then the frequencies, in one flat array (shared with the
 * term's other fields when loaded). A walk (eachPosting, and the scorer in leanScoring.ts) reads them in
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
  constructor(
    private flat: readonly (string | number)[] | undefined,
    private readonly at: number,
    private readonly n: number,
    private readonly firstNew: number,
  ) {
    super();
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
    return new LazyFreqs(flat, 0, n, firstNew);
  }

  /** Not yet built into a map, nor given a posting since it was packed: packing it again would change nothing. */
  get packedWhole(): boolean {
    return this.flat !== undefined && mapSize(this) === 0;
  }

  /**
   * The packed postings for a walk in place, while the map is not built: `flat[at + j]` is the j-th short
   * id's difference from the previous one and `flat[at + n + j]` its frequency, for j below `n`; the
   * postings added since follow in `added`. Undefined once built: walk the map then. A walk may go on
   * over these after something builds the map (it holds the same postings, in the same order).
   */
  packed(): { flat: readonly (string | number)[]; at: number; n: number; added: [number, number][] } | undefined {
    const flat = this.flat;
    if (!flat) return undefined;
    // A copy: a walk that meets a discarded document builds the map, which empties and refills this one.
    return { flat, at: this.at, n: this.n, added: [...(Map.prototype.entries.call(this) as MapIterator<[number, number]>)] };
  }

  protected fill(): void {
    const entry = this.flat;
    if (!entry) return;
    this.flat = undefined;
    const added = [...Map.prototype.entries.call(this)] as [number, number][];
    Map.prototype.clear.call(this);
    let short = 0;
    for (let j = 0; j < this.n; j++) {
      short += entry[this.at + j] as number;
      this.put(short, entry[this.at + this.n + j] as number);
    }
    for (const [short, tf] of added) this.put(short, tf);
  }

  private added(key: number): boolean {
    return this.flat !== undefined && key >= this.firstNew;
  }

  override get size(): number {
    // Packed: the added postings are the map's own, and none of them is among the packed ones.
    return this.flat !== undefined ? this.n + mapSize(this) : super.size;
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
    this.flat = undefined;
    super.clear();
  }
}

/** Each posting (short id, term frequency) in the map's order, without building a packed one's map. */
export function eachPosting(freqs: ReadonlyMap<number, number>, fn: (short: number, tf: number) => void): void {
  const packed = freqs instanceof LazyFreqs ? freqs.packed() : undefined;
  if (!packed) {
    freqs.forEach((tf, short) => fn(short, tf));
    return;
  }
  const { flat, at, n, added } = packed;
  let short = 0;
  for (let j = 0; j < n; j++) {
    short += flat[at + j] as number;
    fn(short, flat[at + n + j] as number);
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
