/**
 * core/search/leanScoring.ts runs AND queries itself (each later word scored only for the documents the
 * earlier ones matched, documents of unwanted types never scored): the matches, their order and their
 * scores must be exactly MiniSearch's own query over the lean scorer (what the app ran before), bit for bit, including the lazy clean-up of discarded documents.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { documentIdOf, scoredMatches, useLeanScoring } from '../../src-renderer/src/core/search/leanScoring';

interface Doc {
  id: string;
  title: string;
  text: string;
}

const WORDS = 'border borders trade route northern narcotics seizure seizures energy dam regional cooperation support donor donors'.split(' ');

/** Deterministic documents with many shared words, so that scores tie and order matters. */
function docs(n: number): Doc[] {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (k: number) => Array.from({ length: k }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => ({ id: `${'bsap'[i % 4]}:${i}`, title: pick(2), text: pick(8) }));
}

function makeIndex(lean: boolean): MiniSearch<Doc> {
  const index = new MiniSearch<Doc>({ fields: ['title', 'text'], idField: 'id', autoVacuum: false });
  index.addAll(docs(400));
  for (const id of ['s:1', 'a:2', 'b:40', 'p:111']) index.discard(id);
  return lean ? useLeanScoring(index) : index;
}

type Raw = Map<number, { score: number }>;
/** What the app used before: MiniSearch's executeQuery over the lean scorer (its own scorer differs in the last bits). */
const stockMatches = (index: MiniSearch<Doc>, query: string, options: SearchOptions) => {
  const ix = index as unknown as { executeQuery(q: string, o: SearchOptions): Raw; _documentIds: Map<number, string> };
  return [...ix.executeQuery(query, options)].map(([short, r]) => [ix._documentIds.get(short)!, r.score] as const);
};

const QUERIES: [string, SearchOptions][] = [
  ['border trade', { combineWith: 'AND', prefix: true }],
  ['donor support regional', { combineWith: 'AND', prefix: (t) => t.length >= 2, boost: { title: 3 } }],
  ['seizure', { combineWith: 'AND', prefix: true }],
  ['north energy dam', { combineWith: 'AND', prefix: true, boost: { text: 2 } }],
  ['zzz border', { combineWith: 'AND', prefix: true }],
  ['border trade', { combineWith: 'OR', prefix: true }],
];

describe('scoredMatches (core/search/leanScoring.ts)', () => {
  it('gives MiniSearch’s AND matches in its order with its exact scores, and cleans up discarded documents alike', () => {
    const stock = makeIndex(true);
    const lean = makeIndex(true);
    for (const [query, options] of QUERIES) {
      const got: (readonly [string, number])[] = [];
      scoredMatches(lean, query, options, (short, score) => got.push([documentIdOf(lean, short), score]));
      expect(got, query).toEqual(stockMatches(stock, query, options));
    }
    expect(JSON.stringify(lean.toJSON())).toBe(JSON.stringify(stock.toJSON()));
  });

  it('leaves out the documents `keep` refuses, the others as MiniSearch gives them', () => {
    const stock = makeIndex(true);
    const lean = makeIndex(true);
    for (const [query, options] of QUERIES) {
      const got: (readonly [string, number])[] = [];
      scoredMatches(lean, query, options, (short, score) => got.push([documentIdOf(lean, short), score]), (short) => documentIdOf(lean, short).startsWith('s:'));
      expect(got, query).toEqual(stockMatches(stock, query, options).filter(([id]) => id.startsWith('s:')));
    }
  });
});
