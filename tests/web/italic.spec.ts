/**
 * Issue 13 point 6, by keyboard: Ctrl+I toggles italic on the selection or the word at the caret, as Ctrl+B
 * does bold, never leaving empty markers; the preview and the reading view show it as italic text, with
 * no markup.
 */
import { expect, test } from '@playwright/test';
import { BriefingPage } from './pages/BriefingPage';

test('Ctrl+I makes the word at the caret or the selection italic, and takes it off again', async ({ page }) => {
  const b = new BriefingPage(page);
  await page.goto('./#/briefings');
  await b.press('mod+Shift+n');
  await expect(b.title).toBeFocused();
  await b.type('Northern Route research');
  await b.waitSaved();
  await b.tabTo(b.summary, 20);

  // On no word: nothing happens, no "__" left behind.
  await b.type('Research along the ');
  await b.press('mod+i');
  await expect(b.summary).toHaveValue('Research along the ');

  // The two words just typed, selected with the keyboard.
  await b.type('Northern Route');
  await b.press('Control+Shift+ArrowLeft');
  await b.press('Control+Shift+ArrowLeft');
  await b.press('mod+i');
  await expect(b.summary).toHaveValue('Research along the _Northern Route_');
  await b.press('mod+i');
  await expect(b.summary).toHaveValue('Research along the Northern Route');
  await b.press('mod+i');
  await expect(b.summary).toHaveValue('Research along the _Northern Route_');

  // The word at the caret, inside bold.
  await b.press('End');
  await b.type(', said **UNODC**.');
  await b.press('ArrowLeft');
  await b.press('ArrowLeft');
  await b.press('ArrowLeft');
  await b.press('ArrowLeft');
  await b.press('mod+i');
  await expect(b.summary).toHaveValue('Research along the _Northern Route_, said **_UNODC_**.');
  await expect(b.summaryPreview.locator('em')).toHaveText(['Northern Route', 'UNODC']);
  await expect(b.summaryPreview.locator('strong em')).toHaveText('UNODC');
  await expect(b.summaryPreview).toHaveText('Research along the Northern Route, said UNODC.');

  // The toolbar has the button too, between Bold and the bullet list.
  await b.press('Tab');
  await expect(page.getByRole('button', { name: 'Bold' })).toBeFocused();
  await b.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'Italic' })).toBeFocused();
  await b.waitSaved();

  // Reading view, by keys: a new briefing opens in meeting mode; Ctrl+Shift+M to the editor (which shows
  // the briefing just made, not an empty form), Esc to reading. Italic text there, no markers.
  await b.press('mod+shift+m');
  await expect(b.title).toHaveValue('Northern Route research');
  await expect(b.saveStatus).toHaveText('All changes saved');
  await b.press('Escape');
  const summary = b.reading.locator('[data-place="summary"]');
  await expect(summary.locator('em')).toHaveText(['Northern Route', 'UNODC']);
  await expect(summary).toContainText('Research along the Northern Route, said UNODC.');
});
