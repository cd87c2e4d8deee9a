import { describe, expect, it } from 'vitest';
import {
  formatLongDate,
  formatLongDateTime,
  formatShortDate,
  formatShortLocalDateTime,
  nowLocalDateTime,
  todayIso,
} from '../../src-renderer/src/core/dates';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

describe('long dates', () => {
  it('spell every calendar date, and leave what is not a date as it was', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    // How many days each year has; there is no year 0000 in the calendar the app stores.
    const daysIn: Record<string, number> = { '0000': 0, '0001': 365, '0999': 365, '1900': 365, '2000': 366, '2015': 365, '2016': 366, '2100': 365, '9999': 365 };
    for (const [y, days] of Object.entries(daysIn)) {
      let spelled = 0;
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const date = `${y}-${pad(m)}-${pad(d)}`;
          const long = formatLongDate(date);
          expect(formatLongDate(`${date}T10:00`), date).toBe(long === date ? `${date}T10:00` : long);
          if (long === date) continue;
          spelled++;
          expect(long, date).toBe(`${d} ${MONTHS[m - 1]} ${y}`);
        }
      }
      expect(spelled, y).toBe(days);
    }
    // What the app answered when it asked date-fns (4.x) to parse `yyyy-MM-dd` and spell `d MMMM yyyy`.
    const answers: [string, string][] = [
      ['', ''],
      ['2015', '2015'],
      ['2015-3-7', '7 March 2015'],
      ['2015-03-7', '7 March 2015'],
      ['2015-3-07', '7 March 2015'],
      ['2015-3-7 ', '7 March 2015'],
      ['15-03-07', '7 March 0015'],
      ['4-2-29', '29 February 0004'],
      ['2015-2-29', '2015-2-29'],
      ['2015-003-07', '2015-003-07'],
      ['0000-3-7', '0000-3-7'],
      [' 2015-1-1', ' 2015-1-1'],
      ['17/03/2015', '17/03/2015'],
      ['not a date', 'not a date'],
      ['2015-03-17junk', '17 March 2015'],
      ['1900-02-29', '1900-02-29'],
      ['2000-02-29', '29 February 2000'],
    ];
    for (const [input, long] of answers) expect(formatLongDate(input), JSON.stringify(input)).toBe(long);
  });

  it('reads as a diplomatic document writes dates', () => {
    expect(formatLongDate('2015-03-17')).toBe('17 March 2015');
    expect(formatLongDateTime('2015-03-17T10:00')).toBe('17 March 2015, 10:00');
    expect(formatLongDate('2015-12-01T09:00')).toBe('1 December 2015');
  });
});

describe('short dates', () => {
  it('abbreviate the month to three letters', () => {
    const short = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    for (let m = 1; m <= 12; m++) expect(formatShortDate(`2015-${String(m).padStart(2, '0')}-09`)).toBe(`9 ${short[m - 1]} 2015`);
    for (const odd of ['', 'soon', '2015-02-30']) expect(formatShortDate(odd)).toBe(odd);
    expect(formatShortDate('2015-05-27')).toBe('27 May 2015');
  });
});

describe('local dates and times', () => {
  it('write today and now as date boxes hold them, in local time', () => {
    const at = new Date(2015, 2, 7, 9, 5, 59);
    expect(todayIso(at)).toBe('2015-03-07');
    expect(nowLocalDateTime(at)).toBe('2015-03-07T09:05');
    expect(todayIso(new Date(2015, 11, 31, 23, 59))).toBe('2015-12-31');
    const early = new Date(2015, 0, 1);
    early.setFullYear(15);
    expect(todayIso(early)).toBe('0015-01-01');
  });

  it('spell a moment for a table cell', () => {
    expect(formatShortLocalDateTime(new Date(2015, 2, 17, 10, 0))).toBe('17 Mar 2015, 10:00');
    expect(formatShortLocalDateTime(new Date(2015, 8, 1, 0, 7))).toBe('1 Sep 2015, 00:07');
    expect(formatShortLocalDateTime(new Date(2015, 11, 31, 23, 59))).toBe('31 Dec 2015, 23:59');
  });
});
