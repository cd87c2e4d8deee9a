import { describe, expect, it } from 'vitest';
import { format, isValid, parse } from 'date-fns';
import { formatLongDate, formatLongDateTime, formatShortDate } from '../../src-renderer/src/core/dates';

/** What formatLongDate answered when it always went through date-fns. */
function reference(isoDate: string): string {
  const d = parse(isoDate.slice(0, 10), 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) ? format(d, 'd MMMM yyyy') : isoDate;
}

describe('long dates', () => {
  it('spell every calendar date as date-fns does, and leave what is not a date as it was', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const y of ['0000', '0001', '0999', '1900', '2000', '2015', '2016', '2100', '9999']) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const date = `${y}-${pad(m)}-${pad(d)}`;
          expect(formatLongDate(date), date).toBe(reference(date));
          expect(formatLongDate(`${date}T10:00`), date).toBe(reference(`${date}T10:00`));
        }
      }
    }
    for (const odd of ['', '2015', '2015-3-7', '17/03/2015', 'not a date', '2015-03-17junk'])
      expect(formatLongDate(odd), odd).toBe(reference(odd));
  });

  it('reads as a diplomatic document writes dates', () => {
    expect(formatLongDate('2015-03-17')).toBe('17 March 2015');
    expect(formatLongDateTime('2015-03-17T10:00')).toBe('17 March 2015, 10:00');
    expect(formatLongDate('2015-12-01T09:00')).toBe('1 December 2015');
  });
});

describe('short dates', () => {
  it('abbreviate the month as date-fns does', () => {
    const ref = (v: string) => {
      const d = parse(v.slice(0, 10), 'yyyy-MM-dd', new Date(2000, 0, 1));
      return isValid(d) ? format(d, 'd MMM yyyy') : v;
    };
    for (let m = 1; m <= 12; m++) {
      const date = `2015-${String(m).padStart(2, '0')}-09`;
      expect(formatShortDate(date)).toBe(ref(date));
    }
    for (const odd of ['', 'soon', '2015-02-30']) expect(formatShortDate(odd)).toBe(ref(odd));
    expect(formatShortDate('2015-05-27')).toBe('27 May 2015');
  });
});
