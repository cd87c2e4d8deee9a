/**
 * Attaché's summary markup: blank-line paragraphs, `**bold**`, `_italic_` (or `*italic*`), and lines
 * starting with "- " or "* " as bullets. It is stored as plain text and parsed into blocks that the UI
 * renders as text nodes and the pack builder renders with pdfmake, so user text is never interpreted as
 * HTML anywhere.
 */
export interface Run {
  text: string;
  bold: boolean;
  /** Present (true) only on italic runs, so plain runs keep their two fields. */
  italic?: true;
}

export type Block = { type: 'paragraph'; runs: Run[] } | { type: 'list'; items: Run[][] };

/**
 * Italic: `_text_` or `*text*`, as in Markdown, but only between words: the opening marker follows no letter,
 * digit or marker and is followed by no space, the closing one mirrors it. So `snake_case_name`, `2 * 3 * 4`
 * and `a*b*c` stay literal.
 */
const ITALIC = /(?<![\p{L}\p{N}\p{M}_*])([_*])(?![\s_*])(.+?)(?<![\s_*])\1(?![\p{L}\p{N}\p{M}_*])/gu;

function pushRun(runs: Run[], text: string, bold: boolean, italic: boolean): void {
  if (!text) return;
  const last = runs[runs.length - 1];
  if (last && last.bold === bold && (last.italic ?? false) === italic) last.text += text;
  else runs.push(italic ? { text, bold, italic: true } : { text, bold });
}

/** One bold (or plain) stretch split at its italic spans. */
function pushItalics(runs: Run[], text: string, bold: boolean): void {
  let at = 0;
  for (const m of text.matchAll(ITALIC)) {
    pushRun(runs, text.slice(at, m.index), bold, false);
    pushRun(runs, m[2]!, bold, true);
    at = m.index + m[0].length;
  }
  pushRun(runs, text.slice(at), bold, false);
}

export function parseInline(line: string): Run[] {
  const runs: Run[] = [];
  const parts = line.split('**');
  // An unmatched final `**` is literal text, not an unterminated bold.
  const balanced = parts.length % 2 === 1;
  parts.forEach((part, i) => {
    const bold = i % 2 === 1 && (balanced || i < parts.length - 1);
    const text = !balanced && i === parts.length - 1 && i % 2 === 1 ? `**${part}` : part;
    pushItalics(runs, text, bold);
  });
  return runs;
}

const BULLET = /^\s*[-*•]\s+/;

export function parseRichText(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Run[][] = [];
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', runs: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const flushList = () => {
    if (list.length) blocks.push({ type: 'list', items: list });
    list = [];
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      flushParagraph();
      flushList();
    } else if (BULLET.test(line)) {
      flushParagraph();
      list.push(parseInline(line.replace(BULLET, '')));
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** A block's text without markup (list items one per line). */
export function blockText(block: Block): string {
  return block.type === 'paragraph' ? block.runs.map((r) => r.text).join('') : block.items.map((i) => i.map((r) => r.text).join('')).join('\n');
}

/** The text without markup, for search and previews. */
export function plainText(source: string): string {
  return parseRichText(source).map(blockText).join('\n\n');
}
