/**
 * A statement's speaker can be cleared, by keyboard, in Chromium: in the capture box ("Clear speaker": the
 * next statement is saved unattributed, shown as such) and when editing a recorded statement (a checkbox;
 * the stored record's speakerId becomes null).
 */
import { expect, test, type Page } from '@playwright/test';
import { BriefingPage } from './pages/BriefingPage';

const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';

function storedStatements(page: Page): Promise<{ id: string; text: string; speakerId: string | null; deleted: number }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('attache');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ id: string; text: string; speakerId: string | null; deleted: number }[]>((resolve, reject) => {
      const req = db.transaction('statements').objectStore('statements').getAll();
      req.onsuccess = () => resolve(req.result as { id: string; text: string; speakerId: string | null; deleted: number }[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows;
  });
}

test('clearing a speaker in the capture box and in a recorded statement', async ({ page }) => {
  test.setTimeout(120_000);
  const b = new BriefingPage(page);
  await page.goto('./#/briefings');
  await page.getByRole('button', { name: /Load the example briefing/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE })).toBeVisible({ timeout: 30_000 });
  await expect(b.captureText.or(b.reading)).toBeVisible({ timeout: 30_000 });
  if (await b.reading.isVisible()) await b.edit();

  // A speaker picked by name, then cleared: the box says "Unattributed".
  await b.speaker.focus();
  await page.keyboard.type('Nazarzoda');
  await expect(page.getByRole('option', { name: /Rustam Nazarzoda/ }).first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(b.currentSpeaker).toHaveText('Rustam Nazarzoda');
  const clear = b.capture.getByRole('button', { name: 'Clear speaker' });
  await clear.focus();
  await page.keyboard.press('Enter');
  await expect(b.currentSpeaker).toHaveText('Unattributed');
  await expect(b.captureText).toBeFocused();
  await page.keyboard.type('A voice from the floor asked about funding.');
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await storedStatements(page)).find((s) => s.text.startsWith('A voice from the floor'))?.speakerId, { timeout: 30_000 }).toBeNull();
  const saved = b.statements.filter({ hasText: 'A voice from the floor' });
  await expect(saved.locator('.speaker')).toHaveText('Unattributed');

  // A recorded statement with a speaker: Enter edits, the checkbox clears its speaker, Enter saves.
  const first = b.statements.first();
  const firstId = (await first.getAttribute('id'))!.replace(/^statement-/, '');
  expect((await storedStatements(page)).find((s) => s.id === firstId)?.speakerId).not.toBeNull();
  await first.focus();
  await page.keyboard.press('Enter');
  const box = first.getByRole('checkbox', { name: /Unattributed: clear the speaker/ });
  await box.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await storedStatements(page)).find((s) => s.id === firstId)?.speakerId, { timeout: 30_000 }).toBeNull();
  await expect(first.locator('.speaker')).toHaveText('Unattributed');
});
