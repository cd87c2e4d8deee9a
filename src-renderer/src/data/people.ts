/**
 * The people of the directory: speakers and contacts, one record per person however many briefings
 * they speak at. Found by a few letters of their name, title, organisation (name or acronym) or country.
 */
import { compareStatements, type Briefing, type Organisation, type OrganisationFields, type Person, type PersonFields, type Statement } from '../core/model';
import { newId } from '../core/ids';
import type { AttacheDb } from './db';
import { listOrganisations, matchesWords, newOrganisationFields, organisationHaystack, queryWords } from './organisations';
import { resolveId } from '../core/directory';
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

/** Name, other spellings, title, country and the organisation with its parents, folded. */
function personHaystack(p: PersonFields, org: Organisation | undefined, orgLookup: (id: string) => Organisation | undefined): string {
  return foldName(`${p.name} ${p.aliases.join(' ')} ${p.title} ${p.country} ${org ? organisationHaystack(org, orgLookup) : ''}`);
}

/**
 * Every live person not merged away, by name, with their organisation read through redirects
 * (core/directory.ts). `all`: the merged-away too (for resolving references, never for lists).
 */
export async function listPeople(db: AttacheDb): Promise<Person[]> {
  const [people, orgs] = await db.transaction('r', db.people, db.organisations, () => Promise.all([db.people.toArray(), db.organisations.toArray()]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const lookup = (id: string) => orgById.get(id);
  const out: Person[] = [];
  for (const p of people) {
    if (p.deleted !== 0 || p.mergedInto !== null) continue;
    const organisationId = p.organisationId === null ? null : resolveId(lookup, p.organisationId);
    out.push(organisationId === p.organisationId ? p : { ...p, organisationId });
  }
  return out.sort((a, b) => compareNames(a.name, b.name));
}

/**
 * Where each merged-away person's id leads: old id → the kept person's id. Screens add these to their
 * `personById` maps so a statement that still names the old id (a colleague's, written before the
 * merge reached them) shows the kept person.
 */
export async function personRedirects(db: AttacheDb): Promise<Map<string, string>> {
  const all = await db.people.toArray();
  const byId = new Map(all.map((p) => [p.id, p]));
  const out = new Map<string, string>();
  for (const p of all) if (p.mergedInto !== null) out.set(p.id, resolveId((id) => byId.get(id), p.id));
  return out;
}

/** A person map that also answers merged-away ids with the kept person. */
export function withRedirects(people: readonly Person[], redirects: ReadonlyMap<string, string>): Map<string, Person> {
  const m = new Map(people.map((p) => [p.id, p]));
  for (const [from, to] of redirects) {
    const kept = m.get(to);
    if (kept && !m.has(from)) m.set(from, kept);
  }
  return m;
}

export async function loadDirectory(db: AttacheDb): Promise<Directory> {
  return db.transaction('r', db.people, db.organisations, async () => {
    const organisations = await listOrganisations(db);
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const lookup = (id: string) => byId.get(id);
    const people = await listPeople(db);
    return {
      organisations,
      people: people.map((person) => {
        const organisation = person.organisationId ? byId.get(person.organisationId) : undefined;
        return { person, organisation, haystack: personHaystack(person, organisation, lookup) };
      }),
    };
  });
}

export function filterPeople(rows: readonly PersonRow[], query: string): PersonRow[] {
  const words = queryWords(query);
  if (!words.length) return [...rows];
  return rows.filter((r) => matchesWords(r.haystack, words));
}

/**
 * Live people with the same name or another spelling that is this name, ignoring case, accents and
 * spacing: probably the same person ("Рустам Назарзода" typed as a new person is Rustam Nazarzoda).
 */
export function sameNamePeople(rows: readonly PersonRow[], name: string, exceptId?: string): PersonRow[] {
  const folded = foldName(name);
  if (!folded) return [];
  return rows.filter((r) => r.person.id !== exceptId && (foldName(r.person.name) === folded || r.person.aliases.some((a) => foldName(a) === folded)));
}

export function newPersonFields(fields: Partial<PersonFields> & Pick<PersonFields, 'name'>): PersonFields {
  return { title: '', organisationId: null, country: '', ...V2_FIELDS.people(), ...fields };
}

export async function createPerson(ws: Workspace, fields: Partial<PersonFields> & Pick<PersonFields, 'name'>): Promise<Person> {
  const f = newPersonFields(fields);
  return ws.create('people', { ...f, name: f.name.trim(), title: f.title.trim(), country: f.country.trim() });
}

/**
 * A new person, and with them a new organisation when one was named that the directory lacks ("Ashita
 * Mittal (UNODC)"). Both writes begin before either is awaited, so they belong to one user action and one
 * undo takes both away (core/undo.ts).
 */
export async function createPersonWithOrganisation(
  ws: Workspace,
  person: Partial<PersonFields> & Pick<PersonFields, 'name'>,
  organisation: Pick<OrganisationFields, 'name' | 'acronym'> | null,
): Promise<Person> {
  if (!organisation) return createPerson(ws, person);
  const organisationId = newId();
  const [org, created] = await Promise.allSettled([
    ws.create('organisations', newOrganisationFields({ name: organisation.name, acronym: organisation.acronym.trim() }), organisationId),
    createPerson(ws, { ...person, organisationId }),
  ]);
  // Never a person pointing at an organisation that was not written (nor the other way round).
  if (org.status === 'rejected') {
    if (created.status === 'fulfilled') await ws.remove('people', created.value.id);
    throw org.reason;
  }
  if (created.status === 'rejected') {
    await ws.remove('organisations', organisationId);
    throw created.reason;
  }
  return created.value;
}

export interface SpokenAt {
  briefing: Pick<Briefing, 'id' | 'title' | 'startsAt' | 'location'>;
  statements: Statement[];
}

/** The briefings a person spoke at (newest first) with their statements in briefing order. */
export async function personActivity(db: AttacheDb, personId: string): Promise<SpokenAt[]> {
  return db.transaction('r', db.statements, db.briefings, db.people, async () => {
    // Statements that still name a person merged into this one are theirs too.
    const ids = [personId, ...[...(await personRedirects(db))].filter(([, to]) => to === personId).map(([from]) => from)];
    const statements = (await db.statements.where('speakerId').anyOf(ids).toArray()).filter((s) => s.deleted === 0);
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
  // A merged-away record's page is the kept one's (an old link, a search hit indexed before the merge).
  let person = await db.people.get(id);
  if (person?.mergedInto) {
    const all = new Map((await db.people.toArray()).map((p) => [p.id, p]));
    person = all.get(resolveId((x) => all.get(x), id));
  }
  if (person) return person.deleted ? { kind: 'missing', deleted: true } : { kind: 'person', record: person };
  let org = await db.organisations.get(id);
  if (org?.mergedInto) {
    const all = new Map((await db.organisations.toArray()).map((o) => [o.id, o]));
    org = all.get(resolveId((x) => all.get(x), id));
  }
  if (org) return org.deleted ? { kind: 'missing', deleted: true } : { kind: 'organisation', record: org };
  return { kind: 'missing', deleted: false };
}
