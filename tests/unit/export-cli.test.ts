/**
 * `attache export`: a sync file in, a cable (text or PDF) out, through the same dispatcher users run; one-line
 * reasons and the right exit codes for bad usage, a bad file, an unknown or ambiguous briefing and an empty
 * file; nothing written (and an existing file left as it was) whenever it fails.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_BRIEFING_ID, exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { emptyWorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { briefingFields } from './fixtures';
import { cliRunner, spawnCli } from './cli-helpers';
import { pagesText } from './pack-fixture';

let dir: string;
const { cli, out, err } = cliRunner(['export']);
const path = (name: string) => join(dir, name);
const CLOCK = formatHlc(Date.UTC(2015, 3, 1), 0, 'test');

const header = {
  app: { name: 'Attaché', version: 'test' },
  installation: { id: '00000000-0000-7000-8000-0000000000c1', name: 'Desk A' },
  createdAt: '2015-04-10T08:00:00.000Z',
  scope: { kind: 'full' as const },
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attache-export-cli-'));
  const data = exampleWorkspaceData();
  // A second briefing whose title shares words with the example's, and a Cyrillic one.
  data.briefings.push(createRecord('briefings', '014c2507-a400-7000-8000-0000000000b1', briefingFields({ title: 'Countering Modern Threats: donor follow-up', startsAt: '2015-04-02T15:00' }), CLOCK));
  data.briefings.push(createRecord('briefings', '014c2507-a400-7000-8000-0000000000b2', briefingFields({ title: 'Совещание доноров по реформе тюрем', startsAt: '2015-04-08T09:30', summary: 'Итоги: **три** проекта.' }), CLOCK));
  data.settings.push(
    createRecord(
      'settings',
      '00000000-0000-7000-8000-000000000001',
      {
        classificationLevels: [
          { id: 'unclassified', label: 'UNCLASSIFIED' },
          { id: 'restricted', label: 'RESTRICTED', short: 'R' },
        ],
        defaultClassification: 'unclassified',
        missionName: 'Embassy of Ruritania, Dushanbe',
        cableFrom: '',
        cableTo: ['Ministry of Foreign Affairs, Central Asia Department'],
        cableInfo: [],
        distribution: [],
        cablePrecedence: 'PRIORITY',
        cableWidth: 60,
        portionMarks: true,
      },
      CLOCK,
    ),
  );
  await writeFile(path('desk.attache'), await encodeSyncFile(data, header));
  await writeFile(path('empty.attache'), await encodeSyncFile(emptyWorkspaceData(), header));
  await writeFile(path('pass.txt'), 'correct horse battery staple\n');
  await writeFile(path('desk-encrypted.attache'), await encodeSyncFile(data, header, { passphrase: 'correct horse battery staple', iterations: 100_000 }));
  await writeFile(path('broken.attache'), 'not a sync file\n');
});

const noTempFiles = () => expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

describe('attache export cable', () => {
  it('writes one briefing’s cable with the file’s letterhead, precedence, width and portion marks', async () => {
    const code = await cli('cable', path('desk.attache'), '--out', path('one.txt'), '--briefing', 'International Cooperation', '--as-of', '2015-03-18', '--ref', 'DUSHANBE 0117');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toBe(`Wrote ${path('one.txt')}: Cable (plain text), 1 briefing, ${(await readFile(path('one.txt'))).length.toLocaleString('en-GB')} bytes.`);
    const text = await readFile(path('one.txt'), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe('UNCLASSIFIED');
    expect(lines).toContain('PRECEDENCE: PRIORITY');
    expect(lines).toContain('DATE:       18 March 2015');
    expect(lines).toContain('FROM:       Embassy of Ruritania, Dushanbe');
    expect(lines).toContain('REF:        A. DUSHANBE 0117');
    for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(60);
    expect(text).toMatch(/^1\. {2}\(U\) The Ministry of Foreign Affairs/m);
    expect(text.replace(/\s+/g, ' ')).toContain('(U) FIGURE: Over 12 tons of drugs were seized');
    noTempFiles();
  });

  it('takes an id, and flags that override the settings', async () => {
    const code = await cli('cable', path('desk.attache'), '--out', path('id.txt'), '--briefing', EXAMPLE_BRIEFING_ID, '--precedence', 'flash', '--no-portion-marks', '--width', '69');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const text = await readFile(path('id.txt'), 'utf8');
    expect(text).toContain('PRECEDENCE: FLASH');
    expect(text).not.toContain('(U)');
    expect(text).toContain('SUBJECT:    International Cooperation on Countering Modern Threats');
  });

  it('puts every briefing in one cable, oldest first, when none is named (Cyrillic included)', async () => {
    expect(await cli('cable', path('desk-encrypted.attache'), '--out', path('all.txt'), '--passphrase-file', path('pass.txt'))).toBe(0);
    const text = await readFile(path('all.txt'), 'utf8');
    const at = (s: string) => text.indexOf(s);
    expect(out[0]).toContain('3 briefings');
    expect(at('Countering Modern Threats: donor follow-up')).toBeGreaterThan(at('International Cooperation on Countering Modern'));
    expect(at('Совещание доноров по реформе тюрем')).toBeGreaterThan(at('Countering Modern Threats: donor follow-up'));
    expect(text).toContain('Итоги: три проекта.');
  });

  it('writes the cable as PDF when --out ends in .pdf', async () => {
    expect(await cli('cable', path('desk.attache'), '--out', path('cable.pdf'), '--briefing', 'Совещание доноров')).toBe(0);
    expect(out[0]).toContain('Cable (PDF), 1 briefing');
    const pages = pagesText(path('cable.pdf'));
    expect(pages.join(' ')).toContain('Совещание доноров по реформе тюрем');
    expect(pages.join(' ')).toContain('Итоги: три проекта.');
  });

  it('refuses an unknown or ambiguous briefing and an empty file with a clear line, exit 1, nothing written', async () => {
    expect(await cli('cable', path('desk.attache'), '--out', path('x.txt'), '--briefing', 'no such meeting')).toBe(1);
    expect(err).toEqual(['No briefing in the file matches "no such meeting".']);
    expect(await cli('cable', path('desk.attache'), '--out', path('x.txt'), '--briefing', 'countering modern')).toBe(1);
    expect(err[0]).toMatch(/^2 briefings match "countering modern"; name one by its id: 014c2507-a400-7000-8000-000000000009 \(International Cooperation/);
    expect(await cli('cable', path('empty.attache'), '--out', path('x.txt'))).toBe(1);
    expect(err).toEqual(['The file holds no briefing: there is nothing to export.']);
    expect(await cli('cable', path('broken.attache'), '--out', path('x.txt'))).toBe(1);
    expect(err[0]).toMatch(/broken\.attache/);
    expect(existsSync(path('x.txt'))).toBe(false);
    noTempFiles();
  });

  it('leaves an existing output as it was when the export fails', async () => {
    await writeFile(path('keep.txt'), 'earlier cable\n');
    expect(await cli('cable', path('desk.attache'), '--out', path('keep.txt'), '--width', '20')).toBe(1);
    expect(err[0]).toMatch(/line width is a whole number from 40 to 132/);
    expect(await readFile(path('keep.txt'), 'utf8')).toBe('earlier cable\n');
  });

  it('answers bad usage with exit 2 and one line', async () => {
    const cases: [string[], RegExp][] = [
      [[], /export needs a format/],
      [['cable'], /needs a sync file/],
      [['cable', path('desk.attache')], /needs --out/],
      [['telex', path('desk.attache'), '--out', path('x.txt')], /Unknown format "telex"; the formats are cable, cable-pdf/],
      [['cable', path('desk.attache'), '--out', path('x.txt'), '--precedence', 'URGENT'], /--precedence: one of ROUTINE, PRIORITY, IMMEDIATE, FLASH/],
      [['cable', path('desk.attache'), '--out', path('x.txt'), '--as-of', '2015-02-30'], /--as-of: a date written YYYY-MM-DD/],
      [['cable', path('desk.attache'), '--out', path('x.txt'), '--width', 'wide'], /--width: a whole number/],
      [['cable', path('desk.attache'), '--out', path('x.txt'), '--tracker', '--briefing', 'x'], /not both/],
      [['cable', path('nowhere.attache'), '--out', path('x.txt')], /Cannot read/],
      [['cable', path('desk.attache'), '--out', path('x.txt'), '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      expect(await cli(...argv)).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(message);
    }
    expect(await cli('cable', path('desk.attache'), '--out', path('x.txt'), '--tracker')).toBe(1);
    expect(err[0]).toMatch(/made from briefings, not from the tracker/);
    expect(existsSync(path('x.txt'))).toBe(false);
  });

  it('runs as a real process with the exit codes a script sees', async () => {
    const ok = await spawnCli(['export', 'cable', path('desk.attache'), '--out', path('proc.txt'), '--briefing', 'International']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Wrote .*proc\.txt: Cable \(plain text\), 1 briefing/);
    const bad = await spawnCli(['export', 'cable', path('desk.attache'), '--out', path('proc2.txt'), '--briefing', 'nothing like it']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('No briefing in the file matches "nothing like it".');
    const help = await spawnCli(['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: attache export <format> <sync-file> --out <file>');
  });
});
