/**
 * The pack's people annex grouped by organisation path, and every reference read through merges: a
 * statement that still names a merged-away person prints under the kept one, who is listed once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_BRIEFING_ID } from '../../src-renderer/src/core/example';
import type { TableFields, WorkspaceData } from '../../src-renderer/src/core/model';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { peopleAnnex } from '../../src-renderer/src/core/pack/people-annex';
import { selectPack } from '../../src-renderer/src/core/pack/select';
import { renderPack } from '../../src-renderer/src/core/pack/render-node';
import { createRecord } from '../../src-renderer/src/core/records';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { CLOCK, packFixture, pagesText } from './pack-fixture';

const NAZARZODA = '014c2507-a400-7000-8000-000000000006';
const MITTAL = '014c2507-a400-7000-8000-000000000007';
const UNODC = '014c2507-a400-7000-8000-000000000002';
const HQ = '014c2507-a400-7000-8000-0000000000f1';
const DUP = '014c2507-a400-7000-8000-0000000000f2';

function data(): WorkspaceData {
  const d = packFixture();
  const add = <T extends keyof TableFields>(table: T, id: string, fields: TableFields[T]) => (d[table] as unknown[]).push(createRecord(table, id, fields, CLOCK));
  add('organisations', HQ, { ...V2_FIELDS.organisations(), name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC HQ', country: 'Austria' });
  const unodc = d.organisations.find((o) => o.id === UNODC)!;
  unodc.parentId = HQ;
  // A duplicate spelling merged into the kept person; a colleague's statement still names it.
  add('people', DUP, { ...V2_FIELDS.people(), name: 'R. Nazarzoda', title: '', organisationId: null, country: '', mergedInto: NAZARZODA });
  add('statements', '014c2507-a400-7000-8000-0000000000f3', { briefingId: EXAMPLE_BRIEFING_ID, speakerId: DUP, kind: 'statement', text: 'A note a colleague typed under the old spelling.', tags: [], order: 'zz' });
  d.people.find((p) => p.id === NAZARZODA)!.aliases = ['R. Nazarzoda', 'Рустам Назарзода'];
  return d;
}

describe('the people annex', () => {
  it('groups people by organisation path and lists each person once, merged-away ones as the kept', () => {
    const d = data();
    const content = selectPack(d, packOptions({ title: 'x' }));
    expect(content.people.map((p) => p.id)).not.toContain(DUP);
    const speakerIds = content.briefings.flatMap((b) => b.speakers.map((g) => g.speaker?.id));
    expect(new Set(speakerIds).size).toBe(speakerIds.length);
    const late = content.briefings.flatMap((b) => b.speakers).find((g) => g.statements.some((s) => s.speakerId === DUP))!;
    expect(late.speaker!.id).toBe(NAZARZODA);
    const annex = peopleAnnex(d, content.people, content.organisations);
    const mittal = annex.groups.find((g) => g.people.some((p) => p.id === MITTAL))!;
    expect(mittal.path).toBe('UNODC HQ › United Nations Office on Drugs and Crime — Programme Office in Tajikistan (UNODC)');
    expect(annex.groups[annex.groups.length - 1]!.path).toBe('');
  });

  it('never names a merged-away spelling whose kept person was deleted', () => {
    const d = data();
    d.people.find((p) => p.id === NAZARZODA)!.deleted = 1;
    const content = selectPack(d, packOptions({ title: 'x' }));
    const late = content.briefings.flatMap((b) => b.speakers).find((g) => g.statements.some((s) => s.speakerId === DUP))!;
    expect(late.speaker).toBeNull();
    expect(content.people.map((p) => p.id)).not.toContain(DUP);
  });

  let pages: string[];
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'attache-annex-')), 'pack.pdf');
    writeFileSync(file, await renderPack(data(), packOptions({ title: 'Annex test', includePeople: true })));
    pages = pagesText(file);
  });

  it('prints the paths and other spellings, and the old spelling only as one of them', () => {
    const text = pages.join(' ');
    const annex = text.slice(text.lastIndexOf('People and organisations'));
    expect(annex).toContain('UNODC HQ › United Nations Office on Drugs and Crime — Programme Office in Tajikistan (UNODC)');
    expect(annex).toContain('Also written R. Nazarzoda; Рустам Назарзода');
    expect(text.match(/R\. Nazarzoda/g)).toHaveLength(1);
  });
});
