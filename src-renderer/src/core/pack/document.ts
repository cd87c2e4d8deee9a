/**
 * The pack's PDF writer: a pdfmake document definition written from the pack's document
 * (core/document/pack.ts, itself made of the briefings' documents), pure data, no pdfmake runtime. Layout rules that keep pdfmake linear (400 pages in seconds): every briefing and
 * annex starts with `pageBreak: 'before'` (never `pageBreakBefore`, which re-lays-out the whole
 * document per break), and headings are kept with their first lines by small `unbreakable` stacks.
 */
import { formatLongDate, formatShortDate } from '../dates';
import { translate, type Locale, type MessageKey, type MessageValues } from '../i18n';
import { kindLabel } from '../labels';
import { labelled } from '../document/language';
import type { AttendeeRef, BriefingDocument, SpeakerSection, StatementBlock } from '../document/briefing';
import {
  copyLine,
  decidedBy,
  fromStatementText,
  packDocument,
  type ContentsEntry,
  type PackAction,
  type PackAnnex,
  type PackBriefingSection,
  type PackCopy,
  type PackDocument,
} from '../document/pack';
import { organisationWithAcronym, type Organisation, type Person, type StatementKind, type WorkspaceData } from '../model';
import { blockText, type Block, type Run } from '../richtext';
import { emblemImage, type Emblem } from './emblem';
import { SERIF } from './fonts';
import type { PackOptions } from './options';
import type { PackContent } from './select';

/** A pdfmake content node. Kept loose on purpose: pdfmake 0.3 ships no types. */
export type Node = string | Node[] | { [key: string]: unknown };

export interface PackPdf {
  /** The pdfmake document definition (fonts must be registered under fonts.ts' names). */
  definition: { content: Node[]; [key: string]: unknown };
  /** The pack's document it was written from. */
  doc: PackDocument;
  /** What went in: counts, excluded briefings, banner… (the same object the dialog shows). */
  content: PackContent;
  /** Characters of body text, for progress estimates. */
  estimatedChars: number;
  /** Number of pages, known once pdfmake has laid the document out (0 before). */
  pageCount: () => number;
}

/* ---------- palette and measures: one place, so the pages stay consistent ---------- */

/*
 * Every channel is a multiple of 0x33. pdfkit writes a colour as channel/255 in full precision before
 * every word it draws, so #1b1f24 became "0.10588235294117647 0.12156862745098039 0.1411764705882353 scn"
 * a hundred thousand times in a 400-page pack (a third of the page content, all of it to compress),
 * where black is "0 0 0 scn" and #336699 "0.2 0.4 0.6 scn". Ink is named rather than written
 * #000000: pdfkit looks a named colour up in a table but slices and parses a hex string, twice for
 * every word it draws, and most words are in ink (same bytes out).
 */
const INK = 'black';
const NAVY = '#003366';
const MUTED = '#666666';
const RULE = '#cccccc';
const OVERDUE = '#993333';

export const KIND_STYLE: Record<StatementKind, { label: string; color: string }> = {
  statement: { label: '', color: INK },
  figure: { label: 'FIGURE', color: '#336699' },
  proposal: { label: 'PROPOSAL', color: '#336633' },
  request: { label: 'REQUEST', color: '#993300' },
  announcement: { label: 'ANNOUNCEMENT', color: '#663399' },
  decision: { label: 'DECISION', color: '#1f5f3f' },
};

/** The run-in label of a statement's kind in the pack's language ('' for a plain statement): FIGURE, DONNÉE CHIFFRÉE, ЦИФРЫ. */
export function kindFlag(locale: Locale, kind: StatementKind): string {
  return kind === 'statement' ? '' : kindLabel(locale, kind).toLocaleUpperCase(locale);
}

const PAGE_MARGINS: [number, number, number, number] = [64, 70, 64, 66];
/** A 1×1 transparent PNG, stretched over a contents row to make the whole row one link. */
const LINK_AREA = 'link-area';
/** The mission's emblem on the cover (images are named once in the definition). */
const EMBLEM = 'emblem';
const TRANSPARENT_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';
const DASH = '—';
/** Text width on the narrower paper (A4), and the body height on the shorter one (Letter). */
const TEXT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const BODY_HEIGHT = 792 - PAGE_MARGINS[1] - PAGE_MARGINS[3];
const STATEMENT_INDENT = 14;
/** Text beside a hanging paragraph number ("23."), when paragraphs are numbered. */
const NUMBERED_INDENT = 24;
/** The due date and status column of follow-up tables. */
const WHEN_WIDTH = 70;
const DETAILS_GUTTER = 96;
/** The tracker's number column. */
const NUMBER_COLUMN = 24;

/**
 * Rough height of text in points. pdfmake silently DROPS the content of an `unbreakable` block or a
 * `dontBreakRows` row taller than a page, so anything we keep together must be known to fit; this
 * errs on the tall side (Noto's line box is about 1.36 em, average glyph about 0.52 em).
 */
export function approxHeight(text: string, width: number, fontSize: number, lineHeight = 1.22): number {
  let lines = 0;
  for (const para of text.split('\n')) lines += Math.max(1, Math.ceil((para.length * fontSize * 0.52) / width));
  return lines * fontSize * 1.36 * lineHeight;
}

/** Blocks kept together (heading + first lines) must stay well under a page. */
const KEEP_LIMIT = BODY_HEIGHT * 0.45;
/** A table row taller than this may not be kept on one page. */
const ROW_LIMIT = BODY_HEIGHT * 0.8;
/** Estimated height of a table caption (with its space above) and of a row of column heads. */
const CAPTION_HEIGHT = 36;
const HEAD_HEIGHT = 22;

/* ---------- small builders ---------- */

const orDash = (s: string | undefined | null) => (s && s.trim() ? s : DASH);

/** "Director, Drug Control Agency (DCA)" */
export function speakerLine(person: Person | null, organisation: Organisation | null): string {
  return [person?.title, organisation ? organisationWithAcronym(organisation) : ''].filter((s) => s && s.trim()).join(', ');
}

function runsToInlines(runs: Run[]): Node[] {
  return runs.map((r) => ({ text: r.text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) }));
}

/** A block of summary markup → a pdfmake paragraph or bullet list (text only: nothing in it is interpreted). */
function blockNode(block: Block, indent = 0): Node {
  return block.type === 'paragraph'
    ? { text: runsToInlines(block.runs), ...S.body, ...(indent ? { margin: [indent, 0, 0, 6] } : {}) }
    : { ul: block.items.map((item) => ({ text: runsToInlines(item) })), ...S.bullets, ...(indent ? { margin: [indent + 8, 0, 0, 6] } : {}) };
}

function sectionHeading(text: string): Node {
  return { text: text.toLocaleUpperCase(), ...S.h2 };
}

/**
 * A table whose rows do not split across pages and whose header repeats on every page, under an
 * optional caption (a section heading) that must never be left alone at the foot of a page.
 *
 * A table that surely fits in part of a page (`rowHeights` are estimates, erring tall) is kept whole
 * with its caption in one unbreakable block: it is never split, and pdfmake lays its rows out in one
 * context instead of one per row. A longer table carries its caption as a header row, so that
 * `keepWithHeaderRows` keeps it with the first body row. If any row could be taller than a page, rows
 * may split rather than have pdfmake drop them.
 */
function dataTable(
  widths: (number | string)[],
  header: string[],
  rows: Node[][],
  opts: { caption?: string; rowHeights?: number[] } = {},
): Node {
  const heights = opts.rowHeights ?? [];
  const head = header.map((h) => ({ text: h.toLocaleUpperCase(), ...S.th }));
  const dontBreakRows = !heights.some((h) => h > ROW_LIMIT);
  if (opts.caption && heights.length === rows.length && CAPTION_HEIGHT + HEAD_HEIGHT + heights.reduce((a, b) => a + b, 0) <= KEEP_LIMIT) {
    return {
      unbreakable: true,
      stack: [
        { text: opts.caption.toLocaleUpperCase(), ...S.h2, margin: [0, 18, 0, 7] },
        { table: { headerRows: 1, dontBreakRows, widths, body: [head, ...rows] }, layout: TABLE_LAYOUTS.pack },
      ],
    };
  }
  const body: Node[][] = [];
  if (opts.caption) body.push([{ text: opts.caption.toLocaleUpperCase(), ...S.h2, colSpan: widths.length, margin: [0, 10, 0, 2] }, ...widths.slice(1).map(() => ({}))]);
  body.push(head, ...rows);
  return {
    table: { headerRows: opts.caption ? 2 : 1, keepWithHeaderRows: 1, dontBreakRows, widths, body },
    layout: opts.caption ? TABLE_LAYOUTS.captioned : TABLE_LAYOUTS.pack,
  };
}

/* ---------- the pack ---------- */

export interface PackWriterOptions {
  /** The numbered copy this PDF is ("Copy 3 of 5 — recipient" on every page). */
  copy?: PackCopy;
  /** The mission's emblem for the cover, checked by core/pack/emblem.ts. */
  emblem?: Emblem | null;
}

/** The pack's PDF: a pdfmake document definition written from a PackDocument (core/document/pack.ts). */
export function buildPackDocument(data: WorkspaceData, options: PackOptions, now: Date = new Date(), writer: PackWriterOptions = {}): PackPdf {
  return packDefinition(packDocument(data, options, now), writer);
}

export function packDefinition(doc: PackDocument, writer: PackWriterOptions = {}): PackPdf {
  const content = doc.content;
  const locale = doc.locale;
  /** A fixed word of the pack in its language (documents.json). */
  const w = (key: MessageKey, values?: MessageValues) => translate(locale, key, values);
  const longDate = (iso: string) => formatLongDate(iso, locale);
  const shortDate = (iso: string) => formatShortDate(iso, locale);
  /** Width of the text block on the chosen paper (estimates use the narrower A4, see TEXT_WIDTH). */
  const pageTextWidth = (doc.paper === 'Letter' ? 612 : 595.28) - PAGE_MARGINS[0] - PAGE_MARGINS[2];
  // Anything above the lowest level is marked in red, as classified paper is.
  const bannerColor = doc.classified ? OVERDUE : NAVY;
  const copyText = writer.copy ? copyLine(writer.copy, locale) : '';
  let estimatedChars = 0;
  let pageCount = 0;

  /* cover */
  const emblem = writer.emblem ? emblemImage(writer.emblem) : null;
  const emblemBox = emblem ? fitInside(emblem.width, emblem.height, 64, 64) : null;
  const CLASSIFICATION = w('doc.cover.classification');
  const coverRows: [string, string][] = [
    ...(doc.fileReference ? ([[w('doc.cover.fileReference'), doc.fileReference]] as [string, string][]) : []),
    [w('doc.cover.from'), orDash(doc.from)],
    ...(doc.to.length ? ([[w('doc.cover.to'), doc.to.join('; ')]] as [string, string][]) : []),
    ...(doc.info.length ? ([[w('doc.cover.info'), doc.info.join('; ')]] as [string, string][]) : []),
    [w('doc.cover.period'), doc.period],
    [w('doc.cover.preparedBy'), orDash(doc.preparedBy)],
    [w('doc.cover.issueDate'), longDate(doc.issueDate)],
    [CLASSIFICATION, doc.banner],
    [w('doc.cover.contents'), w('doc.cover.counts', { briefings: content.counts.briefings, statements: content.counts.statements, actions: content.counts.actions })],
    ...(doc.distribution.length ? ([[w('doc.cover.distribution'), doc.distribution.map((d, i) => `${i + 1}. ${d}`).join('\n')]] as [string, string][]) : []),
  ];
  const cover: Node[] = [
    ...(emblem && emblemBox ? [{ image: EMBLEM, width: emblemBox.width, height: emblemBox.height, margin: [0, 0, 0, 10] }] : []),
    ...(doc.mission ? [{ text: doc.mission, ...S.mission }] : []),
    { text: w('doc.cover.eyebrow').toLocaleUpperCase(locale), ...S.eyebrow, margin: [0, emblem ? 40 : 72, 0, 10] },
    { text: doc.title, ...S.coverTitle },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 2, lineColor: NAVY }], margin: [0, 14, 0, 18] },
    ...(doc.recipient ? [{ text: doc.recipient, ...S.coverRecipient }] : []),
    ...(copyText ? [{ text: copyText, ...S.coverCopy }] : []),
    {
      margin: [0, 26, 0, 0],
      table: {
        dontBreakRows: true,
        widths: [112, '*'],
        body: coverRows.map(([k, v]) => [
          { text: k.toLocaleUpperCase(locale), ...S.coverKey },
          k === CLASSIFICATION ? { text: v, ...S.coverValue, bold: true, color: bannerColor } : { text: v, ...S.coverValue },
        ]),
      },
      layout: TABLE_LAYOUTS.cover,
    },
  ];

  /* briefings */
  const briefingNodes: Node[] = doc.briefings.flatMap((section) => {
    const d = section.doc;
    estimatedChars += d.summary.reduce((n, b) => n + blockText(b).length, 0);
    for (const g of d.statements) for (const s of g.statements) estimatedChars += s.text.length + 40;
    estimatedChars += section.actions.length * (doc.tracker ? 20 : 120);
    return briefingSection(section, doc.briefings.length);
  });

  /** A hanging paragraph number in the margin, out of the flow, first in the text (copied text reads "3. …"). */
  function numbered(n: number | undefined, node: Node, height: number, top = 0): Node {
    if (n === undefined) return node;
    // Kept whole, or the number could stay at the foot of a page while its paragraph moves on.
    return { ...(height <= KEEP_LIMIT ? { unbreakable: true } : {}), stack: [{ text: `${n}.`, ...S.paraNumber, relativePosition: { x: 0, y: top + 0.8 } }, node] };
  }

  function briefingSection(section: PackBriefingSection, total: number): Node[] {
    const d = section.doc;
    const h = d.header;
    const nums = section.numbers;
    // Each briefing opens a page, so its heading and details need no keeping-together.
    const nodes: Node[] = [
      {
        text: w('doc.briefing.eyebrow', { index: section.index, total, date: longDate(h.startsAt) }).toLocaleUpperCase(locale),
        ...S.eyebrow,
        margin: [0, 0, 0, 4],
        pageBreak: 'before',
      },
      { text: h.title, ...S.h1, id: section.anchor, outline: true, outlineText: w('doc.briefing.outline', { date: longDate(h.startsAt), title: h.title }) },
      ...detailsBlock(section),
    ];
    if (d.summary.length) {
      const blocks = d.summary.map((b, i) => numbered(nums?.summary[i] ?? undefined, blockNode(b, nums ? NUMBERED_INDENT : 0), blockHeight(b)));
      nodes.push(...keepWithNext(sectionHeading(w('doc.section.summary')), blocks, blockHeight(d.summary[0])));
    }
    nodes.push(...attendanceNodes(section));
    if (d.statements.length) d.statements.forEach((g, i) => nodes.push(...speakerNodes(g, nums, i === 0 ? sectionHeading(w('doc.section.statements')) : undefined)));
    nodes.push(...decisionNodes(section));
    if (section.comment) {
      const blocks = d.comment.map((b, i) => numbered(nums?.comment[i] ?? undefined, blockNode(b, nums ? NUMBERED_INDENT : 0), blockHeight(b)));
      nodes.push(...keepWithNext(sectionHeading(w('doc.section.comment')), blocks, blockHeight(d.comment[0])));
    }
    if (section.actions.length) nodes.push(...(doc.tracker ? actionsReference(section) : [briefingActionsTable(section.actions)]));
    nodes.push(...followsUpNodes(section));
    return nodes;
  }

  /**
   * The briefing's particulars: label in the gutter, value beside it, a rule above and below. Not a
   * table: 200 briefings would make 1,400 table rows, and pdfmake's tables cost several times a text
   * with a detached label.
   */
  function detailsBlock(section: PackBriefingSection): Node[] {
    const h = section.doc.header;
    const rows: [string, string][] = [
      [w('doc.detail.date'), h.when],
      [w('doc.detail.place'), orDash(h.place)],
      [w('doc.detail.format'), h.format],
      [w('doc.detail.organisers'), orDash(h.organisers.map((o) => o.path).join('; '))],
      [w('doc.detail.audience'), orDash(h.audience)],
      [CLASSIFICATION, [h.classification.label, h.classification.caveat].filter(Boolean).join(' // ')],
      [w('doc.detail.tags'), orDash(h.tags.join(', '))],
    ];
    const rule = (top: number, bottom = 0): Node => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: pageTextWidth, y2: 0, lineWidth: 0.8, lineColor: RULE }], margin: [0, top, 0, bottom] });
    // Nodes of the briefing's own flow rather than a stack: every level of nesting costs pdfmake a
    // measure and a layout pass, and a deeper style stack for every word inside.
    return [
      rule(10),
      // Label and value side by side: the label is out of the flow, so it sits at the top of the value
      // that follows it (no stack per row: 1,400 fewer nodes in a 200-briefing pack).
      ...rows.flatMap(([k, v]): Node[] => [
        { text: k.toLocaleUpperCase(locale), ...S.dt, relativePosition: { x: 0, y: 5.4 } },
        { text: v, ...S.dd, margin: [DETAILS_GUTTER, 3.5, 0, 0], ...(k === CLASSIFICATION && h.classification.rank > 0 ? { bold: true } : {}) },
      ]),
      rule(5, 4),
    ];
  }

  /** Who was present (the document's attendance): one run-in labelled paragraph per group of people. */
  function attendanceNodes(section: PackBriefingSection): Node[] {
    const lines = attendanceLines(section.doc, locale);
    if (!lines.length) return [];
    const nodes: Node[] = lines.map((l) => ({ text: [{ text: `${labelled(locale, l.label)} `, bold: true }, l.names], ...S.body }));
    return keepWithNext(sectionHeading(w('doc.section.attendance')), nodes, approxHeight(`${lines[0]!.label}: ${lines[0]!.names}`, TEXT_WIDTH, 10));
  }

  /**
   * A speaker's statements. The name and role never end a page alone: they share an unbreakable block
   * with the first statement (and the "Statements" heading for the first speaker), unless that
   * statement is so long that keeping it whole could overflow a page.
   */
  function speakerNodes(g: SpeakerSection, nums: PackBriefingSection['numbers'], lead?: Node): Node[] {
    const name = g.speaker?.name ?? w('doc.speakerNotRecorded');
    const role = g.speaker?.role ?? '';
    const head: Node[] = [
      ...(lead ? [lead] : []),
      { text: name, ...S.speaker, margin: [0, lead ? 0 : 10, 0, 0] },
      ...(role ? [{ text: role, ...S.speakerRole }] : []),
    ];
    const nodes = g.statements.map((s) => {
      const n = nums?.statements[s.id];
      return numbered(n, statementNode(s, n === undefined ? STATEMENT_INDENT : NUMBERED_INDENT), approxHeight(s.text, TEXT_WIDTH - NUMBERED_INDENT, 10), 5);
    });
    const first = g.statements[0];
    if (first && approxHeight(first.text, TEXT_WIDTH - STATEMENT_INDENT, 10) <= KEEP_LIMIT) {
      return [{ unbreakable: true, stack: [...head, nodes[0]!] }, ...nodes.slice(1)];
    }
    return [{ unbreakable: true, stack: head }, ...nodes];
  }

  /**
   * A statement: one paragraph under its speaker, opening with its kind (FIGURE, REQUEST…) as a coloured
   * run-in label, the way a reporting cable flags its paragraphs. One text node per statement: a
   * 400-page pack has thousands, and a label in a gutter (a second node placed beside the text) cost
   * pdfmake a measure and a layout pass each and narrowed every line.
   */
  function statementNode(s: StatementBlock, indent: number): Node {
    const k = KIND_STYLE[s.kind];
    const label = kindFlag(locale, s.kind);
    const margin = indent === STATEMENT_INDENT ? {} : { margin: [indent, 5, 0, 0] };
    if (!label) return { text: s.text, ...S.statement, ...margin };
    return { text: [{ text: `${label} `, ...S.kind, color: k.color }, ` ${s.text}`], ...S.statement, ...margin };
  }

  /**
   * One text with runs (flag, title, notes, origin on their own lines) rather than a stack of texts:
   * a pack has a thousand or more such cells, and each node costs pdfmake a measure and a layout pass.
   */
  function actionTitleCell(a: PackAction, origin = ''): Node {
    const runs: Node[] = [];
    if (a.kind === 'event') runs.push({ text: `${w('doc.flag.event').toLocaleUpperCase(locale)}\n`, ...S.flag, color: KIND_STYLE.announcement.color });
    runs.push({ text: a.title, bold: true });
    if (a.notes.trim()) runs.push({ text: `\n${a.notes.trim()}`, ...S.note });
    if (a.heldLine) runs.push({ text: `\n${a.heldLine}`, ...S.note, color: KIND_STYLE.decision.color, bold: true });
    if (origin) runs.push({ text: `\n${origin}`, ...S.note });
    return { text: runs, ...S.td };
  }

  function actionRowHeight(a: PackAction, width: number): number {
    return approxHeight(a.title, width, 8.8) + (a.notes.trim() ? approxHeight(a.notes, width, 8) : 0) + 24;
  }

  /** The briefing's follow-ups and events (a pack without the tracker annex); an event says so in its title cell, so no type column. */
  function briefingActionsTable(actions: PackAction[]): Node {
    const widths = ['*', 100, WHEN_WIDTH];
    return dataTable(
      widths,
      [w('doc.col.followUpEvent'), w('doc.col.ownerPlace'), w('doc.col.dueStatus')],
      actions.map((a) => [actionTitleCell(a), ownerCell(a), whenCell(a)]),
      { caption: w('doc.section.actions'), rowHeights: actions.map((a) => actionRowHeight(a, starWidth(widths))) },
    );
  }

  /** With the tracker annex, a briefing's follow-ups are printed there only: here, their numbers in it. */
  function actionsReference(section: PackBriefingSection): Node[] {
    const annex = doc.annexes.find((a) => a.id === 'annex-tracker')!;
    const numbers = section.actions.map((a) => a.number).filter((n): n is number => n !== null);
    const overdue = section.actions.filter((a) => a.overdue).length;
    const line = w('doc.actions.reference', {
      count: section.actions.length,
      letter: annex.letter,
      annex: annex.title,
      numbered: numbers.length,
      numbers: compactRanges(numbers),
      overdue,
      date: longDate(doc.issueDate),
    });
    return [{ unbreakable: true, stack: [sectionHeading(w('doc.section.actions')), { text: line, ...S.body, linkToDestination: annex.id }] }];
  }

  /** The events announced earlier that this briefing kept: what, when, and who announced it where. */
  function followsUpNodes(section: PackBriefingSection): Node[] {
    const others = section.followsUpNotShown;
    if (!section.followsUp.length && !others) return [];
    const nodes: Node[] = section.followsUp.map((f) => ({
      text: [{ text: f.title, bold: true }, f.when ? ` (${f.when})` : '', { text: `\n${f.origin}`, ...S.note }],
      ...S.body,
    }));
    if (others) nodes.push({ text: w('doc.followsUp.notShown', { count: others }), ...S.note });
    return keepWithNext(sectionHeading(w('doc.section.followsUp')), nodes, 40);
  }

  /** The briefing's decisions, numbered, each with who announced it. */
  function decisionNodes(section: PackBriefingSection): Node[] {
    const decisions = section.doc.decisions;
    if (!decisions.length) return [];
    // The number hangs in the margin, out of the flow (as the details' labels do), and comes first in the
    // text, so copied text reads "1. The parties agreed… — Rustam Nazarzoda, …" (a list marker would come last).
    const items: Node[] = decisions.map((d) => {
      const who = decidedBy(d.speaker);
      return {
        stack: [
          { text: `${d.number}.`, bold: true, color: KIND_STYLE.decision.color, relativePosition: { x: 0, y: 0 } },
          { text: [d.text, ...(who ? [{ text: `\n— ${who}`, ...S.note }] : [])], ...S.body, margin: [STATEMENT_INDENT, 0, 0, 6] },
        ],
      };
    });
    return keepWithNext(sectionHeading(w('doc.section.decisions')), items, approxHeight(decisions[0]!.text, TEXT_WIDTH, 10));
  }

  function ownerCell(a: PackAction): Node {
    return { text: orDash(a.kind === 'event' ? a.place || a.owner : a.owner), ...S.td };
  }

  /** Due date over status in one cell (one column fewer in every follow-up table); overdue in red. */
  function whenCell(a: PackAction): Node {
    const runs: Node[] = [
      { text: a.due ? shortDate(a.due) : DASH, ...(a.overdue ? { bold: true, color: OVERDUE } : {}) },
      { text: `\n${a.statusLabel}`, color: MUTED },
    ];
    if (a.overdue) runs.push({ text: `\n${w('doc.flag.overdue').toLocaleUpperCase(locale)}`, ...S.flag, color: OVERDUE });
    return { text: runs, ...S.td };
  }

  /* annexes */
  const annexes: Node[] = [];
  const annexHeading = (annex: PackAnnex, lead: string): Node[] => [
    { text: w('doc.annex.name', { letter: annex.letter }).toLocaleUpperCase(locale), ...S.eyebrow, margin: [0, 0, 0, 4], pageBreak: 'before' },
    { text: annex.title, ...S.h1, id: annex.id, outline: true, outlineText: w('doc.annex.outline', { letter: annex.letter, title: annex.title }) },
    { text: lead, ...S.lead },
  ];

  for (const annex of doc.annexes) {
    if (annex.id === 'annex-tracker' && doc.tracker) {
      const rows = doc.tracker;
      const widths = [NUMBER_COLUMN, WHEN_WIDTH, '*', 100];
      annexes.push(
        ...annexHeading(
          annex,
          w('doc.tracker.lead', { date: longDate(doc.issueDate), overdue: doc.overdueCount }),
        ),
        rows.length
          ? dataTable(
              widths,
              [w('doc.col.number'), w('doc.col.dueStatus'), w('doc.col.action'), w('doc.col.ownerPlace')],
              rows.map((r) => {
                const origin = [r.briefing ? `${r.briefing.title} (${shortDate(r.briefing.startsAt)})` : '', fromStatementText(r.from, locale)].filter(Boolean);
                return [{ text: `${r.action.number}.`, ...S.td, color: MUTED }, whenCell(r.action), actionTitleCell(r.action, origin.join(', ')), ownerCell(r.action)];
              }),
              { rowHeights: rows.map((r) => actionRowHeight(r.action, starWidth(widths)) + 24) },
            )
          : { text: w('doc.tracker.empty'), ...S.body },
      );
    } else if (annex.id === 'annex-decisions' && doc.decisions) {
      const decisions = doc.decisions;
      const widths = [WHEN_WIDTH, '*'];
      annexes.push(
        ...annexHeading(annex, w('doc.decisions.lead', { count: decisions.length })),
        dataTable(
          widths,
          [w('doc.col.date'), w('doc.col.decision')],
          decisions.map((d) => {
            const origin = [d.briefing.title, d.decidedBy].filter(Boolean).join('  ·  ');
            return [
              { text: shortDate(d.briefing.startsAt), ...S.td },
              { text: [{ text: d.text }, { text: `\n${origin}`, ...S.note }], ...S.td },
            ];
          }),
          { rowHeights: decisions.map((d) => approxHeight(d.text, starWidth(widths), 8.8) + 24) },
        ),
      );
    } else if (annex.id === 'annex-people' && doc.people) {
      const people = doc.people;
      annexes.push(
        ...annexHeading(annex, w('doc.people.lead')),
        people.hasPeople
          ? dataTable(
              [150, '*', 70],
              [w('doc.col.name'), w('doc.col.titleRole'), w('doc.col.country')],
              // People under their organisation's path (core/pack/people-annex.ts), other spellings beside the name.
              people.groups.flatMap((g) => [
                [{ text: g.path || w('doc.people.noOrganisation'), ...S.td, bold: true, colSpan: 3, fillColor: '#eef1f6' }, {}, {}],
                ...g.people.map((p) => [
                  { text: [{ text: p.name, bold: true }, ...(p.aliases.length ? [{ text: `\n${w('doc.people.alsoWritten', { aliases: p.aliases.join('; ') })}`, ...S.note }] : [])], ...S.td },
                  { text: orDash(p.title), ...S.td },
                  { text: orDash(p.country), ...S.td },
                ]),
              ]),
              { caption: w('doc.col.people') },
            )
          : { text: w('doc.people.noSpeakers'), ...S.body },
        people.hasOrganisations
          ? dataTable(
              ['*', 70, 84],
              [w('doc.col.organisation'), w('doc.col.acronym'), w('doc.col.country')],
              people.organisations.map(({ organisation: o, path }) => [
                { text: path, ...S.td, bold: true },
                { text: orDash(o.acronym), ...S.td },
                { text: orDash(o.country), ...S.td },
              ]),
              { caption: w('doc.col.organisations') },
            )
          : { text: w('doc.people.noOrganisations'), ...S.body },
      );
    }
  }

  /*
   * Table of contents (only for more than three entries: core/document/pack.ts): our own rather than
   * pdfmake's `toc` (a table), so an entry can carry the briefing's date beside its title. Each entry is
   * a title with its date and page number placed out of the flow at its left and right (no table: a
   * 200-entry contents list was 600 table cells). `pageReference` fills in the page number (and links
   * it). The rest of the entry links through one transparent image laid over it: pdfkit makes one link
   * annotation per word, and a 200-entry contents page linked word by word carried thousands of
   * annotations (a tenth of the time).
   */
  const LEAD_WIDTH = 84;
  const NUMBER_WIDTH = 30;
  const titleWidth = pageTextWidth - LEAD_WIDTH - NUMBER_WIDTH - 24;
  /** Height of a contents line: Noto's line box is 1.362 em, times the document's line height. */
  const TOC_LINE = S.tocEntry.fontSize * 1.362 * 1.22;
  const entries = doc.contents ?? [];
  const firstAnnex = entries.findIndex((e) => e.id.startsWith('annex-'));
  const tocRow = (e: ContentsEntry, i: number): Node => {
    const lines = Math.max(1, Math.ceil((e.label.length * 10.5 * 0.52) / titleWidth));
    return {
      // The annexes stand apart from the briefings; a title over two lines never splits.
      margin: [0, i === firstAnnex && i > 0 ? 12 : 0, 0, 0],
      ...(lines > 1 ? { unbreakable: true } : {}),
      stack: [
        {
          image: LINK_AREA,
          width: pageTextWidth - NUMBER_WIDTH - 6,
          height: lines * 10.5 * 1.36 * 1.22 + 4,
          linkToDestination: e.id,
          relativePosition: { x: 0, y: 2 },
        },
        { text: e.lead, ...S.tocLead, relativePosition: { x: 0, y: 5.2 } },
        { text: e.label, ...S.tocEntry, margin: [LEAD_WIDTH + 12, 4, NUMBER_WIDTH + 12, 4] },
        // After the title in reading order (copied text reads date, title, page), on its last line.
        { text: '', pageReference: e.id, ...S.tocNumber, relativePosition: { x: 0, y: -(TOC_LINE + 4) } },
      ],
    };
  };
  const toc: Node[] = doc.contents ? [{ text: w('doc.toc'), ...S.h1, margin: [0, 0, 0, 14], pageBreak: 'before' }, ...entries.map(tocRow)] : [];

  /* running heads */
  const banner = doc.banner;

  /*
   * Running heads are laid out on every page, each of pdfmake's page hooks in a context of its own, so
   * they are all in the footer: its first line is the folio, its second the bottom banner (lines take
   * their alignment from their first runs), and the top banner, the copy line and both rules are placed
   * from it at page coordinates. The page background (the other per-page hook) stays unset.
   */
  const runningTitle = doc.title.length > 80 ? `${doc.title.slice(0, 78).trimEnd()}…` : doc.title;
  const footer = (page: number, count: number, size: { width: number; height: number }): Node => {
    pageCount = count;
    // The footer's origin is the top of the bottom margin.
    const top = PAGE_MARGINS[3] - size.height;
    const right = size.width - PAGE_MARGINS[2];
    const bottomBanner = { text: banner, ...S.banner, color: bannerColor };
    return {
      stack: [
        {
          canvas: [
            { type: 'line', x1: PAGE_MARGINS[0], y1: top + 46, x2: right, y2: top + 46, lineWidth: 0.5, lineColor: RULE },
            { type: 'line', x1: PAGE_MARGINS[0], y1: 10, x2: right, y2: 10, lineWidth: 0.5, lineColor: RULE },
          ],
          absolutePosition: { x: 0, y: 0 },
        },
        // Centred on the page, which is centred on the text block (the side margins are equal).
        { text: banner, ...S.banner, color: bannerColor, absolutePosition: { x: 0, y: top + 26 } },
        ...(copyText ? [{ text: copyText, ...S.copy, absolutePosition: { x: PAGE_MARGINS[0], y: top + 51 } }] : []),
        {
          margin: [PAGE_MARGINS[0], 13, PAGE_MARGINS[2], 0],
          text:
            page === 1
              ? [{ text: ' \n', ...S.folio }, bottomBanner]
              : [
                  { text: `${runningTitle}${doc.fileReference ? `  ·  ${doc.fileReference}` : ''}     `, ...S.folio, alignment: 'right' },
                  { text: `${w('doc.folio', { page, count })}\n`, ...S.folio, color: INK, alignment: 'right' },
                  bottomBanner,
                ],
          lineHeight: 1.4,
        },
      ],
    };
  };

  const definition = {
    pageSize: doc.paper === 'Letter' ? 'LETTER' : 'A4',
    pageMargins: PAGE_MARGINS,
    language: doc.language,
    info: {
      title: doc.title,
      author: doc.preparedBy || 'Attaché',
      subject: `${w('doc.pdf.subject', { count: content.counts.briefings })}, ${doc.period}${doc.recipient ? `, ${doc.recipient}` : ''}${
        copyText ? `, ${copyText}` : ''
      } (${banner})`,
      keywords: [w('doc.pdf.keyword'), doc.fileReference, content.levelLabel, ...doc.tags].filter(Boolean).join(', '),
      creator: 'Attaché',
      producer: 'Attaché (pdfmake)',
      creationDate: doc.creationDate,
    },
    ...(doc.watermark ? { watermark: { text: doc.watermark, color: MUTED, opacity: 0.12, bold: true, font: SERIF } } : {}),
    footer,
    images: { [LINK_AREA]: TRANSPARENT_PNG, ...(emblem ? { [EMBLEM]: emblem.dataUrl } : {}) },
    content: [...cover, ...toc, ...briefingNodes, ...annexes],
    defaultStyle: { font: SERIF, fontSize: 10, lineHeight: 1.22, color: INK },
  };

  return { definition, doc, content, estimatedChars, pageCount: () => pageCount };
}

/** The attendance lines of a briefing: our delegation, the others by organisation (speakers marked), the groups. */
export function attendanceLines(doc: BriefingDocument, locale: Locale = 'en'): { label: string; names: string }[] {
  const a = doc.attendance;
  if (a.empty) return [];
  const nameOf = (p: AttendeeRef, withOrganisation: boolean) => {
    const detail = [p.title, withOrganisation && p.organisation ? p.organisation.name : ''].filter(Boolean).join(', ');
    const person = `${p.name}${detail ? `, ${detail}` : ''}`;
    return p.speaker ? translate(locale, 'doc.attendance.speaker', { person }) : person;
  };
  const lines: { label: string; names: string }[] = [];
  if (a.delegation.length) lines.push({ label: translate(locale, 'doc.attendance.delegation'), names: a.delegation.map((p) => nameOf(p, true)).join('; ') });
  for (const g of a.others) lines.push({ label: g.organisation ? g.organisation.name : translate(locale, 'doc.attendance.others'), names: g.people.map((p) => nameOf(p, false)).join('; ') });
  if (a.groups.length) lines.push({ label: translate(locale, 'doc.attendance.alsoPresent'), names: a.groups.join('; ') });
  return lines;
}

/** "3, 5–7, 12": tracker numbers as a reader cites them. */
export function compactRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/** Scale a width × height box to fit inside max × max, keeping its proportions. */
function fitInside(width: number, height: number, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(maxWidth / width, maxHeight / height, 1);
  return { width: Math.round(width * scale * 100) / 100, height: Math.round(height * scale * 100) / 100 };
}

/** Keep a section heading with the first block that follows it, if that block surely fits on a page. */
function keepWithNext(heading: Node, blocks: Node[], firstHeight: number): Node[] {
  const [first, ...rest] = blocks;
  if (!first) return [heading];
  if (firstHeight > KEEP_LIMIT) return [heading, ...blocks];
  return [{ unbreakable: true, stack: [heading, first] }, ...rest];
}

function blockHeight(block: Block | undefined): number {
  if (!block) return 0;
  return approxHeight(blockText(block), TEXT_WIDTH - (block.type === 'list' ? 20 : 0), 10);
}

/** Width left for the '*' column of a table (CELL_GAP on each inner side of a column). */
function starWidth(widths: (number | string)[]): number {
  const fixed = widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
  return TEXT_WIDTH - fixed - (widths.length - 1) * 2 * CELL_GAP;
}



/*
 * Styles are spread into the nodes (`...S.td`) rather than named (`style: 'td'`): pdfmake resolves some
 * twenty properties for every word through its style stack and allocates on every named-style lookup,
 * which made named styles cost about a sixth of a 400-page pack's time.
 *
 * Letter-spacing stays under 0.08 em: from about 0.1 em poppler and most viewers take the gaps for
 * word breaks, and a banner would copy and search as "S E C R E T".
 */
const S = {
  // One family, two faces: Noto Serif regular for everything the reader reads, bold for titles, names
  // and emphasis, and bold in small tracked capitals for every label, banner and column head. Each
  // embedded face costs a parse, a shaping cache and a subset per pack, and every switch between faces
  // costs pdfmake and pdfkit per word: a sans for labels made the pack a sixth slower (bench:pack).
  eyebrow: { font: SERIF, fontSize: 7.5, bold: true, color: MUTED, characterSpacing: 0.45 },
  coverTitle: { font: SERIF, fontSize: 26, bold: true, color: NAVY, lineHeight: 1.12 },
  coverRecipient: { font: SERIF, fontSize: 13, color: MUTED },
  coverKey: { font: SERIF, fontSize: 7, bold: true, color: MUTED, characterSpacing: 0.4, margin: [0, 2.5, 0, 0] },
  coverValue: { font: SERIF, fontSize: 11, color: INK },
  h1: { font: SERIF, fontSize: 17, bold: true, color: NAVY, lineHeight: 1.12 },
  h2: { font: SERIF, fontSize: 8.5, bold: true, color: NAVY, characterSpacing: 0.5, margin: [0, 16, 0, 6] },
  lead: { font: SERIF, fontSize: 10, color: MUTED, margin: [0, 6, 0, 10] },
  // Ragged right: pdfmake justifies by spreading space between inlines, so a bold run followed by a
  // comma would print as "Tajikistan ,".
  body: { margin: [0, 0, 0, 6] },
  bullets: { margin: [8, 0, 0, 6] },
  dt: { font: SERIF, fontSize: 6.8, bold: true, color: MUTED, characterSpacing: 0.4 },
  dd: { font: SERIF, fontSize: 9, color: INK, lineHeight: 1.15 },
  speaker: { font: SERIF, fontSize: 11.5, bold: true, color: NAVY },
  speakerRole: { font: SERIF, fontSize: 9, color: MUTED, margin: [0, 1, 0, 1] },
  kind: { font: SERIF, fontSize: 6.8, bold: true, characterSpacing: 0.4 },
  statement: { fontSize: 10, margin: [STATEMENT_INDENT, 5, 0, 0] },
  th: { font: SERIF, fontSize: 6.8, bold: true, color: MUTED, characterSpacing: 0.4 },
  td: { font: SERIF, fontSize: 8.8, color: INK, lineHeight: 1.15 },
  note: { fontSize: 8, color: MUTED },
  flag: { font: SERIF, fontSize: 6.3, bold: true, characterSpacing: 0.35 },
  tocLead: { font: SERIF, fontSize: 9, color: MUTED },
  tocEntry: { font: SERIF, fontSize: 10.5, color: INK },
  tocNumber: { font: SERIF, fontSize: 10.5, color: INK, alignment: 'right' },
  // At least 10 pt bold (issue 14): a registry reads the marking at arm's length.
  banner: { font: SERIF, fontSize: 10, bold: true, alignment: 'center', characterSpacing: 0.5 },
  copy: { font: SERIF, fontSize: 7.5, bold: true, color: INK, characterSpacing: 0.3 },
  coverCopy: { font: SERIF, fontSize: 11, bold: true, color: INK, margin: [0, 8, 0, 0] },
  mission: { font: SERIF, fontSize: 12, bold: true, color: NAVY, characterSpacing: 0.3 },
  paraNumber: { font: SERIF, fontSize: 9, bold: true, color: MUTED },
  folio: { font: SERIF, fontSize: 8, color: MUTED },
} satisfies Record<string, Record<string, unknown>>;

/** Table layouts, set on the tables directly (no registration with a pdfmake instance needed). */
/** Outer columns sit flush with the text block; 12 pt between columns. */
const CELL_GAP = 6;
const flushLeft = (i: number) => (i === 0 ? 0 : CELL_GAP);
const flushRight = (i: number, node: { table: { widths: unknown[] } }) => (i === node.table.widths.length - 1 ? 0 : CELL_GAP);

/**
 * Table layouts, set on the tables directly (no registration with a pdfmake instance needed). Data
 * tables are ruled the way book typography rules them: a rule above and below the column heads and one
 * closing the table, no vertical rules, rows set apart by space. pdfmake draws every horizontal rule as
 * one stroke per column, so rules between the hundreds of tracker rows were thousands of strokes.
 */
export const TABLE_LAYOUTS: Record<string, Record<string, unknown>> = {
  pack: {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.9 : i === 1 ? 0.5 : 0),
    vLineWidth: () => 0,
    hLineColor: () => MUTED,
    paddingLeft: flushLeft,
    paddingRight: flushRight,
    paddingTop: (row: number) => (row === 0 ? 4 : 5),
    paddingBottom: (row: number) => (row === 0 ? 3.5 : 4),
  },
  captioned: {
    // Row 0 is the caption (a section heading), row 1 the column heads.
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 1 || i === node.table.body.length ? 0.9 : i === 2 ? 0.5 : 0),
    vLineWidth: () => 0,
    hLineColor: () => MUTED,
    paddingLeft: flushLeft,
    paddingRight: flushRight,
    paddingTop: (row: number) => (row === 0 ? 0 : row === 1 ? 4 : 5),
    paddingBottom: (row: number) => (row === 1 ? 3.5 : 4),
  },
  cover: {
    hLineWidth: (i: number) => (i === 0 ? 0 : 0.4),
    vLineWidth: () => 0,
    hLineColor: () => RULE,
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 7,
    paddingBottom: () => 7,
  },
};
