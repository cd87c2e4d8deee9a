/**
 * The pack's attendance list under each briefing, read back from the PDF with poppler: our delegation,
 * then the others by organisation, then the groups, speakers included without being entered twice.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRecord } from '../../src-renderer/src/core/records';
import type { Briefing, WorkspaceData } from '../../src-renderer/src/core/model';
import { encodeSyncFile } from '../../src-renderer/src/core/sync/format';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { renderPack } from '../../src-renderer/src/core/pack/render-node';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { cliRunner } from './cli-helpers';
import { CLOCK, CYRILLIC_NAME, CYRILLIC_TITLE, GREEK_NAME, IDS, packFixture, pagesText } from './pack-fixture';

const AMBASSADOR = '014c2507-a400-7000-8000-0000000000f1';
const DELETED = '014c2507-a400-7000-8000-0000000000f2';
const SPELLING = '014c2507-a400-7000-8000-0000000000f3';

let text = '';
let data: WorkspaceData;
let dir = '';

beforeAll(async () => {
  data = packFixture();
  data.people.push(
    createRecord('people', AMBASSADOR, { ...V2_FIELDS.people(), name: 'Anna Lindqvist', title: 'Ambassador', organisationId: null, country: '' }, CLOCK),
    { ...createRecord('people', DELETED, { ...V2_FIELDS.people(), name: 'Deleted Person', title: '', organisationId: null, country: '' }, CLOCK), deleted: 1 },
    // Another spelling of the Cyrillic speaker, merged into him: listed as an attendee, it is still him, once.
    createRecord('people', SPELLING, { ...V2_FIELDS.people(), name: 'Farhod Nazarzoda', title: '', organisationId: null, country: '', mergedInto: IDS.cyrillicPerson }, CLOCK),
  );
  const water = data.briefings.find((b) => b.id === IDS.water)! as Briefing;
  water.attendees = [
    { personId: AMBASSADOR, delegation: true },
    { personId: DELETED, delegation: false },
    { personId: SPELLING, delegation: false },
  ];
  water.attendeeGroups = ['Heads of mission of 30 states', 'Представители доноров'];
  dir = mkdtempSync(join(tmpdir(), 'attache-attendance-'));
  const pdf = join(dir, 'pack.pdf');
  writeFileSync(pdf, await renderPack(data, packOptions({ title: 'Attendance', ceiling: 'confidential', creationDate: '2015-04-10T08:30:00Z' })));
  text = pagesText(pdf).join(' ');
});

describe('attendance list in the pack', () => {
  it('prints our delegation, then the others by organisation (speakers included), then the groups, in that order', () => {
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThan(-1);
      return i;
    };
    const delegation = at('Our delegation: Anna Lindqvist, Ambassador');
    // The example briefing (first in the pack) has an attendance list of its own: this one's is the last heading before.
    const heading = text.lastIndexOf('ATTENDANCE', delegation);
    expect(delegation - heading).toBeLessThan(30);
    const ministry = at(`Министерство энергетики и водных ресурсов (МЭВР): ${CYRILLIC_NAME}, ${CYRILLIC_TITLE} (speaker)`);
    const none = at(`Others: ${GREEK_NAME}`);
    const groups = at('Also present: Heads of mission of 30 states; Представители доноров');
    expect(delegation).toBeLessThan(ministry);
    expect(ministry).toBeLessThan(none);
    expect(none).toBeLessThan(groups);
    // After the briefing's summary, before its statements.
    expect(text.lastIndexOf('SUMMARY', heading)).toBeGreaterThan(text.lastIndexOf('STATEMENTS', heading));
    expect(text.indexOf('STATEMENTS', heading)).toBeGreaterThan(groups);
  });

  it('names each person once (a merged-away spelling is the person kept) and never a deleted one', () => {
    expect(text.split(`${CYRILLIC_NAME}, ${CYRILLIC_TITLE} (speaker)`)).toHaveLength(2);
    expect(text).not.toContain('Farhod Nazarzoda');
    expect(text).not.toContain('Deleted Person');
  });
});

describe('attendance list from the command line', () => {
  afterEach(() => vi.restoreAllMocks());

  it('attache pack prints the same list (one pack builder for the app and the CLI)', async () => {
    const header = {
      app: { name: 'Attaché', version: 'test' },
      installation: { id: '00000000-0000-7000-8000-0000000000c1', name: 'Desk' },
      createdAt: '2015-04-10T08:00:00.000Z',
      scope: { kind: 'full' as const },
    };
    writeFileSync(join(dir, 'desk.attache'), await encodeSyncFile(data, header));
    const { cli, err } = cliRunner(['pack']);
    const code = await cli('--in', join(dir, 'desk.attache'), '--out', join(dir, 'cli.pdf'), '--title', 'Attendance', '--ceiling', 'CONFIDENTIAL');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const cliText = pagesText(join(dir, 'cli.pdf')).join(' ');
    expect(cliText).toContain('Our delegation: Anna Lindqvist, Ambassador');
    expect(cliText).toContain('Also present: Heads of mission of 30 states; Представители доноров');
  });
});
