import { isValid, parse, format, differenceInCalendarDays } from 'date-fns';

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) && format(d, 'yyyy-MM-dd') === value;
}

/** A local date and time `YYYY-MM-DDTHH:mm` that exists. */
export function isValidDateTime(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return false;
  const d = parse(value, "yyyy-MM-dd'T'HH:mm", new Date(2000, 0, 1));
  return isValid(d) && format(d, "yyyy-MM-dd'T'HH:mm") === value;
}

export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

export function nowLocalDateTime(now: Date = new Date()): string {
  return format(now, "yyyy-MM-dd'T'HH:mm");
}

/** "17 March 2015" — the date style of a diplomatic document. */
export function formatLongDate(isoDate: string): string {
  const d = parse(isoDate.slice(0, 10), 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) ? format(d, 'd MMMM yyyy') : isoDate;
}

/** "17 March 2015, 10:00" */
export function formatLongDateTime(value: string): string {
  if (!isValidDateTime(value)) return formatLongDate(value);
  return `${formatLongDate(value)}, ${value.slice(11, 16)}`;
}

export type DueWindow = 'overdue' | 'next7' | 'later' | 'none';

/** Which due window a follow-up falls in, counted in calendar days from `today` (YYYY-MM-DD). */
export function dueWindow(due: string, today: string): DueWindow {
  if (!due || !isValidDate(due)) return 'none';
  const days = differenceInCalendarDays(parse(due, 'yyyy-MM-dd', new Date()), parse(today, 'yyyy-MM-dd', new Date()));
  if (days < 0) return 'overdue';
  if (days <= 7) return 'next7';
  return 'later';
}
