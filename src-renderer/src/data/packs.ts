/**
 * Saved pack definitions: a name plus the pack options, kept in the synced `packs` table so that a
 * colleague who receives the workspace can re-run the same pack. The options' shape belongs to the
 * pack builder (core/pack/options.ts); this module only stores them and reads them back through its
 * validator, so a stale or hand-edited definition never reaches the dialog half-valid.
 */
import type { PackDefinition } from '../core/model';
import { UserError } from '../core/errors';
import { compareNames } from '../core/text';
import { parsePackOptions, type PackOptions, type PackOptionsResult } from '../core/pack/options';
import type { AttacheDb } from './db';
import type { Workspace } from './workspace';

/**
 * What is worth remembering of a pack's options. The dates of issue and creation belong to one
 * particular run: a definition re-run next month should carry next month's date.
 */
export function definitionOptions(options: PackOptions): Record<string, unknown> {
  const { issueDate: _issueDate, creationDate: _creationDate, ...kept } = options;
  // Svelte state proxies cannot go into IndexedDB as they are: store a plain copy.
  return JSON.parse(JSON.stringify(kept)) as Record<string, unknown>;
}

/** The live definitions among `rows`, by name (case-insensitive): the order of the list in the dialog. */
export function liveDefinitions(rows: readonly PackDefinition[]): PackDefinition[] {
  return rows
    .filter((p) => p.deleted === 0)
    .sort((a, b) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

export async function listPackDefinitions(db: AttacheDb): Promise<PackDefinition[]> {
  return liveDefinitions(await db.packs.toArray());
}

/** The live definition with this name (trimmed, case-insensitive), if any. */
export async function findPackDefinition(db: AttacheDb, name: string): Promise<PackDefinition | undefined> {
  const wanted = name.trim().toLocaleLowerCase();
  return (await listPackDefinitions(db)).find((p) => p.name.trim().toLocaleLowerCase() === wanted);
}

export interface SavedDefinition {
  definition: PackDefinition;
  /** True when an existing definition of the same name was overwritten. */
  replaced: boolean;
}

/**
 * Save under `name`: a definition of the same name is updated in place (one record, so colleagues'
 * copies merge instead of multiplying); otherwise a new one is created. Invalid options are refused
 * before anything is written.
 */
export async function savePackDefinition(ws: Workspace, name: string, options: PackOptions): Promise<SavedDefinition> {
  const checked = parsePackOptions(definitionOptions(options));
  if (!checked.ok) throw checked.errors[0] ? new Error(checked.errors[0].message) : new UserError('error.pack.notValid');
  const trimmed = name.trim();
  const stored = definitionOptions(checked.options);
  const existing = await findPackDefinition(ws.db, trimmed);
  if (existing) {
    const definition = await ws.update('packs', existing.id, { name: trimmed, options: stored });
    return { definition, replaced: true };
  }
  return { definition: await ws.create('packs', { name: trimmed, options: stored }), replaced: false };
}

/** The definition's options, validated, with defaults for anything an older version did not store. */
export function readPackDefinition(definition: Pick<PackDefinition, 'options'>): PackOptionsResult {
  return parsePackOptions(definition.options);
}

export async function removePackDefinition(ws: Workspace, id: string): Promise<void> {
  await ws.remove('packs', id);
}

export async function restorePackDefinition(ws: Workspace, id: string): Promise<void> {
  await ws.restore('packs', id);
}
