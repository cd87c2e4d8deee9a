/**
 * Selection for sharing part of a workspace: by tag, by briefing, and under a classification ceiling.
 * A selected briefing brings what it references and what hangs off it (statements, follow-ups, speakers,
 * organisations, the settings), so the colleague receives something whole.
 */
import { levelLabel, withinCeiling } from '../classification';
import { settingsOfData } from '../settings';
import { foldName } from '../text';
import { SYNCED_TABLES, emptyWorkspaceData, type StoredRecord, type SyncedTable, type WorkspaceData } from '../model';

export interface Selection {
  /** Briefings carrying any of these tags (and follow-ups without a briefing that carry one). */
  tags?: string[];
  /** These briefings. With `tags` too, a briefing is selected when it matches either. */
  briefingIds?: string[];
  /** Id of the most restrictive classification level allowed; briefings above it are left out. */
  ceiling?: string;
}

/** "Briefings tagged drugs or borders, 2 chosen briefings, up to RESTRICTED" */
export function describeSelection(selection: Selection, data?: Pick<WorkspaceData, 'settings'>): string {
  const levels = settingsOfData(data ?? { settings: [] }).classificationLevels;
  const parts: string[] = [];
  if (selection.tags?.length) parts.push(`briefings tagged ${selection.tags.join(' or ')}`);
  if (selection.briefingIds?.length) parts.push(`${selection.briefingIds.length} chosen briefing${selection.briefingIds.length === 1 ? '' : 's'}`);
  if (!parts.length) parts.push('all briefings');
  let text = parts.join(', ');
  if (selection.ceiling) text += `, classified up to ${levelLabel(levels, selection.ceiling)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The part of a workspace a selection covers: the matching briefings (tombstones included, so deletions
 * travel), their statements and follow-ups, the people and organisations they reference, the settings,
 * and the conflict log entries about those records. Pack definitions stay home.
 */
export function selectRecords(data: WorkspaceData, selection: Selection): WorkspaceData {
  const levels = settingsOfData(data).classificationLevels;
  // Tags match as everywhere else in the app: case, accents and extra spaces do not matter.
  const tags = new Set((selection.tags ?? []).map(foldName));
  const chosen = new Set(selection.briefingIds ?? []);
  const filtered = tags.size > 0 || chosen.size > 0;
  const hasTag = (t: readonly string[]) => t.some((x) => tags.has(foldName(x)));
  const allowed = (classification: string) => !selection.ceiling || withinCeiling(levels, classification, selection.ceiling);

  const out = emptyWorkspaceData();
  out.settings = data.settings.slice();
  out.briefings = data.briefings.filter((b) => allowed(b.classification) && (!filtered || chosen.has(b.id) || hasTag(b.tags)));
  const briefingIds = new Set(out.briefings.map((b) => b.id));
  out.statements = data.statements.filter((s) => briefingIds.has(s.briefingId));
  const statementIds = new Set(out.statements.map((s) => s.id));
  out.actions = data.actions.filter((a) =>
    a.briefingId !== null
      ? briefingIds.has(a.briefingId)
      : a.statementId !== null
        ? statementIds.has(a.statementId)
        : // A follow-up tied to no briefing carries no classification: it goes with an unfiltered selection or a matching tag.
          !filtered || hasTag(a.tags),
  );
  const personIds = new Set<string>();
  for (const s of out.statements) if (s.speakerId) personIds.add(s.speakerId);
  out.people = data.people.filter((p) => personIds.has(p.id));
  const organisationIds = new Set<string>();
  for (const b of out.briefings) for (const o of b.organiserIds) organisationIds.add(o);
  for (const p of out.people) if (p.organisationId) organisationIds.add(p.organisationId);
  out.organisations = data.organisations.filter((o) => organisationIds.has(o.id));

  const included = new Map<SyncedTable, Set<string>>();
  for (const t of SYNCED_TABLES) included.set(t, new Set((out[t] as StoredRecord<SyncedTable>[]).map((r) => r.id)));
  out.conflicts = data.conflicts.filter((c) => included.get(c.table)?.has(c.recordId));
  return out;
}
