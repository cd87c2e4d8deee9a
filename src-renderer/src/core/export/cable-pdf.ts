/** The cable as a PDF (being built: the registry entry comes first). */
import { ExportError, type ExportInput, type ExportOptions } from './formats';

export function writeCablePdf(_input: ExportInput, _options: ExportOptions): Promise<Uint8Array> {
  return Promise.reject(new ExportError('The cable PDF is not built yet'));
}
