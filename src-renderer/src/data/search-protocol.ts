/** Messages between the app and the search worker (data/search.worker.ts). */
import type { UserErrorData } from '../core/errors';
import type { HitGroup, ResultItem, SearchFilters } from '../core/search';
import type { Locale } from '../core/i18n';
import type { StartOutcome } from './search-persist';

export type SearchPhase = 'idle' | 'indexing' | 'ready' | 'error';

export interface SearchStatus {
  phase: SearchPhase;
  /** Records read so far, and in all, during a (re)build. */
  done: number;
  total: number;
  /** Documents in the index. */
  documents: number;
  /** Bumped whenever the index content changes, so open result lists know to re-run their query. */
  version: number;
  /** Time from the worker's start until the index answered for every record, ms (a load or a build). */
  buildMs?: number;
  /** During a rebuild: a previous index answers meanwhile. */
  serving?: boolean;
  /**
   * Ready, from a saved index, while the tables' counts are still read to check it (search-persist.ts
   * onServing): it answers; a difference found turns the phase to 'indexing' with `serving`.
   */
  checking?: boolean;
  /** How the index became ready: loaded as saved, or (re)built and why (data/search-persist.ts). */
  outcome?: StartOutcome;
  /** Where the start spent its time, ms (data/search-persist.ts PersistedSearch.timings). */
  timings?: { read?: number; load?: number; check?: number; postings?: number };
  /** The generation of the index last saved by this window (data/search-persist.ts), if it saved one. */
  saved?: number;
  message?: string;
}

export interface ResultGroup extends Omit<HitGroup, 'hits'> {
  items: ResultItem[];
}

export interface SearchResponse {
  /** Folded query words, for highlighting. */
  terms: string[];
  groups: ResultGroup[];
  /** Messages about the query itself: bad dates, unknown names. */
  notes: string[];
  /** True while the index is still being built: results are partial. */
  partial: boolean;
  /** The index's version (SearchStatus.version) the answer reflects. */
  version?: number;
}

export type ToWorker =
  | { type: 'start'; dbName: string }
  | { type: 'search'; req: number; text: string; filters: SearchFilters; limit: number; locale?: Locale }
  | { type: 'suggest'; req: number; kind: 'speaker' | 'organisation' | 'tag'; prefix: string };

export type FromWorker =
  | { type: 'status'; status: SearchStatus }
  | { type: 'result'; req: number; response: SearchResponse }
  | { type: 'suggestions'; req: number; values: string[] }
  /** `error`: a UserError's key and values (core/errors.ts), which a cloned Error would lose. */
  | { type: 'failed'; req: number; message: string; error?: UserErrorData };
