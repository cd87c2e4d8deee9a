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
/** The internals the replacement reads (MiniSearch 7.x). */
interface Internals {
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, unknown>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  removeTerm(fieldId: number, docId: number, term: string): void;
  termResults: unknown;
  executeQuery(query: string, options: SearchOptions): Map<number, RawResult>;
}

// Shared and frozen: MiniSearch's combinators only ever copy from these, and copying nothing is a no-op.
const NO_TERMS: string[] = Object.freeze([]) as unknown as string[];
const NO_MATCH: Record<string, string[]> = Object.freeze({});

function leanTermResults(
  this: Internals,
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
  if (fieldTermData == null) return results;
  const { k, b, d } = bm25;
  for (const field of Object.keys(fieldBoosts)) {
    const fieldBoost = fieldBoosts[field]!;
    const fieldId = this._fieldIds[field]!;
    const freqs = fieldTermData.get(fieldId);
    if (freqs == null) continue;
    let matching = freqs.size;
    const avgLength = this._avgFieldLength[fieldId]!;
    const weight = termWeight * termBoost * fieldBoost;
    for (const [docId, termFreq] of freqs) {
      if (!this._documentIds.has(docId)) {
        this.removeTerm(fieldId, docId, derivedTerm);
        matching -= 1;
        continue;
      }
      const docBoost = boostDocumentFn ? boostDocumentFn(this._documentIds.get(docId), derivedTerm, undefined) : 1;
      if (!docBoost) continue;
      const fieldLength = this._fieldLength.get(docId)![fieldId]!;
      const idf = Math.log(1 + (this._documentCount - matching + 0.5) / (matching + 0.5));
      const score = weight * docBoost * idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgLength)));
      const existing = results.get(docId);
      if (existing) existing.score += score;
      else results.set(docId, { score, terms: NO_TERMS, match: NO_MATCH });
    }
  }
  return results;
}

/** Install the lean scorer on one index (no-op if this MiniSearch has no such internal). */
export function useLeanScoring<T>(index: MiniSearch<T>): MiniSearch<T> {
  const internals = index as unknown as Internals;
  if (typeof internals.termResults === 'function') internals.termResults = leanTermResults;
  return index;
}

/**
 * Matching documents and their scores, without MiniSearch's per-result objects and full sort: the caller
 * only needs the top few per group and the counts. Same matching and scores as `search()` (whose extra
 * factor, the number of query terms matched, is the same for every result of an AND query).
 */
export function scoredMatches<T>(index: MiniSearch<T>, query: string, options: SearchOptions, each: (id: string, score: number) => void): void {
  const internals = index as unknown as Internals;
  for (const [shortId, r] of internals.executeQuery(query, options)) each(internals._documentIds.get(shortId) as string, r.score);
}
