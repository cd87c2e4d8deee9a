/**
 * The time beside meeting mode's clock, in the interface's language: "0:42 elapsed", "starts in 12 min".
 * When it shows (a known start, less than a day away) is core/document/meeting.ts's rule (elapsedText,
 * whose English words stay for the CLI and tests); only the words are chosen here.
 */
import { elapsedText, localMoment } from '../../core/document/meeting';
import { t } from '../app/locale.svelte';

export function meetingTimeText(startsAt: string, now: Date): string {
  const start = localMoment(startsAt);
  if (!start || !elapsedText(startsAt, now)) return '';
  const minutes = Math.floor((now.getTime() - start.getTime()) / 60_000);
  if (minutes < 0) return t('briefing.meeting.startsIn', { minutes: -minutes });
  return t('briefing.meeting.elapsed', { time: `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}` });
}
