/** Settings → "Check this workspace": the findings of core/sync/invariants.ts over the stored workspace, each with a link to its record. */
import type { SyncedTable } from '../../core/model';
import { checkWorkspaceSliced, type Finding } from '../../core/sync/invariants';
import { timeSlicer } from '../../core/sync/guards';
import type { AttacheDb } from '../../data/db';
import { readWorkspaceData } from '../../data/snapshot';
import { href, type Route } from '../app/router.svelte';

export interface CheckedFinding extends Finding {
  /** Where the record is shown, when a screen shows it. */
  link: string | undefined;
}

/** At most this many findings are listed (the count is complete). */
export const FINDINGS_SHOWN = 200;

function routeOf(briefingOf: () => Map<string, string>, table: SyncedTable, id: string): Route | undefined {
  switch (table) {
    case 'briefings':
      return { screen: 'briefing', id };
    case 'statements': {
      const briefingId = briefingOf().get(id);
      return briefingId ? { screen: 'briefing', id: briefingId, focus: id } : undefined;
    }
    case 'actions':
      return { screen: 'followups', focus: id };
    case 'people':
    case 'organisations':
      return { screen: 'people', id };
    case 'settings':
      return { screen: 'settings', focus: 'classification' };
    default:
      return undefined;
  }
}

/** Read the workspace and check it in slices (the screen stays responsive); progress in records. */
export async function checkStoredWorkspace(
  db: AttacheDb,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ total: number; findings: CheckedFinding[]; count: number }> {
  const data = await readWorkspaceData(db);
  const findings = await checkWorkspaceSliced(data, { breathe: timeSlicer(), onProgress, signal });
  // Fatal first, then dangling references, then notices; in workspace order within each.
  const rank = { fatal: 0, dangling: 1, notice: 2 } as const;
  const sorted = findings.map((f, i) => ({ f, i })).sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i);
  let statements: Map<string, string> | undefined;
  const briefingOf = () => (statements ??= new Map(data.statements.map((s) => [s.id, s.briefingId])));
  const shown = sorted.slice(0, FINDINGS_SHOWN).map(({ f }) => {
    const route = routeOf(briefingOf, f.table, f.recordId);
    return { ...f, link: route ? href(route) : undefined };
  });
  const total = Object.values(data).reduce((n, rows: unknown[]) => n + rows.length, 0);
  return { total, findings: shown, count: findings.length };
}
