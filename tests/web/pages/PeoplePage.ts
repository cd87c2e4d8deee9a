import { expect, type Locator, type Page } from '@playwright/test';

/** The people & organisations directory (`#/people`) and a record's page (`#/people/<id>`). */
export class PeoplePage {
  readonly heading: Locator;
  readonly filter: Locator;
  readonly peopleList: Locator;
  readonly organisationsList: Locator;
  readonly counts: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.filter = page.getByLabel('Filter', { exact: true });
    this.peopleList = page.getByRole('listbox', { name: /^People/ });
    this.organisationsList = page.getByRole('listbox', { name: /^Organisations/ });
    this.counts = page.locator('#directory-counts');
  }

  async goto(hash = '#/people'): Promise<void> {
    await this.page.goto(`/${hash}`);
    await expect(this.heading).toBeVisible();
  }

  /** Names shown in the people list (the rows in view). */
  async personNames(): Promise<string[]> {
    return this.peopleList.getByRole('option').locator('.name').allInnerTexts();
  }

  async organisationNames(): Promise<string[]> {
    return this.organisationsList.getByRole('option').locator('.name').allInnerTexts();
  }

  personRow(name: string): Locator {
    return this.peopleList.getByRole('option').filter({ has: this.page.locator('.name', { hasText: name }) });
  }

  organisationRow(name: string): Locator {
    return this.organisationsList.getByRole('option').filter({ has: this.page.locator('.name', { hasText: name }) });
  }

  async filterBy(text: string): Promise<void> {
    await this.filter.fill(text);
  }

  // New person form
  get newPersonForm(): Locator {
    return this.page.getByRole('form', { name: 'New person' });
  }

  async openNewPerson(): Promise<void> {
    await this.page.getByRole('button', { name: 'New person' }).click();
    await expect(this.newPersonForm).toBeVisible();
  }

  /** Fill the new-person form by keyboard; `organisation` is typed into the picker and the first match taken with Enter. */
  async fillNewPerson(p: { name: string; title?: string; organisation?: string; country?: string }): Promise<void> {
    const f = this.newPersonForm;
    await f.getByRole('textbox', { name: 'Name', exact: true }).fill(p.name);
    if (p.title !== undefined) await f.getByLabel('Title or role').fill(p.title);
    if (p.organisation !== undefined) {
      const box = f.getByRole('combobox', { name: 'Organisation' });
      await box.fill('');
      await box.pressSequentially(p.organisation);
      await expect(this.page.getByRole('listbox', { name: 'Organisation', exact: true })).toBeVisible();
      await box.press('Enter');
    }
    if (p.country !== undefined) await f.getByLabel('Country').fill(p.country);
  }

  async submitNewPerson(): Promise<void> {
    await this.newPersonForm.getByRole('button', { name: /^Add/ }).click();
  }

  // New organisation form
  get newOrganisationForm(): Locator {
    return this.page.getByRole('form', { name: 'New organisation' });
  }

  async addOrganisation(o: { name: string; acronym?: string; country?: string }): Promise<void> {
    if (!(await this.newOrganisationForm.isVisible())) await this.page.getByRole('button', { name: 'New organisation' }).click();
    const f = this.newOrganisationForm;
    await f.getByRole('textbox', { name: 'Name', exact: true }).fill(o.name);
    await f.getByLabel('Acronym').fill(o.acronym ?? '');
    await f.getByLabel('Country').fill(o.country ?? '');
    await f.getByRole('button', { name: /^Add/ }).click();
  }

  // Record page
  field(label: string): Locator {
    return this.page.getByRole('form', { name: /details$/ }).getByRole('textbox', { name: label, exact: true });
  }

  get organisationPicker(): Locator {
    return this.page.getByRole('form', { name: 'Person details' }).getByRole('combobox', { name: 'Organisation' });
  }

  get saveState(): Locator {
    return this.page.getByRole('form', { name: /details$/ }).locator('.save-state');
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveText('All changes saved');
  }

  async deleteRecord(): Promise<void> {
    await this.page.getByRole('button', { name: /^Delete (person|organisation)$/ }).click();
  }

  async undo(): Promise<void> {
    await this.page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  }

  statementLinks(): Locator {
    return this.page.getByRole('region', { name: 'Briefings and statements' }).locator('ol a');
  }
}
