import { translate, type Locale, type MessageKey, type MessageValues } from './i18n';
import { isStorageFull, storageFullMessage } from './storage-errors';

/**
 * An error a person reads: what went wrong and what to do, as a message key with its values, so each
 * screen shows it in the interface's language and the CLI in its own. Its `message` is the English text,
 * for logs, the CLI's default and tests. It carries no markup: screens show it as text.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly key: MessageKey,
    readonly values: MessageValues = {},
    options?: { cause?: unknown },
  ) {
    super(translate('en', key, values), options);
  }
}

/** Whether a value (perhaps cloned across a worker boundary, which keeps own fields only) is a UserError. */
export function isUserError(e: unknown): e is Pick<UserError, 'key' | 'values' | 'message'> {
  return typeof e === 'object' && e !== null && typeof (e as { key?: unknown }).key === 'string' && (e as { name?: unknown }).name === 'UserError';
}

/**
 * The message of anything thrown, for one-line reports: a UserError in the given language, another Error's
 * message, or the thrown value as text. Storage full gets its own wording (core/storage-errors.ts)
 * wherever it is reported.
 */
export function messageOf(e: unknown, locale: Locale = 'en'): string {
  if (isStorageFull(e)) return storageFullMessage('change');
  if (isUserError(e)) return translate(locale, e.key, e.values);
  return e instanceof Error ? e.message : String(e);
}
