/**
 * `attache export docx|ics|csv|md`: the Word, calendar, spreadsheet and Markdown writers through the same
 * dispatcher users run, each output read back by an independent reader (mammoth, ical.js, papaparse,
 * commonmark); the calendar's notes printed; a selection the format cannot take refused with nothing written.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'commonmark';
import ICAL from 'ical.js';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { cliRunner } from './cli-helpers';

let dir: string;
const { cli, out, err } = cliRunner(['export']);
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attache-export-formats-'));
  const header = {
    app: { name: 'Attaché', version: 'test' },
    installation: { id: '00000000-0000-7000-8000-0000000000c1', name: 'Desk A' },
    createdAt: '2015-04-10T08:00:00.000Z',
    scope: { kind: 'full' as const },
  };
  await writeFile(path('desk.attache'), await encodeSyncFile(exampleWorkspaceData(), header));
});

describe('attache export: Word, calendar, spreadsheet, Markdown', () => {
  it('docx: the briefing with its headings and speakers', async () => {
    expect(await cli('docx', path('desk.attache'), '--out', path('b.docx'), '--briefing', 'International Cooperation')).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toMatch(/^Wrote .*b\.docx: Word \(\.docx\), 1 briefing, [\d,]+ bytes\.$/);
    const html = (await mammoth.convertToHtml({ path: path('b.docx') })).value;
    expect(html).toContain('<h1>International Cooperation on Countering Modern Threats and Challenges</h1>');
    expect(html).toContain('<h3>Rustam Nazarzoda</h3>');
  });

  it('ics: the open follow-ups of the tracker, the month-precision event named in a note', async () => {
    expect(await cli('ics', path('desk.attache'), '--out', path('t.ics'), '--tracker', '--as-of', '2015-04-10')).toBe(0);
    expect(out.slice(1)).toEqual(['Not in the calendar: “Ninth MoU meeting (Central Asia, Russia, Azerbaijan, AKDN)” — its date is only May 2015.']);
    const cal = new ICAL.Component(ICAL.parse(await readFile(path('t.ics'), 'utf8')) as unknown[]);
    expect(cal.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).toEqual(['014c2507-a400-7000-8000-00000000001e']);
    // Open and in progress only (the tracker's default filter): the two done tasks are not there.
    expect(cal.getAllSubcomponents('vtodo')).toHaveLength(6);
  });

  it('csv: the statements of the briefing, and the tracker’s rows', async () => {
    expect(await cli('csv', path('desk.attache'), '--out', path('s.csv'))).toBe(0);
    const bytes = await readFile(path('s.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(19);
    expect(rows[0]!.Speaker).toBe('Rustam Nazarzoda');
    expect(await cli('csv', path('desk.attache'), '--out', path('t.csv'), '--tracker', '--as-of', '2015-04-10')).toBe(0);
    // Six open tasks and two open events: the tracker's default filter.
    expect(Papa.parse((await readFile(path('t.csv'), 'utf8')).slice(1), { header: true, skipEmptyLines: true }).data).toHaveLength(8);
  });

  it('md: the briefing as a note with front matter', async () => {
    expect(await cli('md', path('desk.attache'), '--out', path('b.md'))).toBe(0);
    const md = await readFile(path('b.md'), 'utf8');
    expect(md.startsWith('---\ntitle: "International Cooperation on Countering Modern Threats and Challenges"\n')).toBe(true);
    const root = new Parser().parse(md);
    expect(root.firstChild?.type).toBe('thematic_break');
  });

  it('refuses what a format cannot take, and writes nothing', async () => {
    expect(await cli('md', path('desk.attache'), '--out', path('no.md'), '--tracker')).toBe(1);
    expect(err.join('\n')).toMatch(/Markdown is made from briefings, not from the tracker/);
    expect(existsSync(path('no.md'))).toBe(false);
  });
});
