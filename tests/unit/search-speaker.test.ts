/**
 * The speaker filter reads the speaker postings (statements by speaker, follow-ups by statement) instead of
 * walking every record: it must find exactly what the rule says (core/search engine.ts passes), in the same
 * order, on a fresh index, on one loaded from its saved chunks (whose postings are built on first use) and
 * after edits that move statements between speakers, delete them or their briefing, or re-link follow-ups.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { Action, Briefing, Person, Statement } from '../../src-renderer/src/core/model';
import { INDEXED_TABLES, SearchEngine, mergeQuery, type IndexedRecord, type IndexedTable, type SearchFilters } from '../../src-renderer/src/core/search';
import { syntheticWorkspace } from '../bench/workspace-data';

type Data = Record<IndexedTable, IndexedRecord[]>;

function workspace(): Data {
  return syntheticWorkspace({ organisations: 20, people: 60, briefings: 120, statements: 1_500, actions: 300 }, 7);
}

function build(data: Data): SearchEngine {
  const engine = new SearchEngine();
  for (const table of INDEXED_TABLES) for (const r of [...data[table]].sort((a, b) => (a.id < b.id ? -1 : 1))) engine.upsert(table, r);
  return engine;
}

function run(engine: SearchEngine, text: string, filters: SearchFilters = {}) {
  return engine.search(mergeQuery(text, filters, 'en'), 20, 'en').groups.map((g) => ({ type: g.type, total: g.total, ids: g.hits.map((h) => h.id) }));
}

/** What the rule says a speaker filter with no words finds, from the records themselves. */
function expected(data: Data, speakerIds: Set<string>) {
  const live = <T extends IndexedRecord>(t: IndexedTable) => (data[t] as T[]).filter((r) => !r.deleted);
  const briefings = new Map(live<Briefing>('briefings').map((b) => [b.id, b]));
  const said = live<Statement>('statements').filter((s) => s.speakerId && speakerIds.has(s.speakerId) && briefings.has(s.briefingId));
  const saidIds = new Set(said.map((s) => s.id));
  const actions = live<Action>('actions').filter((a) => a.statementId && saidIds.has(a.statementId) && (!a.briefingId || briefings.has(a.briefingId)));
  const where = new Set(said.map((s) => s.briefingId));
  const date = (briefingId: string | null) => (briefingId ? briefings.get(briefingId)!.startsAt.slice(0, 10) : '');
  const newest = (rows: { id: string; d: string }[]) => rows.sort((a, b) => (a.d < b.d ? 1 : a.d > b.d ? -1 : a.id < b.id ? -1 : 1)).slice(0, 20).map((r) => r.id);
  const people = live<Person>('people').filter((p) => speakerIds.has(p.id));
  return [
    { type: 'briefing', total: where.size, ids: newest([...where].map((id) => ({ id, d: date(id) }))) },
    { type: 'statement', total: said.length, ids: newest(said.map((s) => ({ id: s.id, d: date(s.briefingId) }))) },
    { type: 'person', total: people.length, ids: people.map((p) => p.id).slice(0, 20) },
    { type: 'action', total: actions.length, ids: newest(actions.map((a) => ({ id: a.id, d: date(a.briefingId) }))) },
  ].filter((g) => g.total > 0);
}

let tick = 0;
const later = <T extends IndexedRecord>(r: T, change: Partial<T>): T => ({ ...r, ...change, hlc: formatHlc(Date.UTC(2030, 0, 1), tick++, 'test') });

describe('speaker filter from the speaker postings', () => {
  const data = workspace();
  const people = data.people as Person[];
  // People who spoke most, and someone's full name (the filter matches every word as a prefix).
  const counts = new Map<string, number>();
  for (const s of data.statements as Statement[]) if (s.speakerId) counts.set(s.speakerId, (counts.get(s.speakerId) ?? 0) + 1);
  const speaker = people.find((p) => counts.has(p.id))!;
  const sameName = (name: string) => new Set(people.filter((p) => name.split(' ').every((w) => p.name.toLowerCase().split(' ').some((x) => x.startsWith(w.toLowerCase())))).map((p) => p.id));

  it('finds what the rule says, newest first and in id order within a day', () => {
    const engine = build(data);
    const ids = sameName(speaker.name);
    expect(run(engine, '', { speaker: speaker.name })).toEqual(expected(data, ids));
    expect(run(engine, '', { speaker: speaker.name.split(' ')[1]! })).toEqual(expected(data, sameName(speaker.name.split(' ')[1]!)));
  });

  it('combines with the other filters as before', () => {
    const engine = build(data);
    const tag = (data.briefings as Briefing[]).find((b) => b.tags.length)!.tags[0]!;
    for (const filters of [
      { speaker: speaker.name, types: ['statement' as const] },
      { speaker: speaker.name, tag },
      { speaker: speaker.name, from: '2015-01-01', to: '2018-12-31' },
      { speaker: speaker.name, kinds: ['decision' as const] },
    ]) {
      const all = run(engine, '', filters);
      const statements = all.find((g) => g.type === 'statement');
      // Every statement found is the speaker's; nothing is found that the filter without the speaker would not find.
      for (const id of statements?.ids ?? []) expect(sameName(speaker.name).has((data.statements as Statement[]).find((s) => s.id === id)!.speakerId!)).toBe(true);
      const { speaker: _, ...others } = filters;
      const without = run(engine, '', others);
      for (const g of all) expect(g.total).toBeLessThanOrEqual(without.find((w) => w.type === g.type)?.total ?? 0);
    }
  });

  it('is the same on a loaded index and after edits as on a fresh build of the result', () => {
    const engine = build(data);
    const loaded = SearchEngine.fromChunks(engine.toChunks(5_000, 200));
    // One whose postings are part-built (the worker builds them in slices) when the edits arrive.
    const sliced = SearchEngine.fromChunks(engine.toChunks(5_000, 200));
    expect(sliced.prepareSome(300)).toBe(false);
    expect(sliced.prepareSome(300)).toBe(false);
    const statements = (data.statements as Statement[]).filter((s) => s.speakerId === speaker.id);
    const other = people.find((p) => p.id !== speaker.id && counts.has(p.id))!;
    const actionOf = (data.actions as Action[]).find((a) => a.statementId)!;
    const edits: [IndexedTable, IndexedRecord][] = [
      ['statements', later(statements[0]!, { speakerId: other.id })],
      ['statements', later(statements[1]!, { speakerId: null })],
      ['statements', later(statements[2]!, { deleted: 1 })],
      ['statements', later((data.statements as Statement[]).find((s) => s.speakerId === other.id)!, { speakerId: speaker.id })],
      ['actions', later(actionOf, { statementId: statements[3]!.id, briefingId: statements[3]!.briefingId })],
      ['briefings', later((data.briefings as Briefing[]).find((b) => b.id === statements[4]!.briefingId)!, { deleted: 1 })],
    ];
    const final: Data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, [...data[t]]])) as Data;
    for (const [t, r] of edits) {
      final[t] = final[t].map((x) => (x.id === r.id ? r : x));
      engine.upsert(t, r);
      loaded.upsert(t, r);
      sliced.upsert(t, r);
    }
    const fresh = build(final);
    for (const name of [speaker.name, other.name]) {
      const want = expected(final, sameName(name));
      expect(run(fresh, '', { speaker: name })).toEqual(want);
      expect(run(engine, '', { speaker: name })).toEqual(want);
      expect(run(loaded, '', { speaker: name })).toEqual(want);
      expect(run(sliced, '', { speaker: name })).toEqual(want);
    }
    // A loaded index searched before anything builds its postings answers the same.
    const untouched = SearchEngine.fromChunks(fresh.toChunks(5_000, 200));
    const half = SearchEngine.fromChunks(fresh.toChunks(5_000, 200));
    half.prepareSome(500);
    expect(run(half, '', { speaker: other.name })).toEqual(run(fresh, '', { speaker: other.name }));
    // The rest in slices (the postings still unparsed, a chunk a slice), with the same answers after.
    let slices = 0;
    while (!half.prepareSome(1)) slices += 1;
    expect(slices).toBeGreaterThan(0);
    expect(run(half, '', { speaker: other.name })).toEqual(run(fresh, '', { speaker: other.name }));
    expect(run(untouched, '', { speaker: other.name })).toEqual(run(fresh, '', { speaker: other.name }));
    expect(run(untouched, 'border', {})).toEqual(run(fresh, 'border', {}));
  });
});
