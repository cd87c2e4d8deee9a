/**
 * Keys that never fight the typist, in Chromium: Ctrl+Alt+letter as an AltGr keyboard sends it (Polish "ą" is
 * AltGr+A, "ń" AltGr+N; German "@" is AltGr+Q) fires no app command and types its character, in the capture
 * box and in both search boxes; a shortcut rebound in Settings works (and stays after a reload), and one
 * that clashes, uses Ctrl+Alt or takes a menu's Alt+letter is refused, changing nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { BriefingPage } from './pages/BriefingPage';

const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';

/** What an AltGr layout sends on Windows: Ctrl+Alt on the key, with the character it produces. */
const ALTGR = [
  { key: 'ą', code: 'KeyA' },
  { key: 'ń', code: 'KeyN' },
  { key: '@', code: 'KeyQ' },
  { key: 'ś', code: 'KeyS' },
];

/**
 * Press each AltGr character in the focused field: the keydown goes through the app's handlers, and unless
 * one took it (preventDefault), the character is typed, as the browser would.
 */
async function typeAltGr(page: Page): Promise<boolean[]> {
  const taken: boolean[] = [];
  for (const k of ALTGR) {
    const prevented = await page.evaluate(({ key, code }) => {
      const target = document.activeElement ?? document.body;
      const event = new KeyboardEvent('keydown', { key, code, ctrlKey: true, altKey: true, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    }, k);
    taken.push(prevented);
    if (!prevented) await page.keyboard.insertText(k.key);
  }
  return taken;
}

test('AltGr characters type in the capture box and the search boxes; no app command fires', async ({ page }) => {
  test.setTimeout(120_000);
  const b = new BriefingPage(page);
  await page.goto('./#/briefings');
  await page.getByRole('button', { name: /Load the example briefing/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE })).toBeVisible({ timeout: 30_000 });
  await expect(b.captureText.or(b.reading)).toBeVisible({ timeout: 30_000 });
  if (await b.reading.isVisible()) await b.edit();

  const hash = await page.evaluate(() => location.hash);
  const kind = page.locator('input[name="capture-kind"]:checked');
  const kindBefore = await kind.getAttribute('value');
  await b.captureText.focus();
  await page.keyboard.type('Zaj');
  expect(await typeAltGr(page)).toEqual([false, false, false, false]);
  await expect(b.captureText).toHaveValue('Zająń@ś');
  // Still here (Ctrl+Alt+N made a new briefing before), the kind unchanged, focus in the box.
  expect(await page.evaluate(() => location.hash)).toBe(hash);
  await expect(kind).toHaveAttribute('value', kindBefore!);
  await expect(b.captureText).toBeFocused();
  // Playwright's own Ctrl+Alt+N (no character): no new briefing either.
  await page.keyboard.press('Control+Alt+KeyN');
  expect(await page.evaluate(() => location.hash)).toBe(hash);

  // The quick search box in the sidebar.
  const quick = page.locator('#quick-search');
  await quick.focus();
  expect(await typeAltGr(page)).toEqual([false, false, false, false]);
  await expect(quick).toHaveValue('ąń@ś');
  expect(await page.evaluate(() => location.hash)).toBe(hash);

  // The search screen's box.
  await page.goto('./#/search');
  const box = page.locator('#search-text');
  await expect(box).toBeFocused({ timeout: 30_000 });
  await box.fill('');
  expect(await typeAltGr(page)).toEqual([false, false, false, false]);
  await expect(box).toHaveValue('ąń@ś');
  expect(await page.evaluate(() => location.hash)).toMatch(/^#\/search/);
});

test('a shortcut rebound in Settings: clashes refused with the reason, the new keys work after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible({ timeout: 30_000 });
  await page.locator('#rebind-which').selectOption({ label: 'Go to briefing packs (Alt+6)' });
  const keysBox = page.locator('#rebind-keys');
  const message = page.locator('#rebind-message');
  const use = page.getByRole('button', { name: 'Use these keys' });

  // A clash: Ctrl+K is Search. Pressed in the box, it is recorded, not obeyed.
  await keysBox.focus();
  await page.keyboard.press('Control+k');
  await expect(keysBox).toHaveValue('Ctrl+K');
  await expect(page).toHaveURL(/#\/settings/);
  await page.keyboard.press('Tab');
  await expect(use).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(message).toHaveText('Ctrl+K is already “Search everything”.');
  await expect(message).toHaveAttribute('role', 'alert');

  // Ctrl+Alt (AltGr on many keyboards) and the File menu's Alt+F are refused too.
  await keysBox.focus();
  await page.keyboard.press('Control+Alt+p');
  await use.press('Enter');
  await expect(message).toContainText('AltGr');
  await keysBox.focus();
  await page.keyboard.press('Alt+f');
  await use.press('Enter');
  await expect(message).toHaveText('Alt+F opens the File menu.');
  // Alt+O is French Éditi&on's: refused in an English window too, so a binding survives a change of language.
  await keysBox.focus();
  await page.keyboard.press('Alt+o');
  await use.press('Enter');
  await expect(message).toHaveText(/^Alt\+O opens (the Édition menu|a menu when Attaché is in another language)\.$/);
  expect(await page.evaluate(() => localStorage.getItem('attache.shortcuts'))).toBeNull();

  // Alt+W is free: taken, listed as changed, and it works — after a reload too.
  await keysBox.focus();
  await page.keyboard.press('Alt+w');
  await use.press('Enter');
  await expect(message).toHaveText('“Go to briefing packs” is now Alt+W.');
  await expect(page.getByRole('list', { name: 'Changed shortcuts' })).toContainText('Go to briefing packs: Alt+W (was Alt+6)');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused({ timeout: 30_000 });
  await page.keyboard.press('Alt+w');
  await expect(page).toHaveURL(/#\/packs/);
  // Shift+? lists the new keys.
  await page.keyboard.press('Shift+?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('row', { name: /Go to briefing packs/ })).toContainText('Alt+W');
});
