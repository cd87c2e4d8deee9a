/**
 * Calendar (.ics, RFC 5545) of a briefing's follow-ups or of the tracker's current filter, written with
 * ical.js (Mozilla's iCalendar library, as Thunderbird uses; it escapes text and folds lines by UTF-8 octets).
 * `ics` and `ical-generator`, the usual writers, make events only; a follow-up is a task, and RFC 5545 has
 * the VTODO for it.
 *
 * What goes in, decided with the model:
 * - an event (announced conference, meeting) with a day → a VEVENT on that day (all day: the briefing
 *   recorded the day, rarely the hour);
 * - a task with a due day → a VTODO with DUE;
 * - a date known only to the month or the year ("in May 2015") → left out, and named in the export's notes:
 *   a calendar would pin it to the 1st, a day nobody announced;
 * - no date → left out, and counted in the notes;
 * - the briefing itself → left out: the officer attended it, so it is in their calendar already, and a
 *   second entry would be a duplicate.
 * The record's id is the UID, so importing a later export updates an entry instead of adding another.
 * An entry from a briefing above the lowest level is marked CLASS:CONFIDENTIAL (core/export/ics-plan.ts).
 * Pure: no Dexie, DOM or Electron; the clock (DTSTAMP) is a parameter for tests.
 */
import ICAL from 'ical.js';
import { translate, type Locale } from '../i18n';
import { cleanText } from './export-text';
import { exportError } from './export-error';
import type { ExportInput, TrackerItem } from './formats';
import { calendarItems, classifiedBriefings, planCalendar } from './ics-plan';

export { calendarNotes } from './ics-plan';

/** RFC 5545 statuses: a VTODO's and a VEVENT's own vocabularies. */
const TODO_STATUS = { open: 'NEEDS-ACTION', 'in-progress': 'IN-PROCESS', done: 'COMPLETED', dropped: 'CANCELLED' } as const;
const EVENT_STATUS = { open: 'CONFIRMED', 'in-progress': 'CONFIRMED', done: 'CONFIRMED', dropped: 'CANCELLED' } as const;

/** A one-line property text (SUMMARY, LOCATION): line breaks become spaces. The library escapes , ; \ and newlines. */
const line = (s: string): string => cleanText(s).replace(/\s+/g, ' ').trim();

function description(a: TrackerItem, locale: Locale): string {
  const parts = [
    a.notes.trim() ? cleanText(a.notes).trim() : '',
    a.owner.trim() ? translate(locale, 'doc.ics.owner', { owner: line(a.owner) }) : '',
    a.briefing ? translate(locale, 'doc.ics.from', { briefing: line(a.briefing.name) }) : '',
    a.held ? line(a.held.text) : '',
  ];
  return parts.filter(Boolean).join('\n');
}

function component(a: TrackerItem, stamp: ICAL.Time, confidential: boolean, locale: Locale): ICAL.Component {
  const c = new ICAL.Component(a.kind === 'event' ? 'vevent' : 'vtodo');
  c.updatePropertyWithValue('uid', a.id);
  c.updatePropertyWithValue('dtstamp', stamp);
  // RFC 5545 access classification: calendar clients hide a confidential entry's details when the calendar is shared.
  if (confidential) c.updatePropertyWithValue('class', 'CONFIDENTIAL');
  const day = ICAL.Time.fromDateString(a.due);
  if (a.kind === 'event') {
    c.updatePropertyWithValue('dtstart', day);
    // An all-day event ends (exclusively) the next day.
    const end = day.clone();
    end.adjust(1, 0, 0, 0);
    c.updatePropertyWithValue('dtend', end);
    c.updatePropertyWithValue('status', EVENT_STATUS[a.status]);
    c.updatePropertyWithValue('transp', 'TRANSPARENT');
  } else {
    c.updatePropertyWithValue('due', day);
    c.updatePropertyWithValue('status', TODO_STATUS[a.status]);
  }
  c.updatePropertyWithValue('summary', line(a.title));
  if (a.place.trim()) c.updatePropertyWithValue('location', line(a.place));
  const text = description(a, locale);
  if (text) c.updatePropertyWithValue('description', text);
  const tags = a.tags.map(line).filter(Boolean);
  if (tags.length) {
    const categories = new ICAL.Property('categories', c);
    categories.setValues(tags);
    c.addProperty(categories);
  }
  return c;
}

/** The calendar as text, CRLF line ends and folded lines as RFC 5545 wants. Refuses a selection with nothing dated to the day. */
export function calendarText(items: readonly TrackerItem[], now: Date = new Date(), classified: ReadonlyMap<string, string> = new Map(), locale: Locale = 'en'): string {
  const plan = planCalendar(items);
  if (!plan.events.length && !plan.todos.length) {
    throw exportError(items.length ? 'doc.error.calendarNoDay' : 'doc.error.calendarNone');
  }
  const cal = new ICAL.Component('vcalendar');
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('prodid', '-//Attaché//Briefing export//EN');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('method', 'PUBLISH');
  const stamp = ICAL.Time.fromJSDate(now, true);
  for (const a of [...plan.events, ...plan.todos]) cal.addSubcomponent(component(a, stamp, !!a.briefing && classified.has(a.briefing.id), locale));
  return `${cal.toString()}\r\n`;
}

/** The registry's calendar writer (UTF-8). */
export function writeIcs(input: ExportInput, now: Date = new Date()): Uint8Array {
  return new TextEncoder().encode(calendarText(calendarItems(input), now, classifiedBriefings(input), input.locale ?? 'en'));
}
