/** The cable as plain text wrapped at the letterhead's width (being built: the registry entry comes first). */
import { ExportError, type ExportInput, type ExportOptions } from './formats';

export function writeCableText(_input: ExportInput, _options: ExportOptions): Promise<Uint8Array> {
  return Promise.reject(new ExportError('The plain-text cable is not built yet'));
}
