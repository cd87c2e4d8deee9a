/**
 * The workspace as a live sync store: pushes read records by their clock index, pulls go through the file
 * import's own stages (applyDecoded: invariants, then applyImport's transaction — clock bounds, merge,
 * conflict log, peer marks, the mass-delete rule), never a side door into the tables.
 */
import { FORMAT_VERSION, type DecodedSyncFile } from '../../core/sync/format';
import { SYNCED_TABLES, type StoredRecord, type SyncedTable, type WorkspaceData } from '../../core/model';
import { settingsOfData } from '../../core/settings';
import { ceilingNeeds, type CeilingLookup } from '../../core/live/ceiling';
import type { Hlc } from '../../core/hlc';
import { applyDecoded } from '../sync';
import { SyncError } from '../../core/sync/guards';
import type { Workspace } from '../workspace';
import { LIVE_INSTALLATION, readCheckpoint, writeCheckpoint } from './marks';
import type { ApplyOutcome, LiveCheckpoint, LiveStore, Row } from './replicator';

export function dexieStore(ws: Workspace, checkpointKey: string): LiveStore {
  const db = ws.db;
  return {
    async *changedSince(mark: Hlc | '', size: number) {
      for (const t of SYNCED_TABLES) {
        const table = db.table<StoredRecord<SyncedTable>, string>(t);
        // Keys first (cheap), then pages by key: no long-lived cursor across the network round trips.
        const keys = (await (mark ? table.where('hlc').above(mark).primaryKeys() : table.toCollection().primaryKeys()));
        for (let i = 0; i < keys.length; i += size) {
          const page = (await table.bulkGet(keys.slice(i, i + size))).filter((r): r is StoredRecord<SyncedTable> => r !== undefined);
          if (page.length) yield page.map((record) => ({ table: t, record }));
        }
      }
    },
    async newestClock() {
      const tables = SYNCED_TABLES.map((t) => db.table<StoredRecord<SyncedTable>, string>(t));
      const last = await db.transaction('r', tables, () => Promise.all(tables.map((table) => table.orderBy('hlc').last())));
      let max = '';
      for (const r of last) if (r && r.hlc > max) max = r.hlc;
      return max;
    },
    async ceilingLookup(rows: readonly Row[]): Promise<CeilingLookup> {
      const need = ceilingNeeds(rows);
      const statements = new Map<string, string>();
      for (const s of await db.statements.bulkGet([...need.statements])) if (s) statements.set(s.id, s.briefingId);
      const actions = new Map<string, string | null>();
      for (const a of await db.actions.bulkGet([...need.actions])) {
        if (!a) continue;
        const b = a.briefingId ?? (a.statementId ? ((await db.statements.get(a.statementId))?.briefingId ?? null) : null);
        actions.set(a.id, b);
        if (b) need.briefings.add(b);
      }
      for (const b of statements.values()) need.briefings.add(b);
      const briefings = new Map<string, string>();
      for (const b of await db.briefings.bulkGet([...need.briefings])) if (b) briefings.set(b.id, b.classification);
      const levels = settingsOfData({ settings: await db.settings.toArray() }).classificationLevels;
      return { levels, briefings, statements, actions };
    },
    async apply(data: WorkspaceData): Promise<ApplyOutcome> {
      // One pass: nobody reads a preview of a pulled batch (applyDecoded runs the invariants and the import's
      // transaction; the mass-delete rule is checked inside it).
      try {
        const result = await applyDecoded(ws, decodedBatch(data, ws.nowMs()));
        return { changed: result.added + result.updated + result.conflicts + result.closedConflicts, heldBack: result.heldBack, heldBackIds: result.heldBackIds ?? [] };
      } catch (e) {
        if (e instanceof SyncError && e.code === 'mass-delete') {
          // The import's count, then what live sync did and what to do: one sentence of its own, in any language.
          throw SyncError.of('mass-delete', 'error.live.massDelete', { deleting: 0, live: 0, ...e.values });
        }
        throw e;
      }
    },
    loadCheckpoint: () => readCheckpoint(db, checkpointKey),
    saveCheckpoint: (c: LiveCheckpoint) => writeCheckpoint(db, checkpointKey, c),
  };
}

/** A pulled batch in the shape the import's later stages take (a merge scope from the server's pseudo-installation). */
export function decodedBatch(data: WorkspaceData, nowMs: number): DecodedSyncFile {
  const counts = Object.fromEntries(SYNCED_TABLES.map((t) => [t, data[t].length])) as Record<SyncedTable, number>;
  let maxClock = '';
  for (const t of SYNCED_TABLES) for (const r of data[t] as StoredRecord<SyncedTable>[]) if (r.hlc > maxClock) maxClock = r.hlc;
  return {
    header: {
      format: 'attache-sync',
      version: FORMAT_VERSION,
      app: { name: 'Attaché', version: '' },
      installation: { ...LIVE_INSTALLATION },
      createdAt: new Date(nowMs).toISOString(),
      scope: { kind: 'merge', sources: [] },
      counts,
      maxClock,
    },
    encrypted: true,
    data,
    total: SYNCED_TABLES.reduce((n, t) => n + counts[t], 0),
    maxClock,
  };
}
