/**
 * Folding text for comparison, and reducing it to file-name-safe slugs: one implementation for search,
 * type-ahead boxes, the directory's duplicate check, classification level ids and file names, so that
 * "NÓDIRI", "nodíri" and "nodiri" are one name everywhere. Scripts are not transliterated: Cyrillic
 * folds to lower-case Cyrillic ("Ёлка" → "елка").
 */

/** Letters that Unicode does not decompose into a base letter + combining mark, but readers treat as one. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};
const SPECIAL_RE = /[ßæœøłđðþıħŧ]/g;
const MARKS_RE = /\p{M}+/gu;
// Fast path: plain ASCII needs neither NFKD nor the mark strip, which matters when indexing 100k statements.
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL: control characters are ASCII too
const ASCII_RE = /^[\x00-\x7f]*$/;

/** Lower-case, strip diacritics, map the few letters NFKD leaves alone. Length may change. */
export function fold(text: string): string {
  if (ASCII_RE.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(MARKS_RE, '').toLowerCase().replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

/** A name as compared for duplicates and filters: folded, runs of spaces as one, no outer spaces. */
export function foldName(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

const SLUG_MAX = 40;

/**
 * Folded ASCII letters and digits joined by single dashes, at most 40 characters, for ids and file names
 * every file system accepts; `fallback` when nothing is left (a name in Cyrillic, say).
 */
export function slug(text: string, fallback: string): string {
  const s = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return s || fallback;
}

// One collator each: localeCompare with options builds a new one per call (slow on thousands of names).
const byBase = new Intl.Collator('en', { sensitivity: 'base' });
const exact = new Intl.Collator('en');

/** Names in the order lists show them: case and accents ignored, then exact, so the order is total. */
export function compareNames(a: string, b: string): number {
  return byBase.compare(a, b) || exact.compare(a, b);
}
