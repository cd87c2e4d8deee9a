/**
 * Colleagues exported to are remembered: a file made for a newly named colleague, once saved, creates their
 * peer record (under a stand-in id), so the next "changes since my last file to them" holds only what
 * changed; the first file from an installation of that name takes the stand-in's place.
 */
import { describe, expect, it } from 'vitest';
import { applyImport, exportWorkspace, listPeers, previewImport, readSyncHeader } from '../../src-renderer/src/data/sync';
import { briefingFields } from './fixtures';
import { installation } from './sync-helpers';

const total = (bytes: Uint8Array) => Object.values(readSyncHeader(bytes).header.counts).reduce((a, b) => a + b, 0);

describe('exporting to a newly named colleague', () => {
  it('remembers them once the file is saved, so the next file holds only what changed', async () => {
    const a = await installation('Alice');
    await a.ws.create('briefings', briefingFields({ title: 'One' }));
    await a.ws.create('briefings', briefingFields({ title: 'Two' }));

    const cancelled = await exportWorkspace(a.ws, { newColleague: 'Carol' });
    expect(readSyncHeader(cancelled.bytes).header.scope).toMatchObject({ kind: 'full', to: { name: 'Carol' } });
    // The save dialog was cancelled: markSent never called, nobody remembered.
    expect(await listPeers(a.ws)).toEqual([]);

    const first = await exportWorkspace(a.ws, { newColleague: '  Carol ' });
    expect(total(first.bytes)).toBe(2);
    await first.markSent();
    const [carol] = await listPeers(a.ws);
    expect(carol).toMatchObject({ name: 'Carol', standIn: true, lastReceivedHlc: '', lastSentHlc: first.header.maxClock });
    expect(readSyncHeader(first.bytes).header.scope).toEqual({ kind: 'full', to: { id: carol!.id, name: 'Carol' } });

    a.clock.t += 60_000;
    await a.ws.create('briefings', briefingFields({ title: 'Three' }));
    const next = await exportWorkspace(a.ws, { mode: 'changes', peerId: carol!.id });
    expect(readSyncHeader(next.bytes).header.scope).toMatchObject({ kind: 'since', since: carol!.lastSentHlc, to: { id: carol!.id } });
    expect(total(next.bytes)).toBe(1);
    // Named again (any case or spacing), she is the same colleague: no second record.
    const byName = await exportWorkspace(a.ws, { mode: 'changes', newColleague: 'CAROL' });
    expect(total(byName.bytes)).toBe(1);
    await byName.markSent();
    expect(await listPeers(a.ws)).toHaveLength(1);
    expect((await listPeers(a.ws))[0]!.lastSentHlc).toBe(byName.header.maxClock);
  });

  it('remembers a colleague named for a "changes" export too, starting from everything', async () => {
    const a = await installation('Alice');
    await a.ws.create('briefings', briefingFields({ title: 'One' }));
    const file = await exportWorkspace(a.ws, { mode: 'changes', newColleague: 'Dan' });
    expect(readSyncHeader(file.bytes).header.scope).toMatchObject({ kind: 'since', since: '', to: { name: 'Dan' } });
    expect(total(file.bytes)).toBe(1);
    await file.markSent();
    expect(await listPeers(a.ws)).toMatchObject([{ name: 'Dan', lastSentHlc: file.header.maxClock }]);
  });

  it('remembers a colleague a selection was made for, without marking anything as sent', async () => {
    const a = await installation('Alice');
    await a.ws.create('briefings', briefingFields({ title: 'One', tags: ['water'] }));
    const file = await exportWorkspace(a.ws, { newColleague: 'Eve', selection: { tags: ['water'] } });
    await file.markSent();
    expect(await listPeers(a.ws)).toMatchObject([{ name: 'Eve', lastSentHlc: '', lastSentAt: '', standIn: true }]);
  });

  it('hands the stand-in’s place to the installation of that name whose file arrives first', async () => {
    const a = await installation('Alice');
    const c = await installation('Carol');
    await a.ws.create('briefings', briefingFields({ title: 'One' }));
    const first = await exportWorkspace(a.ws, { newColleague: 'Carol' });
    await first.markSent();
    await applyImport(c.ws, await previewImport(c.ws, first.bytes));

    c.clock.t += 60_000;
    await c.ws.create('briefings', briefingFields({ title: 'From Carol' }));
    const back = await exportWorkspace(c.ws, { mode: 'changes', peerId: (await listPeers(c.ws))[0]!.id });
    await applyImport(a.ws, await previewImport(a.ws, back.bytes));

    const peers = await listPeers(a.ws);
    expect(peers).toHaveLength(1);
    expect(peers[0]).toMatchObject({ id: c.ws.installation.id, name: 'Carol', lastSentHlc: first.header.maxClock, lastReceivedHlc: back.header.maxClock });
    expect(peers[0]!.standIn).toBeUndefined();
    // And "changes since" to her still starts after the first file.
    a.clock.t += 120_000;
    await a.ws.create('briefings', briefingFields({ title: 'Two' }));
    const next = await exportWorkspace(a.ws, { mode: 'changes', peerId: c.ws.installation.id });
    expect(readSyncHeader(next.bytes).header.scope).toMatchObject({ kind: 'since', since: first.header.maxClock });
  });

  it('keeps the stand-in when the file comes from an installation of another name', async () => {
    const a = await installation('Alice');
    const b = await installation('Bob — economic section');
    await a.ws.create('briefings', briefingFields({ title: 'One' }));
    await (await exportWorkspace(a.ws, { newColleague: 'Bob' })).markSent();
    await b.ws.create('briefings', briefingFields({ title: 'From Bob' }));
    await applyImport(a.ws, await previewImport(a.ws, (await exportWorkspace(b.ws)).bytes));
    expect((await listPeers(a.ws)).map((p) => [p.name, p.standIn ?? false])).toEqual([
      ['Bob', true],
      ['Bob — economic section', false],
    ]);
  });
});
