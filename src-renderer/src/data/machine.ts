/**
 * The machine this profile was last opened on. A profile copied to another computer (a cloned disk, a restored
 * backup of the whole profile folder) would go on issuing clocks with the same node id as the original, so each
 * would take the other's edits for its own later ones and replace edits without a trace. The desktop app reads a
 * fingerprint of the machine through the bridge (never stored outside this meta entry); when it differs from the
 * one kept here, the workspace takes a new installation id (and so a new node id) before any edit is made here.
 * The browser has no such fingerprint (a copied browser profile copies everything together): there, the
 * import's own-node check (core/sync/clock-bounds.ts) is the guard.
 */
import type { AttacheDb } from './db';

const MACHINE_KEY = 'machine';

/**
 * Whether this profile was last opened on another machine. Records `machineId` as the current one. Without a
 * fingerprint (the browser, or the desktop app failing to read one) nothing is known and nothing changes; the
 * first fingerprint seen is taken as this machine's. Call inside a transaction on meta.
 */
export async function openedOnAnotherMachine(db: AttacheDb, machineId: string | null | undefined): Promise<boolean> {
  if (!machineId) return false;
  const known = (await db.meta.get(MACHINE_KEY))?.value;
  if (known === machineId) return false;
  await db.meta.put({ key: MACHINE_KEY, value: machineId });
  return typeof known === 'string';
}
