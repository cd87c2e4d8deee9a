import { describe, expect, it } from 'vitest';
import { exampleEntries, exampleWorkspaceData, EXAMPLE_BRIEFING_ID } from '../../src-renderer/src/core/example';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { listBriefingIds } from '../../src-renderer/src/data/briefings';
import { loadExample } from '../../src-renderer/src/data/example';
import { Workspace } from '../../src-renderer/src/data/workspace';

describe('the example workspace', () => {
  it('records the Dushanbe briefing as the issue describes it', () => {
    const data = exampleWorkspaceData({ clock: formatHlc(Date.UTC(2015, 2, 17), 0, 'example') });
    expect(data.briefings).toHaveLength(1);
    expect(data.briefings[0]!.title).toMatch(/Countering Modern Threats/);
    expect(data.briefings[0]!.startsAt.slice(0, 10)).toBe('2015-03-17');
    expect(data.people.map((p) => p.name).sort()).toEqual(['Ashita Mittal', 'Rustam Nazarzoda', 'Shahnoza Anvar Nodiri']);
    for (const p of data.people) {
      expect(p.title).not.toBe('');
      expect(data.organisations.some((o) => o.id === p.organisationId)).toBe(true);
    }
    expect(data.statements.length).toBeGreaterThanOrEqual(15);
    const kinds = new Set(data.statements.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['announcement', 'figure', 'proposal', 'request', 'statement']);
    expect(data.actions.length).toBeGreaterThanOrEqual(7);
    const events = data.actions.filter((a) => a.kind === 'event');
    expect(events.find((e) => e.place === 'Dushanbe')?.due).toBe('2015-05-27');
    expect(events.find((e) => e.place === 'Ashgabat')).toBeDefined();
    // Statement order follows the briefing.
    const orders = data.statements.map((s) => s.order);
    expect([...orders].sort()).toEqual(orders);
  });

  it('loads into an empty workspace once, and brings deleted records back instead of duplicating them', async () => {
    const ws = await Workspace.open(new AttacheDb(`example-${Math.random()}`));
    expect(await listBriefingIds(ws.db)).toEqual([]);
    const { briefingId, records } = await loadExample(ws);
    expect(briefingId).toBe(EXAMPLE_BRIEFING_ID);
    expect(records).toBe(exampleEntries().length);
    expect(await listBriefingIds(ws.db)).toEqual([EXAMPLE_BRIEFING_ID]);
    await ws.remove('briefings', briefingId);
    expect(await listBriefingIds(ws.db)).toEqual([]);
    await loadExample(ws);
    expect(await ws.db.briefings.count()).toBe(1);
    expect((await ws.db.briefings.get(briefingId))!.deleted).toBe(0);
    expect(await ws.db.statements.count()).toBe(exampleEntries().filter((e) => e.table === 'statements').length);
  });
});

describe('the example on two installations', () => {
  it('is identical everywhere, so colleagues who both load it hold the same records', async () => {
    const a = await Workspace.open(new AttacheDb(`ex-a-${Math.random()}`));
    const b = await Workspace.open(new AttacheDb(`ex-b-${Math.random()}`));
    await loadExample(a);
    await loadExample(b);
    expect(await a.db.statements.toArray()).toEqual(await b.db.statements.toArray());
    expect(await a.db.briefings.toArray()).toEqual(await b.db.briefings.toArray());
  });

  it('is sent again to colleagues who were already sent newer changes', async () => {
    const ws = await Workspace.open(new AttacheDb(`ex-p-${Math.random()}`));
    await ws.db.peers.put({ id: 'peer', name: 'Colleague', lastSentHlc: '9999999999999-0000-zz', lastSentAt: '', lastReceivedHlc: '', lastReceivedAt: '' });
    await loadExample(ws);
    const mark = (await ws.db.peers.get('peer'))!.lastSentHlc;
    expect(await ws.db.briefings.where('hlc').above(mark).count()).toBe(1);
  });
});
