/**
 * Live sync's local bookkeeping in the workspace's `meta` store (never synced): one checkpoint per server and
 * database — the server sequence applied here and the push mark. Its own module because the file import
 * (data/sync.ts) lowers the push mark exactly as it lowers a colleague's "last sent" mark: records a file
 * brings with older clocks must still go to the server.
 */
import { hlcJustBelow, type Hlc } from '../../core/hlc';
import type { AttacheDb } from '../db';
import { NO_CHECKPOINT, type LiveCheckpoint } from '../../core/live/store';

export const LIVE_META_PREFIX = 'live-sync:';

/** The pseudo-installation a live pull's batches come from (a merge scope: no colleague bookkeeping for it). */
export const LIVE_INSTALLATION = { id: '00000000-0000-7000-8000-0000000000b1', name: 'Live sync server' } as const;

export function checkpointKey(url: string, db: string): string {
  return `${LIVE_META_PREFIX}${url.replace(/\/+$/, '')}|${db}`;
}

export async function readCheckpoint(db: AttacheDb, key: string): Promise<LiveCheckpoint> {
  const value = (await db.meta.get(key))?.value as LiveCheckpoint | undefined;
  return value ? { ...NO_CHECKPOINT, ...value } : { ...NO_CHECKPOINT };
}

export async function writeCheckpoint(db: AttacheDb, key: string, c: LiveCheckpoint): Promise<void> {
  await db.meta.put({ key, value: { ...c } });
}

/** Inside an import's transaction (on `meta`): every server's push mark goes below `clock`. */
export async function lowerLivePushMarks(db: AttacheDb, clock: Hlc | ''): Promise<void> {
  if (!clock) return;
  const rows = await db.meta.where('key').startsWith(LIVE_META_PREFIX).toArray();
  for (const row of rows) {
    const c = row.value as LiveCheckpoint;
    if (c.pushedUpTo && c.pushedUpTo >= clock) await db.meta.put({ key: row.key, value: { ...c, pushedUpTo: hlcJustBelow(clock) } });
  }
}
