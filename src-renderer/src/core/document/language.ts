/**
 * The language a document is written in: English, French or Russian (core/i18n.ts), chosen apart from the
 * interface's (a pack for a French-speaking partner from an English interface). A pack keeps it as the BCP 47
 * tag of its options (PDF /Lang, Word's proofing language), read back here as one of the three languages.
 */
import { matchLocale, translate, type Locale } from '../i18n';

/** The tag each language's documents carry: British English (the app's spelling), French of France, Russian. */
export const DOCUMENT_LANGUAGE_TAGS: Readonly<Record<Locale, string>> = { en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU' };

/** The language of a document from its tag ("fr-FR" → fr, "ru" → ru); any other tag is written in English. */
export function documentLocale(tag: string): Locale {
  return matchLocale([tag]);
}

/**
 * Annex letters as each language letters its annexes: A, B, C…; in Russian А, Б, В… (the letters Russian
 * documents use, without those easily taken for another: Ё, З, Й, О, Ч, Ъ, Ы, Ь).
 */
const LETTERS: Readonly<Record<Locale, string>> = { en: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', fr: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ru: 'АБВГДЕЖИКЛМНПРСТУФХЦШЩЭЮЯ' };
export function annexLetter(locale: Locale, index: number): string {
  const letters = LETTERS[locale];
  return letters[index % letters.length]!;
}

/** "Summary:" / « Résumé : » — a label before its value, with French spacing. */
export function labelled(locale: Locale, label: string): string {
  return translate(locale, 'doc.label', { label });
}
