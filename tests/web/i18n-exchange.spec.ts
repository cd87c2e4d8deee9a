/**
 * French and Russian (issue 15 point 5) for the Exchange screen and the pack dialog: a colleague's sync file
 * (written through the app by another profile, Alice) is previewed by a browser in French or Russian, with
 * its counts, a conflicting edit and the colleagues and backup around it, then applied (the lost edit in the
 * conflict log); then the pack
 * dialog, with a date of issue typed the French or Russian way. No English word from the message files is
 * left there, axe finds nothing serious, and a full-page screenshot of each (test-results) is there to look
 * at for overflow. The profile reading them starts pinned to English (Settings → Language's own storage) so
 * that the shared English page objects set it up, then follows the browser's language.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { EXAMPLE_ID, EXAMPLE_TITLE, closeColleagues, colleague, edit, loadExample, type Colleague } from './exchange-colleague';
import { englishOnly, messages, screenText } from './i18n-words';
import { BriefingPage } from './pages/BriefingPage';
import { BriefingsPage } from './pages/BriefingsPage';
import { ExchangePage } from './pages/ExchangePage';

const cases = [
  {
    locale: 'fr-FR',
    lang: 'fr',
    exchange: 'Échanges',
    choose: 'Choisir un fichier à importer…',
    apply: 'Appliquer',
    conflicts: /Modifications en conflit \(1\)/,
    packs: 'Dossiers de synthèse',
    issued: 'Date d’émission',
    reading: 'mardi 17 mars 2015',
    spelled: '17 mars 2015',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    exchange: 'Обмен данными',
    choose: 'Выбрать файл для импорта…',
    apply: 'Применить',
    conflicts: /Конфликтующие правки \(1\)/,
    packs: 'Справочные подборки',
    issued: 'Дата документа',
    reading: 'вторник, 17 марта 2015 г.',
    spelled: '17 марта 2015 г.',
  },
] as const;

test.afterEach(closeColleagues);

/** Nothing but interface words in the language (user content is marked data-user-text and left out). */
async function expectNoEnglish(page: Page, lang: string): Promise<void> {
  const text = await screenText(page);
  const found = englishOnly(messages(lang)).exec(text);
  expect(found ? text.slice(Math.max(0, found.index - 80), found.index + 40) : undefined).toBeUndefined();
}

for (const c of cases) {
  test(`the Exchange screen with an import preview, and the pack dialog, in ${c.lang}`, async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    // Alice's file: the example briefing, its place changed by her.
    const alice = await colleague(browser, baseURL, 'Алиса — Alice');
    await loadExample(alice);
    await edit(alice, EXAMPLE_ID, { location: 'Душанбе, МИД' });
    await alice.exchange.goto();
    const file = await alice.exchange.export({ colleague: 'Боб — Bob' });

    // Bob, in a browser in French or Russian: the same briefing, its place changed otherwise (a conflict).
    // A tall window: the screens scroll inside the app's main pane, and the screenshots should hold all of it.
    const context = await browser.newContext({ baseURL, locale: c.locale, acceptDownloads: true, viewport: { width: 1280, height: 2600 } });
    const page = await context.newPage();
    await page.goto('./');
    await page.evaluate(() => localStorage.setItem('attache.locale', 'en'));
    await page.reload();
    const bob: Colleague = { page, exchange: new ExchangePage(page), briefing: new BriefingPage(page), briefings: new BriefingsPage(page) };
    await bob.exchange.goto();
    await bob.exchange.rename('Боб — Bob');
    await loadExample(bob);
    await edit(bob, EXAMPLE_ID, { location: 'Douchanbé — Душанбе' });
    await page.evaluate(() => localStorage.removeItem('attache.locale'));

    await page.goto('./#/exchange');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: c.exchange })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: c.choose }).click();
    await (await chooser).setFiles(file.path);
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await expect(page.getByTestId('preview-from')).toHaveText('Алиса — Alice');
    await expect(page.getByRole('heading', { level: 3, name: c.conflicts })).toBeVisible();
    await expect(page.getByTestId('preview-conflicts')).toContainText('Душанбе, МИД');
    await expectNoEnglish(page, c.lang);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`exchange-${c.lang}.png`), fullPage: true });

    // Applied: Alice's place lost to Bob's newer one, and waits in the conflict log, said in the language.
    await page.getByRole('button', { name: c.apply, exact: true }).click();
    await expect(page.getByTestId('import-done')).toBeVisible();
    await expect(page.getByTestId('conflict')).toHaveCount(1);
    await expect(page.getByTestId('conflict-lost')).toContainText('МИД');
    // The buttons' names end with the record's title (the example's, in English): data, not interface words.
    await page.locator('[data-testid="conflict"] button').evaluateAll((buttons) => buttons.forEach((b) => b.removeAttribute('aria-label')));
    await expectNoEnglish(page, c.lang);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`conflicts-${c.lang}.png`), fullPage: true });

    // The pack dialog: the example ticked, a date of issue typed day first, read back and spelled out.
    await page.goto('./#/packs');
    await expect(page.getByRole('heading', { level: 1, name: c.packs })).toBeVisible();
    await page.getByRole('checkbox', { name: new RegExp(EXAMPLE_TITLE.slice(0, 30)) }).check();
    await expect(page.locator('[data-count="briefings"]')).toHaveText('1');
    const issued = page.getByLabel(c.issued);
    await issued.fill('17.03.2015');
    await expect(page.locator('#pack-issue-date-reading')).toHaveText(c.reading);
    await issued.blur();
    await expect(issued).toHaveValue(c.spelled);
    await expect(issued).toHaveAttribute('data-value', '2015-03-17');
    // From's placeholder is the mission's name in Settings → Documents: data ("Embassy" until the user sets it).
    await page.locator('#pack-sender').evaluate((el) => el.removeAttribute('placeholder'));
    await expectNoEnglish(page, c.lang);
    expect(await seriousViolations(page, '.packs')).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`packs-${c.lang}.png`), fullPage: true });
    await context.close();
  });
}
