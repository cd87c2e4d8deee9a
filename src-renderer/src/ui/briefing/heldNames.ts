/**
 * A briefing named in the interface's language where an announced event and the briefing that held it
 * link to each other (HeldLink, FollowsUpSection): its title, or "Untitled briefing", and its date
 * (core/held-events.ts' briefingName says the same in English, for messages that go to the CLI and logs).
 */
import { formatLongDate } from '../../core/dates';
import type { HeldBriefing } from '../../core/held-events';
import { locale, t } from '../app/locale.svelte';

export function briefingNameIn(b: Pick<HeldBriefing, 'title' | 'startsAt'>): string {
  return t('record.briefingName', { title: b.title.trim() || t('record.untitled'), date: formatLongDate(b.startsAt.slice(0, 10), locale.current) });
}
