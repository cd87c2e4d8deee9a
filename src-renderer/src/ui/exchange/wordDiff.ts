/**
 * Two versions of a text field side by side, word by word (jsdiff's `diffWords`): the kept version with the
 * words it has that the lost one lacks marked as added, the lost version with the words it had that the kept
 * one lacks marked as removed. Plain parts only: the screen builds <ins>/<del> elements from them and never
 * parses any text as markup.
 */
import { diffWords } from 'diff';

export interface DiffPart {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

/** Fields whose values are prose, where a word-level difference reads well. */
const TEXT_FIELDS = new Set(['title', 'location', 'audience', 'caveat', 'summary', 'name', 'acronym', 'country', 'text', 'owner', 'place', 'notes']);
/** Beyond this the diff would cost more than it helps (a summary is rarely longer). */
const MAX_CHARS = 20_000;

/** The two versions as parts, or undefined when the field is not prose, a value is not text, or they are too long. */
export function wordDiff(field: string, lost: unknown, kept: unknown): { kept: DiffPart[]; lost: DiffPart[] } | undefined {
  if (!TEXT_FIELDS.has(field) || typeof lost !== 'string' || typeof kept !== 'string') return undefined;
  if (!lost || !kept || lost.length > MAX_CHARS || kept.length > MAX_CHARS) return undefined;
  const out = { kept: [] as DiffPart[], lost: [] as DiffPart[] };
  for (const change of diffWords(lost, kept)) {
    if (change.added) out.kept.push({ text: change.value, kind: 'added' });
    else if (change.removed) out.lost.push({ text: change.value, kind: 'removed' });
    else {
      out.kept.push({ text: change.value, kind: 'same' });
      out.lost.push({ text: change.value, kind: 'same' });
    }
  }
  return out;
}
