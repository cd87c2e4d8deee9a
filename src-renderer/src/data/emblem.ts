/**
 * The mission's emblem for the pack's cover, kept in this installation's local meta store and never
 * synced (core/pack/emblem.ts says why: half a megabyte in every sync file for a decoration, and a
 * colleague's choice silently replacing ours). Stored as the checked bytes; read back and checked again,
 * so a damaged entry is ignored rather than handed to the PDF writer.
 */
import { checkEmblem, type Emblem } from '../core/pack/emblem';
import type { AttacheDb } from './db';

const EMBLEM_KEY = 'packEmblem';

interface StoredEmblem {
  name: string;
  bytes: Uint8Array;
}

/** The emblem and the name of the file it came from, or null when none is set (or the stored one is unusable). */
export async function readEmblem(db: AttacheDb): Promise<(Emblem & { name: string }) | null> {
  const value = (await db.meta.get(EMBLEM_KEY))?.value as Partial<StoredEmblem> | undefined;
  if (!value || !(value.bytes instanceof Uint8Array)) return null;
  const checked = checkEmblem(value.bytes);
  return checked.ok ? { ...checked.emblem, name: typeof value.name === 'string' ? value.name : '' } : null;
}

/** Check and keep an emblem; throws RangeError with the reason (nothing stored) when it cannot be used. */
export async function writeEmblem(db: AttacheDb, name: string, bytes: Uint8Array): Promise<Emblem> {
  const checked = checkEmblem(bytes);
  if (!checked.ok) throw checked.problem;
  await db.meta.put({ key: EMBLEM_KEY, value: { name: name.slice(0, 200), bytes: new Uint8Array(bytes) } satisfies StoredEmblem });
  return checked.emblem;
}

export async function clearEmblem(db: AttacheDb): Promise<void> {
  await db.meta.delete(EMBLEM_KEY);
}
