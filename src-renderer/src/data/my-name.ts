/**
 * "Your name": the name of the person who uses this installation, so that choosing "Me" as a follow-up's
 * owner stores a real name colleagues can read, and the tracker's "Mine" filter knows whose follow-ups
 * to keep. A local preference kept in the meta store and never synced: a colleague's file must not be
 * able to make someone else "me" on this computer.
 */
import { validateField } from '../core/schemas';
import type { AttacheDb } from './db';

const MY_NAME_KEY = 'myName';

/** What is wrong with a name for "Your name", if anything ('' is allowed: it clears the setting). */
export function myNameProblem(name: string): string | undefined {
  // "Me" stores this name as a follow-up's owner: it must be a name the owner field accepts.
  return validateField('actions', 'owner', name.trim()) ?? undefined;
}

/** This installation's user's name, trimmed and with single spaces; '' when not given (or unreadable). */
export async function readMyName(db: AttacheDb): Promise<string> {
  const value = (await db.meta.get(MY_NAME_KEY))?.value;
  return typeof value === 'string' ? value : '';
}

export async function writeMyName(db: AttacheDb, name: string): Promise<void> {
  const problem = myNameProblem(name);
  if (problem) throw new RangeError(problem);
  await db.meta.put({ key: MY_NAME_KEY, value: name.trim().replace(/\s+/g, ' ') });
}
