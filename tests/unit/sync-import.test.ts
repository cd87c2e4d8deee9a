import { describe, expect, it } from 'vitest';
import { newId } from '../../src-renderer/src/core/ids';
import { SETTINGS_ID } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { DEFAULT_SETTINGS } from '../../src-renderer/src/core/classification';
import {
  applyImport,
  createBackup,
  dismissConflict,
  exportWorkspace,
  listPeers,
  previewImport,
  readSyncHeader,
  reverseConflict,
  SyncError,
} from '../../src-renderer/src/data/sync';
import type { Workspace } from '../../src-renderer/src/data/workspace';
import { decodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { briefingFields } from './fixtures';
import { dump, installation, localState } from './sync-helpers';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const HOUR = 3_600_000;

async function importInto(ws: Workspace, bytes: Uint8Array, options: Parameters<typeof applyImport>[2] = {}) {
  const preview = await previewImport(ws, bytes);
  return { preview, result: await applyImport(ws, preview, options) };
}

/** A small but complete workspace: every kind of record, an edit, a deletion. */
async function populate(ws: Workspace) {
  await ws.create('settings', DEFAULT_SETTINGS, SETTINGS_ID);
  const org = await ws.create('organisations', { ...V2_FIELDS.organisations(), name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', country: '' });
  const person = await ws.create('people', { ...V2_FIELDS.people(), name: 'Jane Doe', title: 'Representative', organisationId: org.id, country: 'Tajikistan' });
  const b = await ws.create('briefings', briefingFields({ organiserIds: [org.id] }));
  const st = await ws.create('statements', { briefingId: b.id, speakerId: person.id, kind: 'figure', text: 'Over 12 tons seized.', tags: [], order: 'a0' });
  await ws.create('actions', { ...V2_FIELDS.actions(),
    kind: 'event', briefingId: b.id, statementId: st.id, title: 'High Level Conference', owner: '', due: '2015-05-27', place: 'Dushanbe',
    status: 'open', priority: 'normal', notes: '', tags: [],
  });
  await ws.create('packs', { name: 'Weekly', options: { ceiling: 'restricted' } });
  const gone = await ws.create('briefings', briefingFields({ title: 'Cancelled meeting' }));
  await ws.remove('briefings', gone.id);
  await ws.update('briefings', b.id, { summary: 'Figures and requests.' });
  return { org, person, b, st };
}

describe('export and import', () => {
  it('restores a full export into an empty workspace exactly', async () => {
    const a = await installation('A');
    await populate(a.ws);
    const file = await exportWorkspace(a.ws);
    expect(readSyncHeader(file.bytes).header.scope).toEqual({ kind: 'full' });
    const b = await installation('B');
    const { preview } = await importInto(b.ws, file.bytes);
    expect(preview.totals.added).toBe(7);
    expect(preview.totals.hidden).toBe(1); // the tombstone
    expect(await dump(b.ws)).toEqual(await dump(a.ws));
  });

  it('makes a backup that restores exactly, and it carries no peer bookkeeping', async () => {
    const a = await installation('Delegation laptop');
    await populate(a.ws);
    const backup = await createBackup(a.ws, { appVersion: '9.9.9' });
    expect(backup.name).toMatch(/^attache-backup-delegation-laptop-\d{4}-\d{2}-\d{2}-\d{4}\.attache$/);
    expect(readSyncHeader(backup.bytes).header.app.version).toBe('9.9.9');
    const b = await installation('Restore');
    await importInto(b.ws, backup.bytes);
    expect(await dump(b.ws)).toEqual(await dump(a.ws));
  });

  it('changes nothing when the same file is imported twice', async () => {
    const a = await installation('A');
    const b = await installation('B');
    await populate(a.ws);
    await populate(b.ws);
    const file = await exportWorkspace(a.ws);
    await importInto(b.ws, file.bytes);
    const once = { data: await dump(b.ws), local: await localState(b.ws) };
    const { preview, result } = await importInto(b.ws, file.bytes);
    expect(preview.nothingToDo).toBe(true);
    expect(result.changed).toBe(false);
    expect({ data: await dump(b.ws), local: await localState(b.ws) }).toEqual(once);
  });

  it('gives the same state for A then B as for B then A, ids never re-created', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const { b: shared } = await populate(a.ws);
    const seed = await exportWorkspace(a.ws);
    await importInto(b.ws, seed.bytes);
    a.clock.t += HOUR;
    b.clock.t += 2 * HOUR;
    await a.ws.update('briefings', shared.id, { title: 'A’s title', location: 'Ashgabat' });
    await b.ws.update('briefings', shared.id, { title: 'B’s title', audience: 'Donors' });
    await b.ws.create('briefings', briefingFields({ title: 'Only at B' }));
    const fa = await exportWorkspace(a.ws);
    const fb = await exportWorkspace(b.ws);

    const x = await installation('X');
    const y = await installation('Y');
    await importInto(x.ws, fa.bytes);
    await importInto(x.ws, fb.bytes);
    await importInto(y.ws, fb.bytes);
    await importInto(y.ws, fa.bytes);
    const dx = await dump(x.ws);
    expect(await dump(y.ws)).toEqual(dx);
    const merged = dx.briefings.find((r) => r.id === shared.id)!;
    expect(merged).toMatchObject({ title: 'B’s title', location: 'Ashgabat', audience: 'Donors' });
    expect(dx.briefings.filter((r) => r.title === 'Only at B')).toHaveLength(1);
    // A's title lost and is in the conflict log.
    expect(dx.conflicts.map((c) => [c.field, c.value])).toEqual([['title', 'A’s title']]);
  });

  it('merges edits made on both sides, both ways, and keeps the loser in a reversible conflict log', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const { b: shared } = await populate(a.ws);
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
    a.clock.t += HOUR;
    b.clock.t += 2 * HOUR;
    await a.ws.update('briefings', shared.id, { title: 'Title from A' });
    await b.ws.update('briefings', shared.id, { title: 'Title from B' });

    const fromB = await exportWorkspace(b.ws);
    const preview = await previewImport(a.ws, fromB.bytes);
    expect(preview.conflicts).toMatchObject([
      { table: 'briefings', id: shared.id, field: 'title', localValue: 'Title from A', incomingValue: 'Title from B', winner: 'incoming' },
    ]);
    await applyImport(a.ws, preview);
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
    expect(await dump(b.ws)).toEqual(await dump(a.ws));
    const [entry] = await a.ws.db.conflicts.toArray();
    expect(entry).toMatchObject({ field: 'title', value: 'Title from A', resolution: '' });

    // Reversing on A is a new edit that wins everywhere, without creating a new conflict.
    a.clock.t += HOUR;
    await reverseConflict(a.ws, entry!.id);
    expect((await a.ws.db.briefings.get(shared.id))!.title).toBe('Title from A');
    expect((await a.ws.db.conflicts.get(entry!.id))!.resolution).toBe('restored');
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
    expect((await b.ws.db.briefings.get(shared.id))!.title).toBe('Title from A');
    expect(await b.ws.db.conflicts.count()).toBe(1);
    expect(await dump(b.ws)).toEqual(await dump(a.ws));

    await dismissConflict(b.ws, entry!.id);
    expect((await b.ws.db.conflicts.get(entry!.id))!.resolution).toBe('dismissed');
  });

  it('restoring a logged value that breaks a rule today stores it mended, as an import would', async () => {
    const a = await installation('A');
    const rec = await a.ws.create('briefings', { ...briefingFields(), tags: ['energy'] });
    // An entry kept from an older file: a tag list with one tag twice (as search compares them).
    const { id } = await a.ws.create('conflicts', { table: 'briefings', recordId: rec.id, field: 'tags', value: ['water', 'Water', 'energy'], clock: rec.stamps.tags!.c, resolution: '' });
    a.clock.t += HOUR;
    await reverseConflict(a.ws, id);
    expect((await a.ws.db.briefings.get(rec.id))!.tags).toEqual(['water', 'energy']);
    expect((await a.ws.db.conflicts.get(id))!.resolution).toBe('restored');
  });

  it('logs a delete that lost to an undelete, and reversing it deletes again', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const rec = await a.ws.create('briefings', briefingFields());
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
    await a.ws.remove('briefings', rec.id);
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes, { confirmMassDelete: true });
    // Concurrently: A restores and deletes again; B restores, later. B's undelete wins; A's delete is logged.
    a.clock.t += HOUR;
    await a.ws.restore('briefings', rec.id);
    await a.ws.remove('briefings', rec.id);
    b.clock.t += 2 * HOUR;
    await b.ws.restore('briefings', rec.id);
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
    const [entry] = await b.ws.db.conflicts.toArray();
    expect(entry).toMatchObject({ table: 'briefings', recordId: rec.id, field: 'deleted', value: 1 });
    expect((await b.ws.db.briefings.get(rec.id))!.deleted).toBe(0);
    b.clock.t += HOUR;
    await reverseConflict(b.ws, entry!.id);
    expect((await b.ws.db.briefings.get(rec.id))!.deleted).toBe(1);
    expect((await b.ws.db.conflicts.get(entry!.id))!.resolution).toBe('restored');
  });

  it('reports edits stamped more than a day in the future and holds them back unless taken as own edits', async () => {
    const a = await installation('A');
    const b = await installation('B');
    a.clock.t = b.clock.t + 3 * 24 * HOUR; // A's clock is three days fast
    const far = await a.ws.create('briefings', briefingFields({ title: 'From the future' }));
    const b0 = await dump(b.ws);
    const file = await exportWorkspace(a.ws);
    const preview = await previewImport(b.ws, file.bytes);
    expect(preview.heldBack).toMatchObject([{ table: 'briefings', id: far.id, label: 'From the future' }]);
    expect(preview.totals.heldBack).toBe(1);
    const result = await applyImport(b.ws, preview);
    expect(result.heldBack).toBe(1);
    expect(await dump(b.ws)).toEqual(b0);
    // The clock did not jump three days ahead either.
    expect(b.ws.snapshotClock().wall).toBeLessThanOrEqual(b.clock.t);
    await applyImport(b.ws, await previewImport(b.ws, file.bytes), { takeFutureEditsAsOwn: true });
    const taken = (await b.ws.db.briefings.get(far.id))!;
    expect(taken.title).toBe('From the future');
    // Taken as B's own edit, stamped now: B's clock stays at its wall clock.
    expect(taken.hlc).toMatch(new RegExp(`-${b.ws.snapshotClock().node}$`));
    expect(b.ws.snapshotClock().wall).toBeLessThanOrEqual(b.clock.t);
  });

  it('asks before an import deletes more than half of the workspace', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await a.ws.create('briefings', briefingFields({ title: `B${i}` }))).id);
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
    a.clock.t += HOUR;
    for (const id of ids.slice(0, 3)) await a.ws.remove('briefings', id);
    const file = await exportWorkspace(a.ws);
    const before = { data: await dump(b.ws), local: await localState(b.ws) };
    const preview = await previewImport(b.ws, file.bytes);
    expect(preview.massDelete).toEqual({ deleting: 3, live: 4 });
    const e = await applyImport(b.ws, preview).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SyncError);
    expect((e as SyncError).code).toBe('mass-delete');
    expect((e as SyncError).message).toBe('This import would delete 3 of your 4 records; confirm to go ahead.');
    expect({ data: await dump(b.ws), local: await localState(b.ws) }).toEqual(before);
    const result = await applyImport(b.ws, preview, { confirmMassDelete: true });
    expect(result.deleted).toBe(3);
    expect(await b.ws.db.briefings.filter((r) => r.deleted === 0).count()).toBe(1);
  });

  it('weighs a deleting import against every live record, statements included and tombstones not', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const briefing = await a.ws.create('briefings', briefingFields());
    const statements = [];
    for (let i = 0; i < 7; i++) {
      statements.push(await a.ws.create('statements', { briefingId: briefing.id, speakerId: null, kind: 'statement', text: `S${i}`, tags: [], order: `a${i}` }));
    }
    await a.ws.remove('statements', statements[6]!.id);
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
    // B holds 1 briefing and 6 live statements (one tombstone): 7 live records.
    a.clock.t += HOUR;
    for (const s of statements.slice(0, 4)) await a.ws.remove('statements', s.id);
    const preview = await previewImport(b.ws, (await exportWorkspace(a.ws)).bytes);
    expect(preview.massDelete).toEqual({ deleting: 4, live: 7 });
  });

  it('leaves records, clock and peers exactly as before when an import fails half-way', async () => {
    const a = await installation('A');
    const b = await installation('B');
    await populate(b.ws);
    await importInto(a.ws, (await exportWorkspace(b.ws)).bytes); // A knows B as a peer
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes); // B knows A
    a.clock.t += 5 * HOUR;
    await a.ws.db.transaction('rw', a.ws.db.briefings, a.ws.db.meta, async () => {
      const rows = [];
      for (let i = 0; i < 2500; i++) rows.push(createRecord('briefings', newId(), briefingFields({ title: `Bulk ${i}` }), await a.ws.stamp()));
      await a.ws.db.briefings.bulkAdd(rows);
    });
    await a.ws.create('organisations', { ...V2_FIELDS.organisations(), name: 'OSCE', acronym: '', country: '' });
    const file = await exportWorkspace(a.ws);
    const before = { data: await dump(b.ws), local: await localState(b.ws) };
    const preview = await previewImport(b.ws, file.bytes);
    // The first chunk of briefings (2000) is written, then the hook throws.
    const e = await applyImport(b.ws, preview, { failAfter: 2000 }).catch((x: unknown) => x);
    expect(String(e)).toMatch(/nothing was changed: Injected failure/);
    expect({ data: await dump(b.ws), local: await localState(b.ws) }).toEqual(before);
    // And the same preview still applies cleanly afterwards.
    await applyImport(b.ws, preview);
    expect(await b.ws.db.briefings.count()).toBe(before.data.briefings.length + 2500);
    expect(b.ws.snapshotClock().wall).toBeGreaterThanOrEqual(a.clock.t);
  });

  it('stops an import on abort and changes nothing', async () => {
    const a = await installation('A');
    const b = await installation('B');
    await populate(a.ws);
    const before = { data: await dump(b.ws), local: await localState(b.ws) };
    const preview = await previewImport(b.ws, (await exportWorkspace(a.ws)).bytes);
    const controller = new AbortController();
    const e = await applyImport(b.ws, preview, { signal: controller.signal, onProgress: () => controller.abort() }).catch((x: unknown) => x);
    expect((e as SyncError).code).toBe('aborted');
    expect({ data: await dump(b.ws), local: await localState(b.ws) }).toEqual(before);
  });

  it('reports progress through every phase', async () => {
    const a = await installation('A');
    const b = await installation('B');
    await populate(a.ws);
    const phases = new Set<string>();
    const file = await exportWorkspace(a.ws, { onProgress: (p) => phases.add(p.phase) });
    const preview = await previewImport(b.ws, file.bytes, { onProgress: (p) => phases.add(p.phase) });
    await applyImport(b.ws, preview, { onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(expect.arrayContaining(['reading', 'writing', 'verifying', 'validating', 'comparing', 'applying']));
  });

  it('imports an encrypted export with its passphrase', async () => {
    const a = await installation('A');
    const b = await installation('B');
    await populate(a.ws);
    const file = await exportWorkspace(a.ws, { passphrase: 'pouch 2015' });
    expect(readSyncHeader(file.bytes).encrypted).toBe(true);
    await expect(previewImport(b.ws, file.bytes)).rejects.toMatchObject({ code: 'passphrase-required' });
    await expect(previewImport(b.ws, file.bytes, { passphrase: 'pouch 2016' })).rejects.toThrow('The passphrase is wrong, or the file was changed.');
    await applyImport(b.ws, await previewImport(b.ws, file.bytes, { passphrase: 'pouch 2015' }));
    expect(await dump(b.ws)).toEqual(await dump(a.ws));
  });
});

describe('large exports', () => {
  async function bulkOrganisations(ws: Workspace, n: number): Promise<string[]> {
    const ids: string[] = [];
    await ws.db.transaction('rw', ws.db.organisations, ws.db.meta, async () => {
      const rows = [];
      for (let i = 0; i < n; i++) rows.push(createRecord('organisations', newId(), { ...V2_FIELDS.organisations(), name: `Organisation ${i}`, acronym: '', country: '' }, await ws.stamp()));
      ids.push(...rows.map((r) => r.id));
      await ws.db.organisations.bulkAdd(rows);
    });
    return ids;
  }
  /** Sorts before every id made by newId(): lands in the first page's range. */
  const EARLY_ID = '01000000-0000-7000-8000-000000000001';
  const idsIn = async (bytes: Uint8Array) => new Set((await decodeSyncFile(bytes)).data.organisations.map((r) => r.id));

  it('exports every record of a workspace spanning several read pages exactly once, full and "changes", even while it is being edited', async () => {
    const a = await installation('A');
    const b = await installation('B');
    await importInto(a.ws, (await exportWorkspace(b.ws)).bytes); // A knows B
    await bulkOrganisations(a.ws, 11_000);
    let writes: Promise<unknown> | undefined;
    const progress: number[] = [];
    const full = await exportWorkspace(a.ws, {
      mode: 'changes',
      peerId: b.ws.installation.id,
      onProgress: (p) => {
        if (p.phase !== 'reading') return;
        progress.push(p.done);
        // Someone keeps working during the export: new records below and above every page edge.
        writes ??= Promise.all([
          a.ws.create('organisations', { ...V2_FIELDS.organisations(), name: 'Late', acronym: '', country: '' }),
          (async () => a.ws.db.organisations.add(createRecord('organisations', EARLY_ID, { ...V2_FIELDS.organisations(), name: 'Early id', acronym: '', country: '' }, await a.ws.stamp()) as never))(),
        ]);
      },
    });
    await writes;
    // The decoder rejects an id listed twice; every record that existed when the export began is in it.
    const inFull = await idsIn(full.bytes);
    expect(inFull.size).toBeGreaterThanOrEqual(11_000);
    expect(inFull.size).toBeLessThanOrEqual(11_002);
    expect(full.header.counts.organisations).toBe(inFull.size);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    await full.markSent();

    // "changes" after the mark: the records since, over more than one page, plus whatever the running export
    // missed (a record written into a page already read), so that nothing is lost for the colleague.
    a.clock.t += HOUR;
    await bulkOrganisations(a.ws, 6_000);
    const delta = await exportWorkspace(a.ws, { mode: 'changes', peerId: b.ws.installation.id });
    const inDelta = await idsIn(delta.bytes);
    expect(inDelta.size).toBe(delta.total);
    expect(delta.total).toBeGreaterThanOrEqual(6_000);
    const everything = await a.ws.db.organisations.toCollection().primaryKeys();
    expect(everything.filter((id) => !inFull.has(id) && !inDelta.has(id))).toEqual([]);
  }, 60_000);

  it('stops an export on abort, during reading and while writing the file', async () => {
    const a = await installation('A');
    await bulkOrganisations(a.ws, 6_000);
    for (const phase of ['reading', 'writing']) {
      const controller = new AbortController();
      const e = await exportWorkspace(a.ws, { signal: controller.signal, onProgress: (p) => p.phase === phase && controller.abort() }).catch((x: unknown) => x);
      expect((e as SyncError).code, phase).toBe('aborted');
    }
  }, 60_000);
});

describe('colleagues (peers)', () => {
  it('exports only what changed since the last file actually sent to a colleague', async () => {
    const a = await installation('A');
    const b = await installation('Colleague B');
    await populate(a.ws);
    await importInto(a.ws, (await exportWorkspace(b.ws)).bytes); // A learns about B
    const [peer] = await listPeers(a.ws);
    expect(peer).toMatchObject({ id: b.ws.installation.id, name: 'Colleague B', lastSentHlc: '' });

    const first = await exportWorkspace(a.ws, { mode: 'changes', peerId: peer!.id });
    expect(first.total).toBe(8);
    expect(first.fileName).toMatch(/-for-colleague-b-/);
    // Not saved (dialog cancelled): nothing remembered, the next file is complete again.
    expect((await exportWorkspace(a.ws, { mode: 'changes', peerId: peer!.id })).total).toBe(8);
    await first.markSent();
    expect((await listPeers(a.ws))[0]!.lastSentHlc).not.toBe('');
    const none = await exportWorkspace(a.ws, { mode: 'changes', peerId: peer!.id });
    expect(none.total).toBe(0);
    a.clock.t += HOUR;
    const fresh = await a.ws.create('briefings', briefingFields({ title: 'New since' }));
    const delta = await exportWorkspace(a.ws, { mode: 'changes', peerId: peer!.id });
    expect(delta.total).toBe(1);
    expect(delta.header.scope).toMatchObject({ kind: 'since', to: { id: b.ws.installation.id } });
    await importInto(b.ws, first.bytes);
    await importInto(b.ws, delta.bytes);
    expect((await b.ws.db.briefings.get(fresh.id))!.title).toBe('New since');
    expect((await listPeers(b.ws))[0]).toMatchObject({ id: a.ws.installation.id, name: 'A', lastReceivedHlc: fresh.hlc });
  });

  it('relays a third colleague’s older edits in the next "changes" file', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const c = await installation('C', Date.UTC(2025, 3, 1)); // C's clock is a month behind
    await importInto(a.ws, (await exportWorkspace(b.ws)).bytes);
    a.clock.t += HOUR;
    await a.ws.create('briefings', briefingFields({ title: 'By A' }));
    const toB = await exportWorkspace(a.ws, { mode: 'changes', peerId: b.ws.installation.id });
    await toB.markSent();
    const fromC = await c.ws.create('briefings', briefingFields({ title: 'By C, older clock' }));
    await importInto(a.ws, (await exportWorkspace(c.ws)).bytes);
    const next = await exportWorkspace(a.ws, { mode: 'changes', peerId: b.ws.installation.id });
    await importInto(b.ws, toB.bytes);
    await importInto(b.ws, next.bytes);
    expect((await b.ws.db.briefings.get(fromC.id))?.title).toBe('By C, older clock');
  });

  it('shares a selection: briefings by tag under a ceiling, with what they reference', async () => {
    const a = await installation('A');
    const { org, person, b: open, st } = await populate(a.ws);
    const secret = await a.ws.create('briefings', briefingFields({ title: 'Secret talks', classification: 'secret' }));
    const other = await a.ws.create('briefings', briefingFields({ title: 'Trade', tags: ['trade'] }));
    const file = await exportWorkspace(a.ws, { selection: { tags: ['drugs'], ceiling: 'restricted' } });
    expect(file.header.scope).toMatchObject({ kind: 'selection', description: 'Briefings tagged drugs, classified up to RESTRICTED' });
    const b = await installation('B');
    await importInto(b.ws, file.bytes);
    const got = await dump(b.ws);
    const ids = got.briefings.map((r) => r.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(secret.id);
    expect(ids).not.toContain(other.id);
    expect(got.statements.map((r) => r.id)).toEqual([st.id]);
    expect(got.people.map((r) => r.id)).toEqual([person.id]);
    expect(got.organisations.map((r) => r.id)).toEqual([org.id]);
    expect(got.settings).toHaveLength(1);
    expect(got.actions).toHaveLength(1);
    expect(got.packs).toHaveLength(0);
    // Tags match as in the rest of the app: case and accents do not matter.
    const folded = await exportWorkspace(a.ws, { selection: { tags: ['DRÚGS'], ceiling: 'restricted' } });
    expect(folded.header.counts).toEqual(file.header.counts);
  });
});
