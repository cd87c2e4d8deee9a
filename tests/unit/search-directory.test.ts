import { describe, expect, it } from 'vitest';
import { createRecord } from '../../src-renderer/src/core/records';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { OrganisationFields, PersonFields } from '../../src-renderer/src/core/model';
import { SearchEngine, mergeQuery } from '../../src-renderer/src/core/search';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

let tick = 0;
const clock = () => formatHlc(1_700_000_000_000, tick++, 'test');
let seq = 0;
const id = () => `01900000-0000-7000-8000-${String(++seq).padStart(12, '0')}`;
const org = (f: Partial<OrganisationFields> & { name: string }) => createRecord('organisations', id(), { ...V2_FIELDS.organisations(), acronym: '', country: '', ...f }, clock());
const person = (f: Partial<PersonFields> & { name: string }) => createRecord('people', id(), { ...V2_FIELDS.people(), title: '', organisationId: null, country: '', ...f }, clock());

describe('search over the directory', () => {
  const engine = new SearchEngine();
  const unodc = org({ name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC' });
  const roca = org({ name: 'Regional Office for Central Asia', acronym: 'ROCA', parentId: unodc.id });
  const kept = person({ name: 'Rustam Nazarzoda', aliases: ['Рустам Назарзода', 'R. Nazarzoda'] });
  const gone = person({ name: 'R. Nazarzoda', mergedInto: kept.id });
  const oldOrg = org({ name: 'UNODC Regional Office', mergedInto: roca.id });
  engine.upsert('organisations', unodc);
  engine.upsert('organisations', roca);
  engine.upsert('organisations', oldOrg);
  engine.upsert('people', kept);
  engine.upsert('people', gone);
  const ids = (text: string, type: string) => engine.search(mergeQuery(text, {})).groups.find((g) => g.type === type)?.hits.map((h) => h.id) ?? [];

  it('finds an organisation by its parent acronym, after the parent itself', () => {
    expect(ids('unodc', 'organisation')).toEqual([unodc.id, roca.id]);
  });

  it('finds a person by another spelling, Cyrillic as typed, and a merged-away one only as the one kept', () => {
    expect(ids('Назарзода', 'person')).toEqual([kept.id]);
    expect(ids('r. nazarzoda', 'person')).toEqual([kept.id]);
    expect(ids('regional office', 'organisation')).toEqual([roca.id]);
  });
});
