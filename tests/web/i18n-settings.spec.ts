/**
 * Settings in French and Russian (issue 15 point 5): every section in the browser's language, with no English
 * word from the message files left on it, axe clean, a full-page screenshot to look at; a level in use refused
 * in the language; and a refused import whose reason (a UserError from the sync core) reads in French.
 */
import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { todayIso } from '../../src-renderer/src/core/dates';
import { seriousViolations } from './axe';
import { englishOnly, messages, screenText } from './i18n-words';
import { brokenFile } from '../unit/invariant-fixtures';
import { briefingRow, seed, statementRow } from './seed';

const cases = [
  {
    locale: 'fr-FR',
    lang: 'fr',
    title: 'Paramètres',
    levels: 'Niveaux de classification',
    shortcuts: 'Partout',
    remove: 'Supprimer RESTRICTED',
    inUse: /1 compte rendu porte la mention/,
    width: 'La largeur de ligne du télégramme est un nombre entier de 40 à 132',
    findings: [/porte plus d’une fois les mots-clés « Energie », « GAZ »/, /cite 3 organisateurs qui ne figurent pas dans cet espace de travail\./, /La déclaration « Déclaration — Заявление » appartient à un compte rendu absent/],
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    title: 'Настройки',
    levels: 'Грифы секретности',
    shortcuts: 'Везде',
    remove: 'Удалить «RESTRICTED»',
    inUse: /1 брифинг имеет гриф/,
    width: 'Ширина строки телеграммы — целое число от 40 до 132',
    findings: [/более одного раза содержит метки «Energie», «GAZ»\./, /указывает 3 организаторов, которых нет в этом рабочем пространстве\./, /Заявление «Déclaration — Заявление» относится к брифингу, которого нет/],
  },
] as const;

for (const c of cases) {
  test.describe(`in ${c.locale}`, () => {
    test.use({ locale: c.locale });

    test(`every Settings section is in ${c.lang}, with no English word`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto('./#/settings');
      await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
      // A record that breaks workspace rules (a tag twice, three organisers and a briefing not here), as a colleague's file may leave one.
      const missing = (n: number) => `0190f000-0000-7000-8000-${String(n).padStart(12, '0')}`;
      await seed(page, [
        briefingRow({ title: 'Réunion — Совещание', startsAt: `${todayIso()}T10:00`, location: 'Душанбе', classification: 'restricted' }),
        briefingRow({ title: 'Совещание — Réunion', tags: ['énergie', 'Energie', 'gaz', 'GAZ'], organiserIds: [missing(1), missing(2), missing(3)] }),
        statementRow(missing(4), 'Déclaration — Заявление', 'a0'),
      ]);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: c.levels })).toBeVisible();
      await expect(page.getByRole('table', { name: c.shortcuts })).toBeVisible();
      await expect(page.getByTestId('storage-use')).not.toBeEmpty();

      // The workspace check runs and reports in the language.
      await page.getByTestId('check-workspace').click();
      await expect(page.getByTestId('check-result')).toBeVisible();
      // Its findings are whole sentences in the language, plurals declined, quotes the language's own.
      const findings = page.getByTestId('check-findings');
      const said = (await findings.innerText()).replace(/[\u00a0\u202f]/g, ' ');
      for (const f of c.findings) expect(said).toMatch(f);
      await findings.screenshot({ path: test.info().outputPath(`check-findings-${c.lang}.png`) });

      // Each language is named in itself on Settings → Language ("English" is not an English word left over), and
      // keys are named as on the keyboard (Shift, Enter, Delete).
      const text = (await screenText(page, 'main')).replaceAll('English', '').replace(/(?<![\p{L}])(Shift|Enter|Delete|Esc|Tab)(?![\p{L}])/gu, '');
      const english = new RegExp(englishOnly(messages(c.lang)).source, 'gu');
      expect([...text.matchAll(english)].map((m) => `${m[0]} in “…${text.slice(Math.max(0, m.index - 60), m.index + 40)}…”`)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      // The screen scrolls inside the shell: each section is photographed whole, to look at for overflow.
      const sections = page.locator('main section.card');
      for (let i = 0; i < (await sections.count()); i++) {
        await sections.nth(i).screenshot({ path: test.info().outputPath(`settings-${c.lang}-${String(i).padStart(2, '0')}.png`) });
      }

      // A letterhead value out of range is refused under its field in the language (nothing stored).
      await page.locator('#doc-cableWidth').fill('20');
      await expect(page.locator('#doc-cableWidth-error')).toHaveText(c.width);
      await page.locator('#doc-cableWidth').fill('69');
      await expect(page.locator('#doc-cableWidth-error')).toBeEmpty();

      // A level in use is refused in the language, with the count declined.
      const levels = page.getByRole('region', { name: c.levels });
      await levels.getByRole('button', { name: c.remove, exact: true }).click();
      await expect(page.getByRole('alert')).toContainText(c.inUse);
    });
  });
}

test.describe('a refused import', () => {
  test.use({ locale: 'fr-FR' });

  test('says why in French', async ({ page }, testInfo) => {
    const notSync = testInfo.outputPath('notes.attache');
    await writeFile(notSync, 'Notes de réunion, pas un fichier de synchronisation\n');
    await page.goto('./#/exchange');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choisir un fichier à importer…' }).click();
    await (await chooser).setFiles(notSync);
    await expect(page.getByTestId('import-error')).toContainText('Ce n’est pas un fichier de synchronisation Attaché.');
    await page.screenshot({ path: testInfo.outputPath('import-refused-fr.png') });
  });

  test('lists the repairs of a colleague’s broken file in French', async ({ page }, testInfo) => {
    const broken = testInfo.outputPath('broken.attache');
    await writeFile(broken, await brokenFile());
    await page.goto('./#/exchange');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choisir un fichier à importer…' }).click();
    await (await chooser).setFiles(broken);
    const repaired = page.getByTestId('preview-repaired');
    await expect(repaired).toBeVisible();
    // Each repair is one French sentence naming the record the French way, its outcome at the end.
    const lines = (await repaired.getByRole('listitem').allInnerTexts()).map((l) => l.replace(/[\u00a0\u202f]/g, ' '));
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l).toMatch(/^(Le compte rendu|La déclaration|Le suivi|Les paramètres de l’espace de travail) .+ ; (les doublons ont été supprimés|elle a été placée après les autres déclarations|ce lien a été retiré)\.$/);
    expect(lines).toContain('Les paramètres de l’espace de travail citent plus d’une fois l’identifiant de niveau de classification « unclassified » ; les doublons ont été supprimés.');
    await repaired.screenshot({ path: testInfo.outputPath('import-repairs-fr.png') });
  });
});
