/**
 * A reporting cable: one or more briefings in the shape foreign ministries use — classification line top
 * and bottom, precedence, From (the mission), To, Info, Subject, References, TAGS — then, per briefing, a
 * Summary, the meeting's particulars, the substance by speaker (figures, proposals, requests, decisions
 * labelled by kind), the officer's Comment (never attributed to a speaker), and at the end Action requested
 * (the open follow-ups with owners and due dates). Paragraphs are numbered through the whole cable, so the
 * capital can answer "your para 7"; with portion marks on, each starts with its level's short form, "(U)".
 *
 * Built from BriefingDocuments (core/document/briefing.ts), never from the records: what goes in a
 * briefing is decided there once. The writers (core/export/cable-text.ts, cable-pdf.ts, the .docx) render
 * this structure. Text here is plain: summary and comment markup is reduced to its words.
 */
import { bannerText, highestLevel, levelShort } from '../classification';
import { formatLongDate } from '../dates';
import { firstDay } from '../partial-date';
import { annexLetter } from './language';
import type { Letterhead, Precedence } from '../letterhead';
import { translate, type Locale, type MessageKey } from '../i18n';
import { kindLabel } from '../labels';
import type { ClassificationLevel, StatementKind } from '../model';
import type { Block, Run } from '../richtext';
import type { ExportInput, ExportOptions } from '../export/formats';
import type { ActionItem, BriefingDocument, PersonRef } from './briefing';

export interface CableParagraph {
  /** 1, 2, … through the whole cable. */
  number: number;
  /** "(C)" when portion marks are on, else ''. */
  mark: string;
  /** "FIGURE", "REQUEST"…: what kind of statement this is ('' for a plain statement or prose). */
  label: string;
  text: string;
  /** Bulleted items that belong to the paragraph (a summary's list). */
  items: string[];
}

/** A run of paragraphs under one heading: "SUMMARY", a speaker, "COMMENT". */
export interface CablePart {
  /** A section of the cable ("SUMMARY", "COMMENT"), or one speaker's statements. */
  kind: 'section' | 'speaker';
  heading: string;
  /** A speaker's title and organisation, under the heading ('' for other parts). */
  subheading: string;
  paragraphs: CableParagraph[];
}

export interface CableBriefing {
  id: string;
  /** "International Cooperation … (17 March 2015)" when the cable reports several briefings; '' for one. */
  heading: string;
  parts: CablePart[];
}

/** Which field a header line is, whatever language its label is printed in. */
export type CableFieldId = 'precedence' | 'date' | 'from' | 'to' | 'info' | 'subject' | 'ref' | 'tags';

export interface CableField {
  id: CableFieldId;
  /** "TO", "INFO", "SUBJECT"… (« OBJET », «ТЕМА» in a French or Russian cable). */
  label: string;
  /** One entry per line (To and Info list one addressee each; references one each). */
  values: string[];
}

export interface CableDocument {
  /** "CONFIDENTIAL // EYES ONLY": the highest level of the briefings reported, with their caveats. */
  classification: string;
  precedence: Precedence;
  /** "4 December 2026" */
  date: string;
  subject: string;
  /** Precedence, date, From, To, Info, Subject, References, Tags, in that order; empty ones left out. */
  fields: CableField[];
  briefings: CableBriefing[];
  /** The open follow-ups of all the briefings, one paragraph each ([] when none). */
  actions: CablePart | null;
  /** Every numbered paragraph's number, for the writers' hanging indent: the highest one. */
  lastNumber: number;
  /** The language the cable's own words are in (the writers print "Page x of y" and labels in it). */
  locale: Locale;
}

export interface CableOptions {
  letterhead: Letterhead;
  levels: readonly ClassificationLevel[];
  /** `YYYY-MM-DD`: the cable's date. */
  asOf: string;
  precedence?: Precedence;
  references?: readonly string[];
  portionMarks?: boolean;
  /** For several briefings: the subject line (default: the titles joined). */
  subject?: string;
  /** The language of the cable's own words (labels, headings, dates); English when absent. */
  locale?: Locale;
}

const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');

/** The kind label a cable prints before a statement ('' for a plain statement). */
const kindPrefix = (locale: Locale, kind: StatementKind): string => (kind === 'statement' ? '' : kindLabel(locale, kind).toLocaleUpperCase(locale === 'en' ? 'en-GB' : locale));

/** Open (or in progress) follow-ups and events: what a cable asks the capital to act on. */
const isOpen = (a: ActionItem): boolean => a.status === 'open' || a.status === 'in-progress';

function speakerHeading(speaker: PersonRef | null, locale: Locale): { heading: string; subheading: string } {
  if (!speaker) return { heading: translate(locale, 'doc.speakerNotRecorded'), subheading: '' };
  return { heading: speaker.name, subheading: speaker.role };
}

/** "17 March 2015" of a briefing's stored start. */
const dayOf = (d: BriefingDocument, locale: Locale): string => formatLongDate(d.header.startsAt.slice(0, 10), locale);

export function cableDocument(docs: readonly BriefingDocument[], options: CableOptions): CableDocument {
  const { letterhead, levels } = options;
  const locale = options.locale ?? 'en';
  const w = (key: MessageKey, values?: Record<string, string>) => translate(locale, key, values);
  const portionMarks = options.portionMarks ?? letterhead.portionMarks;
  const precedence = options.precedence ?? letterhead.precedence;
  let number = 0;
  const paragraph = (doc: BriefingDocument, text: string, label = '', items: string[] = []): CableParagraph => ({
    number: ++number,
    mark: portionMarks ? `(${levelShort(levels, doc.header.classification.id)})` : '',
    label,
    text,
    items,
  });
  /** Summary or comment blocks as paragraphs: a list right after a paragraph belongs to it. */
  const prose = (doc: BriefingDocument, blocks: readonly Block[]): CableParagraph[] => {
    const out: CableParagraph[] = [];
    for (const block of blocks) {
      if (block.type === 'paragraph') out.push(paragraph(doc, runsText(block.runs)));
      else {
        const items = block.items.map(runsText);
        const last = out[out.length - 1];
        if (last && last.items.length === 0) last.items = items;
        else out.push(paragraph(doc, '', '', items));
      }
    }
    return out;
  };

  const several = docs.length > 1;
  const briefings: CableBriefing[] = docs.map((doc) => {
    const parts: CablePart[] = [];
    const summary = prose(doc, doc.summary);
    if (summary.length) parts.push({ kind: 'section', heading: w('doc.cable.summary'), subheading: '', paragraphs: summary });
    parts.push({ kind: 'section', heading: w('doc.cable.briefing'), subheading: '', paragraphs: [paragraph(doc, particulars(doc, locale))] });
    for (const section of doc.statements) {
      parts.push({
        kind: 'speaker',
        ...speakerHeading(section.speaker, locale),
        paragraphs: section.statements.map((s) => paragraph(doc, s.text.trim(), kindPrefix(locale, s.kind))),
      });
    }
    if (doc.followsUp.length) {
      parts.push({
        kind: 'section',
        heading: w('doc.cable.eventsHeld'),
        subheading: '',
        paragraphs: doc.followsUp.map((f) =>
          paragraph(doc, [f.event.title, f.when, f.announcedAt ? w('doc.cable.announcedAt', { briefing: f.announcedAt.name }) : ''].filter(Boolean).join('. ')),
        ),
      });
    }
    const comment = prose(doc, doc.comment);
    if (comment.length) parts.push({ kind: 'section', heading: w('doc.cable.comment'), subheading: '', paragraphs: comment });
    return { id: doc.id, heading: several ? `${doc.header.title} (${dayOf(doc, locale)})` : '', parts };
  });

  // Tasks and events in one list by date (a month or a year from its first day), undated last.
  const when = (a: ActionItem): string => firstDay(a.due) || '9999-99-99';
  const open = docs
    .flatMap((doc) => [...doc.followUps, ...doc.events].filter(isOpen).map((a) => ({ doc, a })))
    .sort((x, y) => (when(x.a) < when(y.a) ? -1 : when(x.a) > when(y.a) ? 1 : 0));
  const actions: CablePart | null = open.length
    ? {
        kind: 'section',
        heading: w('doc.cable.actionRequested'),
        subheading: '',
        paragraphs: open.map(({ doc, a }) => paragraph(doc, actionText(a, locale), a.kind === 'event' ? w('doc.flag.event').toLocaleUpperCase(locale) : '')),
      }
    : null;

  const top = highestLevel(levels, docs.map((d) => d.header.classification.id)) ?? docs[0]?.header.classification.id ?? '';
  const caveats = docs.map((d) => d.header.classification.caveat);
  const subject = options.subject?.trim() || (several ? docs.map((d) => d.header.title).join('; ') : docs[0] ? `${docs[0].header.title} (${dayOf(docs[0], locale)})` : '');
  const tags = [...new Set(docs.flatMap((d) => d.header.tags))];
  const references = (options.references ?? []).map((r) => r.trim()).filter(Boolean);
  const lettered = references.map((r, i) => `${annexLetter(locale, i)}. ${r}`);
  const date = formatLongDate(options.asOf, locale);
  const field = (id: CableFieldId, values: string[]): CableField => ({ id, label: w(`doc.cable.field.${id}` as MessageKey), values });
  const fields: CableField[] = [
    field('precedence', [w('doc.cable.precedence', { precedence })]),
    field('date', [date]),
    field('from', [letterhead.from]),
    field('to', letterhead.to),
    field('info', letterhead.info),
    field('subject', [subject]),
    field('ref', lettered),
    field('tags', tags.length ? [tags.join(', ')] : []),
  ].filter((f) => f.values.length > 0);

  return { classification: bannerText(levels, top, caveats), precedence, date, subject, fields, briefings, actions, lastNumber: number, locale };
}

/** The meeting's particulars as labelled items: "Held: 17 March 2015, 10:00, Ministry of Foreign Affairs, Dushanbe. Organisers: …". */
function particulars(doc: BriefingDocument, locale: Locale): string {
  const h = doc.header;
  const items: [MessageKey, string][] = [
    ['doc.cable.held', [h.when, h.place].filter(Boolean).join(', ')],
    ['doc.detail.format', h.format],
    ['doc.detail.organisers', h.organisers.map((o) => o.name).join('; ')],
    ['doc.detail.audience', h.audience.trim() || doc.attendance.groups.join('; ')],
  ];
  return items
    .filter(([, v]) => v)
    .map(([k, v]) => `${translate(locale, 'doc.pair', { label: translate(locale, k), value: v.replace(/\.$/, '') })}.`)
    .join(' ');
}

/** "Seek instructions on participation in the Dushanbe conference. Owner: Deputy Head of Mission. Due: 10 April 2015." */
function actionText(a: ActionItem, locale: Locale): string {
  const items: [MessageKey, string][] = [
    ['doc.cable.owner', a.owner.trim()],
    // An event's date is when it takes place, a task's when it is due.
    [a.kind === 'event' ? 'doc.cable.date' : 'doc.cable.due', a.dueText],
    ['doc.cable.place', a.place.trim()],
    ['doc.cable.status', a.status === 'in-progress' ? a.statusLabel : ''],
  ];
  const pairs = items.filter(([, v]) => v).map(([k, v]) => translate(locale, 'doc.pair', { label: translate(locale, k), value: v }));
  return [a.title.trim(), ...pairs].map((s) => s.replace(/\.$/, '')).join('. ') + '.';
}

/** The cable an export asks for: the input's briefings, letterhead and date with the export's choices (every cable writer starts here). */
export function cableForExport(
  input: Pick<ExportInput, 'briefings' | 'letterhead' | 'levels' | 'asOf' | 'locale'>,
  options: Pick<ExportOptions, 'precedence' | 'references' | 'portionMarks' | 'subject'>,
): CableDocument {
  return cableDocument(input.briefings, {
    letterhead: input.letterhead,
    levels: input.levels,
    asOf: input.asOf,
    precedence: options.precedence,
    references: options.references,
    portionMarks: options.portionMarks,
    subject: options.subject,
    locale: input.locale,
  });
}
