/**
 * The cable as plain text, for pasting into a ministry's cable system: hard-wrapped at the configured
 * width by words (a word is split only when it is longer than a whole line), paragraph numbers hanging
 * (the text of every numbered paragraph starts in one column, the numbers to its left), the header's
 * labels in a column of their own, the classification line first and last. UTF-8, LF line ends, no
 * byte-order mark (a pasted BOM becomes a stray character in the receiving system).
 *
 * Width is counted in characters (code points after NFC), which is what a fixed-pitch cable system counts.
 */
import { cableForExport, type CableDocument, type CableParagraph, type CablePart } from '../document/cable';
import { CABLE_WIDTH, widthProblem } from '../letterhead';
import { labelled } from '../document/language';
import type { Locale } from '../i18n';
import { cleanText } from './export-text';
import { exportError } from './export-error';
import type { ExportInput, ExportOptions } from './formats';

const length = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** A user's text on one line: control characters gone, every run of white space one space, NFC. */
export function flatText(text: string): string {
  return cleanText(text).normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Words wrapped into lines of at most `width` characters: the first line starts with `first`, the others
 * with `indent`. A word longer than the room a line has is split over lines; any other word moves whole.
 */
export function wrapWords(text: string, width: number, first = '', indent = ''): string[] {
  const lines: string[] = [];
  let line = first;
  let used = length(first);
  let empty = true;
  const breakLine = () => {
    lines.push(line.trimEnd());
    line = indent;
    used = length(indent);
    empty = true;
  };
  for (const word of flatText(text).split(' ').filter(Boolean)) {
    const w = length(word);
    if (used + (empty ? 0 : 1) + w <= width) {
      line += (empty ? '' : ' ') + word;
      used += (empty ? 0 : 1) + w;
      empty = false;
      continue;
    }
    if (!empty) breakLine();
    // Alone on a line and still too long: the only case where a word is split.
    let rest = Array.from(word);
    while (used + rest.length > width) {
      const room = Math.max(1, width - used);
      line += rest.slice(0, room).join('');
      rest = rest.slice(room);
      breakLine();
    }
    line += rest.join('');
    used += rest.length;
    empty = rest.length === 0;
  }
  if (!empty || lines.length === 0 || line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** The header's values start in one column: after the longest label, and never before English's "PRECEDENCE: ". */
const FIELD_COLUMN = 'PRECEDENCE: '.length;

function fieldLines(label: string, values: readonly string[], width: number, column: number, locale: Locale): string[] {
  const out: string[] = [];
  const pad = ' '.repeat(column);
  // A French label's non-breaking space before the colon is a plain space in a fixed-pitch cable.
  const lead = flatText(labelled(locale, label));
  values.forEach((v, i) => out.push(...wrapWords(v, width, i === 0 ? lead.padEnd(column) : pad, pad)));
  return out;
}

function paragraphLines(p: CableParagraph, width: number, hang: number, locale: Locale): string[] {
  const number = `${p.number}.`.padEnd(hang);
  const indent = ' '.repeat(hang);
  const lead = [p.mark, p.label ? labelled(locale, p.label) : ''].filter(Boolean).join(' ');
  const text = [lead, flatText(p.text)].filter(Boolean).join(' ');
  const out = wrapWords(text, width, number, indent);
  for (const item of p.items) out.push(...wrapWords(item, width, `${indent}- `, `${indent}  `));
  return out;
}

function partLines(part: CablePart, width: number, hang: number, locale: Locale): string[] {
  const out: string[] = [];
  if (part.kind === 'section') out.push(...wrapWords(part.heading, width));
  else {
    out.push(...wrapWords(part.heading, width));
    if (part.subheading) out.push(...wrapWords(part.subheading, width));
  }
  for (const p of part.paragraphs) out.push('', ...paragraphLines(p, width, hang, locale));
  return out;
}

/** The cable's text, each line at most `width` characters. */
export function cableText(cable: CableDocument, width: number): string {
  const hang = `${cable.lastNumber}.`.length + 1;
  const lines: string[] = [...wrapWords(cable.classification, width), ''];
  const column = Math.max(FIELD_COLUMN, ...cable.fields.map((f) => length(flatText(labelled(cable.locale, f.label))) + 1));
  for (const f of cable.fields) lines.push(...fieldLines(f.label, f.values, width, column, cable.locale));
  for (const b of cable.briefings) {
    if (b.heading) {
      const heading = wrapWords(b.heading, width);
      lines.push('', '', ...heading, '='.repeat(Math.min(width, Math.max(...heading.map(length)))));
    }
    for (const part of b.parts) lines.push('', ...partLines(part, width, hang, cable.locale));
  }
  if (cable.actions) lines.push('', ...partLines(cable.actions, width, hang, cable.locale));
  lines.push('', ...wrapWords(cable.classification, width));
  return lines.join('\n') + '\n';
}

export function writeCableText(input: ExportInput, options: ExportOptions): Promise<Uint8Array> {
  const width = options.width ?? input.letterhead.width ?? CABLE_WIDTH.default;
  const problem = widthProblem(width);
  // Keyed, so Export as… says it in the window's language (the same words as Settings → Documents).
  if (problem) return Promise.reject(exportError('settings.letterhead.width', { min: CABLE_WIDTH.min, max: CABLE_WIDTH.max }));
  return Promise.resolve(new TextEncoder().encode(cableText(cableForExport(input, options), width)));
}
