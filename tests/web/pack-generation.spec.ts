/**
 * Generation runs off the UI thread: while a large pack is being laid out the page still answers, and
 * Cancel stops it at once, leaves the dialog usable and downloads nothing. A failure says so plainly.
 */
import { expect, test } from '@playwright/test';
import { PacksPage } from './pages/PacksPage';
import { largeWorkspace, seed } from './seed';

test('cancel during generation leaves the UI usable and produces no download', async ({ page }) => {
  test.setTimeout(120_000);
  const packs = new PacksPage(page);
  await packs.goto();
  await seed(page, largeWorkspace(150));
  await expect(packs.heading).toBeVisible();

  await packs.chooseBy('criteria');
  await packs.expectCounts({ briefings: 150, statements: 1200, actions: 150 });
  await packs.setCover({ title: 'Everything' });

  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  // By keyboard: focus moves from Generate to Cancel and back, never lost to the page.
  await packs.generateButton.focus();
  await page.keyboard.press('Enter');
  await expect(packs.progress).toBeVisible();
  await expect(packs.cancelButton).toBeFocused();
  // Wait until the worker is busy laying out pages, then prove the page still responds meanwhile.
  await expect.poll(async () => Number(await packs.progress.getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(3);
  await packs.recipient.fill('Typed while the pack is being generated');
  await expect(packs.recipient).toHaveValue('Typed while the pack is being generated');
  await expect(packs.count('briefings')).toHaveText('150');
  // …and all that happened while the pack was still being generated.
  await expect(packs.progress).toBeVisible();

  await packs.cancelButton.focus();
  await page.keyboard.press('Enter');
  await expect(packs.progress).toBeHidden();
  await expect(packs.generateButton).toBeFocused();
  await expect(packs.outcome).toContainText('Generation cancelled');
  await expect(packs.generateButton).toBeEnabled();

  // The dialog is still usable: counts still react, and a smaller pack generates and downloads.
  await packs.chooseBy('pick');
  await packs.tick(/^Bulk briefing 1 /);
  await packs.expectCounts({ briefings: 1, statements: 8, actions: 1 });
  // Long enough for a cancelled run to have finished and (wrongly) saved, had it not been stopped.
  await page.waitForTimeout(1_500);
  expect(downloads).toEqual([]);

  const download = await packs.generateAndDownload();
  expect(download.suggestedFilename()).toMatch(/^Everything-briefing-pack-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(downloads).toHaveLength(1);
});

test('a generation that fails says why, saves nothing, and the next attempt works', async ({ page, context }) => {
  const packs = new PacksPage(page);
  await packs.goto();
  await packs.loadExample();
  await packs.tick(/International Cooperation/);

  // The fonts ship inside the app; make the bundle's copy of one unreadable to break this run.
  await context.route('**/NotoSerif-Regular*.ttf', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await packs.generateButton.click();
  await expect(packs.failure).toContainText('The pack could not be generated');
  await expect(packs.failure).toContainText('Nothing was saved');
  await expect(packs.generateButton).toBeEnabled();
  expect(downloads).toEqual([]);

  await context.unroute('**/NotoSerif-Regular*.ttf');
  const download = await packs.generateAndDownload();
  expect(download.suggestedFilename()).toMatch(/^Briefing-pack-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(packs.failure).toBeHidden();
});
