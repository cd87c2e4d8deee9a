/**
 * One briefing as a document: the format-neutral structure every writer renders — the reading view and
 * print today, the pack, the cable, the .docx and the Markdown later — so that what goes in a briefing is
 * decided once (GUIDE §4, "one document model, many writers"). It reuses the core's own derivations:
 * who was present (attendance.ts), references through merges and organisation paths (directory.ts),
 * held events (held-events.ts), the summary markup (richtext.ts). Text stays text: the structure holds
 * strings and parsed summary blocks, never markup to interpret. Pure: no Dexie, Svelte or DOM.
 */
import { attendanceList, presentAt, type Present } from '../attendance';
import { bannerText, levelLabel, levelRank } from '../classification';
import { formatLongDate, formatLongDateTime } from '../dates';
import { organisationPath, resolve, type Lookup } from '../directory';
import type { HeldBriefing } from '../held-events';
import { translate, type Locale } from '../i18n';
import { formatLabel, statusLabel } from '../labels';
import {
  BRIEFING_FORMATS,
  compareStatements,
  organisationWithAcronym,
  type Action,
  type ActionKind,
  type ActionStatus,
  type Briefing,
  type ClassificationLevel,
  type Organisation,
  type Person,
  type Statement,
  type StatementKind,
  type WorkspaceData,
} from '../model';
import { compareActions } from '../pack/select';
import { parseRichText, type Block } from '../richtext';
import { settingsOfData } from '../settings';

/** An organisation as a document names it. */
export interface OrganisationRef {
  id: string;
  /** "Drug Control Agency (DCA)" */
  name: string;
  /** "UNODC › Regional Office for Central Asia (ROCA)": the organisations it sits under, by acronym. */
  path: string;
}

/** A person as a document names them: the name, the title, the organisation. */
export interface PersonRef {
  /** The kept record's id (a merged-away spelling resolves to the one kept): where a name links to. */
  id: string;
  name: string;
  title: string;
  organisation: OrganisationRef | null;
  /** "Director, Drug Control Agency (DCA)", '' when neither is recorded. */
  role: string;
}

export interface ClassificationMark {
  id: string;
  /** "RESTRICTED" */
  label: string;
  caveat: string;
  /** "RESTRICTED // EYES ONLY": what a banner prints at the top and foot of every page. */
  banner: string;
  /** Position in the mission's levels (0: the least restrictive; anything above is marked as classified). */
  rank: number;
}

export interface DocumentHeader {
  title: string;
  /** `YYYY-MM-DDTHH:mm` as stored. */
  startsAt: string;
  /** "17 March 2015, 10:00" */
  when: string;
  place: string;
  format: string;
  organisers: OrganisationRef[];
  audience: string;
  classification: ClassificationMark;
  tags: string[];
}

export interface AttendeeRef extends PersonRef {
  speaker: boolean;
  delegation: boolean;
}

export interface DocumentAttendance {
  /** Our delegation, in the order entered. */
  delegation: AttendeeRef[];
  /** Everyone else by organisation (organisations by name, people without one last), people by name. */
  others: { organisation: OrganisationRef | null; people: AttendeeRef[] }[];
  /** "Heads of diplomatic missions accredited in Tajikistan" */
  groups: string[];
  empty: boolean;
}

export interface StatementBlock {
  id: string;
  kind: StatementKind;
  text: string;
  tags: string[];
  /** Follow-ups and events made from this statement, as listed in `followUps` and `events`. */
  actionIds: string[];
}

/** A speaker's statements (null: not recorded, or the person was deleted). */
export interface SpeakerSection {
  speaker: PersonRef | null;
  statements: StatementBlock[];
}

export interface DecisionItem {
  /** 1, 2, … in recorded order. */
  number: number;
  statementId: string;
  text: string;
  speaker: PersonRef | null;
}

/** Where an event was held: the later briefing that recorded it. */
export interface HeldRef {
  briefingId: string;
  /** Whether that briefing is here (live) to link to. */
  found: boolean;
  /** "Held — see Regional conference, 12 May 2015", or that it is recorded in a briefing not here. */
  text: string;
}

export interface ActionItem {
  id: string;
  kind: ActionKind;
  title: string;
  owner: string;
  /** As stored: a day, a month or a year (core/partial-date.ts), or ''. */
  due: string;
  /** "27 May 2015", "May 2015", '' */
  dueText: string;
  place: string;
  status: ActionStatus;
  statusLabel: string;
  notes: string;
  tags: string[];
  statementId: string | null;
  /** For an event kept by a later briefing. */
  held: HeldRef | null;
}

/** An event announced at an earlier briefing that this one records as held. */
export interface FollowsUpItem {
  event: ActionItem;
  /** The briefing that announced it (null: not here, or deleted). */
  announcedAt: { id: string; name: string } | null;
  /** Who announced it, when recorded and live. */
  speaker: PersonRef | null;
  /** "27 May 2015 · Dushanbe" */
  when: string;
}

export interface BriefingDocument {
  id: string;
  header: DocumentHeader;
  attendance: DocumentAttendance;
  /** Everyone who spoke, in order of first statement: the meeting screen's speaker keys follow this order. */
  speakers: PersonRef[];
  summary: Block[];
  /** The officer's own assessment (never attributed to a speaker). */
  comment: Block[];
  /** Statements in recorded order, grouped by speaker in order of first appearance. */
  statements: SpeakerSection[];
  statementCount: number;
  decisions: DecisionItem[];
  /** Tasks, by due date (undated last). */
  followUps: ActionItem[];
  /** Announced events, by date (undated last). */
  events: ActionItem[];
  followsUp: FollowsUpItem[];
}

/** An event kept here, with what is known of where and by whom it was announced (data/held-events.ts keptEvents gives this). */
export interface KeptSource {
  event: Action;
  announcing: Pick<HeldBriefing, 'id' | 'title' | 'startsAt'> | undefined;
  speaker: Person | undefined;
}

/** What a briefing's document is made from: its own records and lookups for what they name. */
export interface BriefingSources {
  briefing: Briefing;
  /** The briefing's statements (any order; deleted ones are left out). */
  statements: readonly Statement[];
  /** The briefing's follow-ups and events (deleted ones are left out). */
  actions: readonly Action[];
  /** Events of earlier briefings held at this one. */
  kept: readonly KeptSource[];
  /** Every person by id, merged-away ones included (references resolve through them); deleted people are never named. */
  people: Lookup<Person>;
  organisations: Lookup<Organisation>;
  /** Briefings by id, for the briefing an event was held at. */
  briefings: Lookup<HeldBriefing>;
  levels: readonly ClassificationLevel[];
  /** The language the document's own words are in (dates, labels, "Held — see …"); English when absent. */
  locale?: Locale;
}

const liveOnly = <R extends { deleted: 0 | 1 }>(r: R | undefined): R | undefined => (r && r.deleted === 0 ? r : undefined);

export function briefingDocument(src: BriefingSources): BriefingDocument {
  const b = src.briefing;
  const locale = src.locale ?? 'en';
  const paths = new Map<string, string>();
  const orgRef = (o: Organisation): OrganisationRef => {
    let path = paths.get(o.id);
    if (path === undefined) paths.set(o.id, (path = organisationPath(src.organisations, o.id)));
    return { id: o.id, name: organisationWithAcronym(o), path };
  };
  const personRef = (p: Person, organisation: Organisation | null): PersonRef => {
    const org = organisation ? orgRef(organisation) : null;
    return { id: p.id, name: p.name, title: p.title.trim(), organisation: org, role: [p.title.trim(), org?.name ?? ''].filter(Boolean).join(', ') };
  };
  const speakerOf = (personId: string | null): PersonRef | null => {
    const p = liveOnly(resolve(src.people, personId));
    if (!p) return null;
    return personRef(p, liveOnly(resolve(src.organisations, p.organisationId)) ?? null);
  };

  const statements = src.statements.filter((s) => s.deleted === 0 && s.briefingId === b.id).sort(compareStatements);
  const actions = src.actions.filter((a) => a.deleted === 0 && a.briefingId === b.id).sort(compareActions);
  const actionIdsOf = new Map<string, string[]>();
  for (const a of actions) if (a.statementId) actionIdsOf.set(a.statementId, [...(actionIdsOf.get(a.statementId) ?? []), a.id]);

  // Statements grouped by speaker, in order of first appearance (as the pack prints them).
  const sections: SpeakerSection[] = [];
  const sectionOf = new Map<string, SpeakerSection>();
  const speakers: PersonRef[] = [];
  const decisions: DecisionItem[] = [];
  for (const s of statements) {
    const speaker = speakerOf(s.speakerId);
    const key = speaker?.id ?? '';
    let section = sectionOf.get(key);
    if (!section) {
      sectionOf.set(key, (section = { speaker, statements: [] }));
      sections.push(section);
      if (speaker) speakers.push(speaker);
    }
    section.statements.push({ id: s.id, kind: s.kind, text: s.text, tags: [...s.tags], actionIds: actionIdsOf.get(s.id) ?? [] });
    if (s.kind === 'decision') decisions.push({ number: decisions.length + 1, statementId: s.id, text: s.text, speaker });
  }

  const presence = presentAt(
    b.attendees,
    statements.map((s) => s.speakerId),
    (id) => liveOnly(src.people(id)),
    (id) => liveOnly(src.organisations(id)),
  );
  const list = attendanceList(presence, b.attendeeGroups);
  const attendee = (p: Present): AttendeeRef => ({ ...personRef(p.person, p.organisation), speaker: p.speaker, delegation: p.delegation });

  const actionItem = (a: Action): ActionItem => actionItemOf(a, src.briefings, locale);

  const organisers: OrganisationRef[] = [];
  for (const id of b.organiserIds) {
    const o = liveOnly(resolve(src.organisations, id));
    if (o && !organisers.some((x) => x.id === o.id)) organisers.push(orgRef(o));
  }

  return {
    id: b.id,
    header: {
      title: b.title,
      startsAt: b.startsAt,
      when: formatLongDateTime(b.startsAt, locale),
      place: b.location,
      format: formatKnown(b.format) ? formatLabel(locale, b.format) : b.format,
      organisers,
      audience: b.audience,
      classification: {
        id: b.classification,
        label: levelLabel(src.levels, b.classification),
        caveat: b.caveat.trim(),
        banner: bannerText(src.levels, b.classification, [b.caveat]),
        rank: levelRank(src.levels, b.classification),
      },
      tags: [...b.tags],
    },
    attendance: {
      delegation: list.delegation.map(attendee),
      others: list.others.map((g) => ({ organisation: g.organisation ? orgRef(g.organisation) : null, people: g.people.map(attendee) })),
      groups: list.groups,
      empty: list.empty,
    },
    speakers,
    summary: parseRichText(b.summary),
    comment: parseRichText(b.comment),
    statements: sections,
    statementCount: statements.length,
    decisions,
    followUps: actions.filter((a) => a.kind === 'task').map(actionItem),
    events: actions.filter((a) => a.kind === 'event').map(actionItem),
    followsUp: src.kept
      .filter((k) => k.event.deleted === 0)
      .sort((x, y) => compareActions(x.event, y.event))
      .map((k) => ({
        event: actionItem(k.event),
        announcedAt: k.announcing ? { id: k.announcing.id, name: documentBriefingName(k.announcing, locale) } : null,
        speaker: k.speaker && k.speaker.deleted === 0 ? speakerOf(k.speaker.id) : null,
        when: [k.event.due ? formatLongDate(k.event.due, locale) : '', k.event.place].filter(Boolean).join(' · '),
      })),
  };
}

// A format from a newer version, unknown here, is printed as it was stored.
const formatKnown = (f: string): f is Briefing['format'] => (BRIEFING_FORMATS as readonly string[]).includes(f);

/**
 * A briefing's name in a document: its title (or "Untitled briefing") and its date, in the document's
 * language (core/held-events.ts briefingName is the same in English, for screens and messages).
 */
export function documentBriefingName(b: Pick<HeldBriefing, 'title' | 'startsAt'>, locale: Locale = 'en'): string {
  return translate(locale, 'doc.briefingName', { title: b.title.trim() || translate(locale, 'doc.untitled'), date: formatLongDate(b.startsAt.slice(0, 10), locale) });
}

/** "Held — see Regional conference on drug control, 12 May 2015"; a briefing not here is said so. */
export function heldText(later: Pick<HeldBriefing, 'title' | 'startsAt'> | undefined, locale: Locale = 'en'): string {
  return later ? translate(locale, 'doc.held.see', { briefing: documentBriefingName(later, locale) }) : translate(locale, 'doc.held.notHere');
}

/** A follow-up or an event as documents show it (the briefing's lists, the tracker's exports), in the document's language. */
export function actionItemOf(a: Action, briefings: Lookup<HeldBriefing>, locale: Locale = 'en'): ActionItem {
  let held: HeldRef | null = null;
  if (a.kind === 'event' && a.heldInBriefingId) {
    const later = briefings(a.heldInBriefingId);
    const found = !!later && !later.deleted;
    held = { briefingId: a.heldInBriefingId, found, text: heldText(found ? later : undefined, locale) };
  }
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    owner: a.owner,
    due: a.due,
    dueText: a.due ? formatLongDate(a.due, locale) : '',
    place: a.place,
    status: a.status,
    statusLabel: statusLabel(locale, a.status),
    notes: a.notes,
    tags: [...a.tags],
    statementId: a.statementId,
    held,
  };
}

/** The document of one briefing of a workspace (the CLI, the tests, later the pack), or undefined when it is not there. */
export function briefingDocumentFromData(data: WorkspaceData, briefingId: string, locale: Locale = 'en'): BriefingDocument | undefined {
  const briefingById = new Map(data.briefings.map((b) => [b.id, b]));
  const briefing = liveOnly(briefingById.get(briefingId));
  if (!briefing) return undefined;
  const people = new Map(data.people.map((p) => [p.id, p]));
  const organisations = new Map(data.organisations.map((o) => [o.id, o]));
  const statementById = new Map(data.statements.map((s) => [s.id, s]));
  const kept: KeptSource[] = data.actions
    .filter((a) => a.deleted === 0 && a.kind === 'event' && a.heldInBriefingId === briefingId)
    .map((event) => {
      const announcing = liveOnly(event.briefingId ? briefingById.get(event.briefingId) : undefined);
      const statement = liveOnly(event.statementId ? statementById.get(event.statementId) : undefined);
      return { event, announcing, speaker: statement?.speakerId ? people.get(statement.speakerId) : undefined };
    });
  return briefingDocument({
    briefing,
    statements: data.statements.filter((s) => s.briefingId === briefingId),
    actions: data.actions.filter((a) => a.briefingId === briefingId),
    kept,
    people: (id) => people.get(id),
    organisations: (id) => organisations.get(id),
    briefings: (id) => briefingById.get(id),
    levels: settingsOfData(data).classificationLevels,
    locale,
  });
}
