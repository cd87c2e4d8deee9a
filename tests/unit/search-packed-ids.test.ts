import { describe, expect, it } from 'vitest';
import { FieldLengths, packedLengthChunks } from '../../src-renderer/src/core/search/field-lengths';
import { openChunk } from '../../src-renderer/src/core/search/packed-bytes';
import { PackedIds, packedIdChunks } from '../../src-renderer/src/core/search/packed-ids';
import { SearchIndexDamagedError } from '../../src-renderer/src/core/search/postings';
import { newId } from '../../src-renderer/src/core/ids';
import { SearchEngine, mergeQuery } from '../../src-renderer/src/core/search';
import type { Statement } from '../../src-renderer/src/core/model';
import { build, workspace } from './search-writes';

/** Load `chunks` of ids into a PackedIds for short ids below `end`. */
function loadIds(chunks: Uint8Array[], end: number, count: number): PackedIds {
  const ids = new PackedIds(end, count);
  for (const chunk of chunks) {
    const { head, columns } = openChunk(chunk);
    ids.load(head as { n: unknown; odd: unknown }, columns);
  }
  return ids;
}

function loadLengths(chunks: Uint8Array[], fields: number, end: number): FieldLengths {
  const lengths = FieldLengths.sized(fields, end);
  for (const chunk of chunks) {
    const { head, columns } = openChunk(chunk);
    lengths.load(head as { n: unknown; big: unknown }, columns);
  }
  return lengths;
}

/** A chunk with its head replaced (its columns kept). */
function withHead(chunk: Uint8Array, change: (head: Record<string, unknown>) => void): Uint8Array {
  const { head } = openChunk(chunk);
  const length = new DataView(chunk.buffer, chunk.byteOffset).getUint32(0, true);
  const h = head as Record<string, unknown>;
  change(h);
  const json = new TextEncoder().encode(JSON.stringify(h));
  const out = new Uint8Array(4 + json.length + chunk.length - 4 - length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  out.set(chunk.subarray(4 + length), 4 + json.length);
  return out;
}

describe('the documents\' ids saved as bytes', () => {
  // The app's ids (UUIDv7), and ids an index must hold all the same: a test's, an upper-case UUID, one with a colon.
  const saved = new Map<number, string>();
  const uuids = Array.from({ length: 40 }, () => newId());
  uuids.forEach((id, i) => saved.set(i * 3 + (i % 2), `${'bspoa'[i % 5]}:${id}`));
  saved.set(200, 's:d1');
  saved.set(201, `b:${newId().toUpperCase()}`);
  saved.set(205, 'p:with:colon');
  saved.set(400, `a:${newId()}`);
  const end = 401;

  it('load back to the same map, in the same order, in chunks of any size', () => {
    for (const per of [1, 7, 1000]) {
      const ids = loadIds([...packedIdChunks(saved, per)], end, saved.size);
      expect([...ids]).toEqual([...saved]);
      expect(ids.size).toBe(saved.size);
      for (const [short, key] of saved) {
        expect(ids.get(short)).toBe(key);
        expect(ids.has(short)).toBe(true);
        expect(ids.key(short)).toBe(key);
        expect(ids.code(short)).toBe('bspoa'.indexOf(key[0]!) + 1);
        expect(ids.find(key)).toBe(short);
        expect(ids.keyOf(key)).toBe(short);
      }
      expect(ids.has(2)).toBe(false);
      expect(ids.get(2)).toBeUndefined();
      expect(ids.code(2)).toBe(0);
      expect(ids.find(`s:${newId()}`)).toBeUndefined();
    }
  });

  it('are 17 bytes a document, where JSON took 45', () => {
    const chunks = [...packedIdChunks(saved, 1000)];
    const bytes = chunks.reduce((n, c) => n + c.byteLength, 0);
    const json = JSON.stringify([...saved].flat()).length;
    expect(bytes).toBeLessThan(json / 2);
  });

  it('follow MiniSearch as it discards and adds documents, and keep the ids as loaded', () => {
    const ids = loadIds([...packedIdChunks(saved, 7)], end, saved.size);
    const [first, key] = [...saved][0]!;
    expect(ids.delete(first)).toBe(true);
    expect(ids.delete(first)).toBe(false);
    expect(ids.has(first)).toBe(false);
    expect(ids.get(first)).toBeUndefined();
    expect(ids.keyOf(key)).toBeUndefined();
    // What the saved facts' rows are named by stays.
    expect(ids.key(first)).toBe(key);
    expect(ids.find(key)).toBe(first);
    ids.set(end, key);
    expect(ids.get(end)).toBe(key);
    expect(ids.keyOf(key)).toBe(end);
    expect(ids.size).toBe(saved.size);
    expect([...ids.keys()].at(-1)).toBe(end);
    expect([...ids.keys()]).not.toContain(first);
  });

  it('save again from a loaded map as they were loaded, after discards and additions, copying the bytes', () => {
    const ids = loadIds([...packedIdChunks(saved, 7)], end, saved.size);
    const [first] = [...saved][0]!;
    ids.delete(first);
    ids.set(end, `s:${newId()}`);
    ids.set(end + 1, 'o:not-a-uuid');
    // Almost UUIDs: a dash missing, a capital, a character past f.
    const almost = newId();
    ids.set(end + 2, `p:${almost.replace('-', 'x')}`);
    ids.set(end + 3, `p:${almost.slice(0, -1)}G`);
    ids.set(end + 4, `p:${almost.slice(0, -1)}g`);
    const again = loadIds([...packedIdChunks(ids, 5)], end + 5, ids.size);
    expect([...again]).toEqual([...ids]);
    expect(again.find(`p:${almost.slice(0, -1)}g`)).toBe(end + 4);
  });

  it('refuse a chunk that names a document twice, past the saved ones, or of no known type', () => {
    const [chunk] = [...packedIdChunks(saved, 1000)];
    expect(() => loadIds([chunk!], 300, saved.size)).toThrow(SearchIndexDamagedError);
    expect(() => loadIds([chunk!, chunk!], end, saved.size)).toThrow(SearchIndexDamagedError);
    expect(() => loadIds([withHead(chunk!, (h) => (h.n = (h.n as number) + 1))], end, saved.size)).toThrow(SearchIndexDamagedError);
    expect(() => loadIds([withHead(chunk!, (h) => (h.odd = []))], end, saved.size)).toThrow(SearchIndexDamagedError);
    expect(() => loadIds([withHead(chunk!, (h) => (h.odd = [...(h.odd as unknown[]), 0, 's:x']))], end, saved.size)).toThrow(SearchIndexDamagedError);
    // An odd id named twice, or one that is a UUID after all (it would be in the bytes, where a lookup goes).
    expect(() => loadIds([withHead(chunk!, (h) => (h.odd = [...(h.odd as unknown[]), ...(h.odd as unknown[]).slice(0, 2)]))], end, saved.size)).toThrow(SearchIndexDamagedError);
    const [oddRow] = (openChunk(chunk!).head as { odd: [number, string] }).odd;
    expect(() => loadIds([withHead(chunk!, (h) => ((h.odd as unknown[])[1] = `s:${newId()}`))], end, saved.size)).toThrow(SearchIndexDamagedError);
    expect(oddRow).toBeGreaterThanOrEqual(0);
    // Each row's type byte, after the steps and before the 16 bytes of each.
    const codesAt = chunk!.length - saved.size * 17;
    const wrongType = chunk!.slice();
    wrongType[codesAt] = 9;
    expect(() => loadIds([wrongType], end, saved.size)).toThrow(SearchIndexDamagedError);
    expect(() => loadIds([chunk!.slice(0, -1)], end, saved.size)).toThrow(SearchIndexDamagedError);
    expect(() => loadIds([chunk!], end, saved.size)).not.toThrow();
  });
});

describe('the field lengths saved as bytes', () => {
  // Lengths that fit a byte, the first that does not, large ones, holes in the middle and at the end.
  const saved = new Map<number, (number | undefined)[]>([
    [0, [3, undefined, 12]],
    [1, [0, 253]],
    [4, [254, 1, 100_000]],
    [5, [undefined, undefined, 7]],
    [9, [1]],
  ]);
  const asMiniSearch = (values: (number | undefined)[]) => {
    const out: number[] = [];
    values.forEach((v, f) => v !== undefined && (out[f] = v));
    return out;
  };

  it('load back to the same lengths, holes where MiniSearch has none', () => {
    for (const per of [1, 2, 100]) {
      const lengths = loadLengths([...packedLengthChunks(saved, 3, per)], 3, 10);
      expect([...lengths.keys()]).toEqual([...saved.keys()]);
      for (const [short, values] of saved) expect(lengths.get(short)).toEqual(asMiniSearch(values));
      expect(lengths.lengthOf(4, 2)).toBe(100_000);
      expect(lengths.lengthOf(1, 1)).toBe(253);
      expect(lengths.has(2)).toBe(false);
    }
  });

  it('refuse a big length that is missing, twice, or where its byte does not say so', () => {
    const [chunk] = [...packedLengthChunks(saved, 3, 100)];
    expect(() => loadLengths([withHead(chunk!, (h) => (h.big = []))], 3, 10)).toThrow(SearchIndexDamagedError);
    expect(() => loadLengths([withHead(chunk!, (h) => (h.big = [2, 0, 254, 2, 0, 254]))], 3, 10)).toThrow(SearchIndexDamagedError);
    expect(() => loadLengths([withHead(chunk!, (h) => (h.big = [0, 0, 254, 2, 2, 100_000]))], 3, 10)).toThrow(SearchIndexDamagedError);
    expect(() => loadLengths([chunk!], 3, 5)).toThrow(SearchIndexDamagedError);
    expect(() => loadLengths([chunk!, chunk!], 3, 10)).toThrow(SearchIndexDamagedError);
    expect(() => loadLengths([chunk!.slice(0, -1)], 3, 10)).toThrow(SearchIndexDamagedError);
    expect(() => loadLengths([chunk!], 3, 10)).not.toThrow();
  });
});

describe('a saved index missing a chunk of its ids', () => {
  it('is refused as it loads, even with a marker made to match (fewer ids than the head counts documents)', () => {
    const chunks = build(workspace()).toChunks(300, 50);
    const kind = (c: unknown) => (c instanceof Uint8Array ? (openChunk(c).head as { k: string }).k : '');
    const at = chunks.findIndex((c) => kind(c) === 'docs');
    expect(at).toBeGreaterThan(0);
    expect(() => SearchEngine.fromChunks(chunks.filter((_, i) => i !== at))).toThrow(SearchIndexDamagedError);
    // The head's count made to match: still refused (field lengths and facts name documents whose ids are not there).
    const head = JSON.parse(chunks[0] as string) as { mini: { documentCount: number } };
    head.mini.documentCount -= (openChunk(chunks[at] as Uint8Array).head as { n: number }).n;
    const counted = [JSON.stringify(head), ...chunks.slice(1)].filter((_, i) => i !== at);
    expect(() => SearchEngine.fromChunks(counted)).toThrow(SearchIndexDamagedError);
    expect(() => SearchEngine.fromChunks(chunks)).not.toThrow();
  });
});

describe('a saved index with statements longer than a byte can count', () => {
  it('loads and ranks them as the index it was saved from, and as a fresh build', () => {
    const data = workspace();
    const [first, second] = [...data.statements.values()] as Statement[];
    // 300 and 1,000 distinct words: lengths kept beside the byte columns.
    const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i.toString(36)}`).join(' ');
    data.statements.set(first!.id, { ...first!, text: `Heroin seizures on the northern route. ${words(300, 'w')}` });
    data.statements.set(second!.id, { ...second!, text: `Heroin and the border. ${words(1000, 'v')}` });
    const built = build(data);
    const loaded = SearchEngine.fromChunks(built.toChunks(300, 50));
    const heroin = (engine: SearchEngine) => engine.search(mergeQuery('heroin', {}, 'en'), 1000, 'en').groups;
    const statements = heroin(loaded).find((g) => g.type === 'statement')!;
    expect(statements.hits.some((h) => h.id === first!.id)).toBe(true);
    expect(heroin(loaded)).toEqual(heroin(built));
    expect(heroin(loaded)).toEqual(heroin(build(data)));
  });
});
