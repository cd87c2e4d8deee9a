/**
 * Statements of a briefing in their recorded order, and the one-step statement → follow-up.
 * Order is a fractional index (fractional-indexing): appending or moving touches one record, so two
 * colleagues' reorderings merge field by field without conflicts.
 */
import Dexie from 'dexie';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { LIMITS } from '../core/limits';
import { compareStatements, type Action, type ActionFields, type Statement, type StatementKind } from '../core/model';
import { compareByDue } from '../core/tracker';
import { newActionFields } from './actions';
import type { AttacheDb } from './db';
import type { Workspace } from './workspace';

/** Live statements of a briefing, in order. */
export async function listStatements(db: AttacheDb, briefingId: string): Promise<Statement[]> {
  const all = await db.statements.where('[briefingId+order]').between([briefingId, Dexie.minKey], [briefingId, Dexie.maxKey]).toArray();
  return all.filter((s) => s.deleted === 0).sort(compareStatements);
}

/**
 * Ids of the people with a statement recorded, straight off the speakerId index (distinct keys only, so
 * 100,000 statements cost no more than their few thousand speakers). Deleted statements count too: the
 * index cannot tell them apart, and a speaker offered for a filter who then matches nothing is harmless.
 */
export async function speakerIdsWithStatements(db: AttacheDb): Promise<string[]> {
  return (await db.statements.orderBy('speakerId').uniqueKeys()).map(String);
}

export interface NewStatement {
  speakerId: string | null;
  kind: StatementKind;
  text: string;
  tags: string[];
}

/** Append a statement after every other one, deleted ones included (so an undone delete keeps its place). */
export async function appendStatement(ws: Workspace, briefingId: string, input: NewStatement): Promise<Statement> {
  // One transaction, so two quick saves cannot read the same last key.
  return ws.db.transaction('rw', ws.db.statements, ws.db.meta, async () => {
    const last = await ws.db.statements.where('[briefingId+order]').between([briefingId, Dexie.minKey], [briefingId, Dexie.maxKey]).last();
    const order = generateKeyBetween(last?.order ?? null, null);
    return ws.create('statements', { briefingId, order, ...input, text: input.text.trim() });
  });
}

/**
 * Move a statement one place up (-1) or down (+1) among the live statements. Only the moved record
 * changes, unless merged duplicates left two equal keys next to it: then the briefing's order is
 * renumbered once so that every later move is again a one-record edit.
 */
export async function moveStatement(ws: Workspace, briefingId: string, id: string, direction: -1 | 1): Promise<boolean> {
  // One transaction: a renumbering is one commit (one change notice), never half done.
  return ws.db.transaction('rw', ws.db.statements, ws.db.meta, () => moveWithin(ws, briefingId, id, direction));
}

async function moveWithin(ws: Workspace, briefingId: string, id: string, direction: -1 | 1): Promise<boolean> {
  const list = await listStatements(ws.db, briefingId);
  const i = list.findIndex((s) => s.id === id);
  const j = i + direction;
  if (i === -1 || j < 0 || j >= list.length) return false;
  const lo = direction === -1 ? list[j - 1] : list[j];
  const hi = direction === -1 ? list[j] : list[j + 1];
  const a = lo?.order ?? null;
  const b = hi?.order ?? null;
  if (a !== null && b !== null && a >= b) {
    const reordered = [...list];
    const [moved] = reordered.splice(i, 1);
    reordered.splice(j, 0, moved!);
    const keys = generateNKeysBetween(null, null, reordered.length);
    for (const [k, s] of reordered.entries()) await ws.update('statements', s.id, { order: keys[k]! });
    return true;
  }
  await ws.update('statements', id, { order: generateKeyBetween(a, b) });
  return true;
}

/** The first sentence of a statement, as the title of a follow-up made from it. */
export function followUpTitle(text: string, max: number = LIMITS.title): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  if (sentence.length <= max) return sentence || 'Follow up';
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The follow-up made in one step from a statement: announcements become events, everything else a task. */
export function actionFromStatement(statement: Statement): ActionFields {
  return newActionFields({
    kind: statement.kind === 'announcement' ? 'event' : 'task',
    briefingId: statement.briefingId,
    statementId: statement.id,
    title: followUpTitle(statement.text),
    tags: [...statement.tags],
  });
}

export async function followUp(ws: Workspace, statement: Statement): Promise<Action> {
  return ws.create('actions', actionFromStatement(statement));
}

/** Live follow-ups and events of a briefing, by due date (or event date); undated ones last. */
export async function listBriefingActions(db: AttacheDb, briefingId: string): Promise<Action[]> {
  const all = await db.actions.where('briefingId').equals(briefingId).toArray();
  return all.filter((a) => a.deleted === 0).sort(compareByDue);
}
