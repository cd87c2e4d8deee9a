/**
 * Tokenising for search (folding is core/text.ts). The index and the query go through the same functions, so case
 * and diacritics never matter ("NÓDIRI", "nodíri" and "nodiri" are one word; "назар" finds "Назарзода").
 * Scripts are not transliterated: a name recorded in Cyrillic is found by typing Cyrillic.
 */
import { fold } from '../text';

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/**
 * Very common English words carry no meaning for search and would make the largest posting lists; they
 * are left out of the index and of queries (a query made only of them is kept as typed).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for from has have in is it its of on or that the their this to was were will with'.split(' '),
);

/** Folded word tokens (letters and digits of any script), stopwords included. */
export function tokenize(text: string): string[] {
  return fold(text).match(TOKEN_RE) ?? [];
}

/** What the index stores for a token: the folded token, or null for a stopword. */
export function indexTerm(token: string): string | null {
  return STOPWORDS.has(token) ? null : token;
}

/** Query words: folded tokens without stopwords, unless nothing else is left. */
export function queryTerms(text: string): string[] {
  const all = tokenize(text);
  const meaningful = all.filter((t) => !STOPWORDS.has(t));
  return [...new Set(meaningful.length ? meaningful : all)];
}

/** A span of the original text with its folded form, for highlighting without losing the original spelling. */
export interface Token {
  start: number;
  end: number;
  folded: string;
}

/** Word tokens of `text` with their positions in the ORIGINAL string (folding can change lengths). */
export function tokenSpans(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    out.push({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) });
  }
  return out;
}
