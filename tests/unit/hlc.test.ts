import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HLC_ZERO, formatHlc, hlcJustBelow, hlcNode, hlcWall, initialHlcState, isHlc, nodeIdFromInstallationId, observe, parseHlc, tick, type HlcState } from '../../src-renderer/src/core/hlc';
import { fcOptions } from './fc-seed';

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
      fcOptions(),
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
      fcOptions(),
    );
  });

  it('rejects strings that are not stamps', () => {
    expect(() => parseHlc('2015-03-17')).toThrow(/Not a clock stamp/);
    expect(parseHlc(formatHlc(5, 10, 'abc'))).toEqual({ wall: 5, counter: 10, node: 'abc' });
  });

  it('names a bad stamp in its error, cut to 60 characters', () => {
    expect(() => parseHlc('x'.repeat(100))).toThrow(new Error(`Not a clock stamp: ${'x'.repeat(60)}`));
  });

  it('recognises exactly the stamp shape: anchored at both ends, strings only', () => {
    const good = formatHlc(1_426_586_400_000, 10, 'abc123');
    expect(isHlc(good)).toBe(true);
    expect(isHlc(formatHlc(0, 0, 'z'.repeat(32)))).toBe(true);
    for (const bad of [`x${good}`, `${good}-`, `${good}!`, formatHlc(0, 0, 'z'.repeat(33)), '1426586400000-000a-ABC', '']) expect(isHlc(bad), bad).toBe(false);
    // Not a string, even one that turns into a stamp when converted.
    expect(isHlc([good])).toBe(false);
    expect(isHlc({ toString: () => good })).toBe(false);
    expect(isHlc(42)).toBe(false);
  });

  it('reads the wall time and the node back from a stamp; node ids are installation ids without dashes', () => {
    const stamp = formatHlc(1_426_586_400_000, 0xbeef, 'abc123');
    expect(stamp).toBe('1426586400000-beef-abc123');
    expect(hlcWall(stamp)).toBe(1_426_586_400_000);
    expect(hlcNode(stamp)).toBe('abc123');
    expect(nodeIdFromInstallationId('0190E000-0000-7000-8000-00000000ABCD')).toBe('0190e00000007000800000000000abcd');
  });

  describe('tick', () => {
    it('starts each new millisecond at counter 0 and counts up within one', () => {
      const state = initialHlcState('n');
      expect(tick(state, 1000)).toBe(formatHlc(1000, 0, 'n'));
      expect(tick(state, 1000)).toBe(formatHlc(1000, 1, 'n'));
      expect(tick(state, 999)).toBe(formatHlc(1000, 2, 'n'));
      expect(tick(state, 1001)).toBe(formatHlc(1001, 0, 'n'));
    });

    it('borrows the next millisecond when the counter is exhausted, never wrapping around', () => {
      const state: HlcState = { wall: 1000, counter: 0xfffe, node: 'n' };
      expect(tick(state, 1000)).toBe(formatHlc(1000, 0xffff, 'n'));
      const next = tick(state, 1000);
      expect(next).toBe(formatHlc(1001, 0, 'n'));
      expect(state).toEqual({ wall: 1001, counter: 0, node: 'n' });
      expect(next > formatHlc(1000, 0xffff, 'n')).toBe(true);
      expect(isHlc(next)).toBe(true);
    });
  });

  describe('observe', () => {
    const after = (wall: number, counter: number, remote: [number, number], now: number) => {
      const state: HlcState = { wall, counter, node: 'local' };
      observe(state, formatHlc(remote[0], remote[1], 'remote'), now);
      return { wall: state.wall, counter: state.counter };
    };

    it('keeps the larger counter when local and remote share the newest millisecond', () => {
      expect(after(1000, 5, [1000, 3], 500)).toEqual({ wall: 1000, counter: 5 });
      expect(after(1000, 2, [1000, 7], 500)).toEqual({ wall: 1000, counter: 7 });
    });

    it('takes the remote millisecond and counter when the remote is newest', () => {
      expect(after(1000, 5, [2000, 3], 500)).toEqual({ wall: 2000, counter: 3 });
      expect(after(1000, 5, [2000, 9], 1500)).toEqual({ wall: 2000, counter: 9 });
    });

    it('keeps its own clock when it is ahead of the remote and of the wall clock', () => {
      expect(after(1000, 5, [900, 9], 500)).toEqual({ wall: 1000, counter: 5 });
    });

    it('moves to the wall clock with counter 0 when the wall clock is ahead of both', () => {
      expect(after(1000, 5, [900, 3], 3000)).toEqual({ wall: 3000, counter: 0 });
      expect(after(1000, 5, [1000, 9], 3000)).toEqual({ wall: 3000, counter: 0 });
    });

    it('orders the next local stamp after a remote stamp with an exhausted counter', () => {
      const state: HlcState = { wall: 1000, counter: 0, node: 'local' };
      const remote = formatHlc(1000, 0xffff, 'remote');
      observe(state, remote, 1000);
      expect(tick(state, 1000)).toBe(formatHlc(1001, 0, 'local'));
    });
  });

  describe('hlcJustBelow', () => {
    const top = 'z'.repeat(32);
    it('is the greatest stamp below a clock: one count lower, or the previous millisecond at the top count', () => {
      expect(hlcJustBelow(formatHlc(5000, 3, 'abc'))).toBe(formatHlc(5000, 2, top));
      expect(hlcJustBelow(formatHlc(5000, 1, 'abc'))).toBe(formatHlc(5000, 0, top));
      expect(hlcJustBelow(formatHlc(5000, 0, 'abc'))).toBe(formatHlc(4999, 0xffff, top));
      expect(hlcJustBelow(formatHlc(1, 0, 'abc'))).toBe(formatHlc(0, 0xffff, top));
    });

    it('stops at the smallest stamp, which is a valid stamp below every other', () => {
      expect(HLC_ZERO).toBe('0000000000000-0000-0');
      expect(isHlc(HLC_ZERO)).toBe(true);
      expect(hlcJustBelow(formatHlc(0, 0, 'abc'))).toBe(HLC_ZERO);
      fc.assert(
        fc.property(fc.nat(2 ** 42), fc.nat(0xffff), fc.stringMatching(/^[0-9a-z]{1,32}$/), (w, c, n) => {
          const clock = formatHlc(w, c, n);
          const below = hlcJustBelow(clock);
          expect(isHlc(below)).toBe(true);
          expect(below <= clock).toBe(true);
          // Nothing of another millisecond or count sorts between the two.
          if (clock !== HLC_ZERO) expect(below < clock).toBe(true);
        }),
        fcOptions(),
      );
    });
  });
});
