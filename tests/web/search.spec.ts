import { expect, test } from '@playwright/test';
import { SearchPage } from './pages/SearchPage';
import { searchWorkspace, seed } from './seed';

test.describe('search', () => {
  let search: SearchPage;
  const w = searchWorkspace();

  test.beforeEach(async ({ page }) => {
    search = new SearchPage(page);
    await search.open();
    await seed(page, w.rows);
    await search.waitUntilIndexed();
  });

  test('finds a briefing, a statement by its speaker\'s name prefix, a person by acronym and an action', async () => {
    await search.search('modern threats');
    await expect(search.result('Briefings', 'Countering modern threats')).toBeVisible();

    await search.search('nazar');
    await expect(search.results('Statements')).toHaveCount(2);
    await expect(search.result('People', 'Rustam Nazarzoda')).toBeVisible();
    await expect(search.marks(search.result('People', 'Rustam Nazarzoda')).first()).toHaveText('Nazarzoda');

    await search.search('unodc');
    await expect(search.result('People', 'Ashita Mittal')).toBeVisible();
    await expect(search.result('Organisations', 'United Nations Office on Drugs and Crime (UNODC)')).toBeVisible();

    await search.search('conference');
    await expect(search.result('Follow-ups and events', 'High Level International Conference')).toBeVisible();
  });

  test('folds case and diacritics and finds Cyrillic by prefix', async () => {
    await search.search('NAZÁRZODA');
    await expect(search.result('People', 'Rustam Nazarzoda')).toBeVisible();
    await search.search('рогун');
    await expect(search.result('Statements', 'Строительство Рогунской ГЭС')).toBeVisible();
    await search.search('нодир');
    await expect(search.result('People', 'Шахноза Нодири')).toBeVisible();
  });

  test('filters narrow the results', async () => {
    await search.search('hydropower');
    await expect(search.results()).toHaveCount(2); // the energy briefing and the statement
    await search.show('Statements');
    await expect(search.results()).toHaveCount(1);
    await search.show('Everything');

    await search.search('');
    await search.setFilter('Speaker', 'nazar');
    await expect(search.results('Statements')).toHaveCount(2);
    await search.setFilter('Tag', 'research');
    await expect(search.results('Statements')).toHaveCount(1);
    await expect(search.result('Statements', 'purity of heroin')).toBeVisible();

    await search.setFilter('Tag', '');
    await search.setFilter('Speaker', '');
    await search.setFilter('Organisation', 'UNODC');
    await expect(search.result('People', 'Ashita Mittal')).toBeVisible();
    await expect(search.result('People', 'Rustam Nazarzoda')).toHaveCount(0);

    await search.setFilter('Organisation', '');
    await search.setFilter('Briefings from', '2016-01-01');
    await expect(search.results('Briefings')).toHaveCount(1);
    await expect(search.result('Briefings', 'Energy security outlook')).toBeVisible();
    await search.setFilter('Briefings to', '2015-12-31');
    await expect(search.page.getByText('The "from" date is after the "to" date')).toBeVisible();
  });

  test('typed filters work like the controls', async () => {
    await search.search('speaker:nazar tag:research');
    await expect(search.results()).toHaveCount(1);
    await expect(search.result('Statements', 'purity of heroin')).toBeVisible();
  });

  test('a result opens the place it comes from, by keyboard', async ({ page }) => {
    await search.search('purity');
    await expect(search.result('Statements', 'purity of heroin')).toBeVisible();
    await search.box.press('ArrowDown');
    await expect(search.result('Statements', 'purity of heroin')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/briefing/${w.dushanbe.id}\\?focus=${w.purity.id}$`));

    await search.open();
    await search.search('conference');
    await search.result('Follow-ups and events', 'High Level International Conference').click();
    await expect(page).toHaveURL(new RegExp(`#/followups\\?focus=${w.conference.id}$`));

    await search.open();
    await search.search('mittal');
    await search.result('People', 'Ashita Mittal').click();
    await expect(page).toHaveURL(new RegExp(`#/people/${w.mittal.id}$`));
  });

  test('arrow keys move between results and back to the box', async ({ page }) => {
    await search.search('nazar');
    await expect(search.results('Statements')).toHaveCount(2);
    await search.box.press('ArrowDown');
    const all = search.results();
    await expect(all.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(all.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(search.box).toBeFocused();
  });

  test('HTML in a record is shown as text, never as markup', async ({ page }) => {
    await search.search('hydropower');
    const result = search.result('Statements', 'Hydropower');
    await expect(result).toContainText('<img src=x onerror="window.__pwned=1"> <b>matters</b>');
    await expect(result.locator('img, b')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('the quick box and Ctrl+K lead to search', async ({ page }) => {
    await page.goto('./#/briefings');
    await search.quickBox.fill('opium');
    await search.quickBox.press('Enter');
    await expect(page).toHaveURL(/#\/search\/opium$/);
    await expect(search.box).toHaveValue('opium');
    await expect(search.result('Statements', 'Global opium cultivation')).toBeVisible();

    await page.goto('./#/briefings');
    await page.keyboard.press('Control+k');
    await expect(search.box).toBeFocused();

    // On the search screen itself, Ctrl+K goes back to the box with the query kept and selected.
    await search.search('opium');
    await expect(search.result('Statements', 'Global opium cultivation')).toBeVisible();
    await search.result('Statements', 'Global opium cultivation').focus();
    await page.keyboard.press('Control+k');
    await expect(search.box).toBeFocused();
    await expect(search.box).toHaveValue('opium');
    expect(await search.box.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 5]);
    await expect(search.result('Statements', 'Global opium cultivation')).toBeVisible();
  });

  test('results follow an edit made elsewhere in the app', async ({ page }) => {
    // Rename a speaker in the directory: the person and everything they said are found by the new name.
    await page.goto(`./#/people/${w.mittal.id}`);
    const name = page.getByRole('form', { name: 'Person details' }).getByLabel('Name');
    await name.fill('Ashita Mittal-Quarshie');
    await name.press('Tab');
    await search.open();
    await search.search('quarsh');
    await expect(search.result('People', 'Ashita Mittal-Quarshie')).toBeVisible();
    await expect(search.results('Statements')).toHaveCount(2);
  });
});
