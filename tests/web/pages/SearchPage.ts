/** Page object for the search screen (`#/search`) and the sidebar's quick search box. */
import { expect, type Locator, type Page } from '@playwright/test';

export type ResultGroupName = 'Briefings' | 'Statements' | 'People' | 'Organisations' | 'Follow-ups and events';

export class SearchPage {
  readonly box: Locator;
  readonly status: Locator;
  readonly quickBox: Locator;

  constructor(readonly page: Page) {
    this.box = page.getByRole('searchbox', { name: 'Search everything' });
    this.status = page.getByRole('status').filter({ hasText: /result|Nothing matches|Indexing/ });
    this.quickBox = page.getByRole('searchbox', { name: 'Quick search' });
  }

  async open(): Promise<void> {
    await this.page.goto('./#/search');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  }

  /** Wait until the index is built, so results are complete. */
  async waitUntilIndexed(): Promise<void> {
    await expect(this.page.getByText(/Indexing \d+ %/)).toHaveCount(0, { timeout: 30_000 });
  }

  async search(text: string): Promise<void> {
    await this.box.fill(text);
  }

  filter(name: 'Show' | 'Tag' | 'Speaker' | 'Organisation' | 'Briefings from' | 'Briefings to'): Locator {
    return this.page.getByRole('group', { name: 'Filters' }).getByLabel(name, { exact: true });
  }

  async setFilter(name: 'Tag' | 'Speaker' | 'Organisation' | 'Briefings from' | 'Briefings to', value: string): Promise<void> {
    await this.filter(name).fill(value);
  }

  async show(type: 'Everything' | ResultGroupName): Promise<void> {
    await this.filter('Show').selectOption({ label: type });
  }

  group(name: ResultGroupName): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name.replace(/[-]/g, '\\-')} \\(`) });
  }

  results(group?: ResultGroupName): Locator {
    return (group ? this.group(group) : this.page.locator('#search-results')).getByRole('link');
  }

  result(group: ResultGroupName, text: string | RegExp): Locator {
    return this.results(group).filter({ hasText: text });
  }

  /** The words marked as matching inside a result. */
  marks(result: Locator): Locator {
    return result.locator('mark');
  }

  async expectSummary(text: string | RegExp): Promise<void> {
    await expect(this.page.locator('.summary')).toHaveText(text);
  }
}
