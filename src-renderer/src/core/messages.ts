import enApp from '../../../messages/en/app.json' with { type: 'json' };
import enBriefing from '../../../messages/en/briefing.json' with { type: 'json' };
import enCommon from '../../../messages/en/common.json' with { type: 'json' };
import enDocuments from '../../../messages/en/documents.json' with { type: 'json' };
import enErrors from '../../../messages/en/errors.json' with { type: 'json' };
import enExchange from '../../../messages/en/exchange.json' with { type: 'json' };
import enPacks from '../../../messages/en/packs.json' with { type: 'json' };
import enPeople from '../../../messages/en/people.json' with { type: 'json' };
import enRecord from '../../../messages/en/record.json' with { type: 'json' };
import enSearch from '../../../messages/en/search.json' with { type: 'json' };
import enSettings from '../../../messages/en/settings.json' with { type: 'json' };
import enTracker from '../../../messages/en/tracker.json' with { type: 'json' };

/**
 * The message files, one per area of the app and per language (messages/<locale>/<area>.json), so a
 * translator — or a colleague changing one screen — opens the words of that area only. A key lives in
 * exactly one area (tests/unit/i18n.test.ts checks it); the English catalogue's keys are the MessageKey type.
 * Imported, not globbed: the CLI (tsx) and Electron's main process read them the same way as Vite.
 */
export const AREAS = ['app', 'briefing', 'common', 'documents', 'errors', 'exchange', 'packs', 'people', 'record', 'search', 'settings', 'tracker'] as const;
export type Area = (typeof AREAS)[number];

/** The English files by area (the other languages' are in core/catalogues/). */
export const EN_AREAS = { app: enApp, briefing: enBriefing, common: enCommon, documents: enDocuments, errors: enErrors, exchange: enExchange, packs: enPacks, people: enPeople, record: enRecord, search: enSearch, settings: enSettings, tracker: enTracker } as const;

export const en = { ...enApp, ...enBriefing, ...enCommon, ...enDocuments, ...enErrors, ...enExchange, ...enPacks, ...enPeople, ...enRecord, ...enSearch, ...enSettings, ...enTracker };

/**
 * French and Russian are loaded on demand: an English session never parses them (about 300 KB of the first
 * script otherwise, issue 12's list paint). English is always here: its keys are the types, and a language not
 * loaded yet falls back to it (core/i18n.ts).
 */
type Catalogue = Readonly<Record<string, string>>;
const loaded = new Map<string, Catalogue>([['en', en]]);
const LOADERS: Record<string, () => Promise<{ messages: Catalogue }>> = {
  fr: () => import('./catalogues/fr'),
  ru: () => import('./catalogues/ru'),
};

export function catalogueOf(locale: string): Catalogue | undefined {
  return loaded.get(locale);
}

export function addCatalogue(locale: string, messages: Catalogue): void {
  loaded.set(locale, messages);
}

/** Make a language's messages available (at once when they are); before the first message in it is needed. */
export async function loadCatalogue(locale: string): Promise<void> {
  if (loaded.has(locale)) return;
  const load = LOADERS[locale];
  if (!load) return;
  loaded.set(locale, (await load()).messages);
}
