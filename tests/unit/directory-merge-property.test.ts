/**
 * Merges converge (property): three installations merge people and organisations, move organisations
 * under others and record statements that name people a colleague may already have merged away, all
 * concurrently, and exchange files in random orders with duplicates and drops. Once everyone has seen
 * everything, the workspaces are identical, and every reference (a statement's speaker, a person's
 * organisation, an organisation's parent, a redirect) resolves to a live record that is the one kept;
 * parents form no endless chain.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKept, organisationChain, resolve } from '../../src-renderer/src/core/directory';
import type { Organisation, Person } from '../../src-renderer/src/core/model';
import { mergeRecords } from '../../src-renderer/src/data/merge';
import { setParent } from '../../src-renderer/src/data/organisations';
import { appendStatement } from '../../src-renderer/src/data/statements';
import { applyImport, exportWorkspace, previewImport } from '../../src-renderer/src/data/sync';
import { ValidationError } from '../../src-renderer/src/data/workspace';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { fcOptions } from './fc-seed';
import { briefingFields } from './fixtures';
import { dump, installation, type Installation } from './sync-helpers';

const N = 4;
type Op =
  | { kind: 'mergePeople' | 'mergeOrgs'; who: number; from: number; into: number }
  | { kind: 'parent'; who: number; org: number; parent: number | null }
  | { kind: 'say'; who: number; speaker: number }
  | { kind: 'retitle'; who: number; person: number; title: string }
  | { kind: 'tick'; who: number; ms: number }
  | { kind: 'export'; from: number; to: number; changes: boolean }
  | { kind: 'deliver'; pick: number };

const who = fc.nat({ max: 2 });
const pick = fc.nat({ max: N - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constantFrom('mergePeople' as const, 'mergeOrgs' as const), who, from: pick, into: pick }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('parent' as const), who, org: pick, parent: fc.option(pick, { nil: null }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('say' as const), who, speaker: pick }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('retitle' as const), who, person: pick, title: fc.constantFrom('Director', 'Minister') }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('tick' as const), who, ms: fc.integer({ min: 0, max: 5000 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('export' as const), from: who, to: who, changes: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() }), weight: 4 },
);

async function run(ops: Op[]) {
  const replicas: Installation[] = [];
  for (let i = 0; i < 3; i++) replicas.push(await installation(`M${i}`, Date.UTC(2025, 4, 1) + i * 7));
  const importFile = async (p: Installation, bytes: Uint8Array) => applyImport(p.ws, await previewImport(p.ws, bytes), { confirmMassDelete: true });

  // A shared start: one briefing, N organisations and N people (person i in organisation i), known to all.
  const seed = replicas[0]!.ws;
  const briefing = await seed.create('briefings', briefingFields({ title: 'Meeting' }));
  const orgs: string[] = [];
  const people: string[] = [];
  for (let i = 0; i < N; i++) orgs.push((await seed.create('organisations', { ...V2_FIELDS.organisations(), name: `Org ${i}`, acronym: `O${i}`, country: '' })).id);
  for (let i = 0; i < N; i++) people.push((await seed.create('people', { ...V2_FIELDS.people(), name: `Person ${i}`, title: '', organisationId: orgs[i]!, country: '' })).id);
  const start = await exportWorkspace(seed);
  for (const p of replicas.slice(1)) await importFile(p, start.bytes);

  const mailbox: { to: number; bytes: Uint8Array }[] = [];
  let refused = 0;
  const refusable = async (f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (e) {
      // A refusal (into itself, back into one merged into it, a ring of parents) changes nothing.
      if (!(e instanceof ValidationError)) throw e;
      refused++;
    }
  };
  for (const o of ops) {
    switch (o.kind) {
      case 'mergePeople':
        await refusable(() => mergeRecords(replicas[o.who]!.ws, 'person', people[o.from]!, people[o.into]!));
        break;
      case 'mergeOrgs':
        await refusable(() => mergeRecords(replicas[o.who]!.ws, 'organisation', orgs[o.from]!, orgs[o.into]!));
        break;
      case 'parent':
        await refusable(() => setParent(replicas[o.who]!.ws, orgs[o.org]!, o.parent === null ? null : orgs[o.parent]!));
        break;
      case 'say':
        // Names the person as this installation knows them: possibly one a colleague has merged away.
        await appendStatement(replicas[o.who]!.ws, briefing.id, { speakerId: people[o.speaker]!, kind: 'statement', text: 'said', tags: [] });
        break;
      case 'retitle':
        await replicas[o.who]!.ws.update('people', people[o.person]!, { title: o.title });
        break;
      case 'tick':
        replicas[o.who]!.clock.t += o.ms;
        break;
      case 'export': {
        if (o.from === o.to) break;
        const from = replicas[o.from]!;
        const peerId = replicas[o.to]!.ws.installation.id;
        const known = !!(await from.ws.db.peers.get(peerId));
        const file = await exportWorkspace(from.ws, known ? { mode: o.changes ? 'changes' : 'full', peerId } : {});
        await file.markSent();
        mailbox.push({ to: o.to, bytes: file.bytes });
        break;
      }
      case 'deliver': {
        if (!mailbox.length) break;
        const m = mailbox[o.pick % mailbox.length]!;
        await importFile(replicas[m.to]!, m.bytes);
        break;
      }
    }
  }

  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < replicas.length; i++) {
      const file = await exportWorkspace(replicas[i]!.ws);
      for (let j = 0; j < replicas.length; j++) if (j !== i) await importFile(replicas[j]!, file.bytes);
    }
  }
  const states = await Promise.all(replicas.map((p) => dump(p.ws)));
  expect(states[1]).toEqual(states[0]);
  expect(states[2]).toEqual(states[0]);
  const final = states[0]!;

  const personById = new Map<string, Person>(final.people.map((p) => [p.id, p]));
  const orgById = new Map<string, Organisation>(final.organisations.map((o) => [o.id, o]));
  const person = (id: string) => personById.get(id);
  const org = (id: string) => orgById.get(id);
  const liveKept = <R extends { id: string; mergedInto: string | null; deleted: 0 | 1 }>(lookup: (id: string) => R | undefined, r: R | undefined) =>
    !!r && r.deleted === 0 && isKept(lookup, r);
  for (const s of final.statements) expect(liveKept(person, resolve(person, s.speakerId)), `speaker of ${s.id}`).toBe(true);
  for (const p of final.people) {
    expect(liveKept(person, resolve(person, p.id))).toBe(true);
    if (p.organisationId) expect(liveKept(org, resolve(org, p.organisationId))).toBe(true);
  }
  for (const o of final.organisations) {
    expect(liveKept(org, resolve(org, o.id))).toBe(true);
    const chain = organisationChain(org, o.id);
    expect(chain.length).toBeLessThanOrEqual(N);
    expect(new Set(chain.map((c) => c.id)).size).toBe(chain.length);
    for (const c of chain) expect(liveKept(org, c)).toBe(true);
  }
  return { merged: final.people.filter((p) => p.mergedInto).length + final.organisations.filter((o) => o.mergedInto).length, refused };
}

describe('merges converge (property)', () => {
  it('two installations merging the same two people each the other way round end with one kept, the smallest id', async () => {
    const ops: Op[] = [
      { kind: 'mergePeople', who: 0, from: 0, into: 1 },
      { kind: 'mergePeople', who: 1, from: 1, into: 0 },
      { kind: 'say', who: 2, speaker: 0 },
      { kind: 'say', who: 2, speaker: 1 },
    ];
    const r = await run(ops);
    expect(r.merged).toBe(2);
  });

  it('replicas that merge, move organisations and record statements concurrently converge, every reference resolving to a live record', async () => {
    let merged = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        const r = await run(ops);
        merged += r.merged;
        refused += r.refused;
      }),
      fcOptions({ numRuns: 40 }),
    );
    // The generator really makes merges, and refusals.
    expect(merged).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
