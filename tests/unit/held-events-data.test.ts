/**
 * Events kept by later briefings, in storage (data/held-events.ts): one record edit links or unlinks, a
 * refused link changes nothing, and the pickers offer what the rules allow.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_BRIEFING_ID } from '../../src-renderer/src/core/example';
import { newActionFields } from '../../src-renderer/src/data/actions';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { loadExample } from '../../src-renderer/src/data/example';
import { briefingChoices, keptEvents, linkHeld, openEventsFor, unlinkHeld } from '../../src-renderer/src/data/held-events';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { briefingFields } from './fixtures';

let db: AttacheDb;
let ws: Workspace;
let n = 0;
const CONFERENCE = '014c2507-a400-7000-8000-00000000001e';

beforeEach(async () => {
  db = new AttacheDb(`held-events-test-${n++}`);
  ws = await Workspace.open(db);
  await loadExample(ws);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('held events in storage', () => {
  it('links in one edit (held there, done), lists it in the later briefing with its announcement, and unlinks (open again)', async () => {
    const later = await ws.create('briefings', briefingFields({ title: 'Conference: opening plenary', startsAt: '2015-05-27T09:00' }));
    const before = await db.actions.get(CONFERENCE);
    const linked = await linkHeld(ws, CONFERENCE, later.id);
    expect(linked).toMatchObject({ heldInBriefingId: later.id, status: 'done' });
    expect(linked.hlc > before!.hlc).toBe(true);
    const kept = await keptEvents(db, later.id);
    expect(kept.map((k) => [k.event.id, k.announcing?.id, k.speaker?.name])).toEqual([[CONFERENCE, EXAMPLE_BRIEFING_ID, 'Rustam Nazarzoda']]);
    expect((await openEventsFor(db, later)).map((o) => o.event.id)).not.toContain(CONFERENCE);

    expect(await unlinkHeld(ws, CONFERENCE)).toMatchObject({ heldInBriefingId: null, status: 'open' });
    expect(await keptEvents(db, later.id)).toEqual([]);
    expect((await openEventsFor(db, later)).map((o) => o.event.title)).toEqual([
      'High Level International Conference on Counter Narcotic Cooperation',
      'Ninth MoU meeting (Central Asia, Russia, Azerbaijan, AKDN)',
    ]);
  });

  it('refuses its own briefing, an earlier briefing and a task with the reason, and changes nothing', async () => {
    const earlier = await ws.create('briefings', briefingFields({ title: 'Earlier', startsAt: '2015-03-01T09:00' }));
    const task = await ws.create('actions', newActionFields({ title: 'A task', briefingId: EXAMPLE_BRIEFING_ID }));
    const later = await ws.create('briefings', briefingFields({ title: 'Later', startsAt: '2015-06-01T09:00' }));
    const before = await db.actions.get(CONFERENCE);
    await expect(linkHeld(ws, CONFERENCE, EXAMPLE_BRIEFING_ID)).rejects.toThrow('An event cannot be held at the briefing that announced it');
    await expect(linkHeld(ws, CONFERENCE, earlier.id)).rejects.toThrow('is dated before the briefing that announced the event');
    await expect(linkHeld(ws, task.id, later.id)).rejects.toThrow('Only an announced event');
    expect(await db.actions.get(CONFERENCE)).toEqual(before);
    // The picker offers neither.
    expect((await openEventsFor(db, earlier)).map((o) => o.event.id)).toEqual([]);
    expect((await briefingChoices(db)).map((b) => b.title)).toEqual(['Earlier', 'International Cooperation on Countering Modern Threats and Challenges', 'Later']);
  });
});
