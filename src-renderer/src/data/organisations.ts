/**
 * The organisations of the directory (ministries, agencies, UN offices) and how they are found: by a
 * few letters of their name or by their acronym (DCA, UNODC).
 */
import type { Organisation, OrganisationFields } from '../core/model';
import { compareNames, foldName } from '../core/text';
import type { AttacheDb } from './db';
import type { Workspace } from './workspace';
import { V2_FIELDS } from '../core/upgrade';

/** The words of a filter box; every one must match somewhere. */
export function queryWords(query: string): string[] {
  return foldName(query).split(' ').filter(Boolean);
}

export function matchesWords(haystack: string, words: readonly string[]): boolean {
  return words.every((w) => haystack.includes(w));
}

/** Every live organisation, by name. */
export async function listOrganisations(db: AttacheDb): Promise<Organisation[]> {
  const all = await db.organisations.toArray();
  return all.filter((o) => o.deleted === 0).sort((a, b) => compareNames(a.name, b.name));
}

export function organisationHaystack(o: OrganisationFields): string {
  return foldName(`${o.name} ${o.acronym} ${o.country}`);
}

export function filterOrganisations(orgs: readonly Organisation[], query: string): Organisation[] {
  const words = queryWords(query);
  if (!words.length) return [...orgs];
  return orgs.filter((o) => matchesWords(organisationHaystack(o), words));
}

/** "UNODC — United Nations Office on Drugs and Crime", or the name alone. */
export function organisationLabel(o: Pick<OrganisationFields, 'name' | 'acronym'>): string {
  return o.acronym ? `${o.acronym} — ${o.name}` : o.name;
}

/** "Name (ACR)" as typed into a picker → name and acronym; anything else is a name without acronym. */
export function splitAcronym(text: string): { name: string; acronym: string } {
  const m = /^(.*?)\s*\(([^()]{1,30})\)\s*$/.exec(text.trim());
  return m && m[1]!.trim() ? { name: m[1]!.trim(), acronym: m[2]!.trim() } : { name: text.trim(), acronym: '' };
}

/** The short form used in lists: the acronym when there is one. */
export function organisationShort(o: Pick<OrganisationFields, 'name' | 'acronym'>): string {
  return o.acronym || o.name;
}

/**
 * Organisations for a picker, best first: exact acronym, acronym prefix, a name word starting with the
 * text, then anything containing it.
 */
export function rankOrganisations(orgs: readonly Organisation[], text: string, limit = 20): Organisation[] {
  const q = foldName(text);
  if (!q) return orgs.slice(0, limit);
  const scored: { o: Organisation; score: number }[] = [];
  for (const o of orgs) {
    const acronym = foldName(o.acronym);
    const name = foldName(o.name);
    let score = -1;
    if (acronym && acronym === q) score = 0;
    else if (acronym.startsWith(q)) score = 1;
    else if (name.startsWith(q)) score = 2;
    else if (name.split(/[\s\-—–(),./]+/).some((w) => w.startsWith(q))) score = 3;
    else if (matchesWords(organisationHaystack(o), queryWords(text))) score = 4;
    if (score >= 0) scored.push({ o, score });
  }
  scored.sort((a, b) => a.score - b.score || compareNames(a.o.name, b.o.name));
  return scored.slice(0, limit).map((s) => s.o);
}

/** Live organisations whose name or acronym is the same as the given one (duplicate warning). */
export function sameOrganisation(orgs: readonly Organisation[], fields: Pick<OrganisationFields, 'name' | 'acronym'>, exceptId?: string): Organisation[] {
  const name = foldName(fields.name);
  const acronym = foldName(fields.acronym);
  return orgs.filter((o) => o.id !== exceptId && ((name && foldName(o.name) === name) || (acronym && foldName(o.acronym) === acronym)));
}

export function newOrganisationFields(fields: Partial<OrganisationFields> & Pick<OrganisationFields, 'name'>): OrganisationFields {
  return { acronym: '', country: '', ...V2_FIELDS.organisations(), ...fields, name: fields.name.trim() };
}

export async function createOrganisation(ws: Workspace, fields: Partial<OrganisationFields> & Pick<OrganisationFields, 'name'>): Promise<Organisation> {
  const f = newOrganisationFields(fields);
  return ws.create('organisations', { ...f, acronym: f.acronym.trim(), country: f.country.trim() });
}

/** How many live people belong to an organisation (told when it is deleted). */
export async function memberCount(db: AttacheDb, organisationId: string): Promise<number> {
  return db.people.where('organisationId').equals(organisationId).filter((p) => p.deleted === 0).count();
}
