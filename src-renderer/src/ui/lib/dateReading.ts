/**
 * What a typed date reads as, echoed under the box while typing ("Sun 17 May 2015", "May 2015 (month)"),
 * and what the box shows once left, in the interface's language. English keeps core/date-input.ts'
 * wording word for word; French and Russian are spelled by Intl (core/dates.ts), in forms the parser
 * reads back ("17 mai 2015", "17 марта 2015 г., 10:00"), so leaving a box never changes its date.
 */
import { describeDateInput, describeDateTimeInput } from '../../core/date-input';
import { formatLongDate, formatLongDateTime, formatWeekdayDate } from '../../core/dates';
import { translate, type Locale } from '../../core/i18n';
import { datePrecision } from '../../core/partial-date';

/** A stored date (a day, a month or a year) as the reading under the box. */
export function dateReading(value: string, locale: Locale): string {
  if (locale === 'en') return describeDateInput(value);
  switch (datePrecision(value)) {
    case 'day':
      return formatWeekdayDate(value, locale, { weekday: 'short', year: true }) ?? value;
    case 'month':
      return translate(locale, 'common.date.readingMonth', { date: formatLongDate(value, locale) });
    case 'year':
      return translate(locale, 'common.date.readingYear', { date: value });
    default:
      return '';
  }
}

/** A stored date and time (`YYYY-MM-DDTHH:mm`) as the reading under the box; '' when it is not one. */
export function dateTimeReading(value: string, locale: Locale): string {
  const english = describeDateTimeInput(value);
  if (locale === 'en' || !english) return english;
  return translate(locale, 'common.date.readingTime', { date: dateReading(value.slice(0, 10), locale), time: value.slice(11, 16) });
}

/** A stored date and time as the box shows it when not being typed in. */
export function dateTimeShown(value: string, locale: Locale): string {
  if (locale === 'en') return describeDateTimeInput(value) || value;
  return describeDateTimeInput(value) ? formatLongDateTime(value, locale) : value;
}
