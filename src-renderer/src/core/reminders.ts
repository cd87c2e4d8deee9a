/**
 * The once-a-day reminder of follow-ups due today: which follow-ups it names and what it says. Pure, so the
 * app (an OS notification in the desktop app, a web notification in the browser) and the tests share it.
 */
import { translate, type Locale } from './i18n';
import type { ActionFields } from './model';

export type RemindedAction = Pick<ActionFields, 'title' | 'kind' | 'due' | 'status'> & { id: string; deleted?: 0 | 1 | boolean };

/** How many titles the notification spells out; the rest are counted. OS notifications show a few lines. */
const TITLES_SHOWN = 3;

/** Open or in-progress tasks due today and events taking place today, by title. */
export function dueToday<A extends RemindedAction>(actions: Iterable<A>, today: string): A[] {
  const due: A[] = [];
  for (const a of actions) {
    if (a.deleted || a.due !== today) continue;
    if (a.status === 'open' || a.status === 'in-progress') due.push(a);
  }
  return due.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

export interface ReminderText {
  title: string;
  body: string;
}

/** The notification's words, or null when nothing is due (no notification at all). */
export function reminderText(due: readonly RemindedAction[], locale: Locale = 'en'): ReminderText | null {
  if (due.length === 0) return null;
  const tasks = due.filter((a) => a.kind === 'task').length;
  const events = due.length - tasks;
  const lines = due.slice(0, TITLES_SHOWN).map((a) => `• ${a.title}`);
  if (due.length > TITLES_SHOWN) lines.push(translate(locale, 'shell.reminder.more', { count: due.length - TITLES_SHOWN }));
  const title = translate(locale, tasks && events ? 'shell.reminder.both' : tasks ? 'shell.reminder.tasks' : 'shell.reminder.events', { tasks, events });
  return { title, body: lines.join('\n') };
}

/** Whether today's reminder is still to be shown: once a day, and only when switched on. */
export function reminderDue(options: { enabled: boolean; lastShownOn: string | undefined; today: string }): boolean {
  return options.enabled && options.lastShownOn !== options.today;
}
