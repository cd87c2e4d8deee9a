/**
 * `attache live push | pull | status` against a real pouchdb-server: a file pushed by one desk is pulled into
 * another desk's file, merged with what it holds; the wrong passphrase and bad usage exit with one line.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { readFile } from 'node:fs/promises';
import { cliRunner } from './cli-helpers';
import { startServer, type TestServer } from './live-server';

let server: TestServer;
let dir: string;
const { cli, out, err } = cliRunner();

beforeAll(async () => {
  server = await startServer({ inMemory: true });
  dir = await mkdtemp(join(tmpdir(), 'attache-cli-live-'));
  await writeFile(join(dir, 'team.txt'), 'team passphrase\n');
  await writeFile(join(dir, 'wrong.txt'), 'not the team passphrase\n');
}, 30_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('attache live', () => {
  it('pushes a file, pulls it into another file, and reports status', async () => {
    const demo = join(dir, 'demo.attache');
    expect(await cli('demo', '--out', demo)).toBe(0);
    const opts = ['--server', server.url, '--db', 'desk', '--passphrase-file', join(dir, 'team.txt')];
    expect(await cli('live', 'push', demo, ...opts)).toBe(0);
    expect(out.join('\n')).toMatch(/^Pushed .*: \d+ records sent, 0 already on the server\.$/);
    // Pushing again sends nothing: every record is there already.
    expect(await cli('live', 'push', demo, ...opts)).toBe(0);
    expect(out.join('\n')).toMatch(/: 0 records sent/);

    const copy = join(dir, 'copy.attache');
    expect(await cli('live', 'pull', copy, ...opts)).toBe(0);
    const a = await decodeSyncFile(new Uint8Array(await readFile(demo)));
    const b = await decodeSyncFile(new Uint8Array(await readFile(copy)));
    expect(b.total).toBe(a.total);
    for (const t of Object.keys(a.data) as (keyof typeof a.data)[]) {
      const byId = (rows: { id: string }[]) => [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(byId(b.data[t])).toEqual(byId(a.data[t]));
    }

    expect(await cli('live', 'status', copy, ...opts)).toBe(0);
    const status = JSON.parse(out.join('\n')) as { documents: number; lastSequence: string; file: { records: number } };
    expect(status.documents).toBe(a.total);
    expect(Number(status.lastSequence)).toBeGreaterThan(0);
    expect(status.file.records).toBe(a.total);
  });

  it('refuses the wrong team passphrase with one line, writing nothing', async () => {
    const target = join(dir, 'never.attache');
    const code = await cli('live', 'pull', target, '--server', server.url, '--db', 'desk', '--passphrase-file', join(dir, 'wrong.txt'));
    expect(code).toBe(1);
    expect(err).toEqual(['The team passphrase is wrong for this database: nothing was sent or received.']);
    await expect(readFile(target)).rejects.toThrow();
  });

  it('bad usage exits 2', async () => {
    expect(await cli('live', 'fetch', 'x')).toBe(2);
    expect(await cli('live', 'push', 'x.attache', '--server', 'ftp://x', '--db', 'desk', '--passphrase-file', join(dir, 'team.txt'))).toBe(2);
    expect(err[0]).toMatch(/https:\/\//);
    expect(await cli('live', 'status', 'x.attache', '--server', server.url, '--db', 'Desk', '--passphrase-file', join(dir, 'team.txt'))).toBe(2);
  });
});
