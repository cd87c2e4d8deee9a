/**
 * The organisations of the directory (ministries, agencies, UN offices) and how they are found: by a
 * few letters of their name or by their acronym (DCA, UNODC).
 */
import { organisationChain, organisationPath, organisationWords, parentIssue, resolveId } from '../core/directory';
import type { Organisation, OrganisationFields } from '../core/model';
import { compareNames, foldName } from '../core/text';
import type { AttacheDb } from './db';
import { ValidationError, type Workspace } from './workspace';
import { V2_FIELDS } from '../core/upgrade';

/** The words of a filter box; every one must match somewhere. */
export function queryWords(query: string): string[] {
  return foldName(query).split(' ').filter(Boolean);
}

export function matchesWords(haystack: string, words: readonly string[]): boolean {
  return words.every((w) => haystack.includes(w));
}

/**
 * Every live organisation that was not merged away, by name, with its parent read through redirects
 * (core/directory.ts): a parent a colleague set to a since-merged organisation shows as the one kept.
 */
export async function listOrganisations(db: AttacheDb): Promise<Organisation[]> {
  const all = await db.organisations.toArray();
  const byId = new Map(all.map((o) => [o.id, o]));
  const lookup = (id: string) => byId.get(id);
  const out: Organisation[] = [];
  for (const o of all) {
    if (o.deleted !== 0 || o.mergedInto !== null) continue;
    const parentId = o.parentId === null ? null : resolveId(lookup, o.parentId);
    out.push(parentId === o.parentId ? o : { ...o, parentId: parentId === o.id ? null : parentId });
  }
  return out.sort((a, b) => compareNames(a.name, b.name));
}

/**
 * Where each merged-away organisation's id leads (old id → the kept one's): a briefing a colleague wrote
 * before the merge reached them may still name the old organisation as an organiser.
 */
export async function organisationRedirects(db: AttacheDb): Promise<Map<string, string>> {
  const all = await db.organisations.toArray();
  const byId = new Map(all.map((o) => [o.id, o]));
  const out = new Map<string, string>();
  for (const o of all) if (o.mergedInto !== null) out.set(o.id, resolveId((id) => byId.get(id), o.id));
  return out;
}

/** A lookup over a list of organisations (for paths and parents' acronyms). */
export function organisationLookup(orgs: readonly Organisation[]): (id: string) => Organisation | undefined {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return (id) => byId.get(id);
}

/** What a filter box matches of an organisation: its name, acronym, country and those of its parents. */
export function organisationHaystack(o: Organisation, lookup?: (id: string) => Organisation | undefined): string {
  if (!lookup || o.parentId === null) return foldName(`${o.name} ${o.acronym} ${o.country}`);
  return organisationWords((id) => (id === o.id ? o : lookup(id)), o.id);
}

export function filterOrganisations(orgs: readonly Organisation[], query: string): Organisation[] {
  const words = queryWords(query);
  if (!words.length) return [...orgs];
  const lookup = organisationLookup(orgs);
  return orgs.filter((o) => matchesWords(organisationHaystack(o, lookup), words));
}

/** "UNODC › Regional Office for Central Asia (ROCA)" within a list of organisations. */
export function organisationPathIn(orgs: readonly Organisation[] | ((id: string) => Organisation | undefined), id: string | null): string {
  return organisationPath(typeof orgs === 'function' ? orgs : organisationLookup(orgs), id);
}

/**
 * Set (or clear, null) the organisation an organisation sits under. Refused with a message, nothing
 * changed, for itself or one that sits under it (a ring).
 */
export async function setParent(ws: Workspace, id: string, parentId: string | null): Promise<Organisation> {
  return ws.db.transaction('rw', ws.db.organisations, ws.db.meta, async () => {
    const all = await ws.db.organisations.toArray();
    const byId = new Map(all.filter((o) => !o.deleted).map((o) => [o.id, o]));
    const problem = parentIssue((x) => byId.get(x), id, parentId);
    if (problem) throw ValidationError.of('parentId', problem);
    return ws.update('organisations', id, { parentId: parentId === null ? null : resolveId((x) => byId.get(x), parentId) });
  });
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
  const lookup = organisationLookup(orgs);
  const scored: { o: Organisation; score: number }[] = [];
  for (const o of orgs) {
    const acronym = foldName(o.acronym);
    const name = foldName(o.name);
    let score = -1;
    if (acronym && acronym === q) score = 0;
    else if (acronym.startsWith(q)) score = 1;
    else if (name.startsWith(q)) score = 2;
    else if (name.split(/[\s\-—–(),./]+/).some((w) => w.startsWith(q))) score = 3;
    // Found by a parent's acronym: "UNODC" offers its regional offices right after UNODC itself.
    else if (o.parentId !== null && organisationChain(lookup, o.id).some((p) => p.id !== o.id && foldName(p.acronym).startsWith(q))) score = 3.5;
    else if (matchesWords(organisationHaystack(o, lookup), queryWords(text))) score = 4;
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
