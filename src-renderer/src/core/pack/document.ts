/**
 * The pack as a pdfmake document definition: pure data built from WorkspaceData and PackOptions, no
 * pdfmake runtime. Layout rules that keep pdfmake linear (400 pages in seconds): every briefing and
 * annex starts with `pageBreak: 'before'` (never `pageBreakBefore`, which re-lays-out the whole
 * document per break), and headings are kept with their first lines by small `unbreakable` stacks.
 */
import { levelLabel, levelRank } from '../classification';
import { dueWindow, formatLongDate, formatLongDateTime } from '../dates';
import type { Action, ActionStatus, Briefing, Organisation, Person, Statement, StatementKind } from '../model';
import { parseRichText, type Run } from '../richtext';
import { SANS, SERIF } from './fonts';
import { effectiveCreationDate, effectiveIssueDate, type PackOptions } from './options';
import { selectPack, type PackBriefing, type PackContent, type SpeakerGroup } from './select';

/** A pdfmake content node. Kept loose on purpose: pdfmake 0.3 ships no types. */
export type Node = string | Node[] | { [key: string]: unknown };

export interface PackDocument {
  /** The pdfmake document definition (fonts must be registered under fonts.ts' names). */
  definition: { content: Node[]; [key: string]: unknown };
  /** What went in: counts, excluded briefings, banner… (the same object the dialog shows). */
  content: PackContent;
  /** Characters of body text, for progress estimates. */
  estimatedChars: number;
  /** Number of pages, known once pdfmake has laid the document out (0 before). */
  pageCount: () => number;
}

/* ---------- palette and measures: one place, so the pages stay consistent ---------- */

const INK = '#1b1f24';
const NAVY = '#1d3557';
const MUTED = '#5c6670';
const RULE = '#c9d0d8';
const FILL = '#eef2f6';
const OVERDUE = '#a4262c';

export const KIND_STYLE: Record<StatementKind, { label: string; color: string }> = {
  statement: { label: '', color: INK },
  figure: { label: 'FIGURE', color: '#1f5f8b' },
  proposal: { label: 'PROPOSAL', color: '#2e6b3a' },
  request: { label: 'REQUEST', color: '#9a4a12' },
  announcement: { label: 'ANNOUNCEMENT', color: '#5b3f8c' },
};

const STATUS_LABEL: Record<ActionStatus, string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' };

const FORMAT_LABEL: Record<string, string> = {
  briefing: 'Briefing',
  meeting: 'Meeting',
  conference: 'Conference',
  call: 'Call',
  visit: 'Visit',
  demarche: 'Démarche',
  other: 'Other',
};

const PAGE_MARGINS: [number, number, number, number] = [64, 70, 64, 66];
const DASH = '—';

/* ---------- small builders ---------- */

const orDash = (s: string | undefined | null) => (s && s.trim() ? s : DASH);

export function organisationName(o: Organisation | null | undefined): string {
  if (!o) return '';
  return o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name;
}

/** "Director, Drug Control Agency (DCA)" */
export function speakerLine(person: Person | null, organisation: Organisation | null): string {
  return [person?.title, organisationName(organisation)].filter((s) => s && s.trim()).join(', ');
}

function runsToInlines(runs: Run[]): Node[] {
  return runs.map((r) => (r.bold ? { text: r.text, bold: true } : { text: r.text }));
}

/** Summary markup → pdfmake paragraphs and bullet lists (text only: nothing in it is interpreted). */
export function richTextNodes(source: string): Node[] {
  return parseRichText(source).map((block) =>
    block.type === 'paragraph'
      ? { text: runsToInlines(block.runs), style: 'body' }
      : { ul: block.items.map((item) => ({ text: runsToInlines(item) })), style: 'bullets' },
  );
}

function sectionHeading(text: string): Node {
  return { text: text.toUpperCase(), style: 'h2' };
}

/** A table whose rows never split across pages and whose header repeats on every page. */
function dataTable(widths: (number | string)[], header: string[], rows: Node[][], extra: Record<string, unknown> = {}): Node {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [header.map((h) => ({ text: h, style: 'th' })), ...rows],
    },
    layout: TABLE_LAYOUTS.pack,
    ...extra,
  };
}

function keyValueTable(rows: [string, Node][]): Node {
  return {
    table: {
      dontBreakRows: true,
      widths: [96, '*'],
      body: rows.map(([k, v]) => [{ text: k, style: 'dt' }, typeof v === 'string' ? { text: v, style: 'dd' } : v]),
    },
    layout: TABLE_LAYOUTS.details,
  };
}

/* ---------- the pack ---------- */

export function buildPackDocument(data: Parameters<typeof selectPack>[0], options: PackOptions, now: Date = new Date()): PackDocument {
  const content = selectPack(data, options);
  const issueDate = effectiveIssueDate(options, now);
  const creationDate = effectiveCreationDate(options, now);
  const levels = content.levels;
  let estimatedChars = 0;
  let pageCount = 0;

  const personById = new Map(data.people.map((p) => [p.id, p]));
  const briefingById = new Map(content.briefings.map((pb) => [pb.briefing.id, pb.briefing]));
  const statementById = new Map<string, Statement>();
  for (const pb of content.briefings) for (const g of pb.speakers) for (const s of g.statements) statementById.set(s.id, s);

  const period =
    content.dateFrom === content.dateTo
      ? formatLongDate(content.dateFrom)
      : `${formatLongDate(content.dateFrom)} – ${formatLongDate(content.dateTo)}`;

  const isOverdue = (a: Action) => a.kind === 'task' && (a.status === 'open' || a.status === 'in-progress') && dueWindow(a.due, issueDate) === 'overdue';

  /* cover */
  const cover: Node[] = [
    { text: 'BRIEFING PACK', style: 'eyebrow', margin: [0, 96, 0, 10] },
    { text: options.title, style: 'coverTitle' },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 2, lineColor: NAVY }], margin: [0, 14, 0, 18] },
    ...(options.recipient.trim() ? [{ text: options.recipient, style: 'coverRecipient' }] : []),
    {
      margin: [0, 34, 0, 0],
      table: {
        widths: [112, '*'],
        body: (
          [
            ['Period covered', period],
            ['Prepared by', orDash(options.preparedBy)],
            ['Date of issue', formatLongDate(issueDate)],
            ['Classification', content.banner],
            [
              'Contents',
              `${plural(content.counts.briefings, 'briefing')}, ${plural(content.counts.statements, 'statement')}, ${plural(content.counts.actions, 'follow-up')}`,
            ],
          ] as [string, string][]
        ).map(([k, v]) => [
          { text: k.toUpperCase(), style: 'coverKey' },
          { text: v, style: 'coverValue' },
        ]),
      },
      layout: TABLE_LAYOUTS.cover,
    },
  ];

  /* table of contents */
  const toc: Node = {
    pageBreak: 'before',
    toc: {
      title: { text: 'Contents', style: 'h1', margin: [0, 0, 0, 14] },
      textStyle: 'tocEntry',
      numberStyle: 'tocNumber',
      textMargin: [0, 3, 0, 3],
    },
  };

  /* briefings */
  const briefingNodes: Node[] = content.briefings.flatMap((pb, i) => {
    estimatedChars += pb.briefing.summary.length;
    for (const g of pb.speakers) for (const s of g.statements) estimatedChars += s.text.length + 40;
    estimatedChars += pb.actions.length * 120;
    return briefingSection(pb, i, content.briefings.length);
  });

  function briefingSection(pb: PackBriefing, index: number, total: number): Node[] {
    const b = pb.briefing;
    const id = `briefing-${b.id}`;
    const heading: Node = {
      unbreakable: true,
      stack: [
        { text: `BRIEFING ${index + 1} OF ${total}  ·  ${formatLongDate(b.startsAt).toUpperCase()}`, style: 'eyebrow', margin: [0, 0, 0, 4] },
        {
          text: b.title,
          style: 'h1',
          id,
          tocItem: true,
          tocStyle: 'tocEntry',
          outline: true,
          outlineText: `${formatLongDate(b.startsAt)} — ${b.title}`,
        },
        detailsTable(b, pb.organisers),
      ],
    };
    const nodes: Node[] = [{ text: '', pageBreak: 'before' }, heading];
    const summary = richTextNodes(b.summary);
    if (summary.length) nodes.push(keepWithNext(sectionHeading('Summary'), summary));
    if (options.includeStatements && pb.speakers.length) {
      nodes.push(keepWithNext(sectionHeading('Statements'), []));
      for (const g of pb.speakers) nodes.push(...speakerNodes(g));
    }
    if (pb.actions.length) {
      nodes.push(keepWithNext(sectionHeading('Follow-ups and announced events'), [briefingActionsTable(pb.actions)]));
    }
    return nodes;
  }

  function detailsTable(b: Briefing, organisers: Organisation[]): Node {
    return {
      margin: [0, 10, 0, 4],
      ...(keyValueTable([
        ['Date', formatLongDateTime(b.startsAt)],
        ['Place', orDash(b.location)],
        ['Format', FORMAT_LABEL[b.format] ?? b.format],
        ['Organisers', orDash(organisers.map(organisationName).join('; '))],
        ['Audience', orDash(b.audience)],
        [
          'Classification',
          {
            text: [levelLabel(levels, b.classification), b.caveat.trim() ? ` // ${b.caveat.trim()}` : ''].join(''),
            style: 'dd',
            bold: levelRank(levels, b.classification) > 0,
          },
        ],
        ['Tags', orDash(b.tags.join(', '))],
      ]) as Record<string, unknown>),
    };
  }

  function speakerNodes(g: SpeakerGroup): Node[] {
    const name = g.speaker?.name ?? 'Speaker not recorded';
    const role = speakerLine(g.speaker, g.organisation);
    const head: Node[] = [{ text: name, style: 'speaker' }, ...(role ? [{ text: role, style: 'speakerRole' }] : [])];
    const [first, ...rest] = g.statements.map(statementNode);
    // The speaker's name never ends a page alone: it shares an unbreakable block with the first statement.
    return [{ unbreakable: true, stack: [...head, ...(first ? [first] : [])], margin: [0, 10, 0, 0] }, ...rest];
  }

  function statementNode(s: Statement): Node {
    const k = KIND_STYLE[s.kind];
    return {
      columns: [
        { width: 74, text: k.label, style: 'kind', color: k.color },
        { width: '*', text: s.text, style: 'statement' },
      ],
      columnGap: 8,
      margin: [0, 4, 0, 0],
    };
  }

  function actionTitleCell(a: Action): Node {
    const stack: Node[] = [{ text: a.title, style: 'td', bold: true }];
    if (a.notes.trim()) stack.push({ text: a.notes, style: 'tdNote' });
    return { stack };
  }

  function briefingActionsTable(actions: Action[]): Node {
    return dataTable(
      [58, '*', 80, 70, 56],
      ['Type', 'Follow-up / event', 'Owner', 'Due / date', 'Status'],
      actions.map((a) => {
        const overdue = isOverdue(a);
        return [
          { text: a.kind === 'event' ? 'Event' : 'Follow-up', style: 'td', color: a.kind === 'event' ? KIND_STYLE.announcement.color : INK },
          actionTitleCell(a),
          { text: orDash(a.kind === 'event' ? a.place || a.owner : a.owner), style: 'td' },
          { text: a.due ? formatLongDate(a.due) : DASH, style: 'td', color: overdue ? OVERDUE : INK },
          statusCell(a, overdue),
        ];
      }),
    );
  }

  function statusCell(a: Action, overdue: boolean): Node {
    return overdue
      ? { stack: [{ text: STATUS_LABEL[a.status], style: 'td' }, { text: 'OVERDUE', style: 'flag', color: OVERDUE }] }
      : { text: STATUS_LABEL[a.status], style: 'td' };
  }

  /* annexes */
  const annexes: Node[] = [];
  let annexNo = 0;
  const annexLetter = () => String.fromCharCode(65 + annexNo++);

  if (options.includeTracker) {
    const letter = annexLetter();
    const title = `Annex ${letter}: Action tracker`;
    const overdueCount = content.actions.filter(isOverdue).length;
    annexes.push(
      { text: '', pageBreak: 'before' },
      {
        unbreakable: true,
        stack: [
          { text: `ANNEX ${letter}`, style: 'eyebrow', margin: [0, 0, 0, 4] },
          { text: 'Action tracker', style: 'h1', id: 'annex-tracker', tocItem: true, outline: true, outlineText: title },
          {
            text: `All follow-ups and announced events of this pack by due date, as of ${formatLongDate(issueDate)}. ${
              overdueCount ? `${plural(overdueCount, 'follow-up')} overdue, flagged in red.` : 'None is overdue.'
            }`,
            style: 'lead',
          },
        ],
      },
      content.actions.length
        ? dataTable(
            [62, '*', 92, 70, 56],
            ['Due / date', 'Action', 'Briefing', 'Owner', 'Status'],
            content.actions.map((a) => {
              const overdue = isOverdue(a);
              const b = a.briefingId ? briefingById.get(a.briefingId) : undefined;
              const from = a.statementId ? statementById.get(a.statementId) : undefined;
              const fromSpeaker = from?.speakerId ? personById.get(from.speakerId)?.name : undefined;
              const cell = actionTitleCell(a) as { stack: Node[] };
              if (a.kind === 'event') cell.stack.unshift({ text: 'EVENT', style: 'flag', color: KIND_STYLE.announcement.color });
              if (fromSpeaker) cell.stack.push({ text: `From a ${from?.kind ?? 'statement'} by ${fromSpeaker}`, style: 'tdNote' });
              return [
                { text: a.due ? formatLongDate(a.due) : DASH, style: 'td', color: overdue ? OVERDUE : INK, bold: overdue },
                cell,
                { text: b ? `${b.title} (${formatLongDate(b.startsAt)})` : DASH, style: 'tdSmall' },
                { text: orDash(a.kind === 'event' ? a.place || a.owner : a.owner), style: 'td' },
                statusCell(a, overdue),
              ];
            }),
          )
        : { text: 'No follow-ups or events are recorded for these briefings.', style: 'body' },
    );
  }

  if (options.includePeople) {
    const letter = annexLetter();
    const title = `Annex ${letter}: People and organisations`;
    const orgById = new Map(data.organisations.map((o) => [o.id, o]));
    annexes.push(
      { text: '', pageBreak: 'before' },
      {
        unbreakable: true,
        stack: [
          { text: `ANNEX ${letter}`, style: 'eyebrow', margin: [0, 0, 0, 4] },
          { text: 'People and organisations', style: 'h1', id: 'annex-people', tocItem: true, outline: true, outlineText: title },
          { text: 'Speakers and institutions that appear in this pack.', style: 'lead' },
          sectionHeading('People'),
        ],
      },
      content.people.length
        ? dataTable(
            ['*', '*', '*', 70],
            ['Name', 'Title or role', 'Organisation', 'Country'],
            content.people.map((p) => [
              { text: p.name, style: 'td', bold: true },
              { text: orDash(p.title), style: 'td' },
              { text: orDash(organisationName(p.organisationId ? orgById.get(p.organisationId) : undefined)), style: 'td' },
              { text: orDash(p.country), style: 'td' },
            ]),
          )
        : { text: 'No speakers are recorded for these briefings.', style: 'body' },
      keepWithNext(sectionHeading('Organisations'), [
        content.organisations.length
          ? dataTable(
              ['*', 70, 90],
              ['Organisation', 'Acronym', 'Country'],
              content.organisations.map((o) => [
                { text: o.name, style: 'td', bold: true },
                { text: orDash(o.acronym), style: 'td' },
                { text: orDash(o.country), style: 'td' },
              ]),
            )
          : { text: 'No organisations are recorded for these briefings.', style: 'body' },
      ]),
    );
  }

  /* running heads */
  const banner = content.banner;
  const bannerColor = content.level && levelRank(levels, content.level) > 0 ? OVERDUE : NAVY;
  const contentWidth = (size: { width: number }) => size.width - PAGE_MARGINS[0] - PAGE_MARGINS[2];

  const header = (_page: number, _count: number, size: { width: number }): Node => ({
    margin: [PAGE_MARGINS[0], 26, PAGE_MARGINS[2], 0],
    stack: [
      { text: banner, style: 'banner', color: bannerColor },
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: contentWidth(size), y2: 4, lineWidth: 0.5, lineColor: RULE }] },
    ],
  });

  const footer = (page: number, count: number, size: { width: number }): Node => {
    pageCount = count;
    return {
      margin: [PAGE_MARGINS[0], 8, PAGE_MARGINS[2], 0],
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth(size), y2: 0, lineWidth: 0.5, lineColor: RULE }] },
        page === 1
          ? { text: ' ', style: 'folio', margin: [0, 4, 0, 0] }
          : {
              columns: [
                { text: options.title, style: 'folio', width: '*' },
                { text: `Page ${page} of ${count}`, style: 'folio', alignment: 'right', width: 'auto' },
              ],
              margin: [0, 4, 0, 0],
            },
        { text: banner, style: 'banner', color: bannerColor, margin: [0, 3, 0, 0] },
      ],
    };
  };

  const watermark = options.watermark.trim();
  const tags = [...new Set(content.briefings.flatMap((pb) => pb.briefing.tags))];

  const definition = {
    pageSize: options.paper === 'Letter' ? 'LETTER' : 'A4',
    pageMargins: PAGE_MARGINS,
    language: options.language,
    info: {
      title: options.title,
      author: options.preparedBy.trim() || 'Attaché',
      subject: `Briefing pack: ${plural(content.counts.briefings, 'briefing')}, ${period}${options.recipient.trim() ? `, ${options.recipient.trim()}` : ''} (${banner})`,
      keywords: ['briefing pack', content.levelLabel, ...tags].filter(Boolean).join(', '),
      creator: 'Attaché',
      producer: 'Attaché (pdfmake)',
      creationDate,
    },
    ...(watermark ? { watermark: { text: watermark, color: MUTED, opacity: 0.12, bold: true, font: SANS } } : {}),
    header,
    footer,
    content: [...cover, toc, ...briefingNodes, ...annexes],
    defaultStyle: { font: SERIF, fontSize: 10, lineHeight: 1.22, color: INK },
    styles: STYLES,
  };

  return { definition, content, estimatedChars, pageCount: () => pageCount };
}

/** Keep a section heading with the first block that follows it. */
function keepWithNext(heading: Node, blocks: Node[]): Node {
  const [first, ...rest] = blocks;
  if (!first) return heading;
  return { stack: [{ unbreakable: true, stack: [heading, first] }, ...rest] };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

const STYLES: Record<string, Record<string, unknown>> = {
  eyebrow: { font: SANS, fontSize: 7.5, bold: true, color: MUTED, characterSpacing: 1.2 },
  coverTitle: { font: SERIF, fontSize: 26, bold: true, color: NAVY, lineHeight: 1.12 },
  coverRecipient: { font: SERIF, fontSize: 13, italics: true, color: INK },
  coverKey: { font: SANS, fontSize: 7.5, bold: true, color: MUTED, characterSpacing: 1, margin: [0, 2, 0, 0] },
  coverValue: { font: SERIF, fontSize: 11, color: INK },
  h1: { font: SERIF, fontSize: 17, bold: true, color: NAVY, lineHeight: 1.12 },
  h2: { font: SANS, fontSize: 8.5, bold: true, color: NAVY, characterSpacing: 1, margin: [0, 16, 0, 6] },
  lead: { font: SERIF, fontSize: 10, italics: true, color: MUTED, margin: [0, 6, 0, 10] },
  body: { margin: [0, 0, 0, 6], alignment: 'justify' },
  bullets: { margin: [8, 0, 0, 6] },
  dt: { font: SANS, fontSize: 8, bold: true, color: MUTED },
  dd: { font: SANS, fontSize: 8.5, color: INK },
  speaker: { font: SERIF, fontSize: 11.5, bold: true, color: NAVY },
  speakerRole: { font: SANS, fontSize: 8.5, color: MUTED, margin: [0, 1, 0, 2] },
  kind: { font: SANS, fontSize: 6.8, bold: true, characterSpacing: 0.6, margin: [0, 2.2, 0, 0], alignment: 'right' },
  statement: { fontSize: 10, alignment: 'justify' },
  th: { font: SANS, fontSize: 7.5, bold: true, color: MUTED, characterSpacing: 0.4 },
  td: { font: SANS, fontSize: 8.5, color: INK, lineHeight: 1.15 },
  tdSmall: { font: SANS, fontSize: 7.5, color: MUTED, lineHeight: 1.15 },
  tdNote: { font: SANS, fontSize: 7.5, color: MUTED, lineHeight: 1.15, margin: [0, 1, 0, 0] },
  flag: { font: SANS, fontSize: 6.5, bold: true, characterSpacing: 0.6, margin: [0, 1, 0, 0] },
  tocEntry: { font: SERIF, fontSize: 10.5, color: INK },
  tocNumber: { font: SANS, fontSize: 9, color: MUTED },
  banner: { font: SANS, fontSize: 8, bold: true, alignment: 'center', characterSpacing: 1.6 },
  folio: { font: SANS, fontSize: 7.5, color: MUTED },
};

/** Table layouts, set on the tables directly (no registration with a pdfmake instance needed). */
export const TABLE_LAYOUTS: Record<string, Record<string, unknown>> = {
  pack: {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.8 : i === 1 ? 0.8 : 0.4),
    vLineWidth: () => 0,
    hLineColor: (i: number) => (i <= 1 ? '#8a96a3' : RULE),
    fillColor: (row: number) => (row === 0 ? FILL : null),
    paddingLeft: () => 5,
    paddingRight: () => 5,
    paddingTop: () => 4,
    paddingBottom: () => 4,
  },
  details: {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.8 : 0.3),
    vLineWidth: () => 0,
    hLineColor: () => RULE,
    paddingLeft: (i: number) => (i === 0 ? 0 : 6),
    paddingRight: () => 0,
    paddingTop: () => 3,
    paddingBottom: () => 3,
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
