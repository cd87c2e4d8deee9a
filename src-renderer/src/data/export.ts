/**
 * Exports from the app: what a scope needs (a briefing's document, the rows of the tracker's current
 * filter) with the workspace's letterhead and levels, written by the registry's writer (core/export/formats.ts),
 * the same call `attache export` makes. Saving the bytes is the UI's (the platform bridge's saveFile).
 */
import { todayIso } from '../core/dates';
import type { BriefingDocument } from '../core/document/briefing';
import { trackerItems } from '../core/document/tracker-items';
import { exportFile, type ExportedFile, type ExportFormat, type ExportInput, type ExportOptions, type ExportScope, type TrackerItem } from '../core/export/formats';
import { letterheadOf } from '../core/letterhead';
import type { Action } from '../core/model';
import type { BriefingRef } from './actions';
import type { AttacheDb } from './db';
import { settingsOf } from './settings';

/** What is exported, before the workspace's settings are added. */
export interface ExportContent {
  scope: ExportScope;
  briefings: readonly BriefingDocument[];
  items: readonly TrackerItem[];
  title: string;
}

export function briefingContent(doc: BriefingDocument): ExportContent {
  return { scope: 'briefing', briefings: [doc], items: [], title: doc.header.title.trim() || 'Untitled briefing' };
}

/** The tracker's current rows, in its order, each with the briefing it came from. */
export function trackerContent(rows: readonly Action[], briefings: ReadonlyMap<string, BriefingRef>): ExportContent {
  return { scope: 'tracker', briefings: [], items: trackerItems(rows, (id) => briefings.get(id)), title: 'Follow-ups' };
}

/** The full input: the content with the letterhead, the levels, the day of issue and (for a PDF) the app's PDF engine. */
export async function exportInput(db: AttacheDb, content: ExportContent, format: ExportFormat, asOf: string = todayIso()): Promise<ExportInput> {
  const settings = await settingsOf(db);
  // pdfmake (about a megabyte) is loaded only when a PDF is asked for.
  const pdf = format.mimeType === 'application/pdf' ? (await import('../core/export/pdf-browser')).browserPdfEngine : undefined;
  return { ...content, letterhead: letterheadOf(settings), levels: settings.classificationLevels, asOf, pdf };
}

/** Write an export: checked and written by the registry; throws ExportError with a message for the user. */
export async function writeExport(db: AttacheDb, format: ExportFormat, content: ExportContent, options: ExportOptions = {}): Promise<ExportedFile> {
  return exportFile(format, await exportInput(db, content, format), options);
}
