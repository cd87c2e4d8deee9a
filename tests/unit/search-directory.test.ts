import { describe, expect, it } from 'vitest';
import { createRecord } from '../../src-renderer/src/core/records';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { OrganisationFields, PersonFields } from '../../src-renderer/src/core/model';
import { SearchEngine, mergeQuery, type IndexedRecord, type IndexedTable } from '../../src-renderer/src/core/search';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { briefingFields } from './fixtures';

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

describe('search reads a statement naming a merged-away person as the one kept', () => {
  const engine = new SearchEngine();
  const kept = person({ name: 'Rustam Nazarzoda' });
  const gone = person({ name: 'R. Nazarzoda', mergedInto: kept.id });
  const b = createRecord('briefings', id(), briefingFields({ title: 'Drugs briefing' }), clock());
  const late = createRecord('statements', id(), { briefingId: b.id, speakerId: gone.id, kind: 'statement', text: 'Border posts were reinforced.', tags: [], order: 'a0' }, clock());
  // As the worker does: what a change makes stale is read again.
  const stored = new Map<string, IndexedRecord>([[late.id, late]]);
  const put = (table: IndexedTable, rec: IndexedRecord) => {
    for (const st of engine.upsert(table, rec)) for (const x of st.ids) if (stored.has(x)) engine.upsert(st.table, stored.get(x)!);
  };
  // Arrival order as in an import: the statement before the redirect reached this installation.
  put('people', kept);
  put('briefings', b);
  put('people', { ...gone, mergedInto: null });
  put('statements', late);
  put('people', gone);
  const statements = (e: SearchEngine, text: string, filters = {}) => e.search(mergeQuery(text, filters)).groups.find((g) => g.type === 'statement')?.hits ?? [];

  it('shows and filters it under the kept name; the old name is no speaker to suggest', () => {
    expect(engine.describe('statement', late, []).title).toBe('Rustam Nazarzoda');
    expect(statements(engine, 'rustam border')).toHaveLength(1);
    expect(statements(engine, 'border', { speaker: 'Rustam Nazarzoda' })).toHaveLength(1);
    expect(engine.suggest('speaker', 'nazar')).toEqual(['Rustam Nazarzoda']);
  });

  it('keeps the redirect in a saved index', () => {
    const loaded = SearchEngine.fromChunks(engine.toChunks());
    expect(statements(loaded, 'border', { speaker: 'rustam' })).toHaveLength(1);
    expect(loaded.describe('statement', late, []).title).toBe('Rustam Nazarzoda');
  });
});
