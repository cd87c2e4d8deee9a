import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { createRecord } from '../../src-renderer/src/core/records';
import { SearchEngine, SearchIndexDamagedError, mergeQuery } from '../../src-renderer/src/core/search';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';
import { briefingFields } from './fixtures';

let tick = 0;
const clock = () => formatHlc(1_700_000_000_000, tick++, 'test');
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function fixture() {
  const engine = new SearchEngine();
  const lindqvist = createRecord('people', id(1), { ...V2_FIELDS.people(), name: 'Anna Lindqvist', title: 'Ambassador', organisationId: null, country: '' }, clock());
  const karimova = createRecord('people', id(2), { ...V2_FIELDS.people(), name: 'Зарина Каримова', title: '', organisationId: null, country: '' }, clock());
  const briefing = createRecord(
    'briefings',
    id(10),
    briefingFields({
      title: 'Water consultations',
      attendees: [
        { personId: lindqvist.id, delegation: true },
        { personId: karimova.id, delegation: false },
      ],
      attendeeGroups: ['Heads of mission of 30 states'],
    }),
    clock(),
  );
  engine.upsert('people', lindqvist);
  engine.upsert('people', karimova);
  engine.upsert('briefings', briefing);
  return { engine, lindqvist, karimova, briefing };
}

const briefingHits = (engine: SearchEngine, text: string) =>
  engine
    .search(mergeQuery(text, {}))
    .groups.filter((g) => g.type === 'briefing')
    .flatMap((g) => g.hits.map((h) => h.id));

describe('search by those present', () => {
  it('finds a briefing by the name of an attendee (any script) or a group present', () => {
    const f = fixture();
    expect(briefingHits(f.engine, 'Lindqvist')).toEqual([f.briefing.id]);
    expect(briefingHits(f.engine, 'каримова')).toEqual([f.briefing.id]);
    expect(briefingHits(f.engine, 'heads of mission')).toEqual([f.briefing.id]);
  });

  it('re-reads the briefings that list a person when the person is renamed, and survives a save and load', () => {
    const f = fixture();
    const stale = f.engine.upsert('people', { ...f.lindqvist, name: 'Anna Berg' });
    expect(stale).toContainEqual({ table: 'briefings', ids: [f.briefing.id] });
    f.engine.upsert('briefings', f.briefing);
    expect(briefingHits(f.engine, 'Berg')).toEqual([f.briefing.id]);
    // The attendee ids are part of the saved facts: a loaded index still knows whom to re-read.
    const loaded = SearchEngine.fromChunks(f.engine.toChunks());
    expect(loaded.upsert('people', { ...f.karimova, name: 'Зарина Рахимова' })).toContainEqual({ table: 'briefings', ids: [f.briefing.id] });
  });

  it('saves those present by their place among the people, by id those the index has no person for, and refuses a place past them', () => {
    const f = fixture();
    const later = createRecord('briefings', id(11), briefingFields({ title: 'Border talks', attendees: [{ personId: id(99), delegation: false }, { personId: f.karimova.id, delegation: true }] }), clock());
    f.engine.upsert('briefings', later);
    const chunks = f.engine.toChunks();
    const at = chunks.findIndex((c) => typeof c === 'string' && c.startsWith('{"k":"facts","t":"briefings"'));
    const saved = JSON.parse(chunks[at] as string) as { d: unknown[][] };
    const rows = saved.d;
    // Karimova by her place among the people saved before; the person the index does not hold by id.
    expect(rows.find((r) => r[0] === later.id)![5]).toEqual([id(99), 1]);
    // Both loaded as ids: the person added later re-reads the briefing that lists her, as in the index saved.
    const loaded = SearchEngine.fromChunks(chunks);
    const arrives = createRecord('people', id(99), { ...V2_FIELDS.people(), name: 'Nodira Saidova', title: '', organisationId: null, country: '' }, clock());
    expect(loaded.upsert('people', arrives)).toEqual(f.engine.upsert('people', arrives));
    expect(loaded.upsert('people', { ...f.karimova, name: 'Zarina Rahimova' })).toContainEqual({ table: 'briefings', ids: [f.briefing.id, later.id] });
    // A place past the people saved: a damaged index, refused as it loads.
    const damaged = [...chunks];
    damaged[at] = JSON.stringify({ ...saved, d: rows.map((r) => (r[0] === later.id ? r.with(5, [7]) : r)) });
    expect(() => SearchEngine.fromChunks(damaged)).toThrow(SearchIndexDamagedError);
  });
});
