import { translate, type MessageKey, type MessageValues } from './i18n';

/** A message's English text (and its second sentence's): an error's `message`, what the CLI and logs print. */
export function englishText(key: MessageKey, values: MessageValues = {}, then?: MessageKey): string {
  const first = translate('en', key, values);
  return then ? `${first} ${translate('en', then, values)}` : first;
}

/**
 * An error a person reads: what went wrong and what to do, as a message key with its values, so each
 * screen shows it in the interface's language and the CLI in its own (messageOf, core/errors.ts). Its
 * `message` is the English text, for logs, the CLI's default and tests. It carries no markup: screens show
 * it as text. Apart from core/errors.ts so that modules which only throw one need not load the window's state.
 *
 * `then` is a second sentence of its own (a date's "Type a date such as…" help after what was wrong with
 * it): two whole sentences, each translated, never fragments of one.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly then?: MessageKey;
  constructor(
    readonly key: MessageKey,
    readonly values: MessageValues = {},
    options?: { cause?: unknown; then?: MessageKey },
  ) {
    super(englishText(key, values, options?.then), options);
    if (options?.then) this.then = options.then;
  }
}

/** A UserError's own fields as a plain object, which survives postMessage (a cloned Error keeps only its message). */
export interface UserErrorData {
  name: 'UserError';
  key: MessageKey;
  values: MessageValues;
  message: string;
  then?: MessageKey;
}
