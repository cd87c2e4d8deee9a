/**
 * Who was present, by keyboard, end to end in Chromium: attendees picked from the directory or created as
 * "Name (ACR)", our delegation marked, a free-text group; the speakers present without being entered twice;
 * the attendance list in the downloaded PDF pack (read back with pdftotext); search by a name present;
 * "New briefing like this one", and a template saved, used, renamed and deleted.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import example from '../../resources/example/briefing-2015-03-17-dushanbe.json' with { type: 'json' };
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { seriousViolations } from './axe';
import { pagesText, run } from './pack-pdf';
import { BriefingPage } from './pages/BriefingPage';
import { PacksPage } from './pages/PacksPage';
import { SearchPage } from './pages/SearchPage';
import { row, seed } from './seed';

const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';
const MFA = example.organisations.find((o) => o.acronym === 'MFA')!.id;
/** An official in the directory who does not speak at the example briefing: picked as an existing person. */
const KARIMOVA = 'Зарина Каримова';
const shots = process.env.ATTACHE_SHOTS;

const attendees = (page: Page) => page.getByRole('list', { name: 'People present' }).getByRole('listitem');
const attendee = (page: Page, name: string) => attendees(page).filter({ hasText: name });
const status = (page: Page) => page.getByTestId('attendees-status');
const picker = (page: Page) => page.getByRole('combobox', { name: 'Add a person present' });

async function pick(page: Page, typed: string, option: string | RegExp) {
  await page.keyboard.type(typed);
  await expect(page.getByRole('option', { name: option }).first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
}

test('attendees by keyboard: in the record, the pack, search, and the next briefing made like it or from a template', async ({ page }) => {
  test.setTimeout(150_000);
  const b = new BriefingPage(page);
  await page.goto('./#/briefings');
  await page.getByRole('button', { name: /Load the example briefing/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE })).toBeVisible();
  await b.edit(); // the example opens as a page to read
  const exampleId = await b.id();
  await seed(page, [row('people', { ...V2_FIELDS.people(), name: KARIMOVA, title: 'Head of Protocol', organisationId: MFA, country: 'Tajikistan' })]);
  await expect(page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE })).toBeVisible();

  // The three speakers are present already, marked as such, with nothing to remove.
  await expect(attendees(page)).toHaveCount(3);
  for (const name of ['Rustam Nazarzoda', 'Ashita Mittal', 'Shahnoza Anvar Nodiri']) {
    await expect(attendee(page, name).getByText('Speaker', { exact: true })).toBeVisible();
    await expect(attendee(page, name).getByRole('button', { name: /Remove/ })).toHaveCount(0);
  }

  // An existing person, by a few letters of their Cyrillic name.
  await picker(page).focus();
  await pick(page, 'Карим', new RegExp(KARIMOVA));
  await expect(status(page)).toHaveText(`${KARIMOVA} added to those present.`);
  await expect(picker(page)).toBeFocused();
  await expect(attendee(page, KARIMOVA)).toContainText('Head of Protocol, MFA');

  // A speaker offered by the picker is named as present already, and not added twice.
  await pick(page, 'Mittal', /Ashita Mittal.*already present \(speaker\)/);
  await expect(status(page)).toHaveText('Ashita Mittal is already present as a speaker.');
  await expect(attendee(page, 'Ashita Mittal')).toHaveCount(1);

  // A new person as "Name (ACR)": created, attached to the Drug Control Agency, present.
  await pick(page, 'Dilshod Rahimov (DCA)', 'Create “Dilshod Rahimov” and add');
  await expect(status(page)).toHaveText('Dilshod Rahimov created and added to those present.');
  await expect(attendee(page, 'Dilshod Rahimov')).toContainText('DCA');

  // Our delegation: a new person, marked with the space bar on their row's checkbox.
  await pick(page, 'Anna Lindqvist', 'Create “Anna Lindqvist” and add');
  await expect(attendee(page, 'Anna Lindqvist')).toBeVisible();
  const delegation = page.getByRole('checkbox', { name: 'Anna Lindqvist: our delegation' });
  await delegation.focus();
  await page.keyboard.press('Space');
  await expect(status(page)).toHaveText('Anna Lindqvist marked as our delegation.');

  // A group by free text (the example has one already); the same group again is refused with a message.
  await page.getByRole('textbox', { name: 'Add a group present' }).focus();
  await page.keyboard.type('Heads of mission of 30 states');
  await page.keyboard.press('Enter');
  const groups = page.getByRole('list', { name: 'Groups present' }).getByRole('listitem');
  await expect(groups).toHaveText([/Heads of diplomatic missions accredited in Tajikistan/, /Heads of mission of 30 states/]);
  await page.keyboard.type('heads of MISSION of 30 states');
  await page.keyboard.press('Enter');
  await expect(page.locator('#attendee-group-error')).toHaveText('“heads of MISSION of 30 states” is already listed.');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');

  // A person added by mistake goes with Remove; the keyboard stays in the list.
  await picker(page).focus();
  await pick(page, 'Typo Person', 'Create “Typo Person” and add');
  await attendee(page, 'Typo Person').getByRole('button', { name: 'Remove Typo Person from those present' }).focus();
  await page.keyboard.press('Enter');
  await expect(attendee(page, 'Typo Person')).toHaveCount(0);
  await expect(page.locator('.attendees button:focus, .attendees input:focus')).toHaveCount(1);

  expect(await seriousViolations(page, '.attendees')).toEqual([]);
  if (shots) await page.locator('.attendees').screenshot({ path: join(shots, 'attendees.png') });

  // All of it is stored: after a reload the list is the same, speakers once each.
  await page.reload();
  await expect(attendees(page)).toHaveCount(6);
  await expect(page.getByRole('checkbox', { name: 'Anna Lindqvist: our delegation' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: `${KARIMOVA}: our delegation` })).not.toBeChecked();
  await expect(attendee(page, 'Ashita Mittal')).toHaveCount(1);

  // Search finds the briefing by the name of someone present who did not speak.
  const search = new SearchPage(page);
  await search.open();
  await search.waitUntilIndexed();
  await search.search('Lindqvist');
  await expect(search.result('Briefings', EXAMPLE_TITLE)).toBeVisible();

  // The pack prints the attendance list: our delegation, the others by organisation with the speakers, the groups.
  const packs = new PacksPage(page);
  await packs.open();
  await packs.tick(EXAMPLE_TITLE);
  const download = await packs.generateAndDownload();
  const pdf = join(mkdtempSync(join(tmpdir(), 'attache-attendees-')), 'pack.pdf');
  await download.saveAs(pdf);
  expect(run('qpdf', ['--check', pdf]).status).toBe(0);
  const text = pagesText(pdf).join(' ');
  expect(text).toContain('ATTENDANCE');
  expect(text).toContain('Our delegation: Anna Lindqvist');
  expect(text).toContain(`Ministry of Foreign Affairs of the Republic of Tajikistan (MFA): ${KARIMOVA}, Head of Protocol`);
  expect(text).toMatch(/\(DCA\): Dilshod Rahimov; Rustam Nazarzoda, Lt\. General, Director of the Drug Control Agency \(speaker\)/);
  expect(text).toContain('Ashita Mittal, Regional Representative for Central Asia (speaker)');
  expect(text).toContain('Also present: Heads of diplomatic missions accredited in Tajikistan; Heads of mission of 30 states');
  expect(text.split('Ashita Mittal, Regional Representative for Central Asia (speaker)')).toHaveLength(2);
  expect(text).not.toContain('Typo Person');
  if (shots) {
    const page3 = pagesText(pdf).findIndex((p) => p.includes('ATTENDANCE')) + 1;
    run('pdftoppm', ['-png', '-r', '60', '-f', String(page3), '-l', String(page3), pdf, join(shots, 'pack')]);
  }

  // "New briefing like this one": dated now, same title, organisers, attendees and groups; no statements.
  await b.goto(exampleId);
  await page.getByRole('button', { name: 'New briefing like this one' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(new RegExp(exampleId));
  await expect(b.title).toHaveValue(EXAMPLE_TITLE);
  await expect(b.startsAt).toHaveAttribute('data-value', new RegExp(`^${new Date().getFullYear()}-`));
  await expect(b.organiserChips).toHaveCount(example.briefings[0]!.organiserIds.length);
  await expect(page.getByRole('heading', { level: 2, name: /^Statements/ })).toContainText('(0)');
  await expect(attendees(page)).toHaveText([/Zarina|Каримова/, /Dilshod Rahimov/, /Anna Lindqvist/]);
  await expect(page.getByRole('checkbox', { name: 'Anna Lindqvist: our delegation' })).toBeChecked();
  await expect(groups).toHaveCount(2);
  if (shots) await page.screenshot({ path: join(shots, 'like.png'), fullPage: true });

  // Save it as a template (by keyboard: the dialog opens on the name), then make the next one from the list.
  await page.getByRole('button', { name: 'Save as template…' }).focus();
  await page.keyboard.press('Enter');
  const name = page.getByRole('textbox', { name: 'Template name' });
  await expect(name).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Monthly heads of mission briefing');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved as template “Monthly heads of mission briefing”' })).toBeVisible();

  await page.goto('./#/briefings');
  await page.getByRole('button', { name: 'New from template' }).focus();
  await page.keyboard.press('Enter');
  const use = page.getByRole('button', { name: /^Monthly heads of mission briefing/ });
  await expect(use).toBeFocused();
  if (shots) await page.screenshot({ path: join(shots, 'templates.png') });
  // Rename it (Tab to Rename, Enter, type, Enter), then use it.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Rename template Monthly heads of mission briefing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'New name for template Monthly heads of mission briefing' })).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Monthly HoM briefing');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Monthly HoM briefing/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(b.title).toHaveValue(EXAMPLE_TITLE);
  await expect(attendees(page)).toHaveCount(3);
  await expect(page.getByRole('checkbox', { name: 'Anna Lindqvist: our delegation' })).toBeChecked();

  // Three briefings of the meeting now; the template is deleted with Undo offered.
  await page.goto('./#/briefings');
  await expect(page.getByRole('listbox', { name: 'Briefings, newest first' }).getByRole('option', { name: new RegExp(EXAMPLE_TITLE) })).toHaveCount(3);
  await page.getByRole('button', { name: 'New from template' }).click();
  await page.getByRole('button', { name: 'Delete template Monthly HoM briefing' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted template “Monthly HoM briefing”' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New from template' })).toHaveCount(0);
});
