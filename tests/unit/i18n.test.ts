import { describe, expect, it } from 'vitest';
import { AREA_FILES, en, fr, ru } from '../../src-renderer/src/core/messages-all';
import { formatList, formatNumber, matchLocale, translate, translateParts } from '../../src-renderer/src/core/i18n';
import { messageProblems } from '../../src-renderer/src/core/i18n-check';
import { formatLongDate, formatLongDateTime, formatShortDate, formatWeekdayDate } from '../../src-renderer/src/core/dates';

describe('message files', () => {
  it('have the same keys, valid ICU, the same placeholders and every plural form in English, French and Russian', () => {
    expect(messageProblems({ en, fr, ru })).toEqual([]);
  });

  it('hold each key in one area file only, the same area in every language', () => {
    const where = new Map<string, string>();
    const clashes: string[] = [];
    for (const [locale, areas] of Object.entries(AREA_FILES)) {
      for (const [area, messages] of Object.entries(areas)) {
        for (const key of Object.keys(messages)) {
          const seen = where.get(`${locale}:${key}`);
          if (seen) clashes.push(`${locale}: "${key}" is in ${seen} and ${area}`);
          where.set(`${locale}:${key}`, area);
          if (locale !== 'en' && where.get(`en:${key}`) !== area) clashes.push(`${locale}: "${key}" is in ${area}, English has it in ${where.get(`en:${key}`) ?? 'no file'}`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('catch a key missing from one language, broken syntax, a dropped placeholder and a missing Russian plural form', () => {
    const problems = messageProblems({
      en: { a: 'One', b: '{count, plural, one {# item} other {# items}}', c: 'Hello {name}', d: '{n, plural, one {#} other {#}}' },
      fr: { a: 'Un', b: '{count, plural, one {# élément} other {# éléments}', c: 'Bonjour', d: '{n, plural, one {#} other {#}}' },
      ru: { b: '{count, plural, one {# элемент} few {# элемента} many {# элементов} other {# элемента}}', c: 'Привет, {name}', d: '{n, plural, one {#} other {#}}' },
    });
    expect(problems).toEqual([
      'ru: "a" is missing',
      expect.stringMatching(/^fr: "b" is not valid ICU MessageFormat/),
      'fr: "c" has {} <>, English has {name} <>',
      'ru: "d" plural {n} lacks few, many',
    ]);
    expect(messageProblems({ en: { e: 'At <b>{b}</b>' }, fr: { e: 'À <b>{b}</b>' }, ru: { e: 'На <b>{b}</b>' } })).toEqual([
      'en: "e" uses <b> as a tag and {b} as a placeholder',
      'fr: "e" uses <b> as a tag and {b} as a placeholder',
      'ru: "e" uses <b> as a tag and {b} as a placeholder',
    ]);
  });
});

describe('translate', () => {
  it('takes its locale explicitly, whatever the interface shows (a pack in French from a Russian window)', () => {
    expect(translate('en', 'briefings.countAll', { count: 1 })).toBe('1 briefing, newest first.');
    expect(translate('en', 'briefings.countAll', { count: 1234 })).toBe('1,234 briefings, newest first.');
    expect(translate('fr', 'briefings.countAll', { count: 0 })).toBe('0 compte rendu, les plus récents d’abord.');
    expect(translate('fr', 'briefings.countAll', { count: 2 })).toBe('2 comptes rendus, les plus récents d’abord.');
    expect(translate('ru', 'briefings.countAll', { count: 21 })).toBe('21 брифинг, сначала новые.');
    expect(translate('ru', 'briefings.countAll', { count: 3 })).toBe('3 брифинга, сначала новые.');
    expect(translate('ru', 'briefings.countAll', { count: 11 })).toBe('11 брифингов, сначала новые.');
  });

  it('gives markup as parts a screen draws as text', () => {
    expect(translateParts('fr', 'briefings.shortcutHint', { keys: 'Ctrl+N' })).toEqual([
      { text: 'Raccourci pour un nouveau compte rendu, depuis tout écran : ' },
      { tag: 'kbd', text: 'Ctrl+N' },
    ]);
    // Text inside a tag is text: markup in a value never becomes a tag.
    expect(translateParts('en', 'briefings.shortcutHint', { keys: '<b>x</b>' }).at(-1)).toEqual({ tag: 'kbd', text: '<b>x</b>' });
  });

  it('picks the first supported language the user prefers', () => {
    expect(matchLocale(['fr-CA', 'en-US'])).toBe('fr');
    expect(matchLocale(['de-DE', 'ru_RU'])).toBe('ru');
    expect(matchLocale(['de-DE'])).toBe('en');
    expect(matchLocale([])).toBe('en');
  });

  it('writes lists and numbers the language’s way', () => {
    expect(formatList('en', ['A', 'B', 'C'])).toBe('A, B, and C');
    expect(formatList('fr', ['A', 'B', 'C'])).toBe('A, B et C');
    expect(formatList('ru', ['A', 'B', 'C'])).toBe('A, B и C');
    expect(formatNumber('fr', 1234.5)).toBe('1\u202f234,5');
  });
});

describe('dates in a locale', () => {
  it('keep English as it was, and decline French and Russian months', () => {
    expect(formatLongDate('2015-03-17')).toBe('17 March 2015');
    expect(formatLongDate('2015-03-17', 'en')).toBe('17 March 2015');
    expect(formatLongDate('2015-03-17', 'fr')).toBe('17 mars 2015');
    expect(formatLongDate('2015-03-17', 'ru')).toBe('17 марта 2015 г.');
    expect(formatLongDate('2015-03', 'fr')).toBe('mars 2015');
    expect(formatLongDate('2015-03', 'ru')).toBe('март 2015 г.');
    expect(formatLongDate('2015', 'ru')).toBe('2015');
    expect(formatLongDate('not a date', 'fr')).toBe('not a date');
    expect(formatShortDate('2015-09-01', 'fr')).toBe('1 sept. 2015');
    expect(formatLongDateTime('2015-03-17T10:00', 'fr')).toBe('17 mars 2015, 10:00');
    expect(formatWeekdayDate('2015-03-17', 'fr', { weekday: 'long', year: true })).toBe('mardi 17 mars 2015');
    expect(formatWeekdayDate('2015-03-17', 'ru', { weekday: 'short', year: false })).toBe('вт, 17 мар.');
  });
});
