import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The Exchange screen (#/exchange): installation, colleagues, export, import with preview, conflict log, backup. */
export class ExchangePage {
  readonly heading: Locator;
  readonly installation: Locator;
  readonly installationName: Locator;
  readonly installationId: Locator;
  readonly colleagues: Locator;
  readonly exportPanel: Locator;
  readonly importPanel: Locator;
  readonly preview: Locator;
  readonly previewCounts: Locator;
  readonly previewConflicts: Locator;
  readonly nothingToDo: Locator;
  readonly importError: Locator;
  readonly importDone: Locator;
  readonly exportError: Locator;
  readonly exportDone: Locator;
  readonly passphrase: Locator;
  readonly passphraseError: Locator;
  readonly conflictLog: Locator;
  readonly conflicts: Locator;
  readonly backup: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Exchange' });
    this.installation = page.getByRole('region', { name: 'This installation' });
    this.installationName = page.getByTestId('installation-name');
    this.installationId = page.getByTestId('installation-id');
    this.colleagues = page.getByRole('region', { name: 'Colleagues' });
    this.exportPanel = page.getByRole('region', { name: 'Export for a colleague' });
    this.importPanel = page.getByRole('region', { name: "Import a colleague's file" });
    this.preview = page.getByTestId('import-preview');
    this.previewCounts = page.getByTestId('preview-counts');
    this.previewConflicts = page.getByTestId('preview-conflicts');
    this.nothingToDo = page.getByTestId('preview-nothing');
    this.importError = page.getByTestId('import-error');
    this.importDone = page.getByTestId('import-done');
    this.exportError = page.getByTestId('export-error');
    this.exportDone = page.getByTestId('export-done');
    this.passphrase = this.importPanel.getByLabel('Passphrase');
    this.passphraseError = page.locator('#import-passphrase-error');
    this.conflictLog = page.getByRole('region', { name: 'Conflict log' });
    this.conflicts = page.getByTestId('conflict');
    this.backup = page.getByRole('region', { name: 'Backup' });
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/exchange');
    await expect(this.heading).toBeVisible();
  }

  /** Through the sidebar, as a user would. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exchange' }).click();
    await expect(this.heading).toBeVisible();
  }

  async rename(name: string): Promise<void> {
    await this.installation.getByRole('button', { name: 'Rename this installation' }).click();
    await this.installation.getByLabel('Installation name').fill(name);
    await this.installation.getByRole('button', { name: 'Save name' }).click();
    await expect(this.installationName).toHaveText(name);
  }

  /** A row of the colleagues table. */
  colleague(name: string): Locator {
    return this.colleagues.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  /**
   * Export and return the downloaded file's path. `colleague` names who it is for (picked or typed);
   * `changesOnly` asks for changes since the last export to them.
   */
  async export(options: { colleague?: string; changesOnly?: boolean; passphrase?: string; confirmation?: string } = {}): Promise<{ path: string; name: string }> {
    const p = this.exportPanel;
    await p.getByRole('radio', { name: options.changesOnly ? /Only changes since/ : /Everything/ }).check();
    if (options.colleague !== undefined) {
      const box = p.getByRole('combobox', { name: /Colleague/ });
      await box.fill(options.colleague);
      await box.press('Tab');
    }
    const encrypt = p.getByRole('checkbox', { name: 'Encrypt with a passphrase' });
    await encrypt.setChecked(options.passphrase !== undefined);
    if (options.passphrase !== undefined) {
      await p.getByLabel('Passphrase', { exact: true }).fill(options.passphrase);
      await p.getByLabel('Passphrase again').fill(options.confirmation ?? options.passphrase);
    }
    const download: Promise<Download> = this.page.waitForEvent('download');
    await p.getByRole('button', { name: 'Export…' }).click();
    const file = await download;
    const path = await file.path();
    await expect(this.exportDone).toContainText('Saved');
    return { path, name: file.suggestedFilename() };
  }

  /** Pick a file to import; resolves once the preview, a passphrase prompt or an error is shown. */
  async chooseFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importPanel.getByRole('button', { name: 'Choose a file to import…' }).click();
    await (await chooser).setFiles(path);
    await expect(this.preview.or(this.passphrase).or(this.importError)).toBeVisible();
  }

  async unlock(passphrase: string): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.importPanel.getByRole('button', { name: 'Open the file' }).click();
  }

  /** Counts of one record type in the preview: { added, updated, deleted, heldBack }. */
  async previewCountsOf(typeLabel: string): Promise<{ added: number; updated: number; deleted: number; heldBack: number }> {
    const row = this.previewCounts.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: typeLabel, exact: true }) });
    const cells = (await row.getByRole('cell').allTextContents()).map((t) => Number(t.trim()));
    return { added: cells[0] ?? 0, updated: cells[1] ?? 0, deleted: cells[2] ?? 0, heldBack: cells[3] ?? 0 };
  }

  /** The preview's conflict rows as text: [record, field, mine, theirs, kept]. */
  async previewConflictRows(): Promise<string[][]> {
    const rows = this.previewConflicts.locator('tbody tr');
    const out: string[][] = [];
    for (const row of await rows.all()) out.push((await row.getByRole('cell').allTextContents()).map((t) => t.trim()));
    return out;
  }

  async apply(): Promise<void> {
    await this.importPanel.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(this.importDone).toBeVisible();
  }

  async cancelImport(): Promise<void> {
    await this.importPanel.getByRole('button', { name: /^(Cancel|Close)$/ }).click();
    await expect(this.preview).toBeHidden();
  }

  /** Import a file end to end: choose, unlock if needed, preview, apply. */
  async importFile(path: string, options: { passphrase?: string } = {}): Promise<void> {
    await this.chooseFile(path);
    if (options.passphrase !== undefined) await this.unlock(options.passphrase);
    await expect(this.preview).toBeVisible();
    await this.apply();
  }

  /** An open conflict log entry, found by the field label and the record label. */
  conflict(field: string, record: string | RegExp): Locator {
    return this.conflicts.filter({ hasText: field }).filter({ hasText: record });
  }

  async restore(entry: Locator): Promise<void> {
    await entry.getByRole('button', { name: /^Restore this value/ }).click();
  }

  async dismiss(entry: Locator): Promise<void> {
    await entry.getByRole('button', { name: /^Dismiss/ }).click();
  }

  /**
   * Press the progress bar's Cancel the moment it appears, from inside the page: a long operation keeps the
   * page's main thread busy between its yields, so a click sent from the test can arrive after a fast
   * operation has already finished. Resolves once armed; the click happens when the bar shows.
   */
  async cancelAsSoonAsProgressShows(): Promise<void> {
    await this.page.evaluate(() => {
      const press = () => {
        const button = document.querySelector<HTMLButtonElement>('[data-testid="progress"] button');
        if (!button) return false;
        button.click();
        return true;
      };
      const observer = new MutationObserver(() => press() && observer.disconnect());
      observer.observe(document.body, { childList: true, subtree: true });
    });
  }

  async backUpNow(): Promise<{ path: string; name: string }> {
    const download = this.page.waitForEvent('download');
    await this.backup.getByRole('button', { name: 'Back up now' }).click();
    const file = await download;
    return { path: await file.path(), name: file.suggestedFilename() };
  }
}
