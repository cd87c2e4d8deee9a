/**
 * Workspace data for the pack tests: the shipped Dushanbe example plus two briefings that exercise
 * what the example does not — a CONFIDENTIAL // EYES ONLY briefing with Cyrillic, Greek, Arabic and
 * Chinese text and an overdue follow-up, and a SECRET one that a ceiling must leave out.
 */
import { exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { TableFields, WorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

export const CLOCK = formatHlc(Date.UTC(2015, 3, 10), 0, 'test');

export const IDS = {
  water: '014c2507-a400-7000-8000-0000000000a1',
  secret: '014c2507-a400-7000-8000-0000000000a2',
  cyrillicPerson: '014c2507-a400-7000-8000-0000000000b1',
  greekPerson: '014c2507-a400-7000-8000-0000000000b2',
  ministry: '014c2507-a400-7000-8000-0000000000c1',
  overdue: '014c2507-a400-7000-8000-0000000000d1',
} as const;

export const CYRILLIC_NAME = 'Фарход Назарзода';
export const CYRILLIC_TITLE = 'Первый заместитель министра';
export const GREEK_NAME = 'Νίκος Παπαδόπουλος';
export const GREEK_TITLE = 'Πρέσβης της Ελλάδας';
export const WATER_TITLE = 'Consultations on regional water security';
export const SECRET_TITLE = 'Restricted session on border operations';
export const OVERDUE_TITLE = 'Send the water-sharing note to capital';

export function packFixture(): WorkspaceData {
  const data = exampleWorkspaceData({ clock: CLOCK });
  const add = <T extends keyof TableFields>(table: T, id: string, fields: TableFields[T]) =>
    (data[table] as unknown[]).push(createRecord(table, id, fields, CLOCK));

  add('organisations', IDS.ministry, { ...V2_FIELDS.organisations(), name: 'Министерство энергетики и водных ресурсов', acronym: 'МЭВР', country: 'Tajikistan' });
  add('people', IDS.cyrillicPerson, { ...V2_FIELDS.people(), name: CYRILLIC_NAME, title: CYRILLIC_TITLE, organisationId: IDS.ministry, country: 'Tajikistan' });
  add('people', IDS.greekPerson, { ...V2_FIELDS.people(), name: GREEK_NAME, title: GREEK_TITLE, organisationId: null, country: 'Greece' });
  add('briefings', IDS.water, { ...V2_FIELDS.briefings(),
    title: WATER_TITLE,
    startsAt: '2015-04-02T15:30',
    location: 'Ministry of Energy and Water Resources, Dushanbe',
    format: 'meeting',
    organiserIds: [IDS.ministry],
    audience: 'EU heads of mission',
    classification: 'confidential',
    caveat: 'EYES ONLY',
    tags: ['water', 'Central Asia'],
    summary: 'The ministry set out its **water-sharing** position.\n\n- Rogun dam timetable\n- Data exchange with neighbours',
  });
  const statements: [string, string, TableFields['statements']['kind'], string][] = [
    ['014c2507-a400-7000-8000-0000000000e1', IDS.cyrillicPerson, 'statement', 'Министерство подтвердило график строительства; Назарзода подчеркнул важность диалога.'],
    ['014c2507-a400-7000-8000-0000000000e2', IDS.cyrillicPerson, 'figure', 'Выработка электроэнергии выросла на 12 % в 2014 году.'],
    ['014c2507-a400-7000-8000-0000000000e3', IDS.greekPerson, 'request', 'Ζήτησε στοιχεία για τη διαχείριση των υδάτων (Greek text).'],
    ['014c2507-a400-7000-8000-0000000000e4', IDS.greekPerson, 'statement', 'Arabic: الأمن المائي في آسيا الوسطى — Chinese: 中亚水资源安全 — must not break the pack.'],
  ];
  statements.forEach(([id, speakerId, kind, text], i) =>
    add('statements', id, { briefingId: IDS.water, speakerId, kind, text, tags: [], order: `a${i}` }),
  );
  add('actions', IDS.overdue, { ...V2_FIELDS.actions(),
    kind: 'task',
    briefingId: IDS.water,
    statementId: '014c2507-a400-7000-8000-0000000000e3',
    title: OVERDUE_TITLE,
    owner: 'Political Officer',
    due: '2015-04-06',
    place: '',
    status: 'open',
    priority: 'high',
    notes: '',
    tags: [],
  });
  add('briefings', IDS.secret, { ...V2_FIELDS.briefings(),
    title: SECRET_TITLE,
    startsAt: '2015-04-05T09:00',
    location: 'Embassy',
    format: 'meeting',
    organiserIds: [],
    audience: 'Defence attachés',
    classification: 'secret',
    caveat: '',
    tags: ['security'],
    summary: 'Not for this pack.',
  });
  return data;
}

// The PDF readers live with the pack specs' so Vitest and Playwright share one copy.
export { pagesText, run } from '../web/pack-pdf';
