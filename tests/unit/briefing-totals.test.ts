/**
 * The per-briefing totals the data layer keeps for the Pack dialog's counts (data/briefing-totals.ts),
 * against real IndexedDB semantics (fake-indexeddb): after edits, tombstones, an import of a sync file,
 * an undo, a cleared table and an aborted transaction they equal a fresh computation from the tables
 * (core/pack/briefing-totals.ts totalsOf); totals that a write bypassing Dexie left wrong are caught and
 * rebuilt; the upgrade fills them; and the counts they give equal the selection over the whole workspace.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-renderer/src/core/classification';
import { SETTINGS_ID } from '../../src-renderer/src/core/model';
import { BRIEFING_TOTALS_RULE, isEmptyTotals, speakersOf, totalsOf, type BriefingTotals } from '../../src-renderer/src/core/pack/briefing-totals';
import { previewOfTotals } from '../../src-renderer/src/core/pack/preview-totals';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { previewOf, selectPack } from '../../src-renderer/src/core/pack/select';
import { settingsOfData } from '../../src-renderer/src/core/settings';
import { checkedBriefingTotals, DIGEST_KEY, digestBriefingTotals, readKeptTotals, rebuildBriefingTotals, TOTALS_MARK } from '../../src-renderer/src/data/briefing-totals';
import { encodeTotalsDigest } from '../../src-renderer/src/core/pack/totals-digest';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { loadExample } from '../../src-renderer/src/data/example';
import { readWorkspaceData } from '../../src-renderer/src/data/snapshot';
import { appendStatement } from '../../src-renderer/src/data/statements';
import { newActionFields } from '../../src-renderer/src/data/actions';
import { applyImport, exportWorkspace, previewImport } from '../../src-renderer/src/data/sync';
import { UndoManager } from '../../src-renderer/src/data/undo';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { briefingFields } from './fixtures';

/** Version 6's schema, as installations hold it. */
const SCHEMA_V6 = {
  briefings: 'id, hlc, [deleted+startsAt], *tags, classification, *organiserIds',
  organisations: 'id, hlc, name, acronym, deleted, parentId',
  people: 'id, hlc, name, organisationId, deleted',
  statements: 'id, hlc, [briefingId+order], speakerId, *tags, deleted',
  actions: 'id, hlc, briefingId, statementId, status, owner, deleted, heldInBriefingId, due',
  settings: 'id, hlc, deleted',
  packs: 'id, hlc, deleted',
  templates: 'id, hlc, deleted',
  conflicts: 'id, hlc, recordId, resolution',
  peers: 'id',
  meta: 'key',
  drafts: 'id',
};

let n = 0;
const opened: AttacheDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function workspace(name = 'totals'): Promise<Workspace> {
  const db = new AttacheDb(`${name}-${++n}-${Math.random()}`);
  opened.push(db);
  return Workspace.open(db, { defaultName: name });
}

const byId = (rows: Iterable<BriefingTotals>) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * The totals the stored rows say, as the rule writes them: without the number of the write that last changed
 * each, and without the emptied rows kept as markers for readers of the digest.
 */
async function stored(db: AttacheDb): Promise<BriefingTotals[]> {
  return byId((await db.briefingTotals.toArray()).filter((r) => !isEmptyTotals(r)).map(({ seq: _, ...t }) => t));
}

/** The totals as kept, and as a fresh computation from every stored record (tombstones included: the rule skips them). */
async function keptAndFresh(db: AttacheDb) {
  const data = await readWorkspaceData(db);
  return { kept: await stored(db), fresh: byId(totalsOf(data).values()) };
}

async function expectAgree(db: AttacheDb) {
  const { kept, fresh } = await keptAndFresh(db);
  expect(kept).toEqual(fresh);
  expect((await checkedBriefingTotals(db)).agree).toBe(true);
}

/** A workspace with two briefings, speakers, statements and follow-ups (one with no briefing). */
async function populate(ws: Workspace) {
  await ws.create('settings', DEFAULT_SETTINGS, SETTINGS_ID);
  const org = await ws.create('organisations', { ...V2_FIELDS.organisations(), name: 'UNODC', acronym: 'UNODC', country: '' });
  const jane = await ws.create('people', { ...V2_FIELDS.people(), name: 'Jane Doe', title: '', organisationId: org.id, country: '' });
  const omar = await ws.create('people', { ...V2_FIELDS.people(), name: 'Omar Ali', title: '', organisationId: null, country: '' });
  const b1 = await ws.create('briefings', briefingFields({ title: 'Drugs', organiserIds: [org.id], tags: ['drugs'] }));
  const b2 = await ws.create('briefings', briefingFields({ title: 'Energy', tags: ['energy'], classification: 'restricted', caveat: 'EYES ONLY' }));
  const s1 = await appendStatement(ws, b1.id, { speakerId: jane.id, kind: 'figure', text: 'Over 12 tons seized.', tags: [] });
  await appendStatement(ws, b1.id, { speakerId: omar.id, kind: 'request', text: 'A database.', tags: [] });
  await appendStatement(ws, b1.id, { speakerId: null, kind: 'statement', text: 'Noted.', tags: [] });
  await appendStatement(ws, b2.id, { speakerId: omar.id, kind: 'statement', text: 'Rogun.', tags: [] });
  const action = (briefingId: string | null, title: string) => ws.create('actions', newActionFields({ briefingId, title }));
  const a1 = await action(b1.id, 'Send the figures');
  await action(b2.id, 'Call back');
  await action(null, 'Unattached');
  return { org, jane, omar, b1, b2, s1, a1 };
}

describe('briefing totals kept by the data layer', () => {
  it('equal a fresh computation after creates, edits and tombstones', async () => {
    const ws = await workspace();
    const { b1, b2, s1, a1, omar } = await populate(ws);
    await expectAgree(ws.db);
    const t1 = (await ws.db.briefingTotals.get(b1.id))!;
    expect(t1).toMatchObject({ statements: 3, actions: 1, live: 1, title: 'Drugs', tags: '["drugs"]' });
    expect(Object.keys(speakersOf(t1)).length).toBe(2);
    expect((await ws.db.briefingTotals.get(''))!.actions).toBe(1);

    // A text edit changes no total; a move to another briefing and a new speaker do.
    await ws.update('statements', s1.id, { text: 'Over 13 tons seized.' });
    await ws.update('statements', s1.id, { briefingId: b2.id, speakerId: omar.id });
    await ws.update('actions', a1.id, { briefingId: b2.id });
    await ws.update('briefings', b2.id, { title: 'Energy and water', classification: 'secret' });
    await expectAgree(ws.db);
    expect((await ws.db.briefingTotals.get(b2.id))!).toMatchObject({ statements: 2, actions: 2, speakers: JSON.stringify({ [omar.id]: 2 }) });

    // Tombstones take a record's part away; restoring gives it back.
    await ws.remove('statements', s1.id);
    await ws.remove('briefings', b1.id);
    await expectAgree(ws.db);
    expect((await ws.db.briefingTotals.get(b1.id))!).toMatchObject({ live: 0, title: '', tags: '[]' });
    await ws.restore('briefings', b1.id);
    await expectAgree(ws.db);
  });

  it('equal a fresh computation after an import of a sync file (full, then a second file with edits and deletions)', async () => {
    const a = await workspace('A');
    const { b1, s1 } = await populate(a);
    await loadExample(a);
    const b = await workspace('B');
    await applyImport(b, await previewImport(b, (await exportWorkspace(a)).bytes));
    await expectAgree(b.db);
    expect(await stored(b.db)).toEqual(await stored(a.db));

    await a.remove('statements', s1.id);
    await a.update('briefings', b1.id, { tags: ['drugs', 'borders'] });
    await appendStatement(a, b1.id, { speakerId: null, kind: 'decision', text: 'Agreed.', tags: [] });
    await applyImport(b, await previewImport(b, (await exportWorkspace(a)).bytes));
    await expectAgree(b.db);
    expect(await stored(b.db)).toEqual(await stored(a.db));
  });

  it('are rebuilt after a large import, which marks them out of date instead of keeping them write by write', async () => {
    const a = await workspace('A');
    await populate(a);
    await loadExample(a);
    const b = await workspace('B');
    await b.create('settings', DEFAULT_SETTINGS, SETTINGS_ID);
    await expectAgree(b.db);
    // "Large" from one record on, for the test: the import leaves the mark out, so the totals are not trusted…
    await applyImport(b, await previewImport(b, (await exportWorkspace(a)).bytes), { deferTotalsFrom: 1 });
    expect(await b.db.meta.get(TOTALS_MARK)).toBeUndefined();
    expect((await checkedBriefingTotals(b.db)).agree).toBe(false);
    // …and the first reader rebuilds them: the same as the colleague's, kept write by write.
    expect(byId((await readKeptTotals(b.db)).rows)).toEqual(await stored(a.db));
    await expectAgree(b.db);
    // An import that fails half-way takes the mark's removal back with its writes.
    await a.create('briefings', briefingFields({ title: 'Water' }));
    await expect(applyImport(b, await previewImport(b, (await exportWorkspace(a)).bytes), { deferTotalsFrom: 1, failAfter: 1 })).rejects.toThrow(/Injected/);
    await expectAgree(b.db);
  });

  it('equal a fresh computation after an undo and a redo', async () => {
    const ws = await workspace();
    const { b1, s1 } = await populate(ws);
    const undo = new UndoManager(ws);
    undo.boundary();
    await ws.remove('statements', s1.id);
    undo.boundary();
    await appendStatement(ws, b1.id, { speakerId: null, kind: 'figure', text: '50 labs destroyed.', tags: [] });
    await expectAgree(ws.db);
    await undo.undo();
    await expectAgree(ws.db);
    await undo.undo();
    await expectAgree(ws.db);
    expect((await ws.db.briefingTotals.get(b1.id))!.statements).toBe(3);
    await undo.redo();
    await expectAgree(ws.db);
  });

  it('stay as they were when a transaction aborts half-way, and follow concurrent writes within one', async () => {
    const ws = await workspace();
    const { b1, b2 } = await populate(ws);
    const before = await stored(ws.db);
    const rows = (await ws.db.statements.where('briefingId').equals(b1.id).toArray()).map((s) => ({ ...s, briefingId: b2.id }));
    await expect(
      ws.db.transaction('rw', [ws.db.statements, ws.db.actions, ws.db.briefingTotals], async () => {
        await ws.db.statements.bulkPut(rows);
        await ws.db.actions.where('briefingId').equals(b1.id).delete();
        // The statements and their totals are written by now; the abort takes both back.
        expect((await ws.db.briefingTotals.get(b2.id))!.statements).toBe(4);
        throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect(await stored(ws.db)).toEqual(before);
    await expectAgree(ws.db);

    // Several writes under way at once in one transaction, all on the same briefings' totals.
    await ws.db.transaction('rw', ws.db.statements, ws.db.actions, () =>
      Promise.all([ws.db.statements.bulkPut(rows.slice(0, 1)), ws.db.statements.bulkPut(rows.slice(1)), ws.db.actions.where('briefingId').equals(b1.id).delete()]),
    );
    await expectAgree(ws.db);
    expect((await ws.db.briefingTotals.get(b2.id))!).toMatchObject({ statements: 4, actions: 1 });

    // Clearing a table (a key range deleted) takes every record's part away.
    await ws.db.statements.clear();
    await expectAgree(ws.db);
  });

  it('are caught and rebuilt when a write bypassed the data layer, or when the rule changed', async () => {
    const ws = await workspace();
    const { b1, s1 } = await populate(ws);
    // A raw connection: no middleware, as a seed written straight to IndexedDB.
    const raw = new Dexie(ws.db.name);
    await raw.open();
    await raw.table('statements').put({ ...(await ws.db.statements.get(s1.id))!, id: 'raw-statement' });
    raw.close();
    expect((await checkedBriefingTotals(ws.db)).agree).toBe(false);
    const rows = (await readKeptTotals(ws.db)).rows;
    expect(rows.find((r) => r.id === b1.id)!.statements).toBe(4);
    await expectAgree(ws.db);

    await ws.db.meta.put({ key: TOTALS_MARK, value: { rule: BRIEFING_TOTALS_RULE - 1 } });
    expect((await checkedBriefingTotals(ws.db)).agree).toBe(false);
    await readKeptTotals(ws.db);
    await expectAgree(ws.db);
  });

  it('are filled by the upgrade from version 6', async () => {
    const name = `upgrade-${++n}`;
    const ws = await workspace('source');
    await populate(ws);
    await loadExample(ws);
    const data = await readWorkspaceData(ws.db);
    const old = new Dexie(name);
    old.version(6).stores(SCHEMA_V6);
    for (const t of ['briefings', 'statements', 'actions', 'people', 'organisations', 'settings'] as const) await old.table(t).bulkPut(data[t]);
    old.close();
    const db = new AttacheDb(name);
    opened.push(db);
    await db.open();
    await expectAgree(db);
    expect(await stored(db)).toEqual(await stored(ws.db));
  });

  it('give the counts, banner and exclusions the selection gives over the whole workspace', async () => {
    const ws = await workspace();
    const { org, jane, omar, b1, b2 } = await populate(ws);
    await loadExample(ws);
    await ws.remove('briefings', b2.id);
    await ws.restore('briefings', b2.id);
    const data = await readWorkspaceData(ws.db, { liveOnly: true });
    // The previewer reads no people: the speaker criterion compares the ids statements carry.
    const withoutPeople = { ...data, people: [] };
    const levels = settingsOfData(data).classificationLevels;
    const rows = (await readKeptTotals(ws.db)).rows;
    const cases = [
      packOptions({}),
      packOptions({ includeStatements: false }),
      packOptions({ ceiling: 'unclassified' }),
      packOptions({ ceiling: 'restricted' }),
      packOptions({ selection: { tags: ['ENERGY'] } }),
      packOptions({ selection: { organiserIds: [org.id] } }),
      packOptions({ selection: { speakerIds: [jane.id] } }),
      packOptions({ selection: { speakerIds: [omar.id] }, ceiling: 'unclassified' }),
      packOptions({ selection: { briefingIds: [b1.id] } }),
      packOptions({ selection: { from: '2015-03-17', to: '2015-03-17' } }),
      packOptions({ selection: { from: '2030-01-01' } }),
    ];
    for (const options of cases) expect(previewOfTotals(rows, levels, options)).toEqual(previewOf(selectPack(withoutPeople, options)));
  });
});

describe('the totals digest (the rows folded into one stored value, read with the rows written since)', () => {
  /** Read the totals, fold what was read, and say whether the fold was taken. */
  async function fold(db: AttacheDb): Promise<boolean> {
    const read = await checkedBriefingTotals(db);
    return digestBriefingTotals(db, read.basis, read.rows);
  }
  const fresh = async (db: AttacheDb) => (await keptAndFresh(db)).fresh;
  /** A statement added to `briefingId` after the fold: read from the digest with that one row beside it, and right. */
  async function expectOneRowBeside(ws: Workspace, briefingId: string, text: string) {
    await appendStatement(ws, briefingId, { speakerId: null, kind: 'statement', text, tags: [] });
    const read = await checkedBriefingTotals(ws.db);
    expect(read.basis).toMatchObject({ digested: true, rowsRead: 1 });
    expect(byId(read.rows)).toEqual(await fresh(ws.db));
  }

  it('gives the totals a fresh computation gives, after edits, tombstones and an emptied briefing', async () => {
    const ws = await workspace();
    const { b1, b2, s1, a1 } = await populate(ws);
    await loadExample(ws);
    // No digest yet: every row is read.
    const first = await checkedBriefingTotals(ws.db);
    expect(first.agree).toBe(true);
    expect(first.basis).toMatchObject({ digested: false, rowsRead: first.rows.length });
    expect(await digestBriefingTotals(ws.db, first.basis, first.rows)).toBe(true);
    const fromDigest = await checkedBriefingTotals(ws.db);
    expect(fromDigest.basis).toMatchObject({ digested: true, rowsRead: 0 });
    expect(byId(fromDigest.rows)).toEqual(await fresh(ws.db));

    // Writes after the fold: read from the digest with the rows they wrote in place.
    const b3 = await ws.create('briefings', briefingFields({ title: 'Water', tags: ['water'] }));
    await appendStatement(ws, b1.id, { speakerId: null, kind: 'decision', text: 'Agreed.', tags: [] });
    await ws.remove('statements', s1.id);
    await ws.update('actions', a1.id, { briefingId: b2.id });
    await ws.update('briefings', b2.id, { title: 'Energy and water', tags: ['energy', 'water'] });
    const after = await checkedBriefingTotals(ws.db);
    expect(after.basis).toMatchObject({ digested: true, rowsRead: 3 });
    expect(after.agree).toBe(true);
    expect(byId(after.rows)).toEqual(await fresh(ws.db));

    // A briefing with nothing in it, removed: its row is kept empty, and the reader drops it from the digest.
    expect(await fold(ws.db)).toBe(true);
    expect((await checkedBriefingTotals(ws.db)).rows.map((r) => r.id)).toContain(b3.id);
    await ws.remove('briefings', b3.id);
    expect(await ws.db.briefingTotals.get(b3.id)).toMatchObject({ live: 0, statements: 0, actions: 0 });
    const dropped = await checkedBriefingTotals(ws.db);
    expect(dropped.basis).toMatchObject({ digested: true, rowsRead: 1 });
    expect(dropped.rows.map((r) => r.id)).not.toContain(b3.id);
    expect(byId(dropped.rows)).toEqual(await fresh(ws.db));
    expect(await fold(ws.db)).toBe(true);
    const again = await checkedBriefingTotals(ws.db);
    expect(again.basis).toMatchObject({ digested: true, rowsRead: 0 });
    expect(byId(again.rows)).toEqual(await fresh(ws.db));
    await expectAgree(ws.db);
  });

  it('holds the rows as read, the writes made after the read being read beside it, whatever other folds did meanwhile', async () => {
    const ws = await workspace();
    const { b1, b2 } = await populate(ws);
    const older = await checkedBriefingTotals(ws.db);
    await appendStatement(ws, b1.id, { speakerId: null, kind: 'statement', text: 'Written after the read.', tags: [] });
    // Another reader folds first, then more is written, then the older read is folded (and stays, being stored last).
    expect(await fold(ws.db)).toBe(true);
    await ws.remove('briefings', b2.id);
    expect(await digestBriefingTotals(ws.db, older.basis, older.rows)).toBe(true);
    const after = await checkedBriefingTotals(ws.db);
    expect(after.basis).toMatchObject({ digested: true, rowsRead: 2 });
    expect(byId(after.rows)).toEqual(await fresh(ws.db));
    expect(after.rows.find((r) => r.id === b1.id)!.statements).toBe(4);
    expect(after.rows.find((r) => r.id === b2.id)!.live).toBe(0);
  });

  it('no longer counts after a rebuild, nor may a read made before the rebuild be folded', async () => {
    const ws = await workspace();
    const { b1 } = await populate(ws);
    expect(await fold(ws.db)).toBe(true);
    const beforeRebuild = await checkedBriefingTotals(ws.db);
    await rebuildBriefingTotals(ws.db);
    expect(await digestBriefingTotals(ws.db, beforeRebuild.basis, beforeRebuild.rows)).toBe(false);
    const afterRebuild = await checkedBriefingTotals(ws.db);
    expect(afterRebuild.basis.digested).toBe(false);
    expect(afterRebuild.agree).toBe(true);
    expect(await digestBriefingTotals(ws.db, afterRebuild.basis, afterRebuild.rows)).toBe(true);
    expect((await checkedBriefingTotals(ws.db)).basis.digested).toBe(true);
    // The rebuild numbered no row: the rows written after it start again from 1, and are read beside the digest.
    await appendStatement(ws, b1.id, { speakerId: null, kind: 'statement', text: 'After the rebuild.', tags: [] });
    expect(await ws.db.briefingTotals.get(b1.id)).toMatchObject({ seq: 1 });
    const written = await checkedBriefingTotals(ws.db);
    expect(written.basis).toMatchObject({ digested: true, rowsRead: 1 });
    expect(byId(written.rows)).toEqual(await fresh(ws.db));
  });

  it('no longer counts after a large import, which is rebuilt from; an import that fails half-way leaves it counting', async () => {
    const a = await workspace('A');
    await populate(a);
    await loadExample(a);
    const b = await workspace('B');
    const { b1 } = await populate(b);
    expect(await fold(b.db)).toBe(true);
    const file = (await exportWorkspace(a)).bytes;
    // Fails half-way: the mark's removal is taken back with the writes, and the digest still counts.
    await expect(applyImport(b, await previewImport(b, file), { deferTotalsFrom: 1, failAfter: 1 })).rejects.toThrow(/Injected/);
    const kept = await checkedBriefingTotals(b.db);
    expect(kept.basis).toMatchObject({ digested: true, rowsRead: 0 });
    expect(byId(kept.rows)).toEqual(await fresh(b.db));
    // Taken whole: the totals are out of date, no fold is taken, and the reader rebuilds them from the tables.
    const before = await checkedBriefingTotals(b.db);
    await applyImport(b, await previewImport(b, file), { deferTotalsFrom: 1 });
    expect(await digestBriefingTotals(b.db, before.basis, before.rows)).toBe(false);
    expect((await checkedBriefingTotals(b.db)).agree).toBe(false);
    const rebuilt = await readKeptTotals(b.db);
    expect(rebuilt.basis.digested).toBe(false);
    expect(byId(rebuilt.rows)).toEqual(await fresh(b.db));
    expect(await digestBriefingTotals(b.db, rebuilt.basis, rebuilt.rows)).toBe(true);
    await expectOneRowBeside(b, b1.id, 'After the import.');
  });

  it('starts counting in a new database once folded: its fill at creation stamped the mark', async () => {
    const ws = await workspace();
    expect((await ws.db.meta.get(TOTALS_MARK))!.value).toMatchObject({ rule: BRIEFING_TOTALS_RULE, stamp: expect.any(String) });
    const { b1 } = await populate(ws);
    expect(await fold(ws.db)).toBe(true);
    await expectOneRowBeside(ws, b1.id, 'Noted.');
  });

  it('is read past when damaged, and rebuilt from the tables when it disagrees with them', async () => {
    const ws = await workspace();
    const { b1 } = await populate(ws);
    expect(await fold(ws.db)).toBe(true);
    // Cut short: the rows are read instead, and the answer is still right.
    const sound = (await ws.db.totalsDigest.get(DIGEST_KEY))!;
    await ws.db.totalsDigest.put({ ...sound, text: sound.text.slice(0, 20) });
    const past = await checkedBriefingTotals(ws.db);
    expect(past.basis.digested).toBe(false);
    expect(past.agree).toBe(true);
    expect(byId(past.rows)).toEqual(await fresh(ws.db));
    // Well formed but wrong (a count more than the tables hold): caught by the live counts, and rebuilt.
    const rows = await stored(ws.db);
    await ws.db.totalsDigest.put({ ...sound, text: encodeTotalsDigest(rows.map((r) => (r.id === b1.id ? { ...r, statements: r.statements + 1 } : r))) });
    expect((await checkedBriefingTotals(ws.db)).agree).toBe(false);
    const kept = await readKeptTotals(ws.db);
    expect(kept.agree).toBe(true);
    expect(byId(kept.rows)).toEqual(await fresh(ws.db));
  });

  it('is stamped by the upgrade from version 7, whose totals then fold and read from a digest', async () => {
    const name = `upgrade-7-${++n}`;
    const ws = await workspace('source');
    await populate(ws);
    await loadExample(ws);
    const data = await readWorkspaceData(ws.db);
    const old = new Dexie(name);
    old.version(7).stores({ ...SCHEMA_V6, briefingTotals: 'id' });
    for (const t of ['briefings', 'statements', 'actions', 'people', 'organisations', 'settings'] as const) await old.table(t).bulkPut(data[t]);
    await old.table('briefingTotals').bulkPut([...totalsOf(data).values()]);
    await old.table('meta').put({ key: TOTALS_MARK, value: { rule: BRIEFING_TOTALS_RULE } });
    old.close();
    const db = new AttacheDb(name);
    opened.push(db);
    await db.open();
    expect((await db.meta.get(TOTALS_MARK))!.value).toMatchObject({ rule: BRIEFING_TOTALS_RULE, stamp: expect.any(String) });
    await expectAgree(db);
    expect(await fold(db)).toBe(true);
    const read = await checkedBriefingTotals(db);
    expect(read.basis).toMatchObject({ digested: true, rowsRead: 0 });
    expect(byId(read.rows)).toEqual(byId(totalsOf(data).values()));
  });
});
