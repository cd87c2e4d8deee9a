/**
 * How the model's words are named — on screen and in every output (the PDF pack, the cable, CSV columns,
 * Markdown, .docx) — in a given language, so a statement reads "Request", « Demande » or «Просьба» wherever
 * it appears. The stored value stays the model's word; the names are in messages/<locale>/common.json.
 */
import { translate, type Locale, type MessageKey } from './i18n';
import type { ActionKind, ActionStatus, BriefingFormat, Priority, StatementKind } from './model';
import type { DueWindow } from './dates';

export const kindLabel = (locale: Locale, kind: StatementKind): string => translate(locale, `kind.${kind}` as MessageKey);
/** The kind as a heading or a filter over many ("Requests"). */
export const kindPluralLabel = (locale: Locale, kind: StatementKind): string => translate(locale, `kind.plural.${kind}` as MessageKey);
export const priorityLabel = (locale: Locale, priority: Priority): string => translate(locale, `priority.${priority}` as MessageKey);
export const statusLabel = (locale: Locale, status: ActionStatus): string => translate(locale, `status.${status}` as MessageKey);
export const formatLabel = (locale: Locale, format: BriefingFormat): string => translate(locale, `format.${format}` as MessageKey);
export const dueWindowLabel = (locale: Locale, window: DueWindow): string => translate(locale, `dueWindow.${window}` as MessageKey);
export const actionKindLabel = (locale: Locale, kind: ActionKind): string => translate(locale, `actionKind.${kind}` as MessageKey);
