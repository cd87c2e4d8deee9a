/**
 * A pack as a document: the format-neutral structure the PDF writer (core/pack/document.ts) and the pack's
 * .docx render, built from the briefings' own documents (core/document/briefing.ts) so that a briefing in a
 * pack says exactly what its reading view says (GUIDE §4, "one document model, many writers"). On top of
 * the briefings it holds what a registry expects of a pack: the mission's letterhead, a file reference,
 * From/To/Info, a distribution list, the date of issue against which "overdue" is computed, numbered
 * paragraphs when asked, contents only when they help (more than three entries), and the annexes — the
 * action tracker, the decisions, the people and organisations — made from the same structures.
 *
 * Follow-ups are printed once: with the tracker annex, a briefing names its follow-ups by their number in
 * the annex; without it, the briefing lists them itself.
 *
 * A pack names only briefings it includes: a briefing left out (not picked, or above the ceiling) may be
 * classified higher than the pack's banner, so an event held there says "a later briefing not in this
 * pack", and an event announced there is counted, not named. Pure: no Dexie, Svelte or DOM.
 */
import { levelRank } from '../classification';
import { dueWindow, formatLongDate } from '../dates';
import type { Lookup } from '../directory';
import { translate, type Locale } from '../i18n';
import { letterheadOf, type Letterhead } from '../letterhead';
import { type Person, type StatementKind, type WorkspaceData } from '../model';
import { effectiveCreationDate, effectiveIssueDate, type PackOptions } from '../pack/options';
import { peopleAnnex, type PeopleAnnex } from '../pack/people-annex';
import { selectPack, type PackContent } from '../pack/select';
import { settingsOfData } from '../settings';
import { briefingDocument, documentBriefingName, type ActionItem, type BriefingDocument, type KeptSource, type PersonRef } from './briefing';
import { annexLetter, documentLocale } from './language';
import type { Block } from '../richtext';

/** One numbered copy of a pack: "Copy 3 of 5 — Embassy of Ruritania, Tashkent" on every page. */
export interface PackCopy {
  number: number;
  total: number;
  recipient: string;
}

/** A follow-up or event as a pack prints it. */
export interface PackAction extends ActionItem {
  /** Open or in progress, and due before the pack's date of issue. */
  overdue: boolean;
  /** Its number in the tracker annex (1, 2, …), or null when the pack has no tracker. */
  number: number | null;
  /** "Held — see <briefing, date>", or that it was held at a briefing not in this pack; '' when not held. */
  heldLine: string;
}

/** An event announced at an earlier briefing of the pack that this one kept. */
export interface PackFollowsUp {
  title: string;
  /** "12 May 2015 · Dushanbe", or ''. */
  when: string;
  /** "Announced at Countering modern threats, 17 March 2015 by Rustam Nazarzoda". */
  origin: string;
}

/** Paragraph numbers of a briefing (numbered paragraphs option): summary blocks, statements, comment blocks, in reading order. */
export interface ParagraphNumbers {
  /** null: a list that continues the paragraph before it, and so takes no number of its own. */
  summary: (number | null)[];
  statements: Record<string, number>;
  comment: (number | null)[];
}

export interface PackBriefingSection {
  /** "briefing-1": the destination contents entries and bookmarks link to. */
  anchor: string;
  /** 1-based position in the pack. */
  index: number;
  /** The briefing's document; without statements when the pack leaves them out (and then without decisions). */
  doc: BriefingDocument;
  /** Follow-ups and events of the briefing, by due date (undated last). */
  actions: PackAction[];
  followsUp: PackFollowsUp[];
  /** Events kept here that were announced at a briefing not in this pack: counted, never named. */
  followsUpNotShown: number;
  /** The comment is printed (the officer's own assessment may be left out of a pack for outside readers). */
  comment: boolean;
  numbers: ParagraphNumbers | null;
}

export interface PackDecisionRow {
  briefing: { title: string; startsAt: string };
  text: string;
  /** "Rustam Nazarzoda, Drug Control Agency (DCA)", '' when no speaker is recorded. */
  decidedBy: string;
}

export interface PackTrackerRow {
  action: PackAction;
  /** "Countering modern threats (17 Mar 2015), from a request by Rustam Nazarzoda" parts: the briefing and the statement. */
  briefing: { title: string; startsAt: string } | null;
  from: { kind: StatementKind; speaker: string } | null;
}

export type AnnexId = 'annex-tracker' | 'annex-decisions' | 'annex-people';

export interface PackAnnex {
  id: AnnexId;
  /** "A", "B", … in the order printed. */
  letter: string;
  title: string;
}

export interface ContentsEntry {
  /** Destination id (a briefing's anchor or an annex id). */
  id: string;
  /** The date of a briefing, "Annex A" for an annex. */
  lead: string;
  label: string;
}

export interface PackDocument {
  title: string;
  /** "For H.E. the Ambassador" */
  recipient: string;
  preparedBy: string;
  /** The mission's name at the head of the cover. */
  mission: string;
  fileReference: string;
  from: string;
  to: string[];
  info: string[];
  distribution: string[];
  /** `YYYY-MM-DD`: printed on the cover, and the day "overdue" is computed against. */
  issueDate: string;
  creationDate: Date;
  /** "17 March 2015 – 2 April 2015" */
  period: string;
  /** The banner of the most restrictive level included, with the caveats. */
  banner: string;
  levelLabel: string;
  /** Anything above the lowest level: printed in red, as classified paper is. */
  classified: boolean;
  language: string;
  /** The language of the pack's own words (headings, labels, dates), from `language`. */
  locale: Locale;
  paper: PackOptions['paper'];
  watermark: string;
  numberedParagraphs: boolean;
  briefings: PackBriefingSection[];
  annexes: PackAnnex[];
  /** Every follow-up and event by due date, numbered: the tracker annex (null when left out). */
  tracker: PackTrackerRow[] | null;
  overdueCount: number;
  /** Every decision, oldest briefing first, each briefing's in recorded order (null when there are none). */
  decisions: PackDecisionRow[] | null;
  /** People and organisations annex (null when left out). */
  people: (PeopleAnnex & { hasPeople: boolean; hasOrganisations: boolean }) | null;
  /** Contents, only when there are more than three entries (a page spent on three is wasted). */
  contents: ContentsEntry[] | null;
  tags: string[];
  /** What the selection chose: counts, what the ceiling left out (the dialog shows the same object). */
  content: PackContent;
}

/** Contents are printed only above this many entries. */
export const CONTENTS_MIN_ENTRIES = 4;

/**
 * The mission's letterhead as the pack reads it. One function so the source can change (today the synced
 * settings record through core/letterhead.ts) without the pack's builder changing.
 */
export function letterheadOfData(data: Pick<WorkspaceData, 'settings'>): Letterhead {
  // Through the effective settings, as the cable reads them: a deleted settings record stands for the defaults.
  return letterheadOf(settingsOfData(data));
}

const liveOnly = <R extends { deleted: 0 | 1 }>(r: R | undefined): R | undefined => (r && r.deleted === 0 ? r : undefined);

/** "from a request by Rustam Nazarzoda" */
export function fromStatementText(from: PackTrackerRow['from'], locale: Locale = 'en'): string {
  return from?.speaker ? translate(locale, 'doc.fromStatement', { kind: from.kind, speaker: from.speaker }) : '';
}

/** "Rustam Nazarzoda, Drug Control Agency (DCA)"; '' when no speaker is recorded. */
export function decidedBy(speaker: PersonRef | null): string {
  if (!speaker) return '';
  return speaker.organisation ? `${speaker.name}, ${speaker.organisation.name}` : speaker.name;
}

export function packDocument(data: WorkspaceData, options: PackOptions, now: Date = new Date(), letterhead: Letterhead = letterheadOfData(data)): PackDocument {
  const content = selectPack(data, options);
  const issueDate = effectiveIssueDate(options, now);
  const locale = documentLocale(options.language);
  const longDate = (iso: string) => formatLongDate(iso, locale);
  const included = new Map(content.briefings.map((pb) => [pb.briefing.id, pb.briefing]));

  // Lookups over every record (references resolve through merges; briefingDocument names live ones only).
  const people = new Map(data.people.map((p) => [p.id, p]));
  const organisations = new Map(data.organisations.map((o) => [o.id, o]));
  const briefingById = new Map(data.briefings.map((b) => [b.id, b]));
  const statementById = new Map(data.statements.map((s) => [s.id, s]));
  const personLookup: Lookup<Person> = (id) => people.get(id);
  // Events kept by each included briefing, with where and by whom they were announced.
  const keptIn = new Map<string, KeptSource[]>();
  for (const a of data.actions) {
    if (a.deleted !== 0 || a.kind !== 'event' || !a.heldInBriefingId || !included.has(a.heldInBriefingId)) continue;
    const announcing = liveOnly(a.briefingId ? briefingById.get(a.briefingId) : undefined);
    const statement = liveOnly(a.statementId ? statementById.get(a.statementId) : undefined);
    const source: KeptSource = { event: a, announcing, speaker: statement?.speakerId ? people.get(statement.speakerId) : undefined };
    const list = keptIn.get(a.heldInBriefingId);
    if (list) list.push(source);
    else keptIn.set(a.heldInBriefingId, [source]);
  }
  const statementsOf = new Map<string, typeof data.statements>();
  for (const s of data.statements) {
    if (!included.has(s.briefingId)) continue;
    const list = statementsOf.get(s.briefingId);
    if (list) list.push(s);
    else statementsOf.set(s.briefingId, [s]);
  }

  const isOverdue = (a: ActionItem) => a.kind === 'task' && (a.status === 'open' || a.status === 'in-progress') && dueWindow(a.due, issueDate) === 'overdue';
  const heldLine = (a: ActionItem): string => {
    if (!a.held) return '';
    const later = included.get(a.held.briefingId);
    return later ? translate(locale, 'doc.held.see', { briefing: documentBriefingName(later, locale) }) : translate(locale, 'doc.held.notInPack');
  };

  const trackerNumber = new Map<string, number>();
  if (options.includeTracker) content.actions.forEach((a, i) => trackerNumber.set(a.id, i + 1));
  const actionById = new Map<string, PackAction>();
  const fromOf = new Map<string, PackTrackerRow['from']>();

  const briefings: PackBriefingSection[] = content.briefings.map((pb, i) => {
    const b = pb.briefing;
    const full = briefingDocument({
      briefing: b,
      statements: statementsOf.get(b.id) ?? [],
      actions: pb.actions,
      kept: keptIn.get(b.id) ?? [],
      people: personLookup,
      organisations: (id) => organisations.get(id),
      briefings: (id) => briefingById.get(id),
      levels: content.levels,
      locale,
    });
    for (const section of full.statements)
      for (const s of section.statements) for (const id of s.actionIds) fromOf.set(id, section.speaker ? { kind: s.kind, speaker: section.speaker.name } : null);
    const doc: BriefingDocument = options.includeStatements ? full : { ...full, statements: [], statementCount: 0, decisions: [], speakers: [] };
    const items = new Map([...full.followUps, ...full.events].map((a) => [a.id, a]));
    // The selection's order: by due date, undated last, then title (core/pack/select.ts compareActions).
    const actions = pb.actions.flatMap((a): PackAction[] => {
      const item = items.get(a.id);
      if (!item) return [];
      const pa: PackAction = { ...item, overdue: isOverdue(item), number: trackerNumber.get(a.id) ?? null, heldLine: heldLine(item) };
      actionById.set(a.id, pa);
      return [pa];
    });
    const followsUp: PackFollowsUp[] = [];
    let notShown = 0;
    for (const f of full.followsUp) {
      if (!f.announcedAt || !included.has(f.announcedAt.id)) {
        notShown++;
        continue;
      }
      const origin = f.speaker
        ? translate(locale, 'doc.announcedAtBy', { briefing: f.announcedAt.name, speaker: f.speaker.name })
        : translate(locale, 'doc.announcedAt', { briefing: f.announcedAt.name });
      followsUp.push({ title: f.event.title, when: f.when, origin });
    }
    const comment = options.includeComment && doc.comment.length > 0;
    return {
      anchor: `briefing-${i + 1}`,
      index: i + 1,
      doc,
      actions,
      followsUp,
      followsUpNotShown: notShown,
      comment,
      numbers: options.numberedParagraphs ? paragraphNumbers(doc, comment) : null,
    };
  });

  const tracker: PackTrackerRow[] | null = options.includeTracker
    ? content.actions.flatMap((a): PackTrackerRow[] => {
        const action = actionById.get(a.id);
        if (!action) return [];
        const b = a.briefingId ? included.get(a.briefingId) : undefined;
        return [{ action, briefing: b ? { title: b.title, startsAt: b.startsAt } : null, from: fromOf.get(a.id) ?? null }];
      })
    : null;
  const overdueCount = [...actionById.values()].filter((a) => a.overdue).length;

  const decisionRows: PackDecisionRow[] = briefings.flatMap((s) =>
    s.doc.decisions.map((d) => ({ briefing: { title: s.doc.header.title, startsAt: s.doc.header.startsAt }, text: d.text, decidedBy: decidedBy(d.speaker) })),
  );

  const annexes: PackAnnex[] = [];
  const addAnnex = (id: AnnexId, title: string) => annexes.push({ id, letter: annexLetter(locale, annexes.length), title });
  if (tracker) addAnnex('annex-tracker', translate(locale, 'doc.annex.tracker'));
  if (decisionRows.length) addAnnex('annex-decisions', translate(locale, 'doc.annex.decisions'));
  const people_ = options.includePeople
    ? { ...peopleAnnex(data, content.people, content.organisations), hasPeople: content.people.length > 0, hasOrganisations: content.organisations.length > 0 }
    : null;
  if (people_) addAnnex('annex-people', translate(locale, 'doc.annex.people'));

  const entries: ContentsEntry[] = [
    ...briefings.map((s) => ({ id: s.anchor, lead: longDate(s.doc.header.startsAt), label: s.doc.header.title })),
    ...annexes.map((a) => ({ id: a.id, lead: translate(locale, 'doc.annex.name', { letter: a.letter }), label: a.title })),
  ];

  const from = options.from.trim() || letterhead.mission;
  const orLetterhead = (list: string[], fallback: string[]) => (list.length ? list : fallback);
  return {
    title: options.title,
    recipient: options.recipient.trim(),
    preparedBy: options.preparedBy.trim(),
    mission: letterhead.mission,
    fileReference: options.fileReference.trim(),
    from,
    to: orLetterhead(options.to, letterhead.to),
    info: orLetterhead(options.info, letterhead.info),
    distribution: orLetterhead(options.distribution, letterhead.distribution),
    issueDate,
    creationDate: effectiveCreationDate(options, now),
    period: content.dateFrom === content.dateTo ? longDate(content.dateFrom) : `${longDate(content.dateFrom)} – ${longDate(content.dateTo)}`,
    banner: content.banner,
    levelLabel: content.levelLabel,
    classified: !!content.level && levelRank(content.levels, content.level) > 0,
    language: options.language,
    locale,
    paper: options.paper,
    watermark: options.watermark.trim(),
    numberedParagraphs: options.numberedParagraphs,
    briefings,
    annexes,
    tracker,
    overdueCount,
    decisions: decisionRows.length ? decisionRows : null,
    people: people_,
    contents: entries.length >= CONTENTS_MIN_ENTRIES ? entries : null,
    tags: [...new Set(content.briefings.flatMap((pb) => pb.briefing.tags))],
    content,
  };
}

/**
 * Summary paragraphs, then statements in the order printed (by speaker), then the comment: 1, 2, 3… A list
 * right after a paragraph ("Key points for the mission:" and its points) is that paragraph's, as a cable
 * numbers it: it takes no number of its own.
 */
function paragraphNumbers(doc: BriefingDocument, comment: boolean): ParagraphNumbers {
  let n = 0;
  const number = (blocks: readonly Block[]) => blocks.map((b, i) => (b.type === 'list' && i > 0 ? null : ++n));
  const summary = number(doc.summary);
  const statements: Record<string, number> = {};
  for (const section of doc.statements) for (const s of section.statements) statements[s.id] = ++n;
  return { summary, statements, comment: comment ? number(doc.comment) : [] };
}

/**
 * The numbered copies of a pack, one per entry of its distribution list (none when the list is empty):
 * each recipient's PDF carries "Copy n of N — recipient" on every page.
 */
export function packCopies(doc: Pick<PackDocument, 'distribution'>): PackCopy[] {
  return doc.distribution.map((recipient, i) => ({ number: i + 1, total: doc.distribution.length, recipient }));
}

/**
 * The file of one numbered copy: `pack.pdf` → `pack-copy-3-of-5-Embassy-Tashkent.pdf`. One file per
 * recipient rather than a zip: a registry logs, sends and prints each copy on its own, and mission mail
 * gateways often strip archives. The recipient keeps letters and digits of any script only (a file name
 * valid on Windows, macOS and Linux).
 */
export function copyFileName(fileName: string, copy: PackCopy): string {
  const dot = fileName.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  const who = copy.recipient
    .normalize('NFKC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return `${stem}-copy-${copy.number}-of-${copy.total}${who ? `-${who}` : ''}${ext}`;
}

/** "Copy 3 of 5 — Embassy of Ruritania, Tashkent" */
export function copyLine(copy: PackCopy, locale: Locale = 'en'): string {
  return translate(locale, 'doc.copy', { number: copy.number, total: copy.total, recipient: copy.recipient });
}
