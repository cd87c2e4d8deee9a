/**
 * Records written before a field existed (by an older Attaché, in its database or in a sync file of an older
 * format) take the field's default value, stamped with the lowest clock there is (HLC_ZERO). Every
 * installation upgrades the same old record to the same values and stamps, so replicas still converge, and
 * any real edit of the field, from any version, wins over the default without a conflict being logged
 * (merge.ts knowinglyReplaced).
 */
import { HLC_ZERO } from './hlc';
import { defaultLetterhead, type LetterheadFields } from './letterhead';
import type { ActionFields, BriefingFields, FieldStamp, OrganisationFields, PersonFields, SyncedTable } from './model';

/**
 * The fields each table gained in version 2, with the value an older record takes (fresh objects on every
 * call). Code that builds a record's fields from parts spreads these, so a new field has one default.
 */
export const V2_FIELDS = {
  briefings: (): Pick<BriefingFields, 'attendees' | 'attendeeGroups' | 'comment'> => ({ attendees: [], attendeeGroups: [], comment: '' }),
  organisations: (): Pick<OrganisationFields, 'parentId' | 'mergedInto'> => ({ parentId: null, mergedInto: null }),
  people: (): Pick<PersonFields, 'aliases' | 'mergedInto'> => ({ aliases: [], mergedInto: null }),
  actions: (): Pick<ActionFields, 'heldInBriefingId'> => ({ heldInBriefingId: null }),
  // The letterhead (issue 14): the mission's name and the cable's addressees and defaults.
  settings: (): LetterheadFields & Record<string, unknown> => ({ ...defaultLetterhead() }),
} as const;

const ADDED_FIELDS: { readonly [T in SyncedTable]?: () => Record<string, unknown> } = V2_FIELDS;

/**
 * Give a record written by an older version the fields it lacks, in place: each missing field takes its
 * default and, when `stamps` is given, a stamp at HLC_ZERO. Fields the record has are left alone. Returns
 * whether anything was added.
 */
export function addMissingFields(table: SyncedTable, record: Record<string, unknown>, stamps?: Record<string, FieldStamp | unknown>): boolean {
  const added = ADDED_FIELDS[table];
  if (!added) return false;
  let changed = false;
  for (const [field, value] of Object.entries(added())) {
    if (Object.hasOwn(record, field)) continue;
    record[field] = value;
    if (stamps && !Object.hasOwn(stamps, field)) stamps[field] = { c: HLC_ZERO };
    changed = true;
  }
  return changed;
}
