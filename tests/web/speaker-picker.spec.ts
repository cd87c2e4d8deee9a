/**
 * Issue 13 point 5, by keyboard: "Name (ACR)" whose ACR names no organisation offers to create the person
 * and the organisation, in one step that one Ctrl+Z takes back whole; the cursor is back in the statement
 * after creating; the picker finds people by other spellings and by their organisation's acronym; the
 * attendees' picker is the same picker.
 */
import { expect, test, type Page } from '@playwright/test';
import { BriefingPage } from './pages/BriefingPage';
import { row, seed, storedRows } from './seed';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

type Stored = { id: string; name: string; acronym?: string; organisationId?: string | null; deleted: number };

async function stored(page: Page, table: 'people' | 'organisations'): Promise<Stored[]> {
  return (await storedRows<Stored>(page, table)).filter((r) => r.deleted === 0);
}

test('"Name (ACR)" with a new acronym creates the speaker and the organisation in one undoable step', async ({ page }) => {
  const b = new BriefingPage(page);
  await page.goto('./#/briefings');
  await b.press('mod+Shift+n');
  await expect(b.title).toBeFocused();
  await b.type('Donor coordination meeting');
  await b.waitSaved();

  await b.press('mod+shift+s');
  await expect(b.speaker).toBeFocused();
  await b.type('Ashita Mittal (UNODC)');
  const create = page.getByRole('listbox', { name: 'Speaker' }).getByRole('option', { name: 'Create speaker “Ashita Mittal” and organisation “UNODC”' });
  await expect(create).toHaveAttribute('aria-selected', 'true');
  await b.press('Enter');
  await expect(b.currentSpeaker).toHaveText('Ashita Mittal');
  await expect(b.capture).toContainText('Ashita Mittal, UNODC');
  // The cursor is back in the statement.
  await expect(b.captureText).toBeFocused();
  await expect.poll(async () => (await stored(page, 'organisations')).map((o) => [o.name, o.acronym])).toEqual([['UNODC', 'UNODC']]);
  const [org] = await stored(page, 'organisations');
  expect((await stored(page, 'people')).map((p) => [p.name, p.organisationId])).toEqual([['Ashita Mittal', org!.id]]);

  // One Ctrl+Z takes both back; Ctrl+Shift+Z brings both again.
  await b.press('mod+z');
  await expect.poll(async () => [(await stored(page, 'people')).length, (await stored(page, 'organisations')).length]).toEqual([0, 0]);
  await b.press('mod+shift+z');
  await expect.poll(async () => [(await stored(page, 'people')).length, (await stored(page, 'organisations')).length]).toEqual([1, 1]);

  // The same typed again is now the existing person, never a twin.
  await b.press('mod+shift+s');
  await b.type('Ashita Mittal (UNODC)');
  const list = page.getByRole('listbox', { name: 'Speaker' });
  await expect(list.getByRole('option', { name: /Ashita Mittal/ })).toHaveCount(1);
  await expect(list.getByRole('option', { name: /Create/ })).toHaveCount(0);
  await b.press('Escape');
  await b.press('Escape');
});

test('the speaker and attendee pickers find people by other spellings and acronyms', async ({ page }) => {
  const b = new BriefingPage(page);
  await page.goto('./#/briefings');
  await expect(page.getByRole('heading', { level: 1, name: 'Briefings' })).toBeVisible();
  const dca = row('organisations', { name: 'Drug Control Agency', acronym: 'DCA', country: 'Tajikistan', ...V2_FIELDS.organisations() });
  const rustam = row('people', { name: 'Rustam Nazarzoda', title: 'Director', organisationId: dca.id, country: '', ...V2_FIELDS.people(), aliases: ['Назарзода'] });
  await seed(page, [dca, rustam]);

  await b.press('mod+Shift+n');
  // The new briefing's form takes the keys once it is drawn (its screen loads on demand).
  await expect(b.title).toBeFocused();
  await b.type('Border talks');
  await b.waitSaved();
  const list = page.getByRole('listbox', { name: 'Speaker' });
  for (const typed of ['Назарзода', 'dca', 'drug control']) {
    await b.press('mod+shift+s');
    await b.type(typed);
    await expect(list.getByRole('option').first(), typed).toContainText('Rustam Nazarzoda');
    await b.press('Escape');
    await b.press('Escape');
  }
  // "Name (ACR)" with a known acronym attaches the person to it: no new organisation is offered.
  await b.press('mod+shift+s');
  await b.type('Dilshod Rahimov (DCA)');
  await expect(list.getByRole('option', { name: 'Create speaker “Dilshod Rahimov”' })).toBeVisible();
  await b.press('Escape');
  await b.press('Escape');

  // The attendees' picker is the same picker: a new organisation is offered there too.
  await b.press('mod+shift+m');
  const attendee = page.getByRole('combobox', { name: 'Add a person present' });
  await attendee.focus();
  await b.type('Anna Lindqvist (SIDA)');
  const offered = page.getByRole('listbox', { name: 'Add a person present' }).getByRole('option');
  await expect(offered.filter({ hasText: 'Create “Anna Lindqvist” and organisation “SIDA”, and add' })).toBeVisible();
  await b.press('Escape');
  await b.press('Escape');
  await b.type('Назарзода');
  await expect(offered.first()).toContainText('Rustam Nazarzoda');
});
