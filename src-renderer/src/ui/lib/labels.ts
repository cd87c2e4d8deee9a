/**
 * How the model's words are named on screen, in the interface's language (the stored value stays the
 * model's word). The names themselves are core/labels.ts's, shared with every output.
 */
import * as labels from '../../core/labels';
import type { ActionKind, ActionStatus, BriefingFormat, Priority, StatementKind } from '../../core/model';
import type { DueWindow } from '../../core/dates';
import { locale } from '../app/locale.svelte';

export const kindLabel = (kind: StatementKind): string => labels.kindLabel(locale.current, kind);
export const kindPluralLabel = (kind: StatementKind): string => labels.kindPluralLabel(locale.current, kind);
export const priorityLabel = (priority: Priority): string => labels.priorityLabel(locale.current, priority);
export const statusLabel = (status: ActionStatus): string => labels.statusLabel(locale.current, status);
export const formatLabel = (format: BriefingFormat): string => labels.formatLabel(locale.current, format);
export const dueWindowLabel = (window: DueWindow): string => labels.dueWindowLabel(locale.current, window);
export const actionKindLabel = (kind: ActionKind): string => labels.actionKindLabel(locale.current, kind);

// English names, until each screen moves to the functions above (tests/unit/ui-strings.test.ts lists those left).
export { KIND_LABELS, PRIORITY_LABELS, FORMAT_LABELS } from '../../core/kind-labels';
export { STATUS_LABELS } from '../../core/tracker';
