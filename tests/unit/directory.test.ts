import { describe, expect, it } from 'vitest';
import { isKept, mergeProblem, mergedAliases, organisationChain, organisationPath, parentProblem, resolve, resolveId } from '../../src-renderer/src/core/directory';
import { rings } from '../../src-renderer/src/core/sync/invariants';

type P = { id: string; name: string; mergedInto: string | null };
type O = { id: string; name: string; acronym: string; country: string; parentId: string | null; mergedInto: string | null };

const people = (...rows: [string, string | null][]) => {
  const m = new Map<string, P>(rows.map(([id, into]) => [id, { id, name: `Person ${id}`, mergedInto: into }]));
  return (id: string) => m.get(id);
};
const orgs = (rows: Partial<O>[]) => {
  const m = new Map<string, O>(rows.map((r) => [r.id!, { name: `Org ${r.id}`, acronym: '', country: '', parentId: null, mergedInto: null, ...r } as O]));
  return (id: string) => m.get(id);
};

describe('references resolve through merges', () => {
  it('follows a chain to the record kept', () => {
    const get = people(['a', 'b'], ['b', 'c'], ['c', null]);
    expect(resolveId(get, 'a')).toBe('c');
    expect(resolveId(get, 'c')).toBe('c');
    expect(resolve(get, 'a')?.id).toBe('c');
    expect(resolve(get, null)).toBeUndefined();
    expect(isKept(get, get('a')!)).toBe(false);
    expect(isKept(get, get('c')!)).toBe(true);
  });

  it('stays on the last record that exists when a redirect names a missing one', () => {
    expect(resolveId(people(['a', 'b'], ['b', 'zz']), 'a')).toBe('b');
    expect(resolveId(people(['a', null]), 'nowhere')).toBe('nowhere');
  });

  it('cuts a ring at its smallest id, as the invariants do, from anywhere on or before it', () => {
    const rows: [string, string | null][] = [['c', 'd'], ['d', 'b'], ['b', 'c'], ['x', 'c']];
    const get = people(...rows);
    for (const id of ['b', 'c', 'd', 'x']) expect(resolveId(get, id)).toBe('b');
    expect(rings(rows.map(([id, into]) => ({ id, into })), (r) => r.into)).toEqual([['b', 'c', 'd']]);
    expect(resolveId(people(['s', 's']), 's')).toBe('s');
  });
});

describe('organisation paths', () => {
  const get = orgs([
    { id: 'hq', name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC' },
    { id: 'roca', name: 'Regional Office for Central Asia', acronym: 'ROCA', parentId: 'hq' },
    { id: 'pod', name: 'Programme Office in Dushanbe', parentId: 'roca' },
    { id: 'old', name: 'UNODC (old spelling)', mergedInto: 'hq' },
    { id: 'kid', name: 'Liaison Office', parentId: 'old' },
  ]);

  it('reads the parents from the top, parents by acronym', () => {
    expect(organisationChain(get, 'pod').map((o) => o.id)).toEqual(['hq', 'roca', 'pod']);
    expect(organisationPath(get, 'roca')).toBe('UNODC › Regional Office for Central Asia (ROCA)');
    expect(organisationPath(get, 'pod')).toBe('UNODC › ROCA › Programme Office in Dushanbe');
    expect(organisationPath(get, 'hq')).toBe('United Nations Office on Drugs and Crime (UNODC)');
    expect(organisationPath(get, null)).toBe('');
  });

  it('reads a parent that was merged away as the one kept', () => {
    expect(organisationPath(get, 'kid')).toBe('UNODC › Liaison Office');
    expect(organisationPath(get, 'old')).toBe('United Nations Office on Drugs and Crime (UNODC)');
  });

  it('cuts a ring of parents at its smallest id, which then has no parent', () => {
    const ring = orgs([
      { id: 'b', acronym: 'B', parentId: 'c' },
      { id: 'c', acronym: 'C', parentId: 'b' },
      { id: 'e', acronym: 'E', parentId: 'c' },
      { id: 'self', acronym: 'S', parentId: 'self' },
    ]);
    expect(organisationChain(ring, 'c').map((o) => o.id)).toEqual(['b', 'c']);
    expect(organisationChain(ring, 'b').map((o) => o.id)).toEqual(['b']);
    expect(organisationChain(ring, 'e').map((o) => o.id)).toEqual(['b', 'c', 'e']);
    expect(organisationChain(ring, 'self').map((o) => o.id)).toEqual(['self']);
  });
});

describe('refusals', () => {
  it('refuses a merge into itself, into one merged into it, and from one already merged away', () => {
    const get = people(['a', null], ['b', 'a'], ['c', null], ['d', 'c']);
    expect(mergeProblem('person', get, 'a', 'a')).toBe('Person a cannot be merged into themselves.');
    expect(mergeProblem('organisation', get, 'a', 'a')).toBe('Person a cannot be merged into itself.');
    expect(mergeProblem('person', get, 'a', 'b')).toBe('Person b was merged into Person a: Person a cannot be merged into it.');
    expect(mergeProblem('person', get, 'b', 'c')).toBe('Person b was already merged into Person a.');
    expect(mergeProblem('person', get, 'a', 'nobody')).toBe('That person no longer exists.');
    expect(mergeProblem('person', get, 'a', 'c')).toBeUndefined();
    expect(mergeProblem('person', get, 'a', 'd')).toBeUndefined();
  });

  it('refuses a parent that would make a ring, itself included', () => {
    const get = orgs([
      { id: 'hq', name: 'UNODC' },
      { id: 'roca', name: 'ROCA', parentId: 'hq' },
      { id: 'pod', name: 'POD', parentId: 'roca' },
    ]);
    expect(parentProblem(get, 'hq', 'hq')).toBe('UNODC cannot sit under itself.');
    expect(parentProblem(get, 'hq', 'pod')).toBe('UNODC cannot sit under POD: POD already sits under UNODC.');
    expect(parentProblem(get, 'hq', 'roca')).toBe('UNODC cannot sit under ROCA: ROCA already sits under UNODC.');
    expect(parentProblem(get, 'pod', 'hq')).toBeUndefined();
    expect(parentProblem(get, 'pod', null)).toBeUndefined();
    expect(parentProblem(get, 'pod', 'gone')).toBe('That parent organisation no longer exists.');
  });
});

describe('other spellings after a merge', () => {
  it('adds the old name and its spellings once, never the kept name', () => {
    expect(mergedAliases({ name: 'Rustam Nazarzoda', aliases: ['Рустам Назарзода'] }, { name: 'R. Nazarzoda', aliases: ['rustam nazarzoda', 'Рустам  Назарзода', 'Nazarzoda R.'] })).toEqual([
      'Рустам Назарзода',
      'R. Nazarzoda',
      'Nazarzoda R.',
    ]);
  });
});
