import { expect, test, type Page } from '@playwright/test';
import { BriefingPage } from './pages/BriefingPage';
import { BriefingsPage } from './pages/BriefingsPage';
import { storedDraftTexts } from './seed';

const HOSTILE = '<img src=x onerror=alert(1)><script>window.__pwned = 1</script>';

async function newBriefing(b: BriefingPage, title: string): Promise<void> {
  await b.gotoNew();
  await b.type(title);
  await b.waitSaved();
}

test('an empty title is refused inline; the stored title stays and comes back', async ({ page }) => {
  const b = new BriefingPage(page);
  await newBriefing(b, 'Donor coordination meeting');
  await b.title.fill('   ');
  await expect(b.titleError).toHaveText('Title cannot be empty');
  await expect(b.title).toHaveAttribute('aria-invalid', 'true');
  await expect(b.title).toHaveValue('   ');
  // The save line tells the truth while the field holds what cannot be saved.
  await expect(b.saveStatus).toHaveText('Not saved: Title cannot be empty');
  await b.location.focus(); // blur: nothing invalid is written
  await expect(b.saveStatus).toHaveText('Not saved: Title cannot be empty');
  await expect(b.heading).toHaveText('Donor coordination meeting');
  await page.reload();
  await expect(b.title).toHaveValue('Donor coordination meeting');
  await expect(b.titleError).toBeEmpty();
});

test('an impossible date is refused inline and the stored date is kept', async ({ page }) => {
  const b = new BriefingPage(page);
  await newBriefing(b, 'Date test');
  await b.startsAt.fill('2015-03-17T10:00');
  await b.waitSaved();
  // 31 February: refused with the reason, and the text stays for correcting.
  await b.startsAt.focus();
  await b.typeDateTime('31.02.2015 10:00');
  await expect(b.startsAtError).toContainText('February 2015 has 28 days');
  await expect(b.startsAtError).toContainText('Not saved: the briefing still starts 17 March 2015, 10:00');
  await expect(b.startsAt).toHaveAttribute('aria-invalid', 'true');
  await expect(b.saveStatus).toContainText('Not saved: February 2015 has 28 days');
  await b.location.focus();
  await expect(b.startsAt).toHaveValue('31.02.2015 10:00');
  // Opened again in the editor (reloaded as it is, a past briefing opens as a page to read).
  await b.goto(await b.id());
  await expect(b.startsAt).toHaveValue('Tue 17 March 2015, 10:00');
  await expect(b.startsAtError).toBeEmpty();
});

test('a 100 KB statement is not saved, says why, and is kept in the box and the draft', async ({ page }) => {
  const b = new BriefingPage(page);
  await newBriefing(b, 'Long paste');
  const huge = 'The delegation read out its full position paper. '.repeat(2100); // ≈ 105,000 characters
  await b.captureText.focus();
  await b.captureText.fill(huge);
  await expect(b.captureError).toContainText('too long to save');
  await expect(b.captureError).toContainText('limit is 20,000');
  await b.press('mod+Enter');
  await expect(b.statements).toHaveCount(0);
  await expect(b.captureText).toHaveValue(huge);
  await expect.poll(() => storedDraftTexts(page)).toContain(huge);
  await page.reload();
  await expect(b.captureText).toHaveValue(huge);
  await expect(b.captureError).toContainText('too long to save');
  // Trimmed to a real statement, it saves.
  await b.captureText.fill(huge.slice(0, 200).trim());
  await expect(b.captureError).toBeEmpty();
  await b.saveStatement();
});

test('text with HTML or script is shown literally everywhere, never run', async ({ page }) => {
  const list = new BriefingsPage(page);
  const b = new BriefingPage(page);
  await page.addInitScript(() => {
    window.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __alerts: number }).__alerts = 0;
      window.alert = () => ((window as unknown as { __alerts: number }).__alerts += 1);
    });
  });
  await newBriefing(b, HOSTILE);
  await b.location.fill(HOSTILE);
  await b.summary.fill(`**${HOSTILE}**\n\n- ${HOSTILE}`);
  await b.tags.fill('<b>tag</b>');
  await b.press('Enter');
  await b.pickSpeaker('<i>Speaker</i>', /Create speaker/);
  await b.press('Escape');
  await b.captureText.fill(HOSTILE);
  await b.saveStatement();
  await b.waitSaved();

  await page.reload();
  await expect(b.heading).toHaveText(HOSTILE);
  await expect(b.summaryPreview.locator('strong')).toHaveText(HOSTILE);
  await expect(b.summaryPreview.getByRole('listitem')).toHaveText(HOSTILE);
  await expect(b.statement(HOSTILE).locator('p.text')).toHaveText(HOSTILE);
  await expect(b.statement(HOSTILE)).toContainText('<i>Speaker</i>');
  await expect(b.tagChips).toHaveText([/<b>tag<\/b>/]);
  expect(await injected(page)).toEqual({ img: 0, script: 0, b: 0, pwned: 0, alerts: 0 });

  await list.goto();
  await expect(list.row(HOSTILE)).toBeVisible();
  expect(await injected(page)).toEqual({ img: 0, script: 0, b: 0, pwned: 0, alerts: 0 });
});

function injected(page: Page) {
  return page.evaluate(() => ({
    img: document.querySelectorAll('main img').length,
    script: document.querySelectorAll('main script').length,
    b: document.querySelectorAll('main b, main i').length,
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
    alerts: (window as unknown as { __alerts?: number }).__alerts ?? 0,
  }));
}
