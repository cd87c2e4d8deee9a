/**
 * The writer and reader of sync files in detail: lines of at most 100 records, the canonical record (key
 * order, compact stamps), the progress each phase reports, cancelling at every step, and the writer's own
 * misuse errors. Exact outcomes, so that a slip in core/sync/format.ts shows (docs/testing.md).
 */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { emptyWorkspaceData, type WorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord, editRecord } from '../../src-renderer/src/core/records';
import { FORMAT_NAME, FORMAT_VERSION, MERGE_INSTALLATION, SyncFileWriter, decodeSyncFile, encodeSyncFile, readHeader, type FileProgress, type HeaderFields } from '../../src-renderer/src/core/sync/format';
import { SYNC_LIMITS, SyncError } from '../../src-renderer/src/core/sync/guards';
import { briefingFields } from './fixtures';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const clock = formatHlc(Date.UTC(2025, 0, 1), 0, 'a1');
const fields: HeaderFields = {
  app: { name: 'Attaché', version: '0.1.0' },
  installation: { id: '01900000-0000-7000-8000-00000000abcd', name: 'Laptop' },
  createdAt: '2025-01-01T00:00:00.000Z',
  scope: { kind: 'full' },
};
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const orgs = (n: number): WorkspaceData => {
  const data = emptyWorkspaceData();
  for (let i = 0; i < n; i++) data.organisations.push(createRecord('organisations', id(i + 1), { ...V2_FIELDS.organisations(), name: `Org ${i}`, acronym: '', country: '' }, clock));
  return data;
};
const lines = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split('\n').slice(1, -2);

describe('the writer', () => {
  it('puts at most 100 records in a line, and counts them per table', async () => {
    const bytes = await encodeSyncFile(orgs(250), fields);
    const body = lines(bytes).map((l) => JSON.parse(l) as { table: string; records: unknown[] });
    expect(body.map((l) => [l.table, l.records.length])).toEqual([
      ['organisations', 100],
      ['organisations', 100],
      ['organisations', 50],
    ]);
    // Exactly two full lines for 200 records, and no line at all for an empty table.
    const even = lines(await encodeSyncFile(orgs(200), fields)).map((l) => (JSON.parse(l) as { records: unknown[] }).records.length);
    expect(even).toEqual([100, 100]);
    expect(lines(await encodeSyncFile(emptyWorkspaceData(), fields))).toEqual([]);
    const { header } = readHeader(bytes);
    expect(header).toMatchObject({ format: FORMAT_NAME, version: FORMAT_VERSION, counts: { organisations: 250, briefings: 0 }, maxClock: clock });
    expect(FORMAT_NAME).toBe('attache-sync');
    expect(FORMAT_VERSION).toBe(2);
    expect(MERGE_INSTALLATION).toEqual({ id: '00000000-0000-7000-8000-0000000000a1', name: 'Merged by the Attaché command line' });
  });

  it('ends a line early once it passes about 64 K characters, a record longer than that alone in its line', async () => {
    // Organisation names of 30,000 characters: two fit in a line (60 K), the third starts the next one.
    const data = emptyWorkspaceData();
    for (let i = 0; i < 5; i++) data.organisations.push(createRecord('organisations', id(i + 1), { ...V2_FIELDS.organisations(), name: `${i}`.repeat(30_000), acronym: '', country: '' }, clock));
    const big = lines(await encodeSyncFile(data, fields));
    expect(big.map((l) => (JSON.parse(l) as { records: unknown[] }).records.length)).toEqual([2, 2, 1]);
    expect(big.every((l) => l.length < SYNC_LIMITS.lineChars + 31_000)).toBe(true);
    // One record longer than the limit is written whole, alone.
    const huge = emptyWorkspaceData();
    huge.organisations.push(createRecord('organisations', id(1), { ...V2_FIELDS.organisations(), name: 'x'.repeat(70_000), acronym: '', country: '' }, clock));
    huge.organisations.push(createRecord('organisations', id(2), { ...V2_FIELDS.organisations(), name: 'y', acronym: '', country: '' }, clock));
    const alone = lines(await encodeSyncFile(huge, fields)).map((l) => (JSON.parse(l) as { records: unknown[] }).records.length);
    expect(alone).toEqual([1, 1]);
  });

  it('writes each record canonically: id, hlc, deleted, the fields in order, then only the stamps that are not {c: hlc}', async () => {
    const base = createRecord('briefings', id(1), briefingFields(), clock);
    const later = formatHlc(Date.UTC(2025, 0, 2), 0, 'b2');
    const edited = editRecord('briefings', base, { title: 'New title' }, later)!;
    const data = emptyWorkspaceData();
    data.briefings.push(edited);
    const [line] = lines(await encodeSyncFile(data, fields));
    const rec = (JSON.parse(line!) as { records: Record<string, unknown>[] }).records[0]!;
    expect(Object.keys(rec)).toEqual(['id', 'hlc', 'deleted', ...Object.keys(briefingFields()), 'stamps']);
    expect(rec.hlc).toBe(later);
    // title: {c: later, p: clock} is listed in full; every other stamp is {c: clock} ≠ hlc, listed as {c}.
    const stamps = rec.stamps as Record<string, unknown>;
    expect(stamps.title).toEqual({ c: later, p: clock });
    expect(stamps.location).toEqual({ c: clock });
    // A record written once: every stamp is {c: hlc}, none listed.
    const once = emptyWorkspaceData();
    once.briefings.push(base);
    const [plain] = lines(await encodeSyncFile(once, fields));
    expect((JSON.parse(plain!) as { records: { stamps: unknown }[] }).records[0]!.stamps).toEqual({});
    expect((await decodeSyncFile(await encodeSyncFile(data, fields))).data.briefings).toEqual([edited]);
  });

  it('refuses to be used after it finished', async () => {
    const w = new SyncFileWriter();
    w.add('organisations', orgs(3).organisations);
    expect(w.total).toBe(3);
    await w.finish(fields);
    expect(() => w.add('organisations', [])).toThrow('SyncFileWriter: add after finish');
    await expect(w.finish(fields)).rejects.toThrow('SyncFileWriter: finish called twice');
    const empty = await new SyncFileWriter().finish(fields);
    expect(empty.header.maxClock).toBe('');
    expect(empty.header.counts.organisations).toBe(0);
  });

  it('reports encrypting, then writing; a plain file only writing', async () => {
    const seen: FileProgress[] = [];
    await encodeSyncFile(orgs(2), fields, { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([{ phase: 'writing', done: 0, total: 1 }]);
    seen.length = 0;
    await encodeSyncFile(orgs(2), fields, { passphrase: 'pw', iterations: 100_000, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { phase: 'encrypting', done: 0, total: 1 },
      { phase: 'writing', done: 0, total: 1 },
    ]);
  });

  it('stops when cancelled, plain or encrypted', async () => {
    const c = new AbortController();
    c.abort();
    for (const options of [{}, { passphrase: 'pw', iterations: 100_000 }]) {
      const err = await encodeSyncFile(orgs(2), fields, { ...options, signal: c.signal }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SyncError);
      expect((err as SyncError).code).toBe('aborted');
    }
    // Cancelled while encrypting: nothing is returned.
    const d = new AbortController();
    const err = await encodeSyncFile(orgs(2), fields, { passphrase: 'pw', iterations: 100_000, signal: d.signal, onProgress: (p) => p.phase === 'encrypting' && d.abort() }).catch((e: unknown) => e);
    expect((err as SyncError).code).toBe('aborted');
  });
});

describe('the reader', () => {
  it('reads every kind of scope in the header', async () => {
    const to = { id: '01900000-0000-7000-8000-00000000beef', name: 'Carol' };
    for (const scope of [
      { kind: 'full' as const, to },
      { kind: 'since' as const, since: clock, to },
      { kind: 'since' as const, since: '', to },
      { kind: 'selection' as const, selection: { tags: ['water'], briefingIds: [id(1), id(2)], ceiling: 'restricted' }, description: 'Briefings tagged water', to },
      { kind: 'merge' as const, sources: [{ installation: to, createdAt: '2025-01-01T00:00:00.000Z' }] },
    ]) {
      expect((await decodeSyncFile(await encodeSyncFile(orgs(1), { ...fields, scope }))).header.scope).toEqual(scope);
    }
  });

  it('reports verifying, (decrypting,) then validating line by line', async () => {
    const seen: FileProgress[] = [];
    await decodeSyncFile(await encodeSyncFile(orgs(150), fields), { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { phase: 'verifying', done: 0, total: 1 },
      { phase: 'validating', done: 0, total: 150 },
      { phase: 'validating', done: 100, total: 150 },
      { phase: 'validating', done: 150, total: 150 },
    ]);
    seen.length = 0;
    await decodeSyncFile(await encodeSyncFile(emptyWorkspaceData(), fields, { passphrase: 'pw', iterations: 100_000 }), { passphrase: 'pw', onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { phase: 'verifying', done: 0, total: 1 },
      { phase: 'decrypting', done: 0, total: 1 },
      { phase: 'validating', done: 0, total: 1 },
    ]);
  });

  it('stops when cancelled at any step: after the check, after decrypting, between lines', async () => {
    const plain = await encodeSyncFile(orgs(150), fields);
    const encrypted = await encodeSyncFile(orgs(150), fields, { passphrase: 'pw', iterations: 100_000 });
    const cancelAt = async (bytes: Uint8Array, when: (p: FileProgress) => boolean, passphrase?: string) => {
      const c = new AbortController();
      let after: FileProgress | undefined;
      const err = await decodeSyncFile(bytes, {
        passphrase,
        signal: c.signal,
        onProgress: (p) => {
          if (c.signal.aborted) after = p;
          else if (when(p)) c.abort();
        },
      }).catch((e: unknown) => e);
      expect((err as SyncError).code).toBe('aborted');
      return after;
    };
    expect(await cancelAt(plain, (p) => p.phase === 'verifying')).toBeUndefined();
    expect(await cancelAt(encrypted, (p) => p.phase === 'decrypting', 'pw')).toBeUndefined();
    // Cancelled after the first line: the second line is never validated.
    expect(await cancelAt(plain, (p) => p.phase === 'validating' && p.done === 100)).toBeUndefined();
  });
});
