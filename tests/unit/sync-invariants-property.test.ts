/**
 * Invariants under random files: files valid for the schema but with random list repeats (tags as search
 * folds them, organisers, classification levels), order keys the fractional index cannot place, and
 * references to records that are absent. For every import: it either refuses records with a reason, or
 * leaves a workspace where checkWorkspace finds nothing fatal. And three replicas importing the same files
 * in different orders end identical (the repairs commute with the merge).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { SETTINGS_ID, emptyWorkspaceData, type StoredRecord, type SyncedTable, type TableFields, type WorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { checkWorkspace, fatalFindings } from '../../src-renderer/src/core/sync/invariants';
import { applyImport, exportWorkspace, previewImport } from '../../src-renderer/src/data/sync';
import type { Workspace } from '../../src-renderer/src/data/workspace';
import { fcOptions } from './fc-seed';
import { briefingFields } from './fixtures';
import { dump, installation } from './sync-helpers';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const id = (n: number) => `0196b000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const ORGS = [id(1), id(2), id(3)]; // the last is never written: a dangling organiser
const BRIEFINGS = [id(10), id(11), id(12)]; // likewise
const STATEMENTS = [id(20), id(21), id(22), id(23)];
const ACTIONS = [id(30), id(31)];
const PEOPLE = [id(40), id(41)];

const TAGS = ['drugs', 'Drugs', ' drugs', 'drügs', 'borders', 'BORDERS', 'x'];
const ORDER_KEYS = ['a0', 'a1', 'a0V', 'a0V', 'Zz', 'b00', '!', 'a00', 'b0', 'a0 ', 'a', 'a0é', 'A00000000000000000000000000'];
const LEVELS = [
  { id: 'u', label: 'UNCLASSIFIED' },
  { id: 'u', label: 'OPEN' },
  { id: 'r', label: 'RESTRICTED' },
  { id: 'r2', label: 'Restricted ' },
  { id: 's', label: 'SECRET' },
];

const tags = fc.array(fc.constantFrom(...TAGS), { maxLength: 4 });
const pick = <X>(xs: readonly X[]) => fc.constantFrom(...xs);

/** One file's records, each arbitrary but valid for the schema; `present` says which of a pool are in the file. */
const fileContent = fc.record({
  minute: fc.integer({ min: 0, max: 50 }),
  settings: fc.option(fc.record({ levels: fc.shuffledSubarray(LEVELS, { minLength: 1 }), def: pick(['u', 'r', 's', 'gone']) }), { nil: undefined }),
  orgs: fc.subarray(ORGS.slice(0, 2)),
  people: fc.array(fc.record({ id: pick(PEOPLE), org: fc.option(pick(ORGS), { nil: null }) }), { maxLength: 2 }),
  briefings: fc.array(fc.record({ id: pick(BRIEFINGS.slice(0, 2)), tags, organisers: fc.array(pick(ORGS), { maxLength: 3 }), title: pick(['A', 'B']) }), { maxLength: 2 }),
  statements: fc.array(
    fc.record({ id: pick(STATEMENTS), briefing: pick(BRIEFINGS), speaker: fc.option(pick(PEOPLE), { nil: null }), order: pick(ORDER_KEYS), tags, deleted: fc.boolean() }),
    { maxLength: 4 },
  ),
  actions: fc.array(fc.record({ id: pick(ACTIONS), briefing: fc.option(pick(BRIEFINGS), { nil: null }), statement: fc.option(pick(STATEMENTS), { nil: null }), tags }), {
    maxLength: 2,
  }),
});
type FileContent = typeof fileContent extends fc.Arbitrary<infer X> ? X : never;

function build(content: FileContent, file: number): WorkspaceData {
  const node = `f11e${String(file).padStart(28, '0')}`;
  let counter = 0;
  const wall = Date.UTC(2025, 4, 1, 8, content.minute);
  const clock = () => formatHlc(wall, counter++, node);
  const data = emptyWorkspaceData();
  const seen = new Set<string>();
  const add = <T extends SyncedTable>(table: T, recordId: string, fields: TableFields[T], deleted: 0 | 1 = 0) => {
    if (seen.has(recordId)) return; // a file lists a record once
    seen.add(recordId);
    (data[table] as StoredRecord<T>[]).push({ ...createRecord(table, recordId, fields, clock()), deleted });
  };
  if (content.settings) add('settings', SETTINGS_ID, { ...V2_FIELDS.settings(), classificationLevels: content.settings.levels, defaultClassification: content.settings.def });
  for (const o of content.orgs) add('organisations', o, { ...V2_FIELDS.organisations(), name: `Org ${o.slice(-1)}`, acronym: '', country: '' });
  for (const p of content.people) add('people', p.id, { ...V2_FIELDS.people(), name: 'Speaker', title: '', organisationId: p.org, country: '' });
  for (const b of content.briefings) add('briefings', b.id, briefingFields({ title: b.title, tags: b.tags, organiserIds: b.organisers }));
  for (const s of content.statements)
    add('statements', s.id, { briefingId: s.briefing, speakerId: s.speaker, kind: 'statement', text: 'Said', tags: s.tags, order: s.order }, s.deleted ? 1 : 0);
  for (const a of content.actions)
    add('actions', a.id, { ...V2_FIELDS.actions(), kind: 'task', briefingId: a.briefing, statementId: a.statement, title: 'Do', owner: '', due: '', place: '', status: 'open', priority: 'normal', notes: '', tags: a.tags });
  return data;
}

async function encode(data: WorkspaceData, file: number): Promise<Uint8Array> {
  const installationId = `f11e0000-0000-7000-8000-${String(file).padStart(12, '0')}`;
  return encodeSyncFile(data, { app: { name: 'Other software', version: '1' }, installation: { id: installationId, name: `Desk ${file}` }, createdAt: '2025-05-01T08:00:00.000Z', scope: { kind: 'full' } });
}

const ORDERS = [
  [0, 1, 2],
  [2, 1, 0],
  [1, 2, 0],
];

describe('invariants under random files', () => {
  it('every import refuses with a reason or leaves nothing fatal; three replicas in different orders end identical', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(fileContent, fileContent, fileContent), async (contents) => {
        const files = await Promise.all(contents.map((c, k) => encode(build(c, k + 1), k + 1)));
        const replicas: Workspace[] = [];
        const ends: WorkspaceData[] = [];
        for (const [r, order] of ORDERS.entries()) {
          const { ws } = await installation(`inv-prop-${r}`);
          for (const k of order) {
            const preview = await previewImport(ws, files[k]!);
            for (const f of [...preview.invariants.repaired, ...preview.invariants.refused]) expect(f.message).toMatch(/^The .+\.$/);
            await applyImport(ws, preview, { confirmMassDelete: true });
            const fatal = fatalFindings(checkWorkspace(await dump(ws)));
            expect(fatal).toEqual([]);
          }
          ends.push(await dump(ws));
          replicas.push(ws);
        }
        // The records converge from the files alone.
        const records = (d: WorkspaceData) => ({ ...d, conflicts: [] });
        expect(records(ends[1]!)).toEqual(records(ends[0]!));
        expect(records(ends[2]!)).toEqual(records(ends[0]!));
        // The conflict log too once the replicas exchange (its entries are synced records: a loss seen in one
        // order only, e.g. an identical value from a second desk, is logged where it was seen and travels on).
        const outs = await Promise.all(replicas.map((ws) => exportWorkspace(ws)));
        for (const [r, ws] of replicas.entries()) {
          for (const [k, out] of outs.entries()) if (k !== r) await applyImport(ws, await previewImport(ws, out.bytes), { confirmMassDelete: true });
        }
        const final = await Promise.all(replicas.map((ws) => dump(ws)));
        expect(final[1]).toEqual(final[0]);
        expect(final[2]).toEqual(final[0]);
        for (const ws of replicas) ws.db.close();
      }),
      fcOptions({ numRuns: 30 }),
    );
  }, 120_000);
});
