/**
 * Undo and redo of record changes: the pure rules (core/undo.ts) and the session history in storage
 * (data/undo.ts) against fake-indexeddb. Each kind of change is undone and redone, and the stored records
 * must come back exactly (every field, `deleted` included), written as new edits with fresh stamps.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_BRIEFING_ID } from '../../src-renderer/src/core/example';
import type { SyncedTable } from '../../src-renderer/src/core/model';
import { describeUndo, foldChanges, revertPatch, snapshotOf, stepPatches, UndoHistory, type RecordPatch } from '../../src-renderer/src/core/undo';
import { newActionFields } from '../../src-renderer/src/data/actions';
import { addAttendee, removeAttendee } from '../../src-renderer/src/data/attendees';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { loadExample } from '../../src-renderer/src/data/example';
import { linkHeld } from '../../src-renderer/src/data/held-events';
import { mergeRecords } from '../../src-renderer/src/data/merge';
import { createPerson } from '../../src-renderer/src/data/people';
import { appendStatement, listStatements, moveStatement } from '../../src-renderer/src/data/statements';
import { UndoManager } from '../../src-renderer/src/data/undo';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { briefingFields } from './fixtures';

describe('undo rules (core)', () => {
  it('reverts only the fields the action changed, and leaves a field changed since alone', () => {
    const before = { title: 'A', location: 'X', deleted: 0 };
    const after = { title: 'B', location: 'X', deleted: 0 };
    expect(revertPatch(after, after, before)).toEqual({ patch: { title: 'A' }, skipped: [] });
    expect(revertPatch({ ...after, title: 'C (a colleague)' }, after, before)).toEqual({ patch: {}, skipped: ['title'] });
  });

  it('undoes a creation as a tombstone and redoes it by bringing the tombstone back', () => {
    const created = { title: 'New', deleted: 0 };
    const step = { action: 1, changes: [{ table: 'briefings' as SyncedTable, id: 'b', before: null, after: created }] };
    expect(stepPatches(step, 'undo', () => created)[0]!.patch).toEqual({ deleted: 1 });
    expect(stepPatches(step, 'redo', () => ({ ...created, deleted: 1 }))[0]!.patch).toEqual({ deleted: 0 });
  });

  it('folds several writes of one record in an action into its first before and last after', () => {
    const t = 'statements' as SyncedTable;
    const folded = foldChanges([
      { table: t, id: 'a', before: { order: 'a0' }, after: { order: 'a5' } },
      { table: t, id: 'b', before: { order: 'a1' }, after: { order: 'a0' } },
      { table: t, id: 'a', before: { order: 'a5' }, after: { order: 'a9' } },
      { table: t, id: 'c', before: { order: 'a2' }, after: { order: 'a3' } },
      { table: t, id: 'c', before: { order: 'a3' }, after: { order: 'a2' } },
    ]);
    expect(folded).toEqual([
      { table: t, id: 'a', before: { order: 'a0' }, after: { order: 'a9' } },
      { table: t, id: 'b', before: { order: 'a1' }, after: { order: 'a0' } },
    ]);
  });

  it('keeps at least 50 steps, groups writes of one action, and a new action clears the redo stack', () => {
    const h = new UndoHistory();
    const change = (id: string) => ({ table: 'briefings' as SyncedTable, id, before: { title: 'a' }, after: { title: 'b' } });
    for (let i = 1; i <= 120; i++) h.record(i, change(`r${i}`));
    h.record(120, change('also-120'));
    expect(h.sizes.undo).toBeGreaterThanOrEqual(50);
    const top = h.takeUndo()!;
    expect(top.changes.map((c) => c.id)).toEqual(['r120', 'also-120']);
    h.undone(top);
    expect(h.canRedo()).toBe(true);
    h.record(121, change('r121'));
    expect(h.canRedo()).toBe(false);
  });
});

describe('undo and redo in storage', () => {
  let db: AttacheDb;
  let ws: Workspace;
  let undo: UndoManager;
  let n = 0;

  beforeEach(async () => {
    db = new AttacheDb(`undo-test-${n++}`);
    ws = await Workspace.open(db);
    await loadExample(ws);
    undo = new UndoManager(ws);
    undo.boundary();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  /**
   * Every live record of the tables, as plain fields (stamps differ: undo writes new edits). A record an
   * undone action created stays as a tombstone, as every delete in Attaché does, so it is not live.
   */
  async function state(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const t of ['briefings', 'statements', 'actions', 'people', 'organisations'] as const) {
      for (const r of await db.table(t).toArray()) if (!r.deleted) out[`${t}/${r.id}`] = snapshotOf(t, r);
    }
    return out;
  }

  /** Do `act` as one user action; undo must give back the state before, redo the state after. */
  async function roundTrip(act: () => Promise<unknown>): Promise<void> {
    const before = await state();
    undo.boundary();
    await act();
    const after = await state();
    const clockAfter = JSON.stringify((await db.meta.get('clock'))?.value);
    expect(after).not.toEqual(before);
    undo.boundary();
    await undo.undo();
    expect(await state()).toEqual(before);
    // Undo is a new edit: the clock moved on.
    expect(JSON.stringify((await db.meta.get('clock'))?.value)).not.toEqual(clockAfter);
    await undo.redo();
    expect(await state()).toEqual(after);
    await undo.undo();
    expect(await state()).toEqual(before);
  }

  it('an edit', async () => {
    await roundTrip(() => ws.update('briefings', EXAMPLE_BRIEFING_ID, { title: 'Renamed', tags: ['x'] }));
  });

  it('a creation (a statement)', async () => {
    await roundTrip(() => appendStatement(ws, EXAMPLE_BRIEFING_ID, { speakerId: null, kind: 'statement', text: 'Said.', tags: [] }));
  });

  it('a delete', async () => {
    const [s] = await listStatements(db, EXAMPLE_BRIEFING_ID);
    await roundTrip(() => ws.remove('statements', s!.id));
  });

  it('a reorder (moving a statement)', async () => {
    const list = await listStatements(db, EXAMPLE_BRIEFING_ID);
    await roundTrip(() => moveStatement(ws, EXAMPLE_BRIEFING_ID, list[2]!.id, -1));
    undo.boundary();
    await moveStatement(ws, EXAMPLE_BRIEFING_ID, list[2]!.id, -1);
    await undo.undo();
    expect((await listStatements(db, EXAMPLE_BRIEFING_ID)).map((s) => s.id)).toEqual(list.map((s) => s.id));
  });

  it('a status change', async () => {
    const a = await ws.create('actions', newActionFields({ title: 'Send the figures', owner: 'Me' }));
    await roundTrip(() => ws.update('actions', a.id, { status: 'done' }));
  });

  it('a held link', async () => {
    const later = await ws.create('briefings', briefingFields({ title: 'Conference: opening plenary', startsAt: '2015-05-27T09:00' }));
    await roundTrip(() => linkHeld(ws, '014c2507-a400-7000-8000-00000000001e', later.id));
  });

  it('an attendee added and removed', async () => {
    const p = await createPerson(ws, { name: 'Aziz Karimov', title: 'Adviser', aliases: [] });
    await roundTrip(() => addAttendee(ws, EXAMPLE_BRIEFING_ID, p.id));
    undo.boundary();
    await addAttendee(ws, EXAMPLE_BRIEFING_ID, p.id);
    await roundTrip(() => removeAttendee(ws, EXAMPLE_BRIEFING_ID, [p.id]));
  });

  it('a directory merge, every record it moved, as one step', async () => {
    const dup = await createPerson(ws, { name: 'R. Nazarzoda', title: 'Director', aliases: [] });
    await appendStatement(ws, EXAMPLE_BRIEFING_ID, { speakerId: dup.id, kind: 'figure', text: 'Seizures rose.', tags: [] });
    await roundTrip(() => mergeRecords(ws, 'person', dup.id, '014c2507-a400-7000-8000-000000000006'));
  });

  it('a statement with its follow-up written in one action is one step', async () => {
    const before = await state();
    undo.boundary();
    const s = await appendStatement(ws, EXAMPLE_BRIEFING_ID, { speakerId: null, kind: 'request', text: 'Send us the data.', tags: [] });
    await ws.create('actions', newActionFields({ title: 'Send the data', statementId: s.id, briefingId: EXAMPLE_BRIEFING_ID }));
    undo.boundary();
    await undo.undo();
    expect(await state()).toEqual(before);
  });

  it('undoes 60 steps back to the start and redoes them all', async () => {
    const start = await state();
    for (let i = 0; i < 60; i++) {
      undo.boundary();
      await ws.update('briefings', EXAMPLE_BRIEFING_ID, { title: `Title ${i}` });
    }
    const end = await state();
    for (let i = 0; i < 60; i++) await undo.undo();
    expect(await state()).toEqual(start);
    for (let i = 0; i < 60; i++) await undo.redo();
    expect(await state()).toEqual(end);
  });

  it('leaves alone a field changed since by someone else, and says the undo was partial', async () => {
    undo.boundary();
    await ws.update('briefings', EXAMPLE_BRIEFING_ID, { title: 'Mine', location: 'Dushanbe' });
    // A later write outside the session's actions (as an import would make) changes the title again.
    const stored = (await db.briefings.get(EXAMPLE_BRIEFING_ID))!;
    await db.briefings.put({ ...stored, title: 'A colleague’s' });
    const outcome = await undo.undo();
    expect(outcome!.partial).toBe(true);
    const now = (await db.briefings.get(EXAMPLE_BRIEFING_ID))!;
    expect(now.title).toBe('A colleague’s');
    expect(now.location).not.toBe('Dushanbe');
  });

  it('has nothing to undo or redo at the start', async () => {
    expect(await undo.undo()).toBeUndefined();
    expect(await undo.redo()).toBeUndefined();
  });
});

describe('a toast’s own undo in place of the step', () => {
  it('moves the step to the redo stack when it is the newest, and records nothing of its own', async () => {
    const db = new AttacheDb(`undo-toast-${Math.random()}`);
    const ws = await Workspace.open(db);
    await loadExample(ws);
    const undo = new UndoManager(ws);
    const [s] = await listStatements(db, EXAMPLE_BRIEFING_ID);
    undo.boundary();
    await ws.remove('statements', s!.id);
    const step = undo.latestAction()!;
    undo.boundary();
    await undo.undoWith(step, () => ws.restore('statements', s!.id));
    expect((await db.statements.get(s!.id))!.deleted).toBe(0);
    expect(undo.sizes).toEqual({ undo: 0, redo: 1 });
    await undo.redo();
    expect((await db.statements.get(s!.id))!.deleted).toBe(1);
    // Once a later action is newest, the toast's undo is an action of its own.
    undo.boundary();
    await ws.update('briefings', EXAMPLE_BRIEFING_ID, { title: 'Later' });
    undo.boundary();
    await undo.undoWith(step, () => ws.restore('statements', s!.id));
    expect(undo.sizes.undo).toBe(3); // the redone delete, the title, the restore
    db.close();
    await db.delete();
  });
});

describe('the undo notice, in the interface language', () => {
  const patch = (table: SyncedTable, skipped: string[] = []) => ({ table, id: 'x', patch: { title: 'a' }, skipped }) satisfies RecordPatch;
  const steps = [patch('statements'), patch('statements'), patch('briefings'), patch('people', ['name'])];

  it('counts what changed per kind of record, with each language’s plurals and lists', () => {
    expect(describeUndo('en', 'undo', steps)).toBe('Undone: 2 statements, 1 briefing, and 1 person (fields changed since were left as they are)');
    expect(describeUndo('en', 'redo', [patch('statements')])).toBe('Redone: 1 statement');
    expect(describeUndo('fr', 'undo', steps)).toBe('Annulé\u00a0: 2 déclarations, 1 compte rendu et 1 personne (les champs modifiés depuis sont restés tels quels)');
    expect(describeUndo('ru', 'redo', [...Array(5)].map(() => patch('statements')))).toBe('Возвращено: 5 заявлений');
    expect(describeUndo('ru', 'undo', [patch('actions'), patch('actions'), patch('actions')])).toBe('Отменено: 3 поручения');
    expect(describeUndo('en', 'undo', [])).toBe('Undone: nothing left to change');
  });
});
