/**
 * Every refusal of a sync file, each reached on purpose and checked by its message (the preview and the
 * command line show these sentences as they are): core/sync/format.ts reads the layout, core/sync/validate.ts
 * each record. A file is forged with a correct digest wherever the check under test comes after the digest.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { SYNCED_TABLES, type StoredRecord, type SyncedTable } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { decodeSyncFile, encodeSyncFile, readHeader, verifySyncFile, type HeaderFields } from '../../src-renderer/src/core/sync/format';
import { SYNC_LIMITS, SyncError, fileSizeProblem } from '../../src-renderer/src/core/sync/guards';
import { conflictId } from '../../src-renderer/src/core/sync/merge';
import { validateRecord } from '../../src-renderer/src/core/sync/validate';
import { briefingFields } from './fixtures';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const NODE = 'a1b2c3';
const clock = formatHlc(Date.UTC(2025, 0, 1), 0, NODE);
const later = formatHlc(Date.UTC(2025, 0, 2), 0, NODE);
const ID = '01900000-0000-7000-8000-000000000001';
const fields: HeaderFields = {
  app: { name: 'Attaché', version: '0.1.0' },
  installation: { id: '01900000-0000-7000-8000-00000000abcd', name: 'Laptop' },
  createdAt: '2025-01-01T00:00:00.000Z',
  scope: { kind: 'full' },
};
const enc = new TextEncoder();
const briefing = () => JSON.parse(JSON.stringify(createRecord('briefings', ID, briefingFields(), clock))) as Record<string, unknown>;
const zeroCounts = () => Object.fromEntries(SYNCED_TABLES.map((t) => [t, 0])) as Record<string, number>;

/** Header line, then `body` exactly as given (no newline added), then a correct trailer. */
function fileWith(body: string, header: Record<string, unknown> = {}): Uint8Array {
  const h = { format: 'attache-sync', version: 1, ...fields, counts: zeroCounts(), maxClock: '', ...header };
  const content = `${JSON.stringify(h)}\n${body}`;
  return withTrailer(enc.encode(content));
}
function withTrailer(content: Uint8Array): Uint8Array {
  const digest = createHash('sha256').update(content).digest('hex');
  const trailer = enc.encode(`{"sha256":"${digest}"}\n`);
  const out = new Uint8Array(content.length + trailer.length);
  out.set(content);
  out.set(trailer, content.length);
  return out;
}
const line = (table: string, records: unknown[]) => `{"table":"${table}","records":${JSON.stringify(records)}}\n`;

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<SyncError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(SyncError);
    return e as SyncError;
  }
  throw new Error('expected a refusal');
}
const decodeRefusal = (bytes: Uint8Array, passphrase?: string) => refusal(decodeSyncFile(bytes, passphrase ? { passphrase } : {}));

describe('the file as a whole (format.ts)', () => {
  it('oversized: refused from its length, at exactly one byte over the limit', async () => {
    expect(fileSizeProblem(SYNC_LIMITS.fileBytes)).toBeUndefined();
    const over = fileSizeProblem(SYNC_LIMITS.fileBytes + 1)!;
    expect(over.code).toBe('too-large');
    expect(over.message).toBe('The file is 1024 MiB, more than the 1024 MiB an import accepts.');
    expect(fileSizeProblem(3 * 2 ** 30)!.message).toBe('The file is 3072 MiB, more than the 1024 MiB an import accepts.');
    // readHeader applies it (to a sync file's bytes: a stand-in whose length says 2 GiB, without allocating them).
    const bytes = await encodeSyncFile(emptyData(), fields);
    Object.defineProperty(bytes, 'length', { value: 2 * 2 ** 30 });
    const e = await refusal(() => readHeader(bytes));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('The file is 2048 MiB, more than the 1024 MiB an import accepts.');
  });

  it('not a sync file, or cut inside the 25 bytes every sync file starts with', async () => {
    for (const s of ['', 'hello', '{"format":"other",', '{"format":"attache-sync"}']) {
      const e = await decodeRefusal(enc.encode(s));
      expect([e.code, e.message], s).toEqual(['not-sync-file', 'This is not an Attaché sync file.']);
    }
    for (const s of ['{', '{"format":"attache-sync"', '{"format":"attache-sync",']) {
      const e = await decodeRefusal(enc.encode(s));
      expect([e.code, e.message], s).toEqual(['truncated', 'The file is truncated: it ends inside its header.']);
    }
  });

  it('a header line without its end: truncated when short, not ours when far too long', async () => {
    const start = '{"format":"attache-sync",';
    const short = await decodeRefusal(enc.encode(`${start}"version":1`));
    expect([short.code, short.message]).toEqual(['truncated', 'The file is truncated: it ends inside its header.']);
    const atLimit = await decodeRefusal(enc.encode(start + 'x'.repeat(SYNC_LIMITS.headerBytes - start.length)));
    expect(atLimit.code).toBe('truncated');
    const long = await decodeRefusal(enc.encode(start + 'x'.repeat(SYNC_LIMITS.headerBytes - start.length + 1)));
    expect([long.code, long.message]).toEqual(['not-sync-file', 'This is not an Attaché sync file: its header is far too long.']);
    // A header of exactly the limit, then its newline, is read.
    const h = JSON.stringify({ format: 'attache-sync', version: 1, ...fields, counts: zeroCounts(), maxClock: '' });
    const padded = `${h.slice(0, -1)},"pad":"${'x'.repeat(SYNC_LIMITS.headerBytes - enc.encode(h).length - 9)}"}`;
    expect(enc.encode(padded).length).toBe(SYNC_LIMITS.headerBytes);
    const e = await refusal(() => readHeader(enc.encode(`${padded}\nrest`)));
    expect(e.message).toMatch(/^The file’s header is invalid at "top": Unrecognized key/);
  });

  it('unreadable header: not JSON, or not UTF-8', async () => {
    for (const bytes of [enc.encode('{"format":"attache-sync",oops}\n'), new Uint8Array([...enc.encode('{"format":"attache-sync","x":"'), 0xff, ...enc.encode('"}\n')])]) {
      const e = await decodeRefusal(bytes);
      expect([e.code, e.message]).toEqual(['not-sync-file', 'This is not an Attaché sync file: its header is not readable.']);
    }
  });

  it('missing or impossible version', async () => {
    for (const version of [undefined, '1', 1.5, 0, -1, null]) {
      const e = await decodeRefusal(fileWith('', { version }));
      expect([e.code, e.message], String(version)).toEqual(['invalid', 'The file’s header has no valid format version.']);
    }
    const newer = await decodeRefusal(fileWith('', { version: 3 }));
    expect([newer.code, newer.message]).toEqual([
      'newer-version',
      'This file uses sync format version 3, but this version of Attaché reads format version 2; update Attaché to import it.',
    ]);
  });

  it('a header that breaks its schema names where', async () => {
    const e = await decodeRefusal(fileWith('', { installation: { id: 'nope', name: 'Laptop' } }));
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/^The file’s header is invalid at "installation\.id": .+\.$/);
    const top = await decodeRefusal(fileWith('', { extra: 1 }));
    expect(top.message).toMatch(/^The file’s header is invalid at "top": /);
  });

  it('a missing or wrong integrity trailer', async () => {
    const good = await encodeSyncFile(emptyData(), fields);
    const cut = await decodeRefusal(good.subarray(0, good.length - 1));
    expect([cut.code, cut.message]).toEqual(['truncated', 'The file is truncated: its integrity check at the end is missing.']);
    const noBody = enc.encode(`${new TextDecoder().decode(good).split('\n')[0]!}\n`);
    expect((await decodeRefusal(noBody)).message).toBe('The file is truncated: its integrity check at the end is missing.');
    const changed = good.slice();
    changed[good.length - 5] = changed[good.length - 5] === 0x30 ? 0x31 : 0x30;
    const e = await decodeRefusal(changed);
    expect([e.code, e.message]).toEqual(['tampered', 'The file was changed or damaged after it was written: its integrity check does not match.']);
    await expect(verifySyncFile(changed)).rejects.toThrow(e.message);
    expect((await verifySyncFile(good)).header.installation).toEqual(fields.installation);
  });

  it('an encrypted file without its passphrase', async () => {
    const bytes = await encodeSyncFile(emptyData(), fields, { passphrase: 'pw', iterations: 100_000 });
    const e = await decodeRefusal(bytes);
    expect([e.code, e.message]).toEqual(['passphrase-required', 'This file is encrypted: enter its passphrase to open it.']);
  });

  it('an incomplete last line, a line that is not JSON or not UTF-8', async () => {
    const rec = briefing();
    const incomplete = await decodeRefusal(fileWith(line('briefings', [rec]).slice(0, -1), { counts: { ...zeroCounts(), briefings: 1 }, maxClock: clock }));
    expect([incomplete.code, incomplete.message]).toEqual(['invalid', 'The file’s content does not end with a complete line.']);
    const notJson = await decodeRefusal(fileWith('{"table":"briefings",\n'));
    expect([notJson.code, notJson.message]).toEqual(['invalid', 'The file’s content is not readable (a line is not valid JSON).']);
    const h = enc.encode(`${JSON.stringify({ format: 'attache-sync', version: 1, ...fields, counts: zeroCounts(), maxClock: '' })}\n`);
    const badUtf8 = withTrailer(new Uint8Array([...h, ...enc.encode('{"table":"briefings","records":["'), 0xc3, 0x28, ...enc.encode('"]}\n')]));
    expect((await decodeRefusal(badUtf8)).message).toBe('The file’s content is not readable (a line is not valid JSON).');
  });

  it('a line that is not a group of records, or a group of an unknown kind', async () => {
    for (const body of ['[1,2]\n', 'null\n', '42\n', '"text"\n']) {
      const e = await decodeRefusal(fileWith(body));
      expect([e.code, e.message], body).toEqual(['invalid', 'The file’s content has a line that is not a group of records.']);
    }
    for (const body of ['{"table":"secrets","records":[]}\n', '{"table":"briefings","records":{}}\n', '{"table":"briefings"}\n', '{"table":"briefings","records":[],"x":1}\n', '{"records":[],"x":"briefings"}\n']) {
      const e = await decodeRefusal(fileWith(body));
      expect([e.code, e.message], body).toEqual(['invalid', 'The file’s content has a group of records of an unknown kind.']);
    }
  });

  it('counts and the header clock that do not match the records', async () => {
    const rec = briefing();
    const counts = { ...zeroCounts(), briefings: 1 };
    const ok = await decodeSyncFile(fileWith(line('briefings', [rec]), { counts, maxClock: clock }));
    expect(ok.maxClock).toBe(clock);
    expect(ok.total).toBe(1);
    const more = await decodeRefusal(fileWith(line('briefings', [rec]), { counts: { ...counts, briefings: 2 }, maxClock: clock }));
    expect([more.code, more.message]).toEqual(['invalid', 'The file’s header announces 2 records of briefings but it holds 1.']);
    const fewer = await decodeRefusal(fileWith(line('briefings', [rec]), { counts: zeroCounts(), maxClock: clock }));
    expect(fewer.message).toBe('The file’s header announces 0 records of briefings but it holds 1.');
    for (const maxClock of [later, '', formatHlc(Date.UTC(2024, 0, 1), 0, NODE)]) {
      const e = await decodeRefusal(fileWith(line('briefings', [rec]), { counts, maxClock }));
      expect([e.code, e.message], maxClock).toEqual(['invalid', 'The file’s header clock does not match its records.']);
    }
    // The newest of several records, whatever their order in the file.
    const newer = JSON.parse(JSON.stringify(createRecord('briefings', '01900000-0000-7000-8000-000000000002', briefingFields(), later))) as unknown;
    const two = await decodeSyncFile(fileWith(line('briefings', [newer, rec]), { counts: { ...counts, briefings: 2 }, maxClock: later }));
    expect(two.maxClock).toBe(later);
  });

  it('an id twice in one table', async () => {
    const rec = briefing();
    const e = await decodeRefusal(fileWith(line('briefings', [rec]) + line('briefings', [rec]), { counts: { ...zeroCounts(), briefings: 2 }, maxClock: clock }));
    expect([e.code, e.message]).toEqual(['invalid', `The file lists the briefing ${ID} twice.`]);
    // The same id in two tables is two records.
    const org = JSON.parse(JSON.stringify(createRecord('organisations', ID, { ...V2_FIELDS.organisations(), name: 'UNODC', acronym: '', country: '' }, clock))) as unknown;
    const both = await decodeSyncFile(fileWith(line('briefings', [rec]) + line('organisations', [org]), { counts: { ...zeroCounts(), briefings: 1, organisations: 1 }, maxClock: clock }));
    expect(both.total).toBe(2);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const e = await refusal(decodeSyncFile(await encodeSyncFile(emptyData(), fields), { signal: controller.signal }));
    expect([e.code, e.message]).toEqual(['aborted', 'The operation was cancelled; nothing was changed.']);
  });
});

describe('each record (validate.ts)', () => {
  const invalid = (raw: unknown, table: SyncedTable = 'briefings') => refusal(() => validateRecord(table, raw));
  const stampsOf = (r: Record<string, unknown>) => r.stamps as Record<string, unknown>;

  it('not a plain object', async () => {
    class Thing {}
    for (const raw of [null, [], 'text', 42, new Thing(), new Date()]) {
      expect((await invalid(raw)).message).toBe("The file's a briefing is invalid: it is not an object.");
    }
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, briefing());
    expect(validateRecord('briefings', bare).id).toBe(ID);
  });

  it('forbidden and unknown keys, named (long names cut)', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const raw = JSON.parse(`{"${key}":{},${JSON.stringify(briefing()).slice(1)}`) as unknown;
      expect((await invalid(raw)).message).toBe(`The file's briefing ${ID} is invalid: it contains the forbidden key "${key}".`);
    }
    const extra = await invalid({ ...briefing(), extra: 1 });
    expect([extra.code, extra.message]).toEqual(['invalid', `The file's briefing ${ID} is invalid: it has an unknown field "extra".`]);
    // Only a doubled period at the very end is made one.
    expect((await invalid({ ...briefing(), 'a..b': 1 })).message).toBe(`The file's briefing ${ID} is invalid: it has an unknown field "a..b".`);
    const long = 'k'.repeat(100);
    expect((await invalid({ ...briefing(), [long]: 1 })).message).toBe(`The file's briefing ${ID} is invalid: it has an unknown field "${'k'.repeat(60)}".`);
    // A record named by an id too long to be one is "a briefing".
    expect((await invalid({ ...briefing(), id: 'i'.repeat(41), extra: 1 })).message).toBe("The file's a briefing is invalid: it has an unknown field \"extra\".");
    expect((await invalid({ ...briefing(), id: 'i'.repeat(40), extra: 1 })).message).toBe(`The file's briefing ${'i'.repeat(40)} is invalid: it has an unknown field "extra".`);
  });

  it('id, deleted flag and record clock', async () => {
    expect((await invalid({ ...briefing(), id: 'not-an-id' })).message).toBe("The file's a briefing is invalid: its id is not a valid record id.");
    for (const deleted of [true, '1', 2, undefined]) {
      expect((await invalid({ ...briefing(), deleted })).message).toBe(`The file's briefing ${ID} is invalid: its deleted flag is not 0 or 1.`);
    }
    expect(validateRecord('briefings', { ...briefing(), deleted: 1 }).deleted).toBe(1);
    for (const hlc of ['yesterday', 42, undefined]) {
      expect((await invalid({ ...briefing(), hlc })).message).toBe(`The file's briefing ${ID} is invalid: its clock is missing or malformed.`);
    }
  });

  it('stamps: missing, for unknown fields, malformed, replacing a newer clock', async () => {
    for (const stamps of [undefined, [], 'x']) {
      expect((await invalid({ ...briefing(), stamps })).message).toBe(`The file's briefing ${ID} is invalid: its field clocks are missing.`);
    }
    expect((await invalid({ ...briefing(), stamps: { colour: { c: clock } } })).message).toBe(`The file's briefing ${ID} is invalid: it has a clock for the unknown field "colour".`);
    expect((await invalid({ ...briefing(), stamps: { ['s'.repeat(80)]: { c: clock } } })).message).toBe(
      `The file's briefing ${ID} is invalid: it has a clock for the unknown field "${'s'.repeat(60)}".`,
    );
    const withStamp = (s: unknown) => ({ ...briefing(), stamps: { title: s } });
    for (const s of [null, 'x', [clock]]) {
      expect((await invalid(withStamp(s))).message).toBe(`The file's briefing ${ID} is invalid: the clock of field "title" is missing or not an object.`);
    }
    expect((await invalid(withStamp({}))).message).toBe(`The file's briefing ${ID} is invalid: the clock of field "title" is missing.`);
    expect((await invalid(withStamp({ p: clock }))).message).toBe(`The file's briefing ${ID} is invalid: the clock of field "title" is missing.`);
    expect((await invalid(withStamp({ c: 'soon' }))).message).toBe(`The file's briefing ${ID} is invalid: the clock of field "title" has a bad or unknown entry "c".`);
    expect((await invalid(withStamp({ c: clock, p: 'x' }))).message).toBe(`The file's briefing ${ID} is invalid: the clock of field "title" has a bad or unknown entry "p".`);
    expect((await invalid(withStamp({ c: clock, ['q'.repeat(50)]: 1 }))).message).toBe(
      `The file's briefing ${ID} is invalid: the clock of field "title" has a bad or unknown entry "${'q'.repeat(40)}".`,
    );
    for (const p of [clock, later]) {
      expect((await invalid(withStamp({ c: clock, p }))).message).toBe(`The file's briefing ${ID} is invalid: the clock of field "title" replaces a newer clock.`);
    }
    const older = formatHlc(Date.UTC(2024, 0, 1), 0, 'b');
    expect(validateRecord('briefings', withStamp({ c: clock, p: older })).stamps.title).toEqual({ c: clock, p: older });
  });

  it('the record clock must be its newest field clock', async () => {
    const ahead = briefing();
    stampsOf(ahead).title = { c: later };
    expect((await invalid(ahead)).message).toBe(`The file's briefing ${ID} is invalid: its clock does not match its newest field clock.`);
    // Every stamp listed and none equal to the record clock.
    const all = createRecord('briefings', ID, briefingFields(), clock);
    const older = formatHlc(Date.UTC(2024, 0, 1), 0, NODE);
    const full = { ...JSON.parse(JSON.stringify(all)), stamps: Object.fromEntries(Object.keys(all.stamps).map((f) => [f, { c: older }])) } as Record<string, unknown>;
    expect((await invalid(full)).message).toBe(`The file's briefing ${ID} is invalid: its clock does not match its newest field clock.`);
    // Every stamp listed, the newest equal to the record clock: fine; one left out and older ones listed: fine.
    stampsOf(full).title = { c: clock };
    expect(validateRecord('briefings', full).hlc).toBe(clock);
    const some = briefing();
    stampsOf(some).title = { c: older };
    const v = validateRecord('briefings', some);
    expect(v.stamps.title).toEqual({ c: older });
    expect(v.stamps.location).toEqual({ c: clock });
    expect(v.hlc).toBe(clock);
  });

  it('fields: missing, unsafe (forbidden keys, excessive nesting), too large, of the wrong type', async () => {
    const { title: _omitted, ...noTitle } = briefing();
    expect((await invalid(noTitle)).message).toBe(`The file's briefing ${ID} is invalid: the field "title" is missing.`);
    const pack = (options: unknown) => ({ ...JSON.parse(JSON.stringify(createRecord('packs', ID, { name: 'Pack', options: {} }, clock))), options }) as Record<string, unknown>;
    let deep: unknown = 1;
    for (let i = 0; i < 34; i++) deep = i % 2 ? [deep] : { a: deep };
    expect((await invalid(pack(deep), 'packs')).message).toBe(`The file's pack definition ${ID} is invalid: its field "options" is unsafe: it is nested too deeply.`);
    let ok: unknown = 1;
    for (let i = 0; i < 32; i++) ok = { a: ok };
    expect(validateRecord('packs', pack(ok)).options).toEqual(ok);
    const nested = JSON.parse('{"list":[{"x":{"__proto__":{"polluted":true}}}]}') as unknown;
    expect((await invalid(pack(nested), 'packs')).message).toBe(`The file's pack definition ${ID} is invalid: its field "options" is unsafe: it contains the forbidden key "__proto__".`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const inArray = JSON.parse('[1, null, {"ok":[]}, {"constructor":1}]') as unknown;
    expect((await invalid(pack({ a: inArray }), 'packs')).message).toMatch(/unsafe: it contains the forbidden key "constructor"\.$/);
    const laterKey = JSON.parse('{"first":1,"second":{"constructor":1}}') as unknown;
    expect((await invalid(pack(laterKey), 'packs')).message).toMatch(/unsafe: it contains the forbidden key "constructor"\.$/);
    // null, empty arrays and objects inside a free-form value are fine.
    expect(validateRecord('packs', pack({ a: null, b: [], c: {}, d: [null, { e: null }] })).options).toEqual({ a: null, b: [], c: {}, d: [null, { e: null }] });

    const limit = SYNC_LIMITS.freeValueChars;
    const big = pack({ note: 'x'.repeat(limit) });
    const e = await invalid(big, 'packs');
    expect([e.code, e.message]).toEqual(['too-large', `The file's pack definition ${ID} is too large: its field "options" has 200,011 characters, the limit is 200,000.`]);
    // Exactly at the limit is accepted.
    expect(validateRecord('packs', pack({ note: 'x'.repeat(limit - 11) })).options).toEqual({ note: 'x'.repeat(limit - 11) });

    expect((await invalid({ ...briefing(), title: 42 })).message).toBe(`The file's briefing ${ID} is invalid: field "title": Title must be text.`);
    // A schema message that ends with its own period keeps one period.
    const tooLong = await invalid({ ...briefing(), summary: 'x'.repeat(60_000) });
    expect(tooLong.message).toMatch(/^The file's briefing .+ is invalid: field "summary": .*[^.]\.$/);
  });

  it('conflict log entries: the field they name and the id derived from their content', async () => {
    const entry = (over: Record<string, unknown>) => {
      const base = { table: 'briefings', recordId: ID, field: 'title', value: 'x', clock, resolution: '', ...over } as never;
      const id = conflictId('briefings', ID, String((over.field as string | undefined) ?? 'title'), clock);
      return JSON.parse(JSON.stringify(createRecord('conflicts', id, base, clock))) as Record<string, unknown>;
    };
    expect(validateRecord('conflicts', entry({})).value).toBe('x');
    expect((await invalid(entry({ field: 'colour' }), 'conflicts')).message).toMatch(/^The file's conflict log entry .+ is invalid: it names the unknown field "colour"\.$/);
    const wrongId = { ...entry({}), id: '01900000-0000-7000-8000-000000000077' };
    expect((await invalid(wrongId, 'conflicts')).message).toBe("The file's conflict log entry 01900000-0000-7000-8000-000000000077 is invalid: its id does not match its content.");
    const huge = entry({ value: 'v'.repeat(SYNC_LIMITS.freeValueChars) });
    expect((await invalid(huge, 'conflicts')).code).toBe('too-large');
  });

  it('rebuilds the record from known keys only, the stamps left out restored', () => {
    const raw = briefing();
    const v = validateRecord('briefings', raw) as unknown as Record<string, unknown>;
    expect(v).toEqual(raw);
    expect(Object.keys(v)).toEqual([...Object.keys(briefingFields()), 'id', 'hlc', 'stamps', 'deleted']);
    expect(v).not.toBe(raw);
    expect(v.tags).not.toBe(raw.tags);
    const stamps = (v as unknown as StoredRecord<'briefings'>).stamps;
    expect(Object.keys(stamps).sort()).toEqual([...Object.keys(briefingFields()), 'deleted'].sort());
    for (const s of Object.values(stamps)) expect(s).toEqual({ c: clock });
  });
});

function emptyData() {
  return Object.fromEntries(SYNCED_TABLES.map((t) => [t, []])) as never;
}
