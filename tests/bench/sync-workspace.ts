/**
 * A synthetic, deterministic workspace for the sync benchmark: the same seed gives the same records, ids
 * and clocks on every run, so figures compare across runs. Records are made with core/records.ts
 * createRecord, exactly as the app stores them, and every field passes the app's validation.
 */
import { formatHlc, nodeIdFromInstallationId } from '../../src-renderer/src/core/hlc';
import { emptyWorkspaceData, type StoredRecord, type SyncedTable, type WorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { generateNKeysBetween } from 'fractional-indexing';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

export const BENCH_INSTALLATION = { id: '01900000-0000-7000-8000-00000000be0c', name: 'Bench source' };

/** mulberry32: tiny, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid UUIDv7 whose order follows `n` (like real ids, which sort by creation time). */
function benchId(kind: number, n: number): string {
  const hex = (v: number, w: number) => v.toString(16).padStart(w, '0');
  const ms = 0x0190_0000_0000 + kind * 0x1_0000_0000 + n;
  const h = hex(ms, 12);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${hex(kind, 3)}-8${hex(n >>> 16, 3)}-${hex(n & 0xffff, 4)}${hex(kind * 7919 + n, 8).slice(-8)}`;
}

const WORDS = (
  'delegation ministry cooperation programme regional security border management counter narcotics ' +
  'seizure laboratory precursor strategy reform justice juvenile prison training equipment database ' +
  'conference memorandum understanding ministerial donor coordination assessment purity heroin route ' +
  'northern afghanistan tajikistan capacity building mission embassy statement proposal request announcement'
).split(' ');

export interface BenchMix {
  organisations: number;
  people: number;
  briefings: number;
  statements: number;
  actions: number;
}

/** 100,000 records in proportions like a busy mission's few years of work. */
export function mixFor(total: number): BenchMix {
  const organisations = Math.round(total * 0.01);
  const people = Math.round(total * 0.05);
  const briefings = Math.round(total * 0.04);
  const actions = Math.round(total * 0.25);
  return { organisations, people, briefings, actions, statements: total - organisations - people - briefings - actions };
}

export function syntheticWorkspace(total = 100_000, seed = 20150317): WorkspaceData {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = (min: number, max: number) => {
    const s = words(min + Math.floor(rnd() * (max - min)));
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const node = nodeIdFromInstallationId(BENCH_INSTALLATION.id);
  // Clocks in the past (a benchmark file must not trip the far-future guard), strictly increasing.
  let wall = Date.UTC(2024, 0, 1);
  const clock = () => formatHlc((wall += 7), 0, node);
  const mix = mixFor(total);
  const data = emptyWorkspaceData();
  const push = <T extends SyncedTable>(table: T, record: StoredRecord<T>) => (data[table] as StoredRecord<T>[]).push(record);

  const orgIds = Array.from({ length: mix.organisations }, (_, i) => benchId(1, i));
  orgIds.forEach((id, i) => push('organisations', createRecord('organisations', id, { ...V2_FIELDS.organisations(), name: `Organisation ${i} of ${pick(WORDS)}`, acronym: `ORG${i}`, country: pick(['Tajikistan', 'Afghanistan', 'Kyrgyzstan', 'Uzbekistan', '']) }, clock())));
  const personIds = Array.from({ length: mix.people }, (_, i) => benchId(2, i));
  personIds.forEach((id, i) =>
    push('people', createRecord('people', id, { ...V2_FIELDS.people(), name: `Person ${i} ${pick(WORDS)}`, title: pick(['Director', 'Minister', 'Head of Office', 'Counsellor', '']), organisationId: rnd() < 0.9 ? pick(orgIds) : null, country: '' }, clock())),
  );
  const briefingIds = Array.from({ length: mix.briefings }, (_, i) => benchId(3, i));
  briefingIds.forEach((id, i) => {
    const day = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
    push(
      'briefings',
      createRecord(
        'briefings',
        id,
        { ...V2_FIELDS.briefings(),
          title: `${sentence(4, 9).slice(0, -1)} (${i})`,
          startsAt: `${day}T${String(8 + (i % 10)).padStart(2, '0')}:00`,
          location: pick(['Dushanbe', 'Ashgabat', 'Bishkek', 'Tashkent', 'Vienna']),
          format: pick(['briefing', 'meeting', 'conference', 'call'] as const),
          organiserIds: [pick(orgIds)],
          audience: 'Heads of diplomatic missions',
          classification: pick(['unclassified', 'unclassified', 'restricted', 'confidential']),
          caveat: '',
          tags: [pick(WORDS), pick(WORDS)].filter((t, k, a) => a.indexOf(t) === k),
          summary: `${sentence(20, 60)}\n\n- ${sentence(8, 20)}\n- ${sentence(8, 20)}`,
        },
        clock(),
      ),
    );
  });
  const statementIds: string[] = [];
  // Positions within a briefing as the app makes them (fractional-indexing): a made-up key such as `a10` is not a
  // valid position, and the import would repair every such statement (and the benchmark would measure that).
  const positions = generateNKeysBetween(null, null, Math.ceil(mix.statements / Math.max(1, briefingIds.length)) + 1);
  for (let i = 0; i < mix.statements; i++) {
    const id = benchId(4, i);
    statementIds.push(id);
    push(
      'statements',
      createRecord(
        'statements',
        id,
        {
          briefingId: briefingIds[i % briefingIds.length]!,
          speakerId: rnd() < 0.95 ? pick(personIds) : null,
          kind: pick(['statement', 'statement', 'figure', 'proposal', 'request', 'announcement'] as const),
          text: `${sentence(15, 60)} ${sentence(5, 30)}`,
          tags: rnd() < 0.3 ? [pick(WORDS)] : [],
          order: positions[(i / briefingIds.length) | 0]!,
        },
        clock(),
      ),
    );
  }
  for (let i = 0; i < mix.actions; i++) {
    const due = new Date(Date.UTC(2015, 0, 1) + (i % 4000) * 86_400_000).toISOString().slice(0, 10);
    push(
      'actions',
      createRecord(
        'actions',
        benchId(5, i),
        { ...V2_FIELDS.actions(),
          kind: rnd() < 0.8 ? 'task' : 'event',
          briefingId: pick(briefingIds),
          statementId: rnd() < 0.7 ? pick(statementIds) : null,
          title: sentence(4, 12),
          owner: pick(['Political section', 'Ambassador', 'Head of Chancery', '']),
          due: rnd() < 0.8 ? due : '',
          place: '',
          status: pick(['open', 'in-progress', 'done', 'dropped'] as const),
          priority: pick(['low', 'normal', 'high'] as const),
          notes: rnd() < 0.4 ? sentence(10, 40) : '',
          tags: rnd() < 0.3 ? [pick(WORDS)] : [],
        },
        clock(),
      ),
    );
  }
  return data;
}

export function countRecords(data: WorkspaceData): number {
  return Object.values(data).reduce((n, rows) => n + rows.length, 0);
}
