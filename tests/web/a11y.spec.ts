/**
 * axe-core scan of every screen, with a small workspace in it so lists, results and forms are populated.
 * Fails on serious or critical violations; the message names each rule and the elements it flagged.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { SearchPage } from './pages/SearchPage';
import { searchWorkspace, seed } from './seed';

const w = searchWorkspace();

const SCREENS: { name: string; hash: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'briefings list', hash: '#/briefings', ready: (p) => expect(p.getByText('Countering modern threats').first()).toBeVisible() },
  { name: 'a briefing', hash: `#/briefing/${w.dushanbe.id}`, ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
  { name: 'new briefing', hash: '#/briefing/new', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
  { name: 'follow-ups', hash: '#/followups', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
  { name: 'people', hash: '#/people', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
  { name: 'a person', hash: `#/people/${w.nazarzoda.id}`, ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
  {
    name: 'search with results',
    hash: '#/search/nazar',
    ready: async (p) => {
      const search = new SearchPage(p);
      await search.waitUntilIndexed();
      await expect(search.results('Statements').first()).toBeVisible();
    },
  },
  { name: 'settings', hash: '#/settings', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
  { name: 'exchange', hash: '#/exchange', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
  { name: 'packs', hash: '#/packs', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
];


test.describe('accessibility (axe-core)', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./#/briefings');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await seed(page, w.rows);
  });

  for (const screen of SCREENS) {
    test(`${screen.name} has no serious or critical violations`, async ({ page }) => {
      await page.goto(`./${screen.hash}`);
      await screen.ready(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('the keyboard shortcuts dialog has no serious or critical violations', async ({ page }) => {
    await page.goto('./#/briefings');
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
