/**
 * The sentences Settings → Storage shows: whether the workspace is kept for good, and how much space it
 * uses. Pure, so each case's wording is tested without a screen. English unless a locale is given.
 */
import { translate, type Locale, type MessageKey } from '../../core/i18n';
import { bytesText } from '../../core/sizes';
import type { Persistence, StorageUse } from '../../data/storage';

/** A size as bytesText reads it ("2.4 MB"), in the language's units and decimal mark ("2,4 Mo", "2,4 МБ"). */
export function sizeText(bytes: number, locale: Locale = 'en'): string {
  const text = bytesText(bytes);
  if (locale === 'en') return text;
  const [value = '', unit = ''] = text.split(' ');
  return translate(locale, 'settings.size', { value: value.replace('.', ','), unit });
}

/** "2.4 MB of 1.2 GB (less than 1%)" */
export function useText(use: StorageUse, locale: Locale = 'en'): string {
  const percent = use.quota > 0 ? (use.usage / use.quota) * 100 : 100;
  const used = sizeText(use.usage, locale);
  const quota = sizeText(use.quota, locale);
  if (percent > 0 && percent < 1) return translate(locale, 'settings.storage.useTiny', { used, quota });
  return translate(locale, 'settings.storage.use', { used, quota, percent: Math.min(100, Math.round(percent)) });
}

/** Past this share of the allowed space, Settings says the workspace is nearly full. */
export const NEARLY_FULL = 0.9;

export interface PersistenceText {
  tone: 'ok' | 'warn';
  title: string;
  detail: string;
}

const text = (locale: Locale, tone: PersistenceText['tone'], key: string): PersistenceText => ({
  tone,
  title: translate(locale, `settings.storage.${key}.title` as MessageKey),
  detail: translate(locale, `settings.storage.${key}.detail` as MessageKey),
});

export function persistenceText(persistence: Persistence, platform: 'electron' | 'browser', locale: Locale = 'en'): PersistenceText {
  if (platform === 'electron') return persistence === 'persistent' ? text(locale, 'ok', 'appKept') : text(locale, 'warn', 'appMayClear');
  switch (persistence) {
    case 'persistent':
      return text(locale, 'ok', 'browserKept');
    case 'best-effort':
      return text(locale, 'warn', 'browserMayClear');
    case 'unknown':
      return text(locale, 'warn', 'browserUnknown');
  }
}
