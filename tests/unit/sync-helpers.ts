/** Shared set-up for the sync tests: installations with their own database and injectable clock. */
import { SYNCED_TABLES, type WorkspaceData } from '../../src-renderer/src/core/model';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { readWorkspaceData } from '../../src-renderer/src/data/snapshot';
import { Workspace } from '../../src-renderer/src/data/workspace';

let n = 0;

export interface Installation {
  ws: Workspace;
  clock: { t: number };
}

/** A fresh installation whose wall clock the test moves (`clock.t`). */
export async function installation(name: string, start = Date.UTC(2025, 4, 1, 9, 0)): Promise<Installation> {
  const clock = { t: start };
  const ws = await Workspace.open(new AttacheDb(`sync-${name}-${++n}-${Math.random()}`), { now: () => clock.t, defaultName: name });
  return { ws, clock };
}

/** Everything stored, tables in a fixed order and records sorted by id: comparable with toEqual. */
export async function dump(ws: Workspace): Promise<WorkspaceData> {
  const data = await readWorkspaceData(ws.db);
  for (const t of SYNCED_TABLES) (data[t] as { id: string }[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  return data;
}

/** Every local-only fact an import may touch: the persisted clock and the peers. */
export async function localState(ws: Workspace) {
  return { meta: await ws.db.meta.toArray(), peers: await ws.db.peers.toArray(), clock: ws.snapshotClock() };
}
