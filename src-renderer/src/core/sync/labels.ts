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
  conflicts: 'conflict log entry',
};

function clip(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** One line a person recognises the record by. */
export function recordLabel(table: SyncedTable, record: StoredRecord<SyncedTable>): string {
  const r = record as unknown as Record<string, unknown>;
  switch (table) {
    case 'briefings':
    case 'actions':
      return clip(String(r.title ?? ''));
    case 'organisations':
      return clip(organisationWithAcronym({ name: String(r.name ?? ''), acronym: typeof r.acronym === 'string' ? r.acronym : '' }));
    case 'people':
    case 'packs':
      return clip(String(r.name ?? ''));
    case 'statements':
      return clip(String(r.text ?? ''));
    case 'settings':
      return 'Workspace settings';
    case 'conflicts':
      return `Conflict on ${String(r.table)} field ${String(r.field)}`;
  }
}
