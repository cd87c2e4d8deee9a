/** What a screen says about a record it cannot show (RecordBoundary): one plain sentence, never a stack. */
import { messageOf } from '../../core/errors';
import { translate, type Locale } from '../../core/i18n';

/** The record nouns the sentence knows (an ICU select: "follow-up" becomes `followup`); others read "This record". */
const NOUNS: Readonly<Record<string, string>> = { 'follow-up': 'followup' };

export function recordErrorText(noun: string, error: unknown, locale: Locale = 'en'): string {
  const raw = messageOf(error, locale);
  // Svelte's own errors read "code\nexplanation\nhttps://svelte.dev/e/code": keep the explanation's gist.
  const reason = /each_key_duplicate/.test(raw)
    ? translate(locale, 'common.recordError.duplicate')
    : (raw.split('\n').find((l) => l.trim() && !/^https?:\/\//.test(l) && !/^[a-z_]+$/.test(l.trim())) ?? translate(locale, 'common.recordError.damaged')).trim().replace(/\.$/, '');
  return translate(locale, 'common.recordError', { noun: NOUNS[noun] ?? noun, reason: `${reason.charAt(0).toLocaleLowerCase(locale)}${reason.slice(1)}` });
}
