/**
 * Once a day, a system notification of the follow-ups due (and events taking place) today, while the app is
 * open: checked shortly after start and then every half hour, so a day that begins with the app already
 * open gets its reminder too. Which follow-ups and what it says is core/reminders.ts; whether it is switched
 * on and when it last went out is data/reminders.ts; showing it is the platform's.
 */
import { todayIso } from '../../core/dates';
import { reminderDue, reminderText } from '../../core/reminders';
import { readDueToday, readReminderSettings, writeReminderSettings } from '../../data/reminders';
import type { Workspace } from '../../data/workspace';
import { platform } from '../../platform';
import { locale } from './locale.svelte';

const FIRST_CHECK_AFTER_MS = 5_000;
const CHECK_EVERY_MS = 30 * 60 * 1000;

/** Shows today's reminder if it is due; resolves to whether a notification went out. */
export async function remindOfDueToday(ws: Workspace, now = new Date()): Promise<boolean> {
  const today = todayIso(now);
  const settings = await readReminderSettings(ws.db);
  if (!reminderDue({ enabled: settings.enabled, lastShownOn: settings.lastShownOn, today })) return false;
  const text = reminderText(await readDueToday(ws.db, today), locale.current);
  // Nothing due yet: look again later today, a follow-up may be given today's date meanwhile.
  if (!text) return false;
  const shown = await platform().notify(text);
  if (shown) await writeReminderSettings(ws.db, { lastShownOn: today });
  return shown;
}

/** Starts the daily check; returns the function that stops it. */
export function startDueReminders(ws: Workspace): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    try {
      await remindOfDueToday(ws);
    } catch (error) {
      // A reminder that cannot be shown is not worth interrupting the user's work for.
      console.warn('The reminder of follow-ups due today could not be shown', error);
    }
    timer = setTimeout(() => void run(), CHECK_EVERY_MS);
  };
  timer = setTimeout(() => void run(), FIRST_CHECK_AFTER_MS);
  return () => clearTimeout(timer);
}
