/**
 * Issue 15's look: the layout at common window sizes (and 200 % zoom) with nothing outside the window
 * sideways, the list beside the open briefing on a wide window, the dark theme from the OS and from Settings, the classification banner of a briefing above the
 * lowest level at the top and bottom of its screen and its dialogs, and forced colours (Windows high
 * contrast) keeping every control's edge.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { SCREENS, w } from './screens';
import { actionRow, briefingRow, seed } from './seed';

/** Elements drawn outside the window sideways, or a scroller that scrolls sideways (described for the message). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].filter((c) => !c.startsWith('svelte-')).join('.')}` : ''}`;
    if (document.scrollingElement!.scrollWidth > width) out.push(`page scrolls sideways: ${document.scrollingElement!.scrollWidth} > ${width}`);
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (el.closest('.visually-hidden, .skip, dialog:not([open]), [hidden]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 2 || r.height <= 2) continue;
      if (r.right > width + 1 || r.left < -1) out.push(`${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
      // A scroller that scrolls sideways hides what is beyond its edge (wide tables may, by choice: data-scroll-x).
      if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && !el.closest('[data-scroll-x]'))
        out.push(`${name(el)} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out.slice(0, 10);
  });
}

const VIEWPORTS = [
  { width: 800, height: 600 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  // 1280 × 800 zoomed to 200 %.
  { width: 640, height: 400 },
];

const heading = (page: Page) => expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
const EXTRA = [
  { name: 'a briefing (editing)', hash: `#/briefing/${w.dushanbe.id}?mode=edit`, ready: heading },
  { name: 'a briefing (meeting)', hash: `#/briefing/${w.dushanbe.id}?mode=meeting`, ready: heading },
];

test.describe('layout', () => {
  for (const size of VIEWPORTS) {
    test(`nothing leaves a ${size.width}×${size.height} window sideways, on any screen`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      await page.goto('./#/briefings');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await seed(page, w.rows);
      for (const screen of [...SCREENS, ...EXTRA]) {
        await page.goto(`./${screen.hash}`);
        await screen.ready(page);
        expect(await overflowing(page), `${screen.name} at ${size.width}×${size.height}`).toEqual([]);
      }
    });
  }

  test('the sidebar: in full when wide, icons when narrower or collapsed, behind a Menu button at 200 % zoom', async ({ page }) => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    const today = nav.getByRole('link', { name: 'Today' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('./#/briefings');
    await expect(nav.getByText('Follow-ups')).toBeVisible();

    // Collapsed by the user: icons with their names kept for screen readers and as tooltips; kept across a reload.
    await nav.getByRole('button', { name: 'Full sidebar' }).click();
    await expect(nav.getByText('Follow-ups')).toBeHidden();
    await expect(today).toBeVisible();
    expect((await nav.boundingBox())!.width).toBeLessThan(80);
    await page.reload();
    await expect(nav.getByText('Follow-ups')).toBeHidden();
    await nav.getByRole('button', { name: 'Full sidebar' }).click();
    await expect(nav.getByText('Follow-ups')).toBeVisible();

    // Narrower: icons by themselves.
    await page.setViewportSize({ width: 900, height: 700 });
    await expect(nav.getByText('Follow-ups')).toBeHidden();
    await expect(today).toBeVisible();

    // 200 %: no sidebar until the Menu button opens it; a link closes it again, and so does Escape.
    await page.setViewportSize({ width: 640, height: 400 });
    await expect(today).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: 'Follow-ups' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Follow-ups');
    await expect(today).toBeHidden();
    await menu.click();
    await expect(today).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(today).toBeHidden();
    await expect(menu).toBeFocused();
  });
});

test('a wide window shows the briefing list beside the open briefing; a narrower one the briefing alone', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./#/briefings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await seed(page, w.rows);
  await page.goto(`./#/briefing/${w.dushanbe.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Countering modern threats' })).toBeVisible();
  const pane = page.getByRole('complementary', { name: 'Briefing list' });
  await expect(pane.getByRole('heading', { level: 2, name: 'Briefings' })).toBeVisible();
  // One page heading (the briefing's); the open briefing marked in the list.
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(pane.locator('[aria-current="page"]')).toContainText('Countering modern threats');
  expect(await seriousViolations(page)).toEqual([]);

  // Another briefing, one click away: it opens beside the list, which stays and marks it.
  await pane.getByText('Energy security outlook').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Energy security outlook' })).toBeVisible();
  await expect(pane.locator('[aria-current="page"]')).toContainText('Energy security outlook');
  await expect(pane).toBeVisible();

  // Narrower (or zoomed in): the briefing alone.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(pane).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Energy security outlook' })).toBeVisible();
});

test.describe('theme', () => {
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
    return r + g + b < 3 * 64;
  };

  test('follows the OS, and Settings can pin light or dark (kept on reload)', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('./#/settings');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(dark(await background(page))).toBe(true);
    const appearance = page.getByRole('group', { name: 'Theme' });
    await expect(appearance.getByRole('radio', { name: 'Follow the system' })).toBeChecked();

    await appearance.getByRole('radio', { name: 'Light' }).check();
    expect(dark(await background(page))).toBe(false);
    await page.reload();
    await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Light' })).toBeChecked();
    expect(dark(await background(page))).toBe(false);

    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
    expect(dark(await background(page))).toBe(true);
    await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Follow the system' }).check();
    expect(dark(await background(page))).toBe(false);
  });
});

test.describe('classification on screen', () => {
  const secret = briefingRow({ title: 'Border security consultations', classification: 'confidential', caveat: 'EYES ONLY' });
  const open = briefingRow({ title: 'Open day at the embassy' });

  test.beforeEach(async ({ page }) => {
    await page.goto('./#/briefings');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await seed(page, [secret, open]);
  });

  test('a briefing above the lowest level shows its level and caveat at the top and bottom, in every mode and in its dialogs', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    // The window's own bands (each dialog carries its own pair too).
    const top = page.locator('.content > [data-testid="screen-classification-top"]');
    const bottom = page.locator('.content > [data-testid="screen-classification-bottom"]');
    for (const mode of ['read', 'edit', 'meeting']) {
      await page.goto(`./#/briefing/${secret.id}?mode=${mode}`);
      await expect(top).toHaveText('Classification: CONFIDENTIAL // EYES ONLY');
      await expect(bottom).toHaveText('Classification: CONFIDENTIAL // EYES ONLY');
      // At the very top and foot of the window, whatever the scroll.
      await page.locator('#main').evaluate((m) => m.scrollTo({ top: m.scrollHeight }));
      expect((await top.boundingBox())!.y).toBeLessThanOrEqual(1);
      const b = (await bottom.boundingBox())!;
      expect(b.y + b.height).toBeGreaterThanOrEqual(700 - 1);
      // Words, not colour alone: the text reads on its band.
      const [fg, bg] = await top.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
      expect(fg).not.toBe(bg);
    }

    // Its dialogs carry it too (the modal's backdrop covers the window's own banners).
    await page.goto(`./#/briefing/${secret.id}?mode=edit`);
    await page.getByRole('button', { name: 'Save as template…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as template' });
    await expect(dialog.getByTestId('screen-classification-top')).toHaveText(/CONFIDENTIAL \/\/ EYES ONLY/);
    await expect(dialog.getByTestId('screen-classification-bottom')).toBeVisible();
    await page.keyboard.press('Escape');

    // The lowest level needs no band; leaving the briefing takes the band away.
    await page.goto(`./#/briefing/${open.id}?mode=read`);
    await expect(page.getByRole('heading', { level: 1, name: 'Open day at the embassy' })).toBeVisible();
    await expect(top).toHaveCount(0);
    await page.goto(`./#/briefing/${secret.id}?mode=read`);
    await expect(top).toBeVisible();
    await page.goto('./#/briefings');
    await expect(top).toHaveCount(0);
  });

  test('a level’s colour is chosen in Settings, with the contrast of its words shown', async ({ page }) => {
    await page.goto('./#/settings');
    const colour = page.getByLabel('Banner colour of CONFIDENTIAL');
    await expect(colour).toHaveValue('#0033a0');
    await colour.fill('#7a1f3d');
    await expect(page.getByTestId('level-confidential-swatch')).toHaveCSS('background-color', 'rgb(122, 31, 61)');
    await page.goto(`./#/briefing/${secret.id}?mode=read`);
    const band = page.getByTestId('screen-classification-top').first();
    await expect(band).toHaveCSS('background-color', 'rgb(122, 31, 61)');
    await expect(band).toHaveCSS('color', 'rgb(255, 255, 255)');
    await page.goto('./#/settings');
    await page.getByRole('button', { name: 'Default colour for CONFIDENTIAL' }).click();
    await expect(page.getByLabel('Banner colour of CONFIDENTIAL')).toHaveValue('#0033a0');
  });
});

test('forced colours (Windows high contrast) keep every control’s edge', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('./#/briefing/new');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const hash of ['#/briefing/new', '#/followups', '#/settings']) {
    await page.goto(`./${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const edgeless = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, input:not([type=checkbox]):not([type=radio]), select, textarea')]
        .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden'))
        .filter((el) => {
          const s = getComputedStyle(el);
          return s.borderTopStyle === 'none' || s.borderTopWidth === '0px';
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(edgeless, hash).toEqual([]);
  }
});

test('the tracker is one Tab stop, with the arrow keys inside', async ({ page }) => {
  const b = briefingRow({ title: 'Donor coordination meeting' });
  await page.goto('./#/briefings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await seed(page, [b, actionRow(b.id, 'Brief the ambassador', '2015-05-01'), actionRow(b.id, 'Send the cable', '2015-05-02'), actionRow(b.id, 'Call the UNODC office', '2015-05-03')]);
  await page.goto('./#/followups');
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('row')).toHaveCount(4);
  expect(await grid.locator('[tabindex="0"]').count()).toBe(1);

  // Tab from what comes before lands on the first control, and the next Tab leaves the table.
  await page.getByRole('button', { name: 'Reset filters' }).focus();
  for (let i = 0; i < 20 && !(await grid.evaluate((g) => g.contains(document.activeElement))); i++) await page.keyboard.press('Tab');
  await expect(page.getByLabel('Due of Brief the ambassador')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Due of Send the cable')).toBeFocused();
  // → from the end of a date box goes on to the title; ↓ goes to the next row's title.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await expect(grid.getByRole('link', { name: 'Send the cable' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(grid.getByRole('link', { name: 'Call the UNODC office' })).toBeFocused();
  // A select keeps its value under ↑/↓: they move between rows.
  await page.getByLabel('Status of Call the UNODC office').focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('Status of Send the cable')).toBeFocused();
  await expect(page.getByLabel('Status of Call the UNODC office')).toHaveValue('open');
  expect(await grid.locator('[tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('Tab');
  const active = await page.evaluate(() => document.activeElement?.closest('table')?.id ?? 'outside');
  expect(active).toBe('outside');
  // Shift+Tab comes back to where the keyboard was.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Status of Send the cable')).toBeFocused();
});

test('a statement keeps its rarer actions in a ⋯ menu, each with its key', async ({ page }) => {
  await page.goto('./#/briefings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await seed(page, w.rows);
  await page.goto(`./#/briefing/${w.dushanbe.id}?mode=edit`);
  const first = page.locator(`#statement-${w.seized.id}`);
  await expect(first).toBeVisible();
  // Calm at rest: the buttons show when the pointer is over the statement or the keyboard is in it.
  await expect(first.locator('.tools')).toHaveCSS('opacity', '0');
  await first.focus();
  await expect(first.locator('.tools')).toHaveCSS('opacity', '1');

  const more = first.getByRole('button', { name: 'More actions on statement 1' });
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const menu = first.getByRole('group', { name: 'More actions on statement 1' });
  await expect(menu.getByRole('button', { name: /^Move up/ })).toBeDisabled();
  await expect(menu.getByRole('button', { name: /^Delete/ })).toContainText('Delete');
  // Escape closes the menu and gives the keyboard back to its button (the screen stays where it is).
  await menu.getByRole('button', { name: /^Move down/ }).focus();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();
  await expect(page).toHaveURL(/mode=edit/);
  // Move down from the menu.
  await more.click();
  await first.getByRole('group', { name: 'More actions on statement 1' }).getByRole('button', { name: /^Move down/ }).click();
  await expect(page.locator('article.statement').first()).toHaveAttribute('id', `statement-${w.purity.id}`);
});
