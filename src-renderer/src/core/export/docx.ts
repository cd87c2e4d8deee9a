/**
 * Word (.docx) writers, with the `docx` library: a briefing (or several), a reporting cable, a whole pack.
 * Each renders a format-neutral document (core/document: BriefingDocument, CableDocument, PackDocument),
 * never the records. What Word and LibreOffice readers expect of an official document:
 * - real headings (the Heading 1–3 styles: the navigation pane, the outline and mammoth read them),
 * - real numbered and bulleted lists (numbering definitions, not typed "1."), so a cable's "para 7" is the
 *   seventh item of one list and renumbers itself if a paragraph is cut,
 * - tables for follow-ups, with a header row that repeats on every page,
 * - the classification at the head and foot of every page, and "Page X of Y" (PAGE / NUMPAGES fields — the
 *   only fields in the file: user text always goes in as text runs, so "{ PAGE }" typed by someone is text),
 * - the document's language on its default run style, and its title, subject and keywords in its properties.
 * Pure: the same code writes the file in Node (CLI, tests) and in the browser (the app's Export menu).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
  type IRunOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { CableDocument, CablePart } from '../document/cable';
import { cableForExport } from '../document/cable';
import type { ActionItem, BriefingDocument, PersonRef } from '../document/briefing';
import { copyLine, fromStatementText, type PackAction, type PackBriefingSection, type PackCopy, type PackDocument } from '../document/pack';
import { formatLongDate, formatShortDate } from '../dates';
import { DOCUMENT_LANGUAGE_TAGS, labelled } from '../document/language';
import { translate, type Locale, type MessageKey, type MessageValues } from '../i18n';
import { actionKindLabel, kindLabel } from '../labels';
import { compactRanges } from '../pack/document';
import type { Block, Run } from '../richtext';
import { cleanText } from './export-text';
import type { ExportInput, ExportOptions } from './formats';

type Child = Paragraph | Table;

/** What a .docx says about itself: the core properties, the language, the classification printed on every page. */
export interface DocxMeta {
  title: string;
  subject?: string;
  keywords?: readonly string[];
  /** "RESTRICTED // EYES ONLY": the head and foot of every page. */
  banner: string;
  /** Above the lowest level: the banner is printed in red, as classified paper is. */
  classified: boolean;
  /** BCP 47, e.g. "en-GB": Word's proofing language for the text. */
  language: string;
  /** "Copy 3 of 5 — Embassy of Ruritania, Tashkent": under the banner on every page of a numbered copy. */
  copy?: string;
  /** "DRAFT": across every page, behind the text, as Word's own Design › Watermark makes it (so Word can remove it). */
  watermark?: string;
}

const FONT = 'Times New Roman';
const RED = 'B00020';
const GREY = '555555';
/** Half-points. */
const SIZE = { body: 22, small: 18, banner: 20 } as const;

/** Numbering definitions: one bulleted, one decimal; each list that must start again at 1 takes a new instance. */
const BULLETS = 'bullets';
const NUMBERS = 'numbers';

const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: BULLETS,
      levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 283 } } } }],
    },
    {
      reference: NUMBERS,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 567 } } } }],
    },
  ],
};

/**
 * Runs of one text: its line breaks as real breaks (a "\n" in a Word run is no line break), control
 * characters removed (XML 1.0 refuses them, and Word would call the file corrupt).
 */
function textRuns(text: string, options: Omit<IRunOptions, 'text' | 'break' | 'children'> = {}): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ ...options, text: line, break: i > 0 ? 1 : undefined }));
}

const richRuns = (runs: readonly Run[]): TextRun[] => runs.flatMap((r) => textRuns(r.text, { bold: r.bold || undefined, italics: r.italic ?? undefined }));

// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms).
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

/**
 * A paragraph's direction by its first letter, as Unicode's bidirectional algorithm and a browser's dir="auto"
 * decide it: a statement in Arabic, Dari or Hebrew is a right-to-left paragraph (aligned right, its punctuation
 * where its reader expects it); a Latin statement quoting Arabic stays left-to-right. pdfmake cannot do this,
 * which makes Word the format for such briefings.
 */
export function isRightToLeft(text: string): boolean {
  const first = /\p{L}/u.exec(text);
  return !!first && RTL_LETTER.test(first[0]);
}

const direction = (text: string): { bidirectional?: true } => (isRightToLeft(text) ? { bidirectional: true } : {});
const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');

function heading(level: 1 | 2 | 3, text: string, pageBreakBefore = false): Paragraph {
  const h = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ heading: h, pageBreakBefore: pageBreakBefore || undefined, ...direction(text), children: textRuns(text.replace(/\s+/g, ' ').trim()) });
}

const para = (children: TextRun[], spacingAfter = 120, text = ''): Paragraph => new Paragraph({ children, spacing: { after: spacingAfter }, ...direction(text) });

/** A summary's or comment's blocks: paragraphs, and bulleted lists as real lists. */
function blockParagraphs(blocks: readonly Block[]): Paragraph[] {
  return blocks.flatMap((b) =>
    b.type === 'paragraph'
      ? [para(richRuns(b.runs), 120, runsText(b.runs))]
      : b.items.map(
          (item, i) =>
            new Paragraph({ children: richRuns(item), numbering: { reference: BULLETS, level: 0 }, spacing: { after: i === b.items.length - 1 ? 120 : 40 }, ...direction(runsText(item)) }),
        ),
  );
}

/** A two-column table of label and value, for a briefing's particulars and a cable's or pack's heading fields. */
function fieldsTable(rows: readonly (readonly [string, string])[]): Table {
  const border = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [2200, 6800],
    borders,
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          children: [
            new TableCell({ width: { size: 2200, type: WidthType.DXA }, children: [new Paragraph({ children: textRuns(k, { bold: true, size: SIZE.small, color: GREY }) })] }),
            new TableCell({ width: { size: 6800, type: WidthType.DXA }, children: [new Paragraph({ children: textRuns(v) })] }),
          ],
        }),
    ),
  });
}

/** A data table with a header row repeated on every page it runs over. */
function dataTable(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): Table {
  const cell = (text: string, i: number, head: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i] ?? 1000, type: WidthType.DXA },
      shading: head ? { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } : undefined,
      children: [new Paragraph({ children: textRuns(text, { bold: head || undefined, size: SIZE.small }) })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [...widths],
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

/** A fixed word of a document in its language (documents.json). */
const tr = (locale: Locale, key: MessageKey, values?: MessageValues): string => translate(locale, key, values);

function actionRow(a: ActionItem, locale: Locale): string[] {
  const detail = [a.title.trim(), a.notes.trim(), a.held?.text ?? ''].filter(Boolean).join('\n');
  return [actionKindLabel(locale, a.kind), detail, a.owner, [a.dueText, a.place].filter(Boolean).join(', '), a.statusLabel];
}

const actionHeader = (locale: Locale): string[] => (['doc.col.kind', 'doc.col.followUp', 'doc.col.owner', 'doc.col.dueDate', 'doc.col.status'] as const).map((k) => tr(locale, k));
const ACTION_WIDTHS = [900, 4200, 1700, 1400, 1000] as const;
/** The same columns for French and Russian, whose statuses run longer ("En cours — EN RETARD"). */
const WIDE_STATUS_WIDTHS = [900, 3800, 1700, 1400, 1400] as const;

function speakerLines(speaker: PersonRef | null, locale: Locale): Paragraph[] {
  if (!speaker) return [heading(3, tr(locale, 'doc.speakerNotRecorded'))];
  return [heading(3, speaker.name), ...(speaker.role ? [para(textRuns(speaker.role, { italics: true, color: GREY }), 80)] : [])];
}

/** A counter of list instances: every list that starts again at 1 takes the next one. */
class Instances {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

/** How a pack prints a briefing (core/document/pack.ts); absent for a briefing exported on its own. */
interface PackPrinting {
  section: PackBriefingSection;
  /** The tracker annex when the pack has one: the briefing then names its follow-ups by number there. */
  trackerAnnex: { letter: string; title: string } | null;
  issueDate: string;
  /** "BRIEFING 2 OF 5 · 17 MARCH 2015" above the title. */
  eyebrow: string;
}

/** A block as one numbered paragraph (the pack's numbered-paragraphs option): a list's items as lines of it. */
function numberedBlock(b: Block, instance: number): Paragraph {
  const children = b.type === 'paragraph' ? richRuns(b.runs) : b.items.flatMap((item, i) => [new TextRun({ text: '• ', break: i > 0 ? 1 : undefined }), ...richRuns(item)]);
  const text = b.type === 'paragraph' ? runsText(b.runs) : runsText(b.items[0] ?? []);
  return new Paragraph({ numbering: { reference: NUMBERS, level: 0, instance }, spacing: { after: 120 }, ...direction(text), children });
}

function packActionRow(a: PackAction, locale: Locale): string[] {
  const row = actionRow(a, locale);
  row[4] = a.overdue ? tr(locale, 'doc.overdueStatus', { status: a.statusLabel }) : row[4]!;
  if (a.heldLine) row[1] = [a.title.trim(), a.notes.trim(), a.heldLine].filter(Boolean).join('\n');
  return row;
}

/** One briefing's body: title, particulars, summary, attendance, statements, decisions, follow-ups, events, comment. */
function briefingChildren(doc: BriefingDocument, lists: Instances, newPage: boolean, locale: Locale, pack?: PackPrinting): Child[] {
  const w = (key: MessageKey, values?: MessageValues) => tr(locale, key, values);
  const h = doc.header;
  // Numbered paragraphs (a pack's option): one list per briefing, so Word's numbers are the pack's.
  const numbered = pack?.section.numbers ? lists.take() : null;
  const out: Child[] = [];
  if (pack) out.push(new Paragraph({ pageBreakBefore: newPage || undefined, spacing: { after: 60 }, children: textRuns(pack.eyebrow, { bold: true, size: SIZE.small, color: GREY }) }));
  out.push(heading(1, h.title, newPage && !pack));
  const details: [string, string][] = [
    [w('doc.detail.date'), h.when],
    [w('doc.detail.place'), h.place],
    [w('doc.detail.format'), h.format],
    [w('doc.detail.organisers'), h.organisers.map((o) => o.path || o.name).join('; ')],
    [w('doc.detail.audience'), h.audience],
    [w('doc.cover.classification'), h.classification.banner],
    [w('doc.detail.tags'), h.tags.join(', ')],
  ];
  out.push(fieldsTable(details.filter(([, v]) => v.trim())));
  // A list that continues the paragraph before it takes no number (core/document/pack.ts paragraphNumbers).
  const blocks = (bs: readonly Block[], numbers: readonly (number | null)[] | undefined) =>
    numbered ? bs.flatMap((b, i) => (numbers?.[i] === null ? blockParagraphs([b]) : [numberedBlock(b, numbered)])) : blockParagraphs(bs);
  if (doc.summary.length) out.push(heading(2, w('doc.section.summary')), ...blocks(doc.summary, pack?.section.numbers?.summary));
  if (!doc.attendance.empty) {
    out.push(heading(2, w('doc.section.attendance')));
    const names = (people: readonly { name: string }[]) => people.map((p) => p.name).join(', ');
    const line = (label: string, text: string) => para([...textRuns(`${labelled(locale, label)} `, { bold: true }), ...textRuns(text)], 60);
    if (doc.attendance.delegation.length) out.push(line(w('doc.attendance.delegation'), names(doc.attendance.delegation)));
    for (const g of doc.attendance.others) out.push(line(g.organisation?.name ?? w('doc.attendance.others'), names(g.people)));
    for (const g of doc.attendance.groups) out.push(para(textRuns(g), 60));
  }
  if (doc.statements.length) {
    out.push(heading(2, w('doc.section.statements')));
    for (const section of doc.statements) {
      out.push(...speakerLines(section.speaker, locale));
      for (const s of section.statements) {
        const label = s.kind === 'statement' ? [] : textRuns(`${labelled(locale, kindLabel(locale, s.kind))} `, { bold: true, color: GREY });
        const children = [...label, ...textRuns(s.text.trim())];
        out.push(
          numbered
            ? new Paragraph({ numbering: { reference: NUMBERS, level: 0, instance: numbered }, spacing: { after: 120 }, ...direction(s.text), children })
            : para(children, 120, s.text),
        );
      }
    }
  }
  if (doc.decisions.length) {
    out.push(heading(2, w('doc.section.decisions')));
    const instance = lists.take();
    for (const d of doc.decisions) {
      const by = d.speaker ? textRuns(` — ${d.speaker.name}`, { italics: true, color: GREY }) : [];
      out.push(new Paragraph({ numbering: { reference: NUMBERS, level: 0, instance }, ...direction(d.text), children: [...textRuns(d.text.trim()), ...by] }));
    }
  }
  if (pack) out.push(...packActions(pack, locale));
  else {
    const actions = [...doc.followUps, ...doc.events];
    if (actions.length) out.push(heading(2, w('doc.section.actionsShort')), dataTable(actionHeader(locale), actions.map((a) => actionRow(a, locale)), locale === 'en' ? ACTION_WIDTHS : WIDE_STATUS_WIDTHS));
  }
  if (pack) {
    const { followsUp, followsUpNotShown } = pack.section;
    if (followsUp.length || followsUpNotShown) {
      out.push(heading(2, w('doc.section.followsUp')));
      for (const f of followsUp) out.push(new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: textRuns([f.title, f.when, f.origin].filter(Boolean).join(' — ')) }));
      if (followsUpNotShown) out.push(para(textRuns(w('doc.followsUp.notShown', { count: followsUpNotShown }), { italics: true, color: GREY })));
    }
  } else if (doc.followsUp.length) {
    out.push(heading(2, w('doc.section.followsUp')));
    for (const f of doc.followsUp) {
      const origin = !f.announcedAt
        ? ''
        : f.speaker
          ? w('doc.announcedAtBy', { briefing: f.announcedAt.name, speaker: f.speaker.name })
          : w('doc.announcedAt', { briefing: f.announcedAt.name });
      out.push(new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: textRuns([f.event.title, f.when, origin].filter(Boolean).join(' — ')) }));
    }
  }
  const comment = pack ? pack.section.comment : doc.comment.length > 0;
  if (comment) out.push(heading(2, w('doc.section.comment')), ...blocks(doc.comment, pack?.section.numbers?.comment));
  return out;
}

/** A pack's follow-ups for one briefing: printed once — their numbers in the tracker annex, or here as a table without it. */
function packActions(pack: PackPrinting, locale: Locale): Child[] {
  const actions = pack.section.actions;
  if (!actions.length) return [];
  const title = tr(locale, 'doc.section.actions');
  if (pack.trackerAnnex) {
    const numbers = actions.map((a) => a.number).filter((n): n is number => n !== null);
    const overdue = actions.filter((a) => a.overdue).length;
    const line = tr(locale, 'doc.actions.reference', {
      count: actions.length,
      letter: pack.trackerAnnex.letter,
      annex: pack.trackerAnnex.title,
      numbered: numbers.length,
      numbers: compactRanges(numbers),
      overdue,
      date: formatLongDate(pack.issueDate, locale),
    });
    return [heading(2, title), para(textRuns(line))];
  }
  return [heading(2, title), dataTable(actionHeader(locale), actions.map((a) => packActionRow(a, locale)), locale === 'en' ? ACTION_WIDTHS : WIDE_STATUS_WIDTHS)];
}

function bannerParagraph(meta: DocxMeta, extra: TextRun[] = []): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [...textRuns(meta.banner, { bold: true, size: SIZE.banner, color: meta.classified ? RED : undefined }), ...extra],
  });
}

/**
 * The file: styles (font, language, headings), the numbering definitions, one section whose header and
 * footer carry the classification (the footer with "Page X of Y"), the core properties.
 */
function docxDocument(meta: DocxMeta, children: Child[], locale: Locale = 'en'): Document {
  // The document's language for Latin and Cyrillic text; Word picks its own for East Asian and right-to-left runs.
  const language = { value: meta.language };
  const headingStyle = (id: string, name: string, size: number, before: number) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: '000000' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  return new Document({
    title: cleanText(meta.title),
    subject: meta.subject ? cleanText(meta.subject) : undefined,
    keywords: meta.keywords?.length ? cleanText(meta.keywords.join(', ')) : undefined,
    creator: 'Attaché',
    lastModifiedBy: 'Attaché',
    description: meta.banner,
    styles: {
      default: { document: { run: { font: FONT, size: SIZE.body, language } } },
      paragraphStyles: [
        headingStyle('Heading1', 'Heading 1', 32, 240),
        headingStyle('Heading2', 'Heading 2', 26, 240),
        headingStyle('Heading3', 'Heading 3', 23, 160),
      ],
    },
    numbering: NUMBERING,
    sections: [
      {
        properties: { page: { margin: { top: 1300, bottom: 1300, left: 1300, right: 1300, header: 600, footer: 600 } } },
        headers: {
          default: new Header({
            children: [
              bannerParagraph(meta),
              ...(meta.copy ? [new Paragraph({ alignment: AlignmentType.CENTER, children: textRuns(meta.copy, { size: SIZE.small, bold: true }) })] : []),
              ...(meta.watermark ? [new Paragraph({ children: [new TextWatermark({ text: cleanText(meta.watermark).replace(/\s+/g, ' '), font: FONT, color: 'C0C0C0' })] })] : []),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              bannerParagraph(meta),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ size: SIZE.small, color: GREY, children: folioRuns(locale) })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** "Page {page} of {count}" with Word's page fields in the places the language puts them. */
function folioRuns(locale: Locale): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  // Placeholders no translation holds, then split around them.
  const [PAGE, COUNT] = ['\uE000', '\uE001'];
  const text = translate(locale, 'doc.folio', { page: PAGE, count: COUNT });
  return text
    .split(/([\uE000\uE001])/)
    .filter(Boolean)
    .map((part) => (part === PAGE ? PageNumber.CURRENT : part === COUNT ? PageNumber.TOTAL_PAGES : part));
}

async function bytesOf(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The most restrictive banner of some briefings, and whether it is above the lowest level. */
function bannerOf(docs: readonly BriefingDocument[]): { banner: string; classified: boolean } {
  const top = docs.reduce<BriefingDocument | undefined>((best, d) => (!best || d.header.classification.rank > best.header.classification.rank ? d : best), undefined);
  if (!top) return { banner: '', classified: false };
  const caveats = [...new Set(docs.map((d) => d.header.classification.caveat).filter(Boolean))];
  const banner = caveats.length ? [top.header.classification.label, ...caveats].join(' // ') : top.header.classification.banner;
  return { banner, classified: top.header.classification.rank > 0 };
}

/** One briefing, or several one after another (each from a new page). */
export async function briefingsDocx(docs: readonly BriefingDocument[], title: string, locale: Locale = 'en'): Promise<Uint8Array> {
  const lists = new Instances();
  const children: Child[] = [];
  docs.forEach((d, i) => children.push(...briefingChildren(d, lists, i > 0, locale)));
  const tags = [...new Set(docs.flatMap((d) => d.header.tags))];
  const subject = docs.length === 1 ? docs[0]!.header.when : tr(locale, 'doc.briefings.count', { count: docs.length });
  return bytesOf(docxDocument({ title, subject, keywords: tags, language: DOCUMENT_LANGUAGE_TAGS[locale], ...bannerOf(docs) }, children, locale));
}

/** A cable part's paragraphs: one numbered list through the whole cable, so Word's numbers are the cable's. */
function cablePartChildren(part: CablePart, instance: number, locale: Locale): Child[] {
  const out: Child[] = [heading(3, part.heading)];
  if (part.subheading) out.push(para(textRuns(part.subheading, { italics: true, color: GREY }), 80));
  for (const p of part.paragraphs) {
    const lead = [p.mark, p.label ? labelled(locale, p.label) : ''].filter(Boolean).join(' ');
    out.push(
      new Paragraph({
        numbering: { reference: NUMBERS, level: 0, instance },
        spacing: { after: 120 },
        ...direction(p.text),
        children: [...(lead ? textRuns(`${lead} `, { bold: true }) : []), ...textRuns(p.text.trim())],
      }),
    );
    for (const item of p.items) out.push(new Paragraph({ numbering: { reference: BULLETS, level: 0 }, indent: { left: 1134, hanging: 283 }, children: textRuns(item) }));
  }
  return out;
}

/** A reporting cable: the classification line, its heading fields, then its numbered paragraphs under their headings. */
export async function cableDocx(cable: CableDocument, language = DOCUMENT_LANGUAGE_TAGS[cable.locale], classified = true): Promise<Uint8Array> {
  const locale = cable.locale;
  const instance = 1;
  const children: Child[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: textRuns(cable.classification, { bold: true, size: 24 }) }),
    fieldsTable(cable.fields.map((f) => [f.label, f.values.join('\n')] as const)),
  ];
  for (const b of cable.briefings) {
    if (b.heading) children.push(heading(2, b.heading));
    for (const part of b.parts) children.push(...cablePartChildren(part, instance, locale));
  }
  if (cable.actions) children.push(...cablePartChildren(cable.actions, instance, locale));
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: textRuns(cable.classification, { bold: true, size: 24 }) }));
  return bytesOf(docxDocument({ title: cable.subject, subject: tr(locale, 'doc.cable.docxSubject', { date: cable.date }), banner: cable.classification, classified, language }, children, locale));
}

/** The pack's cover: the mission, the title, the recipient, and the registry's fields (file reference, From/To/Info, distribution…). */
function packCover(pack: PackDocument, copy: string): Child[] {
  const c = pack.content.counts;
  const w = (key: MessageKey, values?: MessageValues) => tr(pack.locale, key, values);
  const rows: [string, string][] = [
    [w('doc.cover.fileReference'), pack.fileReference],
    [w('doc.cover.from'), pack.from],
    [w('doc.cover.to'), pack.to.join('\n')],
    [w('doc.cover.info'), pack.info.join('\n')],
    [w('doc.cover.period'), pack.period],
    [w('doc.cover.preparedBy'), pack.preparedBy],
    [w('doc.cover.issueDate'), formatLongDate(pack.issueDate, pack.locale)],
    [w('doc.cover.classification'), pack.banner],
    [w('doc.cover.contents'), w('doc.cover.counts', { briefings: c.briefings, statements: c.statements, actions: c.actions })],
    [w('doc.cover.distribution'), pack.distribution.map((d, i) => `${String(i + 1)}. ${d}`).join('\n')],
  ];
  const out: Child[] = [];
  if (pack.mission) out.push(new Paragraph({ spacing: { after: 600 }, children: textRuns(pack.mission, { bold: true, size: 26 }) }));
  out.push(
    para(textRuns(w('doc.cover.eyebrow').toLocaleUpperCase(pack.locale), { bold: true, size: SIZE.small, color: GREY }), 60),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 240 }, children: textRuns(pack.title, { bold: true, size: 40 }) }),
  );
  if (pack.recipient) out.push(para(textRuns(pack.recipient, { italics: true, size: 24 }), 120));
  if (copy) out.push(para(textRuns(copy, { bold: true }), 240));
  out.push(fieldsTable(rows.filter(([, v]) => v.trim())));
  if (pack.contents) {
    out.push(new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_1, children: textRuns(w('doc.toc')) }));
    for (const e of pack.contents) out.push(para([...textRuns(`${e.lead}   `, { color: GREY }), ...textRuns(e.label)], 60));
  }
  return out;
}

/** The annexes: the action tracker, the decisions, the people and organisations — each from a new page. */
function packAnnexes(pack: PackDocument): Child[] {
  const locale = pack.locale;
  const w = (key: MessageKey, values?: MessageValues) => tr(locale, key, values);
  const out: Child[] = [];
  for (const annex of pack.annexes) {
    out.push(
      new Paragraph({ pageBreakBefore: true, children: textRuns(w('doc.annex.name', { letter: annex.letter }).toLocaleUpperCase(locale), { bold: true, size: SIZE.small, color: GREY }) }),
      heading(1, annex.title),
    );
    if (annex.id === 'annex-tracker' && pack.tracker) {
      const lead = w('doc.tracker.leadPlain', { date: formatLongDate(pack.issueDate, locale), overdue: pack.overdueCount });
      out.push(
        para(textRuns(lead, { italics: true })),
        dataTable(
          [w('doc.col.number'), w('doc.col.dueDate'), w('doc.col.followUp'), w('doc.col.owner'), w('doc.col.status')],
          pack.tracker.map((r) => {
            const a = r.action;
            const origin = [r.briefing ? `${r.briefing.title} (${formatShortDate(r.briefing.startsAt, locale)})` : '', fromStatementText(r.from, locale)].filter(Boolean).join(', ');
            const detail = [a.title.trim(), a.notes.trim(), a.heldLine, origin].filter(Boolean).join('\n');
            return [`${String(a.number ?? '')}.`, [a.dueText, a.place].filter(Boolean).join(', '), detail, a.owner, a.overdue ? w('doc.overdueStatus', { status: a.statusLabel }) : a.statusLabel];
          }),
          // French and Russian statuses run longer ("Открыто — ПРОСРОЧЕНО"): their column takes from the follow-up's.
          locale === 'en' ? [600, 1400, 4400, 1600, 1200] : [600, 1400, 4000, 1600, 1600],
        ),
      );
    } else if (annex.id === 'annex-decisions' && pack.decisions) {
      out.push(
        dataTable(
          [w('doc.col.date'), w('doc.col.decision'), w('doc.col.briefingDecidedBy')],
          pack.decisions.map((d) => [formatShortDate(d.briefing.startsAt, locale), d.text, [d.briefing.title, d.decidedBy].filter(Boolean).join(' · ')]),
          [1300, 4900, 3000],
        ),
      );
    } else if (annex.id === 'annex-people' && pack.people) {
      const people = pack.people;
      if (people.hasPeople) {
        out.push(heading(2, w('doc.col.people')));
        for (const g of people.groups) {
          out.push(heading(3, g.path || w('doc.people.noOrganisation')));
          out.push(
            dataTable(
              [w('doc.col.name'), w('doc.col.titleRole'), w('doc.col.country')],
              g.people.map((p) => [[p.name, p.aliases.length ? w('doc.people.alsoWritten', { aliases: p.aliases.join('; ') }) : ''].filter(Boolean).join('\n'), p.title, p.country]),
              [3000, 4700, 1500],
            ),
          );
        }
      }
      if (people.hasOrganisations) {
        out.push(
          heading(2, w('doc.col.organisations')),
          dataTable(
            [w('doc.col.organisation'), w('doc.col.acronym'), w('doc.col.country')],
            people.organisations.map(({ organisation: o, path }) => [path, o.acronym, o.country]),
            [5700, 1700, 1800],
          ),
        );
      }
    }
  }
  return out;
}

/**
 * A whole pack as Word: the cover, contents when the pack has them, each briefing from a new page as the
 * PDF prints it (follow-ups once: by number when the tracker annex is there), the annexes. A numbered copy
 * carries "Copy n of N — recipient" under the banner on every page, as its PDF does.
 */
export async function packDocx(pack: PackDocument, copy?: PackCopy): Promise<Uint8Array> {
  const lists = new Instances();
  const locale = pack.locale;
  const copyText = copy ? copyLine(copy, locale) : '';
  const tracker = pack.annexes.find((a) => a.id === 'annex-tracker');
  const children: Child[] = [...packCover(pack, copyText)];
  for (const section of pack.briefings) {
    // The PDF's eyebrow, with single spaces around the dot (Word sets it in running text).
    const eyebrow = translate(locale, 'doc.briefing.eyebrow', { index: section.index, total: pack.briefings.length, date: formatLongDate(section.doc.header.startsAt.slice(0, 10), locale) })
      .replace(/\s+·\s+/, ' · ')
      .toLocaleUpperCase(locale === 'en' ? 'en-GB' : locale);
    children.push(
      ...briefingChildren(section.doc, lists, true, locale, { section, trackerAnnex: pack.tracker && tracker ? { letter: tracker.letter, title: tracker.title } : null, issueDate: pack.issueDate, eyebrow }),
    );
  }
  children.push(...packAnnexes(pack));
  return bytesOf(
    docxDocument(
      { title: pack.title, subject: pack.period, keywords: pack.tags, banner: pack.banner, classified: pack.classified, language: pack.language, copy: copyText, watermark: pack.watermark },
      children,
      locale,
    ),
  );
}

/** The registry's Word writer: the chosen briefings. */
export function writeDocx(input: ExportInput): Promise<Uint8Array> {
  return briefingsDocx(input.briefings, input.title, input.locale ?? 'en');
}

/** The registry's cable-as-Word writer. */
export function writeCableDocx(input: ExportInput, options: ExportOptions): Promise<Uint8Array> {
  const cable = cableForExport(input, options);
  const classified = input.briefings.some((b) => b.header.classification.rank > 0);
  return cableDocx(cable, DOCUMENT_LANGUAGE_TAGS[cable.locale], classified);
}
