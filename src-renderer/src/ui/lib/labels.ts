/** How the model's words are named on screen (the stored value stays the model's word). */
import type { Priority, StatementKind } from '../../core/model';

export const KIND_LABELS: Record<StatementKind, string> = {
  statement: 'Statement',
  figure: 'Figure',
  proposal: 'Proposal',
  request: 'Request',
  announcement: 'Announcement',
  decision: 'Decision',
};

// The tracker (core, shared with the CLI) owns the status names; the model the format names (packs print them too).
export { STATUS_LABELS } from '../../core/tracker';
export { FORMAT_LABELS } from '../../core/model';

export const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High' };
