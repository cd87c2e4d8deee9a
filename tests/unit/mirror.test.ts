import type { InsertType } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { Action } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { newActionFields } from '../../src-renderer/src/data/actions';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { onStorageMutated, TableMirror } from '../../src-renderer/src/data/mirror';

let db: AttacheDb;
let mirror: TableMirror<Action, string, InsertType<Action, 'id'>>;
let stop: () => void;
let n = 0;

const id = (i: number) => `0190e000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
const action = (i: number, title: string, clock = formatHlc(1_700_000_000_000 + i, 0, 'test')) =>
  createRecord('actions', id(i), newActionFields({ title }), clock) as Action;

/** What the mirror holds, as id → title, in key order. */
async function held(): Promise<[string, string][]> {
  return [...(await mirror.read()).items].sort(([a], [b]) => (a < b ? -1 : 1));
}
/** What storage holds, the same way. */
async function stored(): Promise<[string, string][]> {
  return (await db.actions.toArray()).filter((a) => !a.deleted).map((a) => [a.id, a.title]);
}

beforeEach(async () => {
  db = new AttacheDb(`mirror-test-${n++}`);
  await db.open();
  mirror = new TableMirror(db.actions, (a) => (a.deleted ? undefined : a.title));
  stop = onStorageMutated((parts) => mirror.note(parts));
});
afterEach(async () => {
  stop();
  db.close();
  await db.delete();
});

describe('table mirror', () => {
  it('reads everything once, then follows single edits, deletions and tombstones', async () => {
    await db.actions.bulkPut([action(1, 'One'), action(2, 'Two'), action(3, 'Three')]);
    expect(await held()).toEqual(await stored());
    const first = await mirror.read();
    // Nothing written: the same copy, no re-read.
    expect(await mirror.read()).toBe(first);

    await db.actions.put({ ...action(2, 'Two, edited') });
    await db.actions.delete(id(3));
    await db.actions.put({ ...action(1, 'One'), deleted: 1 });
    await db.actions.add(action(4, 'Four'));
    expect(await held()).toEqual([[id(2), 'Two, edited'], [id(4), 'Four']]);
    expect(await held()).toEqual(await stored());
    // The copy handed out before is left as it was.
    expect([...first.items.values()]).toEqual(['One', 'Two', 'Three']);
  });

  it('follows bulk writes, clear and range deletes (announced as ranges, read in pieces)', async () => {
    await mirror.read();
    // More rows than one piece of a range read.
    await db.actions.bulkPut(Array.from({ length: 5_100 }, (_, i) => action(i, `Bulk ${i}`)));
    expect(await held()).toEqual(await stored());
    expect((await mirror.read()).items.size).toBe(5_100);
    await db.actions.where(':id').between(id(10), id(19), true, true).delete();
    expect(await held()).toEqual(await stored());
    expect((await mirror.read()).items.size).toBe(5_090);
    await db.actions.clear();
    expect(await held()).toEqual([]);
  });

  it('sees a write with an older clock than anything it holds (an import of a colleague’s older edit)', async () => {
    await db.actions.put(action(1, 'Mine, newest', formatHlc(1_800_000_000_000, 0, 'me')));
    await mirror.read();
    await db.actions.put(action(2, 'Theirs, older', formatHlc(1_600_000_000_000, 0, 'them')));
    expect((await mirror.read()).items.get(id(2))).toBe('Theirs, older');
  });

  it('sees writes made through another connection to the same database', async () => {
    await mirror.read();
    const other = new AttacheDb(db.name);
    await other.actions.put(action(7, 'From elsewhere'));
    other.close();
    expect((await mirror.read()).items.get(id(7))).toBe('From elsewhere');
  });

  it('a write committed while a read is under way is applied by the next read', async () => {
    await db.actions.bulkPut([action(1, 'One')]);
    const reading = mirror.read();
    await db.actions.put(action(1, 'One, edited'));
    await reading;
    expect((await mirror.read()).items.get(id(1))).toBe('One, edited');
  });
});
