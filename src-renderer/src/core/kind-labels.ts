/**
 * English names of the statement kinds and priorities (the CLI's and the tests'), from the same messages as
 * every language; a screen or an output in a language uses core/labels.ts.
 */
import { formatLabel, kindLabel, priorityLabel } from './labels';
import { BRIEFING_FORMATS, PRIORITIES, STATEMENT_KINDS, type BriefingFormat, type Priority, type StatementKind } from './model';

export const KIND_LABELS = Object.fromEntries(STATEMENT_KINDS.map((k) => [k, kindLabel('en', k)])) as Record<StatementKind, string>;
export const PRIORITY_LABELS = Object.fromEntries(PRIORITIES.map((p) => [p, priorityLabel('en', p)])) as Record<Priority, string>;
export const FORMAT_LABELS = Object.fromEntries(BRIEFING_FORMATS.map((f) => [f, formatLabel('en', f)])) as Record<BriefingFormat, string>;
