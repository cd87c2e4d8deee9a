/**
 * The directory's links read the one way every screen, search, the tracker, the pack and the CLI read
 * them: a merged-away person or organisation redirects to the one kept (`mergedInto`), an organisation
 * sits under its parent (`parentId`). Both links are ordinary synced fields, so a colleague's file can
 * bring a ring (two concurrent merges, each the other way round) or a redirect to a record this
 * workspace lacks; readers cut a ring where core/sync/invariants.ts `rings()` does (at its smallest id,
 * the one kept) and stop on the last record that exists. Pure: no Dexie, Svelte or DOM.
 */
import { organisationWithAcronym, type OrganisationFields } from './model';
import { foldName } from './text';
import { UserError } from './user-error';

/** A record with a redirect (people and organisations). */
export interface Redirected {
  id: string;
  mergedInto: string | null;
}

/** Finds a record by id (a Map's `get` will do). */
export type Lookup<R> = (id: string) => R | undefined;

/**
 * The id a reference resolves to: `id` followed through `mergedInto` to the record kept. A ring resolves
 * to its smallest id; a redirect to a missing record stays on the last one that exists; an id that
 * exists nowhere is returned as it is.
 */
export function resolveId<R extends Redirected>(lookup: Lookup<R>, id: string): string {
  let at = lookup(id);
  if (!at) return id;
  // Almost every record is not merged: no set for them.
  if (at.mergedInto === null) return at.id;
  const seen: string[] = [at.id];
  for (;;) {
    const nextId: string | null = at.mergedInto;
    if (nextId === null) return at.id;
    const next = lookup(nextId);
    if (!next) return at.id;
    const i = seen.indexOf(next.id);
    if (i >= 0) return seen.slice(i).reduce((a, b) => (b < a ? b : a));
    seen.push(next.id);
    at = next;
  }
}

/** The record a reference resolves to (see resolveId), or undefined when it names nothing stored. */
export function resolve<R extends Redirected>(lookup: Lookup<R>, id: string | null): R | undefined {
  return id === null ? undefined : lookup(resolveId(lookup, id));
}

/** Whether a record is the one its references resolve to (not merged away, or the kept end of a ring). */
export function isKept<R extends Redirected>(lookup: Lookup<R>, record: R): boolean {
  return record.mergedInto === null || resolveId(lookup, record.id) === record.id;
}

type Org = Pick<OrganisationFields, 'name' | 'acronym' | 'parentId' | 'mergedInto'> & { id: string };

/**
 * The organisation and the ones it sits under, from the top: [UNODC, Regional Office for Central Asia].
 * Parents are read through redirects; a ring of parents is cut at its smallest id, which then has no parent.
 */
export function organisationChain<O extends Org>(lookup: Lookup<O>, id: string | null): O[] {
  const start = resolve(lookup, id);
  if (!start) return [];
  const walk: O[] = [start];
  for (let at = start; at.parentId !== null; ) {
    const parent = resolve(lookup, at.parentId);
    if (!parent) break;
    const i = walk.findIndex((o) => o.id === parent.id);
    if (i >= 0) {
      // A ring: walk[i..] went all the way round. Cut it at its smallest id: that one has no parent.
      const ring = walk.slice(i);
      const min = ring.reduce((a, b) => (b.id < a.id ? b : a));
      walk.length = walk.indexOf(min) + 1;
      break;
    }
    walk.push(parent);
    at = parent;
  }
  return walk.reverse();
}

/** The short form of an organisation in a path: its acronym when it has one. */
const short = (o: Pick<OrganisationFields, 'name' | 'acronym'>) => o.acronym || o.name;

/** "UNODC › Regional Office for Central Asia (ROCA)": parents by acronym, the organisation in full. */
export function organisationPath<O extends Org>(lookup: Lookup<O>, id: string | null): string {
  const chain = organisationChain(lookup, id);
  if (!chain.length) return '';
  const own = chain[chain.length - 1]!;
  return [...chain.slice(0, -1).map(short), organisationWithAcronym(own)].join(' › ');
}

/** Searchable words of an organisation: its own name and acronym and those of every parent (folded). */
export function organisationWords<O extends Org & { country: string }>(lookup: Lookup<O>, id: string | null): string {
  return foldName(
    organisationChain(lookup, id)
      .map((o) => `${o.name} ${o.acronym}`)
      .concat(resolve(lookup, id)?.country ?? '')
      .join(' '),
  );
}

export type DirectoryKind = 'person' | 'organisation';

/**
 * Why `fromId` cannot be merged into `intoId`, or undefined when it can: not into itself, not into a
 * record already merged into it (or into the same one), not from a record already merged away.
 */
export function mergeProblem<R extends Redirected & { name: string }>(kind: DirectoryKind, lookup: Lookup<R>, fromId: string, intoId: string): string | undefined {
  return mergeIssue(kind, lookup, fromId, intoId)?.message;
}

/** mergeProblem as a UserError (a message key and its values), for a screen to say in its language. */
export function mergeIssue<R extends Redirected & { name: string }>(kind: DirectoryKind, lookup: Lookup<R>, fromId: string, intoId: string): UserError | undefined {
  const from = lookup(fromId);
  const into = lookup(intoId);
  if (!from || !into) return new UserError('error.merge.gone', { kind });
  if (fromId === intoId) return new UserError('error.merge.self', { kind, name: from.name });
  const fromKept = resolveId(lookup, fromId);
  if (fromKept !== fromId) {
    const keptName = lookup(fromKept)?.name;
    return keptName === undefined ? new UserError('error.merge.alreadyUnknown', { kind, name: from.name }) : new UserError('error.merge.already', { name: from.name, into: keptName });
  }
  const intoKept = resolveId(lookup, intoId);
  if (intoKept === fromId) return new UserError('error.merge.ring', { name: from.name, into: into.name });
  return undefined;
}

/**
 * Why organisation `id` cannot sit under `parentId`, or undefined when it can (null: no parent). Refused:
 * itself, and any organisation that already sits (directly or further up) under it — a ring.
 */
export function parentProblem<O extends Org>(lookup: Lookup<O>, id: string, parentId: string | null): string | undefined {
  return parentIssue(lookup, id, parentId)?.message;
}

/** parentProblem as a UserError (a message key and its values). */
export function parentIssue<O extends Org>(lookup: Lookup<O>, id: string, parentId: string | null): UserError | undefined {
  if (parentId === null) return undefined;
  const self = lookup(id);
  const parent = resolve(lookup, parentId);
  if (!self) return new UserError('error.parent.gone');
  if (!parent) return new UserError('error.parent.parentGone');
  if (parent.id === resolveId(lookup, id)) return new UserError('error.parent.self', { name: self.name });
  if (organisationChain(lookup, parent.id).some((o) => o.id === self.id)) {
    return new UserError('error.parent.ring', { name: self.name, parent: parent.name });
  }
  return undefined;
}

/**
 * Other spellings after `from` is merged into `into`: into's own, then from's name and spellings, each
 * once (folded as names are compared) and never into's own name.
 */
export function mergedAliases(into: { name: string; aliases: readonly string[] }, from: { name: string; aliases: readonly string[] }): string[] {
  const seen = new Set([foldName(into.name)]);
  const out: string[] = [];
  for (const a of [...into.aliases, from.name, ...from.aliases]) {
    const t = a.trim();
    const k = foldName(t);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}
