/**
 * The persisted search index (data/search-persist.ts) against real IndexedDB semantics (fake-indexeddb):
 * after edits, deletes, imports and interrupted updates, the index loaded at the next start answers
 * exactly as an index freshly built from the tables.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PostingsNotReadError, SEARCH_INDEX_VERSION, SearchEngine, SearchIndexDamagedError, mergeQuery } from '../../src-renderer/src/core/search';
import { AttacheDb } from '../../src-renderer/src/data/db';
import { loadExample } from '../../src-renderer/src/data/example';
import { SearchFeed } from '../../src-renderer/src/data/search-feed';
import { PersistedSearch, deleteSearchStore } from '../../src-renderer/src/data/search-persist';
import { applyImport, exportWorkspace, previewImport } from '../../src-renderer/src/data/sync';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { briefingFields } from './fixtures';
import { installation } from './sync-helpers';

const QUERIES = ['heroin', 'nazar', 'unodc', 'border', 'dushanbe', 'seized tons', 'drug control', 'rogun', 'persisted', 'ka', 'tag:drugs', 'speaker:nazar'];

const opened: { db: AttacheDb; searches: PersistedSearch[] }[] = [];

afterEach(async () => {
  for (const { db, searches } of opened.splice(0)) {
    for (const s of searches) s.stop();
    db.close();
    await db.delete();
    await deleteSearchStore(db.name);
  }
});

let n = 0;
async function workspace() {
  const db = new AttacheDb(`search-persist-${++n}`);
  const entry = { db, searches: [] as PersistedSearch[] };
  opened.push(entry);
  const ws = await Workspace.open(db);
  await loadExample(ws);
  /** A search worker's start, as after opening the app. */
  const start = async (whileReading?: () => Promise<unknown>, onServing?: (s: PersistedSearch) => void, idle?: () => Promise<void>) => {
    const errors: unknown[] = [];
    const s: PersistedSearch = new PersistedSearch(
      db,
      { onError: (e) => errors.push(e), onSaveError: (e) => errors.push(e), onServing: onServing && (() => onServing(s)), idle },
      { saveAfterKeys: 1e9 },
    );
    entry.searches.push(s);
    if (whileReading) {
      // A write landing while the saved index is read: after the check's first reads of the tables were
      // asked (they are asked at once, search-persist.ts start()), before the feed listens.
      const read = s.store.read.bind(s.store);
      s.store.read = async (consume) => {
        await whileReading();
        return read(consume);
      };
    }
    const outcome = await s.start();
    await s.flushed();
    expect(errors).toEqual([]);
    return { s, outcome };
  };
  return { db, ws, start };
}

/**
 * What every query finds, in a comparable form. Not the scores: an index that followed edits keeps the
 * postings of replaced documents until MiniSearch vacuums them, which moves BM25 scores slightly (the
 * same happens without persistence); what is found must be the same.
 */
function answers(engine: SearchEngine): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const q of QUERIES) {
    out[q] = engine
      .search(mergeQuery(q, {}), 1000)
      .groups.flatMap((g) => g.hits.map((h) => `${g.type}:${h.id}`))
      .sort();
  }
  return out;
}

/** answers() from an index that has begun to answer, its postings perhaps not read yet: those each query walks read first, as the worker does. */
async function answersServing(s: PersistedSearch): Promise<Record<string, string[]>> {
  await s.readPostings(QUERIES.flatMap((q) => s.engine.postingsFor(mergeQuery(q, {}))));
  return answers(s.engine);
}

/** An index built from scratch from the tables as they are now. */
async function fresh(db: AttacheDb): Promise<SearchEngine> {
  const engine = new SearchEngine();
  await new SearchFeed(db, engine).build();
  return engine;
}

async function expectSameAsFresh(db: AttacheDb, engine: SearchEngine) {
  const expected = answers(await fresh(db));
  expect(Object.values(expected).flat().length).toBeGreaterThan(10);
  expect(answers(engine)).toEqual(expected);
}

describe('persisted search index', () => {
  it('is built and saved at the first start, then loaded (not rebuilt) at the next', async () => {
    const { db, start } = await workspace();
    const first = await start();
    expect(first.outcome).toBe('built');
    first.s.stop();
    const second = await start();
    expect(second.outcome).toBe('loaded');
    await expectSameAsFresh(db, second.s.engine);
  });

  it('follows edits, deletes and new records, saved or only logged when the window closed', async () => {
    const { db, ws, start } = await workspace();
    const { s } = await start();
    const statement = (await db.statements.toArray()).find((x) => /heroin/i.test(x.text))!;
    const person = (await db.people.toArray()).find((p) => /nazar/i.test(p.name))!;
    await ws.update('statements', statement.id, { text: 'The persisted index saw this edit.' });
    await ws.update('people', person.id, { name: 'Rustam Nazarov' });
    const b = await ws.create('briefings', briefingFields({ title: 'Persisted briefing on Rogun' }));
    await ws.remove('organisations', (await db.organisations.toArray())[0]!.id);
    await s.settled();
    await expectSameAsFresh(db, s.engine);
    // Saved now; then more changes, only logged (the window closes before the next save).
    await s.saveNow();
    await ws.remove('briefings', b.id);
    await ws.update('statements', statement.id, { text: 'Edited again, after the save: heroin.' });
    await s.settled();
    s.stop();
    const next = await start();
    expect(next.outcome).toBe('loaded');
    await expectSameAsFresh(db, next.s.engine);
  });

  it('takes in an import (records with older clocks, merged fields) while running and after a restart', async () => {
    const { db, ws, start } = await workspace();
    const { s } = await start();
    const other = await installation('Colleague');
    await loadExample(other.ws);
    await other.ws.create('briefings', briefingFields({ title: 'Colleague briefing on persisted trade' }));
    const st = (await other.ws.db.statements.toArray())[0]!;
    await other.ws.update('statements', st.id, { text: 'A colleague merged this: persisted heroin figures.' });
    const file = await exportWorkspace(other.ws);
    await applyImport(ws, await previewImport(ws, file.bytes));
    await s.settled();
    await expectSameAsFresh(db, s.engine);
    s.stop();
    const next = await start();
    expect(next.outcome).toBe('loaded');
    await expectSameAsFresh(db, next.s.engine);
  });

  it('catches up with writes made while no search was running (newer clocks), and rebuilds when records arrived unseen', async () => {
    const { db, ws, start } = await workspace();
    (await start()).s.stop();
    // Edits while the worker was not running, or after a crash before it noticed them.
    const statement = (await db.statements.toArray())[1]!;
    await ws.update('statements', statement.id, { text: 'Written while search slept: persisted.' });
    await ws.create('briefings', briefingFields({ title: 'Persisted while asleep' }));
    const caught = await start();
    expect(caught.outcome).toBe('loaded');
    await expectSameAsFresh(db, caught.s.engine);
    caught.s.stop();
    // A record with an old clock written unseen (an import while nothing listened): counts differ.
    const old = { ...(await db.briefings.toArray())[0]!, id: '00000000-0000-7000-8000-000000000001', title: 'Persisted old-clock record' };
    await db.briefings.put(old);
    const rebuilt = await start();
    expect(rebuilt.outcome).toBe('rebuilt-mismatch');
    await expectSameAsFresh(db, rebuilt.s.engine);
  });

  it('answers once loaded and caught up by clocks, before the tables are counted; a count that differs then rebuilds it', async () => {
    const { db, ws, start } = await workspace();
    (await start()).s.stop();
    const statement = (await db.statements.toArray())[1]!;
    await ws.update('statements', statement.id, { text: 'Written while search slept: persisted.' });
    const old = { ...(await db.briefings.toArray())[0]!, id: '00000000-0000-7000-8000-000000000002', title: 'Persisted old-clock record' };
    await db.briefings.put(old);
    // Every count of this workspace's tables waits until the index has begun to answer: were serving to
    // wait for the counts, this start would never end.
    const tables = Object.getPrototypeOf(db.briefings) as { count: (...a: unknown[]) => Promise<number> };
    const count = tables.count;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    tables.count = async function (this: unknown, ...a: unknown[]) {
      await gate;
      return count.apply(this, a);
    };
    let served: Promise<Record<string, string[]>> | undefined;
    let rebuilt: Awaited<ReturnType<typeof start>>;
    try {
      rebuilt = await start(undefined, (s) => {
        served = answersServing(s).finally(release);
      });
    } finally {
      delete (tables as Partial<typeof tables>).count;
    }
    // What it answered then: the edit (a newer clock) is in; the record only a count shows is not…
    expect((await served!).persisted).toContain(`statement:${statement.id}`);
    expect((await served!).persisted).not.toContain(`briefing:${old.id}`);
    // …until the rebuild that the count started has taken over.
    expect(rebuilt.outcome).toBe('rebuilt-mismatch');
    expect(answers(rebuilt.s.engine).persisted).toContain(`briefing:${old.id}`);
    await expectSameAsFresh(db, rebuilt.s.engine);
  });

  it('sees writes that land while the saved index is read, after the first reads of the check were asked', async () => {
    const { db, ws, start } = await workspace();
    (await start()).s.stop();
    // A newer clock: re-read, and the index loaded.
    const statement = (await db.statements.toArray())[3]!;
    const edited = await start(() => ws.update('statements', statement.id, { text: 'Written during the read: persisted.' }));
    expect(edited.outcome).toBe('loaded');
    expect(answers(edited.s.engine).persisted!.length).toBe(1);
    await expectSameAsFresh(db, edited.s.engine);
    edited.s.stop();
    await edited.s.saveNow().catch(() => undefined);
    // An old clock (an import): only a count tells, and the count asked before the write would have matched.
    const old = { ...(await db.briefings.toArray())[0]!, id: '00000000-0000-7000-8000-000000000002', title: 'Persisted old clock during the read' };
    const imported = await start(() => db.briefings.put(old));
    expect(imported.outcome).toBe('rebuilt-mismatch');
    expect(answers(imported.s.engine).persisted!.length).toBeGreaterThan(1);
    await expectSameAsFresh(db, imported.s.engine);
  });

  it('replays a logged batch that was never saved (a crash between noticing a write and saving the index)', async () => {
    const { db, start } = await workspace();
    const { s } = await start();
    s.stop();
    // A merged field that does not raise the record's clock: only the log can tell.
    const statement = (await db.statements.toArray())[2]!;
    await db.statements.put({ ...statement, text: 'Merged quietly: persisted replay.' });
    await s.store.append([{ table: 'statements', keys: [statement.id], ranges: [] }]);
    const next = await start();
    expect(next.outcome).toBe('loaded');
    expect(answers(next.s.engine).persisted!.length).toBe(1);
    await expectSameAsFresh(db, next.s.engine);
  });

  it('keeps the last whole index when a save is interrupted, and rebuilds a torn one', async () => {
    const { db, ws, start } = await workspace();
    const { s } = await start();
    s.stop();
    // A save that fails part-way (the tab closed, the disk filled): the transaction rolls back whole.
    await expect(
      s.store.transaction('rw', s.store.chunks, s.store.meta, async () => {
        await s.store.chunks.clear();
        await s.store.chunks.add({ n: 0, generation: 99, chunk: '{}' });
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect((await start()).outcome).toBe('loaded');
    // Chunks that do not match their commit marker (as if written outside its transaction): never loaded.
    await ws.create('briefings', briefingFields({ title: 'Persisted after the tear' }));
    const row = (await s.store.chunks.get(1))!;
    await s.store.chunks.put({ ...row, generation: row.generation + 1 });
    const torn = await start();
    expect(torn.outcome).toBe('rebuilt-torn');
    await expectSameAsFresh(db, torn.s.engine);
    // Garbage with a matching marker: the load fails, and the index is rebuilt. Chunk 1 holds the documents'
    // ids as bytes: text of its length, then bytes of its length (its head kept, its ids garbled).
    const marker = (await s.store.meta.get('marker'))!;
    const ids = (await s.store.chunks.get(1))!.chunk as Uint8Array;
    expect(ids).toBeInstanceOf(Uint8Array);
    await s.store.chunks.put({ n: 1, generation: marker.generation, chunk: 'x'.repeat(ids.byteLength) });
    const garbage = await start();
    expect(garbage.outcome).toBe('rebuilt-torn');
    await expectSameAsFresh(db, garbage.s.engine);
    garbage.s.stop();
    const rebuilt = (await s.store.meta.get('marker'))!;
    const saved = (await s.store.chunks.get(1))!.chunk as Uint8Array;
    // Its steps between short ids garbled (the bytes after its head): they name documents past the saved ones.
    const garbled = saved.slice();
    const columnsAt = 4 + new DataView(saved.buffer, saved.byteOffset).getUint32(0, true);
    garbled.fill(0xff, columnsAt, columnsAt + 8);
    await s.store.chunks.put({ n: 1, generation: rebuilt.generation, chunk: garbled });
    const bytes = await start();
    expect(bytes.outcome).toBe('rebuilt-torn');
    await expectSameAsFresh(db, bytes.s.engine);
  });

  it('reads a saved index of many chunks in several requests, in order, and refuses one with a chunk missing, extra or cut', async () => {
    const { db, start } = await workspace();
    const { s } = await start();
    s.stop();
    // The same index saved in small chunks: more of them than the read makes requests (search-persist.ts READ_REQUESTS).
    const marker = await s.store.save(s.engine.toChunks(20, 3), (await s.store.meta.get('marker'))!.logSeq);
    expect(marker.chunks).toBeGreaterThan(24);
    const whole = await start();
    expect(whole.outcome).toBe('loaded');
    await expectSameAsFresh(db, whole.s.engine);
    whole.s.stop();
    const rows = await s.store.chunks.toArray();
    const tamper = async (change: () => Promise<unknown>) => {
      await s.store.transaction('rw', s.store.chunks, async () => {
        await s.store.chunks.clear();
        await s.store.chunks.bulkAdd(rows);
        await change();
      });
      const next = await start();
      next.s.stop();
      return next;
    };
    // A chunk missing in a later request, one past the marker's count, one cut short: each rebuilt, never half-loaded.
    for (const change of [
      () => s.store.chunks.delete(marker.chunks - 3),
      () => s.store.chunks.add({ n: marker.chunks, generation: marker.generation, chunk: rows[marker.chunks - 1]!.chunk }),
      () => s.store.chunks.update(marker.chunks - 2, { chunk: rows[marker.chunks - 2]!.chunk.slice(0, -1) }),
      // A binary chunk (the documents' ids) cut by a byte.
      () => s.store.chunks.update(1, { chunk: rows[1]!.chunk.slice(0, -1) }),
    ]) {
      const next = await tamper(change);
      expect(next.outcome).toBe('rebuilt-torn');
      await expectSameAsFresh(db, next.s.engine);
    }
  });

  it('reads its postings in the background only between queries, unless a query waits for them all', async () => {
    const { db, start } = await workspace();
    const { s } = await start();
    s.stop();
    await s.store.save(s.engine.toChunks(20, 3), (await s.store.meta.get('marker'))!.logSeq);
    const chunks = await s.store.postings.count();
    // A query being answered from the moment the index serves, until `quiet` is called.
    let quiet!: () => void;
    const answered = new Promise<void>((resolve) => (quiet = resolve));
    let asked = 0;
    const idle = () => {
      asked += 1;
      return answered;
    };
    let atServing: Promise<{ before: number; whileQuery: number; ownRead: number }> | undefined;
    const loading = start(
      undefined,
      (p) => {
        atServing = (async () => {
          const unread = () => (p.engine as unknown as { unread: number }).unread;
          const before = unread();
          // Time enough for several reads: none made while the query is answered...
          await new Promise((resolve) => setTimeout(resolve, 100));
          const whileQuery = unread();
          // ...but the query's own.
          const needed = p.engine.postingsFor(mergeQuery('heroin', {}));
          await p.readPostings(needed);
          return { before, whileQuery, ownRead: whileQuery - unread() };
        })();
      },
      idle,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    const served = await (async () => {
      while (!atServing) await new Promise((resolve) => setTimeout(resolve, 5));
      return atServing;
    })();
    expect(served.before).toBeGreaterThan(chunks / 2);
    expect(served.whileQuery).toBe(served.before);
    expect(served.ownRead).toBeGreaterThan(0);
    expect(asked).toBeGreaterThan(0);
    quiet();
    const loaded = await loading;
    expect(loaded.outcome).toBe('loaded');
    expect(loaded.s.engine.postingsRead).toBe(true);
    await expectSameAsFresh(db, loaded.s.engine);
    // A query that waits for every posting (the worker's last resort) is not kept waiting by the queries.
    const stuck = await start(
      undefined,
      (p) => void p.postingsWhole(true),
      () => new Promise<void>(() => undefined),
    );
    expect(stuck.outcome).toBe('loaded');
    expect(stuck.s.engine.postingsRead).toBe(true);
  });

  it('answers before its postings are read, reading first those a query walks; starts once they are all read', async () => {
    const { db, start } = await workspace();
    const { s } = await start();
    s.stop();
    // Small chunks, so that a query walks the postings of a few among many.
    await s.store.save(s.engine.toChunks(20, 3), (await s.store.meta.get('marker'))!.logSeq);
    const chunks = await s.store.postings.count();
    expect(chunks).toBeGreaterThan(20);
    let atServing: Promise<{ unread: boolean; threw: unknown; needed: number; readThen: boolean; found: string[] }> | undefined;
    const loaded = await start(undefined, (p) => {
      atServing = (async () => {
        const engine = p.engine;
        const query = mergeQuery('heroin', {});
        const unread = !engine.postingsRead;
        // Searched before its postings are read, the query says so rather than answering from half of them.
        let threw: unknown;
        try {
          engine.search(query, 1000);
        } catch (e) {
          threw = e;
        }
        const needed = engine.postingsFor(query);
        await p.readPostings(needed);
        const found = engine.search(query, 1000).groups.flatMap((g) => g.hits.map((h) => h.id));
        return { unread, threw, needed: needed.length, readThen: needed.every((c) => c.read), found };
      })();
    });
    const served = await atServing!;
    expect(served.unread).toBe(true);
    expect(served.threw).toBeInstanceOf(PostingsNotReadError);
    expect(served.needed).toBeGreaterThan(0);
    expect(served.needed).toBeLessThan(chunks / 4);
    expect(served.readThen).toBe(true);
    expect(served.found.sort()).toEqual(answers(await fresh(db)).heroin!.map((h) => h.slice(h.indexOf(':') + 1)).sort());
    // The start ends once every posting is read: loaded, not rebuilt, the same as a fresh build.
    expect(loaded.outcome).toBe('loaded');
    expect(loaded.s.engine.postingsRead).toBe(true);
    expect(loaded.s.timings.postings).toBeGreaterThanOrEqual(0);
    await expectSameAsFresh(db, loaded.s.engine);
  });

  it('rebuilds an index whose postings, read after the rest and parsed only when first walked, turn out damaged', async () => {
    const { db, start } = await workspace();
    const { s } = await start();
    s.stop();
    // Garbage inside a word's postings (each list's array still where the layout says), with a matching
    // marker: loaded and read (postings are parsed when walked), then refused.
    const row = (await s.store.postings.toArray())[0]!;
    await s.store.postings.put({ ...row, text: row.text.replace(/\d,/, 'x,') });
    const damaged = await start();
    expect(damaged.outcome).toBe('loaded');
    let error: unknown;
    try {
      damaged.s.engine.prepare();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SearchIndexDamagedError);
    expect(damaged.s.recover(new Error('something else'))).toBeUndefined();
    await damaged.s.recover(error);
    await expectSameAsFresh(db, damaged.s.engine);
    damaged.s.stop();
    // Saved over the damaged one: the next start loads it whole.
    const next = await start();
    expect(next.outcome).toBe('loaded');
    next.s.engine.prepare();
    await expectSameAsFresh(db, next.s.engine);
    next.s.stop();
    // Another window's save while this one still reads its postings: the previous generation's are kept, so
    // it reads them whole; after a second save they are gone (refused: rebuilt).
    const { generation, logSeq } = (await s.store.meta.get('marker'))!;
    const ns = (await s.store.postings.toArray()).filter((r) => r.generation === generation).map((r) => r.n);
    await s.store.save(next.s.engine.toChunks(), logSeq);
    expect(await s.store.readPostings(ns, generation)).toHaveLength(ns.length);
    await s.store.save(next.s.engine.toChunks(), logSeq);
    await expect(s.store.readPostings(ns, generation)).rejects.toThrow(SearchIndexDamagedError);
    expect(await s.store.readPostings(ns, generation + 1)).toHaveLength(ns.length);
    expect(new Set((await s.store.postings.toArray()).map((r) => r.generation))).toEqual(new Set([generation + 1, generation + 2]));
    // Postings that are not what their layout says, or missing (torn): refused as they are read, while the
    // index starts; rebuilt.
    const changes: ((r: typeof row) => Promise<unknown>)[] = [
      (r) => s.store.postings.put({ ...r, text: r.text.slice(1) }),
      (r) => s.store.postings.delete([r.generation, r.n]),
    ];
    for (const change of changes) {
      const current = (await s.store.meta.get('marker'))!.generation;
      await change((await s.store.postings.toArray()).filter((r) => r.generation === current).at(-1)!);
      const refused = await start();
      expect(refused.outcome).toBe('rebuilt-torn');
      await expectSameAsFresh(db, refused.s.engine);
      refused.s.stop();
      expect((await start()).outcome).toBe('loaded');
    }
  });

  it('is rebuilt when the index version changes', async () => {
    const { db, start } = await workspace();
    const { s } = await start();
    s.stop();
    const marker = (await s.store.meta.get('marker'))!;
    await s.store.meta.put({ ...marker, version: SEARCH_INDEX_VERSION - 1 });
    const next = await start();
    expect(next.outcome).toBe('rebuilt-version');
    expect((await s.store.meta.get('marker'))!.version).toBe(SEARCH_INDEX_VERSION);
    await expectSameAsFresh(db, next.s.engine);
  });
});
