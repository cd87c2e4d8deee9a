/**
 * The English text of a message key, for an error's `message`, without importing the message files: modules
 * that throw (the sync format, typed dates) are also loaded where JSON cannot be imported as is (Playwright's
 * loader in the e2e specs, which build sync files with core/sync/format). core/errors.ts, which every screen,
 * worker and the CLI load, gives the translator; the English text is read when the message is read, so an
 * error made before that still says it in full.
 */
import type { MessageKey, MessageValues } from './i18n';

type English = (key: MessageKey, values: MessageValues) => string;
let english: English | undefined;

export function setEnglish(fn: English): void {
  english = fn;
}

/** The English message, or the key itself where no translator was given. */
export function englishText(key: MessageKey, values: MessageValues = {}, then?: MessageKey): string {
  if (!english) return then ? `${key} ${then}` : key;
  return then ? `${english(key, values)} ${english(then, values)}` : english(key, values);
}

/**
 * Give an error its English `message` (not enumerable, as an Error's own is): at once where the translator is
 * known, else read from its key when it is read; a caller may still replace it by assigning a string.
 */
export function keyedMessage(error: Error, key: MessageKey, values: MessageValues, then?: MessageKey): void {
  // Where the translator is known (the app, workers, the CLI), a plain message, as structured clone and logs expect.
  if (english) {
    Object.defineProperty(error, 'message', { configurable: true, enumerable: false, writable: true, value: englishText(key, values, then) });
    return;
  }
  let fixed: string | undefined;
  Object.defineProperty(error, 'message', {
    configurable: true,
    enumerable: false,
    get: () => fixed ?? englishText(key, values, then),
    set: (v: string) => {
      fixed = v;
    },
  });
}

let inWindow: English | undefined;

/** How the window says a message (core/errors.ts: in the interface's language); unset in the CLI, workers and tests. */
export function setWindowText(fn: English): void {
  inWindow = fn;
}

/** A message in the window's language where one was set, else in English (or its key where no translator was given). */
export function windowText(key: MessageKey, values: MessageValues = {}): string {
  return inWindow ? inWindow(key, values) : englishText(key, values);
}

type Reader = (e: Error) => string;
let reader: Reader | undefined;

/** How the window reads an error out (core/errors.ts: messageOf in the interface's language). */
export function setReader(fn: Reader): void {
  reader = fn;
}

/** An error's text in the window's language where one was set (English in the CLI, workers and tests), else its message. */
export function readerText(e: Error): string {
  return reader ? reader(e) : e.message;
}
