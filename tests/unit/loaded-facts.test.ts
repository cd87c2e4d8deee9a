/**
 * A loaded index's statements and follow-ups (core/search loaded-facts.ts) behave as the map a load that made
 * every record's facts at once would be: after any sequence of lookups, changes and deletions, before and
 * after the walks run out, the same answers, the same size and, once filled, the same order (what a save
 * writes).
 */
import { describe, expect, it } from 'vitest';
import { LoadedFacts, type FactRows } from '../../src-renderer/src/core/search/loaded-facts';
import { seeded } from '../bench/workspace-data';

interface Facts {
  of: string;
  v: number;
}

/** Rows r0…r{n-1}; even rows have a document (short id 100 + row), odd ones are named by id alone. */
function rows(n: number, built: number[] = []): FactRows<Facts> {
  const ids = Array.from({ length: n }, (_, i) => `r${i}`);
  return {
    count: n,
    idOf: (row) => ids[row]!,
    build: (row) => {
      built.push(row);
      return { of: ids[row]!, v: 0 };
    },
    rowOfShort: (short) => (short >= 100 && short < 100 + n && short % 2 === 0 ? short - 100 : -1),
    findRow: (id) => ids.indexOf(id),
  };
}

/** The bench workspace's seeded generator (mulberry32). */
const random = (seed: number) => seeded(seed).next;

describe('the facts of a loaded index, made when first needed', () => {
  for (const walks of [0, 3, 40, 1000]) {
    it(`answer and iterate as a map made at load would, through random changes (${walks} walks before filling)`, () => {
      for (let seed = 1; seed <= 40; seed++) {
        const next = random(seed);
        const n = 12;
        const lazy = new LoadedFacts(rows(n), walks);
        const eager = new Map<string, Facts>(Array.from({ length: n }, (_, i) => [`r${i}`, { of: `r${i}`, v: 0 }]));
        for (let step = 0; step < 60; step++) {
          // Ids of saved rows and of records added since.
          const id = next() < 0.7 ? `r${Math.floor(next() * n)}` : `new${Math.floor(next() * 5)}`;
          const op = next();
          if (op < 0.35) {
            const v = { of: id, v: step };
            lazy.set(id, v);
            eager.set(id, v);
          } else if (op < 0.6) expect(lazy.delete(id)).toBe(eager.delete(id));
          else if (op < 0.9) expect(lazy.get(id)).toEqual(eager.get(id));
          else expect(lazy.has(id)).toBe(eager.has(id));
          expect(lazy.size).toBe(eager.size);
        }
        expect([...lazy]).toEqual([...eager]);
        expect(lazy.lazy).toBe(false);
      }
    });
  }

  it('finds a saved record by its short id without filling, and not a deleted or replaced one', () => {
    const built: number[] = [];
    const lazy = new LoadedFacts(rows(1000, built));
    expect(lazy.atShort(100 + 42)).toEqual({ of: 'r42', v: 0 });
    // An odd row has no document, a short id past the rows names none.
    expect(lazy.atShort(100 + 43)).toBeUndefined();
    expect(lazy.atShort(5_000)).toBeUndefined();
    lazy.set('r44', { of: 'r44', v: 1 });
    expect(lazy.atShort(100 + 44)).toEqual({ of: 'r44', v: 1 });
    lazy.delete('r46');
    expect(lazy.atShort(100 + 46)).toBeUndefined();
    expect(lazy.size).toBe(999);
    // Made once each, and only those asked for (r44 and r46 were found by their walks, not made).
    expect(built).toEqual([42]);
    expect(lazy.lazy).toBe(true);
    expect(lazy.get('r42')).toBe(lazy.atShort(100 + 42));
  });
});

describe('the facts of a loaded index, filled a slice at a time', () => {
  it('answers the same while part-filled, and a change finishes the fill first', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const next = random(seed);
      const n = 20;
      const lazy = new LoadedFacts(rows(n), 5);
      const eager = new Map<string, Facts>(Array.from({ length: n }, (_, i) => [`r${i}`, { of: `r${i}`, v: 0 }]));
      for (let step = 0; step < 40; step++) {
        const id = next() < 0.7 ? `r${Math.floor(next() * n)}` : `new${Math.floor(next() * 5)}`;
        const op = next();
        if (op < 0.15) lazy.fillSome(3);
        else if (op < 0.35) {
          const v = { of: id, v: step };
          lazy.set(id, v);
          eager.set(id, v);
        } else if (op < 0.5) expect(lazy.delete(id)).toBe(eager.delete(id));
        else expect(lazy.get(id)).toEqual(eager.get(id));
        expect(lazy.size).toBe(eager.size);
      }
      while (!lazy.fillSome(4));
      expect([...lazy]).toEqual([...eager]);
    }
  });
});
