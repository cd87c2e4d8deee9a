/**
 * A full build ends by packing its postings and putting its field lengths in columns (SearchEngine.packSome:
 * core/search/postings.ts, field-lengths.ts); queries then read both in place. Packed or not, an index must
 * rank the same hits with the same scores, bit for bit, hold the same state (what a save writes), and take the
 * writes that follow alike: new documents beside the packed postings, replaced ones discarded and cleaned up
 * when a query's walk meets them (which builds that word's map in the middle of the walk).
 */
import { describe, expect, it } from 'vitest';
import { INDEXED_TABLES, PostingsNotReadError, SearchEngine, SearchIndexDamagedError, mergeQuery, splitPostings } from '../../src-renderer/src/core/search';
import { LazyFreqs, TermChunk } from '../../src-renderer/src/core/search/postings';
import { QUERIES, answers, build, workspace, write, writes, type Data } from './search-writes';
import { openChunk } from '../../src-renderer/src/core/search/packed-bytes';
import { readColumns, writeColumns, zig, type RawColumns } from './fact-columns-layout';

const ranked = (engine: SearchEngine) => QUERIES.map(([text, filters]) => engine.search(mergeQuery(text, filters ?? {}, 'en'), 1000, 'en').groups);

/** Every posting list of the index, as MiniSearch holds it (field id → short id → frequency). */
function postingLists(engine: SearchEngine): Map<number, number>[] {
  const index = (engine as unknown as { index: { _index: Iterable<[string, Map<number, Map<number, number>>]> } }).index;
  const lists: Map<number, number>[] = [];
  for (const [, fields] of index._index) for (const [, freqs] of fields) lists.push(freqs);
  return lists;
}

/** How many short ids' facts the index has learnt (core/search/short-ids.ts: the FACTS_KNOWN bit). */
function factsKnown(engine: SearchEngine): number {
  const { codes } = (engine as unknown as { shortIds: { codes: Uint8Array } }).shortIds;
  return codes.reduce((n, c) => n + (c & 0x80 ? 1 : 0), 0);
}

describe('a built index with its postings packed', () => {
  const base = workspace();
  const all = writes(base);

  for (const n of [0, 1, 6, all.length]) {
    it(`ranks and holds exactly what the unpacked build does, then after ${n} writes`, () => {
      const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
      const plain = build(data);
      const packed = build(data);
      // In slices, as the search feed packs them between turns of the event loop.
      let slices = 1;
      while (!packed.packSome(300)) slices += 1;
      expect(slices).toBeGreaterThan(3);
      expect(postingLists(packed).every((freqs) => freqs instanceof LazyFreqs)).toBe(true);
      expect(ranked(packed)).toEqual(ranked(plain));
      expect(packed.toChunks()).toEqual(plain.toChunks());
      for (const [table, record] of all.slice(0, n)) {
        data[table].set(record.id, record);
        expect(write(packed, data, table, record)).toEqual(write(plain, data, table, record));
      }
      // Queries meet the replaced documents' old postings and clean them up, on both sides alike.
      expect(ranked(packed)).toEqual(ranked(plain));
      expect(packed.toChunks()).toEqual(plain.toChunks());
      expect(answers(packed, data)).toEqual(answers(build(data), data));
    });
  }

  it('answers queries from the packed postings without building their maps', () => {
    const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
    const packed = build(data);
    packed.packSome();
    // A new document's postings go beside the packed ones.
    const [table, record] = all.find(([t, r]) => t === 'statements' && data.statements.has(r.id))!;
    data[table].set(record.id, record);
    write(packed, data, table, record);
    const lists = postingLists(packed) as LazyFreqs[];
    expect(lists.every((freqs) => freqs.packed())).toBe(true);
    expect(lists.some((freqs) => (freqs.packed()?.added.length ?? 0) > 0)).toBe(true);
    ranked(packed);
    // Only a word the replaced statement held, met by a query, has had its map built (to clean the old posting up).
    const built = lists.filter((freqs) => !freqs.packed());
    expect(built.length).toBeLessThan(lists.length / 20);
  });

  it('loaded, parses a saved chunk of postings only when a query needs one of its words, the rest when idle', () => {
    const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
    const built = build(data);
    const loaded = SearchEngine.fromChunks(built.toChunks(300, 50));
    const chunks = [...(loaded as unknown as { unparsed: TermChunk[] }).unparsed];
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.some((c) => c.parsed)).toBe(false);
    const lists = chunks.reduce((n, c) => n + c.lists, 0);
    const parsedLists = () => chunks.reduce((n, c) => n + c.parsedLists, 0);
    const heroin = (engine: SearchEngine) => engine.search(mergeQuery('heroin', {}, 'en'), 1000, 'en').groups;
    expect(heroin(loaded)).toEqual(heroin(built));
    // The words the query met, each field's postings parsed alone: not their chunks.
    expect(parsedLists()).toBeGreaterThan(0);
    expect(parsedLists()).toBeLessThan(20);
    expect(chunks.some((c) => c.parsed)).toBe(false);
    // A query learns the facts of the matches it ranks against each other (ties, the hits shown), not of
    // every match.
    const donor = (engine: SearchEngine) => engine.search(mergeQuery('donor', {}, 'en'), 5, 'en').groups;
    const matches = donor(built).reduce((n, g) => n + g.total, 0);
    expect(matches).toBeGreaterThan(100);
    expect(donor(loaded)).toEqual(donor(built));
    expect(factsKnown(loaded)).toBeLessThan(matches / 2);
    expect(parsedLists()).toBeLessThan(lists / 20);
    let slices = 0;
    while (!loaded.prepareSome(1)) slices += 1;
    expect(slices).toBeGreaterThanOrEqual(chunks.length - chunks.filter((c) => c.parsed).length);
    expect(chunks.every((c) => c.parsed)).toBe(true);
    // Prepared, it knows every document's facts: no later query looks one up.
    expect(factsKnown(loaded)).toBe(loaded.size);
    expect(ranked(loaded)).toEqual(ranked(built));
  });

  it('loaded, takes edits (as replayed at a start) without parsing any postings', () => {
    const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
    const plain = build(data);
    const loaded = SearchEngine.fromChunks(plain.toChunks(300, 50));
    const chunks = [...(loaded as unknown as { unparsed: TermChunk[] }).unparsed];
    const parsedLists = () => chunks.reduce((n, c) => n + c.parsedLists, 0);
    for (const [table, record] of all.slice(0, 6)) {
      data[table].set(record.id, record);
      expect(write(loaded, data, table, record)).toEqual(write(plain, data, table, record));
    }
    // The edited documents' words know their fields from the chunk's layout; their new postings go beside the
    // saved ones, still text.
    expect(parsedLists()).toBe(0);
    // The same as the index it was saved from, given the same edits; the same answers as a fresh build.
    expect(ranked(loaded)).toEqual(ranked(plain));
    expect(parsedLists()).toBeGreaterThan(0);
    expect(answers(loaded, data)).toEqual(answers(build(data), data));
  });

  it('loaded without its postings, takes edits, holds its vacuum and answers once they are supplied', () => {
    const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
    const plain = build(data);
    // As data/search-persist.ts reads a saved index: the terms' layouts with the rest, their postings after.
    const loading = SearchEngine.loader();
    const later = new Map<TermChunk, string>();
    for (const saved of plain.toChunks(300, 50)) {
      const { head, postings } = typeof saved === 'string' ? splitPostings(saved) : { head: saved };
      const chunk = loading.add(head);
      expect(!!chunk).toBe(postings !== undefined);
      if (chunk) later.set(chunk, postings!);
    }
    const loaded = loading.finish();
    const options = (loaded as unknown as { index: { _options: { autoVacuum: unknown } } }).index._options;
    expect(later.size).toBeGreaterThan(20);
    expect(loaded.postingsRead).toBe(false);
    expect(options.autoVacuum).toBe(false);
    // Every write (replaced, deleted, new records) taken before a single posting is read.
    for (const [table, record] of all) {
      data[table].set(record.id, record);
      expect(write(loaded, data, table, record)).toEqual(write(plain, data, table, record));
    }
    const query = mergeQuery('heroin border', {}, 'en');
    expect(() => loaded.search(query, 1000, 'en')).toThrow(PostingsNotReadError);
    const needed = loaded.postingsFor(query);
    expect(needed.length).toBeGreaterThan(0);
    expect(needed.length).toBeLessThan(later.size / 4);
    for (const chunk of needed) loaded.supplyPostings(chunk, later.get(chunk)!);
    expect(loaded.search(query, 1000, 'en').groups).toEqual(plain.search(query, 1000, 'en').groups);
    expect(loaded.postingsRead).toBe(false);
    // Postings that are not what the layout says are refused; the rest supplied, the vacuum is given back.
    const [first] = [...later].filter(([chunk]) => !chunk.read)[0]!;
    expect(() => loaded.supplyPostings(first, later.get(first)!.slice(0, -1))).toThrow(SearchIndexDamagedError);
    for (const [chunk, text] of later) loaded.supplyPostings(chunk, text);
    expect(loaded.postingsRead).toBe(true);
    expect(options.autoVacuum).toEqual((plain as unknown as { index: { _options: { autoVacuum: unknown } } }).index._options.autoVacuum);
    expect(ranked(loaded)).toEqual(ranked(plain));
    expect(answers(loaded, data)).toEqual(answers(build(data), data));
  });

  it('refuses a chunk whose words do not add up to its postings, or whose word is not postings', () => {
    const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
    const chunks = build(data).toChunks(300, 50);
    const at = chunks.findIndex((c) => typeof c === 'string' && c.startsWith('{"k":"terms"'));
    const [head, postings] = [(chunks[at] as string).slice(0, (chunks[at] as string).indexOf('\n')), (chunks[at] as string).slice((chunks[at] as string).indexOf('\n') + 1)];
    // One character fewer in the postings than the words' lengths say: refused as the chunk is loaded.
    const short = [...chunks];
    short[at] = `${head}\n${postings.replace(/,(\d)/, '$1')}`;
    expect(() => SearchEngine.fromChunks(short)).toThrow(SearchIndexDamagedError);
    // The same length, but a word's array garbled: loaded, and refused when the idle worker parses it.
    const garbled = [...chunks];
    garbled[at] = `${head}\n${postings.replace(/(\d),/, 'x,')}`;
    expect(() => SearchEngine.fromChunks(garbled).prepare()).toThrow(SearchIndexDamagedError);
  });

  it('refuses statements or follow-ups whose columns do not match the documents saved with them', () => {
    const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
    const chunks = build(data).toChunks(300, 50);
    const colsAt = (table: string) => chunks.findIndex((c) => typeof c !== 'string' && (openChunk(c).head as { k: string; t: string }).k === 'cols' && (openChunk(c).head as { t: string }).t === table);
    const at = colsAt('statements');
    const actionsAt = colsAt('actions');
    expect(at).toBeGreaterThan(0);
    const edited = (index: number, change: (c: RawColumns) => void) => {
      const raw = readColumns(chunks[index] as Uint8Array);
      change(raw);
      const out = [...chunks];
      out[index] = writeColumns(raw);
      return out;
    };
    // Untouched (read and written again by the test's own reader of the layout), it loads.
    expect(() => SearchEngine.fromChunks(edited(at, () => undefined))).not.toThrow();
    // What a row names that is not there: refused at the load, not met later by a query or the idle worker.
    const refused = [
      // a row naming a document past the saved ones
      edited(at, (c) => (c.sh[0] = zig(10_000_000) + 1)),
      // one naming the same document as the row before
      edited(at, (c) => (c.sh[1] = zig(0) + 1)),
      // a column cut short
      edited(at, (c) => c.b.pop()),
      // a follow-up's statement past the statements
      edited(actionsAt, (c) => (c.r[0] = zig(1_000_000) + 2)),
      // a briefing's place before the first
      edited(at, (c) => (c.b[0] = zig(-1) + 2)),
      // a row named by id with no id in the head, and an id in the head for a row named by place
      edited(at, (c) => (c.sh[0] = 0)),
      edited(at, (c) => (c.head.ids.b = [0, 'someone'])),
      // a kind past the chunk's names
      edited(at, (c) => (c.kd[0] = c.head.names.length + 1)),
      // a tag past the chunk's names, and the tags column cut short
      edited(at, (c) => (c.tags[0] = [c.head.names.length])),
      edited(at, (c) => c.tags.pop()),
      // an event's row past the chunk's rows
      edited(actionsAt, (c) => (c.head.x = [c.head.n, 0, 'Title'])),
      // one record named twice by its id
      edited(at, (c) => {
        c.sh[0] = 0;
        c.sh[1] = 0;
        c.head.ids.sh = [0, 'same-id', 1, 'same-id'];
      }),
      // more rows in a column than the head counts
      edited(at, (c) => c.r.push(2)),
    ];
    for (const [i, out] of refused.entries()) expect(() => SearchEngine.fromChunks(out), `case ${i}`).toThrow(SearchIndexDamagedError);
  });

  it('refuses people and briefings whose saved facts are not what the engine writes, as they load', () => {
    const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
    const chunks = build(data).toChunks(300, 50);
    const factsAt = (table: string) => chunks.findIndex((c) => typeof c === 'string' && c.startsWith(`{"k":"facts","t":"${table}"`));
    const edited = (table: string, change: (c: { n?: unknown[]; d: unknown[][] }) => void) => {
      const at = factsAt(table);
      const copy = JSON.parse(chunks[at] as string) as { n?: unknown[]; d: unknown[][] };
      change(copy);
      const out = [...chunks];
      out[at] = JSON.stringify(copy);
      return out;
    };
    expect(() => SearchEngine.fromChunks(edited('briefings', () => undefined))).not.toThrow();
    const tagged = (c: { d: unknown[][] }) => c.d.find((r) => (r[3] as unknown[]).length > 0)!;
    const refused = [
      // a person's name that is not a text (its words are made later, by a speaker filter: refused now)
      edited('people', (c) => (c.d[0]![1] = null)),
      // a briefing's tag by a place that is not a whole number, or past the chunk's names
      edited('briefings', (c) => (tagged(c)[3] = [0.5])),
      edited('briefings', (c) => (tagged(c)[3] = [c.n!.length])),
      // the chunk's names missing, or not texts
      edited('briefings', (c) => delete c.n),
      edited('briefings', (c) => (c.n = c.n!.map(() => null))),
    ];
    for (const [i, out] of refused.entries()) expect(() => SearchEngine.fromChunks(out), `case ${i}`).toThrow(SearchIndexDamagedError);
  });

  it('parses a chunk a field at a time, and never gives one word or field another\'s postings', () => {
    // Three words: the first in fields 0 and 2, the others in one field each; n short id steps, then n frequencies.
    const lists = [
      [5, 2],
      [1, 4, 1, 1],
      [3, 1, 1, 2],
      [7, 3],
    ];
    const texts = lists.map((l) => JSON.stringify(l));
    const text = `[${texts.join(',')}]`;
    const [a, b, c, d] = texts.map((t) => t.length) as [number, number, number, number];
    const layout = [2, 0, 1, a, 2, 2, b, 1, 1, 2, c, 1, 3, 1, d];
    const chunk = new TermChunk(text, layout, 3, 4);
    const fields = (word: number) => {
      const out: [number, number, () => number[]][] = [];
      chunk.eachField(word, (fieldId, n, flat) => out.push([fieldId, n, flat]));
      return out;
    };
    // A word's fields are known without parsing any postings.
    expect(fields(0).map(([f, n]) => [f, n])).toEqual([
      [0, 1],
      [2, 2],
    ]);
    expect(chunk.parsedLists).toBe(0);
    expect(fields(0)[1]![2]()).toEqual(lists[1]);
    expect(chunk.parsedLists).toBe(1);
    chunk.parse();
    expect(chunk.parsed).toBe(true);
    expect([0, 2, 3].map((i) => chunk.entry(i))).toEqual([lists[0], lists[2], lists[3]]);
    // Each list handed over once, to the LazyFreqs that keeps it: the chunk holds no second copy.
    expect(() => chunk.entry(1)).toThrow(/handed over/);
    // Lengths that add up to the text but are shifted (the first list's array would be read as two): refused.
    expect(() => new TermChunk(text, [2, 0, 1, a + b + 1 - 4, 2, 2, 3, 1, 1, 2, c, 1, 3, 1, d], 3, 4)).toThrow(SearchIndexDamagedError);
    // A layout naming another number of words or fields than it holds, or a field with no postings: refused.
    expect(() => new TermChunk(text, layout, 4, 4)).toThrow(SearchIndexDamagedError);
    expect(() => new TermChunk(text, layout, 2, 4)).toThrow(SearchIndexDamagedError);
    // A field the index does not have, or one field twice in a word: refused.
    expect(() => new TermChunk(text, layout, 3, 3)).toThrow(SearchIndexDamagedError);
    expect(() => new TermChunk(text, [2, 0, 1, a, 0, 2, b, ...layout.slice(7)], 3, 4)).toThrow(SearchIndexDamagedError);
    expect(() => new TermChunk(text, [...layout.slice(0, -3), 2, 3, 1, d], 3, 4)).toThrow(SearchIndexDamagedError);
    expect(() => new TermChunk(text, [2, 0, 0, a, ...layout.slice(4)], 3, 4)).toThrow(SearchIndexDamagedError);
    // A list garbled inside its own length: loaded, and refused when that list is parsed alone.
    const garbled = new TermChunk(text.replace('[1,4', '[x,4'), layout, 3, 4);
    expect(garbled.entry(0)).toEqual(lists[0]);
    expect(() => garbled.entry(1)).toThrow(SearchIndexDamagedError);
    // A list of another length than its count of postings says is refused too.
    expect(() => new TermChunk(text, [2, 0, 1, a, 2, 1, b, 1, 1, 2, c, 1, 3, 1, d], 3, 4).entry(1)).toThrow(SearchIndexDamagedError);
  });

  it('saves and loads to the same index, packed or not', () => {
    const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
    const packed = build(data);
    packed.packSome();
    const loaded = SearchEngine.fromChunks(packed.toChunks(500, 50));
    const fromPlain = SearchEngine.fromChunks(build(data).toChunks(500, 50));
    expect(ranked(loaded)).toEqual(ranked(build(data)));
    expect(loaded.toChunks()).toEqual(fromPlain.toChunks());
  });
});
