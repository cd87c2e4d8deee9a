/**
 * `attache pack`: sync files in, PDF out, through the same dispatcher users run; one-line reasons and
 * non-zero exits for bad usage, bad inputs and empty selections, and never a partial PDF.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyWorkspaceData, SYNCED_TABLES, type WorkspaceData } from '../../src-renderer/src/core/model';
import { encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { pagesText, run } from '../web/pack-pdf';
import { cliRunner, spawnCli } from './cli-helpers';
import { CYRILLIC_NAME, IDS, SECRET_TITLE, WATER_TITLE, packFixture } from './pack-fixture';

let dir: string;
const { cli, out, err } = cliRunner(['pack']);
const path = (name: string) => join(dir, name);

afterEach(() => vi.restoreAllMocks());

const header = (name: string) => ({
  app: { name: 'Attaché', version: 'test' },
  installation: { id: `00000000-0000-7000-8000-0000000000${name === 'a' ? 'c1' : 'c2'}`, name: `Desk ${name}` },
  createdAt: '2015-04-10T08:00:00.000Z',
  scope: { kind: 'full' as const },
});

/** Split the fixture between two colleagues: the Dushanbe example on one desk, the April briefings on the other. */
function split(): [WorkspaceData, WorkspaceData] {
  const all = packFixture();
  const april = new Set<string>([IDS.water, IDS.secret]);
  const a = emptyWorkspaceData();
  const b = emptyWorkspaceData();
  for (const t of SYNCED_TABLES) {
    for (const r of all[t] as { id: string; briefingId?: string | null }[]) {
      const second = april.has(r.id) || (r.briefingId != null && april.has(r.briefingId)) || Object.values(IDS).includes(r.id as never);
      ((second ? b : a)[t] as unknown[]).push(r);
    }
  }
  return [a, b];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attache-pack-cli-'));
  const [a, b] = split();
  await writeFile(path('a.attache'), await encodeSyncFile(a, header('a')));
  await writeFile(path('b.attache'), await encodeSyncFile(b, header('b')));
  await writeFile(path('pass.txt'), 'correct horse battery staple\n');
  await writeFile(path('b-encrypted.attache'), await encodeSyncFile(b, header('b'), { passphrase: 'correct horse battery staple', iterations: 100_000 }));
  await writeFile(path('broken.attache'), 'not a sync file\n');
});

const noTempFiles = () => expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

describe('attache pack', () => {
  it('merges several sync files and writes the pack, reporting what the ceiling left out', async () => {
    const code = await cli('--in', path('a.attache'), '--in', path('b.attache'), '--out', path('pack.pdf'), '--title', 'Two desks', '--ceiling', 'CONFIDENTIAL', '--creation-date', '2015-04-10T09:00:00Z', '--prepared-by', 'Registry');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Wrote .*pack\.pdf: \d+ pages, 2 briefings, 23 statements, 11 follow-ups; 1 left out above the ceiling: Restricted session on border operations\./);
    const text = pagesText(path('pack.pdf')).join(' ');
    expect(text).toContain('International Cooperation on Countering Modern Threats and Challenges');
    expect(text).toContain(WATER_TITLE);
    expect(text).toContain(CYRILLIC_NAME);
    expect(text).not.toContain(SECRET_TITLE);
    expect(run('pdfinfo', [path('pack.pdf')]).stdout).toMatch(/Title:\s+Two desks[\s\S]*Author:\s+Registry/);
    noTempFiles();
  });

  it('filters by tag and dates, sets Letter paper and a watermark', async () => {
    const code = await cli('--in', path('a.attache'), '--in', path('b.attache'), '--out', path('water.pdf'), '--tag', 'water', '--from', '2015-04-01', '--to', '2015-04-30', '--paper', 'letter', '--watermark', 'DRAFT');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const text = pagesText(path('water.pdf'));
    expect(text.join(' ')).toContain(WATER_TITLE);
    expect(text.join(' ')).not.toContain('International Cooperation on Countering');
    expect(text[0]!.replace(/\s/g, '')).toContain('DRAFT');
    expect(run('pdfinfo', [path('water.pdf')]).stdout).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('gives byte-identical PDFs for the same inputs and --creation-date', async () => {
    const args = ['--in', path('a.attache'), '--in', path('b.attache'), '--creation-date', '2015-04-10T09:00:00Z'];
    expect(await cli(...args, '--out', path('same-1.pdf'))).toBe(0);
    expect(await cli(...args, '--out', path('same-2.pdf'))).toBe(0);
    expect(Buffer.compare(await readFile(path('same-1.pdf')), await readFile(path('same-2.pdf')))).toBe(0);
  });

  it('reads encrypted files with --passphrase-file, and refuses them without', async () => {
    expect(await cli('--in', path('b-encrypted.attache'), '--out', path('enc.pdf'), '--passphrase-file', path('pass.txt'))).toBe(0);
    expect(pagesText(path('enc.pdf')).join(' ')).toContain(WATER_TITLE);
    expect(await cli('--in', path('b-encrypted.attache'), '--out', path('enc-no.pdf'))).not.toBe(0);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/encrypted/i);
    expect(existsSync(path('enc-no.pdf'))).toBe(false);
  });

  it('writes the same pack as a Word file when --out ends in .docx, read back by mammoth; an empty selection writes nothing', async () => {
    const code = await cli('--in', path('a.attache'), '--in', path('b.attache'), '--out', path('pack.docx'), '--title', 'Two desks', '--ceiling', 'CONFIDENTIAL', '--file-ref', 'DUS/POL/2015/017');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    // A Word file has no page count of its own: the summary leaves pages out.
    expect(out.join('\n')).toMatch(/Wrote .*pack\.docx: 2 briefings, 23 statements, 11 follow-ups; 1 left out above the ceiling/);
    const { value: text } = await mammoth.extractRawText({ path: path('pack.docx') });
    expect(text).toContain('Two desks');
    expect(text).toContain('DUS/POL/2015/017');
    expect(text).toContain('International Cooperation on Countering Modern Threats and Challenges');
    expect(text).toContain(WATER_TITLE);
    expect(text).toContain(CYRILLIC_NAME);
    expect(text).not.toContain(SECRET_TITLE);

    expect(await cli('--in', path('a.attache'), '--out', path('none.docx'), '--tag', 'no-such-tag')).toBe(1);
    expect(err.at(-1)).toMatch(/^No briefing matches the selection$/);
    expect(existsSync(path('none.docx'))).toBe(false);
    noTempFiles();
  });

  it.each([
    ['an unknown option', ['--in', 'a.attache', '--out', 'x.pdf', '--colour', 'red'], /Unknown option '--colour'/, 2],
    ['no --in', ['--out', 'x.pdf'], /needs at least one --in/, 2],
    ['no --out', ['--in', 'a.attache'], /needs --out/, 2],
    ['a missing input', ['--in', 'missing.attache', '--out', 'x.pdf'], /Cannot read .*missing\.attache/, 2],
    ['a damaged input', ['--in', 'a.attache', '--in', 'broken.attache', '--out', 'x.pdf'], /broken\.attache: /, 1],
    ['an empty selection', ['--in', 'a.attache', '--out', 'x.pdf', '--tag', 'no-such-tag'], /^No briefing matches the selection$/, 1],
    ['everything above the ceiling', ['--in', 'b.attache', '--out', 'x.pdf', '--ceiling', 'unclassified'], /above the classification ceiling/, 1],
    ['an unknown level', ['--in', 'a.attache', '--out', 'x.pdf', '--ceiling', 'cosmic'], /Unknown classification level "cosmic"; the levels are UNCLASSIFIED, RESTRICTED/, 2],
    ['a bad paper size', ['--in', 'a.attache', '--out', 'x.pdf', '--paper', 'A5'], /--paper: Paper size must be A4 or Letter/, 2],
    ['an impossible date', ['--in', 'a.attache', '--out', 'x.pdf', '--from', '2015-02-30'], /--from: From is not a real date/, 2],
  ])('exits non-zero with one line for %s, leaving no PDF', async (_what, args, message, code) => {
    const argv = args.map((a) => (/\.(attache|pdf)$/.test(a) ? path(a) : a));
    expect(await cli(...argv)).toBe(code);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(existsSync(path('x.pdf'))).toBe(false);
    noTempFiles();
  });

  it('runs as `npm run cli -- pack` in a separate process, with exit codes', async () => {
    const ok = await spawnCli(['pack', '--in', path('a.attache'), '--out', path('proc.pdf')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Wrote .*proc\.pdf: \d+ pages, 1 briefing, 19 statements/);
    expect(run('qpdf', ['--check', path('proc.pdf')]).status).toBe(0);
    const bad = await spawnCli(['pack', '--in', path('a.attache'), '--out', path('proc2.pdf'), '--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(path('proc2.pdf'))).toBe(false);
  });
});
