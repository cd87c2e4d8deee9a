/**
 * An export's refusal said by a message key (messages/<locale>/documents.json), so Export as… shows it in the
 * interface's language (core/errors.ts messageOf reads `key` and `values`) while its `message` stays the
 * English text the CLI prints and the tests read. Apart from formats.ts, which loads no message files.
 */
import { translate, type MessageKey, type MessageValues } from '../i18n';
import { ExportError } from './formats';

export function exportError(key: MessageKey, values: MessageValues = {}): ExportError {
  const error = new ExportError(translate('en', key, values));
  // Not enumerable, as an Error's message is not: the error compares equal to one with the same message.
  Object.defineProperties(error, { key: { value: key }, values: { value: values } });
  return error;
}
