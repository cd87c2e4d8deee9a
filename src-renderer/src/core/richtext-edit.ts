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
 * A pair of markers (`**` bold, `_` italic) on, or off, for the selection — or, with no selection, for the
 * word at the caret. Never leaves an empty pair: with no selection and no word there is nothing to mark,
 * and the text stays. Spaces at the selection's edges stay outside the markers (`**word **` would not
 * read as bold). `also` are other spellings of the same mark that are taken off too (`*word*` for italic).
 */
function toggleMarks(text: string, selStart: number, selEnd: number, mark: string, also: readonly string[] = []): Edit {
  let start = Math.min(selStart, selEnd);
  let end = Math.max(selStart, selEnd);
  const caret = start === end;
  if (caret) {
    const word = wordAt(text, start);
    if (!word) return { text, start: selStart, end: selEnd };
    ({ start, end } = word);
    // "_" joins words (snake_case), so the word at the caret may carry the italic markers themselves.
    if (mark === '_' && end - start > 2 && text[start] === '_' && text[end - 1] === '_') {
      start++;
      end--;
    }
  } else {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (start === end) return { text, start: selStart, end: selEnd };
  }
  const before = text.slice(0, start);
  const selected = text.slice(start, end);
  const after = text.slice(end);
  const m = mark.length;
  // Keep the caret where it was inside the word; keep a selection selected.
  const place = (offset: number): Edit => (caret ? { text: '', start: selStart + offset, end: selStart + offset } : { text: '', start: start + offset, end: end + offset });
  // A single "*" is italic only when it is not half of a bold "**".
  const around = [mark, ...also].find((k) => before.endsWith(k) && after.startsWith(k) && (k !== '*' || (!before.endsWith('**') && !after.startsWith('**'))));
  if (around) {
    const r = place(-around.length);
    return { ...r, text: before.slice(0, -around.length) + selected + after.slice(around.length) };
  }
  const inside = [mark, ...also].find((k) => selected.length > 2 * k.length && selected.startsWith(k) && selected.endsWith(k));
  if (!caret && inside) {
    const k = inside.length;
    return { text: before + selected.slice(k, -k) + after, start, end: end - 2 * k };
  }
  const r = place(m);
  return { ...r, text: `${before}${mark}${selected}${mark}${after}` };
}

/** Bold (`**word**`) on or off for the selection or the word at the caret. */
export function toggleBold(text: string, selStart: number, selEnd: number): Edit {
  return toggleMarks(text, selStart, selEnd, '**');
}

/**
 * Italic on or off, as toggleBold. Written `_word_` (so bold and italic nest as `**_word_**`); a `*word*`
 * typed by hand is taken off too.
 */
export function toggleItalic(text: string, selStart: number, selEnd: number): Edit {
  return toggleMarks(text, selStart, selEnd, '_', ['*']);
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
