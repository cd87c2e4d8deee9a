import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_TRACKER_FILTER, runTracker, type TrackerFilter } from '../../src-renderer/src/core/tracker';
import { ACTION_STATUSES, PRIORITIES } from '../../src-renderer/src/core/model';
import { firstTrackerRows, loadTrackerSource, newActionFields, trackerContext } from '../../src-renderer/src/data/actions';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { writeMyName } from '../../src-renderer/src/data/my-name';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { newBriefingFields } from '../../src-renderer/src/data/briefings';
import { DEFAULT_SETTINGS } from '../../src-renderer/src/core/classification';

// The tracker's first screen is read from the due index (data/actions.ts firstTrackerRows) before the whole
// tracker is in memory: it must show exactly the rows the whole read then shows, in the same order, or rows
// would jump under the user's eyes (or a follow-up due first would be missing).

let db: AttacheDb;
let ws: Workspace;
let n = 0;

beforeEach(async () => {
  db = new AttacheDb(`tracker-first-rows-${n++}`);
  ws = await Workspace.open(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const TODAY = '2026-03-10';
const DUES = ['', '', '2026-03', '2026-03-01', '2026-03-10', '2026-03-10', '2026-03-12', '2026', '2026-04-30', '2025-12-31'];

async function firstMatchesWhole(filter: TrackerFilter, limit: number) {
  const first = await firstTrackerRows(db, filter, TODAY, 'Ana Diaz', limit);
  const source = await loadTrackerSource(db);
  const whole = { ...runTracker(source.actions, filter, TODAY, { ...trackerContext(source), myName: 'Ana Diaz' }), briefings: source.briefings };
  expect(first).toBeDefined();
  expect(first!.rows.map((a) => a.id), `${JSON.stringify(filter)} limit ${limit}`).toEqual(whole.rows.slice(0, limit).map((a) => a.id));
  for (const a of first!.rows) if (a.briefingId && whole.briefings.has(a.briefingId)) expect(first!.briefings.get(a.briefingId)?.title).toBe(whole.briefings.get(a.briefingId)?.title);
}

describe('the tracker first rows, read from the due index', () => {
  it('are the first rows of the whole tracker: dated by date, equal dates by priority, undated last, deleted briefings and records left out', async () => {
    await writeMyName(db, 'Ana Diaz');
    const kept = await ws.create('briefings', { ...newBriefingFields(DEFAULT_SETTINGS), title: 'Kept briefing', startsAt: '2026-03-01T10:00' });
    const gone = await ws.create('briefings', { ...newBriefingFields(DEFAULT_SETTINGS), title: 'Deleted briefing', startsAt: '2026-03-02T10:00' });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 30 }), async (seed) => {
        let s = seed;
        const pick = <T>(xs: readonly T[]): T => xs[(s = (s * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
        for (let i = 0; i < 4; i++) {
          const a = await ws.create(
            'actions',
            newActionFields({
              title: `F${seed}-${i}`,
              due: pick(DUES),
              priority: pick(PRIORITIES),
              status: pick(ACTION_STATUSES),
              owner: pick(['', 'Ana Diaz', 'Bo Lind']),
              briefingId: pick([null, kept.id, gone.id]),
            }),
          );
          if (pick([false, false, false, true])) await ws.remove('actions', a.id);
        }
      }),
      { numRuns: 12, seed: 11 },
    );
    await ws.remove('briefings', gone.id);
    for (const limit of [1, 3, 8, 50]) {
      await firstMatchesWhole(DEFAULT_TRACKER_FILTER, limit);
      await firstMatchesWhole({ statuses: [], windows: [], kinds: [] }, limit);
      await firstMatchesWhole({ statuses: ['open'], windows: ['overdue', 'none'], kinds: ['task'] }, limit);
      await firstMatchesWhole({ statuses: [], windows: [], kinds: [], mine: true }, limit);
      await firstMatchesWhole({ statuses: [], windows: [], kinds: [], owner: '' }, limit);
      await firstMatchesWhole({ statuses: [], windows: [], kinds: [], briefingId: kept.id }, limit);
    }
  });

  it('leave to the whole read what they cannot tell from a follow-up alone: a tag, "from decisions"', async () => {
    await ws.create('actions', newActionFields({ title: 'Tagged', tags: ['visa'] }));
    expect(await firstTrackerRows(db, { ...DEFAULT_TRACKER_FILTER, tag: 'visa' }, TODAY, '', 50)).toBeUndefined();
    expect(await firstTrackerRows(db, { ...DEFAULT_TRACKER_FILTER, fromDecisions: true }, TODAY, '', 50)).toBeUndefined();
  });

  it('give up after looking at so many follow-ups without filling the page (a narrow filter: the whole read is as quick)', async () => {
    for (let i = 0; i < 12; i++) await ws.create('actions', newActionFields({ title: `Done ${i}`, due: '2026-03-01', status: 'done' }));
    expect(await firstTrackerRows(db, { statuses: ['dropped'], windows: [], kinds: [] }, TODAY, '', 5, 10)).toBeUndefined();
    expect((await firstTrackerRows(db, { statuses: ['done'], windows: [], kinds: [] }, TODAY, '', 5, 10))?.rows).toHaveLength(5);
    // Fewer than a page in all, every one looked at: the page is what there is.
    expect((await firstTrackerRows(db, { statuses: ['dropped'], windows: [], kinds: [] }, TODAY, '', 5, 100))?.rows).toEqual([]);
  });
});
