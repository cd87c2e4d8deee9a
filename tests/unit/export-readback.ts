/**
 * Exported files read back as their receivers read them, for the export tests (cable, documents in each
 * language): the file as text, and the passages it must hold, each named when missing.
 */
import { expect } from 'vitest';
import { exportFile, formatById, type ExportInput, type ExportOptions } from '../../src-renderer/src/core/export/formats';

/** The file the format writes from `input`, decoded as UTF-8 (a byte-order mark dropped, as text readers do). */
export async function exportedText(formatId: string, input: ExportInput, options?: ExportOptions): Promise<string> {
  const format = formatById(formatId);
  if (!format) throw new Error(`No export format ${formatId}`);
  return new TextDecoder().decode((await exportFile(format, input, options)).bytes);
}

/** Every passage is in the text, word for word. */
export function expectPassages(text: string, passages: readonly string[]): void {
  for (const passage of passages) expect(text, passage).toContain(passage);
}
