/**
 * French and Russian (issue 15 point 5): a browser in French or Russian opens the translated screens (the
 * shell, Today, the briefing list) in its language, with no English word from messages/en.json among them;
 * axe finds nothing serious there; Settings → Language switches the interface at once and keeps the choice.
 */
import { expect, test } from '@playwright/test';
import { todayIso } from '../../src-renderer/src/core/dates';
import { seriousViolations } from './axe';
import { englishOnly, messages, screenText } from './i18n-words';
import { briefingRow, seed } from './seed';

const fr = messages('fr');
const ru = messages('ru');

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

test('an English session never loads the French or Russian messages; choosing one loads it then', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (/^(fr|ru)-.*\.js$/.test(name)) chunks.push(name.slice(0, 2));
  });
  await page.goto('./#/settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Language' })).toBeVisible();
  expect(chunks).toEqual([]);
  await page.getByRole('radio', { name: 'Русский' }).check();
  await expect(page.getByRole('heading', { level: 2, name: 'Язык' })).toBeVisible();
  expect(chunks).toEqual(['ru']);
});
