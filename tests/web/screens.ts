/**
 * Every screen of the app, with the search workspace seeded, and how to tell it has finished drawing: the
 * axe scan and the CSP check open each of them.
 */
import { expect, type Page } from '@playwright/test';
import { SearchPage } from './pages/SearchPage';
import { searchWorkspace } from './seed';

export const w = searchWorkspace();

export const SCREENS: { name: string; hash: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'today', hash: '#/today', ready: (p) => expect(p.getByRole('region', { name: /Last edited/ }).getByRole('link').first()).toBeVisible() },
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
