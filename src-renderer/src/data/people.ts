/**
 * The people of the directory: speakers and contacts, one record per person however many briefings
 * they speak at. Found by a few letters of their name, title, organisation (name or acronym) or country.
 */
import { compareStatements, type Briefing, type Organisation, type Person, type PersonFields, type Statement } from '../core/model';
import type { AttacheDb } from './db';
import { listOrganisations, matchesWords, queryWords } from './organisations';
import { compareNames, foldName } from '../core/text';
import type { Workspace } from './workspace';
import { V2_FIELDS } from '../core/upgrade';

export interface PersonRow {
  person: Person;
  organisation: Organisation | undefined;
  /** Folded text of everything the filter box matches. */
  haystack: string;
}

export interface Directory {
  people: PersonRow[];
  organisations: Organisation[];
}

function personHaystack(p: PersonFields, org: Organisation | undefined): string {
  return foldName(`${p.name} ${p.title} ${p.country} ${org ? `${org.name} ${org.acronym} ${org.country}` : ''}`);
}

/** Every live person (by name) with their organisation, and every live organisation. */
/** Every live person, by name. */
export async function listPeople(db: AttacheDb): Promise<Person[]> {
  return (await db.people.toArray()).filter((p) => p.deleted === 0).sort((a, b) => compareNames(a.name, b.name));
}

export async function loadDirectory(db: AttacheDb): Promise<Directory> {
  return db.transaction('r', db.people, db.organisations, async () => {
    const organisations = await listOrganisations(db);
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const people = await listPeople(db);
    return {
      organisations,
      people: people.map((person) => {
        const organisation = person.organisationId ? byId.get(person.organisationId) : undefined;
        return { person, organisation, haystack: personHaystack(person, organisation) };
      }),
    };
  });
}

export function filterPeople(rows: readonly PersonRow[], query: string): PersonRow[] {
  const words = queryWords(query);
  if (!words.length) return [...rows];
  return rows.filter((r) => matchesWords(r.haystack, words));
}

/** Live people with the same name, ignoring case, accents and spacing: probably the same person. */
export function sameNamePeople(rows: readonly PersonRow[], name: string, exceptId?: string): PersonRow[] {
  const folded = foldName(name);
  if (!folded) return [];
  return rows.filter((r) => r.person.id !== exceptId && foldName(r.person.name) === folded);
}

export function newPersonFields(fields: Partial<PersonFields> & Pick<PersonFields, 'name'>): PersonFields {
  return { title: '', organisationId: null, country: '', ...V2_FIELDS.people(), ...fields };
}

export async function createPerson(ws: Workspace, fields: Partial<PersonFields> & Pick<PersonFields, 'name'>): Promise<Person> {
  const f = newPersonFields(fields);
  return ws.create('people', { ...f, name: f.name.trim(), title: f.title.trim(), country: f.country.trim() });
}

export interface SpokenAt {
  briefing: Pick<Briefing, 'id' | 'title' | 'startsAt' | 'location'>;
  statements: Statement[];
}

/** The briefings a person spoke at (newest first) with their statements in briefing order. */
export async function personActivity(db: AttacheDb, personId: string): Promise<SpokenAt[]> {
  return db.transaction('r', db.statements, db.briefings, async () => {
    const statements = (await db.statements.where('speakerId').equals(personId).toArray()).filter((s) => s.deleted === 0);
    const byBriefing = new Map<string, Statement[]>();
    for (const s of statements) {
      const list = byBriefing.get(s.briefingId);
      if (list) list.push(s);
      else byBriefing.set(s.briefingId, [s]);
    }
    const briefings = await db.briefings.bulkGet([...byBriefing.keys()]);
    const out: SpokenAt[] = [];
    for (const b of briefings) {
      if (!b || b.deleted) continue;
      const list = byBriefing.get(b.id)!.sort(compareStatements);
      out.push({ briefing: { id: b.id, title: b.title, startsAt: b.startsAt, location: b.location }, statements: list });
    }
    return out.sort((a, b) => (a.briefing.startsAt < b.briefing.startsAt ? 1 : a.briefing.startsAt > b.briefing.startsAt ? -1 : 0));
  });
}

/** A record of the directory by id: a person or an organisation (the directory's `#/people/<id>`). */
export async function directoryRecord(
  db: AttacheDb,
  id: string,
): Promise<{ kind: 'person'; record: Person } | { kind: 'organisation'; record: Organisation } | { kind: 'missing'; deleted: boolean }> {
  const person = await db.people.get(id);
  if (person) return person.deleted ? { kind: 'missing', deleted: true } : { kind: 'person', record: person };
  const org = await db.organisations.get(id);
  if (org) return org.deleted ? { kind: 'missing', deleted: true } : { kind: 'organisation', record: org };
  return { kind: 'missing', deleted: false };
}
