/**
 * The follow-up tracker's filtering and ordering: pure functions over actions, shared by the tracker
 * screen, the data layer's query, the benchmark and (if it wants) the pack builder's action annex.
 */
import { dueWindow, type DueWindow } from './dates';
import { ACTION_KINDS, ACTION_STATUSES, type ActionFields, type ActionKind, type ActionStatus, type StatementKind } from './model';
import { dueWindowLabel, statusLabel } from './labels';
import { foldName } from './text';

export const DUE_WINDOWS: readonly DueWindow[] = ['overdue', 'next7', 'later', 'none'];

/** English names (the CLI's and the tests'); a screen or an output in a language uses core/labels.ts. */
export const DUE_WINDOW_LABELS = Object.fromEntries(DUE_WINDOWS.map((w) => [w, dueWindowLabel('en', w)])) as Record<DueWindow, string>;
export const STATUS_LABELS = Object.fromEntries(ACTION_STATUSES.map((s) => [s, statusLabel('en', s)])) as Record<ActionStatus, string>;

/** The fields the tracker reads: an Action, or any row that carries these fields. */
export type TrackedAction = Pick<ActionFields, 'kind' | 'briefingId' | 'owner' | 'due' | 'status' | 'priority' | 'tags'> & {
  id: string;
  /** The statement it came from (read only by the "from decisions" filter). */
  statementId?: string | null;
};

export interface TrackerFilter {
  /** Empty means every status. */
  statuses: ActionStatus[];
  /** Exact owner (case, accents and spacing do not matter); '' is "unassigned"; undefined means any owner. */
  owner?: string;
  briefingId?: string;
  tag?: string;
  /** Empty means every window. */
  windows: DueWindow[];
  /** Empty means tasks and events. */
  kinds: ActionKind[];
  /** Only what this installation's user owns: the owner is "Your name" (TrackerContext.myName), compared as names are. */
  mine?: boolean;
  /** Only follow-ups made from a decision (a statement of kind `decision`). */
  fromDecisions?: boolean;
}

/** What a new tracker shows: the work still to do, whatever its date. */
export const DEFAULT_TRACKER_FILTER: TrackerFilter = { statuses: ['open', 'in-progress'], windows: [], kinds: [] };

/** Extra facts about an action's briefing the filter may use (its tags count as the action's context). */
export interface TrackerContext {
  briefingTags?: (briefingId: string) => readonly string[] | undefined;
  /** This installation's user's name (a local setting, never synced); without it "Mine" matches nothing. */
  myName?: string;
  /** The kind of a statement, for the "from decisions" filter; unknown (not loaded, deleted) is not a decision. */
  statementKind?: (statementId: string) => StatementKind | undefined;
}

/** Is this follow-up "mine": owned by the name this installation's user gave (foldName: case, accents, spacing)? */
export function isMine(action: Pick<TrackedAction, 'owner'>, myName: string | undefined): boolean {
  const me = foldName(myName ?? '');
  return me !== '' && foldName(action.owner) === me;
}

/** Was this follow-up made from a decision? */
export function isFromDecision(action: Pick<TrackedAction, 'statementId'>, ctx: TrackerContext): boolean {
  return !!action.statementId && ctx.statementKind?.(action.statementId) === 'decision';
}

function hasTag(action: TrackedAction, tag: string, ctx: TrackerContext): boolean {
  const want = foldName(tag);
  if (action.tags.some((t) => foldName(t) === want)) return true;
  const inherited = action.briefingId ? ctx.briefingTags?.(action.briefingId) : undefined;
  return !!inherited?.some((t) => foldName(t) === want);
}

/** Every filter but the due window: the window counts are taken over what this lets through. */
export function matchesExceptWindow(action: TrackedAction, filter: TrackerFilter, ctx: TrackerContext = {}): boolean {
  if (filter.statuses.length && !filter.statuses.includes(action.status)) return false;
  if (filter.kinds.length && !filter.kinds.includes(action.kind)) return false;
  if (filter.owner !== undefined && foldName(action.owner) !== foldName(filter.owner)) return false;
  if (filter.briefingId && action.briefingId !== filter.briefingId) return false;
  if (filter.tag && !hasTag(action, filter.tag, ctx)) return false;
  if (filter.mine && !isMine(action, ctx.myName)) return false;
  if (filter.fromDecisions && !isFromDecision(action, ctx)) return false;
  return true;
}

export function matchesFilter(action: TrackedAction, filter: TrackerFilter, today: string, ctx: TrackerContext = {}): boolean {
  if (!matchesExceptWindow(action, filter, ctx)) return false;
  return !filter.windows.length || filter.windows.includes(dueWindow(action.due, today));
}

const PRIORITY_RANK: Record<string, number> = { high: 0, normal: 1, low: 2 };

/**
 * Due date ascending with undated last; then high priority first; then creation order (UUIDv7 ids sort by time).
 * Partial dates compare as text, which is calendar order: a month ("2015-05") sorts by its first day, before
 * the dated days of that month, and a year before its months — the wider window opens first, so "sometime in
 * May" is in view before 1 May comes (tests/unit/date-input.test.ts). No parsing: this runs 20,000 times a sort.
 */
export function compareByDue(a: TrackedAction, b: TrackedAction): number {
  if (a.due !== b.due) {
    if (!a.due) return 1;
    if (!b.due) return -1;
    return a.due < b.due ? -1 : 1;
  }
  const pa = PRIORITY_RANK[a.priority] ?? 1;
  const pb = PRIORITY_RANK[b.priority] ?? 1;
  if (pa !== pb) return pa - pb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export type WindowCounts = Record<DueWindow, number>;

export function emptyCounts(): WindowCounts {
  return { overdue: 0, next7: 0, later: 0, none: 0 };
}

export interface TrackerResult<A extends TrackedAction> {
  /** Matching actions, sorted by due date (undated last). */
  rows: A[];
  /** Per due window, how many actions pass every other filter. */
  counts: WindowCounts;
  /** How many actions were looked at. */
  scanned: number;
}

/**
 * Filter and sort in one pass. Feed it in chunks with `TrackerAccumulator` when the actions come from
 * storage in pieces; this is the same thing for an array in hand.
 */
export function runTracker<A extends TrackedAction>(actions: Iterable<A>, filter: TrackerFilter, today: string, ctx: TrackerContext = {}): TrackerResult<A> {
  const acc = new TrackerAccumulator<A>(filter, today, ctx);
  acc.add(actions);
  return acc.result();
}

/** Filters actions chunk by chunk, so a caller can read storage in pieces and keep only what matches. */
export class TrackerAccumulator<A extends TrackedAction> {
  private rows: A[] = [];
  private counts = emptyCounts();
  private scanned = 0;
  private sorted = true;
  private lastKept: A | undefined;

  constructor(
    private readonly filter: TrackerFilter,
    private readonly today: string,
    private readonly ctx: TrackerContext = {},
  ) {}

  add(chunk: Iterable<A>): void {
    const { filter, today, ctx } = this;
    for (const a of chunk) {
      this.scanned++;
      if (!matchesExceptWindow(a, filter, ctx)) continue;
      const w = dueWindow(a.due, today);
      this.counts[w]++;
      if (filter.windows.length && !filter.windows.includes(w)) continue;
      // Storage usually hands actions over already in due order; only sort when it did not.
      if (this.sorted && this.lastKept && compareByDue(this.lastKept, a) > 0) this.sorted = false;
      this.rows.push(a);
      this.lastKept = a;
    }
  }

  result(): TrackerResult<A> {
    if (!this.sorted) {
      this.rows.sort(compareByDue);
      this.sorted = true;
    }
    return { rows: this.rows, counts: { ...this.counts }, scanned: this.scanned };
  }
}

/** Distinct owners (first spelling wins), sorted, for the owner filter. */
export function distinctOwners(actions: Iterable<Pick<ActionFields, 'owner'>>): string[] {
  const seen = new Map<string, string>();
  for (const a of actions) {
    const key = foldName(a.owner);
    if (key && !seen.has(key)) seen.set(key, a.owner.trim().replace(/\s+/g, ' '));
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** Distinct tags (first spelling wins), sorted, for the tag filter. */
export function distinctTags(lists: Iterable<readonly string[]>): string[] {
  const seen = new Map<string, string>();
  for (const list of lists) {
    for (const t of list) {
      const key = foldName(t);
      if (key && !seen.has(key)) seen.set(key, t.trim());
    }
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * A filter from untrusted storage (sessionStorage, a URL): anything unknown is dropped, so a stale or
 * hand-edited value can never break the screen.
 */
export function parseTrackerFilter(raw: unknown): TrackerFilter {
  const base: TrackerFilter = { ...DEFAULT_TRACKER_FILTER, statuses: [...DEFAULT_TRACKER_FILTER.statuses] };
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Record<string, unknown>;
  const pick = <T extends string>(v: unknown, allowed: readonly T[]): T[] | undefined =>
    Array.isArray(v) ? [...new Set(v.filter((x): x is T => typeof x === 'string' && (allowed as readonly string[]).includes(x)))] : undefined;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 300 ? v : undefined);
  return {
    statuses: pick(r.statuses, ACTION_STATUSES) ?? base.statuses,
    windows: pick(r.windows, DUE_WINDOWS) ?? [],
    kinds: pick(r.kinds, ACTION_KINDS) ?? [],
    owner: str(r.owner),
    briefingId: str(r.briefingId) || undefined,
    tag: str(r.tag) || undefined,
    // Absent rather than false, so an older stored filter and the default compare equal.
    mine: r.mine === true || undefined,
    fromDecisions: r.fromDecisions === true || undefined,
  };
}

export function isDefaultFilter(f: TrackerFilter): boolean {
  return JSON.stringify(parseTrackerFilter(f)) === JSON.stringify(parseTrackerFilter(DEFAULT_TRACKER_FILTER));
}
