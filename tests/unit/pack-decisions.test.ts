/**
 * Decisions in the pack (core/document/pack.ts, from each briefing's document): a "Decisions" block under each briefing that has any, and
 * an annex of every decision across the pack with its briefing, date and who announced it — read back
 * from the PDF with poppler, as a reader would copy it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { packDocument } from '../../src-renderer/src/core/document/pack';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { renderPackDetailed } from '../../src-renderer/src/core/pack/render-node';
import { encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { cliRunner } from './cli-helpers';
import { CLOCK, CYRILLIC_NAME, IDS, WATER_TITLE, packFixture, pagesText } from './pack-fixture';

const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';
const AGREED = 'The parties agreed to hold the ninth MoU meeting in Ashgabat in May 2015.';
const ADOPTED = 'The meeting adopted the juvenile justice strategic plan 2015–2020.';
const WATER = 'The ministry decided to share hydrological data with its neighbours every quarter.';

const options = packOptions({ title: 'Decisions check', ceiling: 'confidential', creationDate: '2015-04-10T08:30:00Z' });
let data: WorkspaceData;
let pages: string[];

function withDecisions(): WorkspaceData {
  const d = packFixture();
  const example = d.briefings.find((b) => b.title === EXAMPLE_TITLE)!;
  const speaker = d.statements.find((s) => s.briefingId === example.id && s.speakerId)!.speakerId;
  const add = (id: string, briefingId: string, speakerId: string | null, text: string, order: string) =>
    d.statements.push(createRecord('statements', id, { briefingId, speakerId, kind: 'decision', text, tags: [], order }, CLOCK));
  // Recorded last in the example (order after every other), the second one without a speaker.
  add('014c2507-a400-7000-8000-0000000000f1', example.id, speaker, AGREED, 'zz1');
  add('014c2507-a400-7000-8000-0000000000f2', example.id, null, ADOPTED, 'zz2');
  add('014c2507-a400-7000-8000-0000000000f3', IDS.water, IDS.cyrillicPerson, WATER, 'b0');
  return d;
}

beforeAll(async () => {
  data = withDecisions();
  const pack = await renderPackDetailed(data, options);
  const dir = mkdtempSync(join(tmpdir(), 'attache-decisions-'));
  const pdf = join(dir, 'pack.pdf');
  writeFileSync(pdf, pack.bytes);
  pages = pagesText(pdf);
});

describe('decisions of a pack', () => {
  it('are gathered per briefing in recorded order, and across the pack oldest briefing first', () => {
    const doc = packDocument(data, options);
    const [example, water] = doc.briefings;
    expect(example!.doc.decisions.map((d) => d.text)).toEqual([AGREED, ADOPTED]);
    expect(doc.decisions!.map((d) => d.text)).toEqual([AGREED, ADOPTED, WATER]);
    expect(doc.decisions!.find((d) => d.text === WATER)!.decidedBy).toBe(`${CYRILLIC_NAME}, Министерство энергетики и водных ресурсов (МЭВР)`);
    expect(water!.doc.decisions.map((d) => d.text)).toEqual([WATER]);
    expect(doc.decisions!.find((d) => d.text === ADOPTED)!.decidedBy).toBe('');
  });

  it('are none when the pack leaves statements out', () => {
    const lean = packDocument(data, { ...options, includeStatements: false });
    expect(lean.decisions).toBeNull();
    expect(lean.briefings.flatMap((b) => b.doc.decisions)).toEqual([]);
  });

  it('print a Decisions block under each briefing that has any', () => {
    const text = pages.join(' ');
    const exampleStart = text.indexOf(`BRIEFING 1 OF 2`);
    const waterStart = text.indexOf(`BRIEFING 2 OF 2`);
    const exampleBlock = text.slice(exampleStart, waterStart);
    expect(exampleBlock).toMatch(new RegExp(`DECISIONS 1\\. ${AGREED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — \\S`));
    expect(exampleBlock).toContain(`2. ${ADOPTED}`);
    // The block comes after the statements and before the follow-ups (listed in the tracker).
    expect(exampleBlock.lastIndexOf('DECISIONS')).toBeGreaterThan(exampleBlock.indexOf('STATEMENTS'));
    expect(exampleBlock.lastIndexOf('DECISIONS')).toBeLessThan(exampleBlock.indexOf('FOLLOW-UPS AND ANNOUNCED EVENTS'));
    const waterBlock = text.slice(waterStart, text.indexOf('ANNEX A'));
    expect(waterBlock).toContain(`DECISIONS 1. ${WATER} — ${CYRILLIC_NAME}`);
  });

  it('print an annex of every decision with its date, briefing and who announced it, listed in the contents', () => {
    const toc = pages[1]!;
    expect(toc).toMatch(/Annex B Decisions \d+/);
    const annexPage = pages.findIndex((p) => p.includes('ANNEX B Decisions'));
    expect(annexPage).toBeGreaterThan(0);
    const annex = pages.slice(annexPage).join(' ');
    expect(annex).toContain('3 decisions recorded in the briefings of this pack, oldest first.');
    expect(annex).toContain('DATE DECISION');
    const first = annex.indexOf(AGREED);
    const second = annex.indexOf(ADOPTED);
    const third = annex.indexOf(WATER);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);
    expect(annex).toMatch(/17 Mar 2015 The parties agreed/);
    expect(annex.slice(first, second)).toContain(`${EXAMPLE_TITLE} ·`);
    // Without a speaker, the briefing alone.
    expect(annex.slice(second, third)).toMatch(new RegExp(`${EXAMPLE_TITLE} (2 Apr|$)`));
    expect(annex.slice(third)).toContain(`${WATER_TITLE} · ${CYRILLIC_NAME}`);
    // The people annex moves one letter on.
    expect(toc).toMatch(/Annex C People and organisations \d+/);
  });

  it('are printed the same by `attache pack` from a sync file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-decisions-cli-'));
    const header = {
      app: { name: 'Attaché', version: 'test' },
      installation: { id: '00000000-0000-7000-8000-0000000000d1', name: 'Desk' },
      createdAt: '2015-04-10T08:00:00.000Z',
      scope: { kind: 'full' as const },
    };
    await writeFile(join(dir, 'desk.attache'), await encodeSyncFile(data, header));
    const { cli, err } = cliRunner(['pack']);
    const code = await cli('--in', join(dir, 'desk.attache'), '--out', join(dir, 'cli.pdf'), '--title', 'Decisions check', '--ceiling', 'CONFIDENTIAL', '--creation-date', '2015-04-10T08:30:00Z');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const text = pagesText(join(dir, 'cli.pdf')).join(' ');
    expect(text).toContain(`DECISIONS 1. ${WATER} — ${CYRILLIC_NAME}`);
    expect(text).toContain('3 decisions recorded in the briefings of this pack, oldest first.');
  });
});
