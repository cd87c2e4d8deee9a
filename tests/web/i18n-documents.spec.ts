/**
 * Documents in a language other than the interface's (issue 15 point 5): from a French interface, a pack
 * made in Russian through the Pack dialog's "Language of the document", read back with poppler; and the
 * Export as… dialog in French (no English left, axe clean, a screenshot to look at), writing a tracker
 * spreadsheet in Russian. The example briefing is English user content: only our own words are checked.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { englishOnly, messages, screenText } from './i18n-words';
import { pagesText } from './pack-pdf';
import { exampleRows, seed } from './seed';

test.use({ locale: 'fr-FR' });

const fr = messages('fr');

test('from a French interface, a pack exported in Russian reads in Russian', async ({ page }) => {
  await page.goto('./#/packs');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await seed(page, exampleRows());
  await page.locator('#pack-briefing-list').getByRole('checkbox', { name: /International Cooperation/ }).check();

  const language = page.getByLabel(fr['doc.pack.language']!, { exact: true });
  // The interface's language by default; each language named in itself.
  await expect(language).toHaveValue('fr');
  await expect(language.locator('option')).toHaveText(['English', 'Français', 'Русский']);
  await language.selectOption('ru');

  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: fr['packs.generate.pdf']! }).click();
  const pdf = pagesText(await (await download).path()).join('\n');
  for (const word of ['СПРАВОЧНАЯ ПОДБОРКА', 'БРИФИНГ 1 ИЗ 1', 'РЕЗЮМЕ', 'УЧАСТНИКИ', 'ЗАЯВЛЕНИЯ', 'ПРИЛОЖЕНИЕ А', 'Стр. 2 из', '17 марта 2015 г.']) expect(pdf, word).toContain(word);
  for (const word of ['DOSSIER DE SYNTHÈSE', 'RÉSUMÉ', 'BRIEFING PACK', 'SUMMARY', 'ANNEX A', 'Page 2', 'March 2015', 'mars 2015']) expect(pdf, word).not.toContain(word);
});

test('Export as… in French: no English left, axe clean; the tracker exported as a Russian spreadsheet', async ({ page }, testInfo) => {
  await page.goto('./#/followups');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await seed(page, exampleRows());
  await page.getByRole('button', { name: fr['doc.export.button']! }).click();
  const dialog = page.getByRole('dialog', { name: fr['doc.export.title']! });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /Télégramme|Tableur/ }).first().check();
  await page.screenshot({ path: testInfo.outputPath('export-dialog-fr.png') });
  const text = await screenText(page, '.export-dialog');
  expect(text.match(englishOnly(fr))?.[0] ?? '').toBe('');
  expect(await seriousViolations(page, '.export-dialog')).toEqual([]);

  await dialog.getByRole('radio', { name: /^Tableur \(CSV\)/ }).check();
  await dialog.getByLabel(fr['doc.export.language']!, { exact: true }).selectOption('ru');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: fr['doc.export.submit']!, exact: true }).click();
  const csv = (await readFile(await (await download).path())).toString('utf8').replace(/^\ufeff/, '');
  expect(csv.split('\r\n')[0]).toBe('Название,Вид,Статус,Ответственный,Срок,Место,Брифинг,Дата брифинга,Теги,Примечания,ID');
  expect(csv).toMatch(/,Мероприятие,/);
  expect(csv).not.toMatch(/,(Task|Event|Tâche|Événement),/);
});

test('a briefing exported as a cable in Russian from a French interface: read again from storage in Russian', async ({ page }) => {
  await page.goto('./#/briefings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await seed(page, exampleRows());
  await page.goto('./#/briefing/014c2507-a400-7000-8000-000000000009');
  await page.getByRole('button', { name: fr['doc.export.button']! }).click();
  const dialog = page.getByRole('dialog', { name: fr['doc.export.title']! });
  await dialog.getByRole('radio', { name: /^Télégramme \(texte brut\)/ }).check();
  await dialog.getByLabel(fr['doc.export.language']!, { exact: true }).selectOption('ru');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: fr['doc.export.submit']!, exact: true }).click();
  const cable = (await readFile(await (await download).path())).toString('utf8');
  for (const word of ['СРОЧНОСТЬ:', 'ТЕМА:', 'РЕЗЮМЕ', 'БРИФИНГ', 'ТРЕБУЕМЫЕ ДЕЙСТВИЯ', '(17 марта 2015 г.)', 'ЦИФРЫ:', 'Ответственный:']) expect(cable, word).toContain(word);
  for (const word of ['SUBJECT', 'SUMMARY', 'OBJET', 'RÉSUMÉ', 'March 2015', 'mars 2015']) expect(cable, word).not.toContain(word);
});
