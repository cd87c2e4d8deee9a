/**
 * The daily reminder's local state (switched on or off, the day it last went out) and the follow-ups it
 * reads. Kept in this installation's meta store: never synced, a colleague's reminders are not ours.
 */
import { dueToday, type RemindedAction } from '../core/reminders';
import type { AttacheDb } from './db';

const SETTINGS_KEY = 'dueReminders';

export interface ReminderSettings {
  enabled: boolean;
  /** `YYYY-MM-DD` of the last reminder shown, so it goes out once a day however often the app starts. */
  lastShownOn?: string;
}

export async function readReminderSettings(db: AttacheDb): Promise<ReminderSettings> {
  const value = (await db.meta.get(SETTINGS_KEY))?.value as Partial<ReminderSettings> | undefined;
  // On unless switched off: a reminder of what is due is what a desk officer expects of a tracker.
  return { enabled: value?.enabled ?? true, lastShownOn: typeof value?.lastShownOn === 'string' ? value.lastShownOn : undefined };
}

export async function writeReminderSettings(db: AttacheDb, change: Partial<ReminderSettings>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await readReminderSettings(db);
    await db.meta.put({ key: SETTINGS_KEY, value: { ...current, ...change } });
  });
}

/** Follow-ups due today, read through the status index (open work only, never the whole archive). */
export async function readDueToday(db: AttacheDb, today: string): Promise<RemindedAction[]> {
  // Today's follow-ups by the due-date index, not every open one: at ten years' size the open follow-ups are
  // over a hundred thousand records, and reading them was a third of a second of the UI thread's time.
  const due = await db.actions.where('due').equals(today).toArray();
  return dueToday(due, today);
}
