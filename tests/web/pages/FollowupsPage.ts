import { expect, type Locator, type Page } from '@playwright/test';

/** The follow-up tracker (`#/followups`). */
export class FollowupsPage {
  readonly heading: Locator;
  readonly filters: Locator;
  readonly rows: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Follow-ups' });
    this.filters = page.getByRole('form', { name: 'Filter follow-ups' });
    this.rows = page.getByTestId('followup-row');
    this.summary = page.locator('#followups-summary');
  }

  async goto(hash = '#/followups'): Promise<void> {
    await this.page.goto(`/${hash}`);
    await expect(this.heading).toBeVisible();
  }

  /** Titles of the rows on the current page, in display order. */
  async titles(): Promise<string[]> {
    return this.rows.locator('a.title').allInnerTexts();
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.locator('a.title', { hasText: title }) });
  }

  private group(legend: string): Locator {
    return this.filters.getByRole('group', { name: legend });
  }

  /** Check exactly these boxes of a checkbox group (by their visible labels). */
  async checkOnly(legend: 'Status' | 'Due' | 'Kind', labels: string[]): Promise<void> {
    const boxes = this.group(legend).getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      const name = ((await box.locator('xpath=..').innerText()).split('\n')[0] ?? '').trim();
      const want = labels.some((l) => name.startsWith(l));
      if ((await box.isChecked()) !== want) await box.setChecked(want);
    }
  }

  /** The count shown beside a due window ("Overdue", "Next 7 days", "Later", "No date"). */
  async windowCount(label: string): Promise<number> {
    const text = await this.group('Due').locator('label', { hasText: label }).locator('.count').innerText();
    return Number(text.replace(/,/g, ''));
  }

  async selectOwner(label: string): Promise<void> {
    await this.filters.getByLabel('Owner').selectOption({ label });
  }

  /** Find a briefing by typing part of its title or date and take the first match; 'Any briefing' clears the filter. */
  async selectBriefing(typed: string): Promise<void> {
    const clear = this.filters.getByRole('button', { name: 'Show follow-ups of any briefing' });
    if (typed === 'Any briefing') {
      await clear.click();
      await expect(this.filters.getByRole('combobox', { name: 'Briefing' })).toBeFocused();
      return;
    }
    const box = this.filters.getByRole('combobox', { name: 'Briefing' });
    await box.fill(typed);
    await expect(this.filters.getByRole('listbox', { name: 'Briefing' }).getByRole('option').first()).toBeVisible();
    await box.press('Enter');
    // The chosen briefing reads as the option did: the words typed appear in it, in any order.
    for (const word of typed.split(/\s+/)) await expect(this.filters.getByRole('group', { name: 'Briefing' })).toContainText(word.slice(0, 3));
    await expect(clear).toBeFocused();
  }

  async selectTag(label: string): Promise<void> {
    await this.filters.getByLabel('Tag').selectOption({ label });
  }

  async reset(): Promise<void> {
    await this.filters.getByRole('button', { name: 'Reset filters' }).click();
  }

  statusSelect(title: string): Locator {
    return this.page.getByLabel(`Status of ${title}`, { exact: true });
  }

  ownerInput(title: string): Locator {
    return this.page.getByLabel(`Owner of ${title}`, { exact: true });
  }

  dueInput(title: string): Locator {
    return this.page.getByLabel(new RegExp(`^(Due|Date) of ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  }

  prioritySelect(title: string): Locator {
    return this.page.getByLabel(`Priority of ${title}`, { exact: true });
  }

  async nextPage(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Pages of follow-ups' }).getByRole('button', { name: 'Next' }).click();
  }

  async previousPage(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Pages of follow-ups' }).getByRole('button', { name: 'Previous' }).click();
  }
}
