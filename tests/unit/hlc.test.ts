import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, initialHlcState, observe, parseHlc, tick } from '../../src-renderer/src/core/hlc';

describe('hybrid logical clock', () => {
  it('issues strictly increasing stamps even when the wall clock stands still or goes back', () => {
    const state = initialHlcState('a1');
    const stamps = [tick(state, 1000), tick(state, 1000), tick(state, 900), tick(state, 1001)];
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('orders stamps by string comparison exactly as by (wall, counter, node)', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(2 ** 42), fc.nat(0xffff), fc.stringMatching(/^[0-9a-f]{8}$/)),
        fc.tuple(fc.nat(2 ** 42), fc.nat(0xffff), fc.stringMatching(/^[0-9a-f]{8}$/)),
        ([w1, c1, n1], [w2, c2, n2]) => {
          const a = formatHlc(w1, c1, n1);
          const b = formatHlc(w2, c2, n2);
          const expected = w1 !== w2 ? Math.sign(w1 - w2) : c1 !== c2 ? Math.sign(c1 - c2) : n1 < n2 ? -1 : n1 > n2 ? 1 : 0;
          expect(Math.sign(a < b ? -1 : a > b ? 1 : 0)).toBe(expected);
        },
      ),
    );
  });

  it('after observing a remote stamp, the next local stamp sorts after it', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 41), fc.nat(2 ** 41), fc.nat(0xfffe), (localNow, remoteWall, remoteCounter) => {
        const state = initialHlcState('local');
        tick(state, localNow);
        const remote = formatHlc(remoteWall, remoteCounter, 'remote');
        observe(state, remote, localNow);
        expect(tick(state, localNow) > remote).toBe(true);
      }),
    );
  });

  it('rejects strings that are not stamps', () => {
    expect(() => parseHlc('2015-03-17')).toThrow(/Not a clock stamp/);
    expect(parseHlc(formatHlc(5, 10, 'abc'))).toEqual({ wall: 5, counter: 10, node: 'abc' });
  });
});
