import app from '../../../../messages/ru/app.json' with { type: 'json' };
import briefing from '../../../../messages/ru/briefing.json' with { type: 'json' };
import common from '../../../../messages/ru/common.json' with { type: 'json' };
import documents from '../../../../messages/ru/documents.json' with { type: 'json' };
import errors from '../../../../messages/ru/errors.json' with { type: 'json' };
import exchange from '../../../../messages/ru/exchange.json' with { type: 'json' };
import packs from '../../../../messages/ru/packs.json' with { type: 'json' };
import people from '../../../../messages/ru/people.json' with { type: 'json' };
import record from '../../../../messages/ru/record.json' with { type: 'json' };
import search from '../../../../messages/ru/search.json' with { type: 'json' };
import settings from '../../../../messages/ru/settings.json' with { type: 'json' };
import tracker from '../../../../messages/ru/tracker.json' with { type: 'json' };

/**
 * The Russian messages, a chunk of their own: the app loads them only when the interface or a document
 * is in Russian (core/messages.ts loadCatalogue); the CLI, Electron's main process and the tests load
 * every language at once (core/messages-all.ts).
 */
export const areas = { app, briefing, common, documents, errors, exchange, packs, people, record, search, settings, tracker };
export const messages = Object.assign({}, app, briefing, common, documents, errors, exchange, packs, people, record, search, settings, tracker) as Readonly<Record<string, string>>;
