/**
 * A loaded index takes its first writes without building what it left for later (core/search engine.ts:
 * the derived maps and MiniSearch's id → short id map are answered by walks for the first few writes, then
 * built): after any number of writes of every kind, across those limits, it must find exactly what a fresh
 * build of the result finds, and name the same records to re-read as an index that had built everything.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { Action, Briefing, Person, Statement } from '../../src-renderer/src/core/model';
import { INDEXED_TABLES, SearchEngine, mergeQuery, type IndexedRecord, type IndexedTable, type SearchFilters, type Stale } from '../../src-renderer/src/core/search';
import { syntheticWorkspace } from '../bench/workspace-data';

type Data = Record<IndexedTable, Map<string, IndexedRecord>>;

let tick = 0;
const later = <T extends IndexedRecord>(r: T, change: Partial<T>): T => ({ ...r, ...change, hlc: formatHlc(Date.UTC(2030, 0, 1), tick++, 'test') });

function workspace(): Data {
  const w = syntheticWorkspace({ organisations: 12, people: 40, briefings: 60, statements: 600, actions: 120 }, 11);
  return Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map((w[t] as IndexedRecord[]).map((r) => [r.id, r]))])) as Data;
}

/** Apply a write as the search feed does: upsert it, then re-read (here: take from `data`) every record it names, transitively. */
function write(engine: SearchEngine, data: Data, table: IndexedTable, record: IndexedRecord): string[] {
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

const QUERIES: [string, SearchFilters?][] = [
  ['heroin'],
  ['said here'],
  ['renamed briefing'],
  ['border'],
  ['renamed'],
  ['kept'],
  ['', { kinds: ['decision'] }],
  ['water', { types: ['briefing'] }],
];

function answers(engine: SearchEngine, data: Data) {
  const people = [...data.people.values()] as Person[];
  const extra: [string, SearchFilters][] = people.slice(0, 4).map((p) => ['', { speaker: p.name }]);
  return [...QUERIES, ...extra].map(([text, filters]) =>
    engine.search(mergeQuery(text, filters ?? {}, 'en'), 1000, 'en').groups.map((g) => ({ type: g.type, total: g.total, ids: g.hits.map((h) => h.id).sort() })),
  );
}

/** A fresh build, following the records each names (a briefing indexed before the event it keeps). */
function build(data: Data): SearchEngine {
  const engine = new SearchEngine();
  for (const t of INDEXED_TABLES) for (const r of data[t].values()) write(engine, data, t, r);
  return engine;
}

/** Writes of every kind that asks the index for its derived maps or its ids: renames, new records, deletions, moves. */
function writes(data: Data): [IndexedTable, IndexedRecord][] {
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
  for (let i = 0; i < 12; i++) out.push(['briefings', later(briefings[6 + i]!, { title: `Renamed briefing ${6 + i}` })]);
  return out;
}

describe('a loaded index taking its first writes', () => {
  const base = workspace();
  const saved = build(base).toChunks(500, 50);
  const all = writes(base);

  for (const n of [1, 3, 8, 9, 14, all.length]) {
    it(`finds what a fresh build finds after ${n} writes, and names the same records to re-read`, () => {
      const data = Object.fromEntries(INDEXED_TABLES.map((t) => [t, new Map(base[t])])) as Data;
      const loaded = SearchEngine.fromChunks([...saved]);
      const prepared = SearchEngine.fromChunks([...saved]);
      // Everything built before the writes: the derived maps, the id map and (read whole by a save) every posting.
      prepared.prepare();
      prepared.toChunks();
      for (const [table, record] of all.slice(0, n)) {
        data[table].set(record.id, record);
        expect(write(loaded, data, table, record)).toEqual(write(prepared, data, table, record));
      }
      // The same hits in the same order with the same scores, bit for bit, as the index that built everything first.
      const ranked = (engine: SearchEngine) => QUERIES.map(([text, filters]) => engine.search(mergeQuery(text, filters ?? {}, 'en'), 1000, 'en').groups);
      expect(ranked(loaded)).toEqual(ranked(prepared));
      // And the same state: every posting in MiniSearch's order, every fact (what a save would write).
      expect(loaded.toChunks()).toEqual(prepared.toChunks());
      const want = answers(build(data), data);
      expect(answers(loaded, data)).toEqual(want);
      expect(answers(prepared, data)).toEqual(want);
      expect(loaded.size).toBe(build(data).size);
    });
  }
});
