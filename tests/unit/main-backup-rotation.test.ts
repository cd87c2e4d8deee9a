// Which backups rotation keeps (src-main/backup-rotation.ts): 7 daily, then 4 weekly, the newest always,
// backups stamped in the future never.
import { describe, expect, it } from 'vitest';
import { chooseBackupsToKeep, isoWeekKey } from '../../src-main/backup-rotation';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const kept = (stamps: number[], now: number) => [...chooseBackupsToKeep(stamps, now)].sort((a, b) => a - b).map(iso);

describe('isoWeekKey', () => {
  it('numbers weeks as ISO 8601 does, across year ends', () => {
    expect(isoWeekKey(at('2026-01-01T12:00:00Z'))).toBe(202601); // a Thursday: week 1
    expect(isoWeekKey(at('2025-12-29T00:00:00Z'))).toBe(202601); // Monday of that week
    expect(isoWeekKey(at('2025-12-28T23:59:59Z'))).toBe(202552); // the Sunday before
    expect(isoWeekKey(at('2021-01-03T12:00:00Z'))).toBe(202053); // 2020 had 53 weeks
    expect(isoWeekKey(at('2024-12-30T08:00:00Z'))).toBe(202501);
  });
});

describe('chooseBackupsToKeep', () => {
  it('keeps everything while there are few', () => {
    const stamps = [at('2026-03-02T10:00:00Z'), at('2026-03-03T10:00:00Z')];
    expect(kept(stamps, at('2026-03-03T12:00:00Z'))).toEqual(stamps.map(iso));
    expect(kept([], Date.now())).toEqual([]);
  });

  it('keeps the newest of each day for the last 7 days that have backups', () => {
    // Every 4 hours for 3 days: the newest of each day stays.
    const start = at('2026-03-02T01:00:00Z');
    const stamps = Array.from({ length: 18 }, (_, i) => start + i * 4 * HOUR);
    expect(kept(stamps, stamps.at(-1)! + HOUR)).toEqual(['2026-03-02T21:00:00.000Z', '2026-03-03T21:00:00.000Z', '2026-03-04T21:00:00.000Z']);
  });

  it('counts days that have backups, not calendar days: a week off does not empty the list', () => {
    // Backups on 10 days spread over a month, one a day at noon, every third day.
    const stamps = Array.from({ length: 10 }, (_, i) => at('2026-03-01T12:00:00Z') + i * 3 * DAY);
    const now = stamps.at(-1)! + 20 * DAY;
    const result = kept(stamps, now);
    // The 7 newest days (10–28 March), then the newest of each ISO week before them: 7 March for the week
    // of 2–8 March (so 4 March goes), 1 March (a Sunday) for the week before.
    expect(result).toEqual(stamps.filter((s) => iso(s) !== '2026-03-04T12:00:00.000Z').map(iso));
  });

  it('keeps 7 daily and then 4 weekly, and deletes the rest', () => {
    // One backup every day at 09:00 from 2026-01-01 (Thursday) to 2026-03-31.
    const stamps: number[] = [];
    for (let t = at('2026-01-01T09:00:00Z'); t <= at('2026-03-31T09:00:00Z'); t += DAY) stamps.push(t);
    const result = kept(stamps, at('2026-03-31T18:00:00Z'));
    expect(result).toHaveLength(11);
    // Daily: 25–31 March.
    expect(result.slice(4)).toEqual(['2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31'].map((d) => `${d}T09:00:00.000Z`));
    // Weekly: the newest of each of the 4 weeks before, newest first: 24 March (Tue, its week's newest
    // before the daily days), then the Sundays 22, 15 and 8 March.
    expect(result.slice(0, 4)).toEqual(['2026-03-08', '2026-03-15', '2026-03-22', '2026-03-24'].map((d) => `${d}T09:00:00.000Z`));
  });

  it('after a rotation, the next rotation keeps the same (a kept set is stable)', () => {
    const stamps: number[] = [];
    for (let t = at('2026-01-01T09:00:00Z'); t <= at('2026-03-31T09:00:00Z'); t += 6 * HOUR) stamps.push(t);
    const now = at('2026-03-31T18:00:00Z');
    const first = [...chooseBackupsToKeep(stamps, now)];
    expect([...chooseBackupsToKeep(first, now)].sort()).toEqual(first.sort());
  });

  it('always keeps the newest, and never deletes backups stamped in the future (a clock set back)', () => {
    const now = at('2026-03-10T12:00:00Z');
    const future = [at('2027-01-01T00:00:00Z'), at('2027-01-02T00:00:00Z'), at('2027-01-03T00:00:00Z')];
    const past = Array.from({ length: 7 }, (_, i) => at('2026-03-04T08:00:00Z') + i * DAY);
    const result = chooseBackupsToKeep([...future, ...past], now);
    for (const s of [...future, ...past]) expect(result.has(s), iso(s)).toBe(true);
    // The future ones do not take the real days' places: a second backup today still replaces the first.
    const today = [at('2026-03-10T09:00:00Z'), at('2026-03-10T11:00:00Z')];
    const withToday = chooseBackupsToKeep([...future, ...past, ...today], now);
    expect(withToday.has(today[1]!)).toBe(true);
    expect(withToday.has(today[0]!)).toBe(false);
  });

  it('ignores duplicate stamps and the order it is given', () => {
    const a = at('2026-03-01T10:00:00Z');
    const b = at('2026-03-01T11:00:00Z');
    expect(kept([b, a, b, a], at('2026-03-02T00:00:00Z'))).toEqual([iso(b)]);
  });
});
