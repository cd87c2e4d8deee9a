/**
 * A date as an officer types it, read into a stored partial date (core/partial-date.ts) of the precision
 * the source gave: "17 May 2015", "17.05.2015", "17/05/2015" (day first, as in Europe and Central Asia),
 * "2015-05-17", "May 2015", "05/2015", "2015-05", "2015", "today", "tomorrow", "yesterday", "next Tue".
 * A date and time (a briefing's start) is a day followed by a time: parseDateTimeInput.
 *
 * Our own reader rather than chrono-node: chrono reads any sentence and guesses ("May" alone becomes a
 * day in May, "31 Feb" rolls over or vanishes silently), while a record needs exactly the precision typed
 * and a refusal that says what is wrong. The text is first split into tokens (numbers, words, separators)
 * and matched against a short list of shapes; issue 13's times ("10:00", "10.30 am") are one more token
 * kind and one more shape after the date, not a new parser.
 */
import { todayIso } from './dates';
import { datePrecision, type DatePrecision } from './partial-date';
import { messageOf } from './errors';
import { UserError } from './user-error';
import type { MessageKey } from './i18n';

export type DateReading = { ok: true; value: string; precision: DatePrecision | null } | { ok: false; error: string };
/** A reading whose refusal is a UserError (a message key and its values), for a screen to say in its language. */
export type DateIssueReading = { ok: true; value: string; precision: DatePrecision | null } | { ok: false; problem: UserError };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_NAMES = WEEKDAYS.map((d) => d[0]!.toUpperCase() + d.slice(1));

/** Lower case without accents ("févr" → "fevr"); "й" and "ё" are letters of their own in Russian and stay. */
const foldMonth = (w: string): string => w.replace(/[\p{Script=Latin}]+/gu, (latin) => latin.normalize('NFD').replace(/\p{M}/gu, ''));

/**
 * The months in French and Russian (Russian also as a date says them, "17 мая"): a date the app shows in
 * the interface's language ("17 mai 2015", "17 мая 2015 г.") reads back as typed. Months only: the
 * order stays day, month, year (or ISO), so a typed date is never ambiguous.
 */
const OTHER_MONTHS = [
  ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
];

/** "may" → 5, "sept" → 9, "sep." → 9, "févr." → 2, "мая" → 5; undefined for anything that is not (a prefix of 3+ letters of) a month. */
function monthOfWord(word: string): number | undefined {
  const w = foldMonth(word.replace(/\.$/, ''));
  if (w.length < 3) return undefined;
  for (const months of [MONTHS, ...OTHER_MONTHS]) {
    const i = months.findIndex((m) => m.startsWith(w));
    if (i >= 0) return i + 1;
  }
  return undefined;
}

function weekdayOfWord(word: string): number | undefined {
  const w = word.replace(/\.$/, '');
  if (w.length < 2) return undefined;
  const i = WEEKDAYS.findIndex((d) => d.startsWith(w));
  return i < 0 ? undefined : i;
}

function daysIn(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** 0 = Sunday, for a real day (proleptic Gregorian, any year 1–9999). */
function weekdayOf(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCDay();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function shiftDays(iso: string, days: number): string {
  const d = new Date(0);
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

type Reading = DateIssueReading;
const HELP: MessageKey = 'error.date.help';
const DATETIME_HELP: MessageKey = 'error.dateTime.help';
/** A refusal: what is wrong, and (`help`) the sentence saying what can be typed after it. */
const fail = (key: MessageKey, values: Record<string, string | number> = {}, help?: MessageKey): Reading => ({
  ok: false,
  problem: new UserError(key, values, help ? { then: help } : undefined),
});
/** A day's parts as message values: the month by number (each language names it), the year as written. */
const dayValues = (y: number, m: number, d: number) => ({ day: d, month: String(m), year: String(y) });

function year(y: string): number | Reading {
  if (y.length === 2) return fail('error.date.yearShort', { yy: y });
  if (y.length !== 4 || y === '0000') return fail('error.date.notYear', { text: y });
  return Number(y);
}

function month(y: number, m: number, monthText: string): string | Reading {
  if (m < 1 || m > 12) return fail('error.date.noMonth', { month: monthText });
  return `${pad(y, 4)}-${pad(m)}`;
}

function day(y: number, m: number, d: number, weekday?: number): Reading {
  if (m < 1 || m > 12) return fail('error.date.noMonth', { month: String(m) });
  const days = daysIn(y, m);
  if (d < 1 || d > days) return fail('error.date.noDay', { ...dayValues(y, m, d), days });
  if (weekday !== undefined && weekdayOf(y, m, d) !== weekday) {
    return fail('error.date.wrongWeekday', { ...dayValues(y, m, d), actual: String(weekdayOf(y, m, d)), typed: String(weekday) });
  }
  return { ok: true, value: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, precision: 'day' };
}

type Token = { kind: 'num'; text: string } | { kind: 'word'; text: string } | { kind: 'sep'; text: string };

/** Numbers, words (ordinal suffixes dropped: "17th" is 17) and the separators between them. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.toLowerCase().matchAll(/(\d+)(?:st|nd|rd|th|er)?|(\p{L}+\.?)|([./-])|[\s,]+/gu)) {
    if (m[1] !== undefined) out.push({ kind: 'num', text: m[1] });
    // Russian writes a word after the year ("2015 г.", "2015 года"): it adds nothing to the date.
    else if (m[2] !== undefined && /^(г\.?|года?)$/u.test(m[2])) continue;
    else if (m[2] !== undefined) out.push({ kind: 'word', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'sep', text: m[3] });
  }
  return out;
}

/**
 * Read what was typed; a refusal is said in the window's language (English in the CLI and tests: core/errors.ts
 * messageOf). `today` (`YYYY-MM-DD`) resolves "today", "tomorrow", "yesterday" and a day or
 * month typed without its year ("17 May" is this year's). Empty text means "no date" (`value: ''`).
 */
export function parseDateInput(text: string, today: string = todayIso()): DateReading {
  const r = readDateInput(text, today);
  return r.ok ? r : { ok: false, error: messageOf(r.problem) };
}

/** parseDateInput with its refusal as a UserError, for a screen to show in the interface's language (messageOf). */
export function readDateInput(text: string, today: string = todayIso()): DateIssueReading {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, value: '', precision: null };
  // Anything but letters, digits, spaces and . , / - is not part of a date we read (a time comes with issue 13).
  if (/[^\p{L}\d\s.,/-]/u.test(trimmed)) return fail(HELP);
  const tokens = tokenize(trimmed);
  const relative: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };
  if (tokens.length === 1 && tokens[0]!.kind === 'word' && tokens[0]!.text in relative) {
    return { ok: true, value: shiftDays(today, relative[tokens[0]!.text]!), precision: 'day' };
  }
  // "next Tue": the first such day after today (a week on when today is one).
  const [word0, word1] = tokens;
  if (tokens.length === 2 && word0?.text === 'next' && word1?.kind === 'word') {
    const wd = weekdayOfWord(word1.text);
    if (wd === undefined) return fail('error.date.notWeekday', { word: word1.text });
    const from = weekdayOf(Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10)));
    return { ok: true, value: shiftDays(today, ((wd - from + 6) % 7) + 1), precision: 'day' };
  }

  // A leading weekday ("Sun 17 May 2015", as the reading is echoed back) is checked against the date.
  let weekday: number | undefined;
  const first = tokens[0];
  if (first?.kind === 'word' && monthOfWord(first.text) === undefined) {
    weekday = weekdayOfWord(first.text);
    if (weekday === undefined) return fail('error.date.notMonthOrWeekday', { word: first.text }, HELP);
    tokens.shift();
  }

  const words = tokens.filter((t) => t.kind === 'word');
  const nums = tokens.filter((t) => t.kind === 'num').map((t) => t.text);
  const seps = [...new Set(tokens.filter((t) => t.kind === 'sep').map((t) => t.text))];
  const thisYear = Number(today.slice(0, 4));

  if (words.length > 1) return fail(HELP);
  if (words.length === 1) {
    // A month by name: "17 May 2015", "May 17, 2015", "May 2015", "17 May", "May".
    const m = monthOfWord(words[0]!.text);
    if (m === undefined) return fail('error.date.notMonth', { word: words[0]!.text }, HELP);
    if (nums.length > 2 || seps.some((s) => s !== '.')) return fail(HELP);
    // With two numbers the year is the long one (or the last); with one, a long number is a year, a short one a day.
    const yearText = nums.length === 2 ? (nums.find((n) => n.length > 2) ?? nums[1]!) : nums[0] && nums[0].length > 2 ? nums[0] : undefined;
    const dayText = nums.length === 2 ? nums[nums.indexOf(yearText!) === 0 ? 1 : 0]! : nums[0] && nums[0].length <= 2 ? nums[0] : undefined;
    let y = thisYear;
    if (yearText !== undefined) {
      const yy = year(yearText);
      if (typeof yy !== 'number') return yy;
      y = yy;
    }
    if (dayText === undefined) {
      if (weekday !== undefined) return fail('error.date.weekdayNeedsDay', {}, HELP);
      const v = month(y, m, String(m));
      return typeof v === 'string' ? { ok: true, value: v, precision: 'month' } : v;
    }
    return day(y, m, Number(dayText), weekday);
  }

  // Numbers only.
  if (seps.length > 1) return fail('error.date.oneSeparator', {}, HELP);
  const sep = seps[0];
  if (nums.length === 1 && !sep) {
    const n = nums[0]!;
    if (n.length === 8) {
      // 20150517 (ISO's basic form) when it reads as one, else day first: 17052015.
      const isoMonth = Number(n.slice(4, 6));
      if (n[0] !== '0' && isoMonth >= 1 && isoMonth <= 12) return day(Number(n.slice(0, 4)), isoMonth, Number(n.slice(6, 8)), weekday);
      return day(Number(n.slice(4, 8)), Number(n.slice(2, 4)), Number(n.slice(0, 2)), weekday);
    }
    const yy = year(n);
    if (typeof yy !== 'number') return yy;
    if (weekday !== undefined) return fail('error.date.weekdayNeedsDay', {}, HELP);
    return { ok: true, value: pad(yy, 4), precision: 'year' };
  }
  if (!sep) return fail(HELP);
  if (nums.length === 3) {
    const [a, b, c] = nums as [string, string, string];
    // Year first only in the ISO order (2015-05-17, also 2015/05/17); otherwise day first.
    if (a.length === 4) return day(Number(a), Number(b), Number(c), weekday);
    if (a.length > 2 || b.length > 2) return fail(HELP);
    const yy = year(c);
    if (typeof yy !== 'number') return yy;
    return day(yy, Number(b), Number(a), weekday);
  }
  if (nums.length === 2) {
    const [a, b] = nums as [string, string];
    if (weekday !== undefined) return fail('error.date.weekdayNeedsDay', {}, HELP);
    // 2015-05 (ISO) or 05/2015, 5.2015 (month first, the year after).
    const [yText, mText] = a.length === 4 ? [a, b] : b.length === 4 ? [b, a] : [undefined, undefined];
    if (yText === undefined || mText === undefined || mText.length > 2) {
      // "17.05" — a day and a month of this year.
      if (a.length <= 2 && b.length <= 2 && sep !== '-') return day(thisYear, Number(b), Number(a));
      return fail(HELP);
    }
    const yy = year(yText);
    if (typeof yy !== 'number') return yy;
    const v = month(yy, Number(mText), mText.replace(/^0+(?=\d)/, ''));
    return typeof v === 'string' ? { ok: true, value: v, precision: 'month' } : v;
  }
  return fail(HELP);
}

/**
 * The one reading of a stored partial date, spelled so nobody can misread it: "Sun 17 May 2015",
 * "May 2015 (month)", "2015 (year)"; '' for no date.
 */
export function describeDateInput(value: string): string {
  switch (datePrecision(value)) {
    case 'day': {
      const [y, m, d] = [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
      return `${WEEKDAY_NAMES[weekdayOf(y, m, d)]!.slice(0, 3)} ${d} ${MONTH_NAMES[m - 1]} ${value.slice(0, 4)}`;
    }
    case 'month':
      return `${MONTH_NAMES[Number(value.slice(5, 7)) - 1]} ${value.slice(0, 4)} (month)`;
    case 'year':
      return `${value} (year)`;
    default:
      return '';
  }
}

export type DateTimeReading = { ok: true; value: string } | { ok: false; error: string };
/** A date-and-time reading whose refusal is a UserError (a message key and its values). */
export type DateTimeIssueReading = { ok: true; value: string } | { ok: false; problem: UserError };


/**
 * A time at the end of the text: "10:00", "9:30", "10h30", "10:30 pm", "3 pm", "10.30 am" (a dot only
 * with am/pm: "17.05" alone is a day). Returns the text before it and the time, or undefined for none.
 */
function splitTime(text: string): { rest: string; hours: number; minutes: number; ampm?: 'am' | 'pm' } | undefined {
  const m = /(?:^|[\s,]+|(?<=\d)t)(\d{1,2})(?:([:h.])(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?$/i.exec(text);
  if (!m || m[1] === undefined) return undefined;
  const [sep, minutes, ampm] = [m[2], m[3], m[4]?.toLowerCase().replace(/\./g, '')];
  if (!ampm && sep !== ':' && sep !== 'h') return undefined;
  if (sep === '.' && !ampm) return undefined;
  return {
    // "17 May 2015 at 10:00", "Tue 17 March 2015, 10:00" (the echo read back).
    rest: text.slice(0, m.index).replace(/[\s,]+(at|@)$/i, '').replace(/[\s,]+$/, ''),
    hours: Number(m[1]),
    minutes: minutes === undefined ? 0 : Number(minutes),
    ...(ampm === 'am' || ampm === 'pm' ? { ampm } : {}),
  };
}

/**
 * A date and time as typed, read into the stored `YYYY-MM-DDTHH:mm` (local wall time): "17 Mar 2015 10:00",
 * "17.03.2015 10:00", "2015-03-17 10:00" (or "2015-03-17T10:00"), "today 15:00", "tomorrow 15:00",
 * "next Tue 10:00", "10:00" (today), "3 pm". The day is read as parseDateInput reads it and must be a day
 * (not a month or a year); a day without a time is refused rather than given a guessed hour.
 */
export function parseDateTimeInput(text: string, today: string = todayIso()): DateTimeReading {
  const r = readDateTimeInput(text, today);
  return r.ok ? r : { ok: false, error: messageOf(r.problem) };
}

/** A day's refusal said for a date and time: its help sentence becomes the date-and-time one. */
function asDateTime(problem: UserError): DateTimeIssueReading {
  if (problem.key === HELP) return { ok: false, problem: new UserError(DATETIME_HELP) };
  return { ok: false, problem: problem.then === HELP ? new UserError(problem.key, problem.values, { then: DATETIME_HELP }) : problem };
}

/** parseDateTimeInput with its refusal as a UserError, for a screen to show in the interface's language. */
export function readDateTimeInput(text: string, today: string = todayIso()): DateTimeIssueReading {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: new UserError('error.dateTime.needed', {}, { then: DATETIME_HELP }) };
  const time = splitTime(trimmed);
  if (!time) {
    const day = readDateInput(trimmed, today);
    if (day.ok && day.precision === 'day') {
      const [y, m, d] = [Number(day.value.slice(0, 4)), Number(day.value.slice(5, 7)), Number(day.value.slice(8, 10))];
      return { ok: false, problem: new UserError('error.dateTime.addTime', { ...dayValues(y, m, d), year: day.value.slice(0, 4), weekday: String(weekdayOf(y, m, d)) }) };
    }
    return day.ok ? { ok: false, problem: new UserError(DATETIME_HELP) } : asDateTime(day.problem);
  }
  let { hours } = time;
  if (time.ampm) {
    if (hours < 1 || hours > 12) return { ok: false, problem: new UserError('error.dateTime.ampm', { hours: String(hours), ampm: time.ampm }) };
    hours = (hours % 12) + (time.ampm === 'pm' ? 12 : 0);
  }
  if (hours > 23 || time.minutes > 59) return { ok: false, problem: new UserError('error.dateTime.notTime', { hours: String(time.hours), minutes: pad(time.minutes) }) };
  let date = today;
  if (time.rest) {
    const day = readDateInput(time.rest, today);
    if (!day.ok) return asDateTime(day.problem);
    if (day.precision !== 'day') {
      const values = { precision: day.precision ?? 'year', month: day.precision === 'month' ? String(Number(day.value.slice(5, 7))) : '', year: day.value.slice(0, 4) };
      return { ok: false, problem: new UserError('error.dateTime.needsDay', values, { then: DATETIME_HELP }) };
    }
    date = day.value;
  }
  return { ok: true, value: `${date}T${pad(hours)}:${pad(time.minutes)}` };
}

/** "Tue 17 March 2015, 10:00": the one reading of a stored date and time; '' when it is not one. */
export function describeDateTimeInput(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m || datePrecision(m[1]!) !== 'day' || Number(m[2]) > 23 || Number(m[3]) > 59) return '';
  return `${describeDateInput(m[1]!)}, ${m[2]}:${m[3]}`;
}
