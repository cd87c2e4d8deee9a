/**
 * A small synthetic workspace and writes of every kind, applied as the search feed applies them, with the
 * answers to compare: shared by the tests of a loaded index's first writes and of packed postings.
 */
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { Action, Briefing, Person, Statement } from '../../src-renderer/src/core/model';
import { INDEXED_TABLES, SearchEngine, mergeQuery, type IndexedRecord, type IndexedTable, type SearchFilters, type Stale } from '../../src-renderer/src/core/search';
import { syntheticWorkspace } from '../bench/workspace-data';

export type Data = Record<IndexedTable, Map<string, IndexedRecord>>;

let tick = 0;
export const later = <T extends IndexedRecord>(r: T, change: Partial<T>): T => ({ ...r, ...change, hlc: formatHlc(Date.UTC(2030, 0, 1), tick++, 'test') });

export function workspace(): Data {
  const w = syntheticWorkspace({ organisations: 12, people: 40, briefings: 60, statements: 600, actions: 120 }, 11);
  return Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map((w[t] as IndexedRecord[]).map((r) => [r.id, r]))])) as Data;
}

/** Apply a write as the search feed does: upsert it, then re-read (here: take from `data`) every record it names, transitively. */
export function write(engine: SearchEngine, data: Data, table: IndexedTable, record: IndexedRecord): string[] {
  const named: string[] = [];
  const queue: Stale[] = engine.upsert(table, record);
  while (queue.length) {
    const { table: t, ids } = queue.shift()!;
    for (const id of ids) {
      named.push(`${t}:${id}`);
      const current = data[t].get(id);
      queue.push(...(current ? engine.upsert(t, current) : engine.remove(t, id)));
    }
  }
  return named.sort();
}

export const QUERIES: [string, SearchFilters?][] = [
  ['heroin'],
  ['said here'],
  ['renamed briefing'],
  ['border'],
  ['renamed'],
  ['kept'],
  ['', { kinds: ['decision'] }],
  ['water', { types: ['briefing'] }],
  // Dated: a statement's and a follow-up's date is their briefing's, moved below (writes).
  ['', { from: '2031-01-01' }],
  ['moved along', { from: '2031-01-01' }],
  ['moved along', { to: '2030-12-31' }],
  ['retagged along', { tag: 'retagged' }],
  ['heroin', { from: '2016-01-01', to: '2019-12-31' }],
];

export function answers(engine: SearchEngine, data: Data) {
  const people = [...data.people.values()] as Person[];
  const extra: [string, SearchFilters][] = people.slice(0, 4).map((p) => ['', { speaker: p.name }]);
  return [...QUERIES, ...extra].map(([text, filters]) =>
    engine.search(mergeQuery(text, filters ?? {}, 'en'), 1000, 'en').groups.map((g) => ({ type: g.type, total: g.total, ids: g.hits.map((h) => h.id).sort() })),
  );
}

/** Build the map of every posting a loaded index holds packed (core/search/postings.ts): what reading one posting does. */
export function buildPostings(engine: SearchEngine): void {
  const index = (engine as unknown as { index: { _index: Iterable<[string, Map<number, Map<number, number>>]> } }).index;
  for (const [, fields] of index._index) for (const [, freqs] of fields) freqs.has(-1);
}

/** A fresh build, following the records each names (a briefing indexed before the event it keeps). */
export function build(data: Data): SearchEngine {
  const engine = new SearchEngine();
  for (const t of INDEXED_TABLES) for (const r of data[t].values()) write(engine, data, t, r);
  return engine;
}

/** Writes of every kind that asks the index for its derived maps or its ids: renames, new records, deletions, moves. */
export function writes(data: Data): [IndexedTable, IndexedRecord][] {
  const briefings = [...data.briefings.values()] as Briefing[];
  const statements = [...data.statements.values()] as Statement[];
  const actions = [...data.actions.values()] as Action[];
  const people = [...data.people.values()] as Person[];
  const newBriefing = later(briefings[0]!, { id: '01900000-0000-7000-8000-00000000b001', title: 'A briefing kept for later' });
  const out: [IndexedTable, IndexedRecord][] = [
    // An event held in a briefing, then that briefing renamed: the event's document names it.
    ['actions', later(actions[0]!, { heldInBriefingId: briefings[1]!.id, kind: 'event', title: 'Kept event' })],
    ['briefings', later(briefings[1]!, { title: 'Renamed briefing one' })],
    // A statement of a briefing not yet known, then the briefing: the statement becomes searchable.
    ['statements', later(statements[0]!, { id: '01900000-0000-7000-8000-00000000c001', briefingId: newBriefing.id, text: 'Heroin kept said here' })],
    ['briefings', newBriefing],
    ['statements', later(statements[1]!, { speakerId: people[0]!.id })],
    ['briefings', later(briefings[2]!, { deleted: 1 })],
    ['statements', later(statements[2]!, { deleted: 1 })],
    ['people', later(people[1]!, { name: 'Renamed Person' })],
    ['briefings', later(briefings[3]!, { title: 'Renamed briefing three' })],
    ['actions', later(actions[1]!, { statementId: statements[3]!.id, briefingId: statements[3]!.briefingId })],
    ['briefings', later(briefings[2]!, { deleted: 0, title: 'Renamed and back' })],
    ['statements', later(statements[4]!, { kind: 'decision' })],
    ['briefings', later(briefings[4]!, { title: 'Renamed briefing four' })],
    ['actions', later(actions[0]!, { heldInBriefingId: briefings[5]!.id, kind: 'event', title: 'Kept event moved' })],
  ];
  // A briefing moved to another day and tagged: its statements and follow-ups move with it (a date or tag
  // filter on words reads a statement's own copy of its briefing's date and tags).
  const movedSaid = statements.find((st) => st.briefingId === briefings[6]!.id)!;
  out.push(['statements', later(movedSaid, { text: 'Moved along with its briefing' })]);
  out.push(['briefings', later(briefings[6]!, { startsAt: '2031-03-04T10:00:00.000Z' })]);
  const retaggedSaid = statements.find((st) => st.briefingId === briefings[19]!.id)!;
  out.push(['statements', later(retaggedSaid, { text: 'Retagged along with its briefing' })]);
  out.push(['briefings', later(briefings[19]!, { tags: ['Retagged'] })]);
  for (let i = 0; i < 12; i++) out.push(['briefings', later(briefings[7 + i]!, { title: `Renamed briefing ${7 + i}` })]);
  return out;
}

