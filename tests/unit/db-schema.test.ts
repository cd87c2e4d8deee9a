/**
 * The database schema across versions: a workspace written by an earlier version opens under the
 * current one with every record intact, and the indexes added since (which the import's mass-delete
 * guard counts live records with; sync-import.test.ts) answer at once.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { SYNCED_TABLES } from '../../src-renderer/src/core/model';
import { AttacheDb, SCHEMA_V1 } from '../../src-renderer/src/data/db';
import { readWorkspaceData } from '../../src-renderer/src/data/snapshot';


/**
 * Version 1 as it shipped, frozen here on purpose (not imported): installations still hold it, so the
 * database's own SCHEMA_V1 must never change, and the upgrade is tested from the real thing.
 */
const SHIPPED_V1 = {
  briefings: 'id, hlc, [deleted+startsAt], *tags, classification',
  organisations: 'id, hlc, name, acronym',
  people: 'id, hlc, name, organisationId',
  statements: 'id, hlc, [briefingId+order], speakerId, *tags',
  actions: 'id, hlc, briefingId, statementId, [deleted+due], status, owner',
  settings: 'id, hlc',
  packs: 'id, hlc',
  conflicts: 'id, hlc, recordId, resolution',
  peers: 'id',
  meta: 'key',
  drafts: 'id',
};

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('database schema', () => {
  it('keeps version 1 as it shipped', () => {
    expect(SCHEMA_V1).toEqual(SHIPPED_V1);
  });

  it('opens a version-1 workspace with every record intact, the new indexes ready', async () => {
    const name = `schema-${Math.random()}`;
    names.push(name);
    const data = exampleWorkspaceData({ clock: formatHlc(Date.UTC(2015, 2, 17), 0, 'test') });
    // One statement and one follow-up deleted, as tombstones.
    Object.assign(data.statements[0]!, { deleted: 1 });
    Object.assign(data.actions[0]!, { deleted: 1 });

    const old = new Dexie(name);
    old.version(1).stores(SHIPPED_V1);
    await old.open();
    await old.transaction('rw', SYNCED_TABLES.map((t) => old.table(t)), async () => {
      for (const t of SYNCED_TABLES) await old.table(t).bulkPut(data[t]);
    });
    await old.table('meta').put({ key: 'installation', value: { id: '0190e000-0000-7000-8000-00000000000a', name: 'Old desk' } });
    old.close();

    const db = new AttacheDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await readWorkspaceData(db)).toEqual(data);
    expect((await db.meta.get('installation'))?.value).toMatchObject({ name: 'Old desk' });
    expect(await db.statements.where('deleted').equals(0).count()).toBe(data.statements.length - 1);
    expect(await db.actions.where('deleted').equals(1).count()).toBe(1);
    expect(db.actions.schema.indexes.map((i) => i.name)).not.toContain('[deleted+due]');
    db.close();
  });
});
