/**
 * The example workspace as stamped records for the people and tracker specs. core/example.ts imports the
 * JSON with a bare `import`, which Playwright's ESM loader refuses without an import attribute, so the
 * specs read the same file and stamp it with the app's own createRecord and fractional indexing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateNKeysBetween } from 'fractional-indexing';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { StoredRecord, SyncedTable, TableFields } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';

export type SeedRow = { table: SyncedTable; record: StoredRecord<SyncedTable> };

type Example = Record<'organisations' | 'people' | 'briefings' | 'statements' | 'actions', ({ id: string } & Record<string, unknown>)[]>;

export function exampleJson(): Example {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/example/briefing-2015-03-17-dushanbe.json'), 'utf8')) as Example;
}

export function exampleRows(): SeedRow[] {
  const ex = exampleJson();
  const clock = formatHlc(Date.UTC(2015, 2, 17), 0, 'example');
  const orders = generateNKeysBetween(null, null, ex.statements.length);
  const rows: SeedRow[] = [];
  for (const table of ['organisations', 'people', 'briefings', 'statements', 'actions'] as const) {
    ex[table].forEach(({ id, ...fields }, i) => {
      const f = table === 'statements' ? { ...fields, order: orders[i] } : fields;
      rows.push({ table, record: createRecord(table, id, f as unknown as TableFields[typeof table], clock) as StoredRecord<SyncedTable> });
    });
  }
  return rows;
}
