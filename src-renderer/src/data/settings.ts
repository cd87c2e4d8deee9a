/**
 * The workspace settings: one synced record with a fixed id (SETTINGS_ID), which does not exist until
 * someone first changes a setting. Every screen reads the effective settings through `settingsOf`,
 * which applies the one rule in core/settings.ts.
 */
import { SETTINGS_ID, type ClassificationLevel, type SettingsFields } from '../core/model';
import { checkLetterhead } from '../core/letterhead';
import { checkLevels, defaultSettings, effectiveSettings } from '../core/settings';
import { slug } from '../core/text';
import type { AttacheDb } from './db';
import { ValidationError, type Workspace } from './workspace';

/**
 * The effective settings: the stored record, or the defaults when there is none (or it is unusable).
 * Use inside a live query: `live(() => db, settingsOf, DEFAULT_SETTINGS)`.
 */
export async function settingsOf(db: AttacheDb): Promise<SettingsFields> {
  return effectiveSettings(await db.settings.get(SETTINGS_ID));
}

// Edits are queued so that two quick first edits cannot both try to create the record.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Change settings computed from their current stored value (read in turn, after any edit still
 * queued), so two quick edits of the level list never overwrite each other.
 */
export function editSettings(ws: Workspace, edit: (current: SettingsFields) => Partial<SettingsFields>): Promise<SettingsFields> {
  const run = queue.then(async () => {
    const before = await settingsOf(ws.db);
    const patch = edit(before);
    const merged = { ...before, ...patch };
    const problem = checkLevels(merged.classificationLevels, merged.defaultClassification);
    if (problem) throw new ValidationError(problem);
    const current = await ws.db.settings.get(SETTINGS_ID);
    const letterheadProblems = checkLetterhead(patch);
    if (letterheadProblems) throw new ValidationError(letterheadProblems);
    if (!current) return effectiveSettings(await ws.create('settings', { ...defaultSettings(), ...patch }, SETTINGS_ID));
    if (current.deleted) await ws.restore('settings', SETTINGS_ID);
    return effectiveSettings(await ws.update('settings', SETTINGS_ID, patch));
  });
  queue = run.catch(() => undefined);
  return run;
}


/* Pure edits of the level list, used by the Settings screen. Ids never change once made: briefings refer to them. */

/** A stable id for a new level, made from its label and unique in the list. */
export function levelIdFor(label: string, levels: readonly ClassificationLevel[]): string {
  const base = slug(label, 'level');
  let id = base;
  for (let n = 2; levels.some((l) => l.id === id); n++) id = `${base}-${n}`;
  return id;
}

export function addLevel(levels: readonly ClassificationLevel[], label: string): ClassificationLevel[] {
  const clean = label.trim().replace(/\s+/g, ' ');
  return [...levels, { id: levelIdFor(clean, levels), label: clean }];
}

export function renameLevel(levels: readonly ClassificationLevel[], id: string, label: string): ClassificationLevel[] {
  return levels.map((l) => (l.id === id ? { ...l, label } : l));
}

/** Move a level one place towards less (-1) or more (+1) restrictive. */
export function moveLevel(levels: readonly ClassificationLevel[], id: string, delta: -1 | 1): ClassificationLevel[] {
  const i = levels.findIndex((l) => l.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= levels.length) return [...levels];
  const next = [...levels];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

export function removeLevel(levels: readonly ClassificationLevel[], id: string): ClassificationLevel[] {
  return levels.filter((l) => l.id !== id);
}

/** How many live briefings are marked with a level: a level in use cannot be removed (their marking would be lost). */
export async function briefingsWithLevel(db: AttacheDb, id: string): Promise<number> {
  return db.briefings.where('classification').equals(id).filter((b) => b.deleted === 0).count();
}
