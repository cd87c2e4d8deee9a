/**
 * The tracker's rows as the exports read them (.ics, CSV): each follow-up or event as a document item
 * (core/document/briefing.ts actionItemOf, the same wording as a briefing's lists) with the briefing it came
 * from. Pure: the app hands it the rows of the tracker's current filter, the CLI every open follow-up.
 */
import type { TrackerItem } from '../export/formats';
import type { HeldBriefing } from '../held-events';
import type { Action } from '../model';
import type { Lookup } from '../directory';
import type { Locale } from '../i18n';
import { actionItemOf, documentBriefingName } from './briefing';

export function trackerItems(actions: readonly Action[], briefings: Lookup<HeldBriefing>, locale: Locale = 'en'): TrackerItem[] {
  return actions.map((a) => {
    const b = a.briefingId ? briefings(a.briefingId) : undefined;
    const live = b && !b.deleted ? b : undefined;
    return {
      ...actionItemOf(a, briefings, locale),
      briefing: live ? { id: live.id, title: live.title, startsAt: live.startsAt, name: documentBriefingName(live, locale) } : null,
    };
  });
}
