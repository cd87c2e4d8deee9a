import { expect, type Locator, type Page } from '@playwright/test';

/** The Settings screen (`#/settings`). */
export class SettingsPage {
  readonly heading: Locator;
  readonly installationName: Locator;
  readonly levels: Locator;
  readonly newLevel: Locator;
  readonly alert: Locator;
  readonly installationSaved: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Settings' });
    this.installationName = page.getByLabel('Name of this installation');
    this.levels = page.getByRole('group', { name: /^Levels/ });
    this.newLevel = page.getByLabel('New level');
    this.alert = page.locator('#classification').getByRole('alert');
    this.installationSaved = page.locator('#installation .save-state');
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/settings');
    await expect(this.heading).toBeVisible();
  }

  /** Level names in order, least restrictive first. */
  async levelNames(): Promise<string[]> {
    // The names only (each level also has a colour box).
    const inputs = this.levels.getByRole('textbox', { name: /^Name of level/ });
    const out: string[] = [];
    for (let i = 0; i < (await inputs.count()); i++) out.push(await inputs.nth(i).inputValue());
    return out;
  }

  levelInput(position: number): Locator {
    return this.levels.getByRole('textbox', { name: `Name of level ${position}`, exact: true });
  }

  async addLevel(name: string): Promise<void> {
    await this.newLevel.fill(name);
    await this.newLevel.press('Enter');
  }

  async moveUp(name: string): Promise<void> {
    await this.levels.getByRole('button', { name: `Move ${name} up`, exact: false }).click();
  }

  async moveDown(name: string): Promise<void> {
    await this.levels.getByRole('button', { name: `Move ${name} down`, exact: false }).click();
  }

  async remove(name: string): Promise<void> {
    await this.levels.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
  }

  defaultRadio(name: string): Locator {
    return this.levels.getByRole('radio', { name: `Default: ${name}`, exact: true });
  }

  shortcutsTable(caption: string): Locator {
    return this.page.locator('#shortcuts table', { has: this.page.locator('caption', { hasText: caption }) });
  }
}
