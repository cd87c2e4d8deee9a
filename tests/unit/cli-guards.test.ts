/**
 * The command line keeps the app's guard rails: `sync merge` refuses to write a file that deletes most of
 * its first input (the import's mass-delete rule, core/sync/guards.ts) unless `--allow-mass-delete`, and a
 * file over the size limit is refused from its size alone, before a byte of it is read.
 */
import * as fsPromises from 'node:fs/promises';
import { mkdtemp, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { SYNC_LIMITS, massDeleteProblem } from '../../src-renderer/src/core/sync/guards';
import { exportWorkspace } from '../../src-renderer/src/data/sync';
import { briefingFields } from './fixtures';
import { cliRunner, spawnCli } from './cli-helpers';
import { installation } from './sync-helpers';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

// Every read of a file by the command line goes through node:fs/promises: watch it (the real function runs).
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, readFile: vi.fn(real.readFile) };
});

let dir: string;
const path = (name: string) => join(dir, name);
const { cli, out, err } = cliRunner(['sync']);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attache-cli-guards-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the mass-delete rule, one place for the app and the command line', () => {
  it('refuses deleting more than half of the live records, and nothing else', () => {
    expect(massDeleteProblem(10, 6)).toEqual({ deleting: 6, live: 10 });
    expect(massDeleteProblem(10, 5)).toBeUndefined(); // exactly half is allowed
    expect(massDeleteProblem(1, 1)).toEqual({ deleting: 1, live: 1 });
    expect(massDeleteProblem(0, 0)).toBeUndefined();
    expect(massDeleteProblem(3, 0)).toBeUndefined();
  });
});

describe('attache sync merge and deletions', () => {
  it('refuses a merge that deletes most of the first input, writes it with --allow-mass-delete', async () => {
    const a = await installation('A');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await a.ws.create('briefings', briefingFields({ title: `Briefing ${i}` }))).id);
    await writeFile(path('base.attache'), (await exportWorkspace(a.ws)).bytes);
    a.clock.t += 1000;
    // Three of four deleted: more than half of the base.
    for (const id of ids.slice(0, 3)) await a.ws.remove('briefings', id);
    await writeFile(path('deleting.attache'), (await exportWorkspace(a.ws)).bytes);

    const before = await readdir(dir);
    expect(await cli('merge', path('base.attache'), path('deleting.attache'), '--out', path('merged.attache'))).toBe(1);
    expect(err).toEqual([
      `The merge would delete 3 of the 4 live records of ${path('base.attache')} (the first input); nothing was written. Add --allow-mass-delete to write it anyway.`,
    ]);
    expect(await readdir(dir)).toEqual(before);

    expect(await cli('merge', path('base.attache'), path('deleting.attache'), '--out', path('merged.attache'), '--allow-mass-delete')).toBe(0);
    expect(out[0]).toMatch(/^Merged 2 files/);
    const merged = await decodeSyncFile(new Uint8Array(await fsPromises.readFile(path('merged.attache'))));
    expect(merged.data.briefings.filter((b) => b.deleted === 1)).toHaveLength(3);
  });

  it('lets through a merge that deletes half or less, and counts a revived record as no deletion', async () => {
    const a = await installation('A');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await a.ws.create('organisations', { ...V2_FIELDS.organisations(), name: `Org ${i}`, acronym: '', country: '' })).id);
    await a.ws.remove('organisations', ids[3]!);
    // Base: 3 live, 1 deleted.
    await writeFile(path('orgs.attache'), (await exportWorkspace(a.ws)).bytes);
    a.clock.t += 1000;
    await a.ws.remove('organisations', ids[0]!);
    await a.ws.restore('organisations', ids[3]!);
    // One of three live records deleted, one tombstone revived: within bounds.
    await writeFile(path('orgs-later.attache'), (await exportWorkspace(a.ws)).bytes);
    expect(await cli('merge', path('orgs.attache'), path('orgs-later.attache'), '--out', path('orgs-merged.attache'))).toBe(0);
    a.clock.t += 1000;
    await a.ws.remove('organisations', ids[1]!);
    // Two of the base's three live records deleted now (the revived one does not count either way).
    await writeFile(path('orgs-last.attache'), (await exportWorkspace(a.ws)).bytes);
    expect(await cli('merge', path('orgs.attache'), path('orgs-last.attache'), '--out', path('orgs-merged2.attache'))).toBe(1);
    expect(err[0]).toMatch(/would delete 2 of the 3 live records/);
    // With the later file as the base, the same deletions are one of three: the first input is the reference.
    expect(await cli('merge', path('orgs-later.attache'), path('orgs-last.attache'), '--out', path('orgs-merged3.attache'))).toBe(0);
  });
});

describe('the size limit is checked before reading', () => {
  it('refuses a 2 GB file from its size, naming it, without reading it', async () => {
    const huge = path('huge.attache');
    await writeFile(huge, '');
    await truncate(huge, 2 * 1024 ** 3); // sparse: takes no disk space
    expect((await stat(huge)).size).toBeGreaterThan(SYNC_LIMITS.fileBytes);
    const readFile = vi.mocked(fsPromises.readFile);
    readFile.mockClear();
    const rssBefore = process.resourceUsage().maxRSS; // kilobytes, the process's high-water mark

    for (const command of [['verify', huge], ['inspect', huge], ['merge', huge, '--out', path('never.attache')]]) {
      expect(await cli(...command), command[0]).toBe(1);
      expect(err).toEqual([`${huge}: The file is 2048 MiB, more than the 1024 MiB an import accepts.`]);
    }
    // Not one read of the file (reading it whole is what the limit protects from).
    expect(readFile.mock.calls.filter(([p]) => p === huge)).toEqual([]);
    // And memory never held it: reading it would raise the high-water mark by 2 GB.
    expect(process.resourceUsage().maxRSS - rssBefore).toBeLessThan(256 * 1024);
    expect(await readdir(dir)).not.toContain('never.attache');
  });

  it('refuses it the same way as a real process', async () => {
    const huge = path('huge.attache');
    const r = await spawnCli(['sync', 'verify', huge]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`${huge}: The file is 2048 MiB, more than the 1024 MiB an import accepts.`);
  });

  it('still reads and checks a file under the limit', async () => {
    const a = await installation('A');
    await a.ws.create('organisations', { ...V2_FIELDS.organisations(), name: 'UNODC', acronym: '', country: '' });
    await writeFile(path('small.attache'), (await exportWorkspace(a.ws)).bytes);
    const readFile = vi.mocked(fsPromises.readFile);
    readFile.mockClear();
    expect(await cli('verify', path('small.attache'))).toBe(0);
    expect(readFile.mock.calls.filter(([p]) => p === path('small.attache'))).toHaveLength(1);
    expect(await cli('verify', path('missing.attache'))).toBe(2);
    expect(err).toEqual([`Cannot read ${path('missing.attache')}.`]);
  });
});
