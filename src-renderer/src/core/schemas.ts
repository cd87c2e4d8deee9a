/**
 * Validation of every record's fields, shared by the editor (inline messages), the importer and the CLI.
 * zod gives typed, composable schemas with per-field error paths, which is exactly what inline messages need.
 */
import { z } from './zod';
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

const text = (max: number, what: string) =>
  z.string({ error: `${what} must be text` }).max(max, {
    error: (issue) =>
      `${what} is too long: ${(issue.input as string).length.toLocaleString('en')} characters, the limit is ${max.toLocaleString('en')}`,
  });

const required = (max: number, what: string) =>
  text(max, what).refine((s) => s.trim().length > 0, { error: `${what} cannot be empty` });

const id = z.string().refine(isId, { error: 'Not a valid record id' });
const optionalId = id.nullable();
const idList = z.array(id).max(LIMITS.listItems);

const tags = z
  .array(z.string().trim().min(1, { error: 'A tag cannot be empty' }).max(LIMITS.tag, { error: `A tag is at most ${LIMITS.tag} characters` }))
  .max(LIMITS.tags, { error: `At most ${LIMITS.tags} tags` });

const partialDate = z.string().refine((s) => s === '' || isPartialDate(s), { error: 'Not a real date (a day, a month or a year: YYYY-MM-DD, YYYY-MM or YYYY)' });
const names = (what: string) =>
  z
    .array(z.string().trim().min(1, { error: `${what} cannot be empty` }).max(LIMITS.shortText, { error: `${what} is at most ${LIMITS.shortText} characters` }))
    .max(LIMITS.listItems, { error: `At most ${LIMITS.listItems} entries` });

const attendees = z
  .array(z.strictObject({ personId: id, delegation: z.boolean() }))
  .max(LIMITS.attendees, { error: `At most ${LIMITS.attendees} attendees` });

const level = z.strictObject({
  id: z.string().min(1).max(60),
  label: required(60, 'Level name'),
  short: z.string().max(12, { error: 'A short form is at most 12 characters' }).optional(),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'A colour is written #rrggbb' })
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

const dateTime = z.string().refine(isValidDateTime, { error: 'Not a real date and time' });

export const schemas = {
  briefings: z.object({
    title: required(LIMITS.title, 'Title'),
    startsAt: dateTime,
    location: text(LIMITS.shortText, 'Location'),
    format: z.enum(BRIEFING_FORMATS, { error: 'Unknown format' }),
    organiserIds: idList,
    audience: text(LIMITS.shortText, 'Audience'),
    classification: z.string().min(1, { error: 'Choose a classification' }).max(60),
    caveat: text(LIMITS.title, 'Handling caveat'),
    tags,
    summary: text(LIMITS.summary, 'Summary'),
    attendees,
    attendeeGroups: names('A group of attendees'),
    comment: text(LIMITS.summary, 'Comment'),
  }),
  organisations: z.object({
    name: required(LIMITS.title, 'Name'),
    acronym: text(30, 'Acronym'),
    country: text(LIMITS.title, 'Country'),
    parentId: optionalId,
    mergedInto: optionalId,
  }),
  people: z.object({
    name: required(LIMITS.title, 'Name'),
    title: text(LIMITS.shortText, 'Title'),
    organisationId: optionalId,
    country: text(LIMITS.title, 'Country'),
    aliases: names('Another spelling'),
    mergedInto: optionalId,
  }),
  statements: z.object({
    briefingId: id,
    speakerId: optionalId,
    kind: z.enum(STATEMENT_KINDS, { error: 'Unknown statement kind' }),
    text: required(LIMITS.statement, 'Statement'),
    tags,
    order: z.string().min(1).max(200),
  }),
  actions: z.object({
    kind: z.enum(ACTION_KINDS),
    briefingId: optionalId,
    statementId: optionalId,
    title: required(LIMITS.title, 'Title'),
    owner: text(LIMITS.title, 'Owner'),
    due: partialDate,
    place: text(LIMITS.shortText, 'Place'),
    status: z.enum(ACTION_STATUSES, { error: 'Unknown status' }),
    priority: z.enum(PRIORITIES, { error: 'Unknown priority' }),
    notes: text(LIMITS.notes, 'Notes'),
    tags,
    heldInBriefingId: optionalId,
  }),
  settings: z.object({
    classificationLevels: z
      .array(level)
      .min(1, { error: 'Keep at least one classification level' })
      .max(20),
    defaultClassification: z.string().min(1).max(60),
    missionName: letterheadLine,
    cableFrom: letterheadLine,
    cableTo: letterheadList,
    cableInfo: letterheadList,
    distribution: letterheadList,
    cablePrecedence: z.enum(PRECEDENCES, { error: `Precedence is one of ${PRECEDENCES.join(', ')}` }),
    cableWidth: z.number().refine((n) => widthProblem(n) === undefined, { error: widthProblem(0) }),
    portionMarks: z.boolean(),
  }),
  packs: z.object({
    name: required(LIMITS.title, 'Name'),
    options: z.record(z.string(), z.unknown()),
  }),
  templates: z.object({
    name: required(LIMITS.title, 'Template name'),
    title: text(LIMITS.title, 'Title'),
    location: text(LIMITS.shortText, 'Location'),
    format: z.enum(BRIEFING_FORMATS, { error: 'Unknown format' }),
    organiserIds: idList,
    audience: text(LIMITS.shortText, 'Audience'),
    classification: z.string().min(1, { error: 'Choose a classification' }).max(60),
    caveat: text(LIMITS.title, 'Handling caveat'),
    tags,
    attendees,
    attendeeGroups: names('A group of attendees'),
  }),
  conflicts: z.object({
    table: z.enum(SYNCED_TABLES as [SyncedTable, ...SyncedTable[]]),
    recordId: id,
    field: z.string().min(1).max(60),
    value: z.unknown(),
    clock: z.string().refine(isHlc, { error: 'Not a clock stamp' }),
    resolution: z.enum(['', 'restored', 'dismissed']),
  }),
} satisfies { [T in SyncedTable]: z.ZodType<TableFields[T]> };

export type FieldErrors = Record<string, string>;

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Validate a whole set of fields; errors are keyed by field name, one human sentence each. */
export function validateFields<T extends SyncedTable>(table: T, fields: unknown): Validation<TableFields[T]> {
  const result = schemas[table].safeParse(fields);
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
  const shape = schemas[table].shape as Record<string, z.ZodType>;
  const schema = shape[field];
  if (!schema) return `Unknown field ${field}`;
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}
