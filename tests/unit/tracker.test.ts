import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { dueWindow, isValidDate } from '../../src-renderer/src/core/dates';
import {
  DEFAULT_TRACKER_FILTER,
  DUE_WINDOWS,
  DUE_WINDOW_LABELS,
  STATUS_LABELS,
  TrackerAccumulator,
  compareByDue,
  distinctOwners,
  distinctTags,
  isDefaultFilter,
  matchesFilter,
  parseTrackerFilter,
  runTracker,
  type TrackedAction,
  type TrackerFilter,
} from '../../src-renderer/src/core/tracker';
import { fcOptions } from './fc-seed';

const TODAY = '2026-03-10';
let seq = 0;
function a(over: Partial<TrackedAction> = {}): TrackedAction {
  seq++;
  return {
    id: `0190${String(seq).padStart(4, '0')}`,
    kind: 'task',
    briefingId: 'b1',
    owner: 'Political Officer',
    due: '',
    status: 'open',
    priority: 'normal',
    tags: [],
    ...over,
  };
}
const all: TrackerFilter = { statuses: [], windows: [], kinds: [] };

describe('tracker filters', () => {
  it('filters by status (several at once)', () => {
    const rows = [a({ status: 'open' }), a({ status: 'in-progress' }), a({ status: 'done' }), a({ status: 'dropped' })];
    expect(runTracker(rows, { ...all, statuses: ['done', 'dropped'] }, TODAY).rows.map((r) => r.status)).toEqual(['done', 'dropped']);
    expect(runTracker(rows, DEFAULT_TRACKER_FILTER, TODAY).rows.map((r) => r.status)).toEqual(['open', 'in-progress']);
    expect(runTracker(rows, all, TODAY).rows).toHaveLength(4);
  });

  it('filters by owner ignoring case and spacing, and "" means unassigned', () => {
    const rows = [a({ owner: 'Political Officer' }), a({ owner: '  political   officer ' }), a({ owner: 'Ambassador' }), a({ owner: '' })];
    expect(runTracker(rows, { ...all, owner: 'POLITICAL OFFICER' }, TODAY).rows).toHaveLength(2);
    // Accents do not matter, as in search: "José" typed without its accent is still José.
    const jose = [a({ owner: 'José Núñez' }), a({ owner: 'jose nunez' })];
    expect(runTracker(jose, { ...all, owner: 'Jose Nunez' }, TODAY).rows).toHaveLength(2);
    expect(distinctOwners(jose)).toEqual(['José Núñez']);
    expect(runTracker(rows, { ...all, owner: '' }, TODAY).rows).toEqual([rows[3]]);
    expect(runTracker(rows, { ...all, owner: undefined }, TODAY).rows).toHaveLength(4);
  });

  it('filters by briefing and by kind', () => {
    const rows = [a({ briefingId: 'b1' }), a({ briefingId: 'b2', kind: 'event' }), a({ briefingId: null })];
    expect(runTracker(rows, { ...all, briefingId: 'b2' }, TODAY).rows).toEqual([rows[1]]);
    expect(runTracker(rows, { ...all, kinds: ['event'] }, TODAY).rows).toEqual([rows[1]]);
    expect(runTracker(rows, { ...all, kinds: ['task'] }, TODAY).rows).toHaveLength(2);
  });

  it("filters by tag, on the action's own tags or its briefing's", () => {
    const rows = [a({ tags: ['Reporting'] }), a({ tags: ['MoU'], briefingId: 'b2' }), a({ tags: [], briefingId: 'b3' })];
    const ctx = { briefingTags: (id: string) => (id === 'b3' ? ['reporting'] : []) };
    expect(runTracker(rows, { ...all, tag: 'reporting' }, TODAY, ctx).rows).toEqual([rows[0], rows[2]]);
    expect(runTracker(rows, { ...all, tag: 'mou' }, TODAY, ctx).rows).toEqual([rows[1]]);
    expect(runTracker(rows, { ...all, tag: 'nothing' }, TODAY, ctx).rows).toEqual([]);
  });

  it('puts due dates in windows counted from today', () => {
    const yesterday = a({ due: '2026-03-09' });
    const today = a({ due: '2026-03-10' });
    const in7 = a({ due: '2026-03-17' });
    const in8 = a({ due: '2026-03-18' });
    const none = a({ due: '' });
    const rows = [yesterday, today, in7, in8, none];
    const windowOf = (w: TrackerFilter['windows']) => runTracker(rows, { ...all, windows: w }, TODAY).rows;
    expect(windowOf(['overdue'])).toEqual([yesterday]);
    expect(windowOf(['next7'])).toEqual([today, in7]);
    expect(windowOf(['later'])).toEqual([in8]);
    expect(windowOf(['none'])).toEqual([none]);
    expect(windowOf(['overdue', 'none'])).toEqual([yesterday, none]);
    expect(matchesFilter(yesterday, { ...all, windows: ['overdue'] }, '2026-03-09')).toBe(false);
  });

  it('counts every window over what the other filters let through', () => {
    const rows = [a({ due: '2026-01-01' }), a({ due: '2026-01-02', status: 'done' }), a({ due: '2026-03-11' }), a({ due: '2027-01-01' }), a({ due: '' })];
    const r = runTracker(rows, { ...DEFAULT_TRACKER_FILTER, windows: ['overdue'] }, TODAY);
    expect(r.rows).toHaveLength(1);
    expect(r.counts).toEqual({ overdue: 1, next7: 1, later: 1, none: 1 });
    expect(r.scanned).toBe(5);
  });

  it('counts calendar days across months, leap years and centuries', () => {
    const cases: [due: string, today: string, window: string][] = [
      ['2026-03-09', '2026-03-10', 'overdue'],
      ['2026-03-10', '2026-03-10', 'next7'],
      ['2026-03-17', '2026-03-10', 'next7'],
      ['2026-03-18', '2026-03-10', 'later'],
      ['2027-01-05', '2026-12-29', 'next7'],
      ['2027-01-06', '2026-12-29', 'later'],
      ['2024-03-07', '2024-02-29', 'next7'],
      ['2024-03-08', '2024-02-29', 'later'],
      ['2100-03-01', '2100-02-22', 'next7'],
      ['2100-03-02', '2100-02-22', 'later'],
      ['2000-03-07', '2000-02-29', 'next7'],
      ['0001-01-01', '0001-01-02', 'overdue'],
      ['9999-12-31', '9999-12-24', 'next7'],
      ['2026-03-10', '2026-02-30', 'later'],
      ['2026-02-30', '2026-02-01', 'none'],
    ];
    for (const [due, today, window] of cases) expect(dueWindow(due, today), `${due} from ${today}`).toBe(window);
  });

  it('agrees with a count of days since year 1, for any dates (string comparison is the fast path)', () => {
    // Days of the proleptic Gregorian calendar, reckoned without Date (years counted from March).
    const dayNumber = (iso: string) => {
      const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
      const year = m <= 2 ? y - 1 : y;
      const month = m <= 2 ? m + 9 : m - 3;
      return 365 * year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + Math.floor((153 * month + 2) / 5) + d;
    };
    const reference = (due: string, today: string) => {
      if (!isValidDate(due)) return 'none';
      const days = dayNumber(due) - dayNumber(today);
      return days < 0 ? 'overdue' : days <= 7 ? 'next7' : 'later';
    };
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const day = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map(iso);
    const near = fc.tuple(day, fc.integer({ min: -20, max: 20 })).map(([d, n]) => {
      const x = new Date(`${d}T00:00:00Z`);
      x.setUTCDate(x.getUTCDate() + n);
      return [iso(x), d] as const;
    });
    fc.assert(fc.property(fc.oneof(near, fc.tuple(day, day)), ([due, today]) => {
      expect(dueWindow(due, today)).toBe(reference(due, today));
    }), fcOptions({ numRuns: 3000 }));
    expect(dueWindow('9999-12-31', '9999-12-30')).toBe('next7');
    expect(dueWindow('2026-02-30', '2026-02-01')).toBe('none');
    expect(dueWindow('', '2026-02-01')).toBe('none');
  });

  it('crosses a month and a year boundary correctly', () => {
    expect(runTracker([a({ due: '2027-01-05' })], { ...all, windows: ['next7'] }, '2026-12-29').rows).toHaveLength(1);
    expect(runTracker([a({ due: '2026-02-28' })], { ...all, windows: ['overdue'] }, '2026-03-01').rows).toHaveLength(1);
  });
});

describe('tracker order', () => {
  it('sorts by due date with undated last, then priority, then creation', () => {
    const x = a({ due: '' });
    const y = a({ due: '2026-05-01', priority: 'low' });
    const z = a({ due: '2026-05-01', priority: 'high' });
    const w = a({ due: '2026-04-01' });
    const v = a({ due: '' });
    expect([x, y, z, w, v].sort(compareByDue)).toEqual([w, z, y, x, v]);
  });

  it('gives the same result fed in chunks, in or out of order', () => {
    const rows = Array.from({ length: 500 }, (_, i) => a({ due: i % 7 === 0 ? '' : `2026-0${1 + (i % 9)}-1${i % 10}`, status: i % 5 === 0 ? 'done' : 'open' }));
    const whole = runTracker(rows, DEFAULT_TRACKER_FILTER, TODAY);
    const acc = new TrackerAccumulator(DEFAULT_TRACKER_FILTER, TODAY);
    for (let i = 0; i < rows.length; i += 37) acc.add(rows.slice(i, i + 37));
    const chunked = acc.result();
    expect(chunked.rows).toEqual(whole.rows);
    expect(chunked.counts).toEqual(whole.counts);
    for (let i = 1; i < whole.rows.length; i++) expect(compareByDue(whole.rows[i - 1]!, whole.rows[i]!)).toBeLessThanOrEqual(0);
  });
});

describe('filter options and persistence', () => {
  it('lists distinct owners and tags, first spelling wins', () => {
    expect(distinctOwners([{ owner: 'Ambassador' }, { owner: 'ambassador ' }, { owner: '' }, { owner: 'DCM' }])).toEqual(['Ambassador', 'DCM']);
    expect(distinctTags([['MoU', 'reporting'], ['mou'], []])).toEqual(['MoU', 'reporting']);
  });

  it('reads a stored filter defensively', () => {
    expect(parseTrackerFilter(null)).toEqual(DEFAULT_TRACKER_FILTER);
    expect(parseTrackerFilter('junk')).toEqual(DEFAULT_TRACKER_FILTER);
    const f = parseTrackerFilter({ statuses: ['done', 'bogus', 'done'], windows: ['overdue', 7], kinds: ['event'], owner: 'DCM', tag: '', briefingId: 42 });
    expect(f).toEqual({ statuses: ['done'], windows: ['overdue'], kinds: ['event'], owner: 'DCM', tag: undefined, briefingId: undefined });
    const round = parseTrackerFilter(JSON.parse(JSON.stringify({ ...all, owner: '', tag: 'MoU' })));
    expect(round).toEqual({ ...all, owner: '', tag: 'MoU', briefingId: undefined });
  });
});

describe('tracker details a regression would change', () => {
  it('names the due windows and statuses as the screen shows them, in this order', () => {
    expect(DUE_WINDOWS).toEqual(['overdue', 'next7', 'later', 'none']);
    expect(DUE_WINDOW_LABELS).toEqual({ overdue: 'Overdue', next7: 'Next 7 days', later: 'Later', none: 'No date' });
    expect(STATUS_LABELS).toEqual({ open: 'Open', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' });
    expect(DEFAULT_TRACKER_FILTER).toEqual({ statuses: ['open', 'in-progress'], windows: [], kinds: [] });
  });

  it('matchesFilter: the other filters first, then the due window', () => {
    const late = a({ due: '2026-03-01' });
    expect(matchesFilter(late, all, TODAY)).toBe(true);
    expect(matchesFilter(late, { ...all, windows: ['overdue'] }, TODAY)).toBe(true);
    expect(matchesFilter(late, { ...all, windows: ['next7', 'later'] }, TODAY)).toBe(false);
    expect(matchesFilter(late, { ...all, statuses: ['done'] }, TODAY)).toBe(false);
    expect(matchesFilter(late, { ...all, statuses: ['done'], windows: ['overdue'] }, TODAY)).toBe(false);
  });

  it('filters by tag without a briefing context, or when the briefing is unknown', () => {
    const rows = [a({ tags: ['MoU'] }), a({ tags: [], briefingId: 'b9' }), a({ tags: [], briefingId: null })];
    expect(runTracker(rows, { ...all, tag: 'mou' }, TODAY).rows).toEqual([rows[0]]);
    expect(runTracker(rows, { ...all, tag: 'mou' }, TODAY, { briefingTags: () => undefined }).rows).toEqual([rows[0]]);
  });

  it('orders by priority within a day (an unknown priority counts as normal), then by id exactly', () => {
    const low = a({ due: '2026-05-01', priority: 'low' });
    const normal = a({ due: '2026-05-01', priority: 'normal' });
    const high = a({ due: '2026-05-01', priority: 'high' });
    const odd = a({ due: '2026-05-01', priority: 'urgent' as TrackedAction['priority'] });
    expect(compareByDue(normal, low)).toBeLessThan(0);
    expect(compareByDue(low, normal)).toBeGreaterThan(0);
    expect(compareByDue(high, normal)).toBeLessThan(0);
    expect(compareByDue(odd, low)).toBeLessThan(0);
    expect(compareByDue(high, odd)).toBeLessThan(0);
    const x = a({ due: '2026-05-01', id: 'a1' });
    const y = a({ due: '2026-05-01', id: 'a2' });
    expect(compareByDue(x, y)).toBe(-1);
    expect(compareByDue(y, x)).toBe(1);
    expect(compareByDue(x, { ...x })).toBe(0);
    expect(compareByDue(a({ due: '2026-05-01' }), a({ due: '2026-05-02' }))).toBe(-1);
    expect(compareByDue(a({ due: '2026-05-02' }), a({ due: '2026-05-01' }))).toBe(1);
  });

  it('sorts only when storage handed the actions over out of order, and only once', () => {
    const sort = vi.spyOn(Array.prototype, 'sort');
    try {
      const inOrder = [a({ due: '2026-03-11' }), a({ due: '2026-03-12' }), a({ due: '' })];
      const acc = new TrackerAccumulator(all, TODAY);
      acc.add(inOrder);
      sort.mockClear();
      expect(acc.result().rows).toEqual(inOrder);
      expect(sort).not.toHaveBeenCalled();

      // The same action twice in a row is not "out of order" either.
      const again = new TrackerAccumulator(all, TODAY);
      again.add([inOrder[0]!, inOrder[0]!]);
      sort.mockClear();
      again.result();
      expect(sort).not.toHaveBeenCalled();

      const shuffled = new TrackerAccumulator(all, TODAY);
      shuffled.add([inOrder[2]!, inOrder[0]!, inOrder[1]!]);
      sort.mockClear();
      expect(shuffled.result().rows).toEqual(inOrder);
      expect(shuffled.result().rows).toEqual(inOrder);
      expect(sort).toHaveBeenCalledTimes(1);
    } finally {
      sort.mockRestore();
    }
  });

  it('lists owners and tags trimmed, inner spaces collapsed, sorted', () => {
    expect(distinctOwners([{ owner: '  Zed  Officer ' }, { owner: 'Ambassador' }, { owner: 'zed officer' }])).toEqual(['Ambassador', 'Zed Officer']);
    expect(distinctTags([[' reporting ', 'MoU'], ['Agenda']])).toEqual(['Agenda', 'MoU', 'reporting']);
  });

  it('reads a stored filter defensively: only objects, owners and tags of at most 300 characters, a briefing id kept', () => {
    const fn = Object.assign(() => 0, { statuses: ['done'] });
    expect(parseTrackerFilter(fn)).toEqual(DEFAULT_TRACKER_FILTER);
    expect(parseTrackerFilter({ owner: 'x'.repeat(300) }).owner).toBe('x'.repeat(300));
    expect(parseTrackerFilter({ owner: 'x'.repeat(301) }).owner).toBeUndefined();
    expect(parseTrackerFilter({ briefingId: 'b2', tag: 'MoU' })).toMatchObject({ briefingId: 'b2', tag: 'MoU' });
    expect(parseTrackerFilter({ statuses: [] }).statuses).toEqual([]);
    expect(parseTrackerFilter({})).toEqual({ ...DEFAULT_TRACKER_FILTER, owner: undefined, briefingId: undefined, tag: undefined });
  });

  it('knows the default filter, however it was stored', () => {
    expect(isDefaultFilter(DEFAULT_TRACKER_FILTER)).toBe(true);
    expect(isDefaultFilter({ statuses: ['open', 'in-progress'], windows: [], kinds: [], owner: undefined })).toBe(true);
    expect(isDefaultFilter({ ...DEFAULT_TRACKER_FILTER, windows: ['overdue'] })).toBe(false);
    expect(isDefaultFilter({ ...DEFAULT_TRACKER_FILTER, owner: 'DCM' })).toBe(false);
  });
});
