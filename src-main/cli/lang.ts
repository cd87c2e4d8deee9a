/**
 * `--lang en|fr|ru` of `attache pack` and `attache export`: the language a document's own words (headings,
 * labels, dates) are written in. English when absent; any other value is refused as bad usage (exit 2).
 */
import { isLocale, LOCALES, type Locale } from '../../src-renderer/src/core/i18n';
import { SyncError } from '../../src-renderer/src/core/sync/guards';

export function parseLang(value: string | undefined): Locale {
  if (value === undefined) return 'en';
  const lang = value.trim().toLowerCase();
  if (!isLocale(lang)) throw new SyncError('usage', `--lang: one of ${LOCALES.join(', ')} (got "${value}"); documents are written in English, French or Russian.`);
  return lang;
}
