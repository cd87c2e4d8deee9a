/**
 * Which records go into a pack. The Pack dialog calls `selectPack` on every change for its live counts
 * and the list of briefings the ceiling leaves out; the document builder calls it once and lays out
 * exactly what it returns, so the dialog's counts and the PDF can never disagree.
 */
import { bannerText, highestLevel, levelLabel, withinCeiling } from '../classification';
import { compareStatements, type Action, type Briefing, type ClassificationLevel, type Organisation, type Person, type Statement, type WorkspaceData } from '../model';
import { resolve, resolveId } from '../directory';
import { settingsOfData } from '../settings';
import { compareNames, foldName } from '../text';
import type { PackOptions, PackSelection } from './options';

export interface ExcludedBriefing {
  id: string;
  title: string;
  startsAt: string;
  /** Level id and label of the briefing, for "left out: 2 briefings above RESTRICTED: …". */
  classification: string;
  classificationLabel: string;
}

export interface SpeakerGroup {
  /** null for statements whose speaker is not recorded (or was deleted). */
  speaker: Person | null;
  organisation: Organisation | null;
  statements: Statement[];
}

export interface PackBriefing {
  briefing: Briefing;
  organisers: Organisation[];
  /** Statements in their recorded `order`, grouped by speaker in order of first appearance. Empty if statements are not included. */
  speakers: SpeakerGroup[];
  /** Follow-ups (tasks) and announced events of this briefing, by due date. */
  actions: Action[];
}

export interface PackCounts {
  briefings: number;
  /** Statements that will be printed (0 when statements are not included). */
  statements: number;
  /** Follow-ups and events of the included briefings. */
  actions: number;
  /** Briefings that matched the selection but are above the ceiling. */
  excluded: number;
}

export interface PackContent {
  levels: ClassificationLevel[];
  /** Included briefings, oldest first. */
  briefings: PackBriefing[];
  /** Matched but above the ceiling, oldest first. */
  excluded: ExcludedBriefing[];
  /** Every action of the included briefings, by due date (undated last), then title. */
  actions: Action[];
  /** People who speak in the included briefings (when statements are included), by name. */
  people: Person[];
  /** Organisations that organise an included briefing or employ a listed person, by name. */
  organisations: Organisation[];
  /** Most restrictive level included ('' when nothing is included) and its banner with the caveats. */
  level: string;
  levelLabel: string;
  caveats: string[];
  banner: string;
  /** `YYYY-MM-DD` of the earliest and latest included briefing ('' when none). */
  dateFrom: string;
  dateTo: string;
  counts: PackCounts;
}

/** What the Pack dialog shows of a selection: the counts, the overall banner and what the ceiling leaves out. */
export type PackPreview = Pick<PackContent, 'counts' | 'banner' | 'excluded'>;

export function previewOf(content: PackContent): PackPreview {
  return { counts: content.counts, banner: content.banner, excluded: content.excluded };
}

const live = <T extends { deleted: 0 | 1 }>(rows: readonly T[]): T[] => rows.filter((r) => r.deleted !== 1);

// One collator for titles: localeCompare with a locale argument builds a new one per call.
const exact = new Intl.Collator('en');

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Due date order with undated items last; ties by title then id so the order is total (reproducible PDFs). */
export function compareActions(a: Action, b: Action): number {
  if (a.due !== b.due) {
    if (!a.due) return 1;
    if (!b.due) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return exact.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A briefing as the selection, the ceiling and the banner read it (a stored one, or its kept totals' facts). */
type Selectable = Pick<Briefing, 'id' | 'title' | 'startsAt' | 'tags' | 'organiserIds' | 'classification' | 'caveat'>;

const compareBriefings = (a: Selectable, b: Selectable) =>
  a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : exact.compare(a.title, b.title) || (a.id < b.id ? -1 : 1);

/**
 * The selection's criteria as a test of one briefing; `spokeIn(b, speakers)` says whether any of these
 * people made a statement in it (selectPack looks at its statements, the kept totals at their speakers).
 */
export function selectionTest<B extends Selectable>(sel: PackSelection, spokeIn: (b: B, speakers: ReadonlySet<string>) => boolean): (b: B) => boolean {
  const picked = new Set(sel.briefingIds);
  const tags = new Set(sel.tags.map(foldName));
  const organisers = new Set(sel.organiserIds);
  const speakers = new Set(sel.speakerIds);
  return (b) => {
    if (picked.size && !picked.has(b.id)) return false;
    const day = b.startsAt.slice(0, 10);
    if (sel.from && day < sel.from) return false;
    if (sel.to && day > sel.to) return false;
    if (tags.size && !b.tags.some((t) => tags.has(foldName(t)))) return false;
    if (organisers.size && !b.organiserIds.some((id) => organisers.has(id))) return false;
    if (speakers.size && !spokeIn(b, speakers)) return false;
    return true;
  };
}

/** Matched briefings, oldest first, split by the ceiling ('' = none): those included, and those it leaves out. */
export function byCeiling<B extends Selectable>(matched: B[], levels: readonly ClassificationLevel[], ceiling: string): { included: B[]; excluded: ExcludedBriefing[] } {
  const included: B[] = [];
  const excluded: ExcludedBriefing[] = [];
  for (const b of matched.sort(compareBriefings)) {
    if (!ceiling || withinCeiling(levels, b.classification, ceiling)) included.push(b);
    else
      excluded.push({
        id: b.id,
        title: b.title,
        startsAt: b.startsAt,
        classification: b.classification,
        classificationLabel: levelLabel(levels, b.classification),
      });
  }
  return { included, excluded };
}

/** The most restrictive level of the included briefings ('' when none), their caveats, and the banner they make. */
export function bannerOf(levels: readonly ClassificationLevel[], included: readonly Selectable[]): { level: string; caveats: string[]; banner: string } {
  const level = highestLevel(
    levels,
    included.map((b) => b.classification),
  );
  const caveats = [...new Set(included.map((b) => b.caveat.trim()).filter(Boolean))];
  return { level: level ?? '', caveats, banner: level ? bannerText(levels, level, caveats) : '' };
}

export function selectPack(data: WorkspaceData, options: PackOptions): PackContent {
  const levels = settingsOfData(data).classificationLevels;
  const sel = options.selection;
  // References resolve through redirects (core/directory.ts) over every record, and only then is the one
  // kept asked whether it is live: a merged-away spelling whose kept person was deleted is never named.
  const orgById = new Map(data.organisations.map((o) => [o.id, o]));
  const personById = new Map(data.people.map((p) => [p.id, p]));
  const personLookup = (id: string) => personById.get(id);
  const orgLookup = (id: string) => orgById.get(id);
  const liveOnly = <R extends { deleted: 0 | 1 }>(r: R | undefined): R | undefined => (r && r.deleted === 0 ? r : undefined);

  const statementsByBriefing = new Map<string, Statement[]>();
  for (const s of live(data.statements)) {
    const list = statementsByBriefing.get(s.briefingId);
    if (list) list.push(s);
    else statementsByBriefing.set(s.briefingId, [s]);
  }
  const actionsByBriefing = new Map<string, Action[]>();
  for (const a of live(data.actions)) {
    if (!a.briefingId) continue;
    const list = actionsByBriefing.get(a.briefingId);
    if (list) list.push(a);
    else actionsByBriefing.set(a.briefingId, [a]);
  }

  const matches = selectionTest<Briefing>(sel, (b, speakers) =>
    (statementsByBriefing.get(b.id) ?? []).some((s) => s.speakerId !== null && speakers.has(resolveId(personLookup, s.speakerId))),
  );
  const { included, excluded } = byCeiling(live(data.briefings).filter(matches), levels, options.ceiling);

  const people = new Map<string, Person>();
  const orgs = new Map<string, Organisation>();
  const allActions: Action[] = [];
  let statementCount = 0;

  const briefings: PackBriefing[] = included.map((b) => {
    const organisersOfB = [...new Set(b.organiserIds.map((id) => liveOnly(resolve(orgLookup, id))).filter((o): o is Organisation => !!o))];
    for (const o of organisersOfB) orgs.set(o.id, o);
    const groups: SpeakerGroup[] = [];
    if (options.includeStatements) {
      const byKey = new Map<string, SpeakerGroup>();
      for (const s of (statementsByBriefing.get(b.id) ?? []).sort(compareStatements)) {
        // Through redirects (core/directory.ts): a statement naming a merged-away person is the kept one's.
        const speaker = liveOnly(resolve(personLookup, s.speakerId)) ?? null;
        const key = speaker?.id ?? '';
        let group = byKey.get(key);
        if (!group) {
          const organisation = liveOnly(resolve(orgLookup, speaker?.organisationId ?? null)) ?? null;
          group = { speaker, organisation, statements: [] };
          byKey.set(key, group);
          groups.push(group);
          if (speaker) people.set(speaker.id, speaker);
          if (organisation) orgs.set(organisation.id, organisation);
        }
        group.statements.push(s);
        statementCount++;
      }
    }
    const actions = (actionsByBriefing.get(b.id) ?? []).sort(compareActions);
    allActions.push(...actions);
    return { briefing: b, organisers: organisersOfB, speakers: groups, actions };
  });

  const { level, caveats, banner } = bannerOf(levels, included);
  const days = included.map((b) => b.startsAt.slice(0, 10)).sort();

  return {
    levels,
    briefings,
    excluded,
    actions: allActions.sort(compareActions),
    people: [...people.values()].sort(byName),
    organisations: [...orgs.values()].sort(byName),
    level,
    levelLabel: level ? levelLabel(levels, level) : '',
    caveats,
    banner,
    dateFrom: days[0] ?? '',
    dateTo: days[days.length - 1] ?? '',
    counts: { briefings: briefings.length, statements: statementCount, actions: allActions.length, excluded: excluded.length },
  };
}
