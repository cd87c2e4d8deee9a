/**
 * A loaded index takes its first writes without building what it left for later (core/search engine.ts:
 * the derived maps and MiniSearch's id → short id map are answered by walks for the first few writes, then
 * built): after any number of writes of every kind, across those limits, it must find exactly what a fresh
 * build of the result finds, and name the same records to re-read as an index that had built everything.
 */
import { describe, expect, it } from 'vitest';
import { INDEXED_TABLES, SearchEngine, mergeQuery } from '../../src-renderer/src/core/search';
import { QUERIES, answers, build, buildPostings, workspace, write, writes, type Data } from './search-writes';
import { openChunk } from '../../src-renderer/src/core/search/packed-bytes';
import { readColumns } from './fact-columns-layout';

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

describe('a loaded index holding statements kept but not searchable', () => {
  // Saved after a statement of a briefing not yet known (write 3), and after a briefing's deletion (write 7):
  // their statements are kept without documents, named by id in the saved columns (engine.ts chunkStream).
  for (const savedAfter of [3, 7]) {
    it(`loads them, and brings them back with their briefing, as the index it was saved from (saved after ${savedAfter} writes)`, () => {
      const base = workspace();
      const all = writes(base);
      const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
      const live = build(data);
      for (const [table, record] of all.slice(0, savedAfter)) {
        data[table].set(record.id, record);
        write(live, data, table, record);
      }
      const saved = live.toChunks(500, 50);
      // (Rows named by id are in a columns chunk's head: fact-columns.ts.)
      expect(saved.some((c) => typeof c !== 'string' && (readColumnsHead(c)?.ids.sh.length ?? 0) > 0)).toBe(true);
      const loaded = SearchEngine.fromChunks(saved);
      // The same loaded with every fact made at once (what a load did before LoadedFacts).
      const prepared = SearchEngine.fromChunks(saved);
      prepared.prepare();
      buildPostings(prepared);
      for (const t of INDEXED_TABLES) expect(loaded.known(t)).toBe(live.known(t));
      for (const [table, record] of all.slice(savedAfter)) {
        data[table].set(record.id, record);
        const named = write(live, data, table, record);
        expect(write(loaded, data, table, record)).toEqual(named);
        expect(write(prepared, data, table, record)).toEqual(named);
      }
      const ranked = (engine: SearchEngine) => QUERIES.map(([text, filters]) => engine.search(mergeQuery(text, filters ?? {}, 'en'), 1000, 'en').groups);
      expect(ranked(loaded)).toEqual(ranked(prepared));
      expect(loaded.toChunks()).toEqual(prepared.toChunks());
      for (const t of INDEXED_TABLES) expect(loaded.known(t)).toBe(live.known(t));
      expect(answers(loaded, data)).toEqual(answers(build(data), data));
    });
  }
});

/** A binary chunk's head if it is a chunk of statements' columns. */
function readColumnsHead(bytes: Uint8Array) {
  const head = openChunk(bytes).head as { k?: string; t?: string };
  return head.k === 'cols' && head.t === 'statements' ? readColumns(bytes).head : undefined;
}
