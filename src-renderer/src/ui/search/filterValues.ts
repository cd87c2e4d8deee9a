import type { StatementKind } from '../../core/model';
import type { ResultType, SearchFilters } from '../../core/search/query';

/** What the filter controls hold: plain strings, '' for "not set". */
export interface FilterValues {
  tag: string;
  speaker: string;
  organisation: string;
  from: string;
  to: string;
  type: ResultType | '';
  /** A kind of statement (e.g. decision): statements of that kind and the follow-ups made from them. */
  kind: StatementKind | '';
}

export function noFilters(): FilterValues {
  return { tag: '', speaker: '', organisation: '', from: '', to: '', type: '', kind: '' };
}

export function toSearchFilters(v: FilterValues): SearchFilters {
  const f: SearchFilters = {};
  if (v.tag.trim()) f.tag = v.tag.trim();
  if (v.speaker.trim()) f.speaker = v.speaker.trim();
  if (v.organisation.trim()) f.organisation = v.organisation.trim();
  if (v.from) f.from = v.from;
  if (v.to) f.to = v.to;
  if (v.type) f.types = [v.type];
  if (v.kind) f.kinds = [v.kind];
  return f;
}
