/** Search's kind filter (kind:decision, and the Kind control): statements of a kind and the follow-ups made from them. */
import { describe, expect, it } from 'vitest';
import { createRecord } from '../../src-renderer/src/core/records';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import type { ActionFields, StatementFields } from '../../src-renderer/src/core/model';
import { SearchEngine, hasFilters, mergeQuery, parseQuery, type IndexedTable } from '../../src-renderer/src/core/search';
import { briefingFields } from './fixtures';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

let tick = 0;
const clock = () => formatHlc(1_700_000_000_000, tick++, 'test');
let seq = 0;
const id = (prefix: string) => `0190${prefix.padEnd(4, '0')}-0000-7000-8000-${String(++seq).padStart(12, '0')}`;
const statement = (f: Partial<StatementFields> & { briefingId: string; text: string }) =>
  createRecord('statements', id('s'), { speakerId: null, kind: 'statement', tags: [], order: 'a0', ...f }, clock());
const action = (f: Partial<ActionFields> & { title: string }) =>
  createRecord('actions', id('a'), { ...V2_FIELDS.actions(), kind: 'task', briefingId: null, statementId: null, owner: '', due: '', place: '', status: 'open', priority: 'normal', notes: '', tags: [], ...f }, clock());

function fixture() {
  const engine = new SearchEngine();
  const b = createRecord('briefings', id('b'), briefingFields({ title: 'Committee on drug control', tags: [] }), clock());
  const decided = statement({ briefingId: b.id, text: 'The committee agreed to hold the ninth MoU meeting in Ashgabat.', kind: 'decision' });
  const asked = statement({ briefingId: b.id, text: 'The ministry asked for training on the MoU database.', kind: 'request' });
  const fromDecision = action({ title: 'Book travel to Ashgabat for the MoU meeting', briefingId: b.id, statementId: decided.id });
  const fromRequest = action({ title: 'Answer on MoU training', briefingId: b.id, statementId: asked.id });
  const alone = action({ title: 'MoU: call the desk', briefingId: b.id });
  const all: [IndexedTable, { id: string }][] = [['briefings', b], ['statements', decided], ['statements', asked], ['actions', fromDecision], ['actions', fromRequest], ['actions', alone]];
  for (const [t, r] of all) engine.upsert(t, r as never);
  return { engine, b, decided, asked, fromDecision, fromRequest, alone };
}

const ids = (engine: SearchEngine, text: string, kinds?: ('decision' | 'request')[]) =>
  engine
    .search(mergeQuery(text, kinds ? { kinds } : {}))
    .groups.flatMap((g) => g.hits.map((h) => `${g.type}:${h.id}`))
    .sort();

describe('kind filter', () => {
  it('reads kind:decision (and the plural, and several kinds) from the box', () => {
    expect(parseQuery('mou kind:decision').filters.kinds).toEqual(['decision']);
    expect(parseQuery('kind:decisions,requests').filters.kinds).toEqual(['decision', 'request']);
    const bad = parseQuery('kind:verdict');
    expect(bad.filters.kinds).toBeUndefined();
    expect(bad.problems[0]).toMatch(/"verdict" is not a kind of statement \(try statement, figure, proposal, request, announcement, decision\)/);
    expect(hasFilters({ kinds: ['decision'] })).toBe(true);
  });

  it('finds the decisions and the follow-ups made from them, nothing else', () => {
    const f = fixture();
    expect(ids(f.engine, 'mou', ['decision'])).toEqual([`action:${f.fromDecision.id}`, `statement:${f.decided.id}`].sort());
    // Typed the same as picked in the control.
    expect(ids(f.engine, 'mou kind:decision')).toEqual(ids(f.engine, 'mou', ['decision']));
    // Filters alone browse everything of that kind.
    expect(ids(f.engine, '', ['decision'])).toEqual([`action:${f.fromDecision.id}`, `statement:${f.decided.id}`].sort());
    expect(ids(f.engine, 'mou', ['request'])).toEqual([`action:${f.fromRequest.id}`, `statement:${f.asked.id}`].sort());
    // Without the filter the briefing and the stand-alone follow-up are found too.
    expect(ids(f.engine, 'mou')).toContain(`action:${f.alone.id}`);
  });

  it('names the kind at the head of a result line, as the badge does in the briefing', () => {
    const f = fixture();
    expect(f.engine.describe('statement', f.decided, []).subtitle).toMatch(/^Decision · Committee on drug control · \d{4}-\d{2}-\d{2}$/);
    expect(f.engine.describe('statement', { ...f.decided, kind: 'statement' }, []).subtitle).toMatch(/^Committee on drug control · /);
  });

  it('follows a change of kind, and keeps the kinds in a saved index', () => {
    const f = fixture();
    f.engine.upsert('statements', { ...f.asked, kind: 'decision' } as never);
    expect(ids(f.engine, 'training', ['decision'])).toEqual([`action:${f.fromRequest.id}`, `statement:${f.asked.id}`].sort());
    const loaded = SearchEngine.fromChunks(f.engine.toChunks());
    expect(ids(loaded, 'mou', ['decision'])).toEqual(ids(f.engine, 'mou', ['decision']));
  });
});
