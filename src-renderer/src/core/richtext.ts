/**
 * Attaché's summary markup: blank-line paragraphs, `**bold**`, and lines starting with "- " or "* " as
 * bullets. It is stored as plain text and parsed into blocks that the UI renders as text nodes and the
 * pack builder renders with pdfmake, so user text is never interpreted as HTML anywhere.
 */
export interface Run {
  text: string;
  bold: boolean;
}

export type Block = { type: 'paragraph'; runs: Run[] } | { type: 'list'; items: Run[][] };

export function parseInline(line: string): Run[] {
  const runs: Run[] = [];
  const parts = line.split('**');
  // An unmatched final `**` is literal text, not an unterminated bold.
  const balanced = parts.length % 2 === 1;
  parts.forEach((part, i) => {
    const bold = i % 2 === 1 && (balanced || i < parts.length - 1);
    const text = !balanced && i === parts.length - 1 && i % 2 === 1 ? `**${part}` : part;
    if (text) {
      const last = runs[runs.length - 1];
      if (last && last.bold === bold) last.text += text;
      else runs.push({ text, bold });
    }
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
