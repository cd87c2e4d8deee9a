/** The tracker's "Mine" and "from decisions" filters (core/tracker.ts), and how they are kept. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRACKER_FILTER,
  isDefaultFilter,
  isFromDecision,
  isMine,
  parseTrackerFilter,
  runTracker,
  type TrackedAction,
  type TrackerContext,
  type TrackerFilter,
} from '../../src-renderer/src/core/tracker';
import type { StatementKind } from '../../src-renderer/src/core/model';

const TODAY = '2026-03-10';
let seq = 0;
function a(over: Partial<TrackedAction> = {}): TrackedAction {
  seq++;
  return { id: `0190${String(seq).padStart(4, '0')}`, kind: 'task', briefingId: 'b1', statementId: null, owner: '', due: '', status: 'open', priority: 'normal', tags: [], ...over };
}
const all: TrackerFilter = { statuses: [], windows: [], kinds: [] };

describe('Mine', () => {
  const rows = [a({ owner: 'Anna Petrová' }), a({ owner: '  anna   petrova ' }), a({ owner: 'Ambassador' }), a({ owner: '' })];

  it('keeps the follow-ups owned by my name, compared as names are (case, accents, spacing)', () => {
    const ctx: TrackerContext = { myName: 'ANNA PETROVA' };
    expect(runTracker(rows, { ...all, mine: true }, TODAY, ctx).rows).toEqual([rows[0], rows[1]]);
    expect(isMine({ owner: 'Anna  Petrová' }, 'anna petrova')).toBe(true);
    expect(isMine({ owner: 'Anna Petrovna' }, 'anna petrova')).toBe(false);
  });

  it('matches nothing while I have not given my name (not every unassigned follow-up)', () => {
    expect(runTracker(rows, { ...all, mine: true }, TODAY, {}).rows).toEqual([]);
    expect(runTracker(rows, { ...all, mine: true }, TODAY, { myName: '   ' }).rows).toEqual([]);
    expect(isMine({ owner: '' }, '')).toBe(false);
  });

  it('combines with the other filters', () => {
    const mixed = [a({ owner: 'Anna', status: 'done' }), a({ owner: 'Anna', status: 'open' }), a({ owner: 'Anna', kind: 'event' })];
    const ctx = { myName: 'Anna' };
    expect(runTracker(mixed, { ...DEFAULT_TRACKER_FILTER, mine: true, kinds: ['task'] }, TODAY, ctx).rows).toEqual([mixed[1]]);
    // Off, it changes nothing.
    expect(runTracker(mixed, { ...all, mine: false }, TODAY, ctx).rows).toHaveLength(3);
  });
});

describe('from decisions', () => {
  const kinds = new Map<string, StatementKind>([
    ['s-decision', 'decision'],
    ['s-request', 'request'],
  ]);
  const ctx: TrackerContext = { statementKind: (id) => kinds.get(id) };
  const rows = [a({ statementId: 's-decision' }), a({ statementId: 's-request' }), a({ statementId: null }), a({ statementId: 's-gone' })];

  it('keeps only follow-ups whose statement is a decision', () => {
    expect(runTracker(rows, { ...all, fromDecisions: true }, TODAY, ctx).rows).toEqual([rows[0]]);
    expect(isFromDecision(rows[0]!, ctx)).toBe(true);
    // A stand-alone follow-up, a deleted or unknown statement: not from a decision.
    expect(isFromDecision(rows[2]!, ctx)).toBe(false);
    expect(isFromDecision(rows[3]!, ctx)).toBe(false);
  });

  it('matches nothing until the statement kinds are known', () => {
    expect(runTracker(rows, { ...all, fromDecisions: true }, TODAY, {}).rows).toEqual([]);
  });

  it('counts the due windows over what it lets through', () => {
    const dated = [a({ statementId: 's-decision', due: '2026-03-01' }), a({ statementId: 's-request', due: '2026-03-01' }), a({ statementId: 's-decision' })];
    const r = runTracker(dated, { ...all, fromDecisions: true }, TODAY, ctx);
    expect(r.counts).toEqual({ overdue: 1, next7: 0, later: 0, none: 1 });
  });
});

describe('kept with the other filters', () => {
  it('reads both flags back from storage, and only a real true', () => {
    const f = parseTrackerFilter(JSON.parse(JSON.stringify({ ...DEFAULT_TRACKER_FILTER, mine: true, fromDecisions: true })));
    expect(f.mine).toBe(true);
    expect(f.fromDecisions).toBe(true);
    const g = parseTrackerFilter({ mine: 'yes', fromDecisions: 1 });
    expect(g.mine).toBeUndefined();
    expect(g.fromDecisions).toBeUndefined();
  });

  it('is not the default filter when either is on, and an older stored filter still is', () => {
    expect(isDefaultFilter({ ...DEFAULT_TRACKER_FILTER, mine: true })).toBe(false);
    expect(isDefaultFilter({ ...DEFAULT_TRACKER_FILTER, fromDecisions: true })).toBe(false);
    expect(isDefaultFilter({ ...DEFAULT_TRACKER_FILTER, mine: false, fromDecisions: false })).toBe(true);
    expect(isDefaultFilter(parseTrackerFilter({ statuses: ['open', 'in-progress'] }))).toBe(true);
  });
});
