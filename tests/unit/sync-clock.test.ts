/**
 * Issue 11, parts 2–5 on the data layer: clock bounds (a far-future file is refused or taken as this
 * installation's own edits, never absorbed into its clock), copies of this installation (refused at import, and a
 * profile opened on another machine takes a new node id), an honest preview and log (nothing old shown as new;
 * a deletion against edits it never saw is logged and reversible), and the "received" mark that never skips.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc, hlcNode, hlcWall } from '../../src-renderer/src/core/hlc';
import { applyImport, exportWorkspace, listPeers, previewImport, reverseConflict } from '../../src-renderer/src/data/sync';
import { receivedMark } from '../../src-renderer/src/data/import-bounds';
import { readMaxDriftMs, writeMaxDriftHours } from '../../src-renderer/src/data/clock-settings';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { briefingFields } from './fixtures';
import { dump, installation, localState, type Installation } from './sync-helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function importInto(ws: Workspace, bytes: Uint8Array, options: Parameters<typeof applyImport>[2] = {}) {
  const preview = await previewImport(ws, bytes);
  return { preview, result: await applyImport(ws, preview, options) };
}

/** The local clock stays within the allowed drift of the wall clock. */
function expectClockBounded(p: Installation, driftMs = DAY) {
  expect(p.ws.snapshotClock().wall).toBeLessThanOrEqual(p.clock.t + driftMs);
}

describe('clock bounds', () => {
  it('refuses a far-future file by default, naming how many records and the furthest date, without moving the clock', async () => {
    const a = await installation('A');
    const b = await installation('B');
    a.clock.t = b.clock.t + 3 * DAY;
    await a.ws.create('briefings', briefingFields({ title: 'Three days ahead' }));
    a.clock.t += HOUR;
    const last = await a.ws.create('briefings', briefingFields({ title: 'Three days and an hour ahead' }));
    const before = { data: await dump(b.ws), local: await localState(b.ws) };
    const file = await exportWorkspace(a.ws);
    const { preview, result } = await importInto(b.ws, file.bytes);
    expect(preview.refused.future).toEqual({ count: 2, furthest: last.hlc });
    expect(preview.refused.ownNode).toBeNull();
    expect(preview.refused.maxDriftMs).toBe(DAY);
    expect(preview.heldBack.map((h) => h.reason)).toEqual(['future', 'future']);
    expect(result.heldBack).toBe(2);
    expect(await dump(b.ws)).toEqual(before.data);
    expect(b.ws.snapshotClock()).toEqual(before.local.clock);
  });

  it('takes a far-future file as this installation’s own edits, stamped now: the clock stays bounded and a new edit wins', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const shared = await a.ws.create('briefings', briefingFields({ title: 'Shared', location: 'Dushanbe' }));
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
    b.clock.t += HOUR;
    await b.ws.update('briefings', shared.id, { title: 'Shared (B)' });
    a.clock.t = b.clock.t + 10 * DAY;
    await a.ws.update('briefings', shared.id, { location: 'Khujand' });
    const added = await a.ws.create('briefings', briefingFields({ title: 'Written ten days ahead' }));
    const file = await exportWorkspace(a.ws);

    const { result } = await importInto(b.ws, file.bytes, { takeFutureEditsAsOwn: true });
    expect(result.heldBack).toBe(0);
    const node = b.ws.snapshotClock().node;
    const taken = (await b.ws.db.briefings.get(shared.id))!;
    expect(taken).toMatchObject({ title: 'Shared (B)', location: 'Khujand' });
    expect(hlcNode(taken.stamps.location!.c)).toBe(node);
    expect(hlcWall(taken.stamps.location!.c)).toBeLessThanOrEqual(b.clock.t);
    const created = (await b.ws.db.briefings.get(added.id))!;
    expect(created.title).toBe('Written ten days ahead');
    expect(hlcNode(created.hlc)).toBe(node);
    expectClockBounded(b);
    // A new edit here wins over the value it replaces, here and at a colleague that gets both.
    b.clock.t += 1000;
    const edited = await b.ws.update('briefings', shared.id, { location: 'Dushanbe again' });
    expect(edited.stamps.location!.c > taken.stamps.location!.c).toBe(true);
    const c = await installation('C');
    await importInto(c.ws, (await exportWorkspace(b.ws)).bytes);
    expect((await c.ws.db.briefings.get(shared.id))!.location).toBe('Dushanbe again');
    // Importing the same file again (still refused) changes nothing.
    const again = await previewImport(b.ws, file.bytes);
    expect(again.refused.future?.count).toBe(2);
  });

  it('logs a local value that a far-future value taken as an own edit replaced', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const shared = await a.ws.create('briefings', briefingFields({ title: 'Shared' }));
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
    b.clock.t += HOUR;
    await b.ws.update('briefings', shared.id, { title: 'Mine' });
    a.clock.t = b.clock.t + 5 * DAY;
    await a.ws.update('briefings', shared.id, { title: 'Theirs, from the future' });
    const { result } = await importInto(b.ws, (await exportWorkspace(a.ws)).bytes, { takeFutureEditsAsOwn: true });
    expect(result.conflicts).toBe(1);
    const [entry] = await b.ws.db.conflicts.toArray();
    expect(entry).toMatchObject({ recordId: shared.id, field: 'title', value: 'Mine' });
    expect((await b.ws.db.briefings.get(shared.id))!.title).toBe('Theirs, from the future');
  });

  it('follows the drift setting of this installation (1 hour refuses what 24 hours takes), and absorbs only clocks within it', async () => {
    const a = await installation('A');
    const b = await installation('B');
    expect(await readMaxDriftMs(b.ws.db)).toBe(DAY);
    a.clock.t = b.clock.t + 2 * HOUR;
    await a.ws.create('briefings', briefingFields({ title: 'Two hours ahead' }));
    const file = await exportWorkspace(a.ws);
    await writeMaxDriftHours(b.ws.db, 1);
    expect((await previewImport(b.ws, file.bytes)).refused.future?.count).toBe(1);
    await expect(writeMaxDriftHours(b.ws.db, 0)).rejects.toThrow(/from 1 to 720/);
    await writeMaxDriftHours(b.ws.db, 24);
    const { result } = await importInto(b.ws, file.bytes);
    expect(result.added).toBe(1);
    // Two hours ahead is within the drift: absorbed, so the next edit sorts after it.
    expect(b.ws.snapshotClock().wall).toBe(a.clock.t);
    expectClockBounded(b);
  });

  it('never folds a clock beyond the drift into the local clock, whoever asks', async () => {
    const b = await installation('B');
    const before = b.ws.snapshotClock();
    await b.ws.db.transaction('rw', b.ws.db.meta, () => b.ws.observe(formatHlc(b.clock.t + 2 * DAY, 0, 'elsewhere')));
    expect(b.ws.snapshotClock()).toEqual(before);
    await b.ws.db.transaction('rw', b.ws.db.meta, () => b.ws.observe(formatHlc(b.clock.t + 2 * HOUR, 0, 'elsewhere'), HOUR));
    expect(b.ws.snapshotClock()).toEqual(before);
  });
});

/** A copy of `a`'s profile (same installation, clock and records) in another database: a cloned disk. */
async function copyOf(a: Installation): Promise<Installation> {
  const clock = { t: a.clock.t };
  const db = new AttacheDb(`copy-${Math.random()}`);
  await db.open();
  for (const table of a.ws.db.tables) await db.table(table.name).bulkPut(await table.toArray());
  return { ws: await Workspace.open(db, { now: () => clock.t }), clock };
}

describe('copies of this installation', () => {
  it('refuses records a copy of this profile wrote under this installation’s node id, keeping the local edit', async () => {
    const a = await installation('A');
    const rec = await a.ws.create('briefings', briefingFields({ title: 'Original' }));
    const copy = await copyOf(a);
    expect(copy.ws.installation.id).toBe(a.ws.installation.id);
    a.clock.t += HOUR;
    await a.ws.update('briefings', rec.id, { title: 'Edited here' });
    copy.clock.t += 2 * HOUR;
    await copy.ws.update('briefings', rec.id, { title: 'Edited in the copy' });
    const fresh = await copy.ws.create('briefings', briefingFields({ title: 'New in the copy' }));
    const before = await dump(a.ws);
    const { preview, result } = await importInto(a.ws, (await exportWorkspace(copy.ws)).bytes);
    expect(preview.refused.ownNode).toEqual({ count: 2, furthest: fresh.hlc });
    expect(preview.heldBack.every((h) => h.reason === 'own-node')).toBe(true);
    expect(result.heldBack).toBe(2);
    expect(await dump(a.ws)).toEqual(before);
    // Refused whatever the choice about future edits.
    const taken = await importInto(a.ws, (await exportWorkspace(copy.ws)).bytes, { takeFutureEditsAsOwn: true });
    expect(taken.result.heldBack).toBe(2);
    expect((await a.ws.db.briefings.get(rec.id))!.title).toBe('Edited here');
  });

  it('takes what the copy shares with this installation’s past (clocks it did issue) as usual', async () => {
    const a = await installation('A');
    await a.ws.create('briefings', briefingFields({ title: 'Before the copy' }));
    const copy = await copyOf(a);
    const { preview } = await importInto(a.ws, (await exportWorkspace(copy.ws)).bytes);
    expect(preview.refused.ownNode).toBeNull();
    expect(preview.nothingToDo).toBe(true);
  });

  it('gives a profile opened on another machine its own node id, keeping its name, clock and records', async () => {
    const db = new AttacheDb(`machine-${Math.random()}`);
    let t = Date.UTC(2025, 4, 1);
    const now = () => t;
    const first = await Workspace.open(db, { now, defaultName: 'Embassy laptop', machineId: 'machine-1' });
    await first.create('briefings', briefingFields());
    const wall = first.snapshotClock().wall;
    const same = await Workspace.open(db, { now, machineId: 'machine-1' });
    expect(same.installation).toEqual(first.installation);
    const unknown = await Workspace.open(db, { now, machineId: null });
    expect(unknown.installation).toEqual(first.installation);
    t -= HOUR; // the other machine's clock is behind: edits there still sort after the copied ones
    const moved = await Workspace.open(db, { now, machineId: 'machine-2' });
    expect(moved.installation.name).toBe('Embassy laptop');
    expect(moved.installation.id).not.toBe(first.installation.id);
    const clock = moved.snapshotClock();
    expect(clock.node).toBe(moved.installation.id.replace(/-/g, ''));
    expect(clock.wall).toBe(wall);
    const [b] = await db.briefings.toArray();
    const edited = await moved.update('briefings', b!.id, { title: 'Edited on the second machine' });
    expect(edited.hlc > b!.hlc).toBe(true);
    // And it stays so on that machine.
    expect((await Workspace.open(db, { now, machineId: 'machine-2' })).installation.id).toBe(moved.installation.id);
  });

  it('a copy that took its own node id imports into the original like any colleague', async () => {
    const a = await installation('A');
    const rec = await a.ws.create('briefings', briefingFields({ title: 'Original' }));
    const copy = await copyOf(a);
    await a.ws.db.meta.put({ key: 'machine', value: 'machine-1' });
    await copy.ws.db.meta.put({ key: 'machine', value: 'machine-1' });
    const moved = { ws: await Workspace.open(copy.ws.db, { now: () => copy.clock.t, machineId: 'machine-2' }), clock: copy.clock };
    copy.clock.t += HOUR;
    await moved.ws.update('briefings', rec.id, { title: 'Edited on the second machine' });
    const { preview } = await importInto(a.ws, (await exportWorkspace(moved.ws)).bytes);
    expect(preview.refused.ownNode).toBeNull();
    expect((await a.ws.db.briefings.get(rec.id))!.title).toBe('Edited on the second machine');
  });
});

describe('an honest preview and log', () => {
  it('does not show a conflict already in the log, nor a value both sides wrote alike, as news', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const rec = await a.ws.create('briefings', briefingFields({ title: 'Start', location: 'Dushanbe' }));
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
    a.clock.t += HOUR;
    await a.ws.update('briefings', rec.id, { title: 'A’s title', location: 'Khujand' });
    b.clock.t += 2 * HOUR;
    await b.ws.update('briefings', rec.id, { title: 'B’s title', location: 'Khujand' });
    const file = await exportWorkspace(a.ws);
    const first = await importInto(b.ws, file.bytes);
    expect(first.preview.totals.conflicts).toBe(1);
    expect(first.result.conflicts).toBe(1);
    // Location: the same value on both sides, only the stamps differ: not an update.
    expect(first.preview.totals.updated).toBe(0);
    const second = await previewImport(b.ws, file.bytes);
    expect(second.totals.conflicts).toBe(0);
    expect(second.conflicts).toEqual([]);
    expect(second.nothingToDo).toBe(true);
  });

  it('logs edits a deletion never saw, whichever side deleted, and restoring the entry brings the record back with them', async () => {
    for (const deleter of ['file', 'local'] as const) {
      const a = await installation('A');
      const b = await installation('B');
      const rec = await a.ws.create('briefings', briefingFields({ title: 'Talks', location: 'Dushanbe' }));
      await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
      a.clock.t += HOUR;
      await a.ws.remove('briefings', rec.id);
      b.clock.t += 2 * HOUR;
      await b.ws.update('briefings', rec.id, { location: 'Khujand' }); // later than the deletion, which never saw it
      const [from, into] = deleter === 'file' ? [a, b] : [b, a];
      const { preview, result } = await importInto(into.ws, (await exportWorkspace(from.ws)).bytes, { confirmMassDelete: true });
      expect(preview.totals.conflicts, deleter).toBe(1);
      expect(result.conflicts, deleter).toBe(1);
      const stored = (await into.ws.db.briefings.get(rec.id))!;
      expect(stored).toMatchObject({ deleted: 1, location: 'Khujand' });
      const [entry] = await into.ws.db.conflicts.toArray();
      expect(entry, deleter).toMatchObject({ recordId: rec.id, field: 'deleted', value: 0 });
      into.clock.t += 3 * HOUR;
      await reverseConflict(into.ws, entry!.id);
      expect(await into.ws.db.briefings.get(rec.id), deleter).toMatchObject({ deleted: 0, location: 'Khujand' });
    }
  });

  it('logs nothing when the deletion had seen every edit', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const rec = await a.ws.create('briefings', briefingFields({ title: 'Talks' }));
    await importInto(b.ws, (await exportWorkspace(a.ws)).bytes);
    b.clock.t += HOUR;
    await b.ws.update('briefings', rec.id, { location: 'Khujand' });
    await importInto(a.ws, (await exportWorkspace(b.ws)).bytes);
    a.clock.t += 2 * HOUR;
    await a.ws.remove('briefings', rec.id);
    const { result } = await importInto(b.ws, (await exportWorkspace(a.ws)).bytes, { confirmMassDelete: true });
    expect(result.conflicts).toBe(0);
    expect(result.deleted).toBe(1);
  });
});

describe('the mark of what was received never skips held-back edits', () => {
  it('stays below a held-back record, which a later file brings again once it can be taken', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const now = await a.ws.create('briefings', briefingFields({ title: 'Now' }));
    a.clock.t = b.clock.t + 2 * DAY;
    const ahead = await a.ws.create('briefings', briefingFields({ title: 'Two days ahead' }));
    a.clock.t = b.clock.t; // A's clock is put right
    const file = await exportWorkspace(a.ws);
    await importInto(b.ws, file.bytes);
    const [peer] = await listPeers(b.ws);
    expect(peer!.lastReceivedHlc).toBe(now.hlc);
    expect(peer!.lastReceivedHlc < ahead.hlc).toBe(true);
    // Two days later the same edits are within bounds: the next file brings them.
    b.clock.t += 2 * DAY;
    const { result } = await importInto(b.ws, file.bytes);
    expect(result.added).toBe(1);
    expect((await listPeers(b.ws))[0]!.lastReceivedHlc).toBe(ahead.hlc);
  });

  it('says when a "changes" file starts after edits that were never taken here, until a file with everything', async () => {
    const a = await installation('A');
    const b = await installation('B');
    await importInto(a.ws, (await exportWorkspace(b.ws)).bytes); // A knows B
    await a.ws.create('briefings', briefingFields({ title: 'First' }));
    const first = await exportWorkspace(a.ws, { mode: 'changes', peerId: b.ws.installation.id });
    await first.markSent();
    await importInto(b.ws, first.bytes);
    a.clock.t += HOUR;
    await a.ws.create('briefings', briefingFields({ title: 'In a file that never arrives' }));
    await (await exportWorkspace(a.ws, { mode: 'changes', peerId: b.ws.installation.id })).markSent();
    a.clock.t += HOUR;
    await a.ws.create('briefings', briefingFields({ title: 'Third' }));
    const third = await exportWorkspace(a.ws, { mode: 'changes', peerId: b.ws.installation.id });
    const preview = await previewImport(b.ws, third.bytes);
    expect(preview.gap).toEqual({ since: (third.header.scope as { since: string }).since, receivedUpTo: (await listPeers(b.ws))[0]!.lastReceivedHlc });
    await applyImport(b.ws, preview);
    // A's clock runs days ahead: its next file (with everything, marked sent) brings what never arrived, but the
    // future-dated record is refused, so the next "changes" file, which starts after it, shows the gap again.
    a.clock.t = b.clock.t + 3 * DAY;
    await a.ws.create('briefings', briefingFields({ title: 'Dated ahead' }));
    const everything = await exportWorkspace(a.ws, { peerId: b.ws.installation.id });
    await everything.markSent();
    expect((await previewImport(b.ws, everything.bytes)).gap).toBeNull();
    await importInto(b.ws, everything.bytes);
    expect((await b.ws.db.briefings.toArray()).map((x) => x.title)).toContain('In a file that never arrives');
    a.clock.t += HOUR;
    await a.ws.create('briefings', briefingFields({ title: 'After the full file' }));
    const next = await previewImport(b.ws, (await exportWorkspace(a.ws, { mode: 'changes', peerId: b.ws.installation.id })).bytes);
    expect(next.gap?.receivedUpTo).toBe((await listPeers(b.ws))[0]!.lastReceivedHlc);
  });

  it('receivedMark: the newest taken, below the oldest held back, never lowered', () => {
    const c = (w: number) => formatHlc(w, 0, 'n');
    expect(receivedMark('', c(5), '')).toBe(c(5));
    expect(receivedMark('', c(5), c(3)) < c(3)).toBe(true);
    expect(receivedMark('', c(5), c(3)) > c(2)).toBe(true);
    expect(receivedMark(c(9), c(5), '')).toBe(c(9));
    expect(receivedMark('', '', c(3))).toBe('');
  });
});
