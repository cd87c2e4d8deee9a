import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { exampleRows, row, seed, type SeedRow } from './seed';
import { PeoplePage } from './pages/PeoplePage';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

test.describe('people & organisations directory', () => {
  test('create a person by keyboard with an organisation picked by acronym, edit, reload, delete and undo', async ({ page }) => {
    const people = new PeoplePage(page);
    await people.goto();
    await people.addOrganisation({ name: 'Drug Control Agency', acronym: 'DCA', country: 'Tajikistan' });
    await expect(people.organisationRow('DCA')).toBeVisible();

    await people.openNewPerson();
    await people.fillNewPerson({ name: 'Rustam Nazarzoda', title: 'Director', organisation: 'dca', country: 'Tajikistan' });
    await expect(people.newPersonForm.getByRole('combobox', { name: 'Organisation' })).toHaveValue('DCA — Drug Control Agency');
    await people.submitNewPerson();
    await expect(people.personRow('Rustam Nazarzoda')).toBeVisible();
    await expect(people.personRow('Rustam Nazarzoda')).toContainText('Director · DCA · Tajikistan');

    // The same name again: the form says so and offers the existing record.
    await people.fillNewPerson({ name: 'rustam  nazarzoda' });
    await expect(people.newPersonForm.getByText('Already in the directory')).toBeVisible();
    await people.newPersonForm.getByRole('link', { name: 'open the existing record' }).click();
    await expect(people.heading).toHaveText('Rustam Nazarzoda');

    // Edit in one place: typed text saves by itself.
    await people.field('Title or role').fill('Lt. General, Director of the Drug Control Agency');
    await people.waitSaved();
    await people.field('Name').fill('');
    await expect(page.getByText('Name cannot be empty')).toBeVisible();
    await people.field('Name').fill('Rustam Nazarzoda <b>x</b>');
    await people.field('Country').click();
    await people.waitSaved();
    await page.reload();
    await expect(people.heading).toHaveText('Rustam Nazarzoda <b>x</b>');
    await expect(people.field('Title or role')).toHaveValue('Lt. General, Director of the Drug Control Agency');
    await expect(people.organisationPicker).toHaveValue('DCA — Drug Control Agency');

    await people.deleteRecord();
    await expect(page).toHaveURL(/#\/people$/);
    await expect(people.personRow('Rustam Nazarzoda')).toHaveCount(0);
    await people.undo();
    await expect(people.personRow('Rustam Nazarzoda')).toBeVisible();
    await page.reload();
    await expect(people.personRow('Rustam Nazarzoda')).toBeVisible();
  });

  test('the filter finds people and organisations by acronym, title and country; a person lists their statements', async ({ page }) => {
    const people = new PeoplePage(page);
    await people.goto();
    await seed(page, exampleRows());
    await expect(people.personRow('Ashita Mittal')).toBeVisible();

    await people.filterBy('unodc');
    await expect.poll(() => people.personNames()).toEqual(['Ashita Mittal']);
    await expect.poll(() => people.organisationNames()).toEqual(['UNODC']);
    await people.filterBy('DCA');
    await expect.poll(() => people.personNames()).toEqual(['Rustam Nazarzoda']);
    await people.filterBy('deputy minister');
    await expect.poll(() => people.personNames()).toEqual(['Shahnoza Anvar Nodiri']);
    await people.filterBy('tajik');
    await expect.poll(async () => (await people.organisationNames()).sort()).toEqual(['DCA', 'MFA', 'MoJ', 'UNODC']);
    // A reload keeps the filter.
    await page.reload();
    await expect(people.filter).toHaveValue('tajik');

    await people.filterBy('nazar');
    await people.peopleList.focus();
    await page.keyboard.press('Enter');
    await expect(people.heading).toHaveText('Rustam Nazarzoda');
    const links = people.statementLinks();
    await expect(links.first()).toBeVisible();
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    await expect(links.first()).toHaveAttribute('href', /^#\/briefing\/[0-9a-f-]+\?focus=[0-9a-f-]+$/);

    // The organisation picker on the person page finds by acronym too.
    await people.organisationPicker.fill('');
    await people.organisationPicker.pressSequentially('unod');
    await expect(page.getByRole('option', { name: /^UNODC — United Nations Office/ })).toBeVisible();
    // Its exact name offers the organisation, never a Create row that would make a twin.
    await people.organisationPicker.fill('Aga Khan Development Network');
    await expect(page.getByRole('option', { name: /^AKDN — Aga Khan Development Network/ })).toBeVisible();
    await expect(page.getByRole('option', { name: /^Create organisation/ })).toHaveCount(0);
    await people.organisationPicker.fill('aga khan development network (akdn)');
    await expect(page.getByRole('option', { name: /^AKDN — Aga Khan Development Network/ })).toBeVisible();
    await expect(page.getByRole('option', { name: /^Create organisation/ })).toHaveCount(0);
    await people.organisationPicker.press('Escape');

    expect(await seriousViolations(page)).toEqual([]);
  });

  test('?focus brings a record deep in a directory of 2,000 people into view, centred and selected', async ({ page }) => {
    const people = new PeoplePage(page);
    await people.goto();
    const rows: SeedRow[] = [];
    for (let i = 0; i < 2_000; i++) rows.push(row('people', { ...V2_FIELDS.people(), name: `Delegate ${String(i).padStart(4, '0')}`, title: 'Counsellor', organisationId: null, country: '' }));
    await seed(page, rows);
    const target = rows[1_733]!.record.id;
    await people.goto(`#/people?focus=${target}`);
    await expect(people.peopleList).toBeFocused();
    const entry = people.personRow('Delegate 1733');
    await expect(entry).toHaveAttribute('aria-selected', 'true');
    await expect(entry).toBeInViewport();
    // Arrow keys go on from there.
    await page.keyboard.press('ArrowDown');
    await expect(people.personRow('Delegate 1734')).toHaveAttribute('aria-selected', 'true');
  });

  test('?focus highlights a record and deleting an organisation can be undone', async ({ page }) => {
    const people = new PeoplePage(page);
    await people.goto();
    await seed(page, exampleRows());
    await people.goto('#/people?focus=014c2507-a400-7000-8000-000000000005');
    await expect(people.organisationsList).toBeFocused();
    await expect(people.organisationRow('AKDN')).toHaveAttribute('aria-selected', 'true');

    await page.keyboard.press('Enter');
    await expect(people.heading).toHaveText('Aga Khan Development Network');
    await people.field('Acronym').fill('AKDN-X');
    await people.waitSaved();
    await people.deleteRecord();
    await expect(people.organisationRow('AKDN')).toHaveCount(0);
    await people.undo();
    await expect(people.organisationRow('AKDN-X')).toHaveAttribute('aria-selected', 'true');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a new organisation with a bad field is refused inline, keeps what was typed across a reload, and is added once fixed', async ({ page }) => {
    const people = new PeoplePage(page);
    await people.goto();
    await page.getByRole('button', { name: 'New organisation' }).click();
    const f = people.newOrganisationForm;
    const name = f.getByRole('textbox', { name: 'Name', exact: true });
    const country = f.getByLabel('Country');
    await name.fill('Ministry of Justice');
    await f.getByLabel('Acronym').fill('MoJ');
    await country.fill('x'.repeat(301));
    await expect(country).toHaveAttribute('aria-invalid', 'true');
    await expect(f.locator('#new-org-country-error')).not.toBeEmpty();
    await f.getByRole('button', { name: 'Add organisation' }).click();
    await expect(country).toBeFocused();
    await expect(people.organisationRow('MoJ')).toHaveCount(0);

    await page.reload();
    await page.getByRole('button', { name: 'New organisation' }).click();
    await expect(name).toHaveValue('Ministry of Justice');
    await expect(country).toHaveValue('x'.repeat(301));
    await country.fill('Tajikistan');
    await expect(country).not.toHaveAttribute('aria-invalid');
    await f.getByRole('button', { name: 'Add organisation' }).click();
    await expect(people.organisationRow('MoJ')).toBeVisible();
    await expect(name).toHaveValue('');
  });

  test('an empty directory is usable and accessible', async ({ page }) => {
    const people = new PeoplePage(page);
    await people.goto();
    await people.openNewPerson();
    await people.submitNewPerson();
    await expect(people.newPersonForm.getByText('Name cannot be empty')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

