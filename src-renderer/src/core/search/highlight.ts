/**
 * Which parts of a shown text matched the query. Returns plain segments; the UI renders each as a text
 * node or a <mark>, so a record containing HTML can never become markup.
 */
import { tokenSpans } from './normalize';

export interface Segment {
  text: string;
  match: boolean;
}

/** A word matches when its folded form starts with a query term (the index matches by prefix too). */
function isMatch(folded: string, terms: readonly string[]): boolean {
  for (const t of terms) if (folded.startsWith(t)) return true;
  return false;
}

export function highlight(text: string, terms: readonly string[]): Segment[] {
  if (!text) return [];
  if (!terms.length) return [{ text, match: false }];
  const out: Segment[] = [];
  let at = 0;
  for (const tok of tokenSpans(text)) {
    if (!isMatch(tok.folded, terms)) continue;
    if (tok.start > at) out.push({ text: text.slice(at, tok.start), match: false });
    out.push({ text: text.slice(tok.start, tok.end), match: true });
    at = tok.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}

/**
 * A window of a long text around its first match, so a 20,000-character statement shows the sentence
 * that matched rather than its opening. Cuts at word boundaries and marks cuts with an ellipsis.
 */
export function snippet(text: string, terms: readonly string[], max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const first = tokenSpans(flat).find((t) => isMatch(t.folded, terms));
  let start = first ? Math.max(0, first.start - Math.floor(max / 3)) : 0;
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < (first?.start ?? start) ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + max);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
  }
  return `${start > 0 ? '… ' : ''}${flat.slice(start, end)}${end < flat.length ? ' …' : ''}`;
}
