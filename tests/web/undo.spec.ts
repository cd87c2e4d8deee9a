/**
 * Undo and redo of record changes by keyboard (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), end to end in Chromium against
 * real IndexedDB: an edit, a delete, a reorder, a link (an attendee created and added in one step) and a
 * status change are each undone and redone; the screen shows it and the stored records come back exactly
 * (every field; the stamps are new, as undo is a new edit). The toast's Undo names its key and does the same.
 */
import { expect, test, type Page } from '@playwright/test';
import { BriefingPage } from './pages/BriefingPage';
import { briefingRow, seed } from './seed';

const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';

type Stored = Record<string, unknown> & { id: string; deleted: number; hlc: string };

/** Every record of a table as stored, read from the app's IndexedDB in the page. */
function storedAll(page: Page, table: string): Promise<Stored[]> {
  return page.evaluate(async (t) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('attache');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<Stored[]>((resolve, reject) => {
      const req = db.transaction(t).objectStore(t).getAll();
      req.onsuccess = () => resolve(req.result as Stored[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows;
  }, table);
}

/** The fields of the live records (no stamps: undo writes new ones), by id. */
async function fields(page: Page, table: string): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of await storedAll(page, table)) {
    if (r.deleted) continue;
    const { hlc: _h, stamps: _s, ...rest } = r;
    out[r.id] = rest;
  }
  return out;
}

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

async function openExample(page: Page): Promise<BriefingPage> {
  const b = new BriefingPage(page);
  await page.goto('./#/briefings');
  await page.getByRole('button', { name: /Load the example briefing/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE })).toBeVisible({ timeout: 30_000 });
  // A briefing may open as a page to read (E edits it) or straight in the editor.
  await expect(b.statements.first().or(b.reading)).toBeVisible({ timeout: 30_000 });
  if (await b.reading.isVisible()) await b.edit();
  await expect(b.statements.first()).toBeVisible({ timeout: 30_000 });
  return b;
}

test('edit, delete, reorder and a link, each undone and redone by keyboard', async ({ page }) => {
  test.setTimeout(180_000);
  const b = await openExample(page);
  const start = await fields(page, 'statements');
  const startBriefings = await fields(page, 'briefings');
  const startPeople = await fields(page, 'people');
  const texts = () => b.statements.locator('p.text').allInnerTexts();
  const startTexts = await texts();

  // ── An edit: Enter on a statement, text added, Enter saves; Ctrl+Z (focus on the statement) undoes it.
  const first = b.statements.first();
  await first.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type(' (amended)');
  await page.keyboard.press('Enter');
  await expect(first.locator('p.text')).toContainText('(amended)');
  await expect(first).toBeFocused();
  await page.keyboard.press(`${MOD}+z`);
  await expect(first.locator('p.text')).not.toContainText('(amended)');
  await expect.poll(() => fields(page, 'statements')).toEqual(start);
  await expect(page.getByRole('status').filter({ hasText: 'Undone: 1 statement' })).toBeVisible();
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(first.locator('p.text')).toContainText('(amended)');
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(() => fields(page, 'statements')).toEqual(start);

  // ── A delete: Delete on a statement; the toast's Undo names Ctrl+Z, and Ctrl+Z does what it does.
  const second = b.statements.nth(1);
  const secondText = startTexts[1]!;
  await second.focus();
  await page.keyboard.press('Delete');
  await expect(b.statements).toHaveCount(startTexts.length - 1);
  const toastUndo = page.getByRole('button', { name: /^Undo/ });
  await expect(toastUndo).toHaveAttribute('aria-keyshortcuts', 'Control+Z');
  await expect(toastUndo).toContainText('Ctrl+Z');
  await page.keyboard.press(`${MOD}+z`);
  await expect(b.statements).toHaveCount(startTexts.length);
  await expect(toastUndo).toHaveCount(0);
  await expect.poll(() => fields(page, 'statements')).toEqual(start);
  await expect(b.statements.nth(1).locator('p.text')).toHaveText(secondText);
  // Ctrl+Y redoes (Windows and Linux), Ctrl+Z undoes again.
  await page.keyboard.press(`${MOD}+y`);
  await expect(b.statements).toHaveCount(startTexts.length - 1);
  await page.keyboard.press(`${MOD}+z`);
  await expect(b.statements).toHaveCount(startTexts.length);
  await expect.poll(() => fields(page, 'statements')).toEqual(start);

  // ── A reorder: Alt+↑ on the third statement; Ctrl+Z puts it back.
  await b.statements.nth(2).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(texts).not.toEqual(startTexts);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(texts).toEqual(startTexts);
  await expect.poll(() => fields(page, 'statements')).toEqual(start);
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect.poll(texts).not.toEqual(startTexts);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(texts).toEqual(startTexts);

  // ── A link: a new person created and added as present in one action; one Ctrl+Z takes back both.
  const picker = page.getByRole('combobox', { name: 'Add a person present' });
  await picker.focus();
  await page.keyboard.type('Dilshod Rahimov (DCA)');
  await expect(page.getByRole('option', { name: 'Create “Dilshod Rahimov” and add' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const present = page.getByRole('list', { name: 'People present' }).getByRole('listitem');
  await expect(present.filter({ hasText: 'Dilshod Rahimov' })).toBeVisible();
  // The picker is empty again: Ctrl+Z is the app's, not the field's.
  await expect(picker).toHaveValue('');
  await page.keyboard.press(`${MOD}+z`);
  await expect(present.filter({ hasText: 'Dilshod Rahimov' })).toHaveCount(0);
  await expect.poll(() => fields(page, 'briefings')).toEqual(startBriefings);
  await expect.poll(() => fields(page, 'people')).toEqual(startPeople);
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(present.filter({ hasText: 'Dilshod Rahimov' })).toBeVisible();
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(() => fields(page, 'briefings')).toEqual(startBriefings);
  await expect.poll(() => fields(page, 'people')).toEqual(startPeople);

  // Undo wrote new edits: the statement records carry newer stamps than the example's.
  const stamps = (await storedAll(page, 'statements')).map((r) => r.hlc);
  expect(stamps.some((h) => !h.endsWith('example'))).toBe(true);
});

test('typing in a field: Ctrl+Z undoes the typing, not a record change', async ({ page }) => {
  test.setTimeout(120_000);
  const b = await openExample(page);
  const start = await fields(page, 'statements');
  await b.statements.first().focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeVisible();
  await b.captureText.focus();
  await page.keyboard.type('Half a sentence');
  await page.keyboard.press(`${MOD}+z`);
  // The browser took back the typing; the deleted statement stays deleted.
  await expect(b.captureText).not.toHaveValue('Half a sentence');
  await expect.poll(async () => Object.keys(await fields(page, 'statements')).length).toBe(Object.keys(start).length - 1);
  // Out of the field, Ctrl+Z is the app's again.
  await b.statements.first().focus();
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(() => fields(page, 'statements')).toEqual(start);
});

test('a status change in the tracker, undone and redone by keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await openExample(page);
  await page.goto('./#/followups');
  const row = page.getByTestId('followup-row').first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  const id = (await row.getAttribute('id'))!.replace(/^followup-/, '');
  const before = (await fields(page, 'actions'))[id]!;
  const status = row.locator('select.status');
  await status.focus();
  // In the tracker's grid ↑/↓ move between rows (ui/lib/rovingGrid.ts); typing an option's first letter picks it.
  await page.keyboard.press(before.status === 'in-progress' ? 'o' : 'i');
  await expect.poll(async () => (await fields(page, 'actions'))[id]?.status).not.toBe(before.status);
  const after = (await fields(page, 'actions'))[id]!;
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(async () => (await fields(page, 'actions'))[id]).toEqual(before);
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect.poll(async () => (await fields(page, 'actions'))[id]).toEqual(after);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(async () => (await fields(page, 'actions'))[id]).toEqual(before);
});

test('an autosaved field (the title), undone and redone once focus has left it', async ({ page }) => {
  test.setTimeout(120_000);
  const b = await openExample(page);
  const id = await b.id();
  const before = (await fields(page, 'briefings'))[id]!;
  await b.title.focus();
  await page.keyboard.press('End');
  // One input event, so one autosave write (typing key by key may be saved in several, each its own step).
  await page.keyboard.insertText(' (draft)');
  await b.waitSaved();
  await b.statements.first().focus();
  await page.keyboard.press(`${MOD}+z`);
  await expect(b.title).toHaveValue(before.title as string);
  await expect.poll(async () => (await fields(page, 'briefings'))[id]).toEqual(before);
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(b.title).toHaveValue(`${before.title as string} (draft)`);
});

test('the toast’s Undo, pressed by keyboard, is the same step: Ctrl+Shift+Z redoes it', async ({ page }) => {
  test.setTimeout(120_000);
  const b = await openExample(page);
  const start = await fields(page, 'statements');
  const count = await b.statements.count();
  await b.statements.nth(1).focus();
  await page.keyboard.press('Delete');
  await expect(b.statements).toHaveCount(count - 1);
  const toastUndo = page.getByRole('status').getByRole('button', { name: /^Undo/ });
  await toastUndo.focus();
  // Focus on the toast keeps it (no time limit while it is being read).
  await page.keyboard.press('Enter');
  await expect(b.statements).toHaveCount(count);
  await expect.poll(() => fields(page, 'statements')).toEqual(start);
  await b.statements.first().focus();
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(b.statements).toHaveCount(count - 1);
  await page.keyboard.press(`${MOD}+z`);
  await expect(b.statements).toHaveCount(count);
  await expect.poll(() => fields(page, 'statements')).toEqual(start);
});

test('a held link (an event kept by a later briefing), undone and redone by keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  const CONFERENCE = 'High Level International Conference on Counter Narcotic Cooperation';
  const b = await openExample(page);
  const id = await b.id();
  await seed(page, [briefingRow({ title: 'Counter-narcotics conference: opening plenary', startsAt: '2015-05-27T09:00' })]);
  await page.goto(`./#/briefing/${id}?mode=edit`);
  await expect(b.title.or(b.reading)).toBeVisible({ timeout: 30_000 });
  if (await b.reading.isVisible()) await b.edit();
  const row = b.followupRows.filter({ hasText: CONFERENCE });
  await expect(row).toBeVisible({ timeout: 30_000 });
  const eventId = Object.entries(await fields(page, 'actions')).find(([, a]) => a.title === CONFERENCE)![0];
  const before = (await fields(page, 'actions'))[eventId]!;

  await row.getByRole('button', { name: /^Held at…/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('plenary');
  await expect(row.getByRole('option', { name: /opening plenary/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('held-see')).toContainText('opening plenary');
  const after = (await fields(page, 'actions'))[eventId]!;
  expect(after.heldInBriefingId).not.toBeNull();

  // Focus is on the row's "Not held there" button, not in a text field: Ctrl+Z is the app's.
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
  await page.keyboard.press(`${MOD}+z`);
  await expect(row.getByTestId('held-see')).toHaveCount(0);
  await expect.poll(async () => (await fields(page, 'actions'))[eventId]).toEqual(before);
  await row.getByRole('button', { name: /^Held at…/ }).focus();
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(row.getByTestId('held-see')).toContainText('opening plenary');
  await expect.poll(async () => (await fields(page, 'actions'))[eventId]).toEqual(after);
});
