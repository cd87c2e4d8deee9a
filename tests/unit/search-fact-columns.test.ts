/**
 * The statements' and follow-ups' facts as a saved index holds them (core/search/fact-columns.ts): every shape of
 * row loads back as written, and a chunk that is not what the writer makes is refused.
 */
import { describe, expect, it } from 'vitest';
import { ColumnsChunk, ColumnsWriter, type Ref } from '../../src-renderer/src/core/search/fact-columns';
import { openChunk } from '../../src-renderer/src/core/search/packed-bytes';
import { SearchIndexDamagedError } from '../../src-renderer/src/core/search';
import { readColumns, writeColumns } from './fact-columns-layout';

interface Row {
  short: number | undefined;
  id: string;
  b: Ref;
  r: Ref;
  kind?: string;
  tags: string[];
}

function load(bytes: Uint8Array): ColumnsChunk {
  const { head, columns } = openChunk(bytes);
  return ColumnsChunk.load(head as Record<string, unknown>, columns);
}

function readBack(chunk: ColumnsChunk): Row[] {
  return Array.from({ length: chunk.rows }, (_, i) => {
    const short = chunk.shorts[i]!;
    const k = chunk.kinds[i] ?? 0;
    const tagsAt = (() => {
      for (let j = 0; j < chunk.tg.length; j += 2 + chunk.tg[j + 1]!) if (chunk.tg[j] === i) return chunk.tg.slice(j + 2, j + 2 + chunk.tg[j + 1]!).map((n) => chunk.names[n]!);
      return [];
    })();
    return {
      short: short < 0 ? undefined : short,
      id: short < 0 ? chunk.idOf(i)! : `row${i}`,
      b: chunk.briefing(i),
      r: chunk.other(i),
      ...(chunk.table === 'statements' ? { kind: k ? chunk.names[k - 1]! : 'statement' } : {}),
      tags: tagsAt,
    };
  });
}

const statements: Row[] = [
  { short: 7, id: 'row0', b: 0, r: 12, kind: 'statement', tags: [] },
  // A step back (a record re-read keeps its place in the map but takes a new short id), a big one forward.
  { short: 3, id: 'row1', b: 0, r: 0, kind: 'decision', tags: ['trade'] },
  { short: 2_000_000, id: 'row2', b: 99_999, r: null, kind: 'statement', tags: ['trade', 'energy'] },
  // Not searchable (its briefing deleted): named by id; its briefing and speaker named by id too.
  { short: undefined, id: 'kept-by-id', b: 'a-briefing-the-index-holds-no-facts-of', r: 'someone-unknown', kind: 'question', tags: [] },
  { short: 2_000_001, id: 'row4', b: 5, r: 50_000, kind: 'decision', tags: ['energy'] },
];

describe('statements and follow-ups in binary columns', () => {
  it('load back as written: places, steps back, ids, none, kinds and tags', () => {
    const w = new ColumnsWriter('statements');
    for (const s of statements) w.add(s.short, s.id, s.b, s.r, s.kind, s.tags);
    expect(readBack(load(w.chunk()))).toEqual(statements);
  });

  it('keep a follow-up\'s event and its statement by place or by id, with no kinds', () => {
    const w = new ColumnsWriter('actions');
    const row = w.add(10, 'row0', null, 400_000, undefined, []);
    w.held(row, 3, 'Donor round table');
    w.add(11, 'row1', 2, 'a-statement-id', undefined, ['follow up']);
    const chunk = load(w.chunk());
    expect(chunk.kinds.length).toBe(0);
    expect(readBack(chunk).map(({ b, r, tags }) => ({ b, r, tags }))).toEqual([
      { b: null, r: 400_000, tags: [] },
      { b: 2, r: 'a-statement-id', tags: ['follow up'] },
    ]);
    expect(chunk.x).toEqual([0, 3, 'Donor round table']);
  });

  it('keep a kind named after hundreds of tags (its place past what a byte holds)', () => {
    const w = new ColumnsWriter('statements');
    const rows: Row[] = Array.from({ length: 300 }, (_, i) => ({ short: i, id: `row${i}`, b: 0, r: 0, kind: 'statement', tags: [`tag ${i}`] }));
    rows.push({ short: 300, id: 'row300', b: 0, r: 0, kind: 'decision', tags: [] }, { short: 301, id: 'row301', b: 0, r: 0, kind: 'question', tags: ['tag 7'] });
    for (const s of rows) w.add(s.short, s.id, s.b, s.r, s.kind, s.tags);
    expect(readBack(load(w.chunk()))).toEqual(rows);
  });

  it('are a few bytes a row where JSON took about twenty', () => {
    const w = new ColumnsWriter('statements');
    for (let i = 0; i < 10_000; i++) w.add(100 + i, `s${i}`, Math.floor(i / 10), (i * 7919) % 5000, 'statement', []);
    // A byte for the step, one for the briefing's place, two for the speaker's, one for no tags, one for a plain kind.
    expect(w.chunk().byteLength / 10_000).toBeLessThan(6.1);
  });

  it('refuse a chunk cut short, run on, or whose head and columns disagree', () => {
    const w = new ColumnsWriter('statements');
    for (const s of statements) w.add(s.short, s.id, s.b, s.r, s.kind, s.tags);
    const bytes = w.chunk();
    expect(() => load(writeColumns(readColumns(bytes)))).not.toThrow();
    const cases: Uint8Array[] = [
      bytes.subarray(0, bytes.length - 1),
      Uint8Array.from([...bytes, 0]),
      writeColumns({ ...readColumns(bytes), head: { ...readColumns(bytes).head, n: 4 } }),
      writeColumns({ ...readColumns(bytes), head: { ...readColumns(bytes).head, ids: { sh: [], b: [], r: [] } } }),
      writeColumns({ ...readColumns(bytes), head: { ...readColumns(bytes).head, names: [] } }),
      writeColumns({ ...readColumns(bytes), head: { ...readColumns(bytes).head, t: 'people' } }),
      // A head counting more rows than the bytes could hold (refused before any column is made for them).
      writeColumns({ ...readColumns(bytes), head: { ...readColumns(bytes).head, n: 1e10 } }),
    ];
    for (const [i, c] of cases.entries()) expect(() => load(c), `case ${i}`).toThrow(SearchIndexDamagedError);
  });
});
