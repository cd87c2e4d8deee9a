import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { SYNCED_TABLES } from '../../src-renderer/src/core/model';
import { decodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { applyImport, exportWorkspace, previewImport } from '../../src-renderer/src/data/sync';
import { cliRunner, spawnCli } from './cli-helpers';
import { dump, installation } from './sync-helpers';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

let dir: string;
const { cli, out, err } = cliRunner();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attache-cli-'));
});

afterEach(() => vi.restoreAllMocks());

const path = (name: string) => join(dir, name);

describe('attache demo and sync verify / inspect', () => {
  it('writes the example workspace as an intact sync file', async () => {
    expect(await cli('demo', '--out', path('demo.attache'))).toBe(0);
    const decoded = await decodeSyncFile(new Uint8Array(await readFile(path('demo.attache'))));
    expect(decoded.data).toEqual(exampleWorkspaceData());
    expect(await cli('sync', 'verify', path('demo.attache'))).toBe(0);
    expect(out[0]).toMatch(/^OK: .* is intact, \d+ records/);
  });

  it('inspects a file as JSON: version, installation, counts per record type, integrity', async () => {
    expect(await cli('sync', 'inspect', path('demo.attache'))).toBe(0);
    const summary = JSON.parse(out.join('\n'));
    expect(summary).toMatchObject({ format: 'attache-sync', formatVersion: 2, integrity: 'ok', contents: 'validated', encrypted: false });
    expect(summary.installation.name).toBe('Attaché example workspace');
    expect(summary.counts.briefings).toBe(1);
    expect(summary.counts.statements).toBeGreaterThan(10);
    expect(Object.keys(summary.counts)).toEqual([...SYNCED_TABLES]);
  });

  it('fails verify with a one-line reason for truncated, tampered and foreign files', async () => {
    const good = await readFile(path('demo.attache'));
    await writeFile(path('cut.attache'), good.subarray(0, good.length - 10));
    const bad = Buffer.from(good);
    bad[200] = bad[200] === 0x41 ? 0x42 : 0x41;
    await writeFile(path('tampered.attache'), bad);
    await writeFile(path('notes.txt'), 'just some notes\n');
    for (const [file, reason] of [
      ['cut.attache', /truncated/],
      ['tampered.attache', /changed or damaged/],
      ['notes.txt', /not an Attaché sync file/],
    ] as const) {
      expect(await cli('sync', 'verify', path(file)), file).toBe(1);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(reason);
    }
    expect(await cli('sync', 'inspect', path('tampered.attache'))).toBe(1);
    expect(JSON.parse(out.join('\n')).integrity).toMatch(/^failed: /);
  });

  it('handles encrypted files with --passphrase-file', async () => {
    await writeFile(path('pass.txt'), 'diplomatic pouch\n');
    await writeFile(path('wrong.txt'), 'wrong\n');
    expect(await cli('demo', '--out', path('enc.attache'), '--passphrase-file', path('pass.txt'))).toBe(0);
    expect(await cli('sync', 'verify', path('enc.attache'))).toBe(0);
    expect(out[0]).toMatch(/encrypted/);
    expect(await cli('sync', 'verify', path('enc.attache'), '--passphrase-file', path('wrong.txt'))).toBe(1);
    expect(err[0]).toBe('The passphrase is wrong, or the file was changed.');
    expect(await cli('sync', 'inspect', path('enc.attache'), '--passphrase-file', path('pass.txt'))).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ encrypted: true, contents: 'validated', encryption: { kdf: 'PBKDF2-SHA256', cipher: 'AES-256-GCM' } });
  });

  it('rejects unknown options and commands with a one-line reason and exit code 2', async () => {
    expect(await cli('sync', 'verify', path('demo.attache'), '--frobnicate')).toBe(2);
    expect(err).toEqual([expect.stringMatching(/Unknown option '--frobnicate'/)]);
    expect(await cli('sync', 'teleport')).toBe(2);
    expect(await cli('launch')).toBe(2);
    expect(await cli('demo')).toBe(2);
    expect(err[0]).toMatch(/--out/);
  });
});

describe('attache sync merge', () => {
  it('merges colleagues’ files exactly as imports would', async () => {
    const a = await installation('A');
    const b = await installation('B');
    await a.ws.create('organisations', { ...V2_FIELDS.organisations(), name: 'UNODC', acronym: '', country: '' });
    const seed = await exportWorkspace(a.ws);
    await applyImport(b.ws, await previewImport(b.ws, seed.bytes));
    const [org] = await a.ws.db.organisations.toArray();
    a.clock.t += 1000;
    b.clock.t += 2000;
    await a.ws.update('organisations', org!.id, { name: 'UNODC (A)' });
    await b.ws.update('organisations', org!.id, { name: 'UNODC (B)', country: 'Austria' });
    await b.ws.create('organisations', { ...V2_FIELDS.organisations(), name: 'OSCE', acronym: '', country: '' });
    await writeFile(path('a.attache'), (await exportWorkspace(a.ws)).bytes);
    await writeFile(path('b.attache'), (await exportWorkspace(b.ws)).bytes);

    expect(await cli('sync', 'merge', path('a.attache'), path('b.attache'), path('demo.attache'), '--out', path('merged.attache'))).toBe(0);
    expect(out[0]).toMatch(/1 conflict log entries added/);
    expect(await cli('sync', 'verify', path('merged.attache'))).toBe(0);

    // The registry's file equals what an installation gets by importing the same files.
    const x = await installation('X');
    for (const f of ['a.attache', 'b.attache', 'demo.attache']) {
      await applyImport(x.ws, await previewImport(x.ws, new Uint8Array(await readFile(path(f)))));
    }
    const merged = await decodeSyncFile(new Uint8Array(await readFile(path('merged.attache'))));
    expect(merged.header.scope).toMatchObject({ kind: 'merge' });
    expect(merged.data).toEqual(await dump(x.ws));
    expect(merged.data.conflicts.map((c) => c.value)).toEqual(['UNODC (A)']);

    // Order does not matter for the records.
    expect(await cli('sync', 'merge', path('demo.attache'), path('b.attache'), path('a.attache'), '--out', path('merged2.attache'))).toBe(0);
    const merged2 = await decodeSyncFile(new Uint8Array(await readFile(path('merged2.attache'))));
    expect(merged2.data).toEqual(merged.data);
  });

  it('writes nothing if any input is bad', async () => {
    const before = await readdir(dir);
    expect(await cli('sync', 'merge', path('demo.attache'), path('cut.attache'), '--out', path('never.attache'))).toBe(1);
    expect(err).toEqual([expect.stringMatching(/cut\.attache: The file is truncated/)]);
    expect(await readdir(dir)).toEqual(before);
    expect(await cli('sync', 'merge', path('demo.attache'), '--out', path('never.attache'), '--force')).toBe(2);
    expect(await readdir(dir)).toEqual(before);
  });

  it('runs as a real process with the documented exit codes', async () => {
    const ok = await spawnCli(['sync', 'verify', path('demo.attache')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK:/);
    const bad = await spawnCli(['sync', 'verify', path('notes.txt')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
