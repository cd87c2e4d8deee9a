/**
 * The pure clock rules (core/sync/clock-bounds.ts, core/sync/deletes.ts), the command line's --accept-future
 * (the merge's own edits, stamped now) and the conflict log's word-level difference.
 */
import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatHlc, hlcNode, hlcWall, nodeIdFromInstallationId } from '../../src-renderer/src/core/hlc';
import { createRecord, editRecord } from '../../src-renderer/src/core/records';
import { beyondDrift, heldBack, restampRecord } from '../../src-renderer/src/core/sync/clock-bounds';
import { editsHiddenByDelete } from '../../src-renderer/src/core/sync/deletes';
import { MERGE_INSTALLATION, decodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { mergeRecord } from '../../src-renderer/src/core/sync/merge';
import { exportWorkspace } from '../../src-renderer/src/data/sync';
import { wordDiff } from '../../src-renderer/src/ui/exchange/wordDiff';
import { cliRunner } from './cli-helpers';
import { briefingFields } from './fixtures';
import { installation } from './sync-helpers';

const NOW = Date.UTC(2025, 4, 1, 9);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number, node = 'them', counter = 0) => formatHlc(ms, counter, node);
const bounds = { now: NOW, maxDriftMs: DAY, ownNode: 'me', lastIssued: at(NOW, 'me', 5) };

afterEach(() => vi.restoreAllMocks());

describe('which records are held back', () => {
  const rec = (stamps: Record<string, { c: string; p?: string }>) => ({ stamps });

  it('a stamp beyond the drift is future; at the bound exactly it is not', () => {
    expect(beyondDrift(at(NOW + DAY), NOW, DAY)).toBe(false);
    expect(beyondDrift(at(NOW + DAY + 1), NOW, DAY)).toBe(true);
    expect(heldBack(rec({ title: { c: at(NOW + DAY) } }), bounds)).toBeUndefined();
    expect(heldBack(rec({ title: { c: at(NOW) }, location: { c: at(NOW + 2 * DAY) } }), bounds)).toEqual({ reason: 'future', clock: at(NOW + 2 * DAY) });
  });

  it('names the furthest stamp of each kind, whatever the order of the fields', () => {
    const two = (a: string, b: string) => rec({ title: { c: a }, location: { c: b } });
    for (const [a, b] of [[at(NOW + 2 * DAY), at(NOW + 3 * DAY)], [at(NOW + 3 * DAY), at(NOW + 2 * DAY)]] as const) {
      expect(heldBack(two(a, b), bounds)).toEqual({ reason: 'future', clock: at(NOW + 3 * DAY) });
    }
    for (const [a, b] of [[at(NOW + 1, 'me'), at(NOW + 2, 'me')], [at(NOW + 2, 'me'), at(NOW + 1, 'me')]] as const) {
      expect(heldBack(two(a, b), bounds)).toEqual({ reason: 'own-node', clock: at(NOW + 2, 'me') });
    }
    // A foreign `p` (on a field whose own `c` is another node's) further than another field's foreign `c`, or not.
    const withP = (pMs: number) => rec({ title: { c: at(NOW + 1, 'me') }, location: { c: at(NOW + HOUR), p: at(pMs, 'me') } });
    expect(heldBack(withP(NOW + 2), bounds)).toEqual({ reason: 'own-node', clock: at(NOW + 2, 'me') });
    const pFirst = rec({ location: { c: at(NOW + HOUR), p: at(NOW + 1, 'me') }, title: { c: at(NOW + 2, 'me') } });
    expect(heldBack(pFirst, bounds)).toEqual({ reason: 'own-node', clock: at(NOW + 2, 'me') });
    const equalP = rec({ title: { c: at(NOW + 1, 'me') }, location: { c: at(NOW + HOUR), p: at(NOW + 1, 'me') } });
    expect(heldBack(equalP, bounds)).toEqual({ reason: 'own-node', clock: at(NOW + 1, 'me') });
  });

  it('a stamp of this node beyond what it issued is a copy’s, in c or in p; up to what it issued is its own', () => {
    expect(heldBack(rec({ title: { c: at(NOW, 'me', 5) } }), bounds)).toBeUndefined();
    expect(heldBack(rec({ title: { c: at(NOW, 'me', 6) } }), bounds)).toEqual({ reason: 'own-node', clock: at(NOW, 'me', 6) });
    expect(heldBack(rec({ title: { c: at(NOW + HOUR), p: at(NOW + 1, 'me') } }), bounds)).toEqual({ reason: 'own-node', clock: at(NOW + 1, 'me') });
    // Another node's later clock is not a copy's.
    expect(heldBack(rec({ title: { c: at(NOW + HOUR, 'mf') } }), bounds)).toBeUndefined();
    // A copy's record refuses even when also dated in the future.
    expect(heldBack(rec({ title: { c: at(NOW + 3 * DAY, 'me') } }), bounds)?.reason).toBe('own-node');
  });
});

describe('own stamps checked against the record as stored here', () => {
  const local = createRecord('briefings', 'b1', briefingFields({ title: 'Mine' }), at(NOW - HOUR, 'me'));
  const withTitle = (title: string, c: string) => ({ ...local, title, stamps: { ...local.stamps, title: { c } } });

  it('finds a copy’s stamp even below the newest clock this installation issued', () => {
    // Issued up to NOW (counter 5) elsewhere, but this field's own last edit is an hour old: a later own stamp is a copy's.
    expect(heldBack(withTitle('Copy', at(NOW - 1, 'me')), bounds, local)).toEqual({ reason: 'own-node', clock: at(NOW - 1, 'me') });
    // A record of ours this installation does not have.
    expect(heldBack(local, bounds, null)?.reason).toBe('own-node');
  });

  it('takes back its own stamps as they are here, and older ones', () => {
    expect(heldBack(local, bounds, local)).toBeUndefined();
    expect(heldBack(withTitle('Older', at(NOW - 2 * HOUR, 'me')), bounds, local)).toBeUndefined();
    // The same stamp with another value: a value repaired elsewhere by the invariant rules keeps its stamp.
    expect(heldBack(withTitle('Repaired', at(NOW - HOUR, 'me')), bounds, local)).toBeUndefined();
    // Without the record (undefined: not checked), only the bound of what was issued applies.
    expect(heldBack(withTitle('Copy', at(NOW - 1, 'me')), bounds)).toBeUndefined();
  });
});

describe('taking a future record as an own edit', () => {
  it('stamps only the future fields with the given clock, merging the others as usual', () => {
    const base = createRecord('briefings', 'b1', briefingFields({ title: 'Start', location: 'Dushanbe' }), at(NOW - DAY, 'x'));
    const sane = editRecord('briefings', base, { location: 'Khujand' }, at(NOW - HOUR))!;
    const far = editRecord('briefings', sane, { title: 'From the future' }, at(NOW + 5 * DAY))!;
    const mine = at(NOW, 'me', 9);
    const m = restampRecord('briefings', base, far, mine, bounds);
    expect(m).toMatchObject({ added: false, deletedNow: false, restoredNow: false });
    expect(m.result).toMatchObject({ title: 'From the future', location: 'Khujand', hlc: mine });
    expect(m.result!.stamps.title).toEqual({ c: mine, p: base.stamps.title!.c });
    expect(m.result!.stamps.location).toEqual(sane.stamps.location);
    expect(m.conflicts).toEqual([]); // the far edit had replaced the local value knowingly
    const fresh = restampRecord('briefings', undefined, far, mine, bounds);
    expect(fresh).toMatchObject({ added: true, deletedNow: false, restoredNow: false, result: { title: 'From the future' } });
    expect(fresh.result!.hlc).toBe(mine);
    expect(Object.values(fresh.result!.stamps).every((s) => hlcWall(s.c) <= NOW)).toBe(true);
  });

  it('logs a local value it replaces that the far edit had not seen', () => {
    const base = createRecord('briefings', 'b1', briefingFields({ title: 'Start' }), at(NOW - DAY, 'x'));
    const local = editRecord('briefings', base, { title: 'Mine' }, at(NOW - HOUR, 'me'))!;
    const far = editRecord('briefings', base, { title: 'Theirs' }, at(NOW + 5 * DAY))!;
    const m = restampRecord('briefings', local, far, at(NOW, 'me', 9), bounds);
    expect(m.result!.title).toBe('Theirs');
    expect(m.conflicts).toEqual([
      { table: 'briefings', recordId: 'b1', field: 'title', winner: { value: 'Theirs', stamp: m.result!.stamps.title }, loser: { value: 'Mine', stamp: local.stamps.title }, winnerSide: 'incoming' },
    ]);
  });

  it('keeps the conflicts of the fields within bounds, and logs no far field whose value is the same here', () => {
    const base = createRecord('briefings', 'b1', briefingFields({ title: 'Start', location: 'Dushanbe', audience: 'Same' }), at(NOW - DAY, 'x'));
    const local = editRecord('briefings', base, { location: 'Mine' }, at(NOW - HOUR, 'me'))!;
    const near = editRecord('briefings', base, { location: 'Theirs, in bounds' }, at(NOW - 30 * 60_000))!;
    const far = { ...editRecord('briefings', near, { title: 'Far' }, at(NOW + 5 * DAY))!, stamps: { ...near.stamps, title: { c: at(NOW + 5 * DAY) }, audience: { c: at(NOW + 5 * DAY) } } };
    far.hlc = at(NOW + 5 * DAY);
    far.title = 'Far';
    const m = restampRecord('briefings', local, far, at(NOW, 'me', 9), bounds);
    expect(m.result).toMatchObject({ title: 'Far', location: 'Theirs, in bounds', audience: 'Same' });
    expect(m.conflicts.map((c) => [c.field, c.loser.value])).toEqual([
      ['location', 'Mine'],
      ['title', 'Start'],
    ]);
  });
});

describe('taking a future record as an own edit: the edges', () => {
  const base = createRecord('briefings', 'b1', briefingFields({ title: 'Start' }), at(NOW - DAY, 'x'));
  const mine = at(NOW, 'me', 9);

  it('a far deletion or restoration is an own deletion or restoration', () => {
    const farDelete = editRecord('briefings', base, { deleted: 1 } as never, at(NOW + 3 * DAY))!;
    expect(restampRecord('briefings', base, farDelete, mine, bounds)).toMatchObject({ added: false, deletedNow: true, restoredNow: false, result: { deleted: 1 } });
    expect(restampRecord('briefings', farDelete, editRecord('briefings', farDelete, { deleted: 0 } as never, at(NOW + 4 * DAY))!, mine, bounds)).toMatchObject({
      deletedNow: false,
      restoredNow: true,
    });
    // A far edit inside a tombstone: neither deleted nor restored now.
    const farEdit = editRecord('briefings', farDelete, { title: 'Edited while deleted' }, at(NOW + 4 * DAY))!;
    expect(restampRecord('briefings', farDelete, farEdit, mine, bounds)).toMatchObject({ deletedNow: false, restoredNow: false, result: { deleted: 1, title: 'Edited while deleted' } });
    const tombstone = restampRecord('briefings', undefined, farDelete, mine, bounds);
    expect(tombstone).toMatchObject({ added: true, deletedNow: false, result: { deleted: 1 } });
    expect(tombstone.result!.stamps.deleted).toEqual({ c: mine });
    expect(tombstone.result!.stamps.title).toEqual(base.stamps.title);
  });

  it('a far value equal to the local one changes nothing', () => {
    const same = editRecord('briefings', editRecord('briefings', base, { title: 'X' }, at(NOW + 3 * DAY))!, { title: 'Start' }, at(NOW + 3 * DAY, 'them', 1))!;
    expect(restampRecord('briefings', base, same, mine, bounds)).toEqual({ result: undefined, added: false, deletedNow: false, restoredNow: false, conflicts: [], closed: [] });
  });

  it('the merge’s own stamp sorts after every clock within bounds, not after the far ones', async () => {
    const { nextClockAfter } = await import('../../src-renderer/src/core/sync/clock-bounds');
    const { emptyWorkspaceData } = await import('../../src-renderer/src/core/model');
    const { toMaps } = await import('../../src-renderer/src/core/sync/merge');
    const maps = toMaps({ ...emptyWorkspaceData(), briefings: [editRecord('briefings', base, { title: 'Ahead' }, at(NOW + HOUR, 'y', 7))!] });
    const incoming = { ...emptyWorkspaceData(), briefings: [editRecord('briefings', base, { title: 'Far' }, at(NOW + 3 * DAY))!] };
    const clock = nextClockAfter(maps, incoming, 'merge', NOW);
    expect(clock > at(NOW + HOUR, 'y', 7)).toBe(true);
    expect(hlcWall(clock)).toBe(NOW + HOUR);
    expect(hlcNode(clock)).toBe('merge');
    expect(nextClockAfter(toMaps(emptyWorkspaceData()), emptyWorkspaceData(), 'merge', NOW)).toBe(at(NOW, 'merge'));
    // The file's own clocks within bounds count too.
    const nearer = { ...emptyWorkspaceData(), briefings: [editRecord('briefings', base, { title: 'Near' }, at(NOW + 2 * HOUR, 'z', 3))!] };
    expect(nextClockAfter(toMaps(emptyWorkspaceData()), nearer, 'merge', NOW) > at(NOW + 2 * HOUR, 'z', 3)).toBe(true);
  });
});

describe('a deletion and edits it never saw', () => {
  const base = createRecord('briefings', 'b1', briefingFields({ location: 'Dushanbe' }), at(NOW - DAY, 'x'));
  const deleted = editRecord('briefings', base, { deleted: 1 } as never, at(NOW - 2 * HOUR, 'a'))!;
  const edited = editRecord('briefings', base, { location: 'Khujand' }, at(NOW - HOUR, 'b'))!;

  it('is found whichever side deleted, and the merge logs it once', () => {
    expect(editsHiddenByDelete('briefings', edited, deleted, 1)).toMatchObject({ field: 'deleted', loser: { value: 0 }, winnerSide: 'incoming' });
    expect(editsHiddenByDelete('briefings', deleted, edited, 1)).toMatchObject({ field: 'deleted', loser: { value: 0 }, winnerSide: 'local' });
    for (const [l, r] of [[edited, deleted], [deleted, edited]] as const) {
      const m = mergeRecord('briefings', l, r);
      expect(m.result).toMatchObject({ deleted: 1, location: 'Khujand' });
      expect(m.conflicts.filter((c) => c.field === 'deleted')).toHaveLength(1);
    }
  });

  it('is not found when both sides deleted, whatever either holds', () => {
    const deletedThenEdited = editRecord('briefings', editRecord('briefings', edited, { deleted: 1 } as never, at(NOW - 50 * 60_000, 'b'))!, { location: 'Later' }, at(NOW - 40 * 60_000, 'b'))!;
    expect(editsHiddenByDelete('briefings', deletedThenEdited, deleted, 1)).toBeUndefined();
    expect(editsHiddenByDelete('briefings', deleted, deletedThenEdited, 1)).toBeUndefined();
  });

  it('is not found when the live side is behind the deleting side on the field that differs', () => {
    const editedThenDeleted = editRecord('briefings', editRecord('briefings', base, { location: 'Newer' }, at(NOW - 30 * 60_000, 'a'))!, { deleted: 1 } as never, at(NOW - 20 * 60_000, 'a'))!;
    expect(editsHiddenByDelete('briefings', base, editedThenDeleted, 1)).toBeUndefined();
    expect(editsHiddenByDelete('briefings', editedThenDeleted, base, 1)).toBeUndefined();
    // The same stamp with another value (repaired elsewhere): not an unseen edit either.
    const repaired = { ...deleted, location: 'Dushanbe (repaired)' };
    expect(editsHiddenByDelete('briefings', base, repaired, 1)).toBeUndefined();
  });

  it('is not found in the conflict log itself, nor for an edit to the value the deletion had', () => {
    expect(editsHiddenByDelete('conflicts', edited as never, deleted as never, 1)).toBeUndefined();
    const sameValueLater = editRecord('briefings', editRecord('briefings', base, { location: 'X' }, at(NOW - 90 * 60_000, 'b'))!, { location: 'Dushanbe' }, at(NOW - HOUR, 'b'))!;
    expect(editsHiddenByDelete('briefings', sameValueLater, deleted, 1)).toBeUndefined();
  });

  it('is not found when the deleting side had the edit, or the record stays live', () => {
    const seenThenDeleted = editRecord('briefings', edited, { deleted: 1 } as never, at(NOW, 'a'))!;
    expect(editsHiddenByDelete('briefings', edited, seenThenDeleted, 1)).toBeUndefined();
    expect(editsHiddenByDelete('briefings', edited, deleted, 0)).toBeUndefined();
    const restored = editRecord('briefings', deleted, { deleted: 0 } as never, at(NOW, 'b'))!;
    expect(editsHiddenByDelete('briefings', restored, deleted, 0)).toBeUndefined();
  });
});

describe('attache sync merge --accept-future', () => {
  it('refuses far-future records unless asked, and then takes them as the merge’s own edits, dated now', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attache-clock-'));
    const a = await installation('A', Date.now() + 3 * DAY);
    const far = await a.ws.create('briefings', briefingFields({ title: 'Three days ahead' }));
    await writeFile(join(dir, 'a.attache'), (await exportWorkspace(a.ws)).bytes);
    const { cli, out, err } = cliRunner();
    expect(await cli('sync', 'merge', join(dir, 'a.attache'), '--out', join(dir, 'held.attache'))).toBe(0);
    expect(err.join('\n')).toMatch(/1 records stamped more than a day in the future were refused/);
    expect((await decodeSyncFile(new Uint8Array(await readFile(join(dir, 'held.attache'))))).data.briefings).toEqual([]);
    expect(await cli('sync', 'merge', join(dir, 'a.attache'), '--accept-future', '--out', join(dir, 'taken.attache'))).toBe(0);
    expect(out.join('\n')).toMatch(/0 held back/);
    const [taken] = (await decodeSyncFile(new Uint8Array(await readFile(join(dir, 'taken.attache'))))).data.briefings;
    expect(taken).toMatchObject({ id: far.id, title: 'Three days ahead' });
    expect(hlcNode(taken!.hlc)).toBe(nodeIdFromInstallationId(MERGE_INSTALLATION.id));
    expect(hlcWall(taken!.hlc)).toBeLessThanOrEqual(Date.now());
  });
});

describe('the conflict log’s word-level difference', () => {
  it('marks the words each version has that the other lacks, as plain text parts', () => {
    const d = wordDiff('title', 'Countering modern threats (Alice)', 'Countering modern threats (Bob)')!;
    expect(d.kept).toEqual([
      { text: 'Countering modern threats (', kind: 'same' },
      { text: 'Bob', kind: 'added' },
      { text: ')', kind: 'same' },
    ]);
    expect(d.lost.filter((p) => p.kind !== 'same')).toEqual([{ text: 'Alice', kind: 'removed' }]);
    expect(d.kept.map((p) => p.text).join('')).toBe('Countering modern threats (Bob)');
    expect(d.lost.map((p) => p.text).join('')).toBe('Countering modern threats (Alice)');
    // Markup in a value stays text.
    expect(wordDiff('summary', 'a <b>bold</b> move', 'a <i>bold</i> move')!.kept.map((p) => p.text).join('')).toBe('a <i>bold</i> move');
  });

  it('is only for prose of reasonable length', () => {
    expect(wordDiff('deleted', 0, 1)).toBeUndefined();
    expect(wordDiff('tags', ['a'], ['b'])).toBeUndefined();
    expect(wordDiff('order', 'a0', 'a1')).toBeUndefined();
    expect(wordDiff('summary', '', 'text')).toBeUndefined();
    expect(wordDiff('summary', 'x'.repeat(20_001), 'y')).toBeUndefined();
  });
});
