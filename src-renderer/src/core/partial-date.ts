/**
 * Dates as precise as the source: an announcement often says only "in May" or "next year". A partial date
 * is stored as the ISO prefix it knows — `2015-05-27` (a day), `2015-05` (a month), `2015` (a year) — so it
 * stays readable in files and sorts as text in calendar order (a month sorts before the days in it).
 */
export type DatePrecision = 'day' | 'month' | 'year';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/** The precision of a stored partial date, or undefined when it is not one (including ''). */
export function datePrecision(value: string): DatePrecision | undefined {
  if (value.length === 10) {
    if (!DAY.test(value) || value.startsWith('0000')) return undefined;
    return Number(value.slice(8, 10)) <= daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7))) ? 'day' : undefined;
  }
  if (value.length === 7) return MONTH.test(value) && !value.startsWith('0000') ? 'month' : undefined;
  if (value.length === 4) return YEAR.test(value) && value !== '0000' ? 'year' : undefined;
  return undefined;
}

/** A stored partial date: a real day, a month of a year, or a year (years 0001–9999). */
export function isPartialDate(value: string): boolean {
  return datePrecision(value) !== undefined;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The first day the partial date covers, `YYYY-MM-DD`. */
export function firstDay(value: string): string {
  switch (datePrecision(value)) {
    case 'day':
      return value;
    case 'month':
      return `${value}-01`;
    case 'year':
      return `${value}-01-01`;
    default:
      return '';
  }
}

/** The last day the partial date covers, `YYYY-MM-DD`: a month-precision date is overdue once this has passed. */
export function lastDay(value: string): string {
  switch (datePrecision(value)) {
    case 'day':
      return value;
    case 'month': {
      const days = daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)));
      return `${value}-${String(days)}`;
    }
    case 'year':
      return `${value}-12-31`;
    default:
      return '';
  }
}

/** Whether a partial date covers the day `iso` (`YYYY-MM-DD`). */
export function covers(value: string, iso: string): boolean {
  const first = firstDay(value);
  return first !== '' && first <= iso && iso <= lastDay(value);
}
