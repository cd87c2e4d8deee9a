/**
 * A date the app shows in French or Russian (core/dates.ts, Intl) reads back through the typed-date parser
 * (core/date-input.ts) as the same date: a tracker row's date box shows it so, and leaving the box reads it.
 */
import { expect, it } from 'vitest';
import { parseDateInput, parseDateTimeInput } from '../../src-renderer/src/core/date-input';
import { dateReading, dateTimeReading, dateTimeShown } from '../../src-renderer/src/ui/lib/dateReading';
import { formatLongDate, formatShortDate } from '../../src-renderer/src/core/dates';
it('reads French and Russian month names, as the app writes them long and short', () => {
  const r = (t: string) => { const x = parseDateInput(t, '2026-12-04'); return x.ok ? x.value : 'ERR ' + x.error; };
  for (const d of ['2015-05-17', '2015-02-01', '2015-08-31', '2015-07-14', '2015-06-01', '2015-12-25', '2015-05', '2015-03-17']) {
    for (const loc of ['fr', 'ru'] as const) {
      const long = formatLongDate(d, loc), short = formatShortDate(d, loc);
      expect(r(long)).toBe(d);
      expect(r(short)).toBe(d);
    }
  }
  expect(r('17 May 2015')).toBe('2015-05-17');
  expect(r('1er juin 2015')).toBe('2015-06-01');
  expect(r('май 2015')).toBe('2015-05');
  expect(r('17 мая')).toBe('2026-05-17');
});

it('shows a date and time in French and Russian as the box reads it back, and English as before', () => {
  for (const locale of ['fr', 'ru'] as const) {
    for (const v of ['2015-03-17T10:00', '2015-05-01T09:05', '2016-12-31T23:59']) {
      const r = parseDateTimeInput(dateTimeShown(v, locale), '2026-12-04');
      expect(r.ok && r.value, `${locale} ${dateTimeShown(v, locale)}`).toBe(v);
    }
  }
  expect(dateTimeShown('2015-03-17T10:00', 'en')).toBe('Tue 17 March 2015, 10:00');
  expect(dateTimeShown('2015-03-17T10:00', 'fr')).toBe('17 mars 2015, 10:00');
  expect(dateTimeReading('2015-03-17T10:00', 'ru')).toBe('вт, 17 мар. 2015 г., 10:00');
  expect(dateReading('2015-05', 'fr')).toBe('mai 2015 (mois)');
  expect(dateReading('2015', 'ru')).toBe('2015 (год)');
  expect(dateReading('2015-05-17', 'en')).toBe('Sun 17 May 2015');
});
