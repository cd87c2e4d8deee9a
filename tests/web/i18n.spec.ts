/**
 * French and Russian (issue 15 point 5): a browser in French or Russian opens the translated screens (the
 * shell, Today, the briefing list) in its language, with no English word from messages/en.json among them;
 * axe finds nothing serious there; Settings → Language switches the interface at once and keeps the choice.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { todayIso } from '../../src-renderer/src/core/dates';
import { seriousViolations } from './axe';
import { briefingRow, seed } from './seed';

// Read, not imported: Playwright's loader wants JSON imports marked `with { type: 'json' }`, which the app's bundler does not.
const messages = (locale: string): Record<string, string> => {
  const dir = new URL(`../../messages/${locale}/`, import.meta.url);
  return Object.assign({}, ...readdirSync(dir).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Record<string, string>));
};
const en = messages('en');
const fr = messages('fr');
const ru = messages('ru');

/** The words of a message file (placeholders, tags and plural keywords aside). */
function words(messages: Record<string, string>): Set<string> {
  const text = Object.values(messages)
    .join(' ')
    .replace(/\{[a-z]+, plural,|\b(one|few|many|other)\s*\{|\{[a-z]+(, number)?\}|<\/?[a-z]+>/g, ' ');
  return new Set(text.match(/\p{L}{3,}/gu) ?? []);
}

/** English words that the other language does not use itself ("Menu" and "Attaché" are French too). */
function englishOnly(own: Record<string, string>): RegExp {
  const mine = words(own);
  const english = [...words(en)].filter((w) => !mine.has(w));
  return new RegExp(`(?<![\\p{L}])(${english.join('|')})(?![\\p{L}])`, 'u');
}

/** The text of the shell and the screen, user content (the seeded titles and places) left out. */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.querySelector('.shell')!.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('.title, .what .meta, .row .meta, [data-user-text]')) el.remove();
    const attrs = [...clone.querySelectorAll('[aria-label], [title], [placeholder]')].map((el) =>
      ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? '').join(' '),
    );
    return `${clone.textContent ?? ''} ${attrs.join(' ')}`;
  });
}

const cases = [
  { locale: 'fr-FR', lang: 'fr', messages: fr, today: 'Aujourd’hui', briefings: 'Comptes rendus', count: /1 compte rendu, les plus récents d’abord/ },
  { locale: 'ru-RU', lang: 'ru', messages: ru, today: 'Сегодня', briefings: 'Брифинги', count: /1 брифинг, сначала новые/ },
] as const;

for (const c of cases) {
  test.describe(`in ${c.locale}`, () => {
    test.use({ locale: c.locale });

    test(`the shell, Today and the briefing list are in ${c.lang}, with no English word`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto('./');
      await expect(page.getByRole('heading', { level: 1, name: c.today })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
      await seed(page, [briefingRow({ title: 'Réunion — Совещание', startsAt: `${todayIso()}T10:00`, location: 'Душанбе' })]);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: c.today })).toBeVisible();
      await expect(page.locator('a[data-today-item]').first()).toBeVisible();
      const english = englishOnly(c.messages);
      expect(english.test('Last edited, Coming week')).toBe(true);
      expect(english.exec(await screenText(page))?.[0]).toBeUndefined();
      // Longer words (French) and another script (Russian) keep the screen accessible.
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`today-${c.lang}.png`) });

      await page.getByRole('link', { name: c.briefings, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: c.briefings })).toBeVisible();
      await expect(page.getByTestId('list-count')).toHaveText(c.count);
      await expect(page.locator('.row .title', { hasText: 'Réunion — Совещание' })).toBeVisible();
      expect(english.exec(await screenText(page))?.[0]).toBeUndefined();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`briefings-${c.lang}.png`) });
    });
  });
}

test.describe('Settings → Language', () => {
  test.use({ locale: 'fr-FR' });

  test('switches the interface at once, keeps the choice, and can follow the system again', async ({ page }) => {
    await page.goto('./#/settings');
    await expect(page.getByRole('heading', { level: 2, name: 'Langue' })).toBeVisible();
    await page.getByRole('radio', { name: 'Русский' }).check();
    await expect(page.getByRole('heading', { level: 2, name: 'Язык' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Сегодня' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

    await page.reload();
    await expect(page.getByRole('radio', { name: 'Русский' })).toBeChecked();
    await page.getByRole('link', { name: 'Сегодня' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Сегодня' })).toBeVisible();

    await page.goto('./#/settings');
    await page.getByRole('radio', { name: 'English' }).check();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Today' })).toBeVisible();
    await page.getByRole('radio', { name: /Follow the system \(Français\)/ }).check();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Aujourd’hui' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
});
