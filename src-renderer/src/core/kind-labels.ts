/**
 * How the model's statement kinds and priorities are named — on screen and in every export (CSV columns,
 * Markdown, .docx), so a statement reads "Request" wherever it appears. The stored value stays the model's word.
 */
import type { Priority, StatementKind } from './model';

export const KIND_LABELS: Record<StatementKind, string> = {
  statement: 'Statement',
  figure: 'Figure',
  proposal: 'Proposal',
  request: 'Request',
  announcement: 'Announcement',
  decision: 'Decision',
};

export const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High' };
