/**
 * French and Russian (issue 15 point 5) for the follow-up tracker, the search screen and the keyboard
 * shortcuts dialog: a browser in French or Russian opens the tracker on seeded follow-ups (filtered by
 * status and kind, a page of more than fifty so the pager shows), the search screen with results, and the
 * shortcuts dialog, with no English word from the message files left there, axe clean, and a screenshot
 * of each (test-results) to look at for overflow. User content is seeded in French and Russian so that
 * only interface words are read.
 */
import { expect, test, type Page } from '@playwright/test';
import type { ActionFields } from '../../src-renderer/src/core/model';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { seriousViolations } from './axe';
import { englishOnly, messages, screenText } from './i18n-words';
import { briefingRow, row, seed, type SeedRow } from './seed';

function workspace(): SeedRow[] {
  const meeting = briefingRow({ title: 'Réunion — Совещание', startsAt: '2015-03-17T10:00', location: 'Душанбе', tags: ['sécurité'] });
  const said = row('statements', { briefingId: meeting.id, speakerId: null, kind: 'decision', text: 'Décision — Решение', tags: [], order: 'a0' });
  const action = (n: number, fields: Partial<ActionFields> = {}): SeedRow =>
    row('actions', {
      ...V2_FIELDS.actions(),
      kind: 'task',
      briefingId: meeting.id,
      statementId: null,
      title: `Dépêche n° ${n} — Записка № ${n}`,
      owner: 'Посольство',
      due: `2015-04-${String((n % 28) + 1).padStart(2, '0')}`,
      place: '',
      status: 'open',
      priority: 'normal',
      notes: '',
      tags: ['rapport'],
      ...fields,
    });
  return [
    meeting,
    said,
    action(0, { title: 'Forum — Форум', kind: 'event', due: '2015-05', place: 'Худжанд', statementId: said.id, priority: 'high' }),
    action(1, { status: 'in-progress', statementId: said.id }),
    action(2, { status: 'done', briefingId: null }),
    action(3, { due: '' }),
    ...Array.from({ length: 56 }, (_, i) => action(i + 4)),
  ];
}

const cases = [
  {
    locale: 'fr-FR',
    lang: 'fr',
    tracker: 'Suivi',
    statusGroup: 'Statut',
    done: 'Fait',
    search: 'Recherche',
    results: /\d+ résultats?/,
    shortcuts: 'Raccourcis clavier',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    tracker: 'Последующие действия',
    statusGroup: 'Статус',
    done: 'Выполнено',
    search: 'Поиск',
    results: /\d+ результат/,
    shortcuts: 'Сочетания клавиш',
  },
] as const;

async function noEnglish(page: Page, english: RegExp): Promise<void> {
  const text = await screenText(page);
  const all = new RegExp(english.source, 'gu');
  const found = [...text.matchAll(all)].map((m) => text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' '));
  expect(found).toEqual([]);
}

for (const c of cases) {
  test.describe(`in ${c.locale}`, () => {
    test.use({ locale: c.locale });
    const english = englishOnly(messages(c.lang));

    test(`the tracker, search and the shortcuts dialog are in ${c.lang}, with no English word`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('./#/followups');
      await page.evaluate(() => sessionStorage.clear());
      await seed(page, workspace());
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: c.tracker })).toBeVisible();
      await expect(page.getByTestId('followup-row').first()).toBeVisible();
      // More than a page of open follow-ups: the summary counts them and the pager shows.
      await expect(page.locator('#followups-summary')).toContainText('59');
      await expect(page.locator('nav.pager')).toBeVisible();
      await noEnglish(page, english);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`tracker-${c.lang}.png`), fullPage: false });

      // Filtered to what is done: one row, its status named in the language.
      const statuses = page.getByRole('group', { name: c.statusGroup });
      for (const box of await statuses.getByRole('checkbox').all()) await box.uncheck();
      await statuses.getByRole('checkbox', { name: c.done }).check();
      await expect(page.getByTestId('followup-row')).toHaveCount(1);
      await noEnglish(page, english);
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 800, height: 900 });
      await page.screenshot({ path: test.info().outputPath(`tracker-narrow-${c.lang}.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 720 });

      await page.goto('./#/search/Forum');
      await expect(page.getByRole('heading', { level: 1, name: c.search })).toBeVisible();
      await expect(page.locator('.summary')).toHaveText(c.results);
      await expect(page.locator('a.result').first()).toBeVisible();
      await noEnglish(page, english);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`search-${c.lang}.png`), fullPage: true });

      await page.locator('main h1').focus();
      await page.keyboard.press('Shift+?');
      const dialog = page.getByRole('dialog', { name: c.shortcuts });
      await expect(dialog).toBeVisible();
      // Key caps stay as printed on the keyboard (Ctrl, Shift, Esc): only the words around them are read.
      const dialogText = await dialog.evaluate((d) => {
        const clone = d.cloneNode(true) as HTMLElement;
        for (const k of clone.querySelectorAll('kbd')) k.remove();
        return clone.textContent ?? '';
      });
      expect(english.exec(dialogText)?.[0]).toBeUndefined();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`shortcuts-${c.lang}.png`) });
    });
  });
}
