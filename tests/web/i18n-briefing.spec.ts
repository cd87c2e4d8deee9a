/**
 * The briefing screen in French and Russian (issue 15 point 5): the example briefing, with a decision, a
 * later briefing that holds its conference and a restricted mark, opened by a browser in fr-FR and ru-RU
 * in its three modes — reading, editing, meeting — shows no English word from the English messages
 * (user content, marked data-user-text, left out), passes axe, and prints its folio in the language.
 * Screenshots in the test's output folder, to look at (nothing cut off, nothing overflowing).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateKeyBetween } from 'fractional-indexing';
import { seriousViolations } from './axe';
import { englishOnly, messages, screenText } from './i18n-words';
import { pagesText } from './pack-pdf';
import { briefingRow, exampleJson, exampleRows, seed, statementRow, type SeedRow } from './seed';

const EXAMPLE_ID = '014c2507-a400-7000-8000-000000000009';
const CONFERENCE_ID = '014c2507-a400-7000-8000-00000000001e';

const cases = [
  {
    locale: 'fr-FR',
    lang: 'fr',
    read: { toolbar: 'Compte rendu', edit: 'Modifier', statements: 'Déclarations', decisions: 'Décisions', followups: 'Suivis', events: 'Événements' },
    edit: { details: 'Détails', capture: 'Consigner les déclarations', save: 'Enregistrer la déclaration', counts: /\d+ déclarations · \d+ suivis/ },
    meeting: { hide: 'Masquer les détails', details: 'Détails', speakers: 'Intervenants de ce compte rendu' },
    folio: (page: number, pages: number) => `Page ${page} sur ${pages}`,
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    read: { toolbar: 'Брифинг', edit: 'Правка', statements: 'Заявления', decisions: 'Решения', followups: 'Поручения', events: 'Мероприятия' },
    edit: { details: 'Сведения', capture: 'Запись заявлений', save: 'Сохранить заявление', counts: /\d+ заявлени\S* · \d+ поручени\S*/ },
    meeting: { hide: 'Скрыть сведения', details: 'Сведения', speakers: 'Выступающие на этом брифинге' },
    folio: (page: number, pages: number) => `Стр. ${page} из ${pages}`,
  },
] as const;

/** The example, marked RESTRICTED, with a decision, its conference held at a later briefing: every part of the reading view shows. */
function workspace(): SeedRow[] {
  const rows = exampleRows();
  const mittalId = exampleJson().people.find((p) => p.name === 'Ashita Mittal')!.id;
  const later = briefingRow({ title: 'Conférence — Конференция', startsAt: '2015-05-27T09:00', location: 'Душанбе' });
  for (const r of rows) {
    const rec = r.record as unknown as Record<string, unknown>;
    if (r.table === 'briefings' && rec.id === EXAMPLE_ID) Object.assign(rec, { classification: 'restricted', caveat: 'EYES ONLY' });
    if (r.table === 'actions' && rec.id === CONFERENCE_ID) Object.assign(rec, { heldInBriefingId: later.id, status: 'done' });
  }
  const orders = rows.filter((r) => r.table === 'statements').map((r) => (r.record as unknown as { order: string }).order);
  const decision = statementRow(EXAMPLE_ID, 'Les participants — участники.', generateKeyBetween(orders.sort().at(-1), null));
  Object.assign(decision.record, { kind: 'decision', speakerId: mittalId });
  return [...rows, later, decision];
}

/** Key names stay as on the keyboard (Ctrl+Shift+M), in every language. */
const KEY_NAMES = new Set(['Ctrl', 'Shift', 'Alt', 'Enter', 'Esc', 'Tab', 'Delete', 'Home', 'End']);

/**
 * Parts of this screen drawn by other components (translated with them, and checked by their area's spec)
 * whose user content cannot be told apart here: attendance, the follow-ups table (its controls' labels name
 * each follow-up: « État de <title> »), what it follows up, the held-event link, the organisers' chips, the
 * summary's preview and the pickers' option lists (names from the directory). Their interface words were
 * checked by hand with `I18N_BRIEFING_ALL=1`, which reads the whole screen: what is left is the example's
 * own English text.
 */
const OTHER_PARTS = [
  '[data-place="attendance"]',
  '[data-place="followups"]',
  '[data-place="follows-up"]',
  '.held-link',
  '.organisers',
  '.preview',
  '[role="listbox"]',
].join(', ');

/** Every English-only word left on the screen, each with the text around it, so a failure says what to translate. */
async function englishLeft(page: Page, english: RegExp): Promise<string[]> {
  const all = new RegExp(english.source, 'gu');
  const others = process.env.I18N_BRIEFING_ALL ? '' : OTHER_PARTS;
  if (others) await page.evaluate((sel) => document.querySelectorAll(sel).forEach((el) => el.setAttribute('data-user-text', '')), others);
  const text = (await screenText(page)).replace(/\s+/g, ' ');
  return [...new Set([...text.matchAll(all)].filter((m) => !KEY_NAMES.has(m[0])).map((m) => `${m[0]}: …${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30)}…`))];
}

for (const c of cases) {
  test.describe(`the briefing screen in ${c.locale}`, () => {
    test.use({ locale: c.locale, viewport: { width: 1280, height: 800 } });

    test.beforeEach(async ({ page }) => {
      await page.goto('./#/briefings');
      await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
      await seed(page, workspace());
    });

    test(`reading, editing and meeting modes are in ${c.lang}, with no English word`, async ({ page }) => {
      test.setTimeout(150_000);
      const english = englishOnly(messages(c.lang));
      const out = (name: string) => test.info().outputPath(`${name}-${c.lang}.png`);

      // Reading: the formatted page.
      await page.goto(`./#/briefing/${EXAMPLE_ID}?mode=read`);
      const reading = page.getByTestId('reading-view');
      await expect(reading).toBeVisible();
      await expect(page.getByRole('toolbar', { name: c.read.toolbar })).toBeVisible();
      await expect(page.getByRole('button', { name: c.read.edit })).toBeVisible();
      for (const heading of [c.read.statements, c.read.decisions, c.read.followups, c.read.events]) {
        await expect(reading.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      }
      expect(await englishLeft(page, english)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: out('read') });
      // Further down: statements by speaker, decisions, the follow-ups' and events' tables.
      await reading.getByRole('heading', { level: 2, name: c.read.decisions }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: out('read-tables') });

      // Printed: the folio in the page's foot margin is in the language too.
      await page.emulateMedia({ media: 'print' });
      const pdf = join(mkdtempSync(join(tmpdir(), 'attache-i18n-print-')), 'briefing.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4' }));
      const pages = pagesText(pdf);
      expect(pages.length).toBeGreaterThan(1);
      for (const [i, text] of pages.entries()) expect(text, `page ${i + 1}`).toContain(c.folio(i + 1, pages.length));
      await page.emulateMedia({ media: 'screen' });

      // Editing: the details, the capture box, the statements and their follow-ups.
      await page.getByRole('button', { name: c.read.edit }).click();
      await expect(page.getByRole('heading', { level: 2, name: c.edit.details })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: c.edit.capture })).toBeVisible();
      await expect(page.getByRole('button', { name: c.edit.save })).toBeVisible();
      await expect(page.locator('.page-head .sub')).toHaveText(c.edit.counts);
      await page.locator('#main').evaluate((main) => main.scrollTo({ top: 0 }));
      await page.screenshot({ path: out('edit') });
      // A statement's tools show under the keyboard: their words are checked too.
      await page.locator('article.statement').first().focus();
      expect(await englishLeft(page, english)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: out('edit-statement') });

      // Meeting: the one line of details, the transcript, the docked capture box with the speakers' keys.
      await page.goto(`./#/briefing/${EXAMPLE_ID}?mode=meeting`);
      await expect(page.getByRole('list', { name: c.meeting.speakers })).toBeVisible();
      const details = page.getByRole('button', { name: new RegExp(`^(${c.meeting.details}|${c.meeting.hide})`) });
      if ((await details.getAttribute('aria-expanded')) === 'true') await details.click();
      await expect(page.getByRole('button', { name: new RegExp(`^${c.meeting.details}`) })).toHaveAttribute('aria-expanded', 'false');
      expect(await englishLeft(page, english)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: out('meeting') });
      await page.getByRole('button', { name: new RegExp(`^${c.meeting.details}`) }).click();
      await expect(page.getByRole('button', { name: new RegExp(`^${c.meeting.hide}`) })).toBeVisible();
      expect(await englishLeft(page, english)).toEqual([]);
      await page.locator('#main').evaluate((main) => main.scrollTo({ top: 0 }));
      await page.screenshot({ path: out('meeting-details') });
    });
  });
}
