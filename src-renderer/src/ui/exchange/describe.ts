/**
 * Human wording for what sync touches: table and field names, a record's one-line label, a field value
 * and a clock's author and time. The preview and the conflict log both speak this way.
 */
import { formatShortLocalDateTime } from '../../core/dates';
import { hlcNode, hlcWall, isHlc, nodeIdFromInstallationId, type Hlc } from '../../core/hlc';
import type { SyncedTable } from '../../core/model';
import { TABLE_NOUN } from '../../core/sync/labels';

/** Plural nouns for counts; the singular comes from the sync engine's TABLE_NOUN, which its messages use. */
const PLURALS: Record<SyncedTable, string> = {
  briefings: 'briefings',
  organisations: 'organisations',
  people: 'people',
  statements: 'statements',
  actions: 'follow-ups',
  settings: 'settings',
  packs: 'pack definitions',
  templates: 'briefing templates',
  conflicts: 'conflict log entries',
};

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  startsAt: 'Date and time',
  location: 'Location',
  format: 'Format',
  organiserIds: 'Organisers',
  audience: 'Audience',
  classification: 'Classification',
  caveat: 'Caveat',
  tags: 'Tags',
  summary: 'Summary',
  name: 'Name',
  acronym: 'Acronym',
  country: 'Country',
  organisationId: 'Organisation',
  briefingId: 'Briefing',
  speakerId: 'Speaker',
  kind: 'Kind',
  text: 'Text',
  order: 'Position',
  statementId: 'Statement',
  owner: 'Owner',
  due: 'Due',
  place: 'Place',
  status: 'Status',
  priority: 'Priority',
  notes: 'Notes',
  classificationLevels: 'Classification levels',
  defaultClassification: 'Default classification',
  options: 'Options',
  deleted: 'Deletion',
  resolution: 'Resolution',
};

export function tableLabel(table: string, count = 1): string {
  if (!(table in PLURALS)) return table;
  return count === 1 ? TABLE_NOUN[table as SyncedTable] : PLURALS[table as SyncedTable];
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

function excerpt(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** A field value as plain text (never markup): lists joined, empties named, long text shortened. */
export function valueText(field: string, value: unknown, max = 300): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (field === 'deleted') return value ? 'deleted' : 'not deleted';
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    const parts = value.map((v) => (v && typeof v === 'object' && 'label' in v ? String((v as { label: unknown }).label) : String(v)));
    return excerpt(parts.join(', '), max);
  }
  if (typeof value === 'object') return excerpt(JSON.stringify(value), max);
  // What is left is a string, number or boolean: a stored record holds nothing else.
  const primitive = value as string | number | boolean;
  return excerpt(String(primitive), max);
}

/** Installation names known here, keyed by clock node id (the installation id without dashes). */
export function nodeNames(installations: readonly { id: string; name: string }[]): Map<string, string> {
  return new Map(installations.map((i) => [nodeIdFromInstallationId(i.id), i.name]));
}

/** Who made the edit stamped `clock`: a colleague's name, "this computer" or an unknown installation's short id. */
export function authorOf(clock: Hlc, names: Map<string, string>, selfNode: string): string {
  if (!isHlc(clock)) return 'an unknown installation';
  const node = hlcNode(clock);
  if (node === selfNode) return 'this installation';
  return names.get(node) ?? `installation ${node.slice(-8)}`;
}

/** When the edit stamped `clock` was made, in the reader's local time. */
export function whenOf(clock: Hlc): string {
  if (!isHlc(clock)) return '';
  return formatShortLocalDateTime(new Date(hlcWall(clock)));
}

/** An ISO date-time (peer state) as "17 Mar 2015, 09:05" in local time, or "never". */
export function whenIso(iso: string): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatShortLocalDateTime(d);
}
