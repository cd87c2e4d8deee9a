/**
 * French and Russian (issue 15 point 5) for the directory and a briefing's parts: a browser in French or
 * Russian opens the people and organisations list, a person's page with the merge panel open on a plan,
 * an organisation that sits under another, and a briefing's attendees, follow-ups (an event held at a
 * later briefing, an event's editor, the "Held at…" picker), the "Save as template" dialog and the
 * "Follows up" section, with no English word from the message files left there, axe
 * clean, and a screenshot of each (test-results) to look at for overflow. User content is seeded in
 * French and Russian so that only interface words are read.
 */
import { expect, test, type Page } from '@playwright/test';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { seriousViolations } from './axe';
import { englishOnly, messages, screenText } from './i18n-words';
import { briefingRow, row, seed, type SeedRow } from './seed';

function workspace() {
  const hq = row('organisations', { ...V2_FIELDS.organisations(), name: 'Siège central — Центральный аппарат', acronym: 'SC', country: 'Таджикистан' });
  const office = row('organisations', { ...V2_FIELDS.organisations(), name: 'Bureau régional — Региональное бюро', acronym: 'BR', country: 'Ouzbékistan', parentId: hq.id });
  const dupont = row('people', { ...V2_FIELDS.people(), name: 'Жан Дюпон', title: 'Directeur — Директор', organisationId: office.id, country: 'Таджикистан', aliases: ['Dupont J.'] });
  const twin = row('people', { ...V2_FIELDS.people(), name: 'Ж. Дюпон', title: '', organisationId: null, country: '' });
  const guest = row('people', { ...V2_FIELDS.people(), name: 'Зарина Каримова', title: 'Conseillère — Советник', organisationId: hq.id, country: 'Таджикистан' });
  const earlier = briefingRow({
    title: 'Réunion — Совещание',
    startsAt: '2015-03-17T10:00',
    location: 'Душанбе',
    organiserIds: [hq.id],
    attendees: [{ personId: guest.id, delegation: true }],
    attendeeGroups: ['Главы представительств — Chefs de poste'],
  });
  const later = briefingRow({ title: 'Conférence — Конференция', startsAt: '2015-05-20T09:00', location: 'Душанбе' });
  const said = row('statements', { briefingId: earlier.id, speakerId: dupont.id, kind: 'announcement', text: 'Annonce — Объявление', tags: [], order: 'a0' });
  const said2 = row('statements', { briefingId: earlier.id, speakerId: twin.id, kind: 'statement', text: 'Propos — Заявление', tags: [], order: 'a1' });
  const action = (fields: { kind: 'task' | 'event'; title: string; due: string; place?: string; held?: string }): SeedRow =>
    row('actions', {
      ...V2_FIELDS.actions(),
      kind: fields.kind,
      briefingId: earlier.id,
      statementId: fields.kind === 'event' ? said.id : null,
      title: fields.title,
      owner: 'Посольство',
      due: fields.due,
      place: fields.place ?? '',
      status: fields.held ? 'done' : 'open',
      priority: 'high',
      notes: '',
      tags: [],
      heldInBriefingId: fields.held ?? null,
    });
  const rows = [
    hq,
    office,
    dupont,
    twin,
    guest,
    earlier,
    later,
    said,
    said2,
    action({ kind: 'task', title: 'Mémo — Записка', due: '2015-04-01' }),
    action({ kind: 'event', title: 'Colloque — Коллоквиум', due: '2015-05', place: 'Душанбе', held: later.id }),
    action({ kind: 'event', title: 'Visite — Визит', due: '2015-06', place: 'Худжанд' }),
  ];
  return { rows, office, dupont, earlier, later };
}

const cases = [
  { locale: 'fr-FR', lang: 'fr', title: 'Personnes et organisations', merge: 'Fusionner avec…', keep: 'Personne à conserver', moves: /À transférer\u00a0: 1 déclaration\./ },
  { locale: 'ru-RU', lang: 'ru', title: 'Лица и организации', merge: 'Объединить с…', keep: 'Сохраняемое лицо', moves: /К переносу: 1 заявление\./ },
] as const;

/** The English words left in one part of the screen (none expected), with some context for the failure message. */
async function englishIn(page: Page, english: RegExp, root = '.shell'): Promise<string[]> {
  const text = (await screenText(page, root)).replace(/\s+/g, ' ');
  const found = new RegExp(english.source, 'gu');
  return [...text.matchAll(found)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30));
}

for (const c of cases) {
  test.describe(`in ${c.locale}`, () => {
    test.use({ locale: c.locale });

    test(`the directory, a person, a merge plan and an organisation under another are in ${c.lang}`, async ({ page }) => {
      test.setTimeout(120_000);
      const english = englishOnly(messages(c.lang));
      const { rows, office, dupont } = workspace();
      await page.goto('./#/people');
      await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
      await seed(page, rows);
      await expect(page.locator('#people-list [data-id]').first()).toBeVisible();
      await expect(page.locator('#directory-counts')).toContainText('3');
      expect(await englishIn(page, english)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`directory-${c.lang}.png`), fullPage: true });

      // The new-person form, with the notice that the name is already in the directory.
      await page.locator('.toolbar button.primary').click();
      await page.locator('#new-person-name').fill('Жан Дюпон');
      await expect(page.locator('#new-person-twins')).toBeVisible();
      expect(await englishIn(page, english)).toEqual([]);
      expect(await seriousViolations(page, 'form.new')).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`new-person-${c.lang}.png`), fullPage: true });
      await page.locator('#new-person-name').fill('');

      // A person's page, then the merge panel with a plan.
      await page.goto(`./#/people/${dupont.id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Жан Дюпон' })).toBeVisible();
      await expect(page.locator('.activity li').first()).toBeVisible();
      expect(await englishIn(page, english)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`person-${c.lang}.png`), fullPage: true });

      await page.getByRole('button', { name: c.merge }).click();
      const into = page.getByRole('combobox', { name: c.keep });
      await expect(into).toBeFocused();
      await page.keyboard.type('Ж. Д');
      await expect(page.getByRole('option').first()).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page.locator('.plan')).toContainText(c.moves);
      expect(await englishIn(page, english)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`merge-${c.lang}.png`), fullPage: true });

      // An organisation that sits under another.
      await page.goto(`./#/people/${office.id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Bureau régional — Региональное бюро' })).toBeVisible();
      await expect(page.locator('.path')).toHaveText(/SC/);
      await expect(page.locator('.members li')).toHaveCount(1);
      expect(await englishIn(page, english)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`organisation-${c.lang}.png`), fullPage: true });
    });

    test(`a briefing's attendees, follow-ups and "follows up" sections are in ${c.lang}`, async ({ page }) => {
      test.setTimeout(120_000);
      const english = englishOnly(messages(c.lang));
      const { rows, earlier, later } = workspace();
      await page.goto('./#/people');
      await seed(page, rows);

      await page.goto(`./#/briefing/${earlier.id}?mode=edit`);
      const attendees = page.locator('section.attendees');
      await expect(attendees.getByTestId('attendee')).toHaveCount(3);
      const followups = page.locator('section.followups');
      await expect(followups.locator('tbody tr[data-status]')).toHaveCount(3);
      // The held event says where it was held; the open one offers "Held at…".
      await expect(followups.getByTestId('held-see')).toBeVisible();
      for (const part of ['section.attendees', 'section.followups', '.template-actions']) {
        expect(await englishIn(page, english, part), part).toEqual([]);
      }
      // The held links sit in the title cell, which the check above leaves out as user content.
      for (const link of await followups.locator('.held-link').all()) {
        const text = (await link.innerText()).replace(/Colloque — Коллоквиум|Visite — Визит|Conférence — Конференция/g, '');
        expect(english.exec(text)?.[0], text).toBeUndefined();
      }
      expect(await seriousViolations(page, 'section.attendees')).toEqual([]);
      expect(await seriousViolations(page, 'section.followups')).toEqual([]);
      await attendees.screenshot({ path: test.info().outputPath(`attendees-${c.lang}.png`) });
      await followups.screenshot({ path: test.info().outputPath(`followups-${c.lang}.png`) });

      // At 800 px wide, the longer French words and Russian ones still fit: nothing leaves the window sideways.
      await page.setViewportSize({ width: 800, height: 600 });
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('section.attendees *, section.followups *')]
          .filter((el) => !el.closest('.visually-hidden') && el.getBoundingClientRect().width > 2 && el.getBoundingClientRect().right > window.innerWidth + 1)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      );
      await page.screenshot({ path: test.info().outputPath(`followups-800-${c.lang}.png`), fullPage: true });
      expect(outside).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 720 });

      // An event's editor, opened from its row.
      await followups.locator('tbody tr[data-status="open"]').last().locator('.buttons button').first().click();
      const editor = followups.locator('.action-editor');
      await expect(editor).toBeVisible();
      expect(await englishIn(page, english, '.action-editor')).toEqual([]);
      expect(await seriousViolations(page, '.action-editor')).toEqual([]);
      await editor.screenshot({ path: test.info().outputPath(`action-editor-${c.lang}.png`) });

      await page.keyboard.press('Escape');
      await expect(editor).toHaveCount(0);

      // "Held at…" open on the event not held yet: its picker's label and placeholder.
      await followups.locator('tr[data-status="open"] .held-link button').click();
      await expect(followups.locator('tr[data-status="open"] .held-link [role="combobox"]')).toBeFocused();
      expect(await englishIn(page, english, 'tr[data-status="open"] .held-link')).toEqual([]);
      await page.keyboard.press('Escape');

      // Save as template…: the dialog, and its refusal of an empty name.
      await page.locator('.template-actions button').last().click();
      const dialog = page.locator('dialog[open]');
      await expect(dialog.locator('#template-name')).toBeFocused();
      await dialog.locator('#template-name').fill('');
      await page.keyboard.press('Enter');
      await expect(dialog.locator('#template-name-error')).not.toBeEmpty();
      expect(await englishIn(page, english, 'dialog[open]')).toEqual([]);
      expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);
      await dialog.screenshot({ path: test.info().outputPath(`template-${c.lang}.png`) });
      await page.keyboard.press('Escape');

      // The later briefing: the event it kept, with the briefing and the speaker that announced it.
      await page.goto(`./#/briefing/${later.id}?mode=edit`);
      const followsUp = page.locator('section.follows-up');
      await expect(followsUp.getByTestId('follows-up-item')).toHaveCount(1);
      await expect(followsUp.getByRole('link', { name: 'Жан Дюпон' })).toBeVisible();
      expect(await englishIn(page, english, 'section.follows-up')).toEqual([]);
      expect(await seriousViolations(page, 'section.follows-up')).toEqual([]);
      await followsUp.screenshot({ path: test.info().outputPath(`follows-up-${c.lang}.png`) });
    });
  });
}
