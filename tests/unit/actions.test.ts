import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLE_BRIEFING_ID } from '../../src-renderer/src/core/example';
import { DEFAULT_TRACKER_FILTER, compareByDue } from '../../src-renderer/src/core/tracker';
import { loadTrackerSource, newActionFields, queryTracker, trackerMirror, type TrackerSource } from '../../src-renderer/src/data/actions';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { loadExample } from '../../src-renderer/src/data/example';
import { Workspace } from '../../src-renderer/src/data/workspace';

let db: AttacheDb;
let ws: Workspace;
let n = 0;

beforeEach(async () => {
  db = new AttacheDb(`actions-test-${n++}`);
  ws = await Workspace.open(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const all = { statuses: [], windows: [], kinds: [] };

describe('tracker queries on storage', () => {
  it('reads live actions in due order with undated last, skipping tombstones', async () => {
    const undated = await ws.create('actions', newActionFields({ title: 'Undated' }));
    const late = await ws.create('actions', newActionFields({ title: 'Late', due: '2026-09-01' }));
    const early = await ws.create('actions', newActionFields({ title: 'Early', due: '2026-01-01' }));
    const gone = await ws.create('actions', newActionFields({ title: 'Gone', due: '2026-02-01' }));
    await ws.remove('actions', gone.id);
    const { rows } = await queryTracker(db, all, '2026-01-15');
    expect(rows.map((r) => r.title)).toEqual(['Early', 'Late', 'Undated']);
    expect(rows.map((r) => r.id)).toEqual([early.id, late.id, undated.id]);
  });

  it('filters the example by status, owner, briefing, tag and window', async () => {
    await loadExample(ws);
    const everything = await queryTracker(db, all, '2015-03-18');
    expect(everything.rows.length).toBeGreaterThanOrEqual(7);
    expect(everything.briefings.get(EXAMPLE_BRIEFING_ID)?.title).toMatch(/Countering Modern Threats/);

    const open = await queryTracker(db, DEFAULT_TRACKER_FILTER, '2015-03-18');
    expect(open.rows.every((r) => r.status === 'open' || r.status === 'in-progress')).toBe(true);
    expect(open.rows.some((r) => r.title.startsWith('Report the briefing'))).toBe(false);

    const conference = await queryTracker(db, { ...all, tag: 'conference' }, '2015-03-18');
    expect(conference.rows.map((r) => r.place)).toContain('Dushanbe');

    // The briefing's own tags count for its follow-ups.
    const byBriefingTag = await queryTracker(db, { ...all, tag: 'Central Asia' }, '2015-03-18');
    expect(byBriefingTag.rows).toHaveLength(everything.rows.length);

    const owner = await queryTracker(db, { ...all, owner: 'head of mission' }, '2015-03-18');
    expect(owner.rows.length).toBeGreaterThan(0);
    expect(owner.rows.every((r) => r.owner === 'Head of Mission')).toBe(true);

    // On 20 May 2015 the Dushanbe conference (27 May) is in the next 7 days.
    const soon = await queryTracker(db, { ...all, windows: ['next7'] }, '2015-05-20');
    expect(soon.rows.map((r) => r.due)).toContain('2015-05-27');
    // The Ashgabat meeting, announced only for "May 2015", is due within the month and overdue once it has passed.
    expect(soon.rows.map((r) => r.due)).toContain('2015-05');
    const june = await queryTracker(db, { ...all, windows: ['overdue'] }, '2015-06-01');
    expect(june.rows.map((r) => r.due)).toContain('2015-05');
    const may31 = await queryTracker(db, { ...all, windows: ['overdue'] }, '2015-05-31');
    expect(may31.rows.map((r) => r.due)).not.toContain('2015-05');

    const other = await queryTracker(db, { ...all, briefingId: '0190aaaa-0000-7000-8000-000000000000' }, '2015-03-18');
    expect(other.rows).toEqual([]);
  });

  it("drops the follow-ups of a deleted briefing and brings them back on undo", async () => {
    await loadExample(ws);
    const before = (await loadTrackerSource(db)).actions.length;
    await ws.remove('briefings', EXAMPLE_BRIEFING_ID);
    expect((await loadTrackerSource(db)).actions).toHaveLength(0);
    await ws.restore('briefings', EXAMPLE_BRIEFING_ID);
    expect((await loadTrackerSource(db)).actions).toHaveLength(before);
  });

  it('an inline status change is stored and re-sorts nothing else', async () => {
    const a = await ws.create('actions', newActionFields({ title: 'Ask UNODC for the MoU date', due: '2026-01-01' }));
    await ws.update('actions', a.id, { status: 'done' });
    const r = await queryTracker(db, DEFAULT_TRACKER_FILTER, '2026-01-01');
    expect(r.rows).toHaveLength(0);
    expect((await queryTracker(db, { ...all, statuses: ['done'] }, '2026-01-01')).rows.map((x) => x.id)).toEqual([a.id]);
  });

  it('stays correct with thousands of actions', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) =>
      newActionFields({ title: `Action ${i}`, due: i % 10 === 0 ? '' : `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, status: i % 3 ? 'open' : 'done' }),
    );
    await db.transaction('rw', db.actions, db.meta, async () => {
      for (const f of rows) await ws.create('actions', f);
    });
    const r = await queryTracker(db, DEFAULT_TRACKER_FILTER, '2026-06-15');
    expect(r.scanned).toBe(2000);
    expect(r.rows).toHaveLength(rows.filter((x) => x.status === 'open').length);
    const dues = r.rows.map((x) => x.due);
    const firstUndated = dues.indexOf('');
    expect(dues.slice(firstUndated).every((d) => d === '')).toBe(true);
    expect(dues.slice(0, firstUndated)).toEqual([...dues.slice(0, firstUndated)].sort());
  });

  it('sees every edit made after a first query (the tracker is kept in memory, not re-read)', async () => {
    await loadExample(ws);
    const before = await queryTracker(db, all, '2015-03-18');
    const target = before.rows.find((r) => r.status === 'open')!;
    const fullReads = vi.spyOn(db.actions, 'toArray');
    await ws.update('actions', target.id, { status: 'done', owner: 'Consul' });
    const added = await ws.create('actions', newActionFields({ title: 'New after the first query', due: '2015-03-19' }));
    const after = await queryTracker(db, { ...all, owner: 'consul' }, '2015-03-18');
    expect(after.rows.map((r) => r.id).sort()).toEqual([target.id]);
    expect(after.rows[0]!.status).toBe('done');
    expect((await queryTracker(db, all, '2015-03-18')).rows.map((r) => r.title)).toContain('New after the first query');
    await ws.remove('actions', added.id);
    expect((await queryTracker(db, all, '2015-03-18')).rows).toHaveLength(before.rows.length);
    expect(fullReads).not.toHaveBeenCalled();
  });

  it('keeps a subscriber current, in tracker order, through edits, a deleted briefing and its undo', async () => {
    await loadExample(ws);
    const seen: TrackerSource[] = [];
    const errors: unknown[] = [];
    const stop = trackerMirror(db).subscribe((s) => seen.push(s), (e) => errors.push(e));
    try {
      await vi.waitFor(() => expect(seen.length).toBe(1));
      const count = seen[0]!.actions.length;
      const last = seen[0]!.actions.at(-1)!;
      await ws.update('actions', last.id, { due: '2000-01-01' });
      await vi.waitFor(() => expect(seen.at(-1)!.actions[0]!.id).toBe(last.id));
      await ws.update('actions', seen.at(-1)!.actions[1]!.id, { due: '' });
      await vi.waitFor(() => expect(seen.at(-1)!.actions.at(-1)!.due).toBe(''));
      for (const s of seen) expect(s.actions).toEqual([...s.actions].sort(compareByDue));
      await ws.remove('briefings', EXAMPLE_BRIEFING_ID);
      await vi.waitFor(() => expect(seen.at(-1)!.actions).toHaveLength(0));
      expect(seen.at(-1)!.briefings.has(EXAMPLE_BRIEFING_ID)).toBe(false);
      await ws.restore('briefings', EXAMPLE_BRIEFING_ID);
      await vi.waitFor(() => expect(seen.at(-1)!.actions).toHaveLength(count));
      expect(errors).toEqual([]);
    } finally {
      stop();
    }
  });
});
