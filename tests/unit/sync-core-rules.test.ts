/**
 * The sync core's rules one by one, each with the exact outcome a deliberate slip would change (these are
 * the tests `npm run test:mutation` relies on, docs/testing.md): who replaced whom knowingly, what a merge
 * reports (a revived record is not a deletion), the conflict log entry, the far-future bound, the
 * in-memory merge of the command line, the guards, the digest and cipher parameters, labels and selections.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-renderer/src/core/classification';
import { MAX_DRIFT_MS, formatHlc } from '../../src-renderer/src/core/hlc';
import { SETTINGS_ID, emptyWorkspaceData, type Briefing, type StoredRecord, type SyncedTable } from '../../src-renderer/src/core/model';
import { createRecord, editRecord } from '../../src-renderer/src/core/records';
import { MAX_PBKDF2_ITERATIONS, PBKDF2_ITERATIONS, decryptBody, encryptBody, newEncryptionHeader } from '../../src-renderer/src/core/sync/crypto';
import { deterministicId, fromBase64, sha256, toBase64, toHex } from '../../src-renderer/src/core/sync/digest';
import { SYNC_LIMITS, SyncError, isFarFuture, isSyncError, throwIfAborted, timeSlicer, yieldToEventLoop } from '../../src-renderer/src/core/sync/guards';
import { TABLE_NOUN, recordLabel } from '../../src-renderer/src/core/sync/labels';
import { conflictEntry, conflictId, farFutureClock, fromMaps, knowinglyReplaced, mergeIntoMaps, mergeRecord, toMaps } from '../../src-renderer/src/core/sync/merge';
import { describeSelection, selectRecords } from '../../src-renderer/src/core/sync/select';
import { briefingFields } from './fixtures';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const ID = '01900000-0000-7000-8000-000000000001';
const A = 'aaaa';
const B = 'bbbb';
const C = 'cccc';
const at = (ms: number, node: string, counter = 0) => formatHlc(ms, counter, node);
const base = (): Briefing => createRecord('briefings', ID, briefingFields(), at(1000, A));

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('knowinglyReplaced', () => {
  it('the winner remembers the loser as the value it replaced', () => {
    expect(knowinglyReplaced({ c: at(3000, B), p: at(2000, A) }, { c: at(2000, A) })).toBe(true);
  });

  it('the winner is a later edit of the installation that wrote the loser', () => {
    expect(knowinglyReplaced({ c: at(3000, A) }, { c: at(2000, A) })).toBe(true);
    expect(knowinglyReplaced({ c: at(2000, A, 1) }, { c: at(2000, A) })).toBe(true);
    // Another installation's later edit that never saw the loser: concurrent.
    expect(knowinglyReplaced({ c: at(3000, B) }, { c: at(2000, A) })).toBe(false);
    // The same clock is not "later".
    expect(knowinglyReplaced({ c: at(2000, A) }, { c: at(2000, A) })).toBe(false);
  });

  it('the winner replaced a later value of the loser’s own installation', () => {
    expect(knowinglyReplaced({ c: at(3000, B), p: at(2500, A) }, { c: at(2000, A) })).toBe(true);
    // A later value, but of a third installation: says nothing about A's edit.
    expect(knowinglyReplaced({ c: at(3000, B), p: at(2500, C) }, { c: at(2000, A) })).toBe(false);
    // An earlier value of A's: B replaced what A had before, not A's concurrent edit.
    expect(knowinglyReplaced({ c: at(3000, B), p: at(1500, A) }, { c: at(2000, A) })).toBe(false);
  });
});

describe('mergeRecord outcomes', () => {
  it('reports a conflict with both values, both stamps and the side that won', () => {
    const local = editRecord('briefings', base(), { title: 'Local' }, at(2000, A))!;
    const incoming = editRecord('briefings', base(), { title: 'Incoming' }, at(3000, B))!;
    const m = mergeRecord('briefings', local, incoming);
    expect(m.conflicts).toEqual([
      {
        table: 'briefings',
        recordId: ID,
        field: 'title',
        winner: { value: 'Incoming', stamp: incoming.stamps.title },
        loser: { value: 'Local', stamp: local.stamps.title },
        winnerSide: 'incoming',
      },
    ]);
    expect(m.result).toMatchObject({ title: 'Incoming', hlc: at(3000, B) });
    expect(m.result!.stamps.title).toEqual(incoming.stamps.title);
    expect(m.result!.stamps.location).toEqual(local.stamps.location);
    expect({ added: m.added, deletedNow: m.deletedNow, restoredNow: m.restoredNow }).toEqual({ added: false, deletedNow: false, restoredNow: false });
    const back = mergeRecord('briefings', incoming, local);
    expect(back.result).toBeUndefined();
    expect(back.conflicts).toEqual([{ ...m.conflicts[0]!, winnerSide: 'local' }]);
  });

  it('never changes the local record it was given', () => {
    const local = editRecord('briefings', base(), { title: 'Local' }, at(2000, A))!;
    const copy = structuredClone(local);
    mergeRecord('briefings', local, editRecord('briefings', base(), { title: 'Incoming', location: 'Bishkek' }, at(3000, B))!);
    expect(local).toEqual(copy);
  });

  it('changes nothing for the same record, and keeps the newest field clock as the record clock', () => {
    const r = editRecord('briefings', base(), { title: 'T' }, at(2000, A))!;
    expect(mergeRecord('briefings', r, structuredClone(r))).toEqual({ result: undefined, added: false, deletedNow: false, restoredNow: false, conflicts: [], closed: [] });
    const older = editRecord('briefings', base(), { location: 'Osh' }, at(1500, B))!;
    const m = mergeRecord('briefings', r, older);
    expect(m.result!.hlc).toBe(at(2000, A));
    expect(m.result).toMatchObject({ title: 'T', location: 'Osh' });
  });

  it('counts a deletion only when a live record becomes a tombstone, and a revival only the other way', () => {
    const live = base();
    const deleted = editRecord('briefings', live, { deleted: 1 }, at(2000, A))!;
    expect(mergeRecord('briefings', live, deleted)).toMatchObject({ deletedNow: true, restoredNow: false, added: false });
    const revived = editRecord('briefings', deleted, { deleted: 0 }, at(3000, B))!;
    expect(mergeRecord('briefings', deleted, revived)).toMatchObject({ deletedNow: false, restoredNow: true });
    // An edit that reaches a record deleted on both sides: neither.
    const editedTombstone = editRecord('briefings', deleted, { summary: 'late note' }, at(4000, B))!;
    expect(mergeRecord('briefings', deleted, editedTombstone)).toMatchObject({ deletedNow: false, restoredNow: false });
    // A live record edited: neither.
    expect(mergeRecord('briefings', live, editRecord('briefings', live, { title: 'x' }, at(2000, A))!)).toMatchObject({ deletedNow: false, restoredNow: false });
    // A tombstone never seen before is added, not "deleted now".
    expect(mergeRecord('briefings', undefined, deleted)).toEqual({ result: deleted, added: true, deletedNow: false, restoredNow: false, conflicts: [], closed: [] });
  });

  it('logs a deletion that hid edits it never saw once, beside the other conflicts, never twice', () => {
    // A edits the title and the location; B, who never saw that, edits the title and deletes the record.
    const a = editRecord('briefings', editRecord('briefings', base(), { location: 'Osh' }, at(2000, A))!, { title: 'A title' }, at(2000, A, 1))!;
    const b = editRecord('briefings', editRecord('briefings', base(), { title: 'B title' }, at(2500, B))!, { deleted: 1 }, at(3000, B))!;
    const m = mergeRecord('briefings', a, b);
    expect(m.result).toMatchObject({ deleted: 1, title: 'B title', location: 'Osh' });
    expect(m.conflicts.map((c) => [c.field, c.loser.value])).toEqual([
      ['title', 'A title'],
      ['deleted', 0],
    ]);
    // A deleted and restored the record (its restore never reached B), then edited it; B deleted it: the
    // deletion's own conflict is the one entry about it.
    const restored = editRecord('briefings', editRecord('briefings', editRecord('briefings', base(), { deleted: 1 }, at(1500, A))!, { deleted: 0 }, at(1600, A))!, { location: 'Osh' }, at(1700, A))!;
    const gone = editRecord('briefings', base(), { deleted: 1 }, at(2000, B))!;
    const twice = mergeRecord('briefings', restored, gone);
    expect(twice.conflicts.map((c) => [c.field, c.loser.value, c.loser.stamp.c])).toEqual([['deleted', 0, at(1600, A)]]);
  });

  it('breaks a forged tie by the values’ JSON, whichever side holds the greater one', () => {
    const a = editRecord('briefings', base(), { title: 'Alpha' }, at(2000, A))!;
    const z = { ...a, title: 'Zulu' } as Briefing;
    expect(mergeRecord('briefings', z, a).result).toBeUndefined();
    expect(mergeRecord('briefings', a, z).result!.title).toBe('Zulu');
    expect(mergeRecord('briefings', z, a).conflicts.map((c) => [c.winnerSide, c.loser.value])).toEqual([['local', 'Alpha']]);
  });
});

describe('conflict log entries', () => {
  it('depend only on the loser: id, clock, every stamp', () => {
    const loser = { value: 'Lost', stamp: { c: at(2000, A), p: at(1000, C) } };
    const entry = conflictEntry({ table: 'briefings', recordId: ID, field: 'title', winner: { value: 'Won', stamp: { c: at(3000, B) } }, loser, winnerSide: 'incoming' });
    const s = { c: at(2000, A) };
    expect(entry).toEqual({
      table: 'briefings',
      recordId: ID,
      field: 'title',
      value: 'Lost',
      clock: at(2000, A),
      resolution: '',
      id: conflictId('briefings', ID, 'title', at(2000, A)),
      hlc: at(2000, A),
      stamps: { table: s, recordId: s, field: s, value: s, clock: s, resolution: s, deleted: s },
      deleted: 0,
    });
    // The id starts with the loser's wall time, like every UUIDv7.
    expect(entry.id.replace(/-/g, '').slice(0, 12)).toBe((2000).toString(16).padStart(12, '0'));
  });
});

describe('the far-future bound', () => {
  const now = Date.UTC(2025, 4, 1);
  it('holds back a record only when its newest clock is more than the allowed drift ahead', () => {
    expect(isFarFuture(formatHlc(now + MAX_DRIFT_MS, 0, A), now)).toBe(false);
    expect(isFarFuture(formatHlc(now + MAX_DRIFT_MS + 1, 0, A), now)).toBe(true);
    const rec = createRecord('briefings', ID, briefingFields(), formatHlc(now, 0, A));
    expect(farFutureClock(rec, now)).toBeUndefined();
    const ahead = editRecord('briefings', rec, { title: 'from the future' }, formatHlc(now + MAX_DRIFT_MS + 1, 0, B))!;
    expect(farFutureClock(ahead, now)).toBe(formatHlc(now + MAX_DRIFT_MS + 1, 0, B));
    expect(farFutureClock({ stamps: {} }, now)).toBeUndefined();
  });
});

describe('the in-memory merge (sync merge, pack)', () => {
  const now = Date.UTC(2025, 4, 1);
  const org = (id: string, name: string, clock: string) => createRecord('organisations', id, { ...V2_FIELDS.organisations(), name, acronym: '', country: '' }, clock);

  it('sorts every table by id, and round-trips through maps', () => {
    const data = emptyWorkspaceData();
    data.organisations.push(org('01900000-0000-7000-8000-000000000003', 'C', at(now, A)), org('01900000-0000-7000-8000-000000000001', 'A', at(now, A)), org('01900000-0000-7000-8000-000000000002', 'B', at(now, A)));
    const out = fromMaps(toMaps(data));
    expect(out.organisations.map((o) => o.name)).toEqual(['A', 'B', 'C']);
    expect(fromMaps(toMaps(out))).toEqual(out);
    expect(toMaps(data).organisations.get('01900000-0000-7000-8000-000000000002')!.name).toBe('B');
  });

  it('merges like an import: conflicts logged once, far-future records held back unless accepted', () => {
    const maps = toMaps(emptyWorkspaceData());
    const first = emptyWorkspaceData();
    const o = org(ID, 'UNODC', at(now - 5000, A));
    first.organisations.push(editRecord('organisations', o, { name: 'UNODC (A)' }, at(now - 4000, A))!);
    expect(mergeIntoMaps(maps, first, { now })).toEqual({ newConflictEntries: 0, heldBack: [] });
    const second = emptyWorkspaceData();
    second.organisations.push(editRecord('organisations', o, { name: 'UNODC (B)' }, at(now - 3000, B))!);
    expect(mergeIntoMaps(maps, second, { now })).toEqual({ newConflictEntries: 1, heldBack: [] });
    expect(maps.organisations.get(ID)!.name).toBe('UNODC (B)');
    expect([...maps.conflicts.values()].map((c) => c.value)).toEqual(['UNODC (A)']);
    // The same loss again adds nothing.
    expect(mergeIntoMaps(maps, first, { now }).newConflictEntries).toBe(0);
    expect(maps.conflicts.size).toBe(1);

    const future = emptyWorkspaceData();
    const clock = at(now + MAX_DRIFT_MS + 60_000, C);
    future.organisations.push(org('01900000-0000-7000-8000-000000000009', 'Later', clock));
    expect(mergeIntoMaps(maps, future, { now })).toEqual({ newConflictEntries: 0, heldBack: [{ table: 'organisations', id: '01900000-0000-7000-8000-000000000009', clock }] });
    expect(maps.organisations.has('01900000-0000-7000-8000-000000000009')).toBe(false);
    expect(mergeIntoMaps(maps, future, { now, applyFutureEdits: true }).heldBack).toEqual([]);
    expect(maps.organisations.get('01900000-0000-7000-8000-000000000009')!.name).toBe('Later');
  });
});

describe('guards', () => {
  it('the error type and the limits', () => {
    const e = new SyncError('invalid', 'Bad.');
    expect([e.name, e.code, e.message, e instanceof Error]).toEqual(['SyncError', 'invalid', 'Bad.', true]);
    expect(isSyncError(e)).toBe(true);
    expect(isSyncError(new Error('Bad.'))).toBe(false);
    expect(SYNC_LIMITS).toEqual({ headerBytes: 65_536, fileBytes: 1_073_741_824, freeValueChars: 200_000, recordsPerLine: 100, lineChars: 65_536 });
  });

  it('throwIfAborted: only an aborted signal stops', () => {
    expect(() => throwIfAborted(undefined)).not.toThrow();
    expect(() => throwIfAborted(new AbortController().signal)).not.toThrow();
    const c = new AbortController();
    c.abort();
    expect(() => throwIfAborted(c.signal)).toThrow(new SyncError('aborted', 'The operation was cancelled; nothing was changed.'));
    try {
      throwIfAborted(c.signal);
    } catch (err) {
      expect((err as SyncError).code).toBe('aborted');
    }
  });

  it('yields through scheduler.yield where there is one, else a timer', async () => {
    const g = globalThis as { scheduler?: { yield?: () => Promise<void> } };
    const had = g.scheduler;
    const y = vi.fn(() => Promise.resolve());
    g.scheduler = { yield: y };
    try {
      await yieldToEventLoop();
      expect(y).toHaveBeenCalledTimes(1);
      g.scheduler = {};
      const timer = vi.spyOn(globalThis, 'setTimeout');
      await yieldToEventLoop();
      expect(timer).toHaveBeenCalledWith(expect.any(Function), 0);
    } finally {
      g.scheduler = had;
    }
  });

  it('timeSlicer yields only once its slice has passed since the last yield', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
    vi.setSystemTime(0);
    const breathe = timeSlicer(12);
    vi.setSystemTime(11);
    await breathe();
    expect(vi.getTimerCount()).toBe(0);
    vi.setSystemTime(12);
    const p = breathe();
    expect(vi.getTimerCount()).toBe(1);
    await vi.runAllTimersAsync();
    await p;
    // The slice counts again from the yield.
    vi.setSystemTime(23);
    await breathe();
    expect(vi.getTimerCount()).toBe(0);
    vi.setSystemTime(24);
    const q = breathe();
    expect(vi.getTimerCount()).toBe(1);
    await vi.runAllTimersAsync();
    await q;
    // The default slice is 12 ms.
    vi.setSystemTime(100);
    const d = timeSlicer();
    vi.setSystemTime(111);
    await d();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('digest', () => {
  it('hex and base64 both ways', async () => {
    expect(toHex(new Uint8Array([0, 1, 15, 16, 255]))).toBe('00010f10ff');
    expect(toBase64(new Uint8Array([0, 1, 2, 253, 254, 255]))).toBe('AAEC/f7/');
    expect(fromBase64('AAEC/f7/')).toEqual(new Uint8Array([0, 1, 2, 253, 254, 255]));
    expect(fromBase64('')).toEqual(new Uint8Array(0));
    expect(fromBase64('not base64!')).toBeUndefined();
    expect(toHex(await sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('deterministic ids: the wall time clamped into 48 bits, then the hash, version 7 and the RFC variant', () => {
    expect(deterministicId('k', -5).slice(0, 13)).toBe('00000000-0000');
    expect(deterministicId('k', 2 ** 60).slice(0, 13)).toBe('ffffffff-ffff');
    expect(deterministicId('k', 0x0123456789ab).slice(0, 13)).toBe('01234567-89ab');
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const id = deterministicId(key, 1);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

describe('cipher parameters', () => {
  const aad = new TextEncoder().encode('header');
  const plain = new TextEncoder().encode('body');

  it('a fresh header: the work factor, 16 random bytes of salt, 12 of IV', () => {
    const h = newEncryptionHeader();
    expect(h).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS, cipher: 'AES-256-GCM' });
    expect(fromBase64(h.salt)).toHaveLength(16);
    expect(fromBase64(h.iv)).toHaveLength(12);
    expect(newEncryptionHeader(123_456).iterations).toBe(123_456);
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    expect(MAX_PBKDF2_ITERATIONS).toBe(10_000_000);
  });

  it('refuses malformed parameters and absurd work factors before deriving anything', async () => {
    const good = newEncryptionHeader(100_000);
    const malformed = 'The file’s encryption parameters are malformed.';
    for (const bad of [{ salt: '!!' }, { salt: toBase64(new Uint8Array(15)) }, { iv: toBase64(new Uint8Array(11)) }, { iv: toBase64(new Uint8Array(13)) }, { iv: '%' }]) {
      await expect(decryptBody(plain, 'pw', { ...good, ...bad }, aad)).rejects.toThrow(new SyncError('invalid', malformed));
      await expect(decryptBody(plain, 'pw', { ...good, ...bad }, aad)).rejects.toMatchObject({ code: 'invalid' });
    }
    for (const iterations of [99_999, 10_000_001, 100_000.5]) {
      await expect(encryptBody(plain, 'pw', { ...good, iterations }, aad)).rejects.toMatchObject({
        code: 'invalid',
        message: `The file asks for ${iterations} key-derivation iterations, outside the accepted range.`,
      });
    }
    // The highest accepted work factor (a few seconds of PBKDF2).
    expect((await encryptBody(plain, 'pw', { ...good, iterations: MAX_PBKDF2_ITERATIONS }, aad)).length).toBe(plain.length + 16);
    // The bounds themselves are accepted; a longer salt too.
    const cipher = await encryptBody(plain, 'pw', { ...good, salt: toBase64(new Uint8Array(24)) }, aad);
    expect(new TextDecoder().decode(await decryptBody(cipher, 'pw', { ...good, salt: toBase64(new Uint8Array(24)) }, aad))).toBe('body');
    await expect(decryptBody(cipher, 'pw', good, aad)).rejects.toThrow('The passphrase is wrong, or the file was changed.');
  });
});

describe('labels', () => {
  const rec = <T extends SyncedTable>(table: T, fields: Record<string, unknown>) => ({ ...fields, id: ID }) as unknown as StoredRecord<T>;
  it('names each record type, on one line, clipped to 80 characters', () => {
    expect(TABLE_NOUN).toEqual({
      briefings: 'briefing',
      organisations: 'organisation',
      people: 'person',
      statements: 'statement',
      actions: 'follow-up',
      settings: 'settings record',
      packs: 'pack definition',
      templates: 'briefing template',
      conflicts: 'conflict log entry',
    });
    expect(recordLabel('briefings', rec('briefings', { title: '  Two\n lines  ' }))).toBe('Two lines');
    expect(recordLabel('actions', rec('actions', { title: 'Follow up' }))).toBe('Follow up');
    expect(recordLabel('organisations', rec('organisations', { name: 'United Nations', acronym: 'UN' }))).toBe('United Nations (UN)');
    expect(recordLabel('people', rec('people', { name: 'Jane' }))).toBe('Jane');
    expect(recordLabel('packs', rec('packs', { name: 'Weekly' }))).toBe('Weekly');
    expect(recordLabel('statements', rec('statements', { text: 'x'.repeat(80) }))).toBe('x'.repeat(80));
    expect(recordLabel('statements', rec('statements', { text: 'x'.repeat(81) }))).toBe(`${'x'.repeat(79)}…`);
    expect(recordLabel('settings', rec('settings', {}))).toBe('Workspace settings');
    expect(recordLabel('conflicts', rec('conflicts', { table: 'briefings', field: 'title' }))).toBe('Conflict on briefings field title');
    // A damaged record's label is empty, not "42" or a crash.
    expect(recordLabel('briefings', rec('briefings', { title: 42 }))).toBe('');
  });
});

describe('selections', () => {
  const clock = at(1000, A);
  function workspace() {
    const data = emptyWorkspaceData();
    data.settings.push(createRecord('settings', SETTINGS_ID, DEFAULT_SETTINGS, clock));
    const orgA = createRecord('organisations', '01900000-0000-7000-8000-0000000000a1', { ...V2_FIELDS.organisations(), name: 'Org A', acronym: '', country: '' }, clock);
    const orgB = createRecord('organisations', '01900000-0000-7000-8000-0000000000a2', { ...V2_FIELDS.organisations(), name: 'Org B', acronym: '', country: '' }, clock);
    const orgC = createRecord('organisations', '01900000-0000-7000-8000-0000000000a3', { ...V2_FIELDS.organisations(), name: 'Org C', acronym: '', country: '' }, clock);
    const person = createRecord('people', '01900000-0000-7000-8000-0000000000b1', { ...V2_FIELDS.people(), name: 'Jane', title: '', organisationId: orgB.id, country: '' }, clock);
    const loner = createRecord('people', '01900000-0000-7000-8000-0000000000b2', { ...V2_FIELDS.people(), name: 'Unheard', title: '', organisationId: orgC.id, country: '' }, clock);
    const energy = createRecord('briefings', '01900000-0000-7000-8000-0000000000c1', briefingFields({ title: 'Energy', tags: ['Énergie', 'Central Asia'], organiserIds: [orgA.id] }), clock);
    const secret = createRecord('briefings', '01900000-0000-7000-8000-0000000000c2', briefingFields({ title: 'Secret', tags: ['energie'], classification: 'secret' }), clock);
    const other = createRecord('briefings', '01900000-0000-7000-8000-0000000000c3', briefingFields({ title: 'Other', tags: ['water'] }), clock);
    const said = createRecord('statements', '01900000-0000-7000-8000-0000000000d1', { briefingId: energy.id, speakerId: person.id, kind: 'statement', text: 'Said', tags: [], order: 'a0' }, clock);
    const anon = createRecord('statements', '01900000-0000-7000-8000-0000000000d2', { briefingId: other.id, speakerId: null, kind: 'statement', text: 'Anon', tags: [], order: 'a0' }, clock);
    const action = (id: string, over: Record<string, unknown>) =>
      createRecord('actions', id, { kind: 'task', briefingId: null, statementId: null, title: id.slice(-2), owner: '', due: '', place: '', status: 'open', priority: 'normal', notes: '', tags: [], ...over } as never, clock);
    data.organisations.push(orgA, orgB, orgC);
    data.people.push(person, loner);
    data.briefings.push(energy, secret, other);
    data.statements.push(said, anon);
    data.actions.push(
      action('01900000-0000-7000-8000-0000000000e1', { briefingId: energy.id }),
      action('01900000-0000-7000-8000-0000000000e2', { statementId: anon.id }),
      action('01900000-0000-7000-8000-0000000000e3', { tags: [' ENERGIE '] }),
      action('01900000-0000-7000-8000-0000000000e4', { tags: ['water'] }),
      action('01900000-0000-7000-8000-0000000000e5', { statementId: said.id }),
    );
    data.packs.push(createRecord('packs', '01900000-0000-7000-8000-0000000000f1', { name: 'Weekly', options: {} }, clock));
    const lost = (table: SyncedTable, recordId: string) =>
      conflictEntry({ table, recordId, field: 'title', winner: { value: 'w', stamp: { c: at(3000, B) } }, loser: { value: 'l', stamp: { c: at(2000, C) } }, winnerSide: 'local' });
    data.conflicts.push(lost('briefings', energy.id), lost('briefings', other.id), lost('actions', '01900000-0000-7000-8000-0000000000e3'));
    return data;
  }
  const titles = (d: ReturnType<typeof workspace>) => ({
    briefings: d.briefings.map((b) => b.title),
    statements: d.statements.map((s) => s.text),
    actions: d.actions.map((a) => a.title),
    people: d.people.map((p) => p.name),
    organisations: d.organisations.map((o) => o.name),
    conflicts: d.conflicts.map((c) => c.recordId.slice(-2)),
    settings: d.settings.length,
    packs: d.packs.length,
  });

  it('by tag (folded), with what the briefings reference and the follow-ups without a briefing that carry it', () => {
    expect(titles(selectRecords(workspace(), { tags: ['energie'] }))).toEqual({
      briefings: ['Energy', 'Secret'],
      statements: ['Said'],
      actions: ['e1', 'e3', 'e5'],
      people: ['Jane'],
      organisations: ['Org A', 'Org B'],
      conflicts: ['c1', 'e3'],
      settings: 1,
      packs: 0,
    });
  });

  it('hands back its own lists, never the workspace’s', () => {
    const data = workspace();
    const out = selectRecords(data, {});
    expect(out.settings).toEqual(data.settings);
    expect(out.settings).not.toBe(data.settings);
  });

  it('under a ceiling, by chosen briefing, or everything', () => {
    expect(titles(selectRecords(workspace(), { tags: ['energie'], ceiling: 'restricted' })).briefings).toEqual(['Energy']);
    const chosen = titles(selectRecords(workspace(), { briefingIds: ['01900000-0000-7000-8000-0000000000c3'] }));
    expect(chosen).toMatchObject({ briefings: ['Other'], statements: ['Anon'], actions: ['e2'], people: [], organisations: [], conflicts: ['c3'] });
    const all = titles(selectRecords(workspace(), {}));
    expect(all).toMatchObject({ briefings: ['Energy', 'Secret', 'Other'], actions: ['e1', 'e2', 'e3', 'e4', 'e5'], people: ['Jane'], packs: 0 });
    expect(titles(selectRecords(workspace(), { ceiling: 'confidential' })).briefings).toEqual(['Energy', 'Other']);
  });

  it('describes itself in words', () => {
    const data = workspace();
    expect(describeSelection({ tags: ['energie', 'water'] }, data)).toBe('Briefings tagged energie or water');
    expect(describeSelection({ briefingIds: ['x'] }, data)).toBe('1 chosen briefing');
    expect(describeSelection({ briefingIds: ['x', 'y'], tags: ['a'], ceiling: 'restricted' }, data)).toBe('Briefings tagged a, 2 chosen briefings, classified up to RESTRICTED');
    expect(describeSelection({ ceiling: 'restricted' })).toBe('All briefings, classified up to RESTRICTED');
    expect(describeSelection({})).toBe('All briefings');
  });
});
