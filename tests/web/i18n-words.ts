/**
 * Finding English left on a translated screen: the words of the message files, the English ones another
 * language does not use itself, and the text a person reads on the screen (user content left out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

// Read, not imported: Playwright's loader wants JSON imports marked `with { type: 'json' }`, which the app's bundler does not.
export const messages = (locale: string): Record<string, string> => {
  const dir = new URL(`../../messages/${locale}/`, import.meta.url);
  return Object.assign({}, ...readdirSync(dir).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Record<string, string>));
};

/** The words of a message file (placeholders, tags and plural keywords aside). */
export function words(messages: Record<string, string>): Set<string> {
  const text = Object.values(messages)
    .join(' ')
    .replace(/\{[a-z]+, plural,|\b(one|few|many|other)\s*\{|\{[a-z]+(, number)?\}|<\/?[a-z]+>/g, ' ');
  return new Set(text.match(/\p{L}{3,}/gu) ?? []);
}

/** English words that the other language does not use itself ("Menu" and "Attaché" are French too). */
export function englishOnly(own: Record<string, string>): RegExp {
  const mine = words(own);
  const en = messages('en');
  const english = [...words(en)].filter((w) => !mine.has(w));
  // Not inside a word, nor inside an id or a number (a UUID's hex holds "bad", "add", "fed"…).
  return new RegExp(`(?<![\\p{L}\\p{N}])(${english.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

/**
 * The text of the shell and the screen, user content (the seeded titles and places) left out; `root`
 * narrows it to one part of a screen (a section one helper translated while the rest is another's).
 */
export async function screenText(page: Page, root = '.shell'): Promise<string> {
  return page.evaluate((selector) => {
    const clone = document.querySelector(selector)!.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('.title, .what .meta, .row .meta, [data-user-text]')) el.remove();
    const attrs = [...clone.querySelectorAll('[aria-label], [title], [placeholder]')].map((el) =>
      ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? '').join(' '),
    );
    return `${clone.textContent ?? ''} ${attrs.join(' ')}`;
  }, root);
}

