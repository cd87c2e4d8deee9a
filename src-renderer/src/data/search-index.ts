/**
 * The app's handle on the search worker (search.worker.ts). One worker per window, started shortly
 * after the workspace opens so the first search rarely waits, but after the first screen has rendered:
 * loading the index must not delay the briefing list.
 */
import type { Locale } from '../core/i18n';
import { fromUserErrorData, UserError } from '../core/errors';
import { windowText } from '../core/errors';
import type { SearchFilters } from '../core/search';
import { DB_NAME } from './db';
import type { FromWorker, SearchResponse, SearchStatus, ToWorker } from './search-protocol';

export type { SearchResponse, SearchStatus, ResultGroup } from './search-protocol';

type Pending = { resolve: (v: never) => void; reject: (e: Error) => void };

export class SearchIndex {
  private worker: Worker | undefined;
  /** Whether the worker was told to load (or build) the index. */
  private started = false;
  private current: SearchStatus = { phase: 'idle', done: 0, total: 0, documents: 0, version: 0 };
  private readonly listeners = new Set<(s: SearchStatus) => void>();
  private readonly pending = new Map<number, Pending>();
  private nextReq = 1;

  constructor(private readonly dbName: string = DB_NAME) {}

  get status(): SearchStatus {
    return this.current;
  }

  /** Start the index: its worker loads the saved one, or builds it (idempotent). */
  start(): void {
    if (this.started) return;
    this.warm();
    this.started = true;
    this.send({ type: 'start', dbName: this.dbName });
  }

  /**
   * Create the worker without starting the index: its script (Dexie, MiniSearch, the engine) is fetched and
   * run on its own thread, so that a search opened later waits only for the index's load (idempotent).
   */
  warm(): void {
    if (this.worker) return;
    // `new URL(…, import.meta.url)` lets Vite bundle the worker with its imports (Dexie, MiniSearch).
    const w = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'attache-search' });
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e) => this.setStatus({ ...this.current, phase: 'error', message: windowText('error.search.stoppedWorking', { reason: e.message || windowText('error.search.workerError') }) });
    this.worker = w;
  }

  /**
   * Start once the first screen has had its turn. The index is loaded from where it was saved
   * (search-persist.ts), a read of a few large values and about a second of the worker's time at archive
   * size, so it starts at the first idle moment after the app's first render (the worker has a thread of
   * its own; the briefing list's reads are small) rather than seconds later; only a first start or a
   * rebuild builds it from the records (in the worker, with progress). Opening the search screen starts
   * the index at once.
   */
  startWhenIdle(delayMs = 0, maxWaitMs = 100): void {
    if (this.started) return;
    const go = () => this.start();
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: maxWaitMs });
      else go();
    }, delayMs);
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.started = false;
    for (const p of this.pending.values()) p.reject(new UserError('error.search.stopped'));
    this.pending.clear();
  }

  /** Follow the indexing status; called at once with the current one. Returns an unsubscribe function. */
  onStatus(fn: (s: SearchStatus) => void): () => void {
    this.listeners.add(fn);
    fn(this.current);
    return () => this.listeners.delete(fn);
  }

  whenReady(): Promise<SearchStatus> {
    this.start();
    return new Promise((resolve, reject) => {
      const off = this.onStatus((s) => {
        // A saved index that answers while it is checked against the tables is not ready yet for this.
        if (s.phase === 'ready' && !s.checking) {
          queueMicrotask(() => off());
          resolve(s);
        } else if (s.phase === 'error') {
          queueMicrotask(() => off());
          reject(s.message ? new Error(s.message) : new UserError('error.search.failed'));
        }
      });
    });
  }

  /** `locale`: the language of the results' descriptions ("Event · in May 2015"). */
  search(text: string, filters: SearchFilters = {}, limit = 20, locale: Locale = 'en'): Promise<SearchResponse> {
    return this.request((req) => ({ type: 'search', req, text, filters, limit, locale }));
  }

  suggest(kind: 'speaker' | 'organisation' | 'tag', prefix: string): Promise<string[]> {
    return this.request((req) => ({ type: 'suggest', req, kind, prefix }));
  }

  private request<T>(make: (req: number) => ToWorker): Promise<T> {
    this.start();
    const req = this.nextReq++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(req, { resolve, reject });
      this.send(make(req));
    });
  }

  private send(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'status') {
      this.setStatus(msg.status);
      return;
    }
    const p = this.pending.get(msg.req);
    if (!p) return;
    this.pending.delete(msg.req);
    if (msg.type === 'failed') p.reject(fromUserErrorData(msg.error, msg.message));
    else p.resolve((msg.type === 'result' ? msg.response : msg.values) as never);
  }

  private setStatus(s: SearchStatus): void {
    this.current = s;
    for (const fn of this.listeners) fn(s);
  }
}

let shared: SearchIndex | undefined;

/** The window's search index over the app's database. */
export function searchIndex(): SearchIndex {
  shared ??= new SearchIndex();
  return shared;
}
