/**
 * A briefing's start typed, never picked (issue 13 point 4), by keyboard: one text box, one Tab stop;
 * every form an officer types is read and echoed back as the one reading ("Tue 17 March 2015, 10:00")
 * and stored; an impossible one is refused with the reason, the stored start kept and the save line
 * saying "Not saved: …".
 */
import { expect, test } from '@playwright/test';
import { addDaysIso, todayIso } from '../../src-renderer/src/core/dates';
import { describeDateTimeInput } from '../../src-renderer/src/core/date-input';
import { BriefingPage } from './pages/BriefingPage';

test('every date-time form is read, echoed and stored; an impossible one is refused and the stored start kept', async ({ page }) => {
  test.setTimeout(120_000);
  const b = new BriefingPage(page);
  await b.gotoNew();
  await b.type('Date and time test');
  await b.waitSaved();
  const id = await b.id();
  await b.press('Tab');
  await expect(b.startsAt).toBeFocused();

  const today = todayIso();
  // The next Tuesday after today (a week on when today is one).
  const weekday = new Date(`${today}T12:00`).getDay();
  const nextTue = addDaysIso(today, ((2 - weekday + 6) % 7) + 1);
  const forms: [string, string][] = [
    ['17 Mar 2015 10:00', '2015-03-17T10:00'],
    ['17.03.2015 10:00', '2015-03-17T10:00'],
    ['17/03/2015 9:30', '2015-03-17T09:30'],
    ['2015-03-17 10:00', '2015-03-17T10:00'],
    ['today 15:00', `${today}T15:00`],
    ['tomorrow 15:00', `${addDaysIso(today, 1)}T15:00`],
    ['next Tue 10:00', `${nextTue}T10:00`],
    ['10:00', `${today}T10:00`],
    ['28 May 2015 3 pm', '2015-05-28T15:00'],
  ];
  for (const [text, value] of forms) {
    await b.typeDateTime(text);
    await expect(b.startsAtReading, text).toHaveText(describeDateTimeInput(value));
    await expect(b.startsAt, text).toHaveAttribute('data-value', value);
    await expect(b.startsAt).not.toHaveAttribute('aria-invalid', 'true');
  }
  await expect(b.startsAtReading).toHaveText('Thu 28 May 2015, 15:00');

  // One Tab stop: the next Tab is the location; the box shows the stored start spelled out.
  await b.press('Tab');
  await expect(b.location).toBeFocused();
  await expect(b.startsAt).toHaveValue('Thu 28 May 2015, 15:00');
  await b.waitSaved();

  // Impossible: refused with the reason; the text stays to correct; the stored start is kept.
  await b.press('Shift+Tab');
  await expect(b.startsAt).toBeFocused();
  await b.typeDateTime('30.02.2015 10:00');
  await expect(b.startsAtError).toContainText('February 2015 has 28 days');
  await expect(b.startsAtError).toContainText('Not saved: the briefing still starts 28 May 2015, 15:00');
  await expect(b.saveStatus).toHaveText(/^Not saved: February 2015 has 28 days/);
  await expect(b.startsAt).toHaveAttribute('aria-invalid', 'true');
  await b.typeDateTime('17 Mar 2015');
  await expect(b.startsAtError).toContainText('Add the time, e.g. Tue 17 March 2015 10:00');
  await b.press('Tab');
  await expect(b.startsAt).toHaveValue('17 Mar 2015');
  await b.goto(id);
  await expect(b.title).toHaveValue('Date and time test');
  await expect(b.startsAt).toHaveValue('Thu 28 May 2015, 15:00');
  await expect(b.startsAtError).toBeEmpty();
});
