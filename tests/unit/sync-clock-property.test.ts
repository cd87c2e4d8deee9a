/**
 * Issue 11's clock classes as properties (fast-check, fixed seed from fc-seed.ts, printed on failure):
 *
 * - **Clocks across the drift bound**: colleagues whose clocks run right, a little fast or days fast edit the same
 *   records and send files. Three installations import the same files in different orders: each import refuses
 *   exactly the records dated beyond the bound (with that reason) or leaves a consistent workspace — its clock
 *   within the drift of its wall clock, no stamp beyond it stored, `checkWorkspace` finds nothing fatal — and the
 *   three end identical. Taking the future values as their own edits, then exchanging, they end identical too,
 *   still bounded, and a new edit wins everywhere.
 * - **Own node ids**: a copy of an installation's profile edits under its node id; whatever reaches the original
 *   (directly or relayed by a colleague), none of the original's own later edits is replaced, and the copy's
 *   records are refused with that reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hlcWall } from '../../src-renderer/src/core/hlc';
import { SYNCED_TABLES, type StoredRecord, type SyncedTable, type WorkspaceData } from '../../src-renderer/src/core/model';
import { checkWorkspace } from '../../src-renderer/src/core/sync/invariants';
import { decodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { applyImport, exportWorkspace, previewImport } from '../../src-renderer/src/data/sync';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { fcOptions } from './fc-seed';
import { briefingFields } from './fixtures';
import { dump, installation, type Installation } from './sync-helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 4, 1, 9);
const FIELDS = ['title', 'location', 'summary'] as const;
const VALUES = ['alpha', 'beta', 'gamma'];
/** How fast a colleague's clock runs: right, within the bound, just beyond it, days beyond it. */
const SKEWS = [0, 2 * HOUR, DAY + HOUR, 3 * DAY, 10 * DAY];

type Op =
  | { kind: 'create'; who: number; value: string }
  | { kind: 'edit'; who: number; pick: number; field: number; value: string }
  | { kind: 'delete'; who: number; pick: number }
  | { kind: 'tick'; who: number; ms: number }
  | { kind: 'send'; who: number };

const who = fc.nat({ max: 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), who, value: fc.constantFrom(...VALUES) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), who, pick: fc.nat(), field: fc.nat(), value: fc.constantFrom(...VALUES) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), who, pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('tick' as const), who, ms: fc.integer({ min: 0, max: 2 * HOUR }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('send' as const), who }), weight: 3 },
);

async function importFile(p: Installation, bytes: Uint8Array, takeAsOwn = false) {
  const preview = await previewImport(p.ws, bytes);
  const result = await applyImport(p.ws, preview, { confirmMassDelete: true, takeFutureEditsAsOwn: takeAsOwn });
  return { preview, result };
}

function stampsOf(data: WorkspaceData) {
  return SYNCED_TABLES.flatMap((t) => (data[t] as StoredRecord<SyncedTable>[]).flatMap((r) => Object.values(r.stamps).map((s) => s.c)));
}

/** What an import must leave whatever the file: a bounded clock, no stored stamp beyond the bound, nothing fatal. */
async function expectConsistent(p: Installation) {
  const bound = p.clock.t + DAY;
  expect(p.ws.snapshotClock().wall).toBeLessThanOrEqual(bound);
  const data = await dump(p.ws);
  for (const c of stampsOf(data)) expect(hlcWall(c)).toBeLessThanOrEqual(bound);
  expect(checkWorkspace(data).filter((f) => f.severity === 'fatal')).toEqual([]);
}

/** Records of a file dated beyond the bound for an importer whose wall clock reads `now`. */
async function farRecords(bytes: Uint8Array, now: number): Promise<number> {
  const file = await decodeSyncFile(bytes);
  return SYNCED_TABLES.reduce((n, t) => n + (file.data[t] as StoredRecord<SyncedTable>[]).filter((r) => hlcWall(r.hlc) > now + DAY).length, 0);
}

/** Two colleagues with skewed clocks edit shared records; the files they send, in order. */
async function colleagueFiles(ops: Op[], skews: number[]): Promise<Uint8Array[]> {
  const senders = [await installation('S0', NOW + skews[0]!), await installation('S1', NOW + skews[1]!)];
  const ids: string[] = [(await senders[0]!.ws.create('briefings', briefingFields({ title: 'seed', location: 'seed' }))).id];
  const files: Uint8Array[] = [];
  const send = async (i: number) => {
    const bytes = (await exportWorkspace(senders[i]!.ws)).bytes;
    files.push(bytes);
    // The colleague hears from the other too (its clock is its own business): shared records get concurrent edits.
    await importFile(senders[1 - i]!, bytes, true);
  };
  await send(0);
  for (const o of ops) {
    const p = senders[o.who]!;
    if (o.kind === 'create') ids.push((await p.ws.create('briefings', briefingFields({ title: o.value }))).id);
    else if (o.kind === 'tick') p.clock.t += o.ms;
    else if (o.kind === 'send') await send(o.who);
    else {
      const id = ids[o.pick % ids.length]!;
      const rec = await p.ws.db.briefings.get(id);
      if (!rec || rec.deleted) continue;
      if (o.kind === 'delete') await p.ws.remove('briefings', id);
      else await p.ws.update('briefings', id, { [FIELDS[o.field % FIELDS.length]!]: o.value });
    }
  }
  await send(0);
  await send(1);
  return files;
}

const order = (n: number) => fc.array(fc.nat(), { minLength: n, maxLength: n });
const permuted = <X>(items: X[], keys: number[]) => items.map((x, i) => ({ x, k: keys[i] ?? 0, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((e) => e.x);

describe('clock bounds (property)', () => {
  it('three installations importing the same files in any order refuse exactly the far records, stay consistent and end identical', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 3, maxLength: 14 }),
        fc.tuple(fc.constantFrom(...SKEWS), fc.constantFrom(...SKEWS)),
        fc.tuple(order(24), order(24), order(24)),
        fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
        async (ops, skews, orders, takeAsOwn) => {
          const files = await colleagueFiles(ops, skews);
          const replicas = [await installation('R0', NOW), await installation('R1', NOW), await installation('R2', NOW)];
          for (const [r, p] of replicas.entries()) {
            for (const bytes of permuted(files, orders[r]!)) {
              const { preview, result } = await importFile(p, bytes);
              const far = await farRecords(bytes, p.clock.t);
              expect(result.heldBack).toBe(far);
              expect(preview.refused.future?.count ?? 0).toBe(far);
              expect(preview.heldBack.every((h) => h.reason === 'future')).toBe(true);
              await expectConsistent(p);
            }
          }
          const states = await Promise.all(replicas.map((p) => dump(p.ws)));
          expect(states[1]).toEqual(states[0]);
          expect(states[2]).toEqual(states[0]);

          // Now each takes (or not) the future values as its own edits, and they exchange until all have seen all.
          for (const [r, p] of replicas.entries()) {
            p.clock.t += 1000;
            for (const bytes of files) {
              await importFile(p, bytes, takeAsOwn[r]);
              await expectConsistent(p);
            }
          }
          for (let round = 0; round < 2; round++) {
            for (const [i, p] of replicas.entries()) {
              const bytes = (await exportWorkspace(p.ws)).bytes;
              for (const [j, q] of replicas.entries()) if (j !== i) await importFile(q, bytes);
            }
          }
          const after = await Promise.all(replicas.map((p) => dump(p.ws)));
          expect(after[1]).toEqual(after[0]);
          expect(after[2]).toEqual(after[0]);
          for (const p of replicas) await expectConsistent(p);

          // A new edit wins over the value it replaces, here and at the others.
          const live = after[0]!.briefings.find((b) => b.deleted === 0);
          if (live) {
            const p = replicas[0]!;
            p.clock.t += 1000;
            await p.ws.update('briefings', live.id, { title: 'The newest edit' });
            const bytes = (await exportWorkspace(p.ws)).bytes;
            for (const q of replicas.slice(1)) {
              await importFile(q, bytes);
              expect((await q.ws.db.briefings.get(live.id))!.title).toBe('The newest edit');
            }
          }
        },
      ),
      fcOptions({ numRuns: 20 }),
    );
  }, 240_000);
});

/** A copy of `a`'s whole profile (installation, clock, records) in another database: a cloned disk. */
async function copyOf(a: Installation): Promise<Installation> {
  const clock = { t: a.clock.t };
  const db = new AttacheDb(`copy-${Math.random()}`);
  await db.open();
  for (const table of a.ws.db.tables) await db.table(table.name).bulkPut(await table.toArray());
  return { ws: await Workspace.open(db, { now: () => clock.t }), clock };
}

type CopyOp = { kind: 'edit'; who: 'original' | 'copy'; pick: number; field: number; value: string } | { kind: 'tick'; who: 'original' | 'copy'; ms: number };
const side = fc.constantFrom<'original' | 'copy'>('original', 'copy');
const copyOp: fc.Arbitrary<CopyOp> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), who: side, pick: fc.nat(), field: fc.nat(), value: fc.constantFrom(...VALUES, 'delta', 'epsilon') }),
  fc.record({ kind: fc.constant('tick' as const), who: side, ms: fc.integer({ min: -HOUR, max: HOUR }) }),
);

describe('own node ids (property)', () => {
  it('a copy of this profile never replaces one of its later edits, directly or relayed, and is refused with that reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(copyOp, { minLength: 1, maxLength: 16 }), fc.boolean(), async (ops, relayed) => {
        const original = await installation('Original', NOW);
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) ids.push((await original.ws.create('briefings', briefingFields({ title: `b${i}` }))).id);
        const copy = await copyOf(original);
        const mine = new Map<string, unknown>();
        let copyEdited = false;
        for (const o of ops) {
          const p = o.who === 'original' ? original : copy;
          if (o.kind === 'tick') {
            p.clock.t += o.ms;
            continue;
          }
          const id = ids[o.pick % ids.length]!;
          const field = FIELDS[o.field % FIELDS.length]!;
          const before = await p.ws.db.briefings.get(id);
          const after = await p.ws.update('briefings', id, { [field]: o.value });
          if (after === before || after.hlc === before?.hlc) continue;
          if (o.who === 'original') mine.set(`${id}|${field}`, o.value);
          else copyEdited = true;
        }
        let bytes = (await exportWorkspace(copy.ws)).bytes;
        if (relayed) {
          // A colleague takes the copy's file (for them it is just the original's installation) and passes it on.
          const colleague = await installation('Colleague', NOW);
          await importFile(colleague, bytes);
          bytes = (await exportWorkspace(colleague.ws)).bytes;
        }
        const before = await dump(original.ws);
        const { preview } = await importFile(original, bytes);
        expect(preview.heldBack.every((h) => h.reason === 'own-node')).toBe(true);
        // Whatever was taken carries no stamp of this node that it did not already hold (only the copy can make one).
        if (copyEdited) expect(await dump(original.ws)).toEqual(before);
        for (const [key, value] of mine) {
          const [id, field] = key.split('|') as [string, string];
          expect((await original.ws.db.briefings.get(id)) as unknown as Record<string, unknown>).toHaveProperty(field, value);
        }
        await expectConsistent(original);
      }),
      fcOptions({ numRuns: 40 }),
    );
  }, 240_000);
});
