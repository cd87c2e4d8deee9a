/**
 * Every language loaded at once, for where messages are read synchronously from the start: the CLI, Electron's
 * main process (its menu) and the tests. The app's window loads a language when it is needed instead
 * (core/messages.ts loadCatalogue).
 */
import * as frCatalogue from './catalogues/fr';
import * as ruCatalogue from './catalogues/ru';
import { addCatalogue, EN_AREAS, en } from './messages';

addCatalogue('fr', frCatalogue.messages);
addCatalogue('ru', ruCatalogue.messages);

export const AREA_FILES = { en: EN_AREAS, fr: frCatalogue.areas, ru: ruCatalogue.areas } as const;
export { en };
export const fr = frCatalogue.messages;
export const ru = ruCatalogue.messages;
