import { expect, type Locator, type Page } from '@playwright/test';

/** The list of briefings (#/briefings): newest first, virtualised, keyboard navigable. */
export class BriefingsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly newButton: Locator;
  readonly empty: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Briefings' });
    this.list = page.getByRole('listbox', { name: 'Briefings, newest first' });
    this.rows = this.list.getByRole('option');
    this.newButton = page.getByRole('main').getByRole('button', { name: 'New briefing' }).first();
    this.empty = page.getByRole('region', { name: 'No briefings yet' });
    this.count = page.locator('p.count');
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/briefings');
    await expect(this.heading).toBeVisible();
  }

  row(title: string | RegExp): Locator {
    return this.rows.filter({ hasText: title });
  }

  /** Focus the list and move to the row with this title using only the arrow keys, then press Enter. */
  async openByKeyboard(title: string): Promise<void> {
    await this.list.focus();
    for (let i = 0; i < 50; i++) {
      const active = this.list.locator('[role="option"][aria-selected="true"]');
      if ((await active.textContent())?.includes(title)) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`No briefing titled ${title} in the list`);
  }
}
