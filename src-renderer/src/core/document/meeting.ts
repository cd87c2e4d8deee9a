/**
 * The hour in the room: whether a briefing is under way now (it then opens in meeting mode), and the
 * clock and elapsed time the meeting screen shows. A briefing's `startsAt` is local wall time
 * (`YYYY-MM-DDTHH:mm`, no zone), so it is read as the machine's local time. Pure: no DOM.
 */
import { isValidDateTime } from '../dates';

/** How long before its start a briefing counts as under way (the officer arrives early), and how long after. */
export const SLOT_BEFORE_MINUTES = 30;
export const SLOT_AFTER_MINUTES = 180;

/** The moment a local `YYYY-MM-DDTHH:mm` names, or undefined when it is not one (a bare date has no hour). */
export function localMoment(startsAt: string): Date | undefined {
  if (!isValidDateTime(startsAt)) return undefined;
  const [y, m, d, h, mi] = [startsAt.slice(0, 4), startsAt.slice(5, 7), startsAt.slice(8, 10), startsAt.slice(11, 13), startsAt.slice(14, 16)].map(Number);
  const date = new Date(0);
  date.setFullYear(y!, m! - 1, d);
  date.setHours(h!, mi, 0, 0);
  return date;
}

/** Whether `now` falls in the briefing's own time slot: from half an hour before its start to three hours after. */
export function isDuringBriefing(startsAt: string, now: Date): boolean {
  const start = localMoment(startsAt);
  if (!start) return false;
  const minutes = (now.getTime() - start.getTime()) / 60_000;
  return minutes >= -SLOT_BEFORE_MINUTES && minutes <= SLOT_AFTER_MINUTES;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "10:42": the wall clock. */
export function clockText(now: Date): string {
  return `${pad2(now.getHours())}:${pad2(now.getMinutes())}`;
}

/**
 * "0:42 elapsed", "starts in 12 min", or '' when the start is unknown or more than a day away either way
 * (an old briefing reopened in meeting mode has no meaningful elapsed time).
 */
export function elapsedText(startsAt: string, now: Date): string {
  const start = localMoment(startsAt);
  if (!start) return '';
  const minutes = Math.floor((now.getTime() - start.getTime()) / 60_000);
  if (minutes < -24 * 60 || minutes > 24 * 60) return '';
  if (minutes < 0) return `starts in ${-minutes} min`;
  return `${Math.floor(minutes / 60)}:${pad2(minutes % 60)} elapsed`;
}
