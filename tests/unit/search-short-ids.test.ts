/**
 * What a short id names (core/search/short-ids.ts ShortIdNames): a loaded index learns a match's type and id
 * when a query first meets it, and its facts only when asked (a filter, a tie, a hit shown) — the first query
 * of a loaded million-record index must not look up the facts of every match — and the idle preparation
 * learns the rest, skipping documents no longer live.
 */
import { describe, expect, it } from 'vitest';
import { ShortIdNames } from '../../src-renderer/src/core/search/short-ids';
import type { ResultType } from '../../src-renderer/src/core/search/query';

function names(keys: (string | undefined)[]) {
  const asked: string[] = [];
  const facts = (type: ResultType, id: string) => {
    asked.push(`${type}:${id}`);
    return { of: id };
  };
  return { asked, names: new ShortIdNames((short) => keys[short], facts) };
}

describe('ShortIdNames', () => {
  it('learns a type and id from the document id without looking its facts up; the facts once, when asked', () => {
    const { asked, names: n } = names(['s:one', 'b:two', 'a:three']);
    expect(n.type(0)).toBe('statement');
    expect(n.id(0)).toBe('one');
    expect(n.type(1)).toBe('briefing');
    expect(n.id(2)).toBe('three');
    expect(asked).toEqual([]);
    expect(n.factsAt(1)).toEqual({ of: 'two' });
    expect(n.factsAt(1)).toEqual({ of: 'two' });
    // Asked for facts first, it learns the type and id too.
    expect(n.factsAt(2)).toEqual({ of: 'three' });
    expect(n.type(2)).toBe('action');
    expect(asked).toEqual(['briefing:two', 'action:three']);
  });

  it('keeps what a document added noted, facts included, and grows past its first size', () => {
    const { asked, names: n } = names([]);
    const facts = { kept: true };
    n.note(5_000, 'person', 'p1', facts);
    expect(n.type(5_000)).toBe('person');
    expect(n.id(5_000)).toBe('p1');
    expect(n.factsAt(5_000)).toBe(facts);
    expect(asked).toEqual([]);
  });

  it('learns every live short id while idle, in slices, skipping those no longer live', () => {
    const keys = Array.from({ length: 3_000 }, (_, i) => (i % 3 === 0 ? undefined : `s:${i}`));
    const { asked, names: n } = names(keys);
    n.factsAt(1);
    let slices = 1;
    while (!n.learnSome(keys.length, 500)) slices += 1;
    expect(slices).toBe(4);
    // Each live one once (the one already learnt not again), the discarded ones never.
    expect(asked.length).toBe(2_000);
    expect(new Set(asked).size).toBe(2_000);
    expect(asked.some((a) => Number(a.split(':')[1]) % 3 === 0)).toBe(false);
    expect(n.learnSome(keys.length, 500)).toBe(true);
    expect(asked.length).toBe(2_000);
    expect(n.factsAt(2_999)).toEqual({ of: '2999' });
  });
});
