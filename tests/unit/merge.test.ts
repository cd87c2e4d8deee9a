import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { isId } from '../../src-renderer/src/core/ids';
import type { Briefing } from '../../src-renderer/src/core/model';
import { createRecord, editRecord } from '../../src-renderer/src/core/records';
import { conflictEntry, conflictId, knowinglyReplaced, mergeRecord } from '../../src-renderer/src/core/sync/merge';
import { briefingFields } from './fixtures';

const ID = '01900000-0000-7000-8000-000000000001';
const A = 'aaaa';
const B = 'bbbb';
const C = 'cccc';
const at = (ms: number, node: string, counter = 0) => formatHlc(ms, counter, node);

function base(): Briefing {
  return createRecord('briefings', ID, briefingFields(), at(1000, A));
}

describe('mergeRecord', () => {
  it('keeps both colleagues’ edits to different fields, without conflicts', () => {
    const a = editRecord('briefings', base(), { title: 'Title by A' }, at(2000, A))!;
    const b = editRecord('briefings', base(), { location: 'Ashgabat' }, at(2100, B))!;
    const ab = mergeRecord('briefings', a, b);
    const ba = mergeRecord('briefings', b, a);
    expect(ab.result).toEqual(ba.result);
    expect(ab.result).toMatchObject({ title: 'Title by A', location: 'Ashgabat', hlc: at(2100, B) });
    expect(ab.conflicts).toEqual([]);
    expect(ba.conflicts).toEqual([]);
  });

  it('lets the newer edit of a field win and logs the losing value, whichever side loses', () => {
    const a = editRecord('briefings', base(), { title: 'A says' }, at(2000, A))!;
    // B got the base from A, so its stamp remembers that it replaced A's creation.
    const b = editRecord('briefings', base(), { title: 'B says' }, at(3000, B))!;
    expect(b.stamps.title).toEqual({ c: at(3000, B), p: at(1000, A) });

    const incomingWins = mergeRecord('briefings', a, b);
    expect(incomingWins.result!.title).toBe('B says');
    expect(incomingWins.conflicts).toHaveLength(1);
    expect(incomingWins.conflicts[0]).toMatchObject({ field: 'title', winnerSide: 'incoming', loser: { value: 'A says', stamp: { c: at(2000, A) } } });

    const localWins = mergeRecord('briefings', b, a);
    expect(localWins.result).toBeUndefined();
    expect(localWins.conflicts[0]).toMatchObject({ field: 'title', winnerSide: 'local', loser: { value: 'A says' } });
    // The same loss gives the same log entry on both sides.
    expect(conflictEntry(incomingWins.conflicts[0]!)).toEqual(conflictEntry(localWins.conflicts[0]!));
  });

  it('does not log a value the winner knowingly replaced', () => {
    const a = base();
    const b = editRecord('briefings', a, { title: 'B replaced A' }, at(3000, B))!;
    expect(mergeRecord('briefings', a, b).conflicts).toEqual([]);
    expect(mergeRecord('briefings', b, a).conflicts).toEqual([]);
    // A's own later edit replaces its earlier value knowingly too.
    const a2 = editRecord('briefings', a, { title: 'A again' }, at(2000, A))!;
    expect(mergeRecord('briefings', a, a2).conflicts).toEqual([]);
  });

  it('follows a chain: a value replaced by its own author, then by a colleague who saw that', () => {
    const a1 = editRecord('briefings', base(), { title: 'A1' }, at(2000, A))!;
    const a2 = editRecord('briefings', a1, { title: 'A2' }, at(2500, A))!;
    const c = editRecord('briefings', a2, { title: 'C' }, at(3000, C))!;
    expect(c.stamps.title!.p).toBe(at(2500, A));
    expect(knowinglyReplaced(c.stamps.title!, a1.stamps.title!)).toBe(true);
    expect(mergeRecord('briefings', a1, c).conflicts).toEqual([]);
  });

  it('does not log a loser whose value equals the winner’s', () => {
    const a = editRecord('briefings', base(), { title: 'Same' }, at(2000, A))!;
    const b = editRecord('briefings', base(), { title: 'Same' }, at(2000, B))!;
    const m = mergeRecord('briefings', a, b);
    expect(m.conflicts).toEqual([]);
    expect(m.result!.stamps.title!.c).toBe(at(2000, B));
  });

  it('breaks a forged tie (same stamp, different values) the same way on both sides', () => {
    const a = editRecord('briefings', base(), { title: 'Alpha' }, at(2000, A))!;
    const forged = { ...a, title: 'Zulu' } as Briefing;
    const x = mergeRecord('briefings', a, forged);
    const y = mergeRecord('briefings', forged, a);
    expect(x.result!.title).toBe('Zulu');
    expect(y.result).toBeUndefined();
    expect(x.conflicts[0]!.loser.value).toBe('Alpha');
    expect(y.conflicts[0]!.loser.value).toBe('Alpha');
  });

  it('merges deletion like an edit: a tombstone with its own clock, and a later undelete', () => {
    const deleted = editRecord('briefings', base(), { deleted: 1 }, at(2000, A))!;
    const edited = editRecord('briefings', base(), { summary: 'Notes' }, at(2100, B))!;
    const m = mergeRecord('briefings', edited, deleted);
    expect(m.result).toMatchObject({ deleted: 1, summary: 'Notes' });
    expect(m.deletedNow).toBe(true);
    const undeleted = editRecord('briefings', m.result!, { deleted: 0 }, at(3000, B))!;
    const back = mergeRecord('briefings', deleted, undeleted);
    expect(back.result!.deleted).toBe(0);
    expect(back.restoredNow).toBe(true);
    expect(back.conflicts).toEqual([]);
  });

  it('inserts a record it has never seen as is', () => {
    const a = base();
    expect(mergeRecord('briefings', undefined, a)).toMatchObject({ result: a, added: true, conflicts: [] });
  });
});

describe('conflictId', () => {
  it('is a deterministic UUIDv7 that depends on table, record, field and losing clock', () => {
    const id = conflictId('briefings', ID, 'title', at(2000, A));
    expect(isId(id)).toBe(true);
    expect(conflictId('briefings', ID, 'title', at(2000, A))).toBe(id);
    expect(conflictId('briefings', ID, 'title', at(2001, A))).not.toBe(id);
    expect(conflictId('briefings', ID, 'location', at(2000, A))).not.toBe(id);
    expect(conflictId('actions', ID, 'title', at(2000, A))).not.toBe(id);
  });
});
