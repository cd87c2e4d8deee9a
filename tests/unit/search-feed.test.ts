/** The search feed against real IndexedDB semantics (fake-indexeddb): build, then follow every write. */
import { afterEach, describe, expect, it } from 'vitest';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { SearchFeed } from '../../src-renderer/src/data/search-feed';
import { SearchEngine, mergeQuery, type ResultType } from '../../src-renderer/src/core/search';
import { createRecord } from '../../src-renderer/src/core/records';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { briefingFields } from './fixtures';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

let n = 0;
const opened: AttacheDb[] = [];

async function setup() {
  const db = new AttacheDb(`search-feed-${++n}`);
  opened.push(db);
  const ws = await Workspace.open(db);
  const engine = new SearchEngine();
  const feed = new SearchFeed(db, engine, {}, 5);
  return { db, ws, engine, feed };
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function find(engine: SearchEngine, text: string, type?: ResultType): string[] {
  return engine
    .search(mergeQuery(text, {}))
    .groups.filter((g) => !type || g.type === type)
    .flatMap((g) => g.hits.map((h) => h.id));
}

async function example(ws: Workspace) {
  const org = await ws.create('organisations', { ...V2_FIELDS.organisations(), name: 'Drug Control Agency', acronym: 'DCA', country: 'Tajikistan' });
  const person = await ws.create('people', { ...V2_FIELDS.people(), name: 'Rustam Nazarzoda', title: 'Director', organisationId: org.id, country: '' });
  const briefing = await ws.create('briefings', briefingFields({ title: 'Countering modern threats', audience: '' }));
  const statement = await ws.create('statements', {
    briefingId: briefing.id, speakerId: person.id, kind: 'figure', text: 'Over 12 tons of heroin were seized.', tags: [], order: 'a0',
  });
  return { org, person, briefing, statement };
}

describe('search feed', () => {
  it('re-reads everything when Dexie announces that anything may have changed (back-forward cache)', async () => {
    const { ws, engine, feed } = await setup();
    const e = await example(ws);
    await feed.build();
    // Writes the feed is not told about, as while a page sat in the back-forward cache.
    const added = await ws.create('people', { ...V2_FIELDS.people(), name: 'Nodiri Jamshed', title: '', organisationId: null, country: '' });
    await ws.remove('people', e.person.id);
    expect(find(engine, 'nodiri')).toEqual([]);
    feed.noteMutations({ all: { d: 0 } as never });
    await feed.settled();
    expect(find(engine, 'nodiri', 'person')).toEqual([added.id]);
    expect(find(engine, 'rustam', 'person')).toEqual([]);
  });

  it('builds from the database, leaving tombstones out', async () => {
    const { ws, engine, feed } = await setup();
    const e = await example(ws);
    const gone = await ws.create('people', { ...V2_FIELDS.people(), name: 'Deleted Person', title: '', organisationId: null, country: '' });
    await ws.remove('people', gone.id);
    const progress: number[] = [];
    await feed.build((p) => progress.push(p.done));
    expect(progress.at(-1)).toBe(5);
    expect(find(engine, 'nazar', 'statement')).toEqual([e.statement.id]);
    expect(find(engine, 'deleted')).toEqual([]);
  });

  it('follows edits, deletions, restores and renames made through the workspace', async () => {
    const { ws, engine, feed } = await setup();
    const e = await example(ws);
    feed.watch();
    await feed.build();

    await ws.update('statements', e.statement.id, { text: 'Over 12 tons of opium were seized.' });
    await feed.settled();
    expect(find(engine, 'heroin')).toEqual([]);
    expect(find(engine, 'opium')).toEqual([e.statement.id]);

    await ws.update('people', e.person.id, { name: 'Rustam Karimov' });
    await feed.settled();
    expect(find(engine, 'karimov', 'statement')).toEqual([e.statement.id]);
    expect(find(engine, 'nazarzoda')).toEqual([]);

    await ws.update('organisations', e.org.id, { acronym: 'AKC' });
    await feed.settled();
    expect(find(engine, 'akc', 'person')).toEqual([e.person.id]);
    expect(find(engine, 'akc', 'statement')).toEqual([e.statement.id]);

    await ws.remove('briefings', e.briefing.id);
    await feed.settled();
    expect(find(engine, 'modern')).toEqual([]);
    expect(find(engine, 'opium')).toEqual([]); // its statements go with it
    await ws.restore('briefings', e.briefing.id);
    await feed.settled();
    expect(find(engine, 'opium')).toEqual([e.statement.id]);
    feed.unwatch();
  });

  it('picks up a bulk write with old clocks (as a sync import makes) and a cleared table', async () => {
    const { db, ws, engine, feed } = await setup();
    const e = await example(ws);
    feed.watch();
    await feed.build();
    const old = formatHlc(1_000, 0, 'colleague');
    const rows = Array.from({ length: 120 }, (_, i) =>
      createRecord('statements', `0190aaaa-0000-7000-8000-${String(i).padStart(12, '0')}`, {
        briefingId: e.briefing.id, speakerId: null, kind: 'statement', text: `Imported remark number${i} on border management`, tags: [], order: `b${i}`,
      }, old),
    );
    await db.transaction('rw', db.statements, () => db.statements.bulkPut(rows));
    await feed.settled();
    expect(find(engine, 'border management')).toHaveLength(20); // per-group limit
    expect(engine.search(mergeQuery('border', {})).groups[0]!.total).toBe(120);

    await db.statements.clear();
    await feed.settled();
    expect(find(engine, 'border')).toEqual([]);
    expect(find(engine, 'modern', 'briefing')).toEqual([e.briefing.id]);
    feed.unwatch();
  });
});
