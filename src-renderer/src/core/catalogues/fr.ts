import app from '../../../../messages/fr/app.json' with { type: 'json' };
import briefing from '../../../../messages/fr/briefing.json' with { type: 'json' };
import common from '../../../../messages/fr/common.json' with { type: 'json' };
import documents from '../../../../messages/fr/documents.json' with { type: 'json' };
import errors from '../../../../messages/fr/errors.json' with { type: 'json' };
import exchange from '../../../../messages/fr/exchange.json' with { type: 'json' };
import packs from '../../../../messages/fr/packs.json' with { type: 'json' };
import people from '../../../../messages/fr/people.json' with { type: 'json' };
import record from '../../../../messages/fr/record.json' with { type: 'json' };
import search from '../../../../messages/fr/search.json' with { type: 'json' };
import settings from '../../../../messages/fr/settings.json' with { type: 'json' };
import tracker from '../../../../messages/fr/tracker.json' with { type: 'json' };

/**
 * The French messages, a chunk of their own: the app loads them only when the interface or a document
 * is in French (core/messages.ts loadCatalogue); the CLI, Electron's main process and the tests load
 * every language at once (core/messages-all.ts).
 */
export const areas = { app, briefing, common, documents, errors, exchange, packs, people, record, search, settings, tracker };
export const messages = Object.assign({}, app, briefing, common, documents, errors, exchange, packs, people, record, search, settings, tracker) as Readonly<Record<string, string>>;
