/**
 * How far ahead of this computer's clock an imported edit may be dated before it is refused (default 24 hours).
 * A local preference of this installation, kept in its meta store and never synced: it guards this
 * installation's own clock, so a colleague's file must not be able to widen it (a file that set it to ten years
 * would let its own future edits through).
 */
import { DEFAULT_MAX_DRIFT_MS, DRIFT_HOURS_MAX, DRIFT_HOURS_MIN } from '../core/sync/clock-bounds';
import { UserError } from '../core/errors';
import { translate, type Locale } from '../core/i18n';
import type { AttacheDb } from './db';

const DRIFT_KEY = 'maxClockDriftHours';
const HOUR = 3_600_000;

/** What is wrong with a number of hours for the setting, if anything. */
export function driftHoursProblem(hours: number, locale: Locale = 'en'): string | undefined {
  const issue = driftHoursIssue(hours);
  return issue && translate(locale, issue.key, issue.values);
}

/** driftHoursProblem as a UserError. */
export function driftHoursIssue(hours: number): UserError | undefined {
  if (!Number.isInteger(hours) || hours < DRIFT_HOURS_MIN || hours > DRIFT_HOURS_MAX) return new UserError('error.drift.range', { min: DRIFT_HOURS_MIN, max: DRIFT_HOURS_MAX });
  return undefined;
}

/** The allowed drift in milliseconds (the default when unset or unreadable). Works inside a transaction on meta. */
export async function readMaxDriftMs(db: AttacheDb): Promise<number> {
  const hours = (await db.meta.get(DRIFT_KEY))?.value;
  return typeof hours === 'number' && !driftHoursProblem(hours) ? hours * HOUR : DEFAULT_MAX_DRIFT_MS;
}

export async function writeMaxDriftHours(db: AttacheDb, hours: number): Promise<void> {
  const problem = driftHoursIssue(hours);
  if (problem) throw problem;
  await db.meta.put({ key: DRIFT_KEY, value: hours });
}
