/**
 * The example workspace: the Dushanbe briefing of 17 March 2015 (shared/fixtures), recorded as a
 * political officer would record it. Shipped as data in resources/example so it can be read and
 * corrected without touching code. Its ids are fixed, so two colleagues who both load the example
 * and later exchange files get one briefing, not two.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import example from '../../../resources/example/briefing-2015-03-17-dushanbe.json';
import { EXAMPLE_CLOCK, EXAMPLE_INSTALLATION } from './example-identity';
import type { Hlc } from './hlc';
import { emptyWorkspaceData, type StoredRecord, type SyncedTable, type TableFields, type WorkspaceData } from './model';
import { createRecord } from './records';
import { validateFields } from './schemas';
import { addMissingFields } from './upgrade';

export interface ExampleEntry<T extends SyncedTable = SyncedTable> {
  table: T;
  id: string;
  fields: TableFields[T];
}

type WithId<T> = T & { id: string };

function split<T extends SyncedTable>(table: T, rows: WithId<Record<string, unknown>>[]): ExampleEntry<T>[] {
  return rows.map(({ id, ...rest }) => {
    // The file lists a newer field only where the briefing has something to say in it.
    addMissingFields(table, rest);
    const checked = validateFields(table, rest);
    // The example is part of the product: if it ever stops validating, fail loudly rather than ship junk.
    if (!checked.ok) throw new Error(`Example ${table} ${id} is invalid: ${Object.values(checked.errors).join('; ')}`);
    return { table, id, fields: checked.value };
  });
}

/** The example's records as plain fields, referenced records first. */
export function exampleEntries(): ExampleEntry[] {
  const orders = generateNKeysBetween(null, null, example.statements.length);
  const statements = example.statements.map((s, i) => ({ ...s, order: orders[i] }));
  return [
    ...split('organisations', example.organisations as WithId<Record<string, unknown>>[]),
    ...split('people', example.people as WithId<Record<string, unknown>>[]),
    ...split('briefings', example.briefings as WithId<Record<string, unknown>>[]),
    ...split('statements', statements as WithId<Record<string, unknown>>[]),
    ...split('actions', example.actions as WithId<Record<string, unknown>>[]),
  ];
}

export { EXAMPLE_CLOCK, EXAMPLE_INSTALLATION };

/** The example as stored records, every field stamped with `clock` (EXAMPLE_CLOCK unless a test says otherwise). */
export function exampleWorkspaceData(options: { clock?: Hlc } = {}): WorkspaceData {
  const data = emptyWorkspaceData();
  for (const e of exampleEntries()) {
    (data[e.table] as StoredRecord<SyncedTable>[]).push(createRecord(e.table, e.id, e.fields, options.clock ?? EXAMPLE_CLOCK));
  }
  return data;
}

export const EXAMPLE_BRIEFING_ID = example.briefings[0]!.id;
