/**
 * Building a briefing pack from the UI in Chromium, and reading the downloaded PDF back with the same
 * poppler/qpdf checks as the builder's own tests (tests/unit/pack-pdf.test.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { seriousViolations } from './axe';
import example from '../../resources/example/briefing-2015-03-17-dushanbe.json' with { type: 'json' };
import { pagesText, run } from './pack-pdf';
import { BriefingPage } from './pages/BriefingPage';
import { PacksPage } from './pages/PacksPage';

const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';
const SECRET_TITLE = 'Border operations: restricted session with the defence attachés';
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
/** pdftotext puts a space where a line broke after a dash ("2015–⏎2020"). */
const unbroken = (s: string) => s.replace(/([-–]) /g, '$1');

test.describe('briefing pack from the UI', () => {
  let packs: PacksPage;

  test.beforeEach(async ({ page }) => {
    packs = new PacksPage(page);
    await packs.goto();
    await packs.loadExample();
    // A second briefing, recorded in the briefing editor and classified SECRET, for the ceiling to leave out.
    const briefing = new BriefingPage(page);
    await briefing.gotoNew();
    await briefing.title.fill(SECRET_TITLE);
    await briefing.waitSaved();
    await briefing.startsAt.fill('2015-03-20T09:00');
    await briefing.classification.selectOption('secret');
    await briefing.location.fill('Embassy');
    await briefing.waitSaved();
    await packs.open();
  });

  test('live counts, ceiling exclusions, and a downloaded pack that reads right', async ({ page }) => {
    test.setTimeout(90_000);
    const statements = example.statements.length;
    const actions = example.actions.length;

    // Nothing ticked yet: nothing selected, and the dialog says so.
    await packs.expectCounts({ briefings: 0, statements: 0, actions: 0 });
    await expect(packs.problem).toContainText('No briefing ticked');

    await packs.tick(EXAMPLE_TITLE);
    await packs.expectCounts({ briefings: 1, statements, actions });
    await packs.tick(SECRET_TITLE);
    await packs.expectCounts({ briefings: 2, statements, actions });
    await expect(page.getByText('Overall classification: SECRET')).toBeVisible();

    // The filter narrows the list without changing what is ticked.
    await packs.filter.fill('border');
    await expect(packs.briefingCheckbox(EXAMPLE_TITLE)).toBeHidden();
    await expect(packs.briefingCheckbox(SECRET_TITLE)).toBeChecked();
    await packs.filter.fill('');

    // The ceiling leaves the SECRET briefing out and names it.
    await packs.setCeiling('RESTRICTED');
    await packs.expectCounts({ briefings: 1, statements, actions });
    await expect(packs.excluded).toContainText('1 briefing left out');
    await expect(packs.excluded).toContainText(SECRET_TITLE);
    await expect(packs.excluded).not.toContainText(EXAMPLE_TITLE);

    // Leaving statements out changes the statement count at once.
    await packs.section('Statements, grouped by speaker').uncheck();
    await packs.expectCounts({ briefings: 1, statements: 0, actions });
    await packs.section('Statements, grouped by speaker').check();

    await packs.setCover({ title: 'Dushanbe', recipient: 'For H.E. the Ambassador', preparedBy: 'Political Section' });
    await packs.setWatermark('DRAFT');
    await packs.setPaper('A4');

    expect(await seriousViolations(page, '.packs')).toEqual([]);

    const download = await packs.generateAndDownload();
    expect(download.suggestedFilename()).toMatch(/^Dushanbe-briefing-pack-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = join(mkdtempSync(join(tmpdir(), 'attache-pack-e2e-')), download.suggestedFilename());
    await download.saveAs(file);
    await expect(packs.outcome).toContainText(`Saved ${download.suggestedFilename()}`);

    // The file, read with poppler and qpdf.
    const check = run('qpdf', ['--check', file]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');

    const info = run('pdfinfo', ['-enc', 'UTF-8', file]).stdout;
    expect(info).toMatch(/Title:\s+Dushanbe/);
    expect(info).toMatch(/Author:\s+Political Section/);
    expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);

    const fonts = run('pdffonts', [file]).stdout.trim().split('\n').slice(2);
    expect(fonts.map((l) => /Noto\w+-\w+/.exec(l)?.[0]).sort()).toEqual(['NotoSerif-Bold', 'NotoSerif-Regular']);
    for (const line of fonts) expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);

    const pages = pagesText(file);
    expect(pages.length).toBe(Number(/Pages:\s+(\d+)/.exec(info)?.[1]));
    for (const [i, text] of pages.entries()) expect(text.split('UNCLASSIFIED').length - 1, `banner top and bottom of page ${i + 1}`).toBeGreaterThanOrEqual(2);
    const all = pages.join(' ');
    expect(pages[0]).toContain('Dushanbe');
    expect(pages[0]).toContain('For H.E. the Ambassador');
    expect(all).toContain(EXAMPLE_TITLE);
    for (const person of example.people) {
      expect(all, person.name).toContain(person.name);
      expect(all, person.title).toContain(oneLine(person.title));
    }
    for (const action of example.actions) expect(unbroken(all), action.title).toContain(unbroken(oneLine(action.title)));
    // Above the ceiling: the briefing is nowhere in the file, and nothing is marked SECRET.
    expect(all).not.toContain(SECRET_TITLE);
    expect(all).not.toContain('SECRET');
  });

  test('the same pack as a Word file, read back by mammoth, with the ceiling applied as in the PDF', async ({ page }) => {
    test.setTimeout(90_000);
    await packs.tick(EXAMPLE_TITLE);
    await packs.tick(SECRET_TITLE);
    await packs.setCeiling('RESTRICTED');
    await packs.setCover({ title: 'Dushanbe', recipient: 'For H.E. the Ambassador', preparedBy: 'Political Section' });
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Word (.docx)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Dushanbe-briefing-pack-\d{4}-\d{2}-\d{2}\.docx$/);
    const file = join(mkdtempSync(join(tmpdir(), 'attache-pack-docx-')), download.suggestedFilename());
    await download.saveAs(file);
    // A Word file has no page count of its own: the outcome names the file only.
    await expect(packs.outcome).toHaveText(`Saved ${download.suggestedFilename()}.`);
    const { value: text } = await mammoth.extractRawText({ path: file });
    expect(text).toContain('For H.E. the Ambassador');
    expect(text).toContain(EXAMPLE_TITLE);
    for (const person of example.people) expect(text, person.name).toContain(person.name);
    for (const action of example.actions) expect(oneLine(text), action.title).toContain(oneLine(action.title));
    expect(text).not.toContain(SECRET_TITLE);
  });

  test('the counts follow work done in another window while the dialog stays open', async ({ context }) => {
    await packs.tick(EXAMPLE_TITLE);
    await packs.expectCounts({ briefings: 1, statements: example.statements.length, actions: example.actions.length });

    // A colleague at the same desk records two more statements in a second window.
    const other = new BriefingPage(await context.newPage());
    await other.goto(example.briefings[0]!.id);
    await other.captureText.focus();
    for (const t of ['Late addition one', 'Late addition two']) {
      await other.type(t);
      await other.saveStatement();
    }
    await expect(other.statement('Late addition two')).toBeVisible();
    await packs.expectCounts({ briefings: 1, statements: example.statements.length + 2, actions: example.actions.length });

    // And deletes the briefing that was ticked: the dialog says so rather than counting it.
    await other.deleteButton.click();
    await packs.expectCounts({ briefings: 0, statements: 0, actions: 0 });
    await expect(packs.problem).toContainText('None of the ticked briefings is in the workspace any more');
    await other.page.close();
  });

  test('saved definitions re-run the same choices, and deleting one can be undone', async ({ page }) => {
    await packs.tick(SECRET_TITLE);
    await packs.setCeiling('CONFIDENTIAL');
    await packs.setCover({ title: 'Security round-up' });
    await packs.setWatermark('Custom text', 'FOR THE AMBASSADOR ONLY');
    await packs.setPaper('Letter');
    await packs.saveDefinition('Weekly security');
    await expect(packs.definition('Weekly security')).toContainText('1 briefing picked');

    // A fresh page forgets the dialog's state; the definition is in the workspace.
    await page.reload();
    await expect(packs.heading).toBeVisible();
    await packs.setCover({ title: 'Something else' });
    await packs.tick(EXAMPLE_TITLE);
    await packs.loadDefinition('Weekly security');
    await expect(packs.title).toHaveValue('Security round-up');
    await expect(packs.briefingCheckbox(SECRET_TITLE)).toBeChecked();
    await expect(packs.briefingCheckbox(EXAMPLE_TITLE)).not.toBeChecked();
    await expect(packs.ceiling).toHaveValue('confidential');
    await expect(page.getByLabel('Watermark text')).toHaveValue('FOR THE AMBASSADOR ONLY');
    await expect(page.getByRole('radio', { name: 'Letter', exact: true })).toBeChecked();
    await expect(packs.excluded).toContainText(SECRET_TITLE);
    await packs.expectCounts({ briefings: 0, statements: 0, actions: 0 });
    await expect(packs.problem).toContainText('above the classification ceiling');

    // An empty selection is refused with a message, and nothing is downloaded.
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await packs.generateButton.click();
    await expect(packs.problem).toBeVisible();
    expect(downloaded).toBe(false);

    // Saving under the same name replaces it rather than adding a second one.
    await packs.tick(EXAMPLE_TITLE);
    await packs.saveDefinition('weekly security');
    await expect(packs.definitions.getByRole('listitem')).toHaveCount(1);
    await expect(packs.definition('Weekly security')).toContainText('2 briefings picked');

    await packs.deleteDefinition('Weekly security');
    await expect(packs.definitions).toBeHidden();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(packs.definition('Weekly security')).toBeVisible();
  });
});
