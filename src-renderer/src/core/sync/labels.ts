/** How sync names records in its messages and previews. */
import { organisationWithAcronym, type StoredRecord, type SyncedTable } from '../model';

export const TABLE_NOUN: Record<SyncedTable, string> = {
  briefings: 'briefing',
  organisations: 'organisation',
  people: 'person',
  statements: 'statement',
  actions: 'follow-up',
  settings: 'settings record',
  packs: 'pack definition',
  templates: 'briefing template',
  conflicts: 'conflict log entry',
};

function clip(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** A text field of a record seen as untyped: anything but a string (a damaged record) reads as empty. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** One line a person recognises the record by. */
export function recordLabel(table: SyncedTable, record: StoredRecord<SyncedTable>): string {
  const r = record as unknown as Record<string, unknown>;
  switch (table) {
    case 'briefings':
    case 'actions':
      return clip(textOf(r.title));
    case 'organisations':
      return clip(organisationWithAcronym({ name: textOf(r.name), acronym: textOf(r.acronym) }));
    case 'people':
    case 'packs':
    case 'templates':
      return clip(textOf(r.name));
    case 'statements':
      return clip(textOf(r.text));
    case 'settings':
      return 'Workspace settings';
    case 'conflicts':
      return `Conflict on ${String(r.table)} field ${String(r.field)}`;
  }
}
