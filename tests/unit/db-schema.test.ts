/**
 * The database schema across versions: a workspace written by an earlier version opens under the
 * current one with every record intact, and the indexes added since (which the import's mass-delete
 * guard counts live records with; sync-import.test.ts) answer at once.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { HLC_ZERO, formatHlc } from '../../src-renderer/src/core/hlc';
import { SYNCED_TABLES, type SyncedTable, type WorkspaceData } from '../../src-renderer/src/core/model';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
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

/** The tables a workspace of the first two versions held (templates came with version 3). */
const OLD_TABLES = SYNCED_TABLES.filter((t) => t !== 'templates');

/** A workspace as version 2 stored it: no field of sync format 2, no stamp for one. */
function asStoredByVersion2(data: WorkspaceData): WorkspaceData {
  const out = structuredClone(data);
  for (const [table, fields] of Object.entries(V2_FIELDS) as [SyncedTable, () => object][]) {
    for (const r of out[table] as unknown as Record<string, unknown>[]) {
      for (const f of Object.keys(fields())) {
        delete r[f];
        delete (r.stamps as Record<string, unknown>)[f];
      }
    }
  }
  return out;
}

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('database schema', () => {
  it('keeps version 1 as it shipped', () => {
    expect(SCHEMA_V1).toEqual(SHIPPED_V1);
  });

  it('opens a version-1 workspace with every record intact, the new fields at their defaults, the new indexes ready', async () => {
    const name = `schema-${Math.random()}`;
    names.push(name);
    const current = exampleWorkspaceData({ clock: formatHlc(Date.UTC(2015, 2, 17), 0, 'test') });
    // One statement and one follow-up deleted, as tombstones.
    Object.assign(current.statements[0]!, { deleted: 1 });
    Object.assign(current.actions[0]!, { deleted: 1 });
    const data = asStoredByVersion2(current);

    const old = new Dexie(name);
    old.version(1).stores(SHIPPED_V1);
    await old.open();
    await old.transaction('rw', OLD_TABLES.map((t) => old.table(t)), async () => {
      for (const t of OLD_TABLES) await old.table(t).bulkPut(data[t]);
    });
    await old.table('meta').put({ key: 'installation', value: { id: '0190e000-0000-7000-8000-00000000000a', name: 'Old desk' } });
    old.close();

    const db = new AttacheDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    // Every old record is kept as it was, plus each new field at its default, stamped at the lowest clock.
    const upgraded = structuredClone(data);
    for (const [table, fields] of Object.entries(V2_FIELDS) as [SyncedTable, () => object][]) {
      for (const r of upgraded[table] as unknown as Record<string, unknown>[]) {
        for (const [f, v] of Object.entries(fields())) {
          r[f] = v;
          (r.stamps as Record<string, unknown>)[f] = { c: HLC_ZERO };
        }
      }
    }
    const read = await readWorkspaceData(db);
    expect(read).toEqual(upgraded);
    expect(read.briefings[0]!.attendees).toEqual([]);
    expect(read.people[0]!.stamps.aliases).toEqual({ c: HLC_ZERO });
    expect(read.templates).toEqual([]);
    expect((await db.meta.get('installation'))?.value).toMatchObject({ name: 'Old desk' });
    expect(await db.statements.where('deleted').equals(0).count()).toBe(data.statements.length - 1);
    expect(await db.actions.where('deleted').equals(1).count()).toBe(1);
    expect(db.actions.schema.indexes.map((i) => i.name)).not.toContain('[deleted+due]');
    // Version 4: follow-ups by due date (the Today screen's events of the week).
    expect(db.verno).toBeGreaterThanOrEqual(4);
    const dated = data.actions.find((a) => a.due)!;
    expect(await db.actions.where('due').equals(dated.due).primaryKeys()).toContain(dated.id);
    // Version 5: briefings by organiser (the list's organisation filter).
    const organised = data.briefings.find((b) => b.organiserIds.length)!;
    expect(await db.briefings.where('organiserIds').equals(organised.organiserIds[0]!).primaryKeys()).toContain(organised.id);
    db.close();
  });
});
