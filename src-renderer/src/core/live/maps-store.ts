/**
 * A sync file's records as a live sync store, for the command line (`attache live push|pull`): pushes read
 * the records in memory, pulls go through the stages `attache sync merge` runs — the invariant repairs
 * (checkIncoming) and then mergeIntoMaps (clock bounds, merge, conflict log) — so a file pulled from the
 * server equals what merging the server's records as a file would give. The checkpoint lives only as long
 * as the command.
 */
import type { Hlc } from '../hlc';
import { SYNCED_TABLES, type StoredRecord, type SyncedTable, type WorkspaceData } from '../model';
import { settingsOfData } from '../settings';
import { checkIncoming, type IncomingCheck } from '../sync/invariants';
import { fromMaps, mergeIntoMaps, type RecordMaps } from '../sync/merge';
import type { CeilingLookup } from './ceiling';
import { NO_CHECKPOINT, type ApplyOutcome, type LiveCheckpoint, type LiveStore, type Row } from './store';

export interface MapsStore extends LiveStore {
  readonly maps: RecordMaps;
  data(): WorkspaceData;
}

export function mapsStore(maps: RecordMaps, options: { now?: () => number; onRepairs?: (check: IncomingCheck) => void } = {}): MapsStore {
  let checkpoint: LiveCheckpoint = { ...NO_CHECKPOINT };
  const now = options.now ?? Date.now;
  return {
    maps,
    data: () => fromMaps(maps),
    async *changedSince(mark: Hlc | '', size: number) {
      for (const t of SYNCED_TABLES) {
        const rows: Row[] = [];
        for (const record of (maps[t] as Map<string, StoredRecord<SyncedTable>>).values()) if (record.hlc > mark) rows.push({ table: t, record });
        for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
      }
      await Promise.resolve();
    },
    newestClock() {
      let max = '';
      for (const t of SYNCED_TABLES) for (const r of (maps[t] as Map<string, StoredRecord<SyncedTable>>).values()) if (r.hlc > max) max = r.hlc;
      return Promise.resolve(max);
    },
    ceilingLookup(): Promise<CeilingLookup> {
      const levels = settingsOfData({ settings: [...maps.settings.values()] }).classificationLevels;
      const briefings = new Map([...maps.briefings.values()].map((b) => [b.id, b.classification]));
      const statements = new Map([...maps.statements.values()].map((s) => [s.id, s.briefingId]));
      const actions = new Map([...maps.actions.values()].map((a) => [a.id, a.briefingId ?? (a.statementId ? (statements.get(a.statementId) ?? null) : null)]));
      return Promise.resolve({ levels, briefings, statements, actions });
    },
    apply(data: WorkspaceData): Promise<ApplyOutcome> {
      const check = checkIncoming(data);
      options.onRepairs?.(check);
      const before = SYNCED_TABLES.reduce((n, t) => n + maps[t].size, 0);
      const report = mergeIntoMaps(maps, data, { now: now() });
      const after = SYNCED_TABLES.reduce((n, t) => n + maps[t].size, 0);
      return Promise.resolve({ changed: after - before + report.newConflictEntries, heldBack: report.heldBack.length, heldBackIds: report.heldBack.map((h) => h.id) });
    },
    loadCheckpoint: () => Promise.resolve({ ...checkpoint }),
    saveCheckpoint(c: LiveCheckpoint) {
      checkpoint = { ...c };
      return Promise.resolve();
    },
  };
}
