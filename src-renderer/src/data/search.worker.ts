/// <reference lib="webworker" />
/**
 * The search index, built and kept off the UI thread.
 *
 * Why a worker: indexing the benchmark workspace (135,000 records) takes seconds of CPU; on the UI
 * thread that would freeze the briefing list at start-up. The worker opens the same IndexedDB database
 * with its own Dexie connection, reads it in chunks reporting progress, and is kept current by Dexie's
 * cross-context change notices (see search-feed.ts). The index is saved in IndexedDB and loaded at the
 * next start (search-persist.ts), so a restart costs a load, not a rebuild.
 */
import { messageOf, userErrorData } from '../core/errors';
import { PostingsNotReadError, TABLE_OF, mergeQuery, type IndexedRecord, type ParsedQuery, type SearchFilters } from '../core/search';
import { AttacheDb } from './db';
import { PersistedSearch } from './search-persist';
import { loadCatalogue, type Locale } from '../core/i18n';
import type { FromWorker, SearchStatus, ToWorker } from './search-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let db: AttacheDb | undefined;
let persisted: PersistedSearch | undefined;
let status: SearchStatus = { phase: 'idle', done: 0, total: 0, documents: 0, version: 0 };
let lastProgress = 0;
let prepareTimer: ReturnType<typeof setTimeout> | undefined;
/**
 * The index answers: built, or loaded and caught up (its tables' counts may still be checking it); until then
 * a loaded index's changes are not announced.
 */
let ready = false;

/**
 * Queries that arrive while a saved index is being loaded wait for it: until then the engine is empty and
 * would answer nothing. They are answered from the whole index as soon as it answers (onServing), just
 * before 'ready' is announced, so the search screen shows its first results without asking again (it sends
 * its query as soon as it opens, search-index.ts). During a build they are answered at once from what is
 * indexed so far (`partial`).
 */
let serve!: () => void;
const serving = new Promise<void>((resolve) => (serve = resolve));
const waiting = new Set<Promise<void>>();

/**
 * What a loaded index leaves for later (SearchEngine.prepareSome: the maps a speaker filter or a write
 * needs) is built once the worker is quiet after its first query (the one the search screen sends when the
 * index is ready), or a few seconds after it is ready if none comes: never before that query. In slices,
 * so that a query arriving meanwhile is answered after one slice (a speaker filter finishes the build).
 */
function prepareWhenQuiet(ms: number): void {
  clearTimeout(prepareTimer);
  prepareTimer = setTimeout(function slice() {
    try {
      prepareTimer = persisted?.engine.prepareSome(25_000) === false ? setTimeout(slice, 0) : undefined;
    } catch (e) {
      // Postings still being read (a rebuilt index has none to read; a loaded one reads them as it starts).
      if (e instanceof PostingsNotReadError) {
        prepareTimer = undefined;
        void persisted?.postingsWhole().then((whole) => whole && prepareWhenQuiet(300), () => undefined);
        return;
      }
      // A damaged chunk of the saved index: rebuilt from the tables (anything else is a bug to report).
      prepareTimer = undefined;
      if (!persisted?.recover(e)) setStatus({ phase: 'error', message: `Search could not prepare its index: ${messageOf(e)}` });
    }
  }, ms);
}

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function setStatus(next: Partial<SearchStatus>, throttle = false): void {
  status = { ...status, ...next, documents: persisted?.engine.size ?? 0 };
  const now = performance.now();
  if (throttle && now - lastProgress < 100) return;
  lastProgress = now;
  post({ type: 'status', status });
}

async function start(dbName: string): Promise<void> {
  db = new AttacheDb(dbName);
  // Opened while the saved index is read (its check reads the tables next), not after; a failure shows there.
  void db.open().catch(() => undefined);
  const started = performance.now();
  const p = new PersistedSearch(
    db,
    {
      onChanged: () => {
        if (ready) setStatus({ phase: 'ready', version: status.version + 1 });
      },
      onServing: () => void answerWaiting({ phase: 'ready', checking: true, serving: false, version: status.version + 1 }),
      onProgress: (progress) => {
        serve();
        setStatus({ phase: 'indexing', done: progress.done, total: progress.total, serving: progress.serving }, true);
      },
      onError: (e) => setStatus({ phase: 'error', message: `Search could not update: ${messageOf(e)}` }),
      onSaved: (marker) => setStatus({ saved: marker.generation }),
      // Search goes on from memory; the next start rebuilds if it must.
      onSaveError: (e) => console.warn(`The search index could not be saved: ${messageOf(e)}`),
      idle: () => (answering === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenQuiet.push(resolve))),
    },
    // Only the window holding the lead saves the index (below); the others keep theirs in memory.
    { leader: typeof navigator.locks === 'undefined' },
  );
  persisted = p;
  if (typeof navigator.locks !== 'undefined') {
    // Held for the worker's life; the next window's worker takes over when this one goes.
    void navigator.locks.request(`attache-search-index:${dbName}`, () => {
      p.lead();
      return new Promise<never>(() => undefined);
    });
  }
  setStatus({ phase: 'indexing', done: 0, total: 0 });
  const outcome = await p.start();
  const done = { phase: 'ready', checking: false, done: status.total, serving: false, outcome, timings: { ...p.timings }, buildMs: Math.round(performance.now() - started) } as const;
  // A saved index already answering (onServing) is the same index unless a rebuild replaced it (its own
  // onChanged told of that): only a start that was not serving yet changes the version here.
  if (ready) setStatus(done);
  else await answerWaiting({ ...done, version: status.version + 1 });
  prepareWhenQuiet(answeredWaiting ? 300 : 3000);
}

/** Whether queries were waiting when the index began to answer. */
let answeredWaiting = false;

/**
 * Queries being answered, from their arrival: the saved index's postings are read in the background only
 * when there are none (PersistHooks idle). At a start the first query waited behind most of them (a
 * tenth of a second and more at 135,000 records).
 */
let answering = 0;
let whenQuiet: (() => void)[] = [];

/**
 * The index answers from now on: the queries waiting for it are answered at `next` (its version is what
 * their answers say they reflect), then `next` is announced.
 */
async function answerWaiting(next: Partial<SearchStatus>): Promise<void> {
  ready = true;
  status = { ...status, ...next };
  serve();
  answeredWaiting ||= waiting.size > 0;
  await Promise.allSettled([...waiting]);
  // The status as it is now: a change while the queries were answered (a newer version) is not undone.
  setStatus({});
}

/**
 * The engine that answers now, and its answer to `parsed`. A loaded index's postings are read while it
 * answers (search-persist.ts): the ones this query walks are read first, ahead of the rest.
 */
async function answer(parsed: ParsedQuery, limit: number, locale: Locale) {
  const p = persisted!;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 5) throw new Error('The saved search index could not be read');
    const engine = p.engine;
    // Named beforehand (postingsFor); met all the same (were postingsFor ever to miss one), read and asked
    // again; after a few tries, all of them.
    const needed = engine.postingsFor(parsed);
    if (needed.length) {
      await (attempt < 3 ? p.readPostings(needed) : p.postingsWhole(true));
      continue;
    }
    try {
      return { engine, result: engine.search(parsed, limit, locale), at: status };
    } catch (e) {
      if (!(e instanceof PostingsNotReadError)) throw e;
      await (attempt < 3 ? p.readPostings([e.chunk]) : p.postingsWhole(true));
    }
  }
}

async function search(req: number, text: string, filters: SearchFilters, limit: number, locale: Locale = 'en'): Promise<void> {
  await serving;
  await loadCatalogue(locale);
  const parsed = mergeQuery(text, filters, locale);
  // `at`: the index as it is searched: a build may end during the reads below, and this answer must not then
  // claim the whole index (the search screen asks again only for answers older than the index it is told of).
  const { engine, result, at } = await answer(parsed, limit, locale).catch((e: unknown) => {
    // A damaged chunk of the saved index, met by this query: this answer fails, the next come from a rebuild.
    void persisted!.recover(e);
    throw e;
  });
  // Show what is stored now (the index may be a few ms behind an edit), and never a tombstone. Each group's
  // records are asked at once, not one group after another.
  const read = await Promise.all(result.groups.map((g) => db!.table(TABLE_OF[g.type]).bulkGet(g.hits.map((h) => h.id)) as Promise<(IndexedRecord | undefined)[]>));
  const groups = result.groups.map((g, i) => {
    const items = read[i]!.filter((r): r is IndexedRecord => !!r && !r.deleted).map((r) => engine.describe(g.type, r, result.terms, locale));
    return { type: g.type, total: g.total - (g.hits.length - items.length), items };
  });
  const notes = [...parsed.problems, ...result.notes];
  // A rebuild behind a loaded index (status.serving) answers from that index: complete, if perhaps not current.
  post({ type: 'result', req, response: { terms: result.terms, groups, notes, partial: at.phase !== 'ready' && !at.serving, version: at.version } });
  // Still to do: after this query, once the next ones (a user typing) pause.
  if (prepareTimer !== undefined) prepareWhenQuiet(300);
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'start':
      if (db) return;
      void start(msg.dbName).catch((e) => {
        serve();
        setStatus({ phase: 'error', message: `Search could not read the workspace: ${messageOf(e)}` });
      });
      return;
    case 'search': {
      answering += 1;
      const answer = search(msg.req, msg.text, msg.filters, msg.limit, msg.locale)
        .catch((e) => post({ type: 'failed', req: msg.req, message: messageOf(e), error: userErrorData(e) }))
        .finally(() => {
          if (--answering > 0) return;
          const quiet = whenQuiet;
          whenQuiet = [];
          for (const resume of quiet) resume();
        });
      if (!ready) {
        waiting.add(answer);
        void answer.finally(() => waiting.delete(answer));
      }
      return;
    }
    case 'suggest':
      post({ type: 'suggestions', req: msg.req, values: persisted?.engine.suggest(msg.kind, msg.prefix) ?? [] });
      return;
  }
};
