/**
 * A loaded index takes its first writes without building what it left for later (core/search engine.ts:
 * the derived maps and MiniSearch's id → short id map are answered by walks for the first few writes, then
 * built): after any number of writes of every kind, across those limits, it must find exactly what a fresh
 * build of the result finds, and name the same records to re-read as an index that had built everything.
 */
import { describe, expect, it } from 'vitest';
import { INDEXED_TABLES, SearchEngine, mergeQuery } from '../../src-renderer/src/core/search';
import { QUERIES, answers, build, buildPostings, workspace, write, writes, type Data } from './search-writes';

describe('a loaded index taking its first writes', () => {
  const base = workspace();
  const saved = build(base).toChunks(500, 50);
  const all = writes(base);

  for (const n of [1, 3, 8, 9, 14, all.length]) {
    it(`finds what a fresh build finds after ${n} writes, and names the same records to re-read`, () => {
      const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
      const loaded = SearchEngine.fromChunks([...saved]);
      const prepared = SearchEngine.fromChunks([...saved]);
      // Everything built before the writes: the derived maps, the id map and every posting's map.
      prepared.prepare();
      buildPostings(prepared);
      for (const [table, record] of all.slice(0, n)) {
        data[table].set(record.id, record);
        expect(write(loaded, data, table, record)).toEqual(write(prepared, data, table, record));
      }
      // The same hits in the same order with the same scores, bit for bit, as the index that built everything first.
      const ranked = (engine: SearchEngine) => QUERIES.map(([text, filters]) => engine.search(mergeQuery(text, filters ?? {}, 'en'), 1000, 'en').groups);
      expect(ranked(loaded)).toEqual(ranked(prepared));
      // And the same state: every posting in MiniSearch's order, every fact (what a save would write).
      expect(loaded.toChunks()).toEqual(prepared.toChunks());
      const want = answers(build(data), data);
      expect(answers(loaded, data)).toEqual(want);
      expect(answers(prepared, data)).toEqual(want);
      expect(loaded.size).toBe(build(data).size);
    });
  }
});
