/**
 * Which automatic backups to keep. Pure (no file system, no Electron), so it is tested on its own.
 *
 * Kept: the newest backup of each calendar day (UTC) for the 7 most recent days that have backups, then the
 * newest of each ISO week (UTC) for the 4 most recent weeks with backups before those days. The newest
 * backup is always kept, and so is any backup stamped after `now` (the clock was set back: we cannot tell
 * where it belongs, and it must not push the real recent days out of their places).
 */

export const DAILY_KEPT = 7;
export const WEEKLY_KEPT = 4;

const DAY_MS = 24 * 60 * 60 * 1000;

function dayKey(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** The ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday) as `year * 100 + week`. */
export function isoWeekKey(ms: number): number {
  const date = new Date(dayKey(ms) * DAY_MS);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return year * 100 + week;
}

/** The stamps (milliseconds since 1970) of the backups to keep; every other one may be deleted. */
export function chooseBackupsToKeep(stamps: readonly number[], now: number, daily = DAILY_KEPT, weekly = WEEKLY_KEPT): Set<number> {
  const sorted = [...new Set(stamps)].sort((a, b) => b - a);
  const keep = new Set(sorted.filter((s) => s > now));
  const past = sorted.filter((s) => s <= now);
  if (past.length > 0) keep.add(past[0]!);

  const days = new Set<number>();
  let i = 0;
  for (; i < past.length; i++) {
    const day = dayKey(past[i]!);
    if (days.has(day)) continue;
    if (days.size === daily) break;
    days.add(day);
    keep.add(past[i]!);
  }

  const weeks = new Set<number>();
  for (; i < past.length && weeks.size < weekly; i++) {
    const week = isoWeekKey(past[i]!);
    if (weeks.has(week)) continue;
    weeks.add(week);
    keep.add(past[i]!);
  }
  return keep;
}
