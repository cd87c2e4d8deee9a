import enApp from '../../../messages/en/app.json';
import enBriefing from '../../../messages/en/briefing.json';
import enCommon from '../../../messages/en/common.json';
import enDocuments from '../../../messages/en/documents.json';
import enErrors from '../../../messages/en/errors.json';
import enExchange from '../../../messages/en/exchange.json';
import enPacks from '../../../messages/en/packs.json';
import enPeople from '../../../messages/en/people.json';
import enRecord from '../../../messages/en/record.json';
import enSearch from '../../../messages/en/search.json';
import enSettings from '../../../messages/en/settings.json';
import enTracker from '../../../messages/en/tracker.json';
import frApp from '../../../messages/fr/app.json';
import frBriefing from '../../../messages/fr/briefing.json';
import frCommon from '../../../messages/fr/common.json';
import frDocuments from '../../../messages/fr/documents.json';
import frErrors from '../../../messages/fr/errors.json';
import frExchange from '../../../messages/fr/exchange.json';
import frPacks from '../../../messages/fr/packs.json';
import frPeople from '../../../messages/fr/people.json';
import frRecord from '../../../messages/fr/record.json';
import frSearch from '../../../messages/fr/search.json';
import frSettings from '../../../messages/fr/settings.json';
import frTracker from '../../../messages/fr/tracker.json';
import ruApp from '../../../messages/ru/app.json';
import ruBriefing from '../../../messages/ru/briefing.json';
import ruCommon from '../../../messages/ru/common.json';
import ruDocuments from '../../../messages/ru/documents.json';
import ruErrors from '../../../messages/ru/errors.json';
import ruExchange from '../../../messages/ru/exchange.json';
import ruPacks from '../../../messages/ru/packs.json';
import ruPeople from '../../../messages/ru/people.json';
import ruRecord from '../../../messages/ru/record.json';
import ruSearch from '../../../messages/ru/search.json';
import ruSettings from '../../../messages/ru/settings.json';
import ruTracker from '../../../messages/ru/tracker.json';

/**
 * The message files, one per area of the app and per language (messages/<locale>/<area>.json), so a
 * translator — or a colleague changing one screen — opens the words of that area only. A key lives in
 * exactly one area (tests/unit/i18n.test.ts checks it); the English catalogue's keys are the MessageKey type.
 * Imported, not globbed: the CLI (tsx) and Electron's main process read them the same way as Vite.
 */
export const AREAS = ['app', 'briefing', 'common', 'documents', 'errors', 'exchange', 'packs', 'people', 'record', 'search', 'settings', 'tracker'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_FILES = {
  en: { app: enApp, briefing: enBriefing, common: enCommon, documents: enDocuments, errors: enErrors, exchange: enExchange, packs: enPacks, people: enPeople, record: enRecord, search: enSearch, settings: enSettings, tracker: enTracker },
  fr: { app: frApp, briefing: frBriefing, common: frCommon, documents: frDocuments, errors: frErrors, exchange: frExchange, packs: frPacks, people: frPeople, record: frRecord, search: frSearch, settings: frSettings, tracker: frTracker },
  ru: { app: ruApp, briefing: ruBriefing, common: ruCommon, documents: ruDocuments, errors: ruErrors, exchange: ruExchange, packs: ruPacks, people: ruPeople, record: ruRecord, search: ruSearch, settings: ruSettings, tracker: ruTracker },
} as const;

export const en = { ...enApp, ...enBriefing, ...enCommon, ...enDocuments, ...enErrors, ...enExchange, ...enPacks, ...enPeople, ...enRecord, ...enSearch, ...enSettings, ...enTracker };
const gather = (areas: Readonly<Record<Area, Readonly<Record<string, string>>>>): Record<string, string> =>
  Object.assign({}, ...AREAS.map((area) => areas[area])) as Record<string, string>;
export const fr = gather(AREA_FILES.fr);
export const ru = gather(AREA_FILES.ru);
