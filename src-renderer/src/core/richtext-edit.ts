/**
 * Editing commands over the summary markup (core/richtext.ts), as pure functions of the text and the
 * selection, so the editor's keys and toolbar and the tests share them.
 */
export interface Edit {
  text: string;
  start: number;
  end: number;
}

/** Letters, digits and the marks and joiners inside words (Cyrillic, accents, "co-operation", "don't"). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}_'’-]/u;

/** The word around a caret at `at`, or undefined when the caret touches no word. */
function wordAt(text: string, at: number): { start: number; end: number } | undefined {
  let start = at;
  let end = at;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  // Hyphens and apostrophes join words; on their own (or at a word's edge) they are not one.
  while (start < end && /['’-]/.test(text[start]!)) start++;
  while (end > start && /['’-]/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

/**
 * Bold on, or off, for the selection — or, with no selection, for the word at the caret. Never leaves an
 * empty pair of markers: with no selection and no word there is nothing to make bold, and the text stays.
 * Spaces at the selection's edges stay outside the markers (`**word **` would not read as bold).
 */
export function toggleBold(text: string, selStart: number, selEnd: number): Edit {
  let start = Math.min(selStart, selEnd);
  let end = Math.max(selStart, selEnd);
  const caret = start === end;
  if (caret) {
    const word = wordAt(text, start);
    if (!word) return { text, start: selStart, end: selEnd };
    ({ start, end } = word);
  } else {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (start === end) return { text, start: selStart, end: selEnd };
  }
  const before = text.slice(0, start);
  const selected = text.slice(start, end);
  const after = text.slice(end);
  // Keep the caret where it was inside the word; keep a selection selected.
  const place = (offset: number): Edit => (caret ? { text: '', start: selStart + offset, end: selStart + offset } : { text: '', start: start + offset, end: end + offset });
  if (before.endsWith('**') && after.startsWith('**')) {
    const r = place(-2);
    return { ...r, text: before.slice(0, -2) + selected + after.slice(2) };
  }
  if (selected.length > 4 && selected.startsWith('**') && selected.endsWith('**')) {
    return { text: before + selected.slice(2, -2) + after, start, end: end - 4 };
  }
  const r = place(2);
  return { ...r, text: `${before}**${selected}**${after}` };
}

/** Make the lines touched by [start, end) bullets, or plain lines when they all already are. */
export function toggleBullets(text: string, start: number, end: number): Edit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end > start && text[end - 1] === '\n' ? end - 1 : end);
  if (lineEnd === -1) lineEnd = text.length;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const bulleted = lines.every((l) => /^\s*[-*•]\s+/.test(l) || !l.trim());
  const next = lines.map((l) => (bulleted ? l.replace(/^(\s*)[-*•]\s+/, '$1') : l.trim() ? `- ${l}` : l)).join('\n');
  const delta = next.length - (lineEnd - lineStart);
  const out = text.slice(0, lineStart) + next + text.slice(lineEnd);
  return start === end && !bulleted ? { text: out, start: start + 2, end: end + 2 } : { text: out, start: lineStart, end: lineEnd + delta };
}
