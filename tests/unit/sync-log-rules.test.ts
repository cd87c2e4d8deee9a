/**
 * The conflict log's order-independent rule, piece by piece (core/sync/merge.ts; docs/sync-format.md §6): a loss
 * is moot once the field carries the same value with a newer clock; such a loss is not logged, an open entry it
 * meets is closed (marked reviewed, stamped so the closing wins everywhere), and an entry arriving in a file is
 * settled against the record as merged. Pure functions, so every branch is pinned here (mutation testing).
 */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { emptyWorkspaceData, type Briefing, type Conflict } from '../../src-renderer/src/core/model';
import { createRecord, editRecord } from '../../src-renderer/src/core/records';
import { closedEntry, conflictEntry, mergeIntoMaps, mergeRecord, settleEntry, supersedes, toMaps } from '../../src-renderer/src/core/sync/merge';
import { briefingFields } from './fixtures';

const ID = '01900000-0000-7000-8000-000000000001';
const A = 'aaaa';
const B = 'bbbb';
const C = 'cccc';
const at = (ms: number, node: string, counter = 0) => formatHlc(ms, counter, node);
const base = (): Briefing => createRecord('briefings', ID, briefingFields({ title: 'Seed' }), at(1000, A));
/** A's title set to `value` at `ms` by installation `node`, concurrently with everyone (no `p`). */
const titled = (value: string, ms: number, node: string): Briefing => {
  const r = editRecord('briefings', base(), { title: value }, at(ms, node))!;
  return { ...r, stamps: { ...r.stamps, title: { c: at(ms, node) } } };
};
/** The log entry for `value` losing at `ms` on `node`. */
const entry = (value: string, ms: number, node: string): Conflict =>
  conflictEntry({ table: 'briefings', recordId: ID, field: 'title', winner: { value: 'W', stamp: { c: at(9000, C) } }, loser: { value, stamp: { c: at(ms, node) } }, winnerSide: 'local' });

describe('supersedes', () => {
  it('is the same value with a strictly newer clock, nothing else', () => {
    const e = entry('v', 2000, A);
    expect(supersedes('v', { c: at(3000, B) }, e)).toBe(true);
    expect(supersedes('v', { c: at(2000, A) }, e)).toBe(false);
    expect(supersedes('v', { c: at(1000, B) }, e)).toBe(false);
    expect(supersedes('w', { c: at(3000, B) }, e)).toBe(false);
    // Knowing replacement (p, or the same installation later) does not count: only equal values are transitive.
    expect(supersedes('w', { c: at(3000, A), p: at(2000, A) }, e)).toBe(false);
    // Values compare as values, not by identity.
    expect(supersedes(['x'], { c: at(3000, B) }, { value: ['x'], clock: at(2000, A) })).toBe(true);
  });
});

describe('closedEntry', () => {
  it('marks the entry reviewed with the closing clock, p naming its own, everything else kept', () => {
    const e = entry('v', 2000, A);
    const closed = closedEntry(e, at(5000, B));
    expect(closed).toEqual({
      ...e,
      resolution: 'dismissed',
      hlc: at(5000, B),
      stamps: { ...e.stamps, resolution: { c: at(5000, B), p: at(2000, A) } },
    });
    expect(e.resolution).toBe('');
    // The record clock never goes back (an entry already touched later keeps its newer clock).
    const later = { ...e, hlc: at(7000, C) };
    expect(closedEntry(later, at(5000, B)).hlc).toBe(at(7000, C));
  });

  it('wins over the open entry wherever they meet, and is never logged as a conflict itself', () => {
    const e = entry('v', 2000, A);
    const closed = closedEntry(e, at(5000, B));
    for (const [local, incoming] of [
      [e, closed],
      [closed, e],
    ] as const) {
      const m = mergeRecord('conflicts', local, incoming);
      expect(m.conflicts).toEqual([]);
      expect((m.result ?? local).resolution).toBe('dismissed');
    }
  });
});

describe('mergeRecord with the log', () => {
  it('v@s1 here, then w@s2, then v@s3: v@s1 logged, then closed by v@s3 with its clock, w@s2 logged', () => {
    const s1 = titled('v', 2000, A);
    const first = mergeRecord('briefings', s1, titled('w', 3000, B));
    expect(first.conflicts.map((c) => [c.loser.value, c.loser.stamp.c])).toEqual([['v', at(2000, A)]]);
    expect(first.closed).toEqual([]);
    const logged = first.conflicts.map(conflictEntry);
    const second = mergeRecord('briefings', first.result, titled('v', 4000, C), logged);
    expect(second.conflicts.map((c) => [c.loser.value, c.loser.stamp.c])).toEqual([['w', at(3000, B)]]);
    expect(second.closed).toEqual([closedEntry(logged[0]!, at(4000, C))]);
  });

  it('the other order: v@s3 then w@s2 logs w@s2 only', () => {
    const first = mergeRecord('briefings', titled('v', 2000, A), titled('v', 4000, C));
    expect(first.conflicts).toEqual([]);
    const second = mergeRecord('briefings', first.result, titled('w', 3000, B));
    expect(second.conflicts.map((c) => [c.loser.value, c.loser.stamp.c])).toEqual([['w', at(3000, B)]]);
  });

  it('does not log a loss a logged entry of its field already holds newer; an older or other-field entry does not count', () => {
    const local = titled('x', 5000, C);
    const incoming = titled('v', 2000, A);
    // The log already holds v with a newer clock: v@2000 losing now says nothing new.
    expect(mergeRecord('briefings', local, incoming, [entry('v', 3000, B)]).conflicts).toEqual([]);
    // Same value but older: the newer loss is logged.
    expect(mergeRecord('briefings', local, incoming, [entry('v', 1500, B)]).conflicts).toHaveLength(1);
    // Another value, or another field, or a deleted entry: no effect.
    expect(mergeRecord('briefings', local, incoming, [entry('u', 3000, B)]).conflicts).toHaveLength(1);
    expect(mergeRecord('briefings', local, incoming, [{ ...entry('v', 3000, B), field: 'location' }]).conflicts).toHaveLength(1);
    expect(mergeRecord('briefings', local, incoming, [{ ...entry('v', 3000, B), deleted: 1 }]).conflicts).toHaveLength(1);
    // A reviewed entry still holds the value: the loss stays out.
    expect(mergeRecord('briefings', local, incoming, [{ ...entry('v', 3000, B), resolution: 'dismissed' }]).conflicts).toEqual([]);
    // Both directions: the local value losing to the file is judged the same way.
    expect(mergeRecord('briefings', incoming, local, [entry('v', 3000, B)]).conflicts).toEqual([]);
    expect(mergeRecord('briefings', incoming, local, [entry('v', 1500, B)]).conflicts).toHaveLength(1);
  });

  it('closes an open entry when either version met carries its value newer, with the newer such clock', () => {
    const e = entry('v', 2000, A);
    // The file's version makes it moot.
    expect(mergeRecord('briefings', titled('w', 3000, B), titled('v', 4000, C), [e]).closed).toEqual([closedEntry(e, at(4000, C))]);
    // The local version makes it moot (a local edit back to that value, met at the next merge).
    expect(mergeRecord('briefings', titled('v', 4000, C), titled('w', 3000, B), [e]).closed).toEqual([closedEntry(e, at(4000, C))]);
    // Both do: the newer clock closes it, whichever side it is on.
    const both = (l: number, i: number) => mergeRecord('briefings', titled('v', l, C), { ...titled('v', i, B) }, [e]).closed;
    expect(both(4000, 5000)).toEqual([closedEntry(e, at(5000, B))]);
    expect(both(5000, 4000)).toEqual([closedEntry(e, at(5000, C))]);
  });

  it('leaves an entry open when nothing met makes it moot, or it is not open', () => {
    const e = entry('v', 2000, A);
    // Other values, or the same value older.
    expect(mergeRecord('briefings', titled('w', 3000, B), titled('x', 4000, C), [e]).closed).toEqual([]);
    expect(mergeRecord('briefings', titled('w', 3000, B), titled('v', 1500, C), [e]).closed).toEqual([]);
    // Another field's entry.
    expect(mergeRecord('briefings', titled('w', 3000, B), titled('v', 4000, C), [{ ...e, field: 'location' }]).closed).toEqual([]);
    // Reviewed or deleted already.
    expect(mergeRecord('briefings', titled('w', 3000, B), titled('v', 4000, C), [{ ...e, resolution: 'restored' }]).closed).toEqual([]);
    expect(mergeRecord('briefings', titled('w', 3000, B), titled('v', 4000, C), [{ ...e, deleted: 1 }]).closed).toEqual([]);
    // Reviewed later than the version met (the resolution's clock is newer): a user's word stands.
    const reviewedLater = { ...e, stamps: { ...e.stamps, resolution: { c: at(6000, A) } } };
    expect(mergeRecord('briefings', titled('w', 3000, B), titled('v', 4000, C), [reviewedLater]).closed).toEqual([]);
    // A field where both sides agree is not looked at.
    expect(mergeRecord('briefings', titled('v', 4000, C), titled('v', 4000, C), [e]).closed).toEqual([]);
  });

  it('a local version met counts only if newer than the entry’s review too', () => {
    const e = entry('v', 2000, A);
    const reviewedLater = { ...e, stamps: { ...e.stamps, resolution: { c: at(6000, A) } } };
    expect(mergeRecord('briefings', titled('v', 4000, C), titled('w', 3000, B), [reviewedLater]).closed).toEqual([]);
  });

  it('closes every entry made moot in one merge, across fields', () => {
    const t = entry('v', 2000, A);
    const l = { ...entry('u', 2000, A), field: 'location', id: '01900000-0000-7000-8000-0000000000f2' };
    const local = editRecord('briefings', titled('w', 3000, B), { location: 'z' }, at(3000, B))!;
    const incoming = editRecord('briefings', titled('v', 4000, C), { location: 'u' }, at(4000, C))!;
    expect(mergeRecord('briefings', local, incoming, [t, l]).closed.map((c) => c.id)).toEqual([t.id, l.id]);
  });

  it('keeps a deletion’s hidden-edits loss out when the log already holds the live state newer', () => {
    const live = editRecord('briefings', base(), { title: 'Edited' }, at(3000, B))!;
    const dead = { ...base(), deleted: 1 as const, hlc: at(4000, C), stamps: { ...base().stamps, deleted: { c: at(4000, C), p: at(1000, A) } } };
    expect(mergeRecord('briefings', live, dead).conflicts.map((c) => c.field)).toEqual(['deleted']);
    const newerLive = { ...entry('x', 9000, A), field: 'deleted', value: 0, clock: at(2000, B) };
    expect(mergeRecord('briefings', live, dead, [newerLive]).conflicts).toEqual([]);
  });

  it('closes even when the record itself stays as it is (an older file carrying the value again)', () => {
    const e = entry('v', 2000, A);
    const m = mergeRecord('briefings', titled('w', 5000, B), titled('v', 4000, C), [e]);
    expect(m.result).toBeUndefined();
    expect(m.closed).toEqual([closedEntry(e, at(4000, C))]);
  });
});

describe('settleEntry', () => {
  it('closes an arriving open entry the record as merged makes moot, with the record field’s clock', () => {
    const e = entry('v', 2000, A);
    expect(settleEntry(e, titled('v', 4000, C))).toEqual(closedEntry(e, at(4000, C)));
  });

  it('leaves it as it is otherwise', () => {
    const e = entry('v', 2000, A);
    expect(settleEntry(e, undefined)).toBe(e);
    expect(settleEntry(e, titled('w', 4000, C))).toBe(e);
    expect(settleEntry(e, titled('v', 1500, C))).toBe(e);
    expect(settleEntry({ ...e, deleted: 1 }, titled('v', 4000, C)).resolution).toBe('');
    const dismissed = { ...e, resolution: 'dismissed' as const };
    expect(settleEntry(dismissed, titled('v', 4000, C))).toBe(dismissed);
    // A resolution clock newer than the record's value: not closed.
    const reviewedLater = { ...e, stamps: { ...e.stamps, resolution: { c: at(6000, A) } } };
    expect(settleEntry(reviewedLater, titled('v', 4000, C))).toBe(reviewedLater);
    // An entry about a field the record does not stamp.
    const odd = { ...e, field: 'nonexistent' };
    expect(settleEntry(odd, titled('v', 4000, C))).toBe(odd);
  });
});

describe('mergeIntoMaps (the command line) follows the same rule', () => {
  it('closes the entry a later file makes moot, and settles entries arriving with a file', () => {
    const data = emptyWorkspaceData();
    data.briefings.push(titled('v', 2000, A));
    const maps = toMaps(data);
    const withW = emptyWorkspaceData();
    withW.briefings.push(titled('w', 3000, B));
    expect(mergeIntoMaps(maps, withW, { now: Date.UTC(2030, 0, 1) }).newConflictEntries).toBe(1);
    const logged = [...maps.conflicts.values()][0]!;
    expect([logged.value, logged.resolution]).toEqual(['v', '']);
    const withV = emptyWorkspaceData();
    withV.briefings.push(titled('v', 4000, C));
    expect(mergeIntoMaps(maps, withV, { now: Date.UTC(2030, 0, 1) }).newConflictEntries).toBe(1);
    const byValue = Object.fromEntries([...maps.conflicts.values()].map((c) => [String(c.value), c.resolution]));
    expect(byValue).toEqual({ v: 'dismissed', w: '' });

    // An open entry arriving in a file about a record whose value here already carries it newer: settled closed.
    const fresh = toMaps(emptyWorkspaceData());
    const carried = emptyWorkspaceData();
    carried.briefings.push(titled('v', 4000, C));
    carried.conflicts.push(entry('v', 2000, A));
    mergeIntoMaps(fresh, carried, { now: Date.UTC(2030, 0, 1) });
    expect([...fresh.conflicts.values()].map((c) => c.resolution)).toEqual(['dismissed']);
    // And one that is not moot stays open.
    const other = toMaps(emptyWorkspaceData());
    const carried2 = emptyWorkspaceData();
    carried2.briefings.push(titled('x', 4000, C));
    carried2.conflicts.push(entry('v', 2000, A));
    mergeIntoMaps(other, carried2, { now: Date.UTC(2030, 0, 1) });
    expect([...other.conflicts.values()].map((c) => c.resolution)).toEqual(['']);
  });

  it('takes a file that carries both the moot-making version and the entry it already closed, changing nothing twice', () => {
    // Here: the title 'w', and the open entry for 'v' that lost to it.
    const here = () => {
      const data = emptyWorkspaceData();
      data.briefings.push(titled('w', 3000, B));
      data.conflicts.push(entry('v', 2000, A));
      return toMaps(data);
    };
    // A colleague met 'v' again, newer, and closed the entry: their file carries both.
    const theirs = here();
    const withV = emptyWorkspaceData();
    withV.briefings.push(titled('v', 4000, C));
    mergeIntoMaps(theirs, withV, { now: Date.UTC(2030, 0, 1) });
    const file = emptyWorkspaceData();
    file.briefings.push(...theirs.briefings.values());
    file.conflicts.push(...theirs.conflicts.values());
    // The closing this merge computes meets the same closing already taken from the file: nothing left undefined.
    const maps = here();
    mergeIntoMaps(maps, file, { now: Date.UTC(2030, 0, 1) });
    const entries = [...maps.conflicts.values()];
    expect(entries.every((e) => e !== undefined)).toBe(true);
    expect(Object.fromEntries(entries.map((c) => [String(c.value), c.resolution]))).toEqual({ v: 'dismissed', w: '' });
    expect(maps.conflicts).toEqual(theirs.conflicts);
    expect(maps.briefings.get(ID)!.title).toBe('v');
  });

  it('knows every entry already logged on a record, not only its first', () => {
    const data = emptyWorkspaceData();
    data.briefings.push(titled('w', 3000, B));
    data.conflicts.push(entry('v', 2000, A), entry('u', 2500, A));
    const maps = toMaps(data);
    const withU = emptyWorkspaceData();
    withU.briefings.push(titled('u', 4000, C));
    // 'w' loses to the newer 'u' (one new entry); the second entry on the record, for 'u', is moot and closed.
    expect(mergeIntoMaps(maps, withU, { now: Date.UTC(2030, 0, 1) }).newConflictEntries).toBe(1);
    const byValue = Object.fromEntries([...maps.conflicts.values()].map((c) => [String(c.value), c.resolution]));
    expect(byValue).toEqual({ v: '', u: 'dismissed', w: '' });
  });
});
