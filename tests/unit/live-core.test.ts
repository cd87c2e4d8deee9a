/**
 * The pure parts of live sync: the document envelope (a body cannot move to another id; a wrong key does not
 * open it), content-addressed revisions, CouchDB's winner, the deterministic resolution of revision conflicts
 * (any order of leaves, same record and same log entries), the ceiling filter and the requests the desktop
 * app's main process accepts.
 */
import { describe, expect, it } from 'vitest';
import { newTeamDoc, openTeam, WRONG_TEAM_KEY } from '../../src-renderer/src/core/live/envelope';
import { closeBranchDoc, contentHash, couchWinner, openRecordDoc, recordDoc } from '../../src-renderer/src/core/live/document';
import { resolveLeaves } from '../../src-renderer/src/core/live/resolve';
import { withinDatabaseCeiling } from '../../src-renderer/src/core/live/ceiling';
import { liveRequestProblem } from '../../src-renderer/src/core/live/transport';
import { statusLine } from '../../src-renderer/src/core/live/status';
import { DEFAULT_SETTINGS } from '../../src-renderer/src/core/classification';
import { createRecord } from '../../src-renderer/src/core/records';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { StoredRecord } from '../../src-renderer/src/core/model';
import { briefingFields } from './fixtures';

const ID = '01900000-0000-7000-8000-000000000001';
const clock = (ms: number, node: string) => formatHlc(ms, 0, node.padEnd(32, '0'));

function briefing(title: string, at: number, node: string, over: Partial<ReturnType<typeof briefingFields>> = {}): StoredRecord<'briefings'> {
  return createRecord('briefings', ID, briefingFields({ title, ...over }), clock(at, node));
}

describe('live sync envelope and documents', async () => {
  const { doc, team } = await newTeamDoc('team secret', 'restricted', 100_000);

  it('proves the passphrase against the team document and carries the ceiling', async () => {
    expect((await openTeam(doc, 'team secret')).ceiling).toBe('restricted');
    await expect(openTeam(doc, 'wrong')).rejects.toThrow(WRONG_TEAM_KEY);
    await expect(openTeam({ ...doc, format: 'other' }, 'team secret')).rejects.toThrow(/not made by Attaché/);
  });

  it('round-trips a record, and refuses a body moved under another id', async () => {
    const rec = briefing('Border talks', 1_700_000_000_000, 'aa');
    const d = (await recordDoc(team, 'briefings', rec))!;
    expect(d._rev).toBe(`1-${contentHash('briefings', rec)}`);
    expect(JSON.stringify(d)).not.toContain('Border talks');
    expect((await openRecordDoc(team, d as unknown as Record<string, unknown>)).record).toEqual(rec);
    await expect(openRecordDoc(team, { ...d, _id: '01900000-0000-7000-8000-000000000002' })).rejects.toThrow(/does not open/);
    // The same content under its own parent is not written again.
    expect(await recordDoc(team, 'briefings', rec, d._rev)).toBeUndefined();
    const child = (await recordDoc(team, 'briefings', { ...rec, title: 'Changed' }, d._rev))!;
    expect(child._revisions).toEqual({ start: 2, ids: [child._rev.slice(2), d._rev.slice(2)] });
  });

  it('closes a losing branch with the same revision on every client', () => {
    expect(closeBranchDoc(ID, '3-abc')).toEqual(closeBranchDoc(ID, '3-abc'));
    expect(closeBranchDoc(ID, '3-abc')!._rev).toMatch(/^4-/);
  });

  it('picks CouchDB’s winner: highest generation, then greatest revision', () => {
    expect(couchWinner(['2-aa', '3-00', '3-ff', '1-zz'])).toBe('3-ff');
  });
});

describe('resolving revision conflicts', () => {
  const leaves = [
    { rev: '2-a', table: 'briefings' as const, record: briefing('By A', 1_700_000_001_000, 'aa'), hash: '' },
    { rev: '2-b', table: 'briefings' as const, record: briefing('By B', 1_700_000_002_000, 'bb', { location: 'Kabul' }), hash: '' },
    { rev: '3-c', table: 'briefings' as const, record: briefing('By C', 1_700_000_000_500, 'cc'), hash: '' },
  ];

  it('gives the same record and the same log entries whatever order the leaves come in', () => {
    const orders = [[0, 1, 2], [2, 1, 0], [1, 0, 2], [1, 2, 0]];
    const results = orders.map((o) => resolveLeaves(o.map((i) => leaves[i]!)));
    for (const r of results) {
      expect(r.merged).toEqual(results[0]!.merged);
      expect(r.entries.map((e) => e.id).sort()).toEqual(results[0]!.entries.map((e) => e.id).sort());
      expect(r.winnerRev).toBe('3-c');
      expect(r.loserRevs.sort()).toEqual(['2-a', '2-b']);
    }
    expect((results[0]!.merged as StoredRecord<'briefings'>).title).toBe('By B');
    expect(results[0]!.entries.filter((e) => e.field === 'title').map((e) => e.value).sort()).toEqual(['By A', 'By C']);
  });
});

describe('the database ceiling', () => {
  const lookup = { levels: DEFAULT_SETTINGS.classificationLevels, briefings: new Map([['b-secret', 'secret'], ['b-open', 'unclassified']]), statements: new Map([['s1', 'b-secret']]), actions: new Map([['a1', 'b-secret']]) };
  const rec = (fields: Record<string, unknown>) => ({ id: 'x', hlc: '', deleted: 0, stamps: {}, ...fields }) as never;

  it('judges statements, follow-ups and log entries by their briefing', () => {
    expect(withinDatabaseCeiling('briefings', rec({ classification: 'secret' }), 'restricted', lookup)).toBe(false);
    expect(withinDatabaseCeiling('briefings', rec({ classification: 'restricted' }), 'restricted', lookup)).toBe(true);
    expect(withinDatabaseCeiling('statements', rec({ briefingId: 'b-secret' }), 'restricted', lookup)).toBe(false);
    expect(withinDatabaseCeiling('actions', rec({ briefingId: null, statementId: 's1' }), 'restricted', lookup)).toBe(false);
    expect(withinDatabaseCeiling('conflicts', rec({ table: 'actions', recordId: 'a1' }), 'restricted', lookup)).toBe(false);
    expect(withinDatabaseCeiling('statements', rec({ briefingId: 'b-open' }), 'restricted', lookup)).toBe(true);
    expect(withinDatabaseCeiling('people', rec({}), 'restricted', lookup)).toBe(true);
    expect(withinDatabaseCeiling('briefings', rec({ classification: 'top-secret' }), null, lookup)).toBe(true);
  });
});

describe('requests and status', () => {
  it('accepts only the replicator’s requests', () => {
    expect(liveRequestProblem({ method: 'GET', path: '_changes?since=3&limit=10' })).toBeUndefined();
    expect(liveRequestProblem({ method: 'GET', path: '_users' })).toBeDefined();
    expect(liveRequestProblem({ method: 'PUT', path: '_bulk_docs' })).toBeDefined();
  });

  it('says each state in one sentence', () => {
    const base = { pending: 0, lastSyncedAt: '', reason: '', withheld: 0, unreadable: 0 };
    expect(statusLine({ ...base, state: 'syncing', pending: 3 })).toBe('Live sync: syncing 3 records…');
    expect(statusLine({ ...base, state: 'offline', reason: 'The server cannot be reached.' })).toBe('Live sync: offline — retrying (The server cannot be reached.).');
    expect(statusLine({ ...base, state: 'refused', reason: 'No.' })).toBe('Live sync refused: No.');
  });
});
