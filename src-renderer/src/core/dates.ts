import type { Locale } from './i18n';
import { firstDay, lastDay } from './partial-date';

/**
 * Calendar arithmetic instead of parse-and-format: this runs for every record of an import (100,000 of
 * them), where a date library's parser was half of the validation time. Years 0001–9999, and no
 * dependence on the machine's time zone.
 */
function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return isCalendarDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

/** A local date and time `YYYY-MM-DDTHH:mm` that exists. */
export function isValidDateTime(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return false;
  if (!isCalendarDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)))) return false;
  return Number(value.slice(11, 13)) <= 23 && Number(value.slice(14, 16)) <= 59;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Four digits at least, as ISO dates and documents write years (0015, not 15). */
const year4 = (y: number) => String(y).padStart(4, '0');

/** The local calendar date of `now`, `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return `${year4(now.getFullYear())}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** The local date and time of `now` as a datetime-local box holds it, `YYYY-MM-DDTHH:mm`. */
export function nowLocalDateTime(now: Date = new Date()): string {
  return `${todayIso(now)}T${pad2(now.getHours())}:${pad2(now.getMinutes())}`;
}

// Spelled out rather than asked of Intl: Intl's English abbreviations and order differ by locale and
// ICU version (en-GB writes "1 Sept 2015", en-US "Sep 1, 2015"), and the app and its packs must read
// the same on every machine.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// French and Russian through Intl: their month names decline ("17 марта", "mars 2015") as a table of
// names could not, and both languages' forms are settled in CLDR. English keeps its spelled-out names.
// Dates are built and formatted in UTC, so the machine's time zone never moves a calendar date.
const intlCache = new Map<string, Intl.DateTimeFormat>();
function intl(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}${JSON.stringify(options)}`;
  let f = intlCache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    intlCache.set(id, f);
  }
  return f;
}
function utcDate(y: number, m: number, d: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date;
}
const LONG: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
const SHORT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
const MONTH_YEAR: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };

/** A date in French or Russian, in the style given; undefined when it is not a date this reads. */
function intlDate(isoDate: string, locale: Locale, style: Intl.DateTimeFormatOptions): string | undefined {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(isoDate) && !isoDate.startsWith('0000')) {
    return intl(locale, MONTH_YEAR).format(utcDate(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), 1));
  }
  if (/^\d{4}$/.test(isoDate) && isoDate !== '0000') return isoDate;
  const day = isoDate.slice(0, 10);
  const loose = /^(\d{1,4})-(\d{1,2})-(\d{1,2})\s*$/.exec(day);
  if (!loose) return undefined;
  const [y, m, d] = [Number(loose[1]), Number(loose[2]), Number(loose[3])];
  return isCalendarDate(y, m, d) ? intl(locale, style).format(utcDate(y, m, d)) : undefined;
}

/**
 * "lun. 7 déc." / "понедельник, 7 декабря 2026 г.": a day with its weekday, in French or Russian (the
 * English screens spell theirs through core/date-input.ts). Undefined for anything but a valid day.
 */
export function formatWeekdayDate(isoDate: string, locale: Locale, options: { weekday: 'short' | 'long'; year: boolean }): string | undefined {
  if (!isValidDate(isoDate)) return undefined;
  const style: Intl.DateTimeFormatOptions = { weekday: options.weekday, day: 'numeric', month: options.weekday === 'long' ? 'long' : 'short', timeZone: 'UTC', ...(options.year ? { year: 'numeric' } : {}) };
  return intl(locale, style).format(utcDate(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10))));
}

/** "17 Mar 2015, 09:05": a moment (a clock, a peer's last exchange) in the reader's local time. */
export function formatShortLocalDateTime(date: Date, locale: Locale = 'en'): string {
  if (locale !== 'en') {
    return `${intl(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(date)}, ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
  }
  const month = MONTHS[date.getMonth()]!.slice(0, 3);
  return `${date.getDate()} ${month} ${year4(date.getFullYear())}, ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

/**
 * "17 March 2015" — the date style of a diplomatic document. A valid `YYYY-MM-DD` (what the schemas
 * store) is spelled out straight from the string: a pack formats thousands of dates. A looser spelling
 * of a real date (`2015-3-7`, a short year, trailing spaces) is read too, as the date library used
 * before read it; anything else is left as it was.
 */
export function formatLongDate(isoDate: string, locale: Locale = 'en'): string {
  if (locale !== 'en') return intlDate(isoDate, locale, LONG) ?? isoDate;
  // Partial dates (core/partial-date.ts) read as the source said them: "May 2015", "2015".
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(isoDate) && !isoDate.startsWith('0000')) return `${MONTHS[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
  if (/^\d{4}$/.test(isoDate) && isoDate !== '0000') return isoDate;
  const day = isoDate.slice(0, 10);
  if (isValidDate(day)) return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
  const loose = /^(\d{1,4})-(\d{1,2})-(\d{1,2})\s*$/.exec(day);
  if (!loose) return isoDate;
  const [y, m, d] = [Number(loose[1]), Number(loose[2]), Number(loose[3])];
  return isCalendarDate(y, m, d) ? `${d} ${MONTHS[m - 1]} ${year4(y)}` : isoDate;
}

/** "17 Mar 2015" (or "May 2015", "2015" for a partial date): the same date for narrow table columns. */
export function formatShortDate(isoDate: string, locale: Locale = 'en'): string {
  if (locale !== 'en') return intlDate(isoDate, locale, SHORT) ?? isoDate;
  const long = formatLongDate(isoDate);
  if (long === isoDate) return long;
  return /^\d/.test(long) ? long.replace(/^(\d+ \S{3})\S* /, '$1 ') : long.replace(/^(\S{3})\S* /, '$1 ');
}

/** "17 March 2015, 10:00" */
export function formatLongDateTime(value: string, locale: Locale = 'en'): string {
  if (!isValidDateTime(value)) return formatLongDate(value, locale);
  return `${formatLongDate(value, locale)}, ${value.slice(11, 16)}`;
}

export type DueWindow = 'overdue' | 'next7' | 'later' | 'none';

/** The date `days` calendar days after a valid `YYYY-MM-DD`, capped at 9999-12-31. */
export function addDaysIso(iso: string, days: number): string {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are.
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days);
  return d.getUTCFullYear() > 9999 ? '9999-12-31' : d.toISOString().slice(0, 10);
}

let weekAfter = { today: '', end: '' };

/**
 * Which due window a follow-up falls in, counted in calendar days from `today` (YYYY-MM-DD).
 * Valid ISO dates sort as strings do, so this compares strings: the tracker asks it for 20,000 actions
 * on every filter change, where parsing two dates took about 30 µs a call. tests/unit/tracker.test.ts
 * checks it against a count of days since year 1.
 */
export function dueWindow(due: string, today: string): DueWindow {
  if (!due) return 'none';
  // A month or a year (core/partial-date.ts) is overdue once its last day has passed, and due soon once
  // its first day is within the week. `due` is a valid day in the common case, checked first.
  let first = due;
  let last = due;
  if (!isValidDate(due)) {
    first = firstDay(due);
    if (!first) return 'none';
    last = lastDay(due);
  }
  // An impossible `today` counts no days to anything: nothing is overdue or due soon.
  if (!isValidDate(today)) return 'later';
  if (last < today) return 'overdue';
  if (weekAfter.today !== today) weekAfter = { today, end: addDaysIso(today, 7) };
  return first <= weekAfter.end ? 'next7' : 'later';
}
