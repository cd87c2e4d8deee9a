/**
 * A colleague for the exchange tests: one browser profile (its own context, so its own IndexedDB) with the
 * page objects of the screens the tests use, and the few steps they repeat.
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { BriefingPage } from './pages/BriefingPage';
import { BriefingsPage } from './pages/BriefingsPage';
import { ExchangePage } from './pages/ExchangePage';

export const EXAMPLE_ID = '014c2507-a400-7000-8000-000000000009';
export const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';

export interface Colleague {
  page: Page;
  exchange: ExchangePage;
  briefing: BriefingPage;
  briefings: BriefingsPage;
}

/** Profiles opened by `colleague`, closed after each test by `closeColleagues` (the browser outlives tests). */
const open = new Set<BrowserContext>();

export async function closeColleagues(): Promise<void> {
  await Promise.all([...open].map((c) => c.close()));
  open.clear();
}

export async function colleague(browser: Browser, baseURL: string | undefined, name: string): Promise<Colleague> {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  open.add(context);
  const page = await context.newPage();
  const c = { page, exchange: new ExchangePage(page), briefing: new BriefingPage(page), briefings: new BriefingsPage(page) };
  await c.exchange.goto();
  await c.exchange.rename(name);
  return c;
}

export async function loadExample(c: Colleague): Promise<void> {
  await c.briefings.goto();
  await c.page.getByRole('button', { name: /Load the example briefing/ }).click();
  await c.briefing.goto(EXAMPLE_ID);
  await expect(c.briefing.title).toHaveValue(EXAMPLE_TITLE);
}

export async function newBriefing(c: Colleague, title: string): Promise<string> {
  await c.briefing.gotoNew();
  await c.briefing.title.fill(title);
  await c.briefing.title.press('Tab');
  await c.briefing.waitSaved();
  return c.briefing.id();
}

/** Change text fields of a briefing the way a user does: type, leave the field, wait for the save. */
export async function edit(c: Colleague, id: string, fields: Partial<Record<'title' | 'location' | 'audience', string>>): Promise<void> {
  await c.briefing.goto(id);
  for (const [field, value] of Object.entries(fields) as ['title' | 'location' | 'audience', string][]) {
    await c.briefing[field].fill(value);
    await c.briefing[field].press('Tab');
    await c.briefing.waitSaved();
  }
}

export async function expectBriefing(c: Colleague, id: string, fields: Partial<Record<'title' | 'location' | 'audience', string>>): Promise<void> {
  await c.briefing.goto(id);
  for (const [field, value] of Object.entries(fields) as ['title' | 'location' | 'audience', string][]) {
    await expect(c.briefing[field]).toHaveValue(value);
  }
}
