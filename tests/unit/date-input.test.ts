import { describe, expect, it } from 'vitest';
import { describeDateInput, describeDateTimeInput, parseDateInput, parseDateTimeInput } from '../../src-renderer/src/core/date-input';
import { dueWindow, formatLongDate, formatShortDate } from '../../src-renderer/src/core/dates';
import { compareByDue } from '../../src-renderer/src/core/tracker';
import { completeDate, parseQuery } from '../../src-renderer/src/core/search/query';

const TODAY = '2015-03-17';
const read = (text: string) => parseDateInput(text, TODAY);

describe('parseDateInput: what officers type', () => {
  it.each([
    ['17 May 2015', '2015-05-17', 'day'],
    ['17 may 2015', '2015-05-17', 'day'],
    ['17th May, 2015', '2015-05-17', 'day'],
    ['May 17, 2015', '2015-05-17', 'day'],
    ['17 Sept 2015', '2015-09-17', 'day'],
    ['17.05.2015', '2015-05-17', 'day'],
    ['17/05/2015', '2015-05-17', 'day'],
    ['7/5/2015', '2015-05-07', 'day'],
    ['17-05-2015', '2015-05-17', 'day'],
    ['2015-05-17', '2015-05-17', 'day'],
    ['2015/05/17', '2015-05-17', 'day'],
    ['  2015-05-17 ', '2015-05-17', 'day'],
    ['20150517', '2015-05-17', 'day'],
    ['17052015', '2015-05-17', 'day'],
    ['01022015', '2015-02-01', 'day'],
    ['Sun 17 May 2015', '2015-05-17', 'day'],
    ['Sunday 17 May 2015', '2015-05-17', 'day'],
    ['29 Feb 2016', '2016-02-29', 'day'],
    ['17 May', '2015-05-17', 'day'],
    ['17.05', '2015-05-17', 'day'],
    ['May 2015', '2015-05', 'month'],
    ['may, 2015', '2015-05', 'month'],
    ['December 2015', '2015-12', 'month'],
    ['May', '2015-05', 'month'],
    ['05/2015', '2015-05', 'month'],
    ['5.2015', '2015-05', 'month'],
    ['2015-05', '2015-05', 'month'],
    ['2015', '2015', 'year'],
    ['today', '2015-03-17', 'day'],
    ['Tomorrow', '2015-03-18', 'day'],
    ['yesterday', '2015-03-16', 'day'],
  ])('%s → %s (%s)', (text, value, precision) => {
    expect(read(text)).toEqual({ ok: true, value, precision });
  });

  it('tomorrow crosses months and years', () => {
    expect(parseDateInput('tomorrow', '2015-12-31')).toEqual({ ok: true, value: '2016-01-01', precision: 'day' });
    expect(parseDateInput('tomorrow', '2016-02-28')).toMatchObject({ value: '2016-02-29' });
  });

  it('empty text is "no date"', () => {
    expect(read('')).toEqual({ ok: true, value: '', precision: null });
    expect(read('   ')).toEqual({ ok: true, value: '', precision: null });
  });
});

describe('parseDateInput: impossible or ambiguous dates are refused with a reason', () => {
  it.each([
    ['31 Feb 2015', 'February 2015 has 28 days: there is no 31 February.'],
    ['29 Feb 2015', 'February 2015 has 28 days: there is no 29 February.'],
    ['31.04.2015', 'April 2015 has 30 days: there is no 31 April.'],
    ['2015-02-30', 'February 2015 has 28 days: there is no 30 February.'],
    ['13/2015', 'There is no month 13: months run from 1 to 12.'],
    ['2015-13', 'There is no month 13: months run from 1 to 12.'],
    ['17.13.2015', 'There is no month 13: months run from 1 to 12.'],
    ['0/2015', 'There is no month 0: months run from 1 to 12.'],
    ['Mon 17 May 2015', '17 May 2015 is a Sunday, not a Monday.'],
  ])('%s', (text, error) => {
    expect(read(text)).toEqual({ ok: false, error });
  });

  it.each(['17.05.15', '17 May 15', 'soon', 'Smarch 2015', '17 May 2015 10:00', '17.05-2015', '0000', '12345', '04302015', '1 2 3 4', 'May June 2015'])('%s is not read', (text) => {
    const r = read(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
  });

  it('a two-digit year asks for the full year rather than guessing the century', () => {
    expect(read('17.05.15')).toEqual({ ok: false, error: 'Write the year in full (“2015” or “1915”), so the date cannot be misread.' });
  });
});

describe('describeDateInput: the one reading, echoed back', () => {
  it('names the weekday of a day and the precision of a month or year', () => {
    expect(describeDateInput('2015-05-17')).toBe('Sun 17 May 2015');
    expect(describeDateInput('2015-05')).toBe('May 2015 (month)');
    expect(describeDateInput('2015')).toBe('2015 (year)');
    expect(describeDateInput('')).toBe('');
    expect(describeDateInput('2015-02-31')).toBe('');
  });

  it('what is echoed reads back to the same value', () => {
    for (const v of ['2015-05-17', '2016-02-29', '0999-01-01', '2015-05', '2015']) {
      const echoed = describeDateInput(v).replace(/ \((month|year)\)$/, '');
      expect(read(echoed)).toMatchObject({ ok: true, value: v });
      expect(read(formatLongDate(v))).toMatchObject({ ok: true, value: v });
    }
  });
});

describe('partial dates in the tracker: shown, windowed and sorted', () => {
  it('are shown as precise as they are', () => {
    expect(formatLongDate('2015-05')).toBe('May 2015');
    expect(formatShortDate('2015-09')).toBe('Sep 2015');
    expect(formatShortDate('2015')).toBe('2015');
  });

  it('a month is overdue once it has passed, and due soon once it is within the week', () => {
    expect(dueWindow('2015-02', TODAY)).toBe('overdue');
    expect(dueWindow('2015-03', TODAY)).toBe('next7');
    expect(dueWindow('2015-03', '2015-03-31')).toBe('next7');
    expect(dueWindow('2015-04', '2015-03-25')).toBe('next7');
    expect(dueWindow('2015-04', '2015-03-24')).toBe('later');
    expect(dueWindow('2014', TODAY)).toBe('overdue');
    expect(dueWindow('2015', TODAY)).toBe('next7');
    expect(dueWindow('2016', TODAY)).toBe('later');
  });

  it('a month sorts by its first day, before the dated days of that month; a year before its months', () => {
    const rows = ['2015-05-17', '2015-05', '2015-04-30', '2015', '2015-05-01', '', '2015-06'].map((due, i) => ({
      id: String(i),
      due,
      kind: 'task' as const,
      briefingId: null,
      owner: '',
      status: 'open' as const,
      priority: 'normal' as const,
      tags: [],
    }));
    expect(rows.sort(compareByDue).map((r) => r.due)).toEqual(['2015', '2015-04-30', '2015-05', '2015-05-01', '2015-05-17', '2015-06', '']);
  });
});

describe('search date filters take partial dates', () => {
  it('a month or a year stands for its first day (from) or its last day (to)', () => {
    expect(parseQuery('from:2015-05 to:2015-05').filters).toEqual({ from: '2015-05-01', to: '2015-05-31' });
    expect(parseQuery('from:2016 to:2016-02').filters).toEqual({ from: '2016-01-01', to: '2016-02-29' });
    expect(completeDate('2015-13', 'from')).toBeUndefined();
    expect(parseQuery('from:2015-02-31').problems).toEqual(['"2015-02-31" is not a date: use YYYY-MM-DD, YYYY-MM or YYYY.']);
  });
});

describe('parseDateTimeInput: a day and a time, as typed (issue 13 point 4)', () => {
  // 17 March 2015 was a Tuesday.
  const readDT = (text: string) => parseDateTimeInput(text, TODAY);
  it.each([
    ['17 Mar 2015 10:00', '2015-03-17T10:00'],
    ['17.03.2015 10:00', '2015-03-17T10:00'],
    ['17/03/2015 10:00', '2015-03-17T10:00'],
    ['2015-03-17 10:00', '2015-03-17T10:00'],
    ['2015-03-17T10:00', '2015-03-17T10:00'],
    ['17 March 2015 at 9:05', '2015-03-17T09:05'],
    ['today 15:00', '2015-03-17T15:00'],
    ['tomorrow 15:00', '2015-03-18T15:00'],
    ['next Tue 10:00', '2015-03-24T10:00'],
    ['next wednesday 10:00', '2015-03-18T10:00'],
    ['10:00', '2015-03-17T10:00'],
    ['3 pm', '2015-03-17T15:00'],
    ['12 am', '2015-03-17T00:00'],
    ['10.30 am', '2015-03-17T10:30'],
    ['17 May 10h30', '2015-05-17T10:30'],
    ['Tue 17 March 2015, 10:00', '2015-03-17T10:00'],
  ])('%s → %s', (text, value) => {
    expect(readDT(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', /needed/],
    ['17 Mar 2015', /Add the time, e\.g\. Tue 17 March 2015 10:00/],
    ['31.02.2015 10:00', /February 2015 has 28 days/],
    ['17 Mar 2015 25:00', /25:00 is not a time/],
    ['17 Mar 2015 10:75', /10:75 is not a time/],
    ['13 pm', /hours run from 1 to 12/],
    ['May 2015 10:00', /needs a day, not only May 2015\./],
    ['Wed 17 March 2015 10:00', /is a Tuesday, not a Wednesday/],
    ['next Fooday 10:00', /not a day of the week/],
    ['soon', /Type a day and a time/],
  ])('%s is refused with a reason', (text, why) => {
    const r = readDT(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });

  it('echoes the one reading, which reads back to the same value', () => {
    expect(describeDateTimeInput('2015-03-17T10:00')).toBe('Tue 17 March 2015, 10:00');
    expect(describeDateTimeInput('2015-02-31T10:00')).toBe('');
    for (const v of ['2015-03-17T10:00', '2016-02-29T23:59', '0999-01-01T00:00']) expect(readDT(describeDateTimeInput(v))).toEqual({ ok: true, value: v });
  });

  it('next <day> is always after today; a date alone takes it too', () => {
    expect(parseDateInput('next Tue', TODAY)).toEqual({ ok: true, value: '2015-03-24', precision: 'day' });
    expect(parseDateInput('next Mon', TODAY)).toEqual({ ok: true, value: '2015-03-23', precision: 'day' });
  });
});
