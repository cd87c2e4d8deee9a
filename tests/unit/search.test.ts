import { describe, expect, it } from 'vitest';
import { createRecord } from '../../src-renderer/src/core/records';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { ActionFields, BriefingFields, OrganisationFields, PersonFields, StatementFields } from '../../src-renderer/src/core/model';
import {
  SearchEngine,
  highlight,
  mergeQuery,
  parseQuery,
  queryTerms,
  snippet,
  tokenize,
  type IndexedTable,
  type ResultType,
} from '../../src-renderer/src/core/search';
import { briefingFields } from './fixtures';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

let tick = 0;
const clock = () => formatHlc(1_700_000_000_000, tick++, 'test');
let seq = 0;
const id = (prefix: string) => `0190${prefix.padEnd(4, '0')}-0000-7000-8000-${String(++seq).padStart(12, '0')}`;

function briefing(fields: Partial<BriefingFields> = {}) {
  return createRecord('briefings', id('b'), briefingFields({ title: 'Briefing', tags: [], ...fields }), clock());
}
const org = (f: OrganisationFields) => createRecord('organisations', id('o'), f, clock());
const person = (f: Partial<PersonFields> & { name: string }) =>
  createRecord('people', id('p'), { ...V2_FIELDS.people(), title: '', organisationId: null, country: '', ...f }, clock());
const statement = (f: Partial<StatementFields> & { briefingId: string; text: string }) =>
  createRecord('statements', id('s'), { speakerId: null, kind: 'statement', tags: [], order: 'a0', ...f }, clock());
const action = (f: Partial<ActionFields> & { title: string }) =>
  createRecord('actions', id('a'), { ...V2_FIELDS.actions(),
    kind: 'task', briefingId: null, statementId: null, owner: '', due: '', place: '', status: 'open', priority: 'normal', notes: '', tags: [], ...f,
  }, clock());

function fixture() {
  const engine = new SearchEngine();
  const unodc = org({ ...V2_FIELDS.organisations(), name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', country: '' });
  const dca = org({ ...V2_FIELDS.organisations(), name: 'Drug Control Agency', acronym: 'DCA', country: 'Tajikistan' });
  const nazarzoda = person({ name: 'Rustam Nazarzoda', title: 'Director', organisationId: dca.id, country: 'Tajikistan' });
  const nodiri = person({ name: 'Jamshed Nodíri', title: 'Programme officer', organisationId: unodc.id });
  const cyr = person({ name: 'Рустам Назарзода', title: 'Директор', organisationId: dca.id });
  const dushanbe = briefing({ title: 'Drug control cooperation', tags: ['Drugs', 'UNODC'], organiserIds: [unodc.id], summary: 'Heroin seizures on the **Northern Route**.' });
  const later = briefing({ title: 'Water and energy', startsAt: '2016-05-02T09:00', location: 'Khujand', tags: ['energy'] });
  const s1 = statement({ briefingId: dushanbe.id, speakerId: nazarzoda.id, text: 'Over 12 tons of drugs were seized in 2014.', kind: 'figure' });
  const s2 = statement({ briefingId: dushanbe.id, speakerId: nodiri.id, text: 'We propose research on heroin purity along the Northern Route.', tags: ['research'] });
  const s3 = statement({ briefingId: later.id, speakerId: cyr.id, text: 'Строительство Рогунской ГЭС продолжается.' });
  const s4 = statement({ briefingId: later.id, speakerId: nodiri.id, text: 'Hydropower <script>alert(1)</script> is a priority.' });
  const a1 = action({ title: 'Attend the High Level Conference', kind: 'event', briefingId: dushanbe.id, statementId: s2.id, place: 'Dushanbe', due: '2015-05-27', owner: 'Political section' });
  const a2 = action({ title: 'Send the juvenile justice plan', owner: 'Consular', notes: 'Ask the Ministry of Justice' });
  const all: [IndexedTable, { id: string }][] = [
    ['organisations', unodc], ['organisations', dca], ['people', nazarzoda], ['people', nodiri], ['people', cyr],
    ['briefings', dushanbe], ['briefings', later], ['statements', s1], ['statements', s2], ['statements', s3], ['statements', s4],
    ['actions', a1], ['actions', a2],
  ];
  for (const [t, r] of all) engine.upsert(t, r as never);
  return { engine, unodc, dca, nazarzoda, nodiri, cyr, dushanbe, later, s1, s2, s3, s4, a1, a2 };
}

function ids(engine: SearchEngine, text: string, type?: ResultType, filters = {}) {
  const r = engine.search(mergeQuery(text, filters));
  return r.groups.filter((g) => !type || g.type === type).flatMap((g) => g.hits.map((h) => h.id));
}

describe('tokenising', () => {
  it('splits words of any script and drops stopwords from queries', () => {
    expect(tokenize('Over 12 tons, in 2014 — Назарзода!')).toEqual(['over', '12', 'tons', 'in', '2014', 'назарзода']);
    expect(queryTerms('the heroin of the route')).toEqual(['heroin', 'route']);
    expect(queryTerms('the')).toEqual(['the']);
  });
});

describe('query parsing', () => {
  it('separates free words from filters, with quotes', () => {
    const q = parseQuery('heroin tag:drugs speaker:"Rustam Naz" org:UNODC from:2015 to:2015-03 type:statement,action');
    expect(q.text).toBe('heroin');
    expect(q.filters).toEqual({ tag: 'drugs', speaker: 'Rustam Naz', organisation: 'UNODC', from: '2015-01-01', to: '2015-03-31', types: ['statement', 'action'] });
    expect(q.problems).toEqual([]);
  });
  it('reports bad dates and unknown types, and keeps unknown keys as words', () => {
    const q = parseQuery('at 10:30 from:2015-02-30 type:cats');
    expect(q.text).toBe('at 10:30');
    expect(q.problems).toHaveLength(2);
  });
  it('lets the filter controls override typed filters and flags an empty date range', () => {
    const q = mergeQuery('tag:a', { tag: 'b', from: '2016-01-01', to: '2015-01-01' });
    expect(q.filters.tag).toBe('b');
    expect(q.problems[0]).toMatch(/after/);
  });
});

describe('search engine', () => {
  it('finds by word prefix, folding case and diacritics', () => {
    const f = fixture();
    expect(ids(f.engine, 'nazar', 'person')).toEqual([f.nazarzoda.id]);
    expect(ids(f.engine, 'NODIRI', 'person')).toEqual([f.nodiri.id]);
    expect(ids(f.engine, 'nodíri', 'person')).toEqual([f.nodiri.id]);
    expect(ids(f.engine, 'назар', 'person')).toEqual([f.cyr.id]);
    expect(ids(f.engine, 'рогун', 'statement')).toEqual([f.s3.id]);
  });
  it('finds statements by the speaker name and people by their organisation acronym', () => {
    const f = fixture();
    expect(ids(f.engine, 'nazar', 'statement')).toEqual([f.s1.id]);
    expect(ids(f.engine, 'unodc', 'person')).toEqual([f.nodiri.id]);
    expect(ids(f.engine, 'dca', 'organisation')).toEqual([f.dca.id]);
  });
  it('requires every word (AND) and ranks a title match above a body match', () => {
    const f = fixture();
    expect(ids(f.engine, 'heroin purity', 'statement')).toEqual([f.s2.id]);
    expect(ids(f.engine, 'heroin zebra')).toEqual([]);
    const dushanbe = f.engine.search(mergeQuery('dushanbe', {}));
    expect(dushanbe.groups.map((g) => g.type)).toEqual(['briefing', 'action']);
    const drug = f.engine.search(mergeQuery('drug', {})).groups.find((g) => g.type === 'organisation')!;
    expect(drug.hits[0]!.id).toBe(f.dca.id); // "Drug Control Agency" (title) before "…on Drugs and Crime"
  });
  it('filters by tag (own or the briefing\'s), speaker, organisation, date range and type', () => {
    const f = fixture();
    expect(ids(f.engine, '', 'statement', { tag: 'drugs' }).sort()).toEqual([f.s1.id, f.s2.id].sort());
    expect(ids(f.engine, '', 'statement', { tag: 'RESEARCH' })).toEqual([f.s2.id]);
    // As in the tracker, packs and exports: case, accents and spacing do not matter.
    const route = briefing({ title: 'Northern Route meeting', tags: ['Northern Route'] });
    f.engine.upsert('briefings', route);
    expect(ids(f.engine, '', 'briefing', { tag: '  nórthern   route ' })).toEqual([route.id]);
    expect(ids(f.engine, '', 'statement', { speaker: 'nodiri' }).sort()).toEqual([f.s2.id, f.s4.id].sort());
    expect(ids(f.engine, '', 'action', { speaker: 'nodiri' })).toEqual([f.a1.id]);
    expect(ids(f.engine, '', 'briefing', { speaker: 'nazar' })).toEqual([f.dushanbe.id]);
    expect(ids(f.engine, '', 'person', { organisation: 'DCA' }).sort()).toEqual([f.nazarzoda.id, f.cyr.id].sort());
    expect(ids(f.engine, '', 'briefing', { organisation: 'unodc' }).sort()).toEqual([f.dushanbe.id, f.later.id].sort());
    expect(ids(f.engine, '', undefined, { from: '2016-01-01' }).sort()).toEqual([f.later.id, f.s3.id, f.s4.id].sort());
    expect(ids(f.engine, 'heroin', undefined, { to: '2015-12-31', types: ['statement'] })).toEqual([f.s2.id]);
    const none = f.engine.search(mergeQuery('', { speaker: 'zzz' }));
    expect(none.groups).toEqual([]);
    expect(none.notes[0]).toMatch(/zzz/);
  });
  it('never returns deleted records, nor statements of a deleted briefing', () => {
    const f = fixture();
    f.engine.upsert('people', { ...f.nazarzoda, deleted: 1 });
    expect(ids(f.engine, 'nazarzoda', 'person')).toEqual([]);
    // The feed re-reads what the engine reports stale; here the records are at hand.
    const byId = new Map<string, { id: string }>([f.s3, f.s4].map((r) => [r.id, r]));
    const reread = (stale: { table: IndexedTable; ids: string[] }[]) => {
      for (const s of stale) for (const id of s.ids) f.engine.upsert(s.table, byId.get(id) as never);
    };
    const stale = f.engine.upsert('briefings', { ...f.later, deleted: 1 });
    expect(stale).toEqual([{ table: 'statements', ids: [f.s3.id, f.s4.id] }]);
    reread(stale);
    expect(ids(f.engine, 'рогун')).toEqual([]);
    expect(ids(f.engine, 'water')).toEqual([]);
    expect(ids(f.engine, '', 'statement', { speaker: 'nodiri' })).toEqual([f.s2.id]);
    reread(f.engine.upsert('briefings', f.later));
    expect(ids(f.engine, 'water')).toEqual([f.later.id]);
    expect(ids(f.engine, 'рогун')).toEqual([f.s3.id]);
  });

  it('indexes a statement that arrives before its briefing once the briefing comes', () => {
    const engine = new SearchEngine();
    const b = briefing({ title: 'Late arrival' });
    const s = statement({ briefingId: b.id, text: 'Orphaned words for now' });
    engine.upsert('statements', s);
    expect(ids(engine, 'orphaned')).toEqual([]);
    const stale = engine.upsert('briefings', b);
    expect(stale).toEqual([{ table: 'statements', ids: [s.id] }]);
    engine.upsert('statements', s);
    expect(ids(engine, 'orphaned')).toEqual([s.id]);
  });

  it('re-indexes what embeds a name when the name changes', () => {
    const f = fixture();
    const stale = f.engine.upsert('people', { ...f.nazarzoda, name: 'Rustam Karimov' });
    expect(stale).toEqual([{ table: 'statements', ids: [f.s1.id] }]);
    f.engine.upsert('statements', f.s1);
    expect(ids(f.engine, 'karimov', 'statement')).toEqual([f.s1.id]);
    expect(ids(f.engine, 'nazarzoda', 'statement')).toEqual([]);
    const orgStale = f.engine.upsert('organisations', { ...f.unodc, acronym: 'ODC' });
    expect(orgStale.map((s) => s.table)).toEqual(['people', 'statements']);
  });
  it('describes hits with links to where they come from', () => {
    const f = fixture();
    expect(f.engine.describe('statement', f.s2, ['heroin']).link).toEqual({ screen: 'briefing', id: f.dushanbe.id, focus: f.s2.id });
    expect(f.engine.describe('action', f.a1, []).link).toEqual({ screen: 'followups', focus: f.a1.id });
    expect(f.engine.describe('person', f.nodiri, []).subtitle).toBe('Programme officer · UNODC');
    expect(f.engine.suggest('speaker', 'naz')).toEqual(['Rustam Nazarzoda']);
    // A summary's markup never shows in its snippet.
    expect(f.engine.describe('briefing', f.dushanbe, ['northern']).text).toBe('Heroin seizures on the Northern Route.');
  });
});

describe('highlighting', () => {
  it('marks matching words by folded prefix and keeps markup as plain text', () => {
    const segs = highlight('Hydropower <script>alert(1)</script> by Nodíri', ['hydro', 'nodiri']);
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(['Hydropower', 'Nodíri']);
    expect(segs.map((s) => s.text).join('')).toBe('Hydropower <script>alert(1)</script> by Nodíri');
  });
  it('cuts long text around the first match', () => {
    const text = `${'lorem ipsum '.repeat(100)}heroin purity ${'dolor sit '.repeat(100)}`;
    const s = snippet(text, ['heroin'], 120);
    expect(s).toContain('heroin');
    expect(s.startsWith('…')).toBe(true);
    expect(s.length).toBeLessThan(130);
  });
});
