/**
 * Issue 13, points 1 and 2, by keyboard in Chromium: meeting mode (a 40-statement briefing captured with
 * the capture box in view after every statement, at 1280×720 and 1024×768; Alt+digit picks a speaker; the
 * transcript follows the newest statement; the details folded into one line; a clock) and the reading
 * view (the example briefing as a formatted page: header, attendance, statements by speaker with kinds,
 * decisions, follow-ups and events with owners and dates; E edits at the same place, Esc reads again;
 * printed without the app around it and with the classification banner). axe on both modes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { generateKeyBetween } from 'fractional-indexing';
import { seriousViolations } from './axe';
import { pagesText } from './pack-pdf';
import { BriefingPage } from './pages/BriefingPage';
import { briefingRow, exampleJson, exampleRows, row, seed, statementRow, type SeedRow } from './seed';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const EXAMPLE_ID = '014c2507-a400-7000-8000-000000000009';
const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';
const CONFERENCE_ID = '014c2507-a400-7000-8000-00000000001e';
const DECISION = 'The participants agreed to meet again before the Dushanbe conference.';

/** Screenshots to look at (H7_SHOTS=<dir>); nothing is written otherwise. */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.H7_SHOTS) await page.screenshot({ path: join(process.env.H7_SHOTS, `${name}.png`) });
}

/** The element lies wholly inside the viewport. */
async function expectInViewport(page: Page, el: Locator): Promise<{ y: number; height: number }> {
  const box = await el.boundingBox();
  const size = page.viewportSize()!;
  expect(box, 'the element is laid out').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(-1);
  expect(box!.y + box!.height).toBeLessThanOrEqual(size.height + 0.5);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.width + 0.5);
  return box!;
}

/** Local wall time as the app stores it (`YYYY-MM-DDTHH:mm`), some minutes from now. */
function localNow(offsetMinutes = 0): string {
  const d = new Date(Date.now() + offsetMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

test.describe('reading view', () => {
  let laterId = '';
  let mittalId = '';

  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('./#/briefings');
    await expect(page.getByRole('heading', { level: 1, name: 'Briefings' })).toBeVisible();
    const rows: SeedRow[] = exampleRows();
    mittalId = exampleJson().people.find((p) => p.name === 'Ashita Mittal')!.id;
    const later = briefingRow({ title: 'Counter-narcotics conference: opening plenary', startsAt: '2015-05-27T09:00', location: 'Dushanbe' });
    laterId = later.id;
    for (const r of rows) {
      const rec = r.record as unknown as Record<string, unknown>;
      if (r.table === 'briefings' && rec.id === EXAMPLE_ID) Object.assign(rec, { classification: 'restricted', caveat: 'EYES ONLY' });
      if (r.table === 'actions' && rec.id === CONFERENCE_ID) Object.assign(rec, { heldInBriefingId: later.id, status: 'done' });
    }
    const orders = rows.filter((r) => r.table === 'statements').map((r) => (r.record as unknown as { order: string }).order);
    const decision = statementRow(EXAMPLE_ID, DECISION, generateKeyBetween(orders.sort().at(-1), null));
    Object.assign(decision.record, { kind: 'decision', speakerId: mittalId });
    await seed(page, [...rows, later, decision]);
  });

  test('a past briefing opens as a formatted page: header, attendance, statements by speaker with kinds, decisions, follow-ups and events', async ({ page }) => {
    const b = new BriefingPage(page);
    await b.open(EXAMPLE_ID);
    const doc = b.reading;
    await expect(doc).toBeVisible();
    await expect(doc.getByRole('heading', { level: 1 })).toHaveText(EXAMPLE_TITLE);
    await expect(b.title).toHaveCount(0); // no edit form

    // Header block.
    const details = doc.locator('dl.details');
    await expect(details).toContainText('17 March 2015, 10:00');
    await expect(details).toContainText('Ministry of Foreign Affairs, Dushanbe');
    await expect(details).toContainText('Briefing');
    await expect(details).toContainText('Ministry of Foreign Affairs of the Republic of Tajikistan (MFA)');
    await expect(details).toContainText('RESTRICTED // EYES ONLY');
    await expect(page.getByTestId('classification-banner')).toHaveText('RESTRICTED // EYES ONLY');

    // Attendance: the speakers with their titles, and the group.
    const attendance = doc.getByRole('region', { name: 'Attendance' });
    await expect(attendance).toContainText('Rustam Nazarzoda, Lt. General, Director of the Drug Control Agency (speaker)');
    await expect(attendance).toContainText('Heads of diplomatic missions accredited in Tajikistan');

    // Summary as text (no markup characters).
    const summary = doc.getByRole('region', { name: 'Summary' });
    await expect(summary.locator('strong').first()).toHaveText('UNODC Programme Office in Tajikistan');
    await expect(summary).not.toContainText('**');

    // Statements grouped by speaker, each kind shown.
    const statements = doc.getByRole('region', { name: /^Statements/ });
    await expect(statements.getByRole('heading', { level: 3 })).toHaveText(['Rustam Nazarzoda', 'Ashita Mittal', 'Shahnoza Anvar Nodiri']);
    const nazarzoda = statements.getByRole('region', { name: 'Rustam Nazarzoda' });
    await expect(nazarzoda.locator('.statement')).toHaveCount(8);
    await expect(nazarzoda.locator('.statement[data-kind="figure"] .kind')).toHaveText(['Figure', 'Figure']);
    await expect(nazarzoda.locator('.statement[data-kind="proposal"]')).toContainText('Proposal');
    await expect(statements.getByRole('region', { name: 'Shahnoza Anvar Nodiri' }).locator('.kind')).toHaveText(['Request', 'Request', 'Request']);
    await expect(nazarzoda.getByRole('link', { name: 'Rustam Nazarzoda' })).toHaveAttribute('href', /^#\/people\/014c2507-/);

    // Decisions, numbered, with who announced them.
    const decisions = doc.getByRole('region', { name: 'Decisions' });
    await expect(decisions.getByRole('listitem')).toHaveText([`${DECISION} — Ashita Mittal, United Nations Office on Drugs and Crime — Programme Office in Tajikistan (UNODC)`]);

    // Follow-ups with owners and dates, linked to the tracker's row.
    const followups = doc.getByRole('region', { name: 'Follow-ups' });
    const cable = followups.getByRole('row', { name: /Report the briefing to capital/ });
    await expect(cable).toContainText('Political Officer');
    await expect(cable).toContainText('19 March 2015');
    await expect(cable).toContainText('Done');
    await expect(cable.getByRole('link', { name: 'Report the briefing to capital (cable)' })).toHaveAttribute('href', /^#\/followups\?focus=014c2507-/);

    // Events with dates as precise as the source, the held one linked to the briefing that kept it.
    const events = doc.getByRole('region', { name: 'Events' });
    await expect(events.getByRole('row', { name: /Ninth MoU meeting/ })).toContainText('May 2015 · Ashgabat');
    const conference = events.getByRole('row', { name: /High Level International Conference/ });
    await expect(conference).toContainText('27 May 2015 · Dushanbe');
    await expect(conference.getByRole('link', { name: 'Held — see Counter-narcotics conference: opening plenary, 27 May 2015' })).toHaveAttribute(
      'href',
      `#/briefing/${laterId}`,
    );

    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'reading');

    // The later briefing lists what it follows up, linked back.
    await conference.getByRole('link', { name: /Held — see/ }).click();
    const kept = b.reading.getByRole('region', { name: 'Follows up' });
    await expect(kept.getByRole('link', { name: `${EXAMPLE_TITLE}, 17 March 2015` })).toHaveAttribute('href', `#/briefing/${EXAMPLE_ID}`);
    await expect(kept.getByRole('link', { name: 'Rustam Nazarzoda' })).toBeVisible();
  });

  test('E edits at the statement in view, Escape reads again at the same place', async ({ page }) => {
    const b = new BriefingPage(page);
    const purity = exampleJson().statements.find((s) => String(s.text).startsWith('Requested donor support'))!;
    await b.open(EXAMPLE_ID, `?focus=${purity.id}`);
    const reading = page.locator(`#read-${purity.id}`);
    await expect(reading).toBeFocused();
    await expectInViewport(page, reading);

    await page.keyboard.press('e');
    const editing = page.locator(`#statement-${purity.id}`);
    await expect(editing).toBeFocused();
    await expectInViewport(page, editing);
    await expect(b.title).toHaveValue(EXAMPLE_TITLE);
    await expect(page).toHaveURL(/mode=edit$/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(reading).toBeFocused();
    await expectInViewport(page, reading);
    await expect(b.title).toHaveCount(0);

    // E typed into a text box is a letter, not a command.
    await page.keyboard.press('e');
    await expect(b.title).toBeVisible();
    await b.title.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('e');
    await expect(b.title).toHaveValue(`${EXAMPLE_TITLE}e`);
    await page.keyboard.press('Backspace');
    await b.waitSaved();
    // In a text field the first Escape only leaves the field; the second reads again.
    await page.keyboard.press('Escape');
    await expect(b.title).not.toBeFocused();
    await expect(b.title).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(b.reading).toBeVisible();
  });

  test('the example in meeting mode: its speakers on Alt+1…3 in order of appearance, the newest statement in view', async ({ page }) => {
    const b = new BriefingPage(page);
    await b.open(EXAMPLE_ID, '?mode=meeting');
    await expect(page.locator('header.meeting-line')).toContainText('RESTRICTED // EYES ONLY');
    await expect(b.quickSpeakers).toHaveText([/Alt\+1\s*Rustam Nazarzoda/, /Alt\+2\s*Ashita Mittal/, /Alt\+3\s*Shahnoza Anvar Nodiri/]);
    await expect(page.getByTestId('meeting-elapsed')).toHaveCount(0); // a briefing of 2015 has no time elapsed to show
    await b.captureText.focus();
    await b.press('alt+2');
    await expect(b.currentSpeaker).toHaveText('Ashita Mittal');
    await expect(page).toHaveURL(/mode=meeting$/);
    await b.press('alt+i');
    await b.type('Seizures on the Northern Route rose by a fifth in the first quarter of 2015.');
    await b.saveStatement();
    const newest = page.getByRole('region', { name: /^Statements/ }).locator('article.statement').last();
    await expect(newest).toContainText('Seizures on the Northern Route');
    await expectInViewport(page, newest);
    await expectInViewport(page, b.capture);
    await expectInViewport(page, page.locator('header.meeting-line'));
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'meeting-example');
  });

  test('printed: no app chrome, the classification banner at the top and the foot', async ({ page }) => {
    const b = new BriefingPage(page);
    await b.open(EXAMPLE_ID);
    await expect(b.reading).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('toolbar', { name: 'Briefing' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
    const banners = page.locator('table.frame .banner');
    await expect(banners).toHaveCount(2);
    for (const banner of await banners.all()) {
      await expect(banner).toBeVisible();
      await expect(banner).toHaveText('RESTRICTED // EYES ONLY');
    }
    // Top first, foot last.
    const [top, foot] = [await banners.nth(0).boundingBox(), await banners.nth(1).boundingBox()];
    const article = await b.reading.boundingBox();
    expect(top!.y).toBeLessThan(article!.y);
    expect(foot!.y).toBeGreaterThan(article!.y + article!.height - 1);
    await shot(page, 'print');

    // Printed for real (Chromium's PDF of the page, read back with poppler): the banner heads and foots every page.
    const pdf = join(process.env.H7_SHOTS ?? mkdtempSync(join(tmpdir(), 'attache-print-')), 'briefing.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4' }));
    const pages = pagesText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      // The page number sits in the foot margin (a CSS page-margin box), below the banner.
      const folio = `Page ${i + 1} of ${pages.length}`;
      expect(page, `page ${i + 1}`).toContain(folio);
      const text = page.replace(folio, '');
      expect(text.trim().startsWith('RESTRICTED // EYES ONLY'), text.slice(0, 80)).toBe(true);
      expect(text.trim().endsWith('RESTRICTED // EYES ONLY'), text.slice(-80)).toBe(true);
    }
    expect(pages.join('\n')).toContain('The participants agreed to meet again before the Dushanbe conference.');
    expect(pages.join('\n')).not.toMatch(/Meeting mode|Keyboard shortcuts|Briefing packs/);
  });
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  test(`meeting mode at ${size.width}×${size.height}: 40 statements, the capture box in view after each, Alt+digit speakers`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize(size);
    await page.goto('./#/briefings');
    await expect(page.getByRole('heading', { level: 1, name: 'Briefings' })).toBeVisible();
    const org = row('organisations', { ...V2_FIELDS.organisations(), name: 'Ministry of Foreign Affairs', acronym: 'MFA', country: 'Tajikistan' });
    const person = (name: string, title: string) =>
      row('people', { ...V2_FIELDS.people(), name, title, organisationId: org.id, country: 'Tajikistan' });
    const people = [person('Sirojiddin Muhriddin', 'Minister'), person('Zarina Karimova', 'Head of Department'), person('Daler Rahimov', 'Counsellor')];
    // Under way now: it opens in meeting mode by itself.
    const briefing = briefingRow({
      title: 'Weekly coordination meeting',
      startsAt: localNow(-5),
      location: 'Ministry of Foreign Affairs, Dushanbe',
      attendees: people.map((p) => ({ personId: p.id, delegation: false })),
    });
    await seed(page, [org, ...people, briefing]);

    const b = new BriefingPage(page);
    await b.open(briefing.id);
    await expect(b.captureText).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/briefing/${briefing.id}$`));
    // One line of details, a clock, and the time since the start.
    const line = page.locator('header.meeting-line');
    await expect(line).toContainText('Weekly coordination meeting');
    await expect(line).toContainText('Ministry of Foreign Affairs, Dushanbe');
    await expect(line).toContainText('UNCLASSIFIED');
    await expect(page.getByTestId('meeting-clock')).toHaveText(/^\d\d:\d\d$/);
    await expect(page.getByTestId('meeting-elapsed')).toHaveText(/^0:0\d elapsed$/);
    // Nothing recorded yet: the details start open; Ctrl+Shift+D folds them into the line, and opens them again.
    await expect(b.title).toHaveValue('Weekly coordination meeting');
    await b.press('mod+shift+d');
    await expect(b.title).toHaveCount(0);
    await b.press('mod+shift+d');
    await expect(b.title).toBeVisible();
    await b.press('mod+shift+d');
    await expect(b.title).toHaveCount(0);

    await b.captureText.focus();
    const transcript = page.getByRole('region', { name: /^Statements/ });
    for (let i = 0; i < 40; i++) {
      const n = (i % 3) + 1;
      const name = await b.quickSpeakers.nth(n - 1).innerText();
      await b.press(`alt+${n}`);
      await expect(b.currentSpeaker).toHaveText(name.replace(/^Alt\+\d\s*/, ''));
      await expect(b.captureText).toBeFocused();
      await b.type(`Point ${i + 1}: the delegation set out its position on item ${i + 1} of the agenda.`);
      await b.saveStatement();
      await expect(b.captureText).toHaveValue('');
      const capture = await expectInViewport(page, b.capture);
      if (i === 0) await shot(page, `meeting-${size.width}-early`);
      // The transcript follows the newest statement: it is in view, above the docked capture box.
      const newest = transcript.locator('article.statement').last();
      await expect(newest).toContainText(`Point ${i + 1}:`);
      await expect(async () => {
        const box = (await newest.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(capture.y + 1);
      }).toPass({ timeout: 10_000 });
    }
    await expect(page).toHaveURL(new RegExp(`#/briefing/${briefing.id}$`)); // Alt+digit never left for another screen
    await expect(transcript.locator('article.statement')).toHaveCount(40);
    // In order of appearance: the first three speakers are those who spoke first.
    await expect(b.quickSpeakers).toHaveCount(3);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `meeting-${size.width}`);

    // Ctrl+Shift+M leaves meeting mode for the editor, and comes back.
    await b.press('mod+shift+m');
    await expect(b.title).toBeVisible();
    await expect(page).toHaveURL(/mode=edit$/);
    await b.press('mod+shift+m');
    await expect(page.locator('header.meeting-line')).toBeVisible();
    await expectInViewport(page, b.capture);
  });
}

test('a new briefing opens in meeting mode with its details open', async ({ page }) => {
  const b = new BriefingPage(page);
  await b.gotoNew();
  await expect(page.locator('header.meeting-line')).toBeVisible();
  await b.type('Call with the UNODC office');
  await expect(page).toHaveURL(/#\/briefing\/[^?]+\?mode=meeting$/, { timeout: 20_000 });
  await expectInViewport(page, b.capture);
  expect(await seriousViolations(page)).toEqual([]);
});
