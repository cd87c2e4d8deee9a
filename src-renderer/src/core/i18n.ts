import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { catalogueOf, en } from './messages';

export { loadCatalogue } from './messages';

/**
 * The languages of the interface and of the documents: English, French, Russian. Messages are ICU
 * MessageFormat strings in messages/<locale>/<area>.json (core/messages.ts) (plurals, selects, placeholders a translator can move),
 * read by intl-messageformat — no compile step, so the app, the CLI (tsx) and Vitest use the same files.
 *
 * A message always takes its locale explicitly (`translate(locale, key)`): a pack or a cable can be made
 * in French while the window is in Russian. The UI's own current locale lives in ui/app/locale.svelte.ts.
 */
export const LOCALES = ['en', 'fr', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** Keys are those of the English file: a key missing there is a type error at its call site. */
export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number | Date>;

/** The English messages (always loaded; French and Russian through loadCatalogue). */
export const MESSAGES: { readonly en: Readonly<Record<MessageKey, string>> } = { en };

const missing = new Set<string>();
/**
 * A language's message, or the English one (said once in the console) when its catalogue is not loaded yet:
 * a window shows words rather than failing; the French and Russian e2e specs catch any English left.
 */
function messageIn(locale: Locale, key: MessageKey): { text: string; locale: Locale } {
  const own = catalogueOf(locale)?.[key];
  if (own !== undefined) return { text: own, locale };
  if (locale !== 'en' && !missing.has(locale)) {
    missing.add(locale);
    console.error(`The ${locale} messages were used before they were loaded (loadCatalogue); English meanwhile.`);
  }
  return { text: en[key], locale: 'en' };
}

/** Each language's name in itself, as a language menu shows it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', fr: 'Français', ru: 'Русский' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first supported language among the user's preferred ones (`fr-CA` → `fr`, `ru-RU` → `ru`), else
 * English. The order is the user's, from navigator.languages or the operating system.
 */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/**
 * Intl objects are costly to make (ICU looks the locale up each time) and never change: one per locale and
 * options, shared by every message, list and number. Left to itself intl-messageformat resolves the locale
 * and makes its own number, date and plural formatters for each message it compiles: about 40 ms of a fresh
 * window's first paint, and as much garbage (issue 12's list paint).
 */
const intlObjects = new Map<string, unknown>();
function shared<T>(kind: string, args: unknown[], make: () => T): T {
  const key = `${kind}${JSON.stringify(args)}`;
  let made = intlObjects.get(key) as T | undefined;
  if (made === undefined) {
    made = make();
    intlObjects.set(key, made);
  }
  return made;
}
const FORMATTERS: Formatters = {
  getNumberFormat: (...args) => shared('number', args, () => new Intl.NumberFormat(...args)),
  getDateTimeFormat: (...args) => shared('date', args, () => new Intl.DateTimeFormat(...args)),
  getPluralRules: (...args) => shared('plural', args, () => new Intl.PluralRules(...args)),
};
// The constructor asks this static for every message. Ours are three fixed tags every engine supports, so
// the ICU lookup it would make (supportedLocalesOf: about 10 ms the first time in a window) is not needed.
const resolveLocale = IntlMessageFormat.resolveLocale;
IntlMessageFormat.resolveLocale = (locales) =>
  shared('locale', [locales], () => (isLocale(locales) && typeof Intl.Locale === 'function' ? new Intl.Locale(locales) : (resolveLocale(locales) ?? null))) ?? undefined;

// Parsing a message is the costly part; a screen formats the same few messages again on every render.
const compiled = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
  const message = messageIn(locale, key);
  const id = `${message.locale}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) {
    f = new IntlMessageFormat(message.text, message.locale, undefined, { formatters: FORMATTERS });
    compiled.set(id, f);
  }
  return f;
}

/** One message in one language, with its placeholders and plurals filled in. */
export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const out = formatter(locale, key).format(values);
  return Array.isArray(out) ? out.join('') : String(out);
}

/** A piece of a message with markup: plain text, or the text inside one of its tags (`<kbd>Enter</kbd>`). */
export interface MessagePart {
  tag?: string;
  text: string;
}

/**
 * A message whose markup the screen draws (a key cap, a link inside the sentence), so the translator
 * keeps the whole sentence and places the tags; the screen renders each part as text, never as HTML.
 */
export function translateParts(locale: Locale, key: MessageKey, values: MessageValues = {}): MessagePart[] {
  const f = formatter(locale, key);
  const tags: Record<string, (chunks: unknown[]) => MessagePart> = {};
  const wrap = (tag: string) => (chunks: unknown[]) => ({ tag, text: chunks.map(String).join('') });
  for (const tag of tagsOf(messageIn(locale, key).text)) tags[tag] = wrap(tag);
  const out = f.format<MessagePart>({ ...values, ...tags });
  const parts = Array.isArray(out) ? out : [out];
  return parts.map((p) => (typeof p === 'object' && p !== null && 'text' in p ? p : { text: String(p) }));
}

function tagsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/<([a-z][a-z0-9]*)>/g)].map((m) => m[1]!))];
}

/** "A, B and C" / « A, B et C » / «A, B и C»: a list joined as the language joins it. */
export function formatList(locale: Locale, items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return shared('list', [locale, type], () => new Intl.ListFormat(locale, { style: 'long', type })).format(items);
}

/** A count or amount written the language's way (1 234 in French, 1 234 in Russian, 1,234 in English). */
export function formatNumber(locale: Locale, value: number): string {
  return FORMATTERS.getNumberFormat(locale).format(value);
}
