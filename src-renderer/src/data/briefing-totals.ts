/**
 * Per-briefing totals kept by the data layer (issue 16: the Pack dialog's counts are sums over the
 * selected briefings' totals, not table scans). What a row holds is core/pack/briefing-totals.ts's rule.
 *
 * How they stay right: a Dexie middleware below every table of this database (DBCore, so it sees every
 * write whatever made it: an edit, a tombstone, an import, a live-sync pull, an undo, Collection.modify,
 * clear) adds the `briefingTotals` store to every read-write transaction over briefings, statements or
 * follow-ups, reads the rows a write replaces, and after the write applies the difference to the totals
 * of the briefings it touched — in the same transaction, so a write and its totals commit or abort
 * together: a crash or an abort half-way never leaves totals that disagree with the tables.
 *
 * How they are read fast: reading one row per briefing was most of the dialog's first counts at 100,000
 * briefings (IndexedDB builds an object per row). So the rows are also kept folded into one stored text,
 * the digest (core/pack/totals-digest.ts), and every row the middleware writes carries a sequence number
 * (`seq`, indexed) above every other row's: a reader takes the digest and only the rows numbered above the
 * last one it holds. A row whose totals fell to nothing is kept, empty, so that the reader knows to drop
 * it from the digest (such rows stay until the next rebuild: one per briefing erased with everything in it,
 * which is rare). The Pack dialog's worker folds (digestBriefingTotals) what it read after it has
 * answered, when there was no digest or many rows were written since; a fold writes the digest alone, never
 * the rows, so no reader is told the rows changed and no write waits for it.
 *
 * What it cannot see: a write that bypasses Dexie (raw IndexedDB, as some end-to-end seeds do) or a
 * store filled before this version. So the totals carry the rule's version (meta 'briefingTotals',
 * written with them), and `readKeptTotals` checks, before they are first used, that the version is
 * current and that they add up to the tables' live counts (counted from indexes, no record read); a
 * mismatch rebuilds them from the tables, in one transaction. Each fill stamps the mark afresh, and a
 * digest counts only under the stamp it was folded from.
 */
import Dexie, { type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware, type Table } from 'dexie';
import {
  applyContributions,
  BRIEFING_TOTALS_RULE,
  contributionOf,
  emptyTotals,
  isEmptyTotals,
  TotalsBuilder,
  TOTALS_TABLES,
  type BriefingTotals,
  type Contribution,
  type TotalsSource,
  type TotalsTable,
} from '../core/pack/briefing-totals';
import { decodeTotalsDigest, encodeTotalsDigest, TOTALS_DIGEST_FORMAT } from '../core/pack/totals-digest';
import { newId } from '../core/ids';
import type { AttacheDb } from './db';

/** The store that keeps them, one row per briefing. */
export const TOTALS_STORE = 'briefingTotals';
/** The meta entry that says which rule built them. */
export const TOTALS_MARK = 'briefingTotals';
/** The store that keeps the digest, and its one key. */
export const DIGEST_STORE = 'totalsDigest';
export const DIGEST_KEY = 'digest';

/** A row as stored: the rule's totals, and the number of the write that last changed it (none for a fill's). */
export type StoredTotals = BriefingTotals & { seq?: number };

/** The mark: the rule that built the rows, and a stamp that each fill makes new. */
export interface TotalsMark {
  rule: number;
  stamp?: string;
}

/** The rows folded into one text, valid under the mark's stamp it was folded from. */
export interface TotalsDigestRow {
  key: typeof DIGEST_KEY;
  format: number;
  rule: number;
  stamp: string;
  /** The highest row number it holds: rows numbered above it were written since. */
  upTo: number;
  text: string;
}

/** Every key of an index (DBCoreRangeType.Any: Dexie's typings declare the enum but do not export its values). */
const ANY_KEY: DBCoreKeyRange = { type: 3, lower: undefined, upper: undefined };

/**
 * The highest row number stored (0 when none is numbered), within the middleware's transaction (lastSeq is
 * the same through Dexie's tables, for readers).
 */
function highestSeq(table: DBCoreTable, trans: DBCoreTransaction): Promise<number> {
  // Not an async function, for the reason holdsNone gives. No index during an upgrade step before version 8:
  // no row is numbered yet.
  const index = table.schema.getIndexByKeyPath('seq');
  if (!index) return Promise.resolve(0);
  return table.openCursor({ trans, values: false, reverse: true, query: { index, range: ANY_KEY } }).then((c) => (c ? (c.key as number) : 0));
}

const SOURCES: ReadonlySet<string> = new Set(TOTALS_TABLES);

/** Totals updates of one transaction, one after the other: two writes must not both read a row before either writes it. */
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

/** The IndexedDB transaction under Dexie's DBCore transaction (they are the same object). */
const storesOf = (trans: DBCoreTransaction): DOMStringList => (trans as unknown as IDBTransaction).objectStoreNames;

const same = (a: Contribution | undefined, b: Contribution | undefined): boolean => (a === undefined ? b === undefined : b !== undefined && JSON.stringify(a) === JSON.stringify(b));

/**
 * True when the store holds none of these keys: no stored key between the smallest and the largest (one key
 * read). Exact. It spares reading back every record a write of new records "replaces" — a colleague's file
 * or a first live pull, whose ids are new here and sorted by creation — which made an import 2.6× slower
 * (`npm run bench:sync`: 0.58× raw bulkPut, from 0.92×).
 */
function holdsNone(table: DBCoreTable, trans: DBCoreTransaction, keys: readonly string[]): Promise<boolean> {
  // Not an async function: its promise would be a native one, and awaiting it would lose Dexie's transaction
  // zone, which Dexie's own hooks middleware reads below us at the next mutate. DBCore's promises keep it.
  let lower = keys[0]!;
  let upper = lower;
  for (const k of keys) {
    if (k < lower) lower = k;
    else if (k > upper) upper = k;
  }
  const range = { type: 2 as DBCoreKeyRange['type'], lower, upper, lowerOpen: false, upperOpen: false };
  return table.query({ trans, values: false, limit: 1, query: { index: table.schema.primaryKey, range } }).then((found) => found.result.length === 0);
}

async function keepTotals(table: DBCoreTable, totals: DBCoreTable, name: TotalsTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  // What each written key held before: its part comes off its briefing's totals.
  let before: (TotalsSource | undefined)[];
  if (req.type === 'deleteRange') {
    before = (await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })).result as TotalsSource[];
  } else if (req.type === 'add') {
    // An add never replaces: where a key exists it fails, and a failure changes nothing.
    before = [];
  } else {
    const keys = (req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v: TotalsSource) => v.id))) as string[];
    before = keys.length === 0 || (await holdsNone(table, trans, keys)) ? [] : ((await table.getMany({ trans, keys })) as (TotalsSource | undefined)[]);
  }
  const res = await table.mutate(req);
  const after = req.type === 'add' || req.type === 'put' ? (req.values as readonly TotalsSource[]) : [];
  const n = req.type === 'deleteRange' ? before.length : req.type === 'delete' ? req.keys.length : after.length;
  const changes: [Contribution, 1 | -1][] = [];
  for (let i = 0; i < n; i++) {
    if (res.failures[i]) continue;
    const was = contributionOf(name, before[i]);
    const is = contributionOf(name, after[i]);
    // Most edits (a statement's text, a follow-up's status) change nothing the totals hold.
    if (same(was, is)) continue;
    if (was) changes.push([was, -1]);
    if (is) changes.push([is, 1]);
  }
  if (!changes.length) return res;
  const ids = [...new Set(changes.map(([c]) => c.id))];
  const rows = (await totals.getMany({ trans, keys: ids })) as (BriefingTotals | undefined)[];
  const byId = new Map(ids.map((id, i) => [id, rows[i] ?? emptyTotals(id)]));
  const partsOf = new Map<string, [Contribution, 1 | -1][]>();
  for (const change of changes) {
    const parts = partsOf.get(change[0].id);
    if (parts) parts.push(change);
    else partsOf.set(change[0].id, [change]);
  }
  for (const [id, parts] of partsOf) applyContributions(byId.get(id)!, parts);
  // Numbered above every stored row, so a reader of the digest finds them; an emptied row too (not deleted):
  // the reader must learn to drop it from the digest. Read-write transactions over this store run one at a
  // time, in this database and any other tab's or worker's, and only a fill deletes rows, so the numbers
  // rise until the next fill (which starts them again at 1 under a new stamp, no digest counting any more).
  const seq = (await highestSeq(totals, trans)) + 1;
  const written: StoredTotals[] = [...byId.values()].map((t) => ({ ...t, seq }));
  await totals.mutate({ trans, type: 'put', values: written, keys: written.map((t) => t.id) });
  return res;
}

/** Read-write transactions whose writes leave the totals to a rebuild (deferBriefingTotals). */
const deferred = new WeakSet<object>();

/**
 * Inside a read-write transaction that includes `meta` (a large import): its writes do not keep the totals;
 * they are marked out of date in it instead (the rule's mark removed), so `readKeptTotals` rebuilds them
 * from the tables, once, when they are next needed. An abort takes the mark's removal back with the writes.
 */
export async function deferBriefingTotals(db: AttacheDb): Promise<void> {
  const tx = Dexie.currentTransaction;
  if (!tx) throw new Error('deferBriefingTotals is called inside a transaction');
  await db.meta.delete(TOTALS_MARK);
  deferred.add(tx.idbtrans);
}

/** The middleware (registered by AttacheDb): every write to briefings, statements or follow-ups keeps the totals in its own transaction. */
export const briefingTotalsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'BriefingTotals',
  create(down) {
    const kept = down.schema.tables.some((t) => t.name === TOTALS_STORE);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = kept && mode === 'readwrite' && !stores.includes(TOTALS_STORE) && stores.some((s) => SOURCES.has(s));
        return down.transaction(widen ? [...stores, TOTALS_STORE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!SOURCES.has(name)) return table;
        return {
          ...table,
          mutate(req) {
            // An upgrade that runs before the store exists (an older version's) has nothing to keep: the
            // version that creates the store fills it afterwards.
            if (!storesOf(req.trans).contains(TOTALS_STORE) || deferred.has(req.trans)) return table.mutate(req);
            const run = (queues.get(req.trans) ?? Promise.resolve()).then(() => keepTotals(table, down.table(TOTALS_STORE), name as TotalsTable, req));
            queues.set(
              req.trans,
              run.catch(() => undefined),
            );
            return run;
          },
        };
      },
    };
  },
};

/** Rows per read when the tables are read whole (the fill, a rebuild). */
const CHUNK = 5_000;

/**
 * The totals computed afresh from the tables and stored in place of whatever was there, with the rule's
 * mark: the schema upgrade that creates the store and a rebuild both call it inside their transaction.
 */
export async function fillBriefingTotals(table: (name: string) => Table): Promise<void> {
  const totals = new TotalsBuilder();
  for (const name of TOTALS_TABLES) {
    let from = '';
    for (;;) {
      const rows = (await table(name).where(':id').above(from).limit(CHUNK).toArray()) as TotalsSource[];
      for (const row of rows) totals.add(contributionOf(name, row));
      if (rows.length < CHUNK) break;
      from = rows[rows.length - 1]!.id;
    }
  }
  await table(TOTALS_STORE).clear();
  await table(TOTALS_STORE).bulkPut([...totals.rows().values()]);
  // A new stamp: any digest folded from the rows this fill replaced no longer counts.
  await table('meta').put({ key: TOTALS_MARK, value: { rule: BRIEFING_TOTALS_RULE, stamp: newId() } satisfies TotalsMark });
}

/**
 * Whether the kept totals follow every write: their mark is there, from this rule. A large import removes it
 * in its own transaction (deferBriefingTotals) and a rebuild puts it back, so a reader who finds it in the
 * same transaction as the rows reads totals that are current.
 */
export function builtByThisRule(mark: { value?: unknown } | undefined): boolean {
  return (mark?.value as Partial<TotalsMark> | undefined)?.rule === BRIEFING_TOTALS_RULE;
}

/** The stamp of the fill the rows descend from ('' for rows filled before stamps, which no digest matches). */
function stampOf(mark: { value?: unknown } | undefined): string {
  const stamp = (mark?.value as Partial<TotalsMark> | undefined)?.stamp;
  return typeof stamp === 'string' ? stamp : '';
}

/** Whether a stored digest holds the rows as the mark describes them. */
function digestIsCurrent(digest: TotalsDigestRow | undefined, mark: { value?: unknown } | undefined): digest is TotalsDigestRow {
  const stamp = stampOf(mark);
  return !!digest && builtByThisRule(mark) && stamp !== '' && digest.stamp === stamp && digest.rule === BRIEFING_TOTALS_RULE && digest.format === TOTALS_DIGEST_FORMAT;
}

/** A stored row as the rule's totals (without its number). */
function asTotals(row: StoredTotals): BriefingTotals {
  if (row.seq === undefined) return row;
  const { seq: _, ...totals } = row;
  return totals;
}

/** These rows with the rows written since in their place (emptied ones dropped). */
function withChanges(rows: Iterable<BriefingTotals>, changed: readonly StoredTotals[]): BriefingTotals[] {
  const byId = new Map<string, BriefingTotals>();
  for (const row of rows) byId.set(row.id, row);
  for (const row of changed) {
    if (isEmptyTotals(row)) byId.delete(row.id);
    else byId.set(row.id, asTotals(row));
  }
  return [...byId.values()];
}

/** Rebuild the totals from the tables, in one transaction (writes wait for it). */
export function rebuildBriefingTotals(db: AttacheDb): Promise<void> {
  return db.transaction('rw', [db.briefings, db.statements, db.actions, db.briefingTotals, db.meta], () => fillBriefingTotals((name) => db.table(name)));
}

/** Where a read of the totals came from: what a fold made from it needs to know. */
export interface TotalsBasis {
  /** The mark's stamp when read. */
  stamp: string;
  /** The highest row number then: rows numbered above it were written after the read. */
  seq: number;
  /** Whether a digest was read (with the rows written since), rather than every row. */
  digested: boolean;
  /** How many rows were read beside the digest (every row when there was none). */
  rowsRead: number;
}

export interface CheckedTotals {
  rows: BriefingTotals[];
  /** Built by this rule, and adding up to the tables' live counts. */
  agree: boolean;
  basis: TotalsBasis;
}

/** The highest row number stored, through Dexie (0 when none is numbered): highestSeq, for readers. */
async function lastSeq(db: AttacheDb): Promise<number> {
  const [seq] = await db.briefingTotals.orderBy('seq').reverse().limit(1).keys();
  return typeof seq === 'number' ? seq : 0;
}

/**
 * The kept totals, with whether they can be trusted: built by the current rule, and adding up to the live
 * records of each table (counted from indexes, no record read), all read in one transaction. From the digest
 * and the rows written since when the digest counts; otherwise (none yet, another stamp, damaged) every row.
 */
export async function checkedBriefingTotals(db: AttacheDb): Promise<CheckedTotals> {
  return db.transaction('r', [db.briefings, db.statements, db.actions, db.briefingTotals, db.meta, db.totalsDigest], async () => {
    const [mark, digest, seq, briefings, statements, actions] = await Promise.all([
      db.meta.get(TOTALS_MARK),
      db.totalsDigest.get(DIGEST_KEY),
      lastSeq(db),
      db.briefings.where('[deleted+startsAt]').between([0, Dexie.minKey], [0, Dexie.maxKey], true, true).count(),
      db.statements.where('deleted').equals(0).count(),
      db.actions.where('deleted').equals(0).count(),
    ]);
    const stamp = stampOf(mark);
    let read: { rows: BriefingTotals[]; basis: TotalsBasis } | undefined;
    if (digestIsCurrent(digest, mark)) {
      // Asked for before the digest is parsed, so IndexedDB reads them meanwhile.
      const changed = db.briefingTotals.where('seq').above(digest.upTo).toArray();
      let folded: BriefingTotals[] | undefined;
      try {
        folded = decodeTotalsDigest(digest.text);
      } catch {
        // A damaged digest is read past (every row, below); the next fold writes a sound one.
      }
      const since = await changed;
      if (folded) read = { rows: since.length ? withChanges(folded, since) : folded, basis: { stamp, seq, digested: true, rowsRead: since.length } };
    }
    if (!read) {
      const rows: BriefingTotals[] = [];
      for (const row of await db.briefingTotals.toArray()) if (!isEmptyTotals(row)) rows.push(asTotals(row));
      read = { rows, basis: { stamp, seq, digested: false, rowsRead: rows.length } };
    }
    const sum = { briefings: 0, statements: 0, actions: 0 };
    for (const t of read.rows) {
      sum.briefings += t.live;
      sum.statements += t.statements;
      sum.actions += t.actions;
    }
    return { ...read, agree: builtByThisRule(mark) && sum.briefings === briefings && sum.statements === statements && sum.actions === actions };
  });
}

/** The kept totals once they are right, with where they were read from: checked first, and rebuilt from the tables when they are not. */
export async function readKeptTotals(db: AttacheDb): Promise<CheckedTotals> {
  const first = await checkedBriefingTotals(db);
  if (first.agree) return first;
  await rebuildBriefingTotals(db);
  return checkedBriefingTotals(db);
}

/** How many rows written since the last fold make the next reader fold again (a fold rewrites the whole digest). */
export const FOLD_AFTER_ROWS = 500;

/** Whether a reader should fold what it read into a new digest: there was none, or many rows were written since. */
export function worthFolding(basis: TotalsBasis): boolean {
  return !basis.digested || basis.rowsRead >= FOLD_AFTER_ROWS;
}

/**
 * Fold `rows` — the totals exactly as read on `basis` — into a new digest holding the rows up to `basis.seq`:
 * readers take the rows numbered above it from the rows themselves. Only the digest is written (the rows are
 * not read again, and no write to them waits for the fold). Refused (false) when a fill came between (a new
 * stamp: `rows` describe rows that are gone) or the totals are out of date (a large import removed the mark).
 * Two folds from different reads both store a digest that is right; the last one stored stays.
 */
export async function digestBriefingTotals(db: AttacheDb, basis: TotalsBasis, rows: Iterable<BriefingTotals>): Promise<boolean> {
  const text = encodeTotalsDigest(rows);
  return db.transaction('rw', [db.meta, db.totalsDigest], async () => {
    const mark = await db.meta.get(TOTALS_MARK);
    const stamp = stampOf(mark);
    if (!builtByThisRule(mark) || stamp === '' || stamp !== basis.stamp) return false;
    await db.totalsDigest.put({ key: DIGEST_KEY, format: TOTALS_DIGEST_FORMAT, rule: BRIEFING_TOTALS_RULE, stamp, upTo: basis.seq, text });
    return true;
  });
}
