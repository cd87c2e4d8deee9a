/**
 * A directory that stays clean (issue 12, point 6), by keyboard where a person would use it: an
 * organisation placed under its headquarters and found by the headquarters' acronym; a Cyrillic
 * spelling added to a person and the speaker picked by it; two spellings of one person merged, after
 * which search, the tracker and the PDF pack (read back with poppler) show only the one kept.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { seriousViolations } from './axe';
import { pagesText } from './pack-pdf';
import { BriefingPage } from './pages/BriefingPage';
import { FollowupsPage } from './pages/FollowupsPage';
import { PacksPage } from './pages/PacksPage';
import { PeoplePage } from './pages/PeoplePage';
import { SearchPage } from './pages/SearchPage';
import { exampleJson, exampleRows, row, seed } from './seed';

const example = exampleJson();
const BRIEFING = example.briefings[0]!;
const EXAMPLE_TITLE = BRIEFING.title as string;
const SHOTS = process.env.ATTACHE_SHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test.describe('a directory that stays clean', () => {
  test('parent organisations, other spellings and a merge of two spellings of one person', async ({ page }) => {
    test.setTimeout(120_000);
    const people = new PeoplePage(page);
    await people.goto();
    const roca = row('organisations', { ...V2_FIELDS.organisations(), name: 'Regional Office for Central Asia', acronym: 'ROCA', country: 'Uzbekistan' });
    // A follow-up whose owner was typed as the duplicate spelling (owners are free text).
    const followUp = row('actions', {
      ...V2_FIELDS.actions(),
      kind: 'task', briefingId: BRIEFING.id, statementId: null, title: 'Ask for the 2014 seizure breakdown', owner: 'R. Nazarzoda',
      due: '2015-04-30', place: '', status: 'open', priority: 'normal', notes: '', tags: [],
    });
    await seed(page, [...exampleRows(), roca, followUp]);
    await expect(people.organisationRow('ROCA')).toBeVisible();

    // ── An organisation under its headquarters, picked by acronym, shown as a path.
    await people.filterBy('roca');
    await people.organisationsList.focus();
    await page.keyboard.press('Enter');
    await expect(people.heading).toHaveText('Regional Office for Central Asia');
    const parent = page.getByRole('combobox', { name: 'Sits under' });
    await parent.focus();
    await page.keyboard.type('unodc');
    await expect(page.getByRole('listbox', { name: 'Sits under' }).getByRole('option', { name: /^UNODC — / })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(parent).toHaveValue(/^UNODC — /);
    await shot(page, 'organisation-parent');
    await people.goto();
    await people.filterBy('unodc');
    await expect.poll(async () => (await people.organisationNames()).sort()).toEqual(['UNODC', 'UNODC › ROCA']);
    // A person's organisation picker finds the office by its headquarters' acronym, and says where it sits.
    await people.filterBy('');
    await people.openNewPerson();
    const orgBox = people.newPersonForm.getByRole('combobox', { name: 'Organisation' });
    await orgBox.pressSequentially('unodc');
    await expect(page.getByRole('listbox', { name: 'Organisation', exact: true }).getByRole('option', { name: /ROCA — Regional Office for Central Asia.*under UNODC/ })).toBeVisible();
    await orgBox.press('Escape');
    await page.getByRole('button', { name: 'New person' }).click();

    // ── Another spelling in Cyrillic, and the speaker picked by it.
    await page.goto(`/#/people/${example.people.find((p) => p.name === 'Ashita Mittal')!.id}`);
    await expect(people.heading).toHaveText('Ashita Mittal');
    const spellings = page.getByRole('textbox', { name: 'Other spellings' });
    await spellings.focus();
    await page.keyboard.type('Ашита Миттал');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: /^Other spellings/ })).toContainText('Ашита Миттал');
    await people.waitSaved();
    await shot(page, 'person-spellings');
    expect(await seriousViolations(page, 'main')).toEqual([]);

    const briefing = new BriefingPage(page);
    await briefing.goto(BRIEFING.id);
    await briefing.pickSpeaker('Миттал', /^Ashita Mittal/);
    await expect(briefing.currentSpeaker).toContainText('Ashita Mittal');
    await briefing.captureText.focus();
    await page.keyboard.type('Cross-border cooperation must include Afghanistan.');
    await briefing.saveStatement();
    await expect(briefing.statement('Cross-border cooperation must include Afghanistan.')).toContainText('Ashita Mittal');

    // The same person typed another way becomes a second record, with statements of their own.
    await page.keyboard.press('Escape');
    await briefing.pickSpeaker('R. Nazarzoda', /Create speaker “R. Nazarzoda”/);
    await page.keyboard.press('Escape');
    await briefing.captureText.focus();
    await page.keyboard.type('Border posts on the Panj were reinforced.');
    await briefing.saveStatement();
    await page.keyboard.type('Seizures of heroin rose by a third.');
    await briefing.saveStatement();
    await expect(briefing.statement('Seizures of heroin rose by a third.')).toContainText('R. Nazarzoda');

    // ── Merge the duplicate spelling into the person kept, from the duplicate's page.
    await people.goto();
    await people.filterBy('r. nazarzoda');
    await expect.poll(() => people.personNames()).toContain('R. Nazarzoda');
    await people.personRow('R. Nazarzoda').click();
    await expect(people.heading).toHaveText('R. Nazarzoda');
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const keep = page.getByRole('combobox', { name: 'Person to keep' });
    await expect(keep).toBeFocused();
    await page.keyboard.type('rustam');
    await expect(page.getByRole('listbox', { name: 'Person to keep' }).getByRole('option', { name: /^Rustam Nazarzoda/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByText('2 statements and 1 follow-up owned will move.')).toBeVisible();
    await shot(page, 'merge-plan');
    expect(await seriousViolations(page, 'main')).toEqual([]);
    await expect(page.getByRole('button', { name: 'Merge', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(people.heading).toHaveText('Rustam Nazarzoda');
    await expect(page.getByRole('list', { name: /^Other spellings/ })).toContainText('R. Nazarzoda');
    await expect(page.getByRole('link', { name: 'Border posts on the Panj were reinforced.' })).toBeVisible();
    await shot(page, 'merged-person');

    // The directory lists one person; the old spelling finds them.
    await people.goto();
    await people.filterBy('nazarzoda');
    await expect.poll(() => people.personNames()).toEqual(['Rustam Nazarzoda']);

    // ── Search: one person, the statements under the kept name.
    const search = new SearchPage(page);
    await search.open();
    await search.waitUntilIndexed();
    await search.search('nazarzoda');
    await expect(search.results('People')).toHaveCount(1);
    await expect(search.result('People', 'Rustam Nazarzoda')).toBeVisible();
    await search.search('panj');
    await expect(search.result('Statements', 'Border posts on the Panj')).toBeVisible();

    // ── The tracker: the follow-up is owned by the kept person.
    const tracker = new FollowupsPage(page);
    await tracker.goto();
    await expect(tracker.row('Ask for the 2014 seizure breakdown').getByLabel(/^Owner of/)).toHaveValue('Rustam Nazarzoda');
    // (The merge's own notice, which names both, may still be on screen.)
    await expect(page.locator('main').getByText('R. Nazarzoda')).toHaveCount(0);
    await shot(page, 'tracker');

    // ── The pack: statements under the kept person, listed once in the annex.
    const packs = new PacksPage(page);
    await packs.goto();
    await packs.tick(EXAMPLE_TITLE);
    await packs.section('People and organisations annex').check();
    const download = await packs.generateAndDownload();
    const file = join(mkdtempSync(join(tmpdir(), 'attache-merge-e2e-')), download.suggestedFilename());
    await download.saveAs(file);
    const text = pagesText(file).join(' ');
    expect(text).toContain('Border posts on the Panj were reinforced.');
    // The old spelling appears once: among the kept person's other spellings in the annex.
    expect(text.match(/R\. Nazarzoda/g)).toHaveLength(1);
    expect(text).toMatch(/Also written [^]*R\. Nazarzoda/);
    expect(text).toContain('UNODC');
  });
});
