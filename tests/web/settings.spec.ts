import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { exampleRows, seed } from './seed';
import { SettingsPage } from './pages/SettingsPage';

test.describe('settings', () => {
  test('classification levels: add, rename, reorder, default, remove with undo; kept across reload', async ({ page }) => {
    const s = new SettingsPage(page);
    await s.goto();
    expect(await s.levelNames()).toEqual(['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET']);
    await expect(s.defaultRadio('UNCLASSIFIED')).toBeChecked();

    await s.addLevel('EU RESTRICTED');
    await expect.poll(() => s.levelNames()).toEqual(['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET', 'EU RESTRICTED']);
    // Reorder by keyboard: the focus stays on the moved level's button.
    await s.levels.getByRole('button', { name: 'Move EU RESTRICTED up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => s.levelNames()).toEqual(['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'EU RESTRICTED', 'SECRET']);
    await page.keyboard.press('Enter');
    await expect.poll(() => s.levelNames()).toEqual(['UNCLASSIFIED', 'RESTRICTED', 'EU RESTRICTED', 'CONFIDENTIAL', 'SECRET']);

    // Rename: typed text saves by itself; a clash or an empty name is explained and not saved.
    await s.levelInput(2).fill('');
    await expect(s.levels.getByText('A level needs a name')).toBeVisible();
    await s.levelInput(2).fill('confidential');
    await expect(s.levels.getByText('There is already a level named confidential')).toBeVisible();
    await s.levelInput(2).fill('RESTRICTED — MISSION ONLY');
    await s.levelInput(2).press('Tab');

    await s.defaultRadio('EU RESTRICTED').check();
    await s.remove('EU RESTRICTED');
    await expect(s.alert).toContainText('is the default level');

    await s.defaultRadio('RESTRICTED — MISSION ONLY').check();
    await s.remove('CONFIDENTIAL');
    await expect.poll(() => s.levelNames()).toEqual(['UNCLASSIFIED', 'RESTRICTED — MISSION ONLY', 'EU RESTRICTED', 'SECRET']);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => s.levelNames()).toEqual(['UNCLASSIFIED', 'RESTRICTED — MISSION ONLY', 'EU RESTRICTED', 'CONFIDENTIAL', 'SECRET']);

    await page.reload();
    await expect.poll(() => s.levelNames()).toEqual(['UNCLASSIFIED', 'RESTRICTED — MISSION ONLY', 'EU RESTRICTED', 'CONFIDENTIAL', 'SECRET']);
    await expect(s.defaultRadio('RESTRICTED — MISSION ONLY')).toBeChecked();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a level used by a briefing cannot be removed; the installation is renamed as typed; shortcuts are listed', async ({ page }) => {
    const s = new SettingsPage(page);
    await s.goto();
    await seed(page, exampleRows());
    const used = (exampleRows().find((r) => r.table === 'briefings')!.record as unknown as { classification: string }).classification;
    const label = used.toUpperCase();
    await s.defaultRadio('SECRET').check();
    await s.remove(label);
    await expect(s.alert).toContainText(`1 briefing is marked ${label}`);
    expect(await s.levelNames()).toContain(label);

    await s.installationName.fill('');
    await expect(page.getByText('The installation name cannot be empty')).toBeVisible();
    await s.installationName.fill('Embassy Dushanbe — Political section');
    await s.installationName.press('Tab');
    await expect(s.installationSaved).toHaveText('All changes saved');
    await page.reload();
    await expect(s.installationName).toHaveValue('Embassy Dushanbe — Political section');

    await expect(s.shortcutsTable('Anywhere')).toContainText('Search everything');
    await expect(s.shortcutsTable('While recording statements')).toContainText('Save the statement');
  });
});
