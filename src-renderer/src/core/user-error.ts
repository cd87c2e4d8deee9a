import { keyedMessage } from './english';
import type { MessageKey, MessageValues } from './i18n';

/**
 * An error a person reads: what went wrong and what to do, as a message key with its values, so each
 * screen shows it in the interface's language and the CLI in its own (messageOf, core/errors.ts). Its
 * `message` is the English text, for logs, the CLI's default and tests. It carries no markup: screens show
 * it as text. Apart from core/errors.ts so that modules which throw one need no message files (core/english.ts).
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
    super('', options);
    if (options?.then) this.then = options.then;
    keyedMessage(this, key, values, options?.then);
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
