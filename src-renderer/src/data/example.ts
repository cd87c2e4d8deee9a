import { exampleEntries } from '../core/example';
import { SYNCED_TABLES } from '../core/model';
import type { Workspace } from './workspace';

/** True when the workspace holds no live briefing: the moment to offer the example. */
export async function isWorkspaceEmpty(ws: Workspace): Promise<boolean> {
  return (await ws.db.briefings.where('[deleted+startsAt]').between([0, ''], [0, '\uffff']).count()) === 0;
}

/**
 * Load the example briefing as if a user had recorded it, in one transaction: either all of it
 * arrives or none. Records that exist already (the example was loaded and deleted before) are
 * brought back rather than duplicated, because the example's ids are fixed.
 */
export async function loadExample(ws: Workspace): Promise<{ briefingId: string; records: number }> {
  const entries = exampleEntries();
  await ws.db.transaction('rw', [...SYNCED_TABLES.map((t) => ws.db.table(t)), ws.db.meta], async () => {
    for (const e of entries) {
      const existing = await ws.table(e.table).get(e.id);
      if (!existing) await ws.create(e.table, e.fields, e.id);
      else if (existing.deleted) await ws.restore(e.table, e.id);
    }
  });
  const briefing = entries.find((e) => e.table === 'briefings');
  return { briefingId: briefing!.id, records: entries.length };
}
