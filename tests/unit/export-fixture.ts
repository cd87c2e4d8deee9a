/**
 * Export inputs for the format writers' tests, built as the app and the CLI build them: briefing documents
 * (core/document/briefing.ts) of a workspace, or the tracker's rows with their briefings.
 */
import { briefingDocumentFromData, type BriefingDocument } from '../../src-renderer/src/core/document/briefing';
import { EXAMPLE_BRIEFING_ID, exampleWorkspaceData } from '../../src-renderer/src/core/example';
import type { ExportInput, TrackerItem } from '../../src-renderer/src/core/export/formats';
import { briefingName } from '../../src-renderer/src/core/held-events';
import { letterheadOf } from '../../src-renderer/src/core/letterhead';
import type { WorkspaceData } from '../../src-renderer/src/core/model';
import { settingsOfData } from '../../src-renderer/src/core/settings';

export function documentsOf(data: WorkspaceData, ids: readonly string[]): BriefingDocument[] {
  return ids.map((id) => briefingDocumentFromData(data, id)!);
}

export function briefingInput(data: WorkspaceData = exampleWorkspaceData(), ids: readonly string[] = [EXAMPLE_BRIEFING_ID]): ExportInput {
  const briefings = documentsOf(data, ids);
  const settings = settingsOfData(data);
  return {
    scope: 'briefing',
    briefings,
    items: [],
    title: briefings.length === 1 ? briefings[0]!.header.title : 'Briefings',
    letterhead: letterheadOf(settings),
    levels: settings.classificationLevels,
    asOf: '2015-04-10',
  };
}

/** Every follow-up and event of the briefings, as the tracker's rows (tasks and events, each with its briefing). */
export function trackerItems(docs: readonly BriefingDocument[]): TrackerItem[] {
  return docs.flatMap((d) => {
    const briefing = { id: d.id, title: d.header.title, startsAt: d.header.startsAt, name: briefingName(d.header) };
    return [...d.followUps, ...d.events].map((a) => ({ ...a, briefing }));
  });
}

export function trackerInput(data: WorkspaceData = exampleWorkspaceData(), ids: readonly string[] = [EXAMPLE_BRIEFING_ID]): ExportInput {
  return { ...briefingInput(data, ids), scope: 'tracker', briefings: [], items: trackerItems(documentsOf(data, ids)), title: 'Follow-ups' };
}
