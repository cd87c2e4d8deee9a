import { MESSAGES, isLocale, translate, type Locale, type MessageKey, type MessageValues } from './i18n';
import { isStorageFull, storageFullMessage } from './storage-errors';
import { UserError, type UserErrorData } from './user-error';

export { UserError, type UserErrorData };

/**
 * Whether a value reads as a UserError: one, a SyncError made with a message key (SyncError.of), or the
 * plain copy of either from another thread (userErrorData) — anything with a known message key, its values
 * and its English message.
 */
export function isUserError(e: unknown): e is Pick<UserError, 'key' | 'values' | 'message' | 'then'> {
  if (e instanceof UserError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const { key, values, message } = e as Partial<Record<keyof UserErrorData, unknown>>;
  return typeof key === 'string' && Object.hasOwn(MESSAGES.en, key) && typeof values === 'object' && values !== null && typeof message === 'string';
}

/** What a worker posts for an error: a UserError's key and values, or undefined for any other error. */
export function userErrorData(e: unknown): UserErrorData | undefined {
  if (!isUserError(e)) return undefined;
  return { name: 'UserError', key: e.key, values: { ...e.values }, message: e.message, ...(e.then ? { then: e.then } : {}) };
}

/** The error a worker posted, back as a UserError (its key and values intact), or a plain Error with the message. */
export function fromUserErrorData(data: UserErrorData | undefined, message: string): Error {
  return data && isUserError(data) ? new UserError(data.key, data.values, data.then ? { then: data.then } : undefined) : new Error(message);
}

/**
 * Electron's IPC keeps only a rejected handler's message ("Error invoking remote method …: Error: <message>"),
 * so the main process writes a UserError as its English message followed by this mark and its data as
 * JSON (toIpcError); the renderer reads it back as the UserError (fromIpcMessage), shown in the window's
 * language. Anything else reads as a plain Error with its message.
 */
const IPC_MARK = '\u2063attache-user-error:';

/** A main-process UserError as the Error an IPC handler rejects with: its English message, then its data. */
export function toIpcError(e: Pick<UserError, 'key' | 'values' | 'message' | 'then'>, cause?: unknown): Error {
  return new Error(`${e.message}${IPC_MARK}${JSON.stringify(userErrorData(e))}`, { cause });
}

/** What an IPC failure's message carried: the UserError back (key and values intact), or an Error with the message. */
export function fromIpcMessage(message: string, cause?: unknown): Error {
  const at = message.indexOf(IPC_MARK);
  if (at < 0) return new Error(message, { cause });
  try {
    const data = JSON.parse(message.slice(at + IPC_MARK.length)) as UserErrorData;
    if (isUserError(data)) return new UserError(data.key, data.values, { cause, ...(data.then ? { then: data.then } : {}) });
  } catch {
    // Not ours after all: the message as it came, without the mark.
  }
  return new Error(message.slice(0, at), { cause });
}

function textOf(locale: Locale, key: MessageKey, values: MessageValues, then?: MessageKey): string {
  const first = translate(locale, key, values);
  return then ? `${first} ${translate(locale, then, values)}` : first;
}

/**
 * The language messageOf uses when none is given. English (the CLI, workers, tests); the app's window sets
 * its interface language (ui/app/toasts.svelte.ts), so the screens' many `messageOf(e)` read in it.
 */
let defaultLocale: () => Locale = () => 'en';
export function setMessageLocale(current: () => Locale): void {
  defaultLocale = () => {
    const l = current();
    return isLocale(l) ? l : 'en';
  };
}

/**
 * A message in the window's language where one was set (setMessageLocale), else English: for text a check
 * returns rather than throws (a field's problem in core/schemas.ts, a letterhead line, a live sync refusal),
 * said when the value is checked, so an editor shows it in the window's language and the CLI in English.
 */
export function windowText(key: MessageKey, values: MessageValues = {}): string {
  return translate(defaultLocale(), key, values);
}

/**
 * The message of anything thrown, for one-line reports: a UserError in the given language, another Error's
 * message, or the thrown value as text. Storage full gets its own wording (core/storage-errors.ts)
 * wherever it is reported.
 */
export function messageOf(e: unknown, locale: Locale = defaultLocale()): string {
  if (isStorageFull(e)) return storageFullMessage('change', locale);
  if (isUserError(e)) return textOf(locale, e.key, e.values, e.then);
  return e instanceof Error ? e.message : String(e);
}
