/**
 * A day in the pack dialog (date of issue, the criteria's From and To) as TypedDateField reads it on the
 * dialog's plain `YYYY-MM-DD` state: typed as officers write it — "17 Mar 2015", "17.03.2015",
 * "2015-03-17", "today" — and read by core/date-input.ts, never the browser's date box, whose mm/dd/yyyy
 * follows the browser's country rather than the mission's. Only a whole day (or nothing) is taken: a month
 * or a year is refused, saying which day stays. Spelled out in the interface's language once the box is left.
 */
import { describeDateInput, parseDateInput } from '../../core/date-input';
import { formatLongDate, formatWeekdayDate, todayIso } from '../../core/dates';
import { locale, t } from '../app/locale.svelte';

const spelled = (day: string) => (day ? formatLongDate(day, locale.current) : '');

/** TypedDateField's reading rules for a pack day whose value is now `kept` (what stays when the text is refused). */
export function packDay(kept: string) {
  return {
    placeholder: t('packs.date.placeholder'),
    parse(text: string): { ok: true; value: string } | { ok: false; error: string } {
      const r = parseDateInput(text, todayIso());
      if (r.ok && (r.precision === 'day' || r.value === '')) return { ok: true, value: r.value };
      return { ok: false, error: kept ? t('packs.date.unreadable', { kept: spelled(kept) }) : t('packs.date.unreadableEmpty') };
    },
    reading: (day: string) => (!day ? '' : locale.current === 'en' ? describeDateInput(day) : (formatWeekdayDate(day, locale.current, { weekday: 'long', year: true }) ?? day)),
    shown: spelled,
  };
}
