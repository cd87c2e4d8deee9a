/**
 * What of each record is searchable, and how a hit is shown. One place decides both, so that what the
 * box finds is what the result shows.
 */
import type { Action, Briefing, Organisation, Person, Statement } from '../model';
import type { ResultType } from './query';

/**
 * The version of what the index holds: the documents (toDoc, DOC_FIELDS, FIELD_BOOST's fields), the
 * tokenising, and the facts the engine keeps for filters. A persisted index carries it
 * (data/search-persist.ts) and is rebuilt when it differs: bump it with any change to those.
 */
export const SEARCH_INDEX_VERSION = 6;

/** The tables search covers, in load order: what others refer to comes first. */
export const INDEXED_TABLES = ['organisations', 'people', 'briefings', 'statements', 'actions'] as const;
export type IndexedTable = (typeof INDEXED_TABLES)[number];

export const TYPE_OF: Record<IndexedTable, ResultType> = {
  briefings: 'briefing',
  statements: 'statement',
  people: 'person',
  organisations: 'organisation',
  actions: 'action',
};

export const TABLE_OF: Record<ResultType, IndexedTable> = {
  briefing: 'briefings',
  statement: 'statements',
  person: 'people',
  organisation: 'organisations',
  action: 'actions',
};

export type IndexedRecord = Briefing | Statement | Person | Organisation | Action;

/** Index document ids carry their type, so a hit needs no lookup to know what it is. */
const PREFIX: Record<ResultType, string> = { briefing: 'b', statement: 's', person: 'p', organisation: 'o', action: 'a' };
const TYPE_BY_PREFIX: Record<string, ResultType> = { b: 'briefing', s: 'statement', p: 'person', o: 'organisation', a: 'action' };

export function docId(type: ResultType, id: string): string {
  return `${PREFIX[type]}:${id}`;
}

/** The type of an index document id, read from its first letter (nothing allocated: it runs per posting). */
export function typeOfDocId(docId: string): ResultType | undefined {
  return TYPE_BY_PREFIX[docId.charAt(0)];
}

export function splitDocId(docId: string): { type: ResultType; id: string } {
  const type = TYPE_BY_PREFIX[docId[0] ?? ''];
  if (!type || docId[1] !== ':') throw new Error(`Not a search document id: ${docId}`);
  return { type, id: docId.slice(2) };
}

/** The searchable text of a record, split into fields that are weighted differently. */
export interface SearchDoc {
  id: string;
  /** Title of a briefing or action, name of a person or organisation. */
  title: string;
  acronym: string;
  /** Short descriptive text: location, audience, role, country, owner, place, who spoke. */
  meta: string;
  /** Long text: summary, statement, notes. */
  body: string;
  tags: string;
}

export const DOC_FIELDS = ['title', 'acronym', 'meta', 'body', 'tags'] as const;

/** A name and title weigh more than a word somewhere in a long statement. */
export const FIELD_BOOST: Record<(typeof DOC_FIELDS)[number], number> = { title: 3, acronym: 3, tags: 2, meta: 1.5, body: 1 };

/** Names the documents need from other records (the speaker of a statement, the organisation of a person). */
export interface NameLookup {
  person(id: string | null): { name: string; organisationId: string | null } | undefined;
  organisation(id: string | null): { name: string; acronym: string } | undefined;
  /** A briefing's title (an event names the later briefing that kept it). */
  briefing(id: string | null): { title: string } | undefined;
  /** Titles of the events a briefing kept (core/held-events.ts): the later briefing is found by them. */
  heldEvents(briefingId: string): string[];
}

function join(...parts: (string | undefined | null)[]): string {
  return parts.filter(Boolean).join(' ');
}

export function toDoc(table: IndexedTable, record: IndexedRecord, names: NameLookup): SearchDoc {
  const id = docId(TYPE_OF[table], record.id);
  switch (table) {
    case 'briefings': {
      const b = record as Briefing;
      // Found by those present too (the speakers find it through their statements).
      const present = b.attendees.map((a) => names.person(a.personId)?.name);
      return {
        id,
        title: b.title,
        acronym: '',
        meta: join(b.location, b.audience, ...names.heldEvents(b.id), ...present, ...b.attendeeGroups),
        body: b.summary,
        tags: b.tags.join(' '),
      };
    }
    case 'statements': {
      const s = record as Statement;
      const speaker = names.person(s.speakerId);
      const org = names.organisation(speaker?.organisationId ?? null);
      // The speaker's organisation by acronym only: "ministry" should not match every statement by an official.
      return { id, title: '', acronym: '', meta: join(speaker?.name, org?.acronym), body: s.text, tags: s.tags.join(' ') };
    }
    case 'people': {
      const p = record as Person;
      // A merged-away person is found as the one kept (whose other spellings now hold this name), never twice.
      if (p.mergedInto) return { id, title: '', acronym: '', meta: '', body: '', tags: '' };
      const org = names.organisation(p.organisationId);
      return { id, title: p.name, acronym: org?.acronym ?? '', meta: join(p.aliases.join(' '), p.title, p.country, org?.name), body: '', tags: '' };
    }
    case 'organisations': {
      const o = record as Organisation;
      if (o.mergedInto) return { id, title: '', acronym: '', meta: '', body: '', tags: '' };
      // Found by the parent's acronym and name too ("UNODC" finds its regional office), below its own.
      const parent = names.organisation(o.parentId);
      return { id, title: o.name, acronym: o.acronym, meta: join(o.country, parent?.acronym, parent?.name), body: '', tags: '' };
    }
    case 'actions': {
      const a = record as Action;
      // An event held at a later briefing is found by that briefing's title too.
      const heldAt = a.heldInBriefingId ? names.briefing(a.heldInBriefingId)?.title : '';
      return { id, title: a.title, acronym: '', meta: join(a.owner, a.place, heldAt), body: a.notes, tags: a.tags.join(' ') };
    }
  }
}

/** Where a result leads, in the router's terms (screen, id, focus). */
export interface ResultLink {
  screen: 'briefing' | 'people' | 'followups';
  id?: string;
  focus?: string;
}

export function linkFor(type: ResultType, record: IndexedRecord): ResultLink {
  switch (type) {
    case 'briefing':
      return { screen: 'briefing', id: record.id };
    case 'statement':
      return { screen: 'briefing', id: (record as Statement).briefingId, focus: record.id };
    case 'person':
      return { screen: 'people', id: record.id };
    case 'organisation':
      // The directory shows people and organisations alike at #/people/<id>.
      return { screen: 'people', id: record.id };
    case 'action':
      return { screen: 'followups', focus: record.id };
  }
}
