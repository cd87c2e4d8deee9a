/**
 * The records Attaché stores and syncs. Plain data only: this module is shared by the app, the CLI and
 * the tests, so it imports nothing from Dexie, Svelte, Electron or the DOM.
 */
import type { Hlc } from './hlc';
import { LETTERHEAD_FIELDS, type LetterheadFields } from './letterhead';

/** Per-field change metadata, kept beside every synced field. */
export interface FieldStamp {
  /** Clock of the edit that produced the current value. */
  c: Hlc;
  /**
   * Clock of the value this installation's run of edits replaced, i.e. the last value that came from
   * elsewhere. The merge uses it to tell a knowing overwrite (no conflict) from a concurrent one.
   */
  p?: Hlc;
}

/** Envelope shared by every synced record. */
export interface RecordMeta {
  /** UUIDv7, made by the app; never re-created on import. */
  id: string;
  /** Newest field clock of this record; indexed, so "changed since" is a key range. */
  hlc: Hlc;
  /** One stamp per synced field, including `deleted`. */
  stamps: Record<string, FieldStamp>;
  /** Tombstone flag (a number, because IndexedDB cannot index booleans). */
  deleted: 0 | 1;
}

export const BRIEFING_FORMATS = ['briefing', 'meeting', 'conference', 'call', 'visit', 'demarche', 'other'] as const;
export type BriefingFormat = (typeof BRIEFING_FORMATS)[number];

/** `decision`: what the body decided or agreed (since sync format 2). */
export const STATEMENT_KINDS = ['statement', 'figure', 'proposal', 'request', 'announcement', 'decision'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const ACTION_KINDS = ['task', 'event'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface BriefingFields {
  title: string;
  /** Local wall time where the briefing happened, `YYYY-MM-DDTHH:mm` (no zone: a diplomat records local time). */
  startsAt: string;
  location: string;
  format: BriefingFormat;
  /** Organisation ids of the organising institutions. */
  organiserIds: string[];
  audience: string;
  /** Id of a classification level (see classification.ts). */
  classification: string;
  /** Optional handling caveat, e.g. "EYES ONLY". */
  caveat: string;
  tags: string[];
  /** Summary in Attaché's small markup (see richtext.ts): paragraphs, **bold**, "- " bullets. */
  summary: string;
  /** Who was present, from the directory (speakers count as present without being listed here). */
  attendees: Attendee[];
  /** Those present not named one by one, in free text: "Heads of mission of 30 states". */
  attendeeGroups: string[];
  /** The officer's own assessment, in the same markup as the summary; never attributed to a speaker. */
  comment: string;
}

/** One person present at a briefing. */
export interface Attendee {
  personId: string;
  /** Part of our own delegation (listed apart in the attendance list). */
  delegation: boolean;
}

export interface OrganisationFields {
  name: string;
  acronym: string;
  country: string;
  /** The organisation this one sits under (a regional office under its headquarters), or null. */
  parentId: string | null;
  /**
   * Set when this organisation was merged into another: references to it resolve to that one
   * (core/directory.ts). Kept, not rewritten away, so a colleague's record that still names it lands right.
   */
  mergedInto: string | null;
}

/**
 * "United Nations Office on Drugs and Crime (UNODC)", or the name alone (also when the acronym is the
 * name): how pickers, chips, search results, the import preview and packs name an organisation.
 */
export function organisationWithAcronym(o: Pick<OrganisationFields, 'name' | 'acronym'>): string {
  return o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name;
}

export interface PersonFields {
  name: string;
  /** Title or role, e.g. "Director". */
  title: string;
  organisationId: string | null;
  country: string;
  /** Other spellings and transliterations ("Рустам Назарзода"), matched by the pickers and search. */
  aliases: string[];
  /** Set when this person was merged into another (see OrganisationFields.mergedInto). */
  mergedInto: string | null;
}

export interface StatementFields {
  briefingId: string;
  speakerId: string | null;
  kind: StatementKind;
  text: string;
  tags: string[];
  /** Fractional index: reordering touches one record and merges without conflicts. */
  order: string;
}

export interface ActionFields {
  kind: ActionKind;
  briefingId: string | null;
  /** The statement this follow-up came from, if any. */
  statementId: string | null;
  title: string;
  owner: string;
  /**
   * Due date of a task or date of an event as precise as the source: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`
   * (core/partial-date.ts), or '' when none.
   */
  due: string;
  /** Place of an announced event. */
  place: string;
  status: ActionStatus;
  priority: Priority;
  notes: string;
  tags: string[];
  /** For an event: the later briefing that recorded it being held (the conference held, the visit made). */
  heldInBriefingId: string | null;
}

export interface ClassificationLevel {
  id: string;
  label: string;
  /** Portion mark of the level, e.g. "C" printed as "(C)" before a cable's paragraphs; '' or absent: derived. */
  short?: string;
  /** Colour of the level's on-screen banner, `#rrggbb`; absent: the default for its rank. */
  colour?: string;
}

/**
 * The workspace settings. The letterhead's fields (core/letterhead.ts: mission name, cable addressees,
 * distribution, precedence, width, portion marks) are fields of their own so each merges on its own.
 */
export interface SettingsFields extends LetterheadFields {
  /** Ordered from least to most restrictive. */
  classificationLevels: ClassificationLevel[];
  defaultClassification: string;
}

/** The briefing fields a template carries into each new briefing made from it. */
export const TEMPLATE_BRIEFING_FIELDS = [
  'title',
  'location',
  'format',
  'organiserIds',
  'audience',
  'classification',
  'caveat',
  'tags',
  'attendees',
  'attendeeGroups',
] as const satisfies readonly (keyof BriefingFields)[];

/** A named starting point for a recurring meeting: its fields are copied into a new briefing. */
export type TemplateFields = { name: string } & Pick<BriefingFields, (typeof TEMPLATE_BRIEFING_FIELDS)[number]>;

export interface PackDefinitionFields {
  name: string;
  /** Serialised pack options; their shape belongs to the pack builder (core/pack). */
  options: Record<string, unknown>;
}

/** A value that lost a sync conflict, kept so that nothing is lost silently. Immutable but for `resolution`. */
export interface ConflictFields {
  table: SyncedTable;
  recordId: string;
  field: string;
  /** The losing value. */
  value: unknown;
  /** The losing value's clock. */
  clock: Hlc;
  /** '' while open; 'restored' when the user brought the losing value back; 'dismissed' when reviewed. */
  resolution: '' | 'restored' | 'dismissed';
}

export interface TableFields {
  briefings: BriefingFields;
  organisations: OrganisationFields;
  people: PersonFields;
  statements: StatementFields;
  actions: ActionFields;
  settings: SettingsFields;
  packs: PackDefinitionFields;
  templates: TemplateFields;
  conflicts: ConflictFields;
}

export type SyncedTable = keyof TableFields;

/** Order matters: referenced records come before the records that reference them. */
export const SYNCED_TABLES: readonly SyncedTable[] = [
  'settings',
  'organisations',
  'people',
  'briefings',
  'statements',
  'actions',
  'packs',
  'templates',
  'conflicts',
];

export type StoredRecord<T extends SyncedTable> = TableFields[T] & RecordMeta;

export type Briefing = StoredRecord<'briefings'>;
export type Organisation = StoredRecord<'organisations'>;
export type Person = StoredRecord<'people'>;
export type Statement = StoredRecord<'statements'>;
export type Action = StoredRecord<'actions'>;
export type Settings = StoredRecord<'settings'>;
export type PackDefinition = StoredRecord<'packs'>;
export type Conflict = StoredRecord<'conflicts'>;
export type Template = StoredRecord<'templates'>;

/** The workspace settings are one record with a fixed id, so two installations' settings merge field by field. */
export const SETTINGS_ID = '00000000-0000-7000-8000-000000000001';

/** Names of the synced fields of each table (everything but the envelope). */
export const FIELDS: { readonly [T in SyncedTable]: readonly (keyof TableFields[T] & string)[] } = {
  briefings: [
    'title',
    'startsAt',
    'location',
    'format',
    'organiserIds',
    'audience',
    'classification',
    'caveat',
    'tags',
    'summary',
    'attendees',
    'attendeeGroups',
    'comment',
  ],
  organisations: ['name', 'acronym', 'country', 'parentId', 'mergedInto'],
  people: ['name', 'title', 'organisationId', 'country', 'aliases', 'mergedInto'],
  statements: ['briefingId', 'speakerId', 'kind', 'text', 'tags', 'order'],
  actions: ['kind', 'briefingId', 'statementId', 'title', 'owner', 'due', 'place', 'status', 'priority', 'notes', 'tags', 'heldInBriefingId'],
  settings: ['classificationLevels', 'defaultClassification', ...LETTERHEAD_FIELDS],
  packs: ['name', 'options'],
  templates: ['name', ...TEMPLATE_BRIEFING_FIELDS],
  conflicts: ['table', 'recordId', 'field', 'value', 'clock', 'resolution'],
};

const STAMPED_FIELDS = Object.fromEntries(
  (Object.keys(FIELDS) as SyncedTable[]).map((t) => [t, Object.freeze([...FIELDS[t], 'deleted'])]),
) as Record<SyncedTable, readonly string[]>;

/** Statements in recorded order; equal keys (two installations appending at once) are ordered by id everywhere. */
export function compareStatements(a: Pick<Statement, 'order' | 'id'>, b: Pick<Statement, 'order' | 'id'>): number {
  return a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every stamped field name: the synced fields plus the tombstone (one frozen list per table: merges call this per record). */
export function stampedFields(table: SyncedTable): readonly string[] {
  return STAMPED_FIELDS[table];
}

/** Every record of a workspace, grouped by table: what the CLI, the pack builder and the tests pass around. */
export type WorkspaceData = { [T in SyncedTable]: StoredRecord<T>[] };

export function emptyWorkspaceData(): WorkspaceData {
  return { settings: [], organisations: [], people: [], briefings: [], statements: [], actions: [], packs: [], templates: [], conflicts: [] };
}
