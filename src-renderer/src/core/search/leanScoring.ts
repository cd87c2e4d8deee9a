/**
 * A leaner inner loop for MiniSearch's scoring, installed on our index instance.
 *
 * Why: MiniSearch 7 records, for every posting it scores, which query term matched which field (an
 * array and an object with a computed key per document and field). We never read that — highlighting
 * is done on the shown text (highlight.ts) — and on a 135,000-document workspace those allocations made
 * a query on a common word (15,000+ matching statements) spend most of its time in the garbage
 * collector. This version computes exactly the same BM25 scores (same formula, same field boosts, same
 * lazy clean-up of discarded documents) and keeps one small object per matching document.
 *
 * It replaces an internal method (`termResults`), and scoredMatches below calls another (`executeQuery`),
 * of the MiniSearch version pinned exactly in package.json; tests/unit/pinned-internals.test.ts asserts
 * the internals read here and the scores against MiniSearch's own, and tests/unit/search.test.ts checks
 * ranking and matching through the public API, so an upgrade that changes them fails, not silently.
 */
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import { eachPosting } from './postings';
import { FieldLengths } from './field-lengths';

interface Bm25 {
  k: number;
  b: number;
  d: number;
}
interface RawResult {
  score: number;
  terms: string[];
  match: Record<string, string[]>;
}
/** The internals the replacement reads (MiniSearch 7.x); tests/unit/pinned-internals.test.ts checks each is there. */
export interface MiniSearchInternals {
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, unknown>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  removeTerm(fieldId: number, docId: number, term: string): void;
  termResults: (...args: never[]) => unknown;
  executeQuery(query: string, options: SearchOptions): Map<number, RawResult>;
  _options: { fields: string[]; tokenize: (text: string) => string[]; processTerm: (term: string) => string | string[] | null | undefined | false; searchOptions: SearchOptions };
  _index: { get(term: string): FieldTermData | undefined; atPrefix(prefix: string): Iterable<[string, FieldTermData]> };
}
type FieldTermData = Map<number, Map<number, number>>;

// Shared and frozen: MiniSearch's combinators only ever copy from these, and copying nothing is a no-op.
const NO_TERMS: string[] = Object.freeze([]) as unknown as string[];
const NO_MATCH: Record<string, string[]> = Object.freeze({});

function leanTermResults(
  this: MiniSearchInternals,
  _sourceTerm: string,
  derivedTerm: string,
  termWeight: number,
  termBoost: number,
  fieldTermData: Map<number, Map<number, number>> | undefined,
  fieldBoosts: Record<string, number>,
  boostDocumentFn: ((id: unknown, term: string, stored: unknown) => number) | undefined,
  bm25: Bm25,
  results: Map<number, RawResult> = new Map(),
): Map<number, RawResult> {
  const docBoost = boostDocumentFn ? (docId: number) => boostDocumentFn(this._documentIds.get(docId), derivedTerm, undefined) : () => 1;
  forEachScore({ ix: this, derivedTerm, termWeight: termWeight * termBoost, fieldTermData, fieldBoosts, bm25 }, docBoost, (docId, score) => {
    const existing = results.get(docId);
    if (existing) existing.score += score;
    else results.set(docId, { score, terms: NO_TERMS, match: NO_MATCH });
  });
  return results;
}

/** One term to score: its postings by field in the index `ix`, its weight, the fields' boosts and BM25's parameters. */
interface TermScoring {
  ix: MiniSearchInternals;
  derivedTerm: string;
  termWeight: number;
  fieldTermData: FieldTermData | undefined;
  fieldBoosts: Record<string, number>;
  bm25: Bm25;
}

/**
 * MiniSearch's BM25 for one term, posting by posting: for each field (in `fieldBoosts`' order) that holds the
 * term, each live document's score hands to `add`, in MiniSearch's order, after `docBoost` (0: the document is
 * skipped). A discarded document met is cleaned up as MiniSearch does it. The one copy of this arithmetic, so
 * the lean scorer and scoredMatches add exactly the same numbers (tests/unit/search-scoring.test.ts).
 */
function forEachScore(
  { ix, derivedTerm, termWeight, fieldTermData, fieldBoosts, bm25 }: TermScoring,
  docBoost: (docId: number) => number,
  add: (docId: number, score: number) => void,
): void {
  if (fieldTermData == null) return;
  const { k, b, d } = bm25;
  for (const field of Object.keys(fieldBoosts)) {
    const fieldBoost = fieldBoosts[field]!;
    const fieldId = ix._fieldIds[field]!;
    const freqs = fieldTermData.get(fieldId);
    if (freqs == null) continue;
    let matching = freqs.size;
    // The same expression MiniSearch evaluates per posting, evaluated again only when `matching` changes.
    let idf = Math.log(1 + (ix._documentCount - matching + 0.5) / (matching + 0.5));
    const avgLength = ix._avgFieldLength[fieldId]!;
    const weight = termWeight * fieldBoost;
    // A column of the lengths, a byte each, read in the postings' order (field-lengths.ts), for the documents it holds.
    const lengths = ix._fieldLength;
    const packed = lengths instanceof FieldLengths ? lengths : undefined;
    const column = packed?.columns[fieldId];
    const end = column ? packed.end : 0;
    const score = (docId: number, termFreq: number) => {
      if (!ix._documentIds.has(docId)) {
        ix.removeTerm(fieldId, docId, derivedTerm);
        matching -= 1;
        idf = Math.log(1 + (ix._documentCount - matching + 0.5) / (matching + 0.5));
        return;
      }
      const boost = docBoost(docId);
      if (!boost) return;
      let fieldLength: number;
      if (docId < end) {
        // A byte: the length plus one, or 255 for one kept beside the column.
        const byte = column![docId]!;
        fieldLength = byte < 255 ? byte - 1 : packed!.lengthOf(docId, fieldId);
      } else fieldLength = lengths.get(docId)![fieldId]!;
      add(docId, weight * boost * idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgLength))));
    };
    // Packed postings (postings.ts) are read in place, in the order their map would have.
    eachPosting(freqs, score);
  }
}

/** Install the lean scorer on one index (no-op if this MiniSearch has no such internal). */
export function useLeanScoring<T>(index: MiniSearch<T>): MiniSearch<T> {
  const internals = index as unknown as MiniSearchInternals;
  if (typeof internals.termResults === 'function') internals.termResults = leanTermResults;
  return index;
}

/**
 * Matching documents and their scores, without MiniSearch's per-result objects and full sort: the caller
 * only needs the top few per group and the counts. Documents are handed out (and `keep` asked about them) by
 * short id, MiniSearch's number for a document (documentIdOf gives its id): at 200,000 matches, a string
 * per match was a good part of a query. Same matching and scores as `search()` (whose extra
 * factor, the number of query terms matched, is the same for every result of an AND query).
 *
 * An AND query (the app's only kind) is run here rather than by MiniSearch's executeQuery: each word after
 * the first is scored only for the documents every earlier word matched, and `keep` (e.g. the result types
 * asked for) drops documents before they are scored; scores are plain numbers, not result objects. A common
 * word ("support", 19,000 documents) no longer scores every document it is in only for the AND to drop them.
 * The additions happen in MiniSearch's order (word by word; within a word, the exact term then its prefix
 * matches, field by field), so the scores, the matches and their order are exactly its own (tests/unit/
 * search-scoring.test.ts, bit for bit). Other queries (OR, fuzzy, document or term boosts) go through MiniSearch.
 */
export function scoredMatches<T>(
  index: MiniSearch<T>,
  query: string,
  options: SearchOptions,
  each: (shortId: number, score: number) => void,
  keep?: (shortId: number) => boolean,
): void {
  const internals = index as unknown as MiniSearchInternals;
  const merged = { ...internals._options.searchOptions, ...options };
  const simple = String(merged.combineWith ?? '').toLowerCase() === 'and' && !merged.fuzzy && !merged.boostDocument && !merged.boostTerm;
  if (!simple) {
    for (const [shortId, r] of internals.executeQuery(query, options)) if (!keep || keep(shortId)) each(shortId, r.score);
    return;
  }
  const terms = queryWords(index, query, options);
  const fields = merged.fields ?? internals._options.fields;
  // In the fields' order, as MiniSearch builds it (the order scores are added in).
  const boosts: Record<string, number> = {};
  for (const field of fields) boosts[field] = (Object.hasOwn(merged.boost ?? {}, field) ? merged.boost![field] : 0) || 1;
  const prefixWeight = { fuzzy: 0.45, prefix: 0.375, ...merged.weights }.prefix;
  const bm25: Bm25 = merged.bm25 ?? { k: 1.2, b: 0.7, d: 0.5 };
  // Scores in arrays indexed by short id rather than maps (a common word is 20,000 documents, each a get and
  // a set): one for the word being scored, one for what the earlier words matched.
  const size = internals._nextId;
  let before: Scores | undefined;
  for (const [i, term] of terms.entries()) {
    const prefix = typeof merged.prefix === 'function' ? merged.prefix(term, i, terms) : merged.prefix === true;
    const scores = scoresFor(i % 2, size);
    scoreTerm({ ix: internals, derivedTerm: term, termWeight: 1, fieldTermData: internals._index.get(term), fieldBoosts: boosts, bm25 }, scores, before, keep);
    if (prefix)
      for (const [derived, data] of internals._index.atPrefix(term)) {
        const distance = derived.length - term.length;
        if (!distance) continue;
        const termWeight = (prefixWeight * derived.length) / (derived.length + 0.3 * distance);
        scoreTerm({ ix: internals, derivedTerm: derived, termWeight, fieldTermData: data, fieldBoosts: boosts, bm25 }, scores, before, keep);
      }
    // MiniSearch's AND: the later word's documents, in its order, that the earlier words matched (all of
    // them, as only those were scored), the earlier score plus this one.
    if (before)
      for (let j = 0; j < scores.count; j++) {
        const doc = scores.order[j]!;
        scores.score[doc] = before.score[doc]! + scores.score[doc]!;
      }
    before = scores;
  }
  if (!before) return;
  const { order, score, count } = before;
  for (let j = 0; j < count; j++) each(order[j]!, score[order[j]!]!);
}

/** The words an AND query of `query` looks up, as MiniSearch makes them (its tokenizer and term processing, or the options'). */
export function queryWords<T>(index: MiniSearch<T>, query: string, options: SearchOptions = {}): string[] {
  const internals = index as unknown as MiniSearchInternals;
  const tokenize = options.tokenize ?? internals._options.searchOptions.tokenize ?? internals._options.tokenize;
  const processTerm = options.processTerm ?? internals._options.searchOptions.processTerm ?? internals._options.processTerm;
  return tokenize(query)
    .flatMap((term) => processTerm(term) as string | string[])
    .filter((term): term is string => !!term);
}

/** The id a document was added under, from its short id (what scoredMatches hands out). */
export function documentIdOf<T>(index: MiniSearch<T>, shortId: number): string {
  return (index as unknown as MiniSearchInternals)._documentIds.get(shortId) as string;
}

/**
 * One word's scores: by short id, with the documents in the order they were first scored. Typed arrays,
 * kept from one query to the next: a plain array grown a push at a time to 200,000 documents (a common word)
 * cost more than scoring them.
 */
interface Scores {
  score: Float64Array;
  /** `mark[doc] === stamp`: the document has a score in this use. */
  mark: Uint32Array;
  stamp: number;
  /** The documents scored, in order: the first `count` slots. */
  order: Int32Array;
  count: number;
  /** Its memory written once (prepareScores). */
  ready?: boolean;
}

const pool: Scores[] = [];

/** The pool's `slot`, emptied for a new word and big enough for short ids below `size`. */
function scoresFor(slot: number, size: number): Scores {
  let s = pool[slot];
  if (!s || s.score.length < size) {
    const capacity = Math.max(size, Math.ceil((s?.score.length ?? 0) * 1.25), 1024);
    s = pool[slot] = { score: new Float64Array(capacity), mark: new Uint32Array(capacity), stamp: 0, order: new Int32Array(capacity), count: 0 };
  }
  if (s.stamp === 0xffffffff) {
    s.mark.fill(0);
    s.stamp = 0;
  }
  s.stamp += 1;
  s.count = 0;
  return s;
}

/**
 * Make one more of the pool's scores ready for short ids below `size`, its memory written once; true once
 * both are. Run while the index is idle (after a build's packing, in a loaded index's preparation): at a
 * million documents each is 20 MB, and the first query to touch a fresh one paid for it page by page (the
 * first two-word query after a build took 100 ms more than the next).
 */
export function prepareScores(size: number): boolean {
  for (const slot of [0, 1]) {
    const s = pool[slot];
    if (s && s.score.length >= size && s.ready) continue;
    const ready = scoresFor(slot, size);
    ready.score.fill(0);
    ready.mark.fill(0);
    ready.order.fill(0);
    ready.stamp = 0;
    ready.ready = true;
    return slot === 1;
  }
  return true;
}

/** forEachScore into plain scores, for the documents in `only` (if given) that `wanted` accepts. */
function scoreTerm(term: TermScoring, results: Scores, only: Scores | undefined, wanted: ((shortId: number) => boolean) | undefined): void {
  const { score: scores, mark, stamp, order } = results;
  const docBoost = (docId: number) => ((only && only.mark[docId] !== only.stamp) || (wanted && !wanted(docId)) ? 0 : 1);
  forEachScore(term, docBoost, (docId, score) => {
    if (mark[docId] === stamp) scores[docId] = scores[docId]! + score;
    else {
      mark[docId] = stamp;
      scores[docId] = score;
      order[results.count++] = docId;
    }
  });
}
