/**
 * Exports from the app: what a scope needs (a briefing's document, the rows of the tracker's current
 * filter) with the workspace's letterhead and levels, written by the registry's writer (core/export/formats.ts),
 * the same call `attache export` makes. Saving the bytes is the UI's (the platform bridge's saveFile).
 */
import { todayIso } from '../core/dates';
import { briefingDocument, type BriefingDocument } from '../core/document/briefing';
import { trackerItems } from '../core/document/tracker-items';
import { exportFile, type ExportedFile, type ExportFormat, type ExportInput, type ExportOptions, type ExportScope, type TrackerItem } from '../core/export/formats';
import { letterheadOf } from '../core/letterhead';
import { loadCatalogue, translate, type Locale } from '../core/i18n';
import type { Action, Briefing } from '../core/model';
import type { BriefingRef } from './actions';
import type { AttacheDb } from './db';
import { keptEvents } from './held-events';
import { listOrganisations } from './organisations';
import { listPeople, personRedirects, withRedirects } from './people';
import { settingsOf } from './settings';
import { listBriefingActions, listStatements } from './statements';

/** What is exported, before the workspace's settings are added. */
export interface ExportContent {
  scope: ExportScope;
  briefings: readonly BriefingDocument[];
  items: readonly TrackerItem[];
  title: string;
  /** The tracker's rows again in another language (its dates, statuses, "Held — see …"); briefings are read again from storage. */
  inLanguage?: (locale: Locale) => Omit<ExportContent, 'inLanguage'>;
}

export function briefingContent(doc: BriefingDocument): ExportContent {
  return { scope: 'briefing', briefings: [doc], items: [], title: doc.header.title.trim() || 'Untitled briefing' };
}

/** The tracker's current rows, in its order, each with the briefing it came from. */
export function trackerContent(rows: readonly Action[], briefings: ReadonlyMap<string, BriefingRef>): ExportContent {
  const inLanguage = (locale: Locale) => ({ scope: 'tracker' as const, briefings: [], items: trackerItems(rows, (id) => briefings.get(id), locale), title: 'Follow-ups' });
  return { ...inLanguage('en'), inLanguage };
}

/**
 * A briefing's document read from storage in a language: what the reading view shows (the same sources as
 * the briefing screen: statements, follow-ups, events kept here, people through merges), with the dates,
 * labels and "Held — see …" in the export's language. Undefined when the briefing is gone.
 */
export async function briefingDocumentIn(db: AttacheDb, briefingId: string, locale: Locale): Promise<BriefingDocument | undefined> {
  const briefing = await db.briefings.get(briefingId);
  if (!briefing || briefing.deleted) return undefined;
  const [statements, actions, kept, people, redirects, organisations, settings] = await Promise.all([
    listStatements(db, briefingId),
    listBriefingActions(db, briefingId),
    keptEvents(db, briefingId),
    listPeople(db),
    personRedirects(db),
    listOrganisations(db),
    settingsOf(db),
  ]);
  const heldIds = [...new Set(actions.map((a) => a.heldInBriefingId).filter((x): x is string => !!x))];
  const held = new Map((await db.briefings.bulkGet(heldIds)).filter((b): b is Briefing => !!b).map((b) => [b.id, b]));
  const personById = withRedirects(people, redirects);
  const orgById = new Map(organisations.map((o) => [o.id, o]));
  return briefingDocument({
    briefing,
    statements,
    actions,
    kept,
    people: (id) => personById.get(id),
    organisations: (id) => orgById.get(id),
    briefings: (id) => held.get(id),
    levels: settings.classificationLevels,
    locale,
  });
}

/** The content again in `locale`: the tracker's rows re-worded, the briefings read again from storage. */
async function contentIn(db: AttacheDb, content: ExportContent, locale: Locale): Promise<ExportContent> {
  if (content.inLanguage) return content.inLanguage(locale);
  if (content.scope !== 'briefing') return content;
  const docs = await Promise.all(content.briefings.map(async (d) => (await briefingDocumentIn(db, d.id, locale)) ?? d));
  const title = docs.length === 1 ? content.title : translate(locale, 'doc.briefings.count', { count: docs.length });
  return { ...content, briefings: docs, title };
}

/** The full input: the content with the letterhead, the levels, the day of issue and (for a PDF) the app's PDF engine. */
export async function exportInput(db: AttacheDb, content: ExportContent, format: ExportFormat, asOf: string = todayIso(), locale?: Locale): Promise<ExportInput> {
  const settings = await settingsOf(db);
  // pdfmake (about a megabyte) is loaded only when a PDF is asked for.
  const pdf = format.mimeType === 'application/pdf' ? (await import('../core/export/pdf-browser')).browserPdfEngine : undefined;
  if (locale) await loadCatalogue(locale);
  const { scope, briefings, items, title } = locale ? await contentIn(db, content, locale) : content;
  return { scope, briefings, items, title, letterhead: letterheadOf(settings), levels: settings.classificationLevels, asOf, pdf, ...(locale && { locale }) };
}

/**
 * Write an export: checked and written by the registry; throws ExportError with a message for the user.
 * `locale`: the language of the file's own words (headings, labels, dates), whatever the interface's.
 */
export async function writeExport(db: AttacheDb, format: ExportFormat, content: ExportContent, options: ExportOptions = {}, locale?: Locale): Promise<ExportedFile> {
  return exportFile(format, await exportInput(db, content, format, todayIso(), locale), options);
}
