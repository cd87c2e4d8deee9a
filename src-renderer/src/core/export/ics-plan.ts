/**
 * What a calendar export holds and leaves out (core/export/ics.ts writes it): kept apart from the writer so
 * the registry can tell the user what was left out without loading the calendar library.
 */
import type { ActionItem } from '../document/briefing';
import { documentBriefingName } from '../document/briefing';
import { translate, type Locale } from '../i18n';
import { datePrecision } from '../partial-date';
import type { ExportInput, TrackerItem } from './formats';

/** What the calendar holds of the selection, and what it leaves out (for the notes shown after export). */
export interface CalendarPlan {
  events: TrackerItem[];
  todos: TrackerItem[];
  /** Known only to the month or the year. */
  vague: TrackerItem[];
  undated: TrackerItem[];
}

/** The selection's follow-ups and events: the tracker's rows, or every one of the chosen briefings. */
export function calendarItems(input: ExportInput): TrackerItem[] {
  if (input.scope === 'tracker') return [...input.items];
  return input.briefings.flatMap((d) => {
    const briefing = { id: d.id, title: d.header.title, startsAt: d.header.startsAt, name: documentBriefingName(d.header, input.locale) };
    return [...d.events, ...d.followUps].map((a: ActionItem) => ({ ...a, briefing }));
  });
}

/**
 * The briefings of the selection above the lowest level, by id, with their banner. A calendar is often an
 * unclassified system (Exchange, a phone): entries from such a briefing are marked CLASS:CONFIDENTIAL in the
 * file, and the notes say so. The tracker's rows carry no level, so only a briefing's export knows this.
 */
export function classifiedBriefings(input: ExportInput): Map<string, string> {
  return new Map(input.briefings.filter((d) => d.header.classification.rank > 0).map((d) => [d.id, d.header.classification.banner]));
}

export function planCalendar(items: readonly TrackerItem[]): CalendarPlan {
  const plan: CalendarPlan = { events: [], todos: [], vague: [], undated: [] };
  for (const a of items) {
    const precision = datePrecision(a.due);
    if (precision === 'day') (a.kind === 'event' ? plan.events : plan.todos).push(a);
    else if (precision) plan.vague.push(a);
    else plan.undated.push(a);
  }
  return plan;
}

const quote = (locale: Locale, s: string): string => translate(locale, 'doc.quote', { text: s.length > 80 ? `${s.slice(0, 79)}…` : s });

/** What the user should know about the file: what it left out and why, in the export's language. [] when everything went in. */
export function calendarNotes(input: ExportInput): string[] {
  const locale = input.locale ?? 'en';
  const items = calendarItems(input);
  const plan = planCalendar(items);
  const notes: string[] = [];
  const classified = classifiedBriefings(input);
  const banners = [...new Set([...plan.events, ...plan.todos].flatMap((a) => (a.briefing && classified.has(a.briefing.id) ? [classified.get(a.briefing.id)!] : [])))];
  if (banners.length) {
    notes.push(translate(locale, 'doc.ics.note.classified', { banners: banners.join(', ') }));
  }
  for (const a of plan.vague) notes.push(translate(locale, 'doc.ics.note.vague', { title: quote(locale, a.title), date: a.dueText || a.due }));
  if (plan.undated.length === 1) notes.push(translate(locale, 'doc.ics.note.undatedOne', { title: quote(locale, plan.undated[0]!.title) }));
  else if (plan.undated.length > 1) notes.push(translate(locale, 'doc.ics.note.undatedMany', { count: plan.undated.length }));
  return notes;
}
