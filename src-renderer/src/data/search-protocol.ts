/** Messages between the app and the search worker (data/search.worker.ts). */
import type { HitGroup, ResultItem, SearchFilters } from '../core/search';

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
  /** Duration of the last full build, ms. */
  buildMs?: number;
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
}

export type ToWorker =
  | { type: 'start'; dbName: string }
  | { type: 'search'; req: number; text: string; filters: SearchFilters; limit: number }
  | { type: 'suggest'; req: number; kind: 'speaker' | 'organisation' | 'tag'; prefix: string };

export type FromWorker =
  | { type: 'status'; status: SearchStatus }
  | { type: 'result'; req: number; response: SearchResponse }
  | { type: 'suggestions'; req: number; values: string[] }
  | { type: 'failed'; req: number; message: string };
