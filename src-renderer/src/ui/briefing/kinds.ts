import type { ActionStatus, Priority, StatementKind } from '../../core/model';

/** How each statement kind is named on screen (the stored value stays the model's word). */
export const KIND_LABELS: Record<StatementKind, string> = {
  statement: 'Statement',
  figure: 'Figure',
  proposal: 'Proposal',
  request: 'Request',
  announcement: 'Announcement',
};

export const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High' };
