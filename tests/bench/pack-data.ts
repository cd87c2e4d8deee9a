/**
 * Synthetic workspaces for the pack benchmark: deterministic, sized like real briefings (a summary with
 * bullets, ~15 short statements of every kind, follow-ups and an event each).
 */
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { emptyWorkspaceData, STATEMENT_KINDS, type TableFields, type WorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const CLOCK = formatHlc(Date.UTC(2015, 0, 1), 0, 'bench');

/** Deterministic pseudo-random numbers, so every run lays out the same text. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const WORDS =
  'delegation ministry cooperation regional security border trafficking programme reform justice capacity donors assessment strategy implementation monitoring seizures agency representatives conference partners framework protocol mission council agreement development investment energy water infrastructure dialogue stability humanitarian assistance coordination statistics research prevention training equipment oversight'.split(
    ' ',
  );

export function synthesise(n: number): WorkspaceData {
  const random = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const sentence = (words: number) => {
    const ws = Array.from({ length: words }, () => pick(WORDS));
    if (random() < 0.3) ws.splice(3, 0, `${Math.floor(random() * 900 + 10)} %`);
    const s = ws.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(12 + Math.floor(random() * 10))).join(' ');
  const id = (kind: number, i: number) => `0190a000-0000-7000-8000-${kind.toString(16).padStart(4, '0')}${i.toString(16).padStart(8, '0')}`;
  const data = emptyWorkspaceData();
  const add = <T extends keyof TableFields>(table: T, rid: string, fields: TableFields[T]) => (data[table] as unknown[]).push(createRecord(table, rid, fields, CLOCK));

  for (let o = 0; o < 12; o++) add('organisations', id(1, o), { ...V2_FIELDS.organisations(), name: `Ministry of ${pick(WORDS)} and ${pick(WORDS)} ${o}`, acronym: `M${o}`, country: 'Tajikistan' });
  for (let p = 0; p < 40; p++)
    add('people', id(2, p), { ...V2_FIELDS.people(), name: `Speaker ${p} ${pick(WORDS)}ov`, title: `Deputy Director for ${pick(WORDS)}`, organisationId: id(1, p % 12), country: 'Tajikistan' });

  for (let b = 0; b < n; b++) {
    const day = new Date(Date.UTC(2015, 0, 1) + b * 86400000).toISOString().slice(0, 10);
    add('briefings', id(3, b), { ...V2_FIELDS.briefings(),
      title: `Briefing on ${pick(WORDS)} ${pick(WORDS)} and ${pick(WORDS)} (${b + 1})`,
      startsAt: `${day}T10:00`,
      location: 'Ministry of Foreign Affairs, Dushanbe',
      format: 'briefing',
      organiserIds: [id(1, b % 12), id(1, (b + 5) % 12)],
      audience: 'Heads of diplomatic missions',
      classification: b % 7 === 0 ? 'restricted' : 'unclassified',
      caveat: '',
      tags: [pick(WORDS), pick(WORDS)],
      summary: `${paragraph(2)}\n\n**Key points:**\n\n- ${sentence(10)}\n- ${sentence(12)}`,
    });
    for (let s = 0; s < 15; s++)
      add('statements', id(4, b * 100 + s), {
        briefingId: id(3, b),
        speakerId: id(2, (b * 3 + Math.floor(s / 5)) % 40),
        kind: STATEMENT_KINDS[s % 5]!,
        text: sentence(6 + Math.floor(random() * 8)),
        tags: [],
        order: `a${s.toString(36).padStart(2, '0')}`,
      });
    for (let a = 0; a < 3; a++)
      add('actions', id(5, b * 10 + a), { ...V2_FIELDS.actions(),
        kind: a === 2 ? 'event' : 'task',
        briefingId: id(3, b),
        statementId: id(4, b * 100 + a * 3),
        title: sentence(8),
        owner: 'Political Officer',
        due: new Date(Date.UTC(2015, 0, 1) + (b + a * 9) * 86400000).toISOString().slice(0, 10),
        place: a === 2 ? 'Dushanbe' : '',
        status: a % 3 === 0 ? 'done' : 'open',
        priority: 'normal',
        notes: a % 2 ? sentence(10) : '',
        tags: [],
      });
  }
  return data;
}

