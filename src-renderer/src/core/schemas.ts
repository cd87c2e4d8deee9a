/**
 * Validation of every record's fields, shared by the editor (inline messages), the importer and the CLI.
 * zod gives typed, composable schemas with per-field error paths, which is exactly what inline messages need.
 */
import { z } from './zod';
import { windowText } from './errors';
import type { MessageKey, MessageValues } from './i18n';
import { isValidDateTime } from './dates';
import { isPartialDate } from './partial-date';
import { isHlc } from './hlc';
import { isId } from './ids';
import { lineProblem, listProblem, PRECEDENCES, widthProblem } from './letterhead';
import { LIMITS } from './limits';
import {
  ACTION_KINDS,
  ACTION_STATUSES,
  BRIEFING_FORMATS,
  PRIORITIES,
  STATEMENT_KINDS,
  SYNCED_TABLES,
  type SyncedTable,
  type TableFields,
} from './model';

/**
 * The messages are read when a value is checked, not when the schemas are built, so an editor shows them in
 * the window's language (core/errors.ts windowText; English in the CLI, the importer's workers and tests).
 */
const say =
  (key: MessageKey, values: (issue: { input?: unknown }) => MessageValues = () => ({})) =>
  (issue: { input?: unknown }): string =>
    windowText(key, values(issue));
/** A field's name inside a message, in the same language. */
type What = 'title' | 'location' | 'audience' | 'caveat' | 'summary' | 'comment' | 'name' | 'acronym' | 'country' | 'statement' | 'owner' | 'place' | 'notes' | 'templateName' | 'levelName' | 'attendeeGroup' | 'alias';
const whatOf = (what: What): string => windowText(`error.what.${what}` as MessageKey);

const text = (max: number, what: What) =>
  z.string({ error: say('error.field.notText', () => ({ what: whatOf(what) })) }).max(max, {
    error: say('error.field.tooLong', (issue) => ({ what: whatOf(what), length: (issue.input as string).length, max })),
  });

const required = (max: number, what: What) =>
  text(max, what).refine((s) => s.trim().length > 0, { error: say('error.field.empty', () => ({ what: whatOf(what) })) });

const id = z.string().refine(isId, { error: say('error.field.badId') });
const optionalId = id.nullable();
const idList = z.array(id).max(LIMITS.listItems);

const tags = z
  .array(z.string().trim().min(1, { error: say('error.field.tagEmpty') }).max(LIMITS.tag, { error: say('error.field.tagTooLong', () => ({ max: LIMITS.tag })) }))
  .max(LIMITS.tags, { error: say('error.field.tooManyTags', () => ({ max: LIMITS.tags })) });

const partialDate = z.string().refine((s) => s === '' || isPartialDate(s), { error: say('error.field.badPartialDate') });
const names = (what: What) =>
  z
    .array(z.string().trim().min(1, { error: say('error.field.empty', () => ({ what: whatOf(what) })) }).max(LIMITS.shortText, { error: say('error.field.entryTooLong', () => ({ what: whatOf(what), max: LIMITS.shortText })) }))
    .max(LIMITS.listItems, { error: say('error.field.tooManyEntries', () => ({ max: LIMITS.listItems })) });

const attendees = z
  .array(z.strictObject({ personId: id, delegation: z.boolean() }))
  .max(LIMITS.attendees, { error: say('error.field.tooManyAttendees', () => ({ max: LIMITS.attendees })) });

const level = z.strictObject({
  id: z.string().min(1).max(60),
  label: required(60, 'levelName'),
  short: z.string().max(12, { error: say('error.field.shortTooLong', () => ({ max: 12 })) }).optional(),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: say('error.field.colour') })
    .optional(),
});

// The letterhead's rules are core/letterhead.ts' own, so Settings, import and the CLI refuse the same lines.
const letterheadLine = z.string({ error: 'A letterhead line must be text' }).superRefine((v, ctx) => {
  const problem = lineProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const letterheadList = z.array(z.string({ error: 'An addressee must be text' })).superRefine((v, ctx) => {
  const problem = listProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const dateTime = z.string().refine(isValidDateTime, { error: say('error.field.badDateTime') });

/**
 * Each table's schema, built when it is first used: a window draws its first screen after reading only the
 * settings, and building every table's schema at import cost that first paint for nothing (issue 12).
 */
const builders = {
  briefings: () => z.object({
    title: required(LIMITS.title, 'title'),
    startsAt: dateTime,
    location: text(LIMITS.shortText, 'location'),
    format: z.enum(BRIEFING_FORMATS, { error: say('error.field.unknownFormat') }),
    organiserIds: idList,
    audience: text(LIMITS.shortText, 'audience'),
    classification: z.string().min(1, { error: say('error.field.chooseClassification') }).max(60),
    caveat: text(LIMITS.title, 'caveat'),
    tags,
    summary: text(LIMITS.summary, 'summary'),
    attendees,
    attendeeGroups: names('attendeeGroup'),
    comment: text(LIMITS.summary, 'comment'),
  }),
  organisations: () => z.object({
    name: required(LIMITS.title, 'name'),
    acronym: text(30, 'acronym'),
    country: text(LIMITS.title, 'country'),
    parentId: optionalId,
    mergedInto: optionalId,
  }),
  people: () => z.object({
    name: required(LIMITS.title, 'name'),
    title: text(LIMITS.shortText, 'title'),
    organisationId: optionalId,
    country: text(LIMITS.title, 'country'),
    aliases: names('alias'),
    mergedInto: optionalId,
  }),
  statements: () => z.object({
    briefingId: id,
    speakerId: optionalId,
    kind: z.enum(STATEMENT_KINDS, { error: say('error.field.unknownKind') }),
    text: required(LIMITS.statement, 'statement'),
    tags,
    order: z.string().min(1).max(200),
  }),
  actions: () => z.object({
    kind: z.enum(ACTION_KINDS),
    briefingId: optionalId,
    statementId: optionalId,
    title: required(LIMITS.title, 'title'),
    owner: text(LIMITS.title, 'owner'),
    due: partialDate,
    place: text(LIMITS.shortText, 'place'),
    status: z.enum(ACTION_STATUSES, { error: say('error.field.unknownStatus') }),
    priority: z.enum(PRIORITIES, { error: say('error.field.unknownPriority') }),
    notes: text(LIMITS.notes, 'notes'),
    tags,
    heldInBriefingId: optionalId,
  }),
  settings: () => z.object({
    classificationLevels: z
      .array(level)
      .min(1, { error: say('error.field.keepOneLevel') })
      .max(20),
    defaultClassification: z.string().min(1).max(60),
    missionName: letterheadLine,
    cableFrom: letterheadLine,
    cableTo: letterheadList,
    cableInfo: letterheadList,
    distribution: letterheadList,
    // Said when a value is checked (in the window's language), as Settings → Documents says them.
    cablePrecedence: z.enum(PRECEDENCES, { error: say('settings.letterhead.precedence', () => ({ list: PRECEDENCES.join(', ') })) }),
    cableWidth: z.number().refine((n) => widthProblem(n) === undefined, { error: () => widthProblem(0) }),
    portionMarks: z.boolean(),
  }),
  packs: () => z.object({
    name: required(LIMITS.title, 'name'),
    options: z.record(z.string(), z.unknown()),
  }),
  templates: () => z.object({
    name: required(LIMITS.title, 'templateName'),
    title: text(LIMITS.title, 'title'),
    location: text(LIMITS.shortText, 'location'),
    format: z.enum(BRIEFING_FORMATS, { error: say('error.field.unknownFormat') }),
    organiserIds: idList,
    audience: text(LIMITS.shortText, 'audience'),
    classification: z.string().min(1, { error: say('error.field.chooseClassification') }).max(60),
    caveat: text(LIMITS.title, 'caveat'),
    tags,
    attendees,
    attendeeGroups: names('attendeeGroup'),
  }),
  conflicts: () => z.object({
    table: z.enum(SYNCED_TABLES as [SyncedTable, ...SyncedTable[]]),
    recordId: id,
    field: z.string().min(1).max(60),
    value: z.unknown(),
    clock: z.string().refine(isHlc, { error: say('error.field.notClock') }),
    resolution: z.enum(['', 'restored', 'dismissed']),
  }),
} satisfies { [T in SyncedTable]: () => z.ZodType<TableFields[T]> };

type Schemas = { [T in SyncedTable]: ReturnType<(typeof builders)[T]> };
const built: Partial<Schemas> = {};

/** A table's schema (built once, on first use). */
export function schemaOf<T extends SyncedTable>(table: T): Schemas[T] {
  return (built[table] ??= builders[table]() as Schemas[T]);
}

export type FieldErrors = Record<string, string>;

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Validate a whole set of fields; errors are keyed by field name, one human sentence each. */
export function validateFields<T extends SyncedTable>(table: T, fields: unknown): Validation<TableFields[T]> {
  const result = schemaOf(table).safeParse(fields);
  if (result.success) return { ok: true, value: result.data as TableFields[T] };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '_');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Validate a single field, for inline messages while typing. Returns the message, or undefined when valid. */
export function validateField<T extends SyncedTable>(table: T, field: keyof TableFields[T] & string, value: unknown): string | undefined {
  const shape = schemaOf(table).shape as Record<string, z.ZodType>;
  const schema = shape[field];
  if (!schema) return windowText('error.field.unknown', { field });
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}
