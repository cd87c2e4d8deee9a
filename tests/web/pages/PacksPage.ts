import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type PackCount = 'briefings' | 'statements' | 'actions';

/** The briefing-pack dialog (#/packs). */
export class PacksPage {
  readonly heading: Locator;
  readonly title: Locator;
  readonly recipient: Locator;
  readonly preparedBy: Locator;
  readonly filter: Locator;
  readonly ceiling: Locator;
  readonly generateButton: Locator;
  readonly cancelButton: Locator;
  readonly progress: Locator;
  readonly problem: Locator;
  readonly excluded: Locator;
  readonly outcome: Locator;
  readonly failure: Locator;
  readonly definitionName: Locator;
  readonly definitions: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Briefing packs' });
    this.title = page.getByLabel('Title', { exact: true });
    this.recipient = page.getByLabel('Mission or recipient');
    this.preparedBy = page.getByLabel('Prepared by');
    this.filter = page.getByLabel('Filter briefings');
    this.ceiling = page.getByLabel('Classification ceiling');
    this.generateButton = page.getByRole('button', { name: 'Generate PDF' });
    this.cancelButton = page.getByRole('button', { name: 'Cancel' });
    this.progress = page.getByRole('progressbar');
    this.problem = page.locator('.summary .problem');
    this.excluded = page.getByRole('note');
    this.outcome = page.locator('.generate .outcome[role="status"]');
    this.failure = page.locator('.generate [role="alert"]');
    this.definitionName = page.getByLabel('Definition name');
    this.definitions = page.getByRole('list', { name: 'Saved pack definitions' });
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/packs');
    await expect(this.heading).toBeVisible();
  }

  /** Open the dialog through the sidebar, as a user would. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Briefing packs' }).click();
    await expect(this.heading).toBeVisible();
  }

  /** The empty workspace offers the example here too; returns once its briefing is listed. */
  async loadExample(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load the example briefing' }).click();
    await expect(this.briefingCheckbox(/International Cooperation on Countering Modern Threats/)).toBeVisible();
  }

  count(which: PackCount): Locator {
    return this.page.locator(`[data-count="${which}"]`);
  }

  async expectCounts(expected: Record<PackCount, number>): Promise<void> {
    for (const [which, n] of Object.entries(expected) as [PackCount, number][]) await expect(this.count(which)).toHaveText(String(n));
  }

  async chooseBy(mode: 'pick' | 'criteria'): Promise<void> {
    await this.page.getByRole('radio', { name: mode === 'pick' ? 'Pick one by one' : 'By tag, date, organiser or speaker' }).check();
  }

  briefingCheckbox(title: string | RegExp): Locator {
    return this.page.locator('#pack-briefing-list').getByRole('checkbox', { name: title });
  }

  async tick(title: string | RegExp, on = true): Promise<void> {
    await this.briefingCheckbox(title).setChecked(on);
  }

  async setCeiling(levelLabel: string): Promise<void> {
    await this.ceiling.selectOption({ label: `${levelLabel} and below` });
  }

  async setCover(cover: { title?: string; recipient?: string; preparedBy?: string }): Promise<void> {
    if (cover.title !== undefined) await this.title.fill(cover.title);
    if (cover.recipient !== undefined) await this.recipient.fill(cover.recipient);
    if (cover.preparedBy !== undefined) await this.preparedBy.fill(cover.preparedBy);
  }

  async setWatermark(mode: 'None' | 'DRAFT' | 'Custom text', text?: string): Promise<void> {
    await this.page.getByRole('radio', { name: mode, exact: true }).check();
    if (text !== undefined) await this.page.getByLabel('Watermark text').fill(text);
  }

  async setPaper(size: 'A4' | 'Letter'): Promise<void> {
    await this.page.getByRole('radio', { name: size, exact: true }).check();
  }

  section(name: 'Statements, grouped by speaker' | 'Action tracker annex' | 'People and organisations annex'): Locator {
    return this.page.getByRole('checkbox', { name });
  }

  /** Generate and wait for the browser download the pack leaves as. */
  async generateAndDownload(timeout = 60_000): Promise<Download> {
    const download = this.page.waitForEvent('download', { timeout });
    await this.generateButton.click();
    return download;
  }

  async saveDefinition(name: string): Promise<void> {
    await this.definitionName.fill(name);
    await this.page.getByRole('button', { name: 'Save definition' }).click();
  }

  definition(name: string): Locator {
    return this.definitions.getByRole('listitem').filter({ hasText: name });
  }

  async loadDefinition(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Load “${name}”` }).click();
  }

  async deleteDefinition(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete “${name}”` }).click();
  }
}
