/**
 * The import reads no stored record for a chunk whose ids the table cannot hold (no stored key between the
 * chunk's smallest and largest id: data/sync.ts holdsNoneOf) — every chunk of a first live pull. Both ways of
 * finding what is stored must merge alike: new ids beside stored ones, stored ids among new ones.
 */
import { describe, expect, it } from 'vitest';
import { emptyWorkspaceData, type StoredRecord, type WorkspaceData } from '../../src-renderer/src/core/model';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { applyDecoded } from '../../src-renderer/src/data/sync';
import { decodedBatch } from '../../src-renderer/src/data/live/dexie-store';
import type { Workspace } from '../../src-renderer/src/data/workspace';
import { installation } from './sync-helpers';

const HOUR = 3_600_000;

function organisations(...records: StoredRecord<'organisations'>[]): WorkspaceData {
  return { ...emptyWorkspaceData(), organisations: records };
}

const apply = (ws: Workspace, data: WorkspaceData) => applyDecoded(ws, decodedBatch(data, ws.nowMs()));

describe('import of ids new to a table that holds records', () => {
  it('adds the new ones, merges the stored ones, and a second pass changes nothing', async () => {
    const a = await installation('A');
    const b = await installation('B');
    const org = (name: string, id?: string) => a.ws.create('organisations', { ...V2_FIELDS.organisations(), name, acronym: '', country: '' }, id);
    const o1 = await org('First');
    const o2 = await org('Second');
    const o3 = await org('Third');
    expect(await apply(b.ws, organisations(o1, o2, o3))).toMatchObject({ added: 3, updated: 0 });

    // B renames the second; an hour later A makes two more (ids after every stored one) and gives the second an acronym.
    b.clock.t += 60_000;
    await b.ws.update('organisations', o2.id, { name: 'Second, renamed in B' });
    a.clock.t += HOUR;
    const o4 = await org('Fourth');
    const o5 = await org('Fifth');
    const o2a = await a.ws.update('organisations', o2.id, { acronym: 'SEC' });
    expect([o4.id, o5.id].every((id) => id > o3.id)).toBe(true);

    // Only new ids, above the stored ones: nothing is read, both are added.
    expect(await apply(b.ws, organisations(o5, o4))).toMatchObject({ added: 2, updated: 0, changed: true });
    // A stored id among the chunk's (and one unchanged): read and merged field by field.
    expect(await apply(b.ws, organisations(o4, o2a))).toMatchObject({ added: 0, updated: 1 });
    const second = await b.ws.db.organisations.get(o2.id);
    expect(second).toMatchObject({ name: 'Second, renamed in B', acronym: 'SEC' });
    expect(await b.ws.db.organisations.count()).toBe(5);

    // New ids whose span covers a stored one (o1 < new < o5): read as well, and added once.
    const early = await org('Early', '01000000-0000-7000-8000-000000000001');
    expect(early.id < o1.id).toBe(true);
    expect(await apply(b.ws, organisations(early, o5))).toMatchObject({ added: 1, updated: 0 });
    expect(await apply(b.ws, organisations(early, o5, o4))).toMatchObject({ changed: false });
    expect((await b.ws.db.organisations.toArray()).map((o) => o.name).sort()).toEqual(['Early', 'Fifth', 'First', 'Fourth', 'Second, renamed in B', 'Third']);
  });
});
