/**
 * Markdown of one or more briefings, for colleagues who keep notes in Obsidian or Joplin: YAML front matter
 * (title, date, place, organisers, tags, classification, attendees), then the briefing as the reading view
 * shows it — details, summary, attendance, statements under their speakers, decisions, follow-ups as a task
 * list, events, what it follows up, the officer's comment.
 *
 * Every user text is escaped so that a CommonMark reader shows it as typed: a name like `*x*` stays
 * asterisks, `<script>` stays text (never an HTML node), a line starting "1." or "#" is no list or heading,
 * and Obsidian's own marks (`#tag`, `==highlight==`, `%%comment%%`, `$math$`, `[[link]]`) do nothing.
 */
import type { ActionItem, BriefingDocument, PersonRef } from '../document/briefing';
import { labelled } from '../document/language';
import { translate, type Locale, type MessageKey } from '../i18n';
import { kindLabel } from '../labels';
import type { Block, Run } from '../richtext';
import { cleanText } from './export-text';
import type { ExportInput } from './formats';

// Punctuation that means something inline anywhere in CommonMark, GFM or Obsidian: escapes, code, emphasis,
// links and images, HTML and autolinks, entities, tables, strikethrough, tags, highlights, math, block ids.
const INLINE_SPECIAL = /[\\`*_[\]<>&|~#=$^]/g;

/**
 * One line of user text as Markdown inline text that renders as exactly that text. Besides the inline marks,
 * what opens a block at the start of a line is escaped there: a list marker, a heading's #, a quote's >, a
 * thematic break, an ordered list's "1." or "1)"; leading spaces (an indented code block) are dropped.
 */
export function escapeInline(line: string): string {
  let s = line.replace(/\t/g, ' ').replace(/^\s+/, '').replace(INLINE_SPECIAL, '\\$&').replace(/%%/g, '%\\%');
  s = s.replace(/^([-+])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return s;
}

/** A multi-line text: each line escaped, single line breaks kept as hard breaks, blank lines as paragraph breaks. */
export function escapeText(text: string): string {
  return cleanText(text)
    .trim()
    .split(/\n{2,}/)
    .map((para) =>
      para
        .split('\n')
        .map(escapeInline)
        .filter((l) => l.trim() !== '')
        .join('\\\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** A text for one line (a heading, a list item's lead): its line breaks become spaces. */
const oneLine = (text: string): string => escapeInline(cleanText(text).replace(/\s+/g, ' ').trim());

/** The summary's runs: bold and italic as Markdown marks, around the escaped text (spaces kept outside the marks). */
function runsMarkdown(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      const text = oneLine(r.text);
      // The run's own edge spaces stay outside any marks: CommonMark closes no `**` that follows a space.
      const lead = /^\s/.test(r.text) ? ' ' : '';
      const trail = /\s$/.test(r.text) ? ' ' : '';
      if (!text) return lead || trail;
      const mark = `${r.bold ? '**' : ''}${r.italic ? '_' : ''}`;
      const close = [...mark].reverse().join('');
      return `${lead}${mark}${text}${close}${trail}`;
    })
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function blocksMarkdown(blocks: readonly Block[]): string[] {
  return blocks.map((b) => (b.type === 'paragraph' ? runsMarkdown(b.runs) : b.items.map((item) => `- ${runsMarkdown(item)}`).join('\n'))).filter(Boolean);
}

/**
 * YAML front matter: every string as a double-quoted scalar (JSON's quoting is YAML's: quotes, backslashes
 * and control characters escaped), so no text can end the block, start a comment or become a number, a
 * date or `true`. The date is left bare (`2015-03-17`), which Obsidian reads as a date property.
 */
function yamlString(text: string): string {
  // JSON leaves U+2028/U+2029 bare; YAML 1.1 readers take them for line breaks.
  return JSON.stringify(cleanText(text)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function frontMatter(fields: [string, string | readonly string[] | undefined][]): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    if (typeof value === 'string') lines.push(`${key}: ${value}`);
    else if (!value.length) lines.push(`${key}: []`);
    else lines.push(`${key}:`, ...value.map((v) => `  - ${yamlString(v)}`));
  }
  lines.push('---');
  return lines.join('\n');
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

function briefingFrontMatter(doc: BriefingDocument, locale: Locale): string {
  const h = doc.header;
  const day = h.startsAt.slice(0, 10);
  const time = h.startsAt.slice(11, 16);
  const attendees = [...doc.attendance.delegation, ...doc.attendance.others.flatMap((g) => g.people)].map((p) => p.name);
  return frontMatter([
    ['title', yamlString(h.title)],
    // A date that is not one (a damaged record) goes in quoted, as text.
    ['date', DAY.test(day) ? day : yamlString(h.startsAt)],
    ['time', TIME.test(time) ? yamlString(time) : undefined],
    ['place', yamlString(h.place)],
    ['format', yamlString(h.format)],
    ['organisers', h.organisers.map((o) => o.name)],
    ['audience', yamlString(h.audience)],
    ['classification', yamlString(h.classification.banner)],
    ['tags', h.tags],
    ['attendees', [...attendees, ...doc.attendance.groups]],
    // The note's language, for tools that read front matter (Obsidian, Hugo, Pandoc's `lang`); English notes are as before.
    ['lang', locale === 'en' ? undefined : locale],
  ]);
}

function speakerHeading(speaker: PersonRef | null, locale: Locale): string[] {
  if (!speaker) return [`### ${translate(locale, 'doc.speakerNotRecorded')}`];
  return [`### ${oneLine(speaker.name)}`, ...(speaker.role ? ['', `_${oneLine(speaker.role)}_`] : [])];
}

/** A follow-up or event as a task-list item: checked when done, its date, owner, place and status after the title. */
function taskItem(a: ActionItem): string {
  const done = a.status === 'done' || a.status === 'dropped';
  const facts = [a.dueText, a.place, a.owner, a.statusLabel].map((f) => f.trim()).filter(Boolean).map(oneLine);
  const lines = [`- [${done ? 'x' : ' '}] **${oneLine(a.title)}**${facts.length ? ` — ${facts.join(' · ')}` : ''}`];
  if (a.held) lines.push(oneLine(a.held.text));
  // The notes' own line and paragraph breaks as hard breaks inside the item (a blank line would end the list).
  const notes = escapeText(a.notes).replace(/\n\n/g, '\\\n');
  if (notes) lines.push(notes);
  // Later lines hard-broken and indented under the item: a bare continuation line would run into the title's line.
  return lines.join('\\\n').replace(/\n/g, '\n  ');
}

function briefingBody(doc: BriefingDocument, locale: Locale): string {
  const w = (key: MessageKey) => translate(locale, key);
  /** "**Place:**", « **Lieu :** »: a bold label before its value. */
  const label = (text: string) => `**${labelled(locale, text)}**`;
  const h = doc.header;
  const out: string[] = [`# ${oneLine(h.title)}`];
  out.push(`**${oneLine(h.classification.banner)}**`);
  const details: [string, string][] = [
    [w('doc.detail.date'), h.when],
    [w('doc.detail.place'), h.place],
    [w('doc.detail.format'), h.format],
    [w('doc.detail.organisers'), h.organisers.map((o) => o.path || o.name).join('; ')],
    [w('doc.detail.audience'), h.audience],
    [w('doc.detail.tags'), h.tags.join(', ')],
  ];
  out.push(details.filter(([, v]) => v.trim()).map(([k, v]) => `- ${label(k)} ${oneLine(v)}`).join('\n'));

  const summary = blocksMarkdown(doc.summary);
  if (summary.length) out.push(`## ${w('doc.section.summary')}`, ...summary);

  if (!doc.attendance.empty) {
    const lines: string[] = [];
    const names = (people: readonly { name: string }[]) => people.map((p) => oneLine(p.name)).join(', ');
    if (doc.attendance.delegation.length) lines.push(`- ${label(w('doc.attendance.delegation'))} ${names(doc.attendance.delegation)}`);
    for (const g of doc.attendance.others) lines.push(`- ${label(g.organisation ? oneLine(g.organisation.name) : w('doc.attendance.others'))} ${names(g.people)}`);
    for (const g of doc.attendance.groups) lines.push(`- ${oneLine(g)}`);
    out.push(`## ${w('doc.section.attendance')}`, lines.join('\n'));
  }

  if (doc.statements.length) {
    out.push(`## ${w('doc.section.statements')}`);
    for (const section of doc.statements) {
      out.push(speakerHeading(section.speaker, locale).join('\n'));
      for (const s of section.statements) {
        const text = escapeText(s.text);
        out.push(s.kind === 'statement' ? text : `${label(kindLabel(locale, s.kind))} ${text}`);
      }
    }
  }

  if (doc.decisions.length) {
    out.push(`## ${w('doc.section.decisions')}`, doc.decisions.map((d) => `${d.number}. ${oneLine(d.text)}${d.speaker ? ` — ${oneLine(d.speaker.name)}` : ''}`).join('\n'));
  }
  if (doc.followUps.length) out.push(`## ${w('doc.section.followUps')}`, doc.followUps.map(taskItem).join('\n'));
  if (doc.events.length) out.push(`## ${w('doc.section.events')}`, doc.events.map(taskItem).join('\n'));
  const announced = (f: BriefingDocument['followsUp'][number]): string => {
    if (!f.announcedAt) return '';
    const briefing = oneLine(f.announcedAt.name);
    return ` ${f.speaker ? translate(locale, 'doc.md.announcedAtBy', { briefing, speaker: oneLine(f.speaker.name) }) : translate(locale, 'doc.md.announcedAt', { briefing })}`;
  };
  if (doc.followsUp.length) {
    out.push(
      `## ${w('doc.section.followsUp')}`,
      doc.followsUp.map((f) => `- **${oneLine(f.event.title)}**${f.when ? ` — ${oneLine(f.when)}` : ''}${announced(f)}`).join('\n'),
    );
  }
  const comment = blocksMarkdown(doc.comment);
  if (comment.length) out.push(`## ${w('doc.section.comment')}`, ...comment);
  return out.join('\n\n');
}

/** One briefing with its own front matter; several as one note whose front matter lists them. */
export function briefingsMarkdown(docs: readonly BriefingDocument[], title: string, locale: Locale = 'en'): string {
  if (docs.length === 1) return `${briefingFrontMatter(docs[0]!, locale)}\n\n${briefingBody(docs[0]!, locale)}\n`;
  const head = frontMatter([
    ['title', yamlString(title)],
    ['briefings', docs.map((d) => `${d.header.startsAt.slice(0, 10)} ${d.header.title}`)],
    ['tags', [...new Set(docs.flatMap((d) => d.header.tags))]],
  ]);
  return `${head}\n\n${docs.map((d) => briefingBody(d, locale)).join('\n\n---\n\n')}\n`;
}

/** The registry's Markdown writer (UTF-8, LF line ends as Markdown tools write them). */
export function writeMarkdown(input: ExportInput): Uint8Array {
  return new TextEncoder().encode(briefingsMarkdown(input.briefings, input.title, input.locale ?? 'en'));
}
