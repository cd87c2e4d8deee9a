/**
 * Issue 13's measure of done: the example briefing (shared/fixtures, resources/example) captured from
 * scratch in meeting mode with no mouse, counting every key pressed beyond the characters of the names,
 * dates, places and statements typed. A chord (Ctrl+Enter, Alt+I) counts as one key. What is captured:
 * the briefing's title, date and place; its three speakers, each with their organisation ("Name (ACR)",
 * created with them) and title; and its 19 statements, each with its kind. Asserted: at most 3 keys per
 * statement on average. The count is printed (KEYSTROKES {...}).
 */
import { expect, test } from '@playwright/test';
import { BriefingPage } from './pages/BriefingPage';
import { exampleJson, storedRows } from './seed';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
/** The parts of the example file this test types. */
interface Example {
  organisations: { id: string; name: string; acronym: string }[];
  people: { id: string; name: string; title: string; organisationId: string | null }[];
  briefings: { title: string; location: string }[];
  statements: { speakerId: string | null; kind: string; text: string }[];
}

const KIND_KEY: Record<string, string> = { figure: 'Alt+i', proposal: 'Alt+p', request: 'Alt+r', announcement: 'Alt+a', decision: 'Alt+d' };

test('the example briefing is captured in meeting mode with at most 3 keys per statement beyond its text', async ({ page }) => {
  test.setTimeout(240_000);
  const ex = exampleJson() as unknown as Example;
  const briefing = ex.briefings[0]!;
  const orgById = new Map(ex.organisations.map((o) => [o.id, o]));
  const personById = new Map(ex.people.map((p) => [p.id, p]));
  const b = new BriefingPage(page);

  let keys = 0;
  const log: string[] = [];
  /** A key that is not text: counted. */
  const press = async (k: string) => {
    keys++;
    log.push(k);
    await page.keyboard.press(k.replace('mod+', `${MOD}+`));
  };
  /** Characters of names, dates, places and statements: not counted. */
  const type = (text: string) => page.keyboard.type(text);

  await page.goto('./#/today');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // The briefing: a new one opens in meeting mode, its details open, the cursor in the title.
  await press('mod+Shift+n');
  await expect(b.title).toBeFocused();
  await expect(page.locator('header.meeting-line')).toBeVisible();
  await type(briefing.title);
  await press('Tab');
  await expect(b.startsAt).toBeFocused();
  await press('mod+a'); // the field holds now; replace it
  await type('17 Mar 2015 10:00');
  await expect(b.startsAtReading).toHaveText('Tue 17 March 2015, 10:00');
  await press('Tab');
  await expect(b.location).toBeFocused();
  await type(briefing.location);
  await b.waitSaved();

  let speaker: string | null = null;
  for (const s of ex.statements) {
    if (s.speakerId !== speaker) {
      speaker = s.speakerId;
      const p = personById.get(s.speakerId!)!;
      const org = orgById.get(p.organisationId!)!;
      // A new speaker with their organisation, in one go; the cursor comes back to the statement.
      await press('mod+Shift+s');
      await expect(b.speaker).toBeFocused();
      await type(`${p.name} (${org.acronym})`);
      await expect(page.getByRole('listbox', { name: 'Speaker' }).getByRole('option', { name: /^Create speaker/ })).toHaveAttribute('aria-selected', 'true');
      await press('Enter');
      await expect(b.currentSpeaker).toHaveText(p.name);
      await expect(b.captureText).toBeFocused();
      // Their title, and back to the statement.
      await press('mod+Shift+e');
      await expect(b.speakerTitle).toBeFocused();
      await type(p.title);
      await press('Enter');
      await expect(b.captureText).toBeFocused();
    }
    if (s.kind !== 'statement') await press(KIND_KEY[s.kind]!);
    await type(s.text);
    const before = await b.statements.count();
    await press('mod+Enter');
    await expect(b.statements).toHaveCount(before + 1);
    // The capture box stays in view, ready for the next.
    await expect(b.captureText).toBeFocused();
    await expect(b.captureText).toHaveValue('');
  }

  const perStatement = keys / ex.statements.length;
  console.log(`KEYSTROKES ${JSON.stringify({ statements: ex.statements.length, speakers: ex.people.length, keys, perStatement: Math.round(perStatement * 100) / 100 })}`);
  console.log(`KEYS PRESSED ${log.join(' ')}`);

  // What was captured is the example: every statement, its speaker and its kind, in order.
  const stored = {
    statements: await storedRows<{ text: string; kind: string; speakerId: string | null; order: string; deleted: number }>(page, 'statements'),
    people: await storedRows<{ id: string; name: string; title: string; organisationId: string | null }>(page, 'people'),
    organisations: await storedRows<{ id: string; acronym: string }>(page, 'organisations'),
    briefings: await storedRows<{ title: string; startsAt: string; location: string }>(page, 'briefings'),
  };
  const name = new Map(stored.people.map((p) => [p.id, p.name]));
  const acronym = new Map(stored.organisations.map((o) => [o.id, o.acronym]));
  const got = stored.statements
    .filter((s) => !s.deleted)
    .sort((a, c) => (a.order < c.order ? -1 : 1))
    .map((s) => [name.get(s.speakerId ?? ''), s.kind, s.text]);
  expect(got).toEqual(ex.statements.map((s) => [personById.get(s.speakerId!)!.name, s.kind, s.text]));
  expect(stored.people.map((p) => [p.name, p.title, acronym.get(p.organisationId ?? '')]).sort()).toEqual(
    ex.people.map((p) => [p.name, p.title, orgById.get(p.organisationId!)!.acronym]).sort(),
  );
  expect(stored.briefings).toEqual([expect.objectContaining({ title: briefing.title, startsAt: '2015-03-17T10:00', location: briefing.location })]);

  expect(perStatement).toBeLessThanOrEqual(3);
});
