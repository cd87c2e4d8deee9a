import { EXAMPLE_CLOCK, exampleEntries } from '../core/example';
import { SYNCED_TABLES } from '../core/model';
import { createRecord } from '../core/records';
import { resendToAll } from './sync';
import type { Workspace } from './workspace';

/**
 * Load the example briefing in one transaction: either all of it arrives or none. Its records carry the
 * shared EXAMPLE_CLOCK rather than this installation's clock, so every installation's copy is identical
 * and colleagues who each loaded it merge without conflicts. Records that exist already (the example was
 * loaded and deleted before) are brought back rather than duplicated, because the example's ids are fixed.
 */
export async function loadExample(ws: Workspace): Promise<{ briefingId: string; records: number }> {
  const entries = exampleEntries();
  const db = ws.db;
  await db.transaction('rw', [...SYNCED_TABLES.map((t) => db.table(t)), db.meta, db.peers], async () => {
    for (const e of entries) {
      const existing = await ws.table(e.table).get(e.id);
      if (!existing) await ws.table(e.table).add(createRecord(e.table, e.id, e.fields, EXAMPLE_CLOCK));
      else if (existing.deleted) await ws.restore(e.table, e.id);
    }
    // The example's clock is older than anything sent since, so "changes since my last export" must
    // start below it again for every colleague, or they would never receive it.
    await resendToAll(db, EXAMPLE_CLOCK);
  });
  const briefing = entries.find((e) => e.table === 'briefings');
  return { briefingId: briefing!.id, records: entries.length };
}
