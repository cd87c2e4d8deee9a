/**
 * The pack as a pdfmake document definition: pure data built from WorkspaceData and PackOptions, no
 * pdfmake runtime. Layout rules that keep pdfmake linear (400 pages in seconds): every briefing and
 * annex starts with `pageBreak: 'before'` (never `pageBreakBefore`, which re-lays-out the whole
 * document per break), and headings are kept with their first lines by small `unbreakable` stacks.
 */
import { levelLabel, levelRank } from '../classification';
import { dueWindow, formatLongDate, formatLongDateTime, formatShortDate } from '../dates';
import { FORMAT_LABELS, organisationWithAcronym, type Action, type Briefing, type Organisation, type Person, type Statement, type StatementKind } from '../model';
import { blockText, parseRichText, type Block, type Run } from '../richtext';
import { SERIF } from './fonts';
import { effectiveCreationDate, effectiveIssueDate, type PackOptions } from './options';
import { STATUS_LABELS } from '../tracker';
import { selectPack, type PackBriefing, type PackContent, type SpeakerGroup } from './select';
import { decidedBy, decisionsAcross, decisionsOf } from './decisions';
import { organisationPaths, peopleAnnex } from './people-annex';
import { attendanceInPack } from './attendance';
import { heldInPack } from './held';

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

const PAGE_MARGINS: [number, number, number, number] = [64, 70, 64, 66];
/** A 1×1 transparent PNG, stretched over a contents row to make the whole row one link. */
const LINK_AREA = 'link-area';
const TRANSPARENT_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';
const DASH = '—';
/** Text width on the narrower paper (A4), and the body height on the shorter one (Letter). */
const TEXT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const BODY_HEIGHT = 792 - PAGE_MARGINS[1] - PAGE_MARGINS[3];
const STATEMENT_INDENT = 14;
/** The due date and status column of follow-up tables. */
const WHEN_WIDTH = 70;
const DETAILS_GUTTER = 96;

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
function blockNode(block: Block): Node {
  return block.type === 'paragraph'
    ? { text: runsToInlines(block.runs), ...S.body }
    : { ul: block.items.map((item) => ({ text: runsToInlines(item) })), ...S.bullets };
}

function sectionHeading(text: string): Node {
  return { text: text.toUpperCase(), ...S.h2 };
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
  const head = header.map((h) => ({ text: h.toUpperCase(), ...S.th }));
  const dontBreakRows = !heights.some((h) => h > ROW_LIMIT);
  if (opts.caption && heights.length === rows.length && CAPTION_HEIGHT + HEAD_HEIGHT + heights.reduce((a, b) => a + b, 0) <= KEEP_LIMIT) {
    return {
      unbreakable: true,
      stack: [
        { text: opts.caption.toUpperCase(), ...S.h2, margin: [0, 18, 0, 7] },
        { table: { headerRows: 1, dontBreakRows, widths, body: [head, ...rows] }, layout: TABLE_LAYOUTS.pack },
      ],
    };
  }
  const body: Node[][] = [];
  if (opts.caption) body.push([{ text: opts.caption.toUpperCase(), ...S.h2, colSpan: widths.length, margin: [0, 10, 0, 2] }, ...widths.slice(1).map(() => ({}))]);
  body.push(head, ...rows);
  return {
    table: { headerRows: opts.caption ? 2 : 1, keepWithHeaderRows: 1, dontBreakRows, widths, body },
    layout: opts.caption ? TABLE_LAYOUTS.captioned : TABLE_LAYOUTS.pack,
  };
}

/* ---------- the pack ---------- */

export function buildPackDocument(data: Parameters<typeof selectPack>[0], options: PackOptions, now: Date = new Date()): PackDocument {
  const content = selectPack(data, options);
  const issueDate = effectiveIssueDate(options, now);
  const creationDate = effectiveCreationDate(options, now);
  const levels = content.levels;
  /** Width of the text block on the chosen paper (estimates use the narrower A4, see TEXT_WIDTH). */
  const pageTextWidth = (options.paper === 'Letter' ? 612 : 595.28) - PAGE_MARGINS[0] - PAGE_MARGINS[2];
  // Anything above the lowest level is marked in red, as classified paper is.
  const bannerColor = content.level && levelRank(levels, content.level) > 0 ? OVERDUE : NAVY;
  let estimatedChars = 0;
  let pageCount = 0;

  // People and organisations only as selectPack resolved them (live records): a deleted speaker or
  // organisation must not be named anywhere in the pack, not even in an annex.
  const briefingById = new Map(content.briefings.map((pb) => [pb.briefing.id, pb.briefing]));
  const attendance = attendanceInPack(data, new Set(briefingById.keys()));
  const held = heldInPack(data, briefingById);
  // Organisers named with the organisations they sit under (core/pack/people-annex.ts).
  const organiserPath = organisationPaths(data);
  const statementById = new Map<string, { statement: Statement; speaker: Person | null }>();
  for (const pb of content.briefings) for (const g of pb.speakers) for (const s of g.statements) statementById.set(s.id, { statement: s, speaker: g.speaker });

  const period =
    content.dateFrom === content.dateTo
      ? formatLongDate(content.dateFrom)
      : `${formatLongDate(content.dateFrom)} – ${formatLongDate(content.dateTo)}`;

  const isOverdue = (a: Action) => a.kind === 'task' && (a.status === 'open' || a.status === 'in-progress') && dueWindow(a.due, issueDate) === 'overdue';

  /* cover */
  const cover: Node[] = [
    { text: 'BRIEFING PACK', ...S.eyebrow, margin: [0, 96, 0, 10] },
    { text: options.title, ...S.coverTitle },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 2, lineColor: NAVY }], margin: [0, 14, 0, 18] },
    ...(options.recipient.trim() ? [{ text: options.recipient, ...S.coverRecipient }] : []),
    {
      margin: [0, 34, 0, 0],
      table: {
        dontBreakRows: true,
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
          { text: k.toUpperCase(), ...S.coverKey },
          k === 'Classification' ? { text: v, ...S.coverValue, bold: true, color: bannerColor } : { text: v, ...S.coverValue },
        ]),
      },
      layout: TABLE_LAYOUTS.cover,
    },
  ];

  /* briefings */
  const tocEntries: { id: string; lead: string; label: string }[] = [];
  const briefingNodes: Node[] = content.briefings.flatMap((pb, i) => {
    estimatedChars += pb.briefing.summary.length;
    for (const g of pb.speakers) for (const s of g.statements) estimatedChars += s.text.length + 40;
    estimatedChars += pb.actions.length * 120;
    return briefingSection(pb, i, content.briefings.length);
  });

  function briefingSection(pb: PackBriefing, index: number, total: number): Node[] {
    const b = pb.briefing;
    const id = `briefing-${index + 1}`;
    tocEntries.push({ id, lead: formatLongDate(b.startsAt), label: b.title });
    // Each briefing opens a page, so its heading and details need no keeping-together.
    const nodes: Node[] = [
      {
        text: `BRIEFING ${index + 1} OF ${total}  ·  ${formatLongDate(b.startsAt).toUpperCase()}`,
        ...S.eyebrow,
        margin: [0, 0, 0, 4],
        pageBreak: 'before',
      },
      { text: b.title, ...S.h1, id, outline: true, outlineText: `${formatLongDate(b.startsAt)}: ${b.title}` },
      ...detailsBlock(b, pb.organisers),
    ];
    const blocks = parseRichText(b.summary);
    if (blocks.length) nodes.push(...keepWithNext(sectionHeading('Summary'), blocks.map(blockNode), blockHeight(blocks[0])));
    nodes.push(...attendanceNodes(b));
    if (options.includeStatements && pb.speakers.length) {
      pb.speakers.forEach((g, i) => nodes.push(...speakerNodes(g, i === 0 ? sectionHeading('Statements') : undefined)));
    }
    nodes.push(...decisionNodes(pb));
    if (pb.actions.length) nodes.push(briefingActionsTable(pb.actions));
    nodes.push(...followsUpNodes(b.id));
    return nodes;
  }

  /**
   * The briefing's particulars: label in the gutter, value beside it, a rule above and below. Not a
   * table: 200 briefings would make 1,400 table rows, and pdfmake's tables cost several times a text
   * with a detached label.
   */
  function detailsBlock(b: Briefing, organisers: Organisation[]): Node[] {
    const rows: [string, string][] = [
      ['Date', formatLongDateTime(b.startsAt)],
      ['Place', orDash(b.location)],
      ['Format', FORMAT_LABELS[b.format] ?? b.format],
      ['Organisers', orDash(organisers.map((o) => organiserPath(o.id)).join('; '))],
      ['Audience', orDash(b.audience)],
      ['Classification', [levelLabel(levels, b.classification), b.caveat.trim()].filter(Boolean).join(' // ')],
      ['Tags', orDash(b.tags.join(', '))],
    ];
    const rule = (top: number, bottom = 0): Node => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: pageTextWidth, y2: 0, lineWidth: 0.8, lineColor: RULE }], margin: [0, top, 0, bottom] });
    // Nodes of the briefing's own flow rather than a stack: every level of nesting costs pdfmake a
    // measure and a layout pass, and a deeper style stack for every word inside.
    return [
      rule(10),
      // Label and value side by side: the label is out of the flow, so it sits at the top of the value
      // that follows it (no stack per row: 1,400 fewer nodes in a 200-briefing pack).
      ...rows.flatMap(([k, v]): Node[] => [
        { text: k.toUpperCase(), ...S.dt, relativePosition: { x: 0, y: 5.4 } },
        { text: v, ...S.dd, margin: [DETAILS_GUTTER, 3.5, 0, 0], ...(k === 'Classification' && levelRank(levels, b.classification) > 0 ? { bold: true } : {}) },
      ]),
      rule(5, 4),
    ];
  }

  /** Who was present (core/pack/attendance.ts): one run-in labelled paragraph per group of people. */
  function attendanceNodes(b: Briefing): Node[] {
    const lines = attendance(b);
    if (!lines.length) return [];
    const nodes: Node[] = lines.map((l) => ({ text: [{ text: `${l.label}: `, bold: true }, l.names], ...S.body }));
    return keepWithNext(sectionHeading('Attendance'), nodes, approxHeight(`${lines[0]!.label}: ${lines[0]!.names}`, TEXT_WIDTH, 10));
  }

  /**
   * A speaker's statements. The name and role never end a page alone: they share an unbreakable block
   * with the first statement (and the "Statements" heading for the first speaker), unless that
   * statement is so long that keeping it whole could overflow a page.
   */
  function speakerNodes(g: SpeakerGroup, lead?: Node): Node[] {
    const name = g.speaker?.name ?? 'Speaker not recorded';
    const role = speakerLine(g.speaker, g.organisation);
    const head: Node[] = [
      ...(lead ? [lead] : []),
      { text: name, ...S.speaker, margin: [0, lead ? 0 : 10, 0, 0] },
      ...(role ? [{ text: role, ...S.speakerRole }] : []),
    ];
    const nodes = g.statements.map(statementNode);
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
  function statementNode(s: Statement): Node {
    const k = KIND_STYLE[s.kind];
    if (!k.label) return { text: s.text, ...S.statement };
    return { text: [{ text: `${k.label} `, ...S.kind, color: k.color }, ` ${s.text}`], ...S.statement };
  }

  /**
   * One text with runs (flag, title, notes, origin on their own lines) rather than a stack of texts:
   * a pack has a thousand or more such cells, and each node costs pdfmake a measure and a layout pass.
   */
  function actionTitleCell(a: Action, origin = ''): Node {
    const runs: Node[] = [];
    if (a.kind === 'event') runs.push({ text: 'EVENT\n', ...S.flag, color: KIND_STYLE.announcement.color });
    runs.push({ text: a.title, bold: true });
    if (a.notes.trim()) runs.push({ text: `\n${a.notes.trim()}`, ...S.note });
    const heldLine = held.heldLine(a);
    if (heldLine) runs.push({ text: `\n${heldLine}`, ...S.note, color: KIND_STYLE.decision.color, bold: true });
    if (origin) runs.push({ text: `\n${origin}`, ...S.note });
    return { text: runs, ...S.td };
  }

  function actionRowHeight(a: Action, width: number): number {
    return approxHeight(a.title, width, 8.8) + (a.notes.trim() ? approxHeight(a.notes, width, 8) : 0) + 24;
  }

  /** The briefing's follow-ups and events; an event says so in its title cell, so no type column. */
  function briefingActionsTable(actions: Action[]): Node {
    const widths = ['*', 100, WHEN_WIDTH];
    return dataTable(
      widths,
      ['Follow-up / event', 'Owner / place', 'Due / status'],
      actions.map((a) => [actionTitleCell(a), ownerCell(a), whenCell(a)]),
      { caption: 'Follow-ups and announced events', rowHeights: actions.map((a) => actionRowHeight(a, starWidth(widths))) },
    );
  }

  /** The events announced earlier that this briefing kept (core/pack/held.ts): what, when, and who announced it where. */
  function followsUpNodes(briefingId: string): Node[] {
    const items = held.followsUp(briefingId);
    const others = held.notShown(briefingId);
    if (!items.length && !others) return [];
    const nodes: Node[] = items.map((f) => ({
      text: [{ text: f.event.title, bold: true }, f.when ? ` (${f.when})` : '', { text: `\n${f.origin}`, ...S.note }],
      ...S.body,
    }));
    if (others) nodes.push({ text: `${plural(others, 'event')} announced at a briefing not in this pack.`, ...S.note });
    return keepWithNext(sectionHeading('Follows up'), nodes, 40);
  }

  /** The briefing's decisions (core/pack/decisions.ts), numbered, each with who announced it. */
  function decisionNodes(pb: PackBriefing): Node[] {
    const decisions = decisionsOf(pb);
    if (!decisions.length) return [];
    // The number hangs in the margin, out of the flow (as the details' labels do), and comes first in the
    // text, so copied text reads "1. The parties agreed… — Rustam Nazarzoda, …" (a list marker would come last).
    const items: Node[] = decisions.map((d, i) => {
      const who = decidedBy(d);
      return {
        stack: [
          { text: `${i + 1}.`, bold: true, color: KIND_STYLE.decision.color, relativePosition: { x: 0, y: 0 } },
          { text: [d.statement.text, ...(who ? [{ text: `\n— ${who}`, ...S.note }] : [])], ...S.body, margin: [STATEMENT_INDENT, 0, 0, 6] },
        ],
      };
    });
    return keepWithNext(sectionHeading('Decisions'), items, approxHeight(decisions[0]!.statement.text, TEXT_WIDTH, 10));
  }

  function ownerCell(a: Action): Node {
    return { text: orDash(a.kind === 'event' ? a.place || a.owner : a.owner), ...S.td };
  }

  /** Due date over status in one cell (one column fewer in every follow-up table); overdue in red. */
  function whenCell(a: Action): Node {
    const overdue = isOverdue(a);
    const runs: Node[] = [
      { text: a.due ? formatShortDate(a.due) : DASH, ...(overdue ? { bold: true, color: OVERDUE } : {}) },
      { text: `\n${STATUS_LABELS[a.status]}`, color: MUTED },
    ];
    if (overdue) runs.push({ text: '\nOVERDUE', ...S.flag, color: OVERDUE });
    return { text: runs, ...S.td };
  }

  /* annexes */
  const annexes: Node[] = [];
  let annexNo = 0;
  const annexLetter = () => String.fromCharCode(65 + annexNo++);

  const annexHeading = (letter: string, title: string, id: string, lead: string): Node[] => [
    { text: `ANNEX ${letter}`, ...S.eyebrow, margin: [0, 0, 0, 4], pageBreak: 'before' },
    { text: title, ...S.h1, id, outline: true, outlineText: `Annex ${letter}: ${title}` },
    { text: lead, ...S.lead },
  ];

  if (options.includeTracker) {
    const letter = annexLetter();
    tocEntries.push({ id: 'annex-tracker', lead: `Annex ${letter}`, label: 'Action tracker' });
    const overdueCount = content.actions.filter(isOverdue).length;
    const widths = [WHEN_WIDTH, '*', 100];
    annexes.push(
      ...annexHeading(
        letter,
        'Action tracker',
        'annex-tracker',
        `Every follow-up and announced event of this pack by due date, as of ${formatLongDate(issueDate)}. ${
          overdueCount ? `${plural(overdueCount, 'follow-up is', 'follow-ups are')} overdue, flagged in red.` : 'None is overdue.'
        }`,
      ),
      content.actions.length
        ? dataTable(
            widths,
            ['Due / status', 'Action', 'Owner / place'],
            content.actions.map((a) => {
              const b = a.briefingId ? briefingById.get(a.briefingId) : undefined;
              const from = a.statementId ? statementById.get(a.statementId) : undefined;
              const origin = [
                b ? `${b.title} (${formatShortDate(b.startsAt)})` : '',
                from?.speaker ? `from ${withArticle(from.statement.kind)} by ${from.speaker.name}` : '',
              ].filter(Boolean);
              return [whenCell(a), actionTitleCell(a, origin.join(', ')), ownerCell(a)];
            }),
            { rowHeights: content.actions.map((a) => actionRowHeight(a, starWidth(widths)) + 24) },
          )
        : { text: 'No follow-ups or events are recorded for these briefings.', ...S.body },
    );
  }

  const decisions = decisionsAcross(content.briefings);
  if (decisions.length) {
    const letter = annexLetter();
    tocEntries.push({ id: 'annex-decisions', lead: `Annex ${letter}`, label: 'Decisions' });
    const widths = [WHEN_WIDTH, '*'];
    annexes.push(
      ...annexHeading(letter, 'Decisions', 'annex-decisions', `${plural(decisions.length, 'decision')} recorded in the briefings of this pack, oldest first.`),
      dataTable(
        widths,
        ['Date', 'Decision'],
        decisions.map((d) => {
          const origin = [d.briefing.title, decidedBy(d)].filter(Boolean).join('  ·  ');
          return [
            { text: formatShortDate(d.briefing.startsAt), ...S.td },
            { text: [{ text: d.statement.text }, { text: `\n${origin}`, ...S.note }], ...S.td },
          ];
        }),
        { rowHeights: decisions.map((d) => approxHeight(d.statement.text, starWidth(widths), 8.8) + 24) },
      ),
    );
  }

  if (options.includePeople) {
    const annex = peopleAnnex(data, content.people, content.organisations);
    const letter = annexLetter();
    tocEntries.push({ id: 'annex-people', lead: `Annex ${letter}`, label: 'People and organisations' });
    annexes.push(
      ...annexHeading(letter, 'People and organisations', 'annex-people', 'The speakers and the institutions that appear in this pack.'),
      content.people.length
        ? dataTable(
            [150, '*', 70],
            ['Name', 'Title or role', 'Country'],
            // People under their organisation's path (core/pack/people-annex.ts), other spellings beside the name.
            annex.groups.flatMap((g) => [
              [{ text: g.path || 'No organisation recorded', ...S.td, bold: true, colSpan: 3, fillColor: '#eef1f6' }, {}, {}],
              ...g.people.map((p) => [
                { text: [{ text: p.name, bold: true }, ...(p.aliases.length ? [{ text: `\nAlso written ${p.aliases.join('; ')}`, ...S.note }] : [])], ...S.td },
                { text: orDash(p.title), ...S.td },
                { text: orDash(p.country), ...S.td },
              ]),
            ]),
            { caption: 'People' },
          )
        : { text: 'No speakers are recorded for these briefings.', ...S.body },
      content.organisations.length
        ? dataTable(
            ['*', 70, 84],
            ['Organisation', 'Acronym', 'Country'],
            annex.organisations.map(({ organisation: o, path }) => [
              { text: path, ...S.td, bold: true },
              { text: orDash(o.acronym), ...S.td },
              { text: orDash(o.country), ...S.td },
            ]),
            { caption: 'Organisations' },
          )
        : { text: 'No organisations are recorded for these briefings.', ...S.body },
    );
  }

  /*
   * Table of contents: our own rather than pdfmake's `toc` (a table), so an entry can carry the
   * briefing's date beside its title. Each entry is a title with its date and page number placed out of
   * the flow at its left and right (no table: a 200-entry contents list was 600 table cells).
   * `pageReference` fills in the page number (and links it). The rest of the entry links through one
   * transparent image laid over it: pdfkit makes one link annotation per word, and a 200-entry contents
   * page linked word by word carried thousands of annotations (a tenth of the time).
   */
  const LEAD_WIDTH = 84;
  const NUMBER_WIDTH = 30;
  const titleWidth = pageTextWidth - LEAD_WIDTH - NUMBER_WIDTH - 24;
  /** Height of a contents line: Noto's line box is 1.362 em, times the document's line height. */
  const TOC_LINE = S.tocEntry.fontSize * 1.362 * 1.22;
  const firstAnnex = tocEntries.findIndex((e) => e.id.startsWith('annex-'));
  const tocRow = (e: { id: string; lead: string; label: string }, i: number): Node => {
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
  const toc: Node[] = [{ text: 'Contents', ...S.h1, margin: [0, 0, 0, 14], pageBreak: 'before' }, ...tocEntries.map(tocRow)];

  /* running heads */
  const banner = content.banner;

  /*
   * Running heads are laid out on every page, each of pdfmake's page hooks in a context of its own, so
   * they are all in the footer: its first line is the folio, its second the bottom banner (lines take
   * their alignment from their first runs), and the top banner and both rules are placed from it at
   * page coordinates. The page background (the other per-page hook) stays unset.
   */
  const runningTitle = options.title.length > 80 ? `${options.title.slice(0, 78).trimEnd()}…` : options.title;
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
            { type: 'line', x1: PAGE_MARGINS[0], y1: top + 44, x2: right, y2: top + 44, lineWidth: 0.5, lineColor: RULE },
            { type: 'line', x1: PAGE_MARGINS[0], y1: 10, x2: right, y2: 10, lineWidth: 0.5, lineColor: RULE },
          ],
          absolutePosition: { x: 0, y: 0 },
        },
        // Centred on the page, which is centred on the text block (the side margins are equal).
        { text: banner, ...S.banner, color: bannerColor, absolutePosition: { x: 0, y: top + 28 } },
        {
          margin: [PAGE_MARGINS[0], 13, PAGE_MARGINS[2], 0],
          text:
            page === 1
              ? [{ text: ' \n', ...S.folio }, bottomBanner]
              : [{ text: `${runningTitle}     `, ...S.folio, alignment: 'right' }, { text: `Page ${page} of ${count}\n`, ...S.folio, color: INK, alignment: 'right' }, bottomBanner],
          lineHeight: 1.45,
        },
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
    ...(watermark ? { watermark: { text: watermark, color: MUTED, opacity: 0.12, bold: true, font: SERIF } } : {}),
    footer,
    images: { [LINK_AREA]: TRANSPARENT_PNG },
    content: [...cover, ...toc, ...briefingNodes, ...annexes],
    defaultStyle: { font: SERIF, fontSize: 10, lineHeight: 1.22, color: INK },
  };

  return { definition, content, estimatedChars, pageCount: () => pageCount };
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

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
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
  banner: { font: SERIF, fontSize: 8.5, bold: true, alignment: 'center', characterSpacing: 0.5 },
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
