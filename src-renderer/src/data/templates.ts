/**
 * Briefing templates for recurring meetings, kept in the synced `templates` table so colleagues share
 * them, and the two ways a new briefing starts from something: "New briefing like this one" (from a
 * briefing) and "New from template". What is copied is core/templates.ts's rule; this module stores,
 * lists and creates.
 */
import type { Briefing, Template } from '../core/model';
import { briefingLike, templateFrom, templateNameProblem } from '../core/templates';
import { compareNames, foldName } from '../core/text';
import { newBriefingFields } from './briefings';
import type { AttacheDb } from './db';
import { settingsOf } from './settings';
import { ValidationError, type Workspace } from './workspace';

/** The live templates among `rows`, by name: the order every list shows them in. */
export function liveTemplates(rows: readonly Template[]): Template[] {
  return rows.filter((t) => t.deleted === 0).sort((a, b) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

/** Live templates by name (a mission has a handful: the table is read whole). */
export async function listTemplates(db: AttacheDb): Promise<Template[]> {
  return liveTemplates(await db.templates.toArray());
}

export interface SavedTemplate {
  template: Template;
  /** True when a template of the same name was updated instead of a new one made. */
  replaced: boolean;
}

/**
 * Save a briefing's carried fields as a template named `name`. A template of the same name (compared as
 * names are) is updated in place, so "save again" refreshes a recurring meeting's template instead of
 * making a second one.
 */
export async function saveTemplate(ws: Workspace, name: string, briefing: Briefing): Promise<SavedTemplate> {
  const fields = templateFrom(name, briefing);
  const problem = templateNameProblem(fields.name, []);
  if (problem) throw new ValidationError({ name: problem });
  const existing = (await listTemplates(ws.db)).find((t) => foldName(t.name) === foldName(fields.name));
  if (existing) return { template: await ws.update('templates', existing.id, fields), replaced: true };
  return { template: await ws.create('templates', fields), replaced: false };
}

/** Rename a template; a blank name or another template's name is refused and nothing changes. */
export async function renameTemplate(ws: Workspace, id: string, name: string): Promise<Template> {
  const others = (await listTemplates(ws.db)).filter((t) => t.id !== id);
  const problem = templateNameProblem(name, others);
  if (problem) throw new ValidationError({ name: problem });
  return ws.update('templates', id, { name: name.trim() });
}

export async function removeTemplate(ws: Workspace, id: string): Promise<void> {
  await ws.remove('templates', id);
}

export async function restoreTemplate(ws: Workspace, id: string): Promise<void> {
  await ws.restore('templates', id);
}

/**
 * Create a briefing dated now from a briefing or a template (core/templates.ts briefingLike): organisers
 * and attendees no longer in the directory are left out.
 */
export async function createBriefingLike(ws: Workspace, source: Briefing | Template, now: Date = new Date()): Promise<Briefing> {
  const db = ws.db;
  const [settings, orgs, people] = await Promise.all([
    settingsOf(db),
    db.organisations.bulkGet([...source.organiserIds]),
    db.people.bulkGet(source.attendees.map((a) => a.personId)),
  ]);
  const liveIds = (rows: readonly ({ id: string; deleted: 0 | 1 } | undefined)[]) => new Set(rows.filter((r) => r && r.deleted === 0).map((r) => r!.id));
  const orgIds = liveIds(orgs);
  const personIds = liveIds(people);
  const fields = briefingLike(source, newBriefingFields(settings, now), {
    organisation: (id) => orgIds.has(id),
    person: (id) => personIds.has(id),
  });
  return ws.create('briefings', fields);
}
