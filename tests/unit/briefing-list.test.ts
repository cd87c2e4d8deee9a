/**
 * The briefing list's filters, order and month groups (issue 13 point 8): the pure rules
 * (core/briefing-list.ts) and the indexed reads (data/briefing-list.ts) agree.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareListed, matchesListFilter, monthGroups, parseListFilter, type ListedBriefing } from '../../src-renderer/src/core/briefing-list';
import { newBriefingFields } from '../../src-renderer/src/data/briefings';
import { listBriefingsFiltered } from '../../src-renderer/src/data/briefing-list';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { Workspace } from '../../src-renderer/src/data/workspace';

const MFA = '0190e000-0000-7000-8000-0000000000f1';
const UNODC = '0190e000-0000-7000-8000-0000000000f2';
let seq = 0;
function b(startsAt: string, over: Partial<ListedBriefing> = {}): ListedBriefing {
  return { id: `0190${String(++seq).padStart(8, '0')}`, title: startsAt, startsAt, tags: [], organiserIds: [], classification: 'unclassified', ...over };
}

describe('filters, order and months', () => {
  it('filter by tag (as names compare), organiser, classification and a date range with both ends included', () => {
    const x = b('2015-03-17T10:00', { tags: ['Énergie'], organiserIds: ['mfa'], classification: 'confidential' });
    expect(matchesListFilter(x, { sort: 'newest', tag: 'energie' })).toBe(true);
    expect(matchesListFilter(x, { sort: 'newest', tag: 'water' })).toBe(false);
    expect(matchesListFilter(x, { sort: 'newest', organisationId: 'mfa', classification: 'confidential' })).toBe(true);
    expect(matchesListFilter(x, { sort: 'newest', organisationId: 'unodc' })).toBe(false);
    expect(matchesListFilter(x, { sort: 'newest', from: '2015-03-17', to: '2015-03-17' })).toBe(true);
    expect(matchesListFilter(x, { sort: 'newest', from: '2015-03-18' })).toBe(false);
    expect(matchesListFilter(x, { sort: 'newest', to: '2015-03-16' })).toBe(false);
  });

  it('sorts newest or oldest first, or by title as names compare; groups consecutive months with counts', () => {
    const rows = [b('2015-03-17T10:00', { title: 'Énergie' }), b('2015-04-02T09:00', { title: 'donors' }), b('2015-03-01T09:00', { title: 'Border' })];
    expect([...rows].sort(compareListed('newest')).map((r) => r.title)).toEqual(['donors', 'Énergie', 'Border']);
    expect([...rows].sort(compareListed('oldest')).map((r) => r.title)).toEqual(['Border', 'Énergie', 'donors']);
    expect([...rows].sort(compareListed('title')).map((r) => r.title)).toEqual(['Border', 'donors', 'Énergie']);
    expect(monthGroups([...rows].sort(compareListed('newest')), 'newest')).toEqual([
      { month: '2015-04', label: 'April 2015', count: 1 },
      { month: '2015-03', label: 'March 2015', count: 2 },
    ]);
    expect(monthGroups(rows, 'title')).toBeUndefined();
  });

  it('reads a stored filter defensively', () => {
    expect(parseListFilter({ sort: 'title', tag: 'x', from: '2015-03-01', to: 'soon', evil: 1 })).toEqual({ sort: 'title', tag: 'x', from: '2015-03-01' });
    expect(parseListFilter('nonsense')).toEqual({ sort: 'newest' });
  });
});

describe('reading the list through the indexes', () => {
  let db: AttacheDb;
  let ws: Workspace;
  let n = 0;
  beforeEach(async () => {
    db = new AttacheDb(`briefing-list-test-${n++}`);
    ws = await Workspace.open(db);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('gives the same ids as the rules over every record, for each filter and order', async () => {
    const settings = { classificationLevels: [{ id: 'unclassified', label: 'Unclassified' }, { id: 'confidential', label: 'Confidential' }], defaultClassification: 'unclassified' };
    const all: ListedBriefing[] = [];
    const specs = [
      { title: 'Weekly round-up', startsAt: '2015-03-02T09:00', tags: ['Energie'], organiserIds: [MFA] },
      { title: 'Border conference', startsAt: '2015-03-17T10:00', tags: ['énergie', 'border'], organiserIds: [MFA, UNODC], classification: 'confidential' },
      { title: 'Donor meeting', startsAt: '2015-04-01T10:00', tags: [], organiserIds: [UNODC] },
      { title: 'Deleted one', startsAt: '2015-03-20T10:00', tags: ['energie'], organiserIds: [MFA] },
    ];
    for (const s of specs) {
      const r = await ws.create('briefings', { ...newBriefingFields(settings), ...s });
      if (s.title === 'Deleted one') await ws.remove('briefings', r.id);
      else all.push({ id: r.id, title: r.title, startsAt: r.startsAt, tags: r.tags, organiserIds: r.organiserIds, classification: r.classification });
    }
    const filters = [
      { sort: 'newest' as const },
      { sort: 'oldest' as const, from: '2015-03-10' },
      { sort: 'title' as const },
      { sort: 'newest' as const, tag: 'ENERGIE' },
      { sort: 'oldest' as const, organisationId: UNODC },
      { sort: 'newest' as const, classification: 'confidential' },
      { sort: 'newest' as const, tag: 'energie', to: '2015-03-10' },
    ];
    for (const f of filters) {
      const want = all.filter((x) => matchesListFilter(x, f)).sort(compareListed(f.sort));
      const got = await listBriefingsFiltered(db, f);
      expect(got.ids, JSON.stringify(f)).toEqual(want.map((x) => x.id));
      expect(got.months, JSON.stringify(f)).toEqual(monthGroups(want, f.sort));
    }
  });
});
