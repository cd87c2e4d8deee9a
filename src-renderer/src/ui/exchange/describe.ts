/**
 * Human wording for what sync touches: table and field names, a record's one-line label, a field value
 * and a clock's author and time, in the interface's language (messages/<locale>/exchange.json). The
 * preview and the conflict log both speak this way.
 */
import { formatShortLocalDateTime } from '../../core/dates';
import { hlcNode, hlcWall, isHlc, nodeIdFromInstallationId, type Hlc } from '../../core/hlc';
import { MESSAGES, type MessageKey } from '../../core/i18n';
import { SYNCED_TABLES, type SyncedTable } from '../../core/model';
import { locale, t } from '../app/locale.svelte';

const isTable = (table: string): table is SyncedTable => (SYNCED_TABLES as readonly string[]).includes(table);

/** A record type's name in the interface's language: singular for one record, plural for a count of them. */
export function tableLabel(table: string, count = 1): string {
  if (!isTable(table)) return table;
  return t(count === 1 ? `exchange.noun.${table}` : `exchange.nouns.${table}`);
}

/** A field's name in the interface's language; a field this version does not know is shown as named. */
export function fieldLabel(field: string): string {
  const key = `exchange.field.${field}`;
  return Object.hasOwn(MESSAGES.en, key) ? t(key as MessageKey) : field;
}

function excerpt(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** A field value as plain text (never markup): lists joined, empties named, long text shortened. */
export function valueText(field: string, value: unknown, max = 300): string {
  if (value === null || value === undefined || value === '') return t('exchange.value.empty');
  if (field === 'deleted') return t(value ? 'exchange.value.deleted' : 'exchange.value.notDeleted');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('exchange.value.none');
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
  if (!isHlc(clock)) return t('exchange.author.unknown');
  const node = hlcNode(clock);
  if (node === selfNode) return t('exchange.author.self');
  return names.get(node) ?? t('exchange.author.other', { id: node.slice(-8) });
}

/** When the edit stamped `clock` was made, in the reader's local time. */
export function whenOf(clock: Hlc): string {
  if (!isHlc(clock)) return '';
  return formatShortLocalDateTime(new Date(hlcWall(clock)), locale.current);
}

/** An ISO date-time (peer state) as "17 Mar 2015, 09:05" in local time, or "never". */
export function whenIso(iso: string): string {
  if (!iso) return t('exchange.never');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatShortLocalDateTime(d, locale.current);
}
