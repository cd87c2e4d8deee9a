/** Record fields the unit tests start from: one definition of a plausible briefing, overridden per test. */
import type { BriefingFields } from '../../src-renderer/src/core/model';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

export const briefingFields = (over: Partial<BriefingFields> = {}): BriefingFields => ({
  title: 'Briefing on counter-narcotics',
  startsAt: '2015-03-17T10:00',
  location: 'Dushanbe',
  format: 'briefing',
  organiserIds: [],
  audience: 'Heads of mission',
  classification: 'unclassified',
  caveat: '',
  tags: ['drugs'],
  summary: '',
  ...V2_FIELDS.briefings(),
  ...over,
});
