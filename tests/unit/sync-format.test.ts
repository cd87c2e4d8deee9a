import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidDate, isValidDateTime } from '../../src-renderer/src/core/dates';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { SYNCED_TABLES, emptyWorkspaceData, type WorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { PBKDF2_ITERATIONS } from '../../src-renderer/src/core/sync/crypto';
import { deterministicId, sha256Sync, toHex } from '../../src-renderer/src/core/sync/digest';
import { FORMAT_VERSION, decodeSyncFile, encodeSyncFile, readHeader, verifySyncFile, type HeaderFields } from '../../src-renderer/src/core/sync/format';
import { SyncError } from '../../src-renderer/src/core/sync/guards';
import { briefingFields } from './fixtures';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const NODE = 'a1b2c3';
/** Files in most tests use the minimum accepted work factor; one test checks the real default. */
const FAST = 100_000;
const clock = formatHlc(Date.UTC(2025, 0, 1), 0, NODE);
const fields: HeaderFields = {
  app: { name: 'Attaché', version: '0.1.0' },
  installation: { id: '01900000-0000-7000-8000-00000000abcd', name: 'Laptop' },
  createdAt: '2025-01-01T00:00:00.000Z',
  scope: { kind: 'full' },
};

function sample(): WorkspaceData {
  const data = emptyWorkspaceData();
  data.briefings.push(createRecord('briefings', '01900000-0000-7000-8000-000000000001', briefingFields(), clock));
  data.organisations.push(createRecord('organisations', '01900000-0000-7000-8000-000000000002', { ...V2_FIELDS.organisations(), name: 'UNODC', acronym: '', country: '' }, clock));
  return data;
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytesOf = (s: string) => new TextEncoder().encode(s);

/** A file with a correct digest around whatever body lines a test wants (to reach the validator). */
function forge(lines: { table: string; records: unknown[] }[] | string[], header: Record<string, unknown> = {}): Uint8Array {
  const counts = Object.fromEntries(SYNCED_TABLES.map((t) => [t, 0])) as Record<string, number>;
  let max = '';
  const body = lines.map((l) => {
    if (typeof l === 'string') return `${l}\n`;
    if (l.table in counts) counts[l.table] = counts[l.table]! + l.records.length;
    for (const r of l.records as { hlc?: string }[]) if (r && typeof r.hlc === 'string' && r.hlc > max) max = r.hlc;
    return `{"table":"${l.table}","records":${JSON.stringify(l.records)}}\n`;
  });
  const h = { format: 'attache-sync', version: FORMAT_VERSION, ...fields, counts, maxClock: max, ...header };
  const content = `${JSON.stringify(h)}\n${body.join('')}`;
  const digest = createHash('sha256').update(content).digest('hex');
  return bytesOf(`${content}{"sha256":"${digest}"}\n`);
}

async function rejection(p: Promise<unknown>): Promise<SyncError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SyncError);
    return e as SyncError;
  }
  throw new Error('expected a rejection');
}

describe('sync file format', () => {
  it('round-trips records exactly, with a readable header line first and the digest last', async () => {
    const data = sample();
    const bytes = await encodeSyncFile(data, fields);
    const lines = text(bytes).split('\n');
    expect(lines[0]).toMatch(/^\{"format":"attache-sync","version":2,/);
    expect(lines.at(-2)).toMatch(/^\{"sha256":"[0-9a-f]{64}"\}$/);
    const decoded = await decodeSyncFile(bytes);
    expect(decoded.data).toEqual(data);
    expect(decoded.header.counts.briefings).toBe(1);
    expect(decoded.header.installation.name).toBe('Laptop');
    expect(decoded.maxClock).toBe(clock);
  });

  it('encrypts with AES-256-GCM under a PBKDF2 key, a fresh salt and IV each time', async () => {
    const data = sample();
    const one = await encodeSyncFile(data, fields, { passphrase: 'correct horse' });
    const two = await encodeSyncFile(data, fields, { passphrase: 'correct horse' });
    const h1 = readHeader(one).header.encryption!;
    const h2 = readHeader(two).header.encryption!;
    expect(h1).toMatchObject({ kdf: 'PBKDF2-SHA256', cipher: 'AES-256-GCM', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(h1.salt).not.toBe(h2.salt);
    expect(h1.iv).not.toBe(h2.iv);
    expect(text(one)).not.toContain('counter-narcotics');
    expect((await decodeSyncFile(one, { passphrase: 'correct horse' })).data).toEqual(data);
  });

  it('writes a file of megabytes byte for byte as its lines, also where multi-byte characters meet the writer\'s internal block edges', async () => {
    const data = emptyWorkspaceData();
    // 3-byte and 4-byte characters at shifting offsets, so that some land across every block edge.
    for (let i = 0; i < 2500; i++) {
      const id = `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      const summary = `${'x'.repeat(i % 7)}${'Душанбе — €𝄞 '.repeat(40 + (i % 13))}`;
      data.briefings.push(createRecord('briefings', id, briefingFields({ title: `Брифинг ${i} 🎉`, summary }), clock));
    }
    const plain = await encodeSyncFile(data, fields);
    expect(plain.length).toBeGreaterThan(3 * 2 ** 20);
    expect(plain.byteLength).toBe(plain.buffer.byteLength); // an exact buffer, not a view into a larger one
    const lines = new TextDecoder('utf-8', { fatal: true }).decode(plain).split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines.slice(1, -1)) {
      const { table, records } = JSON.parse(line) as { table: string; records: unknown[] };
      expect(line).toBe(`{"table":"${table}","records":${JSON.stringify(records)}}`);
    }
    expect(lines.at(-1)).toBe(`{"sha256":"${createHash('sha256').update(plain.subarray(0, plain.length - 78)).digest('hex')}"}`);
    expect((await decodeSyncFile(plain)).data).toEqual(data);
    const encrypted = await encodeSyncFile(data, fields, { passphrase: 'pw', iterations: FAST });
    expect((await decodeSyncFile(encrypted, { passphrase: 'pw' })).data).toEqual(data);
  });

  it('says so when an encrypted file is opened without or with a wrong passphrase', async () => {
    const bytes = await encodeSyncFile(sample(), fields, { passphrase: 'correct horse', iterations: FAST });
    expect((await rejection(decodeSyncFile(bytes))).code).toBe('passphrase-required');
    const wrong = await rejection(decodeSyncFile(bytes, { passphrase: 'wrong horse' }));
    expect(wrong.code).toBe('wrong-passphrase');
    expect(wrong.message).toBe('The passphrase is wrong, or the file was changed.');
  });

  it('binds the header to the ciphertext: a header edited and re-digested fails to decrypt', async () => {
    const bytes = await encodeSyncFile(sample(), fields, { passphrase: 'pw', iterations: FAST });
    const nl = bytes.indexOf(10);
    const header = JSON.parse(text(bytes.subarray(0, nl)));
    header.installation.name = 'Someone else';
    const rest = bytes.subarray(nl, bytes.length - 78);
    const content = new Uint8Array([...bytesOf(JSON.stringify(header)), ...rest]);
    const digest = createHash('sha256').update(content).digest('hex');
    const forged = new Uint8Array([...content, ...bytesOf(`{"sha256":"${digest}"}\n`)]);
    await verifySyncFile(forged); // the digest is consistent...
    expect((await rejection(decodeSyncFile(forged, { passphrase: 'pw' }))).code).toBe('wrong-passphrase'); // ...but GCM is not fooled
  });

  it('names both versions for a file from a newer format', async () => {
    const e = await rejection(decodeSyncFile(forge([], { version: FORMAT_VERSION + 1 })));
    expect(e.code).toBe('newer-version');
    expect(e.message).toMatch(new RegExp(`version ${FORMAT_VERSION + 1}`));
    expect(e.message).toMatch(new RegExp(`version ${FORMAT_VERSION}`));
  });

  it('recognises a truncated file', async () => {
    const bytes = await encodeSyncFile(sample(), fields);
    for (const cut of [bytes.length - 1, bytes.length - 100, Math.floor(bytes.length / 2), 30, 10]) {
      const e = await rejection(decodeSyncFile(bytes.subarray(0, cut)));
      expect(e.code, `cut at ${cut}`).toBe('truncated');
      expect(e.message).toMatch(/truncated/);
    }
  });

  it('recognises a tampered file (one byte changed)', async () => {
    const bytes = await encodeSyncFile(sample(), fields);
    const copy = bytes.slice();
    const at = text(bytes).indexOf('Dushanbe');
    copy[at] = 'X'.charCodeAt(0);
    const e = await rejection(decodeSyncFile(copy));
    expect(e.code).toBe('tampered');
    expect(e.message).toMatch(/changed or damaged/);
  });

  it('recognises files that are not sync files at once', async () => {
    for (const s of ['', 'hello', '{"format":"other"}\n', '%PDF-1.7\n', '[1,2,3]']) {
      const e = await rejection(decodeSyncFile(bytesOf(s)));
      expect(e.code, JSON.stringify(s)).toBe('not-sync-file');
      expect(e.message).toMatch(/not an Attaché sync file/);
    }
  });

  it('verifies a valid forged file (so the tests below reach the validator)', async () => {
    const rec = sample().briefings[0]!;
    const decoded = await decodeSyncFile(forge([{ table: 'briefings', records: [rec] }]));
    expect(decoded.data.briefings).toEqual([rec]);
  });
});

describe('validation of records from a file', () => {
  const rec = () => JSON.parse(JSON.stringify(sample().briefings[0]!)) as Record<string, unknown>;
  const fail = async (records: unknown[], table = 'briefings') => rejection(decodeSyncFile(forge([{ table, records }])));

  it('rejects __proto__ and constructor keys and never lets them reach an object', async () => {
    const withProto = `{"table":"briefings","records":[${JSON.stringify(rec()).replace(/^\{/, '{"__proto__":{"polluted":true},')}]}`;
    const e1 = await rejection(decodeSyncFile(forge([withProto])));
    expect(e1.message).toMatch(/forbidden key "__proto__"/);
    const r = JSON.parse(JSON.stringify(rec()).replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},')) as unknown;
    expect((await fail([r])).message).toMatch(/forbidden key "constructor"/);
    // Nested, inside a free-form value.
    const pack = createRecord('packs', '01900000-0000-7000-8000-000000000009', { name: 'Pack', options: {} }, clock);
    const nested = JSON.stringify(pack).replace('"options":{}', '"options":{"a":{"__proto__":{"polluted":true}}}');
    const e3 = await rejection(decodeSyncFile(forge([`{"table":"packs","records":[${nested}]}`])));
    expect(e3.message).toMatch(/forbidden key "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a 10 MB field with a message about the limit', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const e = await fail([{ ...rec(), summary: big }]);
    expect(e.message).toMatch(/Summary is too long: 10,485,760 characters, the limit is 50,000/);
    const pack = createRecord('packs', '01900000-0000-7000-8000-000000000009', { name: 'Pack', options: { note: big } }, clock);
    const e2 = await fail([pack], 'packs');
    expect(e2.code).toBe('too-large');
    expect(e2.message).toMatch(/too large/);
  });

  it('rejects wrong types, unknown fields, missing stamps and malformed clocks', async () => {
    expect((await fail([{ ...rec(), title: 42 }])).message).toMatch(/field "title": Title must be text/);
    expect((await fail([{ ...rec(), tags: 'drugs' }])).message).toMatch(/field "tags"/);
    expect((await fail([{ ...rec(), deleted: true }])).message).toMatch(/deleted flag/);
    expect((await fail([{ ...rec(), extra: 1 }])).message).toMatch(/unknown field "extra"/);
    expect((await fail([{ ...rec(), id: 'not-an-id' }])).message).toMatch(/id is not a valid record id/);
    const noStamp = rec();
    (noStamp.stamps as Record<string, unknown>).title = {};
    expect((await fail([noStamp])).message).toMatch(/clock of field "title" is missing/);
    const ahead = rec();
    (ahead.stamps as Record<string, unknown>).title = { c: formatHlc(Date.UTC(2026, 0, 1), 0, NODE) };
    expect((await fail([ahead])).message).toMatch(/does not match its newest field clock/);
    const badClock = rec();
    (badClock.stamps as Record<string, { c: string }>).title!.c = 'yesterday';
    expect((await fail([badClock])).message).toMatch(/clock of field "title"/);
    expect((await fail([{ ...rec(), hlc: formatHlc(1, 0, NODE) }])).message).toMatch(/does not match/);
    expect((await fail(['not a record'])).message).toMatch(/not an object/);
    expect((await rejection(decodeSyncFile(forge([{ table: 'secrets', records: [] }])))).message).toMatch(/unknown kind/);
  });

  it('rejects duplicate ids in one file with a clear message', async () => {
    const r = rec();
    const e = await rejection(decodeSyncFile(forge([{ table: 'briefings', records: [r] }, { table: 'briefings', records: [r] }])));
    expect(e.message).toBe(`The file lists the briefing ${String(r.id)} twice.`);
  });

  it('rejects a conflict log entry whose id does not match its content', async () => {
    const entry = createRecord(
      'conflicts',
      '01900000-0000-7000-8000-000000000077',
      { table: 'briefings', recordId: String(rec().id), field: 'title', value: 'x', clock, resolution: '' },
      clock,
    );
    expect((await fail([entry], 'conflicts')).message).toMatch(/id does not match/);
  });

  it('rejects a header that lies about its counts', async () => {
    const e = await rejection(decodeSyncFile(forge([{ table: 'briefings', records: [rec()] }], { counts: { ...Object.fromEntries(SYNCED_TABLES.map((t) => [t, 0])), briefings: 2 } })));
    expect(e.message).toMatch(/announces 2 records of briefings but it holds 1/);
  });
});

describe('digest', () => {
  it('computes SHA-256 like Node does', () => {
    for (const s of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'é'.repeat(1000)]) {
      expect(toHex(sha256Sync(bytesOf(s)))).toBe(createHash('sha256').update(s).digest('hex'));
    }
  });

  it('gives the FIPS 180-4 known answers, and the conflict ids it gave before (@noble/hashes replaced our own code)', () => {
    const answers: [string, string][] = [
      ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
      ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
      ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
    ];
    for (const [input, hex] of answers) expect(toHex(sha256Sync(bytesOf(input))), input.slice(0, 20)).toBe(hex);
    // Conflict log entries are identified by these ids on every installation: they must never change.
    expect(deterministicId('conflict|briefings|0190e000-0000-7000-8000-000000000001|title|x', 1426586400000)).toBe('014c272c-f500-761c-9cc2-b9c5bcda3f94');
    expect(deterministicId('', 1426586400000)).toBe('014c272c-f500-73b0-8442-98fc1c149afb');
    expect(deterministicId('é'.repeat(100), 1426586400000)).toBe('014c272c-f500-742e-848e-1e4b487e590e');
  });
});


describe('date checks used by import validation', () => {
  it('accept exactly the days of the calendar and the minutes of the day', () => {
    // How many days each year has (leap years: 2000, 2024; not 1900, 2100); there is no year 0000.
    const daysIn: Record<string, number> = { '0000': 0, '0001': 365, '1900': 365, '2000': 366, '2015': 365, '2024': 366, '2100': 365, '9999': 365 };
    const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const [y, days] of Object.entries(daysIn)) {
      let valid = 0;
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const date = `${y}-${pad(m)}-${pad(d)}`;
          const ok = isValidDate(date);
          if (ok) valid++;
          // Every day of every month but 29 February, which the count of days decides.
          if (m >= 1 && m <= 12 && d >= 1 && d <= monthDays[m - 1]! && y !== '0000') expect(ok, date).toBe(true);
        }
      }
      expect(valid, y).toBe(days);
    }
    for (const bad of ['2015-3-17', '15-03-17', '2015-03-17 ', '2015/03/17', '+2015-03-17']) expect(isValidDate(bad), bad).toBe(false);
    const times: [string, boolean][] = [
      ['2015-03-17T00:00', true],
      ['2015-03-17T23:59', true],
      ['2015-03-17T09:30', true],
      ['2015-03-17T24:00', false],
      ['2015-03-17T12:60', false],
      ['2015-02-29T09:30', false],
      ['2016-02-29T09:30', true],
      ['2015-03-17T9:30', false],
      ['2015-03-17 09:30', false],
      ['2015-03-17T09:30:00', false],
    ];
    for (const [v, ok] of times) expect(isValidDateTime(v), v).toBe(ok);
  });
});
