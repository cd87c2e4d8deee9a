/**
 * The search index: MiniSearch (a compact radix-tree full-text index with BM25 ranking) over every live
 * briefing, statement, person, organisation and action, plus the few facts filters need (dates, tags,
 * speakers, organisations), kept in plain maps so that filtering a hit is a lookup, not a database read.
 *
 * Pure: the app runs it in a Web Worker fed from IndexedDB (data/search.worker.ts); tests run it in Node.
 */
import MiniSearch from 'minisearch';
import { organisationWithAcronym, type Action, type Briefing, type Organisation, type Person, type Statement, type StatementKind } from '../model';
import {
  DOC_FIELDS,
  FIELD_BOOST,
  INDEXED_TABLES,
  TABLE_OF,
  TYPE_OF,
  docId,
  linkFor,
  toDoc,
  type IndexedRecord,
  type IndexedTable,
  type NameLookup,
  type ResultLink,
  type SearchDoc,
} from './documents';
import { snippet } from './highlight';
import { plainText } from '../richtext';
import { documentIdOf, prepareScores, queryWords, scoredMatches, useLeanScoring, type MiniSearchInternals } from './leanScoring';
import { LazyPostings, PostingsNotReadError, SearchIndexDamagedError, TermChunk, eachPosting, packTerm } from './postings';
import { DenseMap, InverseIds, ShortIdNames } from './short-ids';
import { FieldLengths, packedLengthChunks } from './field-lengths';
import { openChunk } from './packed-bytes';
import { PackedIds, packedIdChunks, type LoadedIds } from './packed-ids';
import { LoadedFacts, type FactRows } from './loaded-facts';
import { ColumnsChunk, ColumnsWriter, PlacedNames } from './fact-columns';
import { fold, foldName } from '../text';
import { indexTerm, queryTerms, tokenize } from './normalize';
import { RESULT_TYPES, type ParsedQuery, type ResultType, type SearchFilters } from './query';
import { SEARCH_INDEX_VERSION } from './documents';
import { resolveId } from '../directory';
import { formatLongDate } from '../dates';
import { translate, type Locale } from '../i18n';
import { actionKindLabel, kindLabel, statusLabel } from '../labels';

export { PostingsNotReadError, SearchIndexDamagedError, TermChunk } from './postings';

/** One piece of a saved index (SearchEngine.chunkStream): JSON text, or bytes for what is a number or an id per document. */
export type SavedChunk = string | Uint8Array;

interface BriefingFacts {
  title: string;
  date: string;
  tags: string[];
  organiserIds: string[];
  /** Ids of the people listed as present (as stored): a renamed one re-reads the briefings naming them. */
  attendeeIds: string[];
}
interface PersonFacts {
  name: string;
  /**
   * The name's words (personWords). A loaded index leaves them out (50,000 names tokenised were a tenth of a
   * second of its load at scale 10): made when prepareSome gets to them, or by the first speaker filter or
   * suggestion before that.
   */
  words?: string[];
  organisationId: string | null;
  /** The person this one was merged into (core/directory.ts): statements naming it read as that one's. */
  mergedInto: string | null;
}
interface OrganisationFacts {
  name: string;
  acronym: string;
  words: string[];
}
interface StatementFacts {
  briefingId: string;
  speakerId: string | null;
  tags: string[];
  kind: StatementKind;
  /**
   * Its briefing's date ('' while the briefing is unknown), kept beside it: a date filter or an equal score
   * reads it without looking the briefing up among 100,000 for each match. Not saved: taken from the
   * briefing's facts when these are made; a briefing whose date changes has its statements re-read.
   */
  date: string;
  /** Its briefing's tags, likewise (the briefing's own array, [] while unknown), for a tag filter. */
  briefingTags: readonly string[];
}
interface ActionFacts {
  briefingId: string | null;
  statementId: string | null;
  tags: string[];
  /** Its briefing's date, as for a statement ('' without one). */
  date: string;
  /** An event kept by a later briefing: that briefing, and the event's title (which the briefing's document names). */
  held?: { in: string; title: string };
}

/**
 * A query's matches in the order they were found: short id, type (its place in RESULT_TYPES) and score, in
 * typed arrays kept from one query to the next and doubled when too small (a plain array grown a push at a
 * time to 200,000 matches cost more than finding them).
 */
class Matches {
  shorts = new Int32Array(1024);
  codes = new Uint8Array(1024);
  scores = new Float64Array(1024);
  count = 0;

  add(short: number, code: number, score: number): void {
    if (this.count === this.shorts.length) this.grow();
    this.shorts[this.count] = short;
    this.codes[this.count] = code;
    this.scores[this.count] = score;
    this.count += 1;
  }

  private grow(): void {
    const capacity = this.shorts.length * 2;
    const shorts = new Int32Array(capacity);
    shorts.set(this.shorts);
    const codes = new Uint8Array(capacity);
    codes.set(this.codes);
    const scores = new Float64Array(capacity);
    scores.set(this.scores);
    Object.assign(this, { shorts, codes, scores });
  }
}

/** Records whose index documents embed names from a record that changed, and must be re-read. */
export interface Stale {
  table: IndexedTable;
  ids: string[];
}

export interface Hit {
  type: ResultType;
  id: string;
  score: number;
}

export interface HitGroup {
  type: ResultType;
  /** Every match, before the per-group limit. */
  total: number;
  hits: Hit[];
}

export interface EngineResult {
  /** Folded query words, for highlighting. */
  terms: string[];
  groups: HitGroup[];
  /** Filters that matched nothing by name, e.g. a speaker no one is called. */
  notes: string[];
}

/** A hit ready to show: plain strings only; the UI highlights and renders them as text. */
export interface ResultItem {
  type: ResultType;
  id: string;
  title: string;
  subtitle: string;
  text: string;
  link: ResultLink;
}

/** Filters with names resolved to ids once per query. */
interface Resolved {
  tag?: string;
  speakers?: Set<string>;
  organisations?: Set<string>;
  from?: string;
  to?: string;
  types?: Set<ResultType>;
  /** Statements of these kinds and the follow-ups made from them. */
  kinds?: Set<StatementKind>;
  dated: boolean;
}

/** A saved index of another SEARCH_INDEX_VERSION or chunk layout (or no head at all): rebuilt, not loaded. */
export class SearchIndexVersionError extends Error {
  constructor() {
    super('The stored search index is of another version');
  }
}

/** The layout of toChunks' output; a saved index of another layout is rebuilt, like one of another SEARCH_INDEX_VERSION. */
const CHUNK_FORMAT = 11;
/** How a chunk of terms begins (chunkStream), the one kind with more after its JSON object. */
const TERMS_HEAD = '{"k":"terms"';

/**
 * A saved chunk as the store keeps it (data/search-persist.ts): a chunk of terms as its layout and, apart, its
 * postings, which are read after the rest while the index already answers (SearchEngine.supplyPostings);
 * any other chunk whole.
 */
export function splitPostings(text: string): { head: string; postings?: string } {
  const nl = text.startsWith(TERMS_HEAD) ? text.indexOf('\n') : -1;
  return nl < 0 ? { head: text } : { head: text.slice(0, nl), postings: text.slice(nl + 1) };
}

/** Whether a query word also finds the words it begins ("nazar" finds Nazarzoda): one letter would match half of them. */
const prefixSearched = (term: string) => term.length >= 2;

/** The MiniSearch 7.2 fields its toJSON() reads (the version is pinned: tests/unit/pinned-internals.test.ts). */
interface SerializedInternals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _idToShortId: Map<string, number>;
  _index: Iterable<[string, Map<number, Map<number, number>>]> & { set(term: string, data: Map<number, Map<number, number>>): unknown };
}

/** The same strings in the same order. */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A person's name's words (tokenize), made once, when first asked for. */
function personWords(p: PersonFacts): string[] {
  return (p.words ??= tokenize(p.name));
}

/** Every word of `wanted` is a prefix of some word of `words`. */
function wordsMatch(words: readonly string[], wanted: readonly string[]): boolean {
  return wanted.every((w) => words.some((x) => x.startsWith(w)));
}

/** Maps derived from the statements' and actions' facts; each change of those facts updates them. */
interface Derived {
  /** briefing id → speaker id → number of statements: for "briefings where X spoke". */
  speakersOf: Map<string, Map<string, number>>;
  /** briefing id → its statements and actions, so a briefing's deletion or return can re-index them. */
  childrenOf: Map<string, { statements: Set<string>; actions: Set<string> }>;
  /**
   * speaker id → the statements they made, with their facts: a speaker filter reads these, not every
   * statement (and not each one's facts again from among a million: that lookup was most of such a filter).
   */
  bySpeaker: Map<string, Map<string, StatementFacts>>;
  /** statement id → the follow-ups made from it (a speaker filter finds those too). */
  actionsFrom: Map<string, Set<string>>;
}

function emptyDerived(): Derived {
  return { speakersOf: new Map(), childrenOf: new Map(), bySpeaker: new Map(), actionsFrom: new Map() };
}

function setIn<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** setIn's inverse: the set left without `value`, and dropped once empty. */
function deleteIn<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) map.delete(key);
}

function childrenIn(d: Derived, briefingId: string) {
  let c = d.childrenOf.get(briefingId);
  if (!c) d.childrenOf.set(briefingId, (c = { statements: new Set(), actions: new Set() }));
  return c;
}

function linkStatement(d: Derived, id: string, s: StatementFacts): void {
  childrenIn(d, s.briefingId).statements.add(id);
  if (!s.speakerId) return;
  let counts = d.speakersOf.get(s.briefingId);
  if (!counts) d.speakersOf.set(s.briefingId, (counts = new Map<string, number>()));
  counts.set(s.speakerId, (counts.get(s.speakerId) ?? 0) + 1);
  let said = d.bySpeaker.get(s.speakerId);
  if (!said) d.bySpeaker.set(s.speakerId, (said = new Map<string, StatementFacts>()));
  said.set(id, s);
}

function unlinkStatement(d: Derived, id: string, s: StatementFacts): void {
  d.childrenOf.get(s.briefingId)?.statements.delete(id);
  if (!s.speakerId) return;
  const counts = d.speakersOf.get(s.briefingId);
  const n = counts?.get(s.speakerId) ?? 0;
  if (n <= 1) counts?.delete(s.speakerId);
  else counts?.set(s.speakerId, n - 1);
  const said = d.bySpeaker.get(s.speakerId);
  said?.delete(id);
  if (said?.size === 0) d.bySpeaker.delete(s.speakerId);
}

function linkAction(d: Derived, id: string, a: ActionFacts): void {
  if (a.briefingId) childrenIn(d, a.briefingId).actions.add(id);
  if (a.statementId) setIn(d.actionsFrom, a.statementId, id);
}

function unlinkAction(d: Derived, id: string, a: ActionFacts): void {
  if (a.briefingId) d.childrenOf.get(a.briefingId)?.actions.delete(id);
  if (a.statementId) deleteIn(d.actionsFrom, a.statementId, id);
}

export class SearchEngine {
  private index = SearchEngine.newIndex();
  /** What each short id of `index` names (a new index numbers from 0 again: a new one with it). */
  private shortIds = this.newShortIds();
  /** The current query's matches (search). */
  private readonly matches = new Matches();
  private readonly briefings = new Map<string, BriefingFacts>();
  private readonly people = new Map<string, PersonFacts>();
  private readonly organisations = new Map<string, OrganisationFacts>();
  /** A loaded index's are LoadedFacts: made a record at a time when first needed (loaded-facts.ts). */
  private statements: Map<string, StatementFacts> = new Map();
  private actions: Map<string, ActionFacts> = new Map();
  /**
   * briefing id → the events held there (actions.heldInBriefingId), so each document names the other. Kept
   * from the facts as they change, loaded or not, unlike the derived maps: every briefing's document asks
   * for its events, and a loaded index walked every follow-up for each briefing an edit replayed at a start
   * re-read (the walk most of the replay at 135,000 records). Events are few: it is small.
   */
  private readonly heldBy = new Map<string, Set<string>>();
  /**
   * Maps derived from the statements' and actions' facts (see Derived). Undefined after fromChunks: built
   * on first use or by prepare(), so that a loaded index answers its first query without them.
   */
  private derivedState: Derived | undefined = emptyDerived();
  /** Walks of the facts left for what the derived maps would answer while they are not built (fromDerived). */
  private walks = 8;
  /** A loaded index's people whose words prepareSome has still to make (personWords), and where it stopped. */
  private wordless: MapIterator<PersonFacts> | undefined;
  /** The derived maps part-built by prepareSome, and where it stopped. */
  private building: { d: Derived; statements: MapIterator<[string, StatementFacts]>; actions: MapIterator<[string, ActionFacts]> } | undefined;
  /** A loaded index's chunks of postings still to parse (prepareSome), as loaded. */
  private readonly unparsed: TermChunk[] = [];
  /**
   * How many of those are not read yet (supplyPostings), and MiniSearch's vacuum settings meanwhile: a
   * vacuum walks every posting, so it waits until all are read.
   */
  private unread = 0;
  private heldVacuum: unknown;
  /** The terms packSome has still to pack (taken when it started: a term written since is packed or not, either is right). */
  private packing: Map<number, Map<number, number>>[] | undefined;
  /**
   * Tombstones seen per table, and the newest record clock seen per table: with the live records in the
   * facts maps, they let a persisted index be checked against the database (every record accounted for,
   * nothing newer than what was indexed) without reading the records (data/search-persist.ts).
   */
  private readonly tombstones = new Map<IndexedTable, Set<string>>(INDEXED_TABLES.map((t) => [t, new Set<string>()]));
  private readonly newest = new Map<IndexedTable, string>();

  /** Each folded tag once: every record's copy is the same string (see foldedTags). */
  private readonly tagNames = new Map<string, string>();

  /**
   * Tags as everywhere in the app (core/text foldName): case, accents and spacing do not matter. Each tag one
   * string, shared by every record that carries it: a tag filter compares each match's tags with the one
   * asked for, and a million copies spread over the heap were a cache miss apiece; a few hundred shared ones
   * stay in the cache.
   */
  private foldedTags(tags: readonly string[]): string[] {
    return tags.map((tag) => {
      const folded = foldName(tag);
      const known = this.tagNames.get(folded);
      if (known !== undefined) return known;
      this.tagNames.set(folded, folded);
      return folded;
    });
  }

  private newShortIds(): ShortIdNames {
    return new ShortIdNames(
      (short) => documentIdOf(this.index, short),
      (type, id, short) => {
        const facts = this.factsOf(TABLE_OF[type]);
        // A loaded statement's or follow-up's by its row, an array read, not by a lookup of its id.
        return (facts instanceof LoadedFacts && facts.atShort(short)) || facts.get(id);
      },
      () => {
        const ids = (this.index as unknown as SerializedInternals)._documentIds;
        return ids instanceof PackedIds ? ids : undefined;
      },
    );
  }

  private static options() {
    return {
      fields: [...DOC_FIELDS] as string[],
      idField: 'id',
      tokenize,
      processTerm: indexTerm,
      searchOptions: { tokenize, processTerm: indexTerm },
      autoVacuum: { minDirtCount: 2000, minDirtFactor: 0.1, batchSize: 2000, batchWait: 10 },
    };
  }

  private static newIndex(): MiniSearch<SearchDoc> {
    return useLeanScoring(new MiniSearch<SearchDoc>(SearchEngine.options()));
  }

  private readonly names: NameLookup = {
    person: (id) => this.person(id),
    organisation: (id) => (id ? this.organisations.get(id) : undefined),
    briefing: (id) => (id ? this.briefings.get(id) : undefined),
    heldEvents: (briefingId) => this.heldIn(briefingId).map((id) => this.actions.get(id)?.held?.title ?? ''),
  };

  get size(): number {
    return this.index.documentCount;
  }

  /** Forget everything (before a full rebuild). */
  clear(): void {
    this.index = SearchEngine.newIndex();
    this.shortIds = this.newShortIds();
    for (const m of [this.briefings, this.people, this.organisations, this.statements, this.actions, this.heldBy]) m.clear();
    this.tagNames.clear();
    this.derivedState = emptyDerived();
    this.building = undefined;
    this.wordless = undefined;
    this.packing = undefined;
    // A new index: no saved postings left to read or parse, its vacuum its own.
    this.unparsed.length = 0;
    this.unread = 0;
    this.heldVacuum = undefined;
    for (const t of this.tombstones.values()) t.clear();
    this.newest.clear();
  }

  /** Records of a table the index accounts for: live ones and tombstones. */
  known(table: IndexedTable): number {
    return this.factsOf(table).size + this.tombstones.get(table)!.size;
  }

  /** The newest record clock (`hlc`) the index has seen in a table, '' if none. */
  newestHlc(table: IndexedTable): string {
    return this.newest.get(table) ?? '';
  }

  /**
   * Add or refresh a record; a tombstone removes it. Returns the records whose documents depend on this one
   * and must be re-read: what embeds a renamed person's name, the statements of a deleted or restored briefing.
   */
  upsert(table: IndexedTable, record: IndexedRecord): Stale[] {
    // The derived maps, if built or being built, are kept up to date from here on (a build under way is
    // finished from the facts before these change). Not yet built, they are left so: built later from the
    // facts, they will include this change (the few edits replayed at a start must not build them all).
    this.derivedIfBuilt();
    if (record.hlc > (this.newest.get(table) ?? '')) this.newest.set(table, record.hlc);
    if (record.deleted) {
      const stale = this.remove(table, record.id);
      this.tombstones.get(table)!.add(record.id);
      return stale;
    }
    this.tombstones.get(table)!.delete(record.id);
    const stale = this.updateFacts(table, record);
    const doc = toDoc(table, record, this.names);
    // Statements and actions of a deleted (or not yet seen) briefing are gone for the user: keep their
    // facts, so the briefing's return can bring them back, but leave them out of the index.
    if (!this.searchable(table, record)) {
      this.discard(doc.id);
      return stale;
    }
    if (this.index.has(doc.id)) this.index.replace(doc);
    else this.index.add(doc);
    // Both give the document the next short id.
    this.shortIds.note((this.index as unknown as SerializedInternals)._nextId - 1, TYPE_OF[table], record.id, this.factsOf(table).get(record.id));
    return stale;
  }

  /** A record gone from the index: a tombstone (through upsert) or a record no longer stored at all. */
  remove(table: IndexedTable, id: string): Stale[] {
    this.derivedIfBuilt();
    this.tombstones.get(table)!.delete(id);
    this.discard(docId(TYPE_OF[table], id));
    if (table === 'statements') this.forgetStatement(id);
    // The briefing that kept a removed event no longer names it.
    const heldIn = table === 'actions' ? this.actions.get(id)?.held?.in : undefined;
    if (table === 'actions') this.forgetAction(id);
    const had = table === 'briefings' && this.briefings.has(id);
    this.factsOf(table).delete(id);
    if (heldIn) return [{ table: 'briefings', ids: [heldIn] }];
    return had ? this.childrenStale(id) : [];
  }

  private discard(key: string): void {
    if (this.index.has(key)) this.index.discard(key);
  }

  private searchable(table: IndexedTable, record: IndexedRecord): boolean {
    if (table === 'statements') return this.briefings.has((record as Statement).briefingId);
    if (table === 'actions') {
      const b = (record as Action).briefingId;
      return !b || this.briefings.has(b);
    }
    return true;
  }

  private childrenStale(briefingId: string): Stale[] {
    const c = this.fromDerived(
      (d) => d.childrenOf.get(briefingId),
      () => ({ statements: this.idsWhere(this.statements, (s) => s.briefingId === briefingId), actions: this.idsWhere(this.actions, (a) => a.briefingId === briefingId) }),
    );
    if (!c) return [];
    // In id order, whichever way they were found (the derived maps, or a walk of the facts: each keeps its own
    // order), so that they are re-read, and given their new short ids, in the same order either way.
    const out: Stale[] = [];
    if (c.statements.size) out.push({ table: 'statements', ids: [...c.statements].sort() });
    if (c.actions.size) out.push({ table: 'actions', ids: [...c.actions].sort() });
    return out;
  }

  /** Ids of the records of a table the index holds, tombstones included (to notice records that disappeared from a range). */
  ids(table: IndexedTable): string[] {
    return [...this.factsOf(table).keys(), ...this.tombstones.get(table)!];
  }

  private factsOf(table: IndexedTable): Map<string, unknown> {
    switch (table) {
      case 'briefings':
        return this.briefings;
      case 'people':
        return this.people;
      case 'organisations':
        return this.organisations;
      case 'statements':
        return this.statements;
      case 'actions':
        return this.actions;
    }
  }

  private forgetStatement(id: string): void {
    const old = this.statements.get(id);
    const d = this.derivedIfBuilt();
    if (old && d) unlinkStatement(d, id, old);
  }

  private forgetAction(id: string): void {
    const old = this.actions.get(id);
    if (old?.held) deleteIn(this.heldBy, old.held.in, id);
    const d = this.derivedIfBuilt();
    if (old && d) unlinkAction(d, id, old);
  }

  /** The events held in a briefing (actions.heldInBriefingId). */
  private heldIn(briefingId: string): string[] {
    // In id order: an event edited moves to the end of its set, and a loaded index holds them in its facts' order.
    return [...(this.heldBy.get(briefingId) ?? [])].sort();
  }

  private idsWhere<T>(facts: Map<string, T>, test: (f: T) => boolean): Set<string> {
    const out = new Set<string>();
    for (const [id, f] of facts) if (test(f)) out.add(id);
    return out;
  }

  /** The derived maps if built; a build under way is finished first, none is started. */
  private derivedIfBuilt(): Derived | undefined {
    if (!this.derivedState && this.building) this.buildDerived(Infinity);
    return this.derivedState;
  }

  /**
   * What the derived maps say (`read`), or while they are not built, the same found by a walk of the facts
   * (`walk`): a briefing renamed or added since the index was saved asks for its events or its statements,
   * and one walk of them costs about a twentieth of building the maps. After a few walks, the maps are built.
   */
  private fromDerived<T>(read: (d: Derived) => T, walk: () => T): T {
    const d = this.derivedIfBuilt();
    if (d) return read(d);
    if (this.walks > 0) {
      this.walks -= 1;
      return walk();
    }
    return read(this.derived());
  }

  /**
   * The derived maps, built from the facts if a load left them out. Every change goes through upsert or
   * remove, which build them first, so they never miss one.
   */
  private derived(): Derived {
    if (!this.derivedState) this.buildDerived(Infinity);
    return this.derivedState!;
  }

  /**
   * Go on building the derived maps for `budget` more records; true once they are built. Nothing changes
   * the facts meanwhile: every change goes through derived() first, which finishes the build.
   */
  private buildDerived(budget: number): boolean {
    if (this.derivedState) return true;
    const b = (this.building ??= { d: emptyDerived(), statements: this.statements.entries(), actions: this.actions.entries() });
    let n = 0;
    for (let r = b.statements.next(); !r.done; r = b.statements.next()) {
      linkStatement(b.d, r.value[0], r.value[1]);
      if (++n >= budget) return false;
    }
    for (let r = b.actions.next(); !r.done; r = b.actions.next()) {
      linkAction(b.d, r.value[0], r.value[1]);
      if (++n >= budget) return false;
    }
    this.derivedState = b.d;
    this.building = undefined;
    return true;
  }

  /**
   * Build what a loaded index left for later (its postings parsed a chunk at a time, the derived maps, what
   * each short id names, the scoring's arrays, then MiniSearch's id → short id map), a slice of `budget`
   * records at a time; true once done. The worker runs slices once the first query is
   * answered (at 1.35 million records the whole is seconds of CPU: a query arriving meanwhile waits for
   * one slice, not for all of it).
   */
  prepareSome(budget = Infinity): boolean {
    // The postings not yet parsed, a chunk a slice (a query meanwhile parses the ones it needs itself); all
    // of them read first (PostingsNotReadError: data/search-persist.ts is still reading them).
    for (let chunk = this.unparsed.at(-1); chunk; chunk = this.unparsed.at(-1)) {
      if (!chunk.read) throw new PostingsNotReadError(chunk);
      this.unparsed.pop();
      if (chunk.parsed) continue;
      chunk.parse();
      if (budget !== Infinity) return false;
    }
    // A loaded index's statements and follow-ups put in their maps (each record's facts made: a second at a million).
    for (const facts of [this.statements, this.actions]) if (facts instanceof LoadedFacts && !facts.fillSome(budget)) return false;
    if (!this.buildDerived(budget)) return false;
    // The people's words, for the speaker filters and suggestions.
    for (let n = 0, r = this.wordless?.next(); r && !r.done; r = this.wordless!.next()) {
      personWords(r.value);
      if (++n >= budget) return false;
    }
    this.wordless = undefined;
    const ms = this.index as unknown as SerializedInternals;
    // What each document names, so that no later query looks a match's facts up among a million records.
    if (!this.shortIds.learnSome(ms._nextId, budget)) return false;
    if (!prepareScores(ms._nextId)) return false;
    void ms._idToShortId.size;
    return true;
  }

  /**
   * Pack the postings a build leaves as maps into the form a loaded index holds them in (postings.ts), about
   * `budget` postings at a time; true once every term's are. Walking packed postings is several times faster
   * than walking maps, and they take a fraction of the memory: a full build ends with this (data/search-feed.ts).
   */
  packSome(budget = Infinity): boolean {
    const ms = this.index as unknown as SerializedInternals;
    if (!this.packing) {
      // The ids in an array and the field lengths in columns by short id, as a loaded index holds them: scoring reads both per posting.
      if (!(ms._documentIds instanceof DenseMap || ms._documentIds instanceof PackedIds)) ms._documentIds = DenseMap.from(ms._documentIds);
      if (!(ms._fieldLength instanceof FieldLengths)) ms._fieldLength = FieldLengths.from(ms._fieldLength, DOC_FIELDS.length, ms._nextId);
      this.packing = [];
      for (const [, fieldIndex] of ms._index) this.packing.push(fieldIndex);
    }
    let done = 0;
    while (this.packing.length && done < budget) done += 1 + packTerm(this.packing.pop()!, ms._nextId);
    if (this.packing.length) return false;
    // Last, the scoring's arrays (a slice each), so that the first queries after the build do not fill them.
    if (!prepareScores(ms._nextId)) return false;
    this.packing = undefined;
    return true;
  }

  /** All of prepareSome at once (tests). */
  prepare(): void {
    this.prepareSome();
  }

  private updateFacts(table: IndexedTable, record: IndexedRecord): Stale[] {
    switch (table) {
      case 'briefings': {
        const b = record as Briefing;
        const old = this.briefings.get(b.id);
        const next: BriefingFacts = {
          title: b.title,
          date: b.startsAt.slice(0, 10),
          tags: this.foldedTags(b.tags),
          organiserIds: b.organiserIds,
          attendeeIds: b.attendees.map((a) => a.personId),
        };
        this.briefings.set(b.id, next);
        // Its statements carry its date and tags, its follow-ups its date: re-read when those change, as when it first appears.
        const stale = old?.date === next.date && sameList(old.tags, next.tags) ? [] : this.childrenStale(b.id);
        // The events held here carry this briefing's title in their documents.
        if (old?.title !== b.title) {
          const held = this.heldIn(b.id);
          if (held.length) stale.push({ table: 'actions', ids: held });
        }
        return stale;
      }
      case 'statements': {
        const s = record as Statement;
        this.forgetStatement(s.id);
        const briefing = this.briefings.get(s.briefingId);
        const facts = { briefingId: s.briefingId, speakerId: s.speakerId, tags: this.foldedTags(s.tags), kind: s.kind, date: briefing?.date ?? '', briefingTags: briefing?.tags ?? [] };
        this.statements.set(s.id, facts);
        const d = this.derivedIfBuilt();
        if (d) linkStatement(d, s.id, facts);
        return [];
      }
      case 'actions': {
        const a = record as Action;
        const was = this.actions.get(a.id)?.held;
        this.forgetAction(a.id);
        const held = a.heldInBriefingId ? { in: a.heldInBriefingId, title: a.title } : undefined;
        const date = a.briefingId ? (this.briefings.get(a.briefingId)?.date ?? '') : '';
        const facts = { briefingId: a.briefingId, statementId: a.statementId, tags: this.foldedTags(a.tags), date, ...(held ? { held } : {}) };
        this.actions.set(a.id, facts);
        if (held) setIn(this.heldBy, held.in, a.id);
        const d = this.derivedIfBuilt();
        if (d) linkAction(d, a.id, facts);
        // The briefing that keeps (or kept) the event names it: re-read it when that changes.
        if (was?.in === held?.in && was?.title === held?.title) return [];
        return [{ table: 'briefings', ids: [...new Set([was?.in, held?.in].filter((x): x is string => !!x))] }];
      }
      case 'people': {
        const p = record as Person;
        const old = this.people.get(p.id);
        this.people.set(p.id, { name: p.name, words: tokenize(p.name), organisationId: p.organisationId, mergedInto: p.mergedInto });
        if (!old || (old.name === p.name && old.organisationId === p.organisationId && old.mergedInto === p.mergedInto)) return [];
        const attended = this.briefingsAttendedBy(p.id);
        // Statements naming a person merged into this one carry this one's name too (a merge is rare: a scan will do).
        const named = new Set([p.id, ...[...this.people.keys()].filter((id) => id !== p.id && this.resolvePerson(id) === p.id)]);
        return [{ table: 'statements', ids: this.statementsBy(named) }, ...(attended.length ? [{ table: 'briefings' as const, ids: attended }] : [])];
      }
      case 'organisations': {
        const o = record as Organisation;
        const old = this.organisations.get(o.id);
        this.organisations.set(o.id, { name: o.name, acronym: o.acronym, words: tokenize(`${o.name} ${o.acronym}`) });
        if (!old || (old.name === o.name && old.acronym === o.acronym)) return [];
        const members = new Set([...this.people].filter(([, p]) => p.organisationId === o.id).map(([id]) => id));
        return [
          { table: 'people', ids: [...members] },
          { table: 'statements', ids: this.statementsBy(members) },
        ];
      }
    }
  }

  /** Briefings that list a person as present (their documents carry the name). A rename is rare: a scan will do. */
  private briefingsAttendedBy(personId: string): string[] {
    const out: string[] = [];
    for (const [id, b] of this.briefings) if (b.attendeeIds.includes(personId)) out.push(id);
    return out;
  }

  private statementsBy(speakers: ReadonlySet<string>): string[] {
    const out: string[] = [];
    for (const [id, s] of this.statements) if (s.speakerId && speakers.has(s.speakerId)) out.push(id);
    return out;
  }

  // ---------------------------------------------------------------- reading a saved index's postings

  /** Whether every saved postings' text is here (a loaded index reads them after the rest: supplyPostings). */
  get postingsRead(): boolean {
    return this.unread === 0;
  }

  /**
   * The chunks whose postings `query` would walk and that are not read yet: each of its words, and the words
   * it is a prefix of, as search() matches them. Read those first (supplyPostings), then search.
   */
  postingsFor(query: ParsedQuery): TermChunk[] {
    if (!this.unread) return [];
    const ms = this.index as unknown as MiniSearchInternals;
    const out = new Set<TermChunk>();
    const note = (data: unknown) => {
      if (data instanceof LazyPostings && !data.saved.read) out.add(data.saved);
    };
    // The words scoredMatches looks up for the text search() hands it.
    for (const word of queryWords(this.index, queryTerms(query.text).join(' '))) {
      note(ms._index.get(word));
      if (prefixSearched(word)) for (const [, data] of ms._index.atPrefix(word)) note(data);
    }
    return [...out];
  }

  /**
   * A saved chunk's postings, read after the rest (data/search-persist.ts): `chunk` is one that postingsFor
   * or the loader named. Throws SearchIndexDamagedError if the text is not what the chunk's layout says.
   */
  supplyPostings(chunk: TermChunk, text: string): void {
    if (chunk.read) return;
    chunk.supply(text);
    if (--this.unread === 0) this.allPostingsRead();
  }

  /** MiniSearch's vacuum held until every posting is read (it walks them all): given back. */
  private allPostingsRead(): void {
    const options = (this.index as unknown as { _options: { autoVacuum: unknown } })._options;
    if (this.heldVacuum !== undefined) options.autoVacuum = this.heldVacuum;
    this.heldVacuum = undefined;
  }

  // ---------------------------------------------------------------- querying

  /** `locale`: the language of the notes ("No organisation is called …"). */
  search(query: ParsedQuery, limitPerGroup = 20, locale: Locale = 'en'): EngineResult {
    const terms = queryTerms(query.text);
    const notes: string[] = [];
    const f = this.resolve(query.filters, notes, locale);
    const filtered = this.hasAny(f);
    // A follow-up's speaker, kind or organisation is its statement's, looked up by id for each match: a loaded
    // index's statements made whole first (a walk of the ids per lookup would be slower, and would spend the
    // walks a start's replayed writes need).
    if ((f.speakers || f.kinds || f.organisations) && this.statements instanceof LoadedFacts) this.statements.complete();
    const byType = new Map<ResultType, Hit[]>(RESULT_TYPES.map((t) => [t, []]));
    const groups: HitGroup[] = [];
    if (terms.length) {
      // Each match as its short id, type and score, in arrays kept from one query to the next: ids are
      // looked up (once per document, ShortIdNames) only for the filters, for equal scores and for the hits
      // shown, not made for every match.
      const names = this.shortIds;
      const matches = this.matches;
      matches.count = 0;
      // Documents of a type the filters rule out are not scored at all ("report capital" among follow-ups
      // only); a kind belongs to statements and the follow-ups made from them.
      const types = f.kinds ? new Set((f.types ? [...f.types] : RESULT_TYPES).filter((t) => t === 'statement' || t === 'action')) : f.types;
      const allowed = types && Uint8Array.from(RESULT_TYPES, (t) => (types.has(t) ? 1 : 0));
      const keep = allowed && ((short: number) => allowed[names.code(short)] === 1);
      // What only `keep` asks (the types) needs no check per match ("report capital" among follow-ups).
      const checked = filtered && !!(f.tag !== undefined || f.speakers || f.organisations || f.dated || f.kinds);
      scoredMatches(
        this.index,
        terms.join(' '),
        { prefix: prefixSearched, combineWith: 'AND', boost: FIELD_BOOST },
        (short, score) => {
          const code = names.code(short);
          if (checked) {
            const type = RESULT_TYPES[code]!;
            // A statement's or follow-up's checks read its facts, never its id: not looked up for them.
            const id = type === 'statement' || type === 'action' ? '' : names.id(short);
            if (!this.passes(type, id, f, names.factsAt(short), true)) return;
          }
          matches.add(short, code, score);
        },
        keep,
      );
      const totals = new Int32Array(RESULT_TYPES.length);
      for (let j = 0; j < matches.count; j++) totals[matches.codes[j]!]! += 1;
      RESULT_TYPES.forEach((type, code) => {
        const total = totals[code]!;
        if (total) groups.push({ type, total, hits: this.topByScore(code, limitPerGroup) });
      });
      return { terms, groups, notes };
    }
    if (filtered) this.browse(f, byType);
    for (const type of RESULT_TYPES) {
      const all = byType.get(type)!;
      if (all.length) groups.push({ type, total: all.length, hits: this.newestFirst(all, limitPerGroup) });
    }
    return { terms, groups, notes };
  }

  /** The best `limit` matches of a type (by its place in RESULT_TYPES) by score, equal scores newest briefing first, without sorting them all. */
  private topByScore(code: number, limit: number): Hit[] {
    // A common word gives thousands of matches of equal score: each one's date is looked up once, when it
    // ties, and the kept ones' dates are kept beside them (two map lookups per comparison were an eighth of
    // such a query). `top` holds places in the matches.
    const { shorts, scores, codes, count } = this.matches;
    const names = this.shortIds;
    const type = RESULT_TYPES[code]!;
    const dateAt = (j: number) => this.dateOf({ type, id: names.id(shorts[j]!) }, names.factsAt(shorts[j]!));
    const top: number[] = [];
    const dates: string[] = [];
    for (let j = 0; j < count; j++) {
      if (codes[j] !== code) continue;
      const score = scores[j]!;
      let date: string | undefined;
      let i = top.length;
      while (i > 0) {
        const other = scores[top[i - 1]!]!;
        if (score < other) break;
        if (score === other && (date ??= dateAt(j)) <= dates[i - 1]!) break;
        i--;
      }
      if (i >= limit) continue;
      top.splice(i, 0, j);
      dates.splice(i, 0, (date ??= dateAt(j)));
      if (top.length > limit) {
        top.pop();
        dates.pop();
      }
    }
    return top.map((j) => ({ type, id: names.id(shorts[j]!), score: scores[j]! }));
  }

  /**
   * Browsing (filters only): newest first, dates looked up once per hit; the same date in id order (a
   * fresh build's order, whichever way the hits were found: a walk of every record or a speaker's postings).
   */
  private newestFirst(all: Hit[], limit: number): Hit[] {
    const dated = all.map((h) => ({ h, d: this.dateOf(h) }));
    dated.sort((a, b) => (a.d < b.d ? 1 : a.d > b.d ? -1 : a.h.id < b.h.id ? -1 : a.h.id > b.h.id ? 1 : 0));
    return dated.slice(0, limit).map((x) => x.h);
  }

  private hasAny(f: Resolved): boolean {
    return !!(f.tag || f.speakers || f.organisations || f.from || f.to || f.types || f.kinds);
  }

  /** Only filters, no words: everything indexed that passes them. */
  private browse(f: Resolved, out: Map<ResultType, Hit[]>): void {
    if (f.speakers) return this.browseSpeakers(f, f.speakers, out);
    for (const table of INDEXED_TABLES) {
      const type = TYPE_OF[table];
      if (f.types && !f.types.has(type)) continue;
      const hits = out.get(type)!;
      // Each record's facts as the walk finds them, not looked up again by id (a walk over every statement).
      for (const [id, facts] of this.factsOf(table)) {
        if (this.passes(type, id, f, facts) && this.index.has(docId(type, id))) hits.push({ type, id, score: 0 });
      }
    }
  }

  /**
   * Browsing with a speaker filter: only what the speakers said, the briefings where they spoke, the
   * follow-ups made from their statements and the speakers themselves can pass (see passes), so only
   * those are checked — a few hundred records from the speaker postings instead of a walk of every one.
   */
  private browseSpeakers(f: Resolved, speakers: ReadonlySet<string>, out: Map<ResultType, Hit[]>): void {
    const d = this.derived();
    // Each statement with its facts, as the speakers' maps hold them (each speaker's own: no statement twice).
    const statements = function* () {
      for (const speaker of speakers) yield* d.bySpeaker.get(speaker) ?? [];
    };
    const briefings = new Set<string>();
    const actions: string[] = [];
    // The follow-ups made from these statements only if follow-ups may be shown.
    const followUps = !f.types || f.types.has('action');
    for (const [id, facts] of statements()) {
      briefings.add(facts.briefingId);
      if (followUps) for (const a of d.actionsFrom.get(id) ?? []) actions.push(a);
    }
    const look = (table: IndexedTable, ids: Iterable<string>) => {
      const facts = this.factsOf(table);
      return (function* () {
        for (const id of ids) yield [id, facts.get(id)] as const;
      })();
    };
    const candidates: [IndexedTable, Iterable<readonly [string, unknown]>][] = [
      ['people', look('people', speakers)],
      ['briefings', look('briefings', briefings)],
      ['statements', statements()],
      ['actions', look('actions', actions)],
    ];
    for (const [table, records] of candidates) {
      const type = TYPE_OF[table];
      if (f.types && !f.types.has(type)) continue;
      const hits = out.get(type)!;
      for (const [id, known] of records) {
        if (known === undefined) continue;
        if (this.passes(type, id, f, known) && this.index.has(docId(type, id))) hits.push({ type, id, score: 0 });
      }
    }
  }

  private resolve(filters: SearchFilters, notes: string[], locale: Locale): Resolved {
    const r: Resolved = { dated: !!(filters.from || filters.to) };
    if (filters.tag?.trim()) r.tag = foldName(filters.tag);
    if (filters.from) r.from = filters.from;
    if (filters.to) r.to = filters.to;
    if (filters.types?.length) r.types = new Set(filters.types);
    if (filters.kinds?.length) r.kinds = new Set(filters.kinds);
    if (filters.speaker?.trim()) {
      const wanted = tokenize(filters.speaker);
      const named = new Set<string>();
      const merged: string[] = [];
      this.people.forEach((p, id) => {
        if (p.mergedInto !== null) merged.push(id);
        else if (wordsMatch(personWords(p), wanted)) named.add(id);
      });
      // Statements still naming someone merged into a matching person are that person's (only a merged
      // person needs resolving: the others resolve to themselves).
      r.speakers = new Set(named);
      for (const id of merged) if (named.has(this.resolvePerson(id))) r.speakers.add(id);
      if (!r.speakers.size) notes.push(translate(locale, 'search.note.speaker', { name: filters.speaker.trim() }));
    }
    if (filters.organisation?.trim()) {
      const wanted = tokenize(filters.organisation);
      const acronym = fold(filters.organisation).trim();
      r.organisations = new Set(
        [...this.organisations].filter(([, o]) => fold(o.acronym) === acronym || wordsMatch(o.words, wanted)).map(([id]) => id),
      );
      if (!r.organisations.size) notes.push(translate(locale, 'search.note.organisation', { name: filters.organisation.trim() }));
    }
    return r;
  }

  /** `known`: the record's facts, if the caller has them (else looked up). */
  private dateOf(hit: { type: ResultType; id: string }, known?: unknown): string {
    switch (hit.type) {
      case 'briefing':
        return ((known as BriefingFacts | undefined) ?? this.briefings.get(hit.id))?.date ?? '';
      case 'statement':
        return ((known as StatementFacts | undefined) ?? this.statements.get(hit.id))?.date ?? '';
      case 'action':
        return ((known as ActionFacts | undefined) ?? this.actions.get(hit.id))?.date ?? '';
      default:
        return '';
    }
  }

  private orgOfPerson(id: string | null | undefined): string | null {
    return this.person(id ?? null)?.organisationId ?? null;
  }

  /** The id a person reference resolves to through merges (core/directory.ts resolveId). */
  private resolvePerson(id: string): string {
    return resolveId(this.personRedirect, id);
  }

  private readonly personRedirect = (id: string): { id: string; mergedInto: string | null } | undefined => {
    const f = this.people.get(id);
    return f && { id, mergedInto: f.mergedInto };
  };

  /** A person's facts as references read them: a merged-away one's are the kept one's. */
  private person(id: string | null): PersonFacts | undefined {
    if (!id) return undefined;
    const f = this.people.get(id);
    // Almost no one is merged away: the common case allocates nothing.
    return f && f.mergedInto !== null ? this.people.get(this.resolvePerson(id)) : f;
  }

  /** Some key of a map passes (without copying the keys into an array). */
  private anyKey(map: Map<string, unknown> | undefined, test: (key: string) => boolean): boolean {
    if (map) for (const k of map.keys()) if (test(k)) return true;
    return false;
  }

  /**
   * Does a hit pass the filters? Statements and actions inherit their briefing's date and tags; a speaker
   * filter finds what that person said, the follow-ups that came from it and the briefings where they
   * spoke; an organisation filter finds its members, what they said, and the briefings it organised.
   * `matched`: the hit is a match of the query's words, a live document of the index.
   */
  private passes(type: ResultType, id: string, f: Resolved, known?: unknown, matched = false): boolean {
    if (f.types && !f.types.has(type)) return false;
    // A kind belongs to statements (and the follow-ups made from them): nothing else has one.
    if (f.kinds && type !== 'statement' && type !== 'action') return false;
    // The checks are all conjunctive: the cheap and selective ones come first (browsing by speaker walks
    // every statement, and a map lookup per record was most of its time).
    switch (type) {
      case 'briefing': {
        const b = (known as BriefingFacts | undefined) ?? this.briefings.get(id);
        if (!b) return false;
        if (!this.inDates(b.date, f)) return false;
        if (f.tag !== undefined && !b.tags.includes(f.tag)) return false;
        if (!f.speakers && !f.organisations) return true;
        const speakers = this.derived().speakersOf.get(id);
        if (f.speakers && !this.anyKey(speakers, (s) => f.speakers!.has(s))) return false;
        if (f.organisations) {
          const orgs = f.organisations;
          const organised = b.organiserIds.some((o) => orgs.has(o));
          if (!organised && !this.anyKey(speakers, (s) => orgs.has(this.orgOfPerson(s) ?? ''))) return false;
        }
        return true;
      }
      case 'statement': {
        const s = (known as StatementFacts | undefined) ?? this.statements.get(id);
        if (!s) return false;
        if (f.speakers && !(s.speakerId && f.speakers.has(s.speakerId))) return false;
        if (f.kinds && !f.kinds.has(s.kind)) return false;
        // The briefing only for the filters that ask about it, for a match of the words (a lookup among 100,000
        // per match; its date is the statement's own): a statement of a deleted briefing leaves the index with
        // it (upsert's stale records).
        if (!matched) {
          const b = this.briefings.get(s.briefingId);
          if (!b) return false;
          if (!this.inDates(b.date, f)) return false;
          if (f.tag !== undefined && !s.tags.includes(f.tag) && !b.tags.includes(f.tag)) return false;
        } else {
          if (f.dated && !this.inDates(s.date, f)) return false;
          if (f.tag !== undefined && !s.tags.includes(f.tag) && !s.briefingTags.includes(f.tag)) return false;
        }
        if (f.organisations && !f.organisations.has(this.orgOfPerson(s.speakerId) ?? '')) return false;
        return true;
      }
      case 'action': {
        const a = (known as ActionFacts | undefined) ?? this.actions.get(id);
        if (!a) return false;
        // The statement it came from only for the filters that ask about it (a lookup among a million statements).
        const from = a.statementId && (f.speakers || f.kinds || f.organisations) ? this.statements.get(a.statementId) : undefined;
        const speaker = from?.speakerId ?? null;
        if (f.speakers && !(speaker && f.speakers.has(speaker))) return false;
        if (f.kinds && !(from && f.kinds.has(from.kind))) return false;
        // Its briefing likewise.
        const asked = !matched || f.tag !== undefined || !!f.organisations;
        const b = a.briefingId && asked ? this.briefings.get(a.briefingId) : undefined;
        if (a.briefingId && !b && asked) return false;
        if (f.dated && !(a.briefingId && this.inDates(b?.date ?? a.date, f))) return false;
        if (f.tag !== undefined && !a.tags.includes(f.tag) && !b?.tags.includes(f.tag)) return false;
        if (f.organisations) {
          const orgs = f.organisations;
          if (!orgs.has(this.orgOfPerson(speaker) ?? '') && !b?.organiserIds.some((o) => orgs.has(o))) return false;
        }
        return true;
      }
      case 'person': {
        if (!this.people.has(id) || f.dated || f.tag !== undefined) return false;
        if (f.speakers && !f.speakers.has(id)) return false;
        if (f.organisations && !f.organisations.has(this.orgOfPerson(id) ?? '')) return false;
        return true;
      }
      case 'organisation': {
        if (!this.organisations.has(id) || f.dated || f.tag !== undefined || f.speakers) return false;
        return !f.organisations || f.organisations.has(id);
      }
    }
  }

  private inDates(date: string, f: Resolved): boolean {
    if (f.from && date < f.from) return false;
    if (f.to && date > f.to) return false;
    return true;
  }

  // ---------------------------------------------------------------- showing

  /** Turn a hit and its (freshly read) record into what the result list shows. */
  describe(type: ResultType, record: IndexedRecord, terms: readonly string[], locale: Locale = 'en'): ResultItem {
    const base = { type, id: record.id, link: linkFor(type, record) };
    const orgLabel = (id: string | null) => {
      const o = this.names.organisation(id);
      return o ? o.acronym || o.name : '';
    };
    const dot = (...parts: string[]) => parts.filter(Boolean).join(' · ');
    switch (type) {
      case 'briefing': {
        const b = record as Briefing;
        return { ...base, title: b.title, subtitle: dot(b.startsAt.replace('T', ' '), b.location), text: snippet(plainText(b.summary), terms) };
      }
      case 'statement': {
        const s = record as Statement;
        const speaker = this.person(s.speakerId);
        const briefing = this.briefings.get(s.briefingId);
        const who = speaker ? dot(speaker.name, orgLabel(speaker.organisationId)) : translate(locale, 'search.item.unattributed');
        // A kind other than a plain statement leads the line, as its badge does in the briefing ("Decision · …").
        const kind = s.kind === 'statement' ? '' : kindLabel(locale, s.kind);
        return { ...base, title: who, subtitle: dot(kind, briefing ? dot(briefing.title, briefing.date) : ''), text: snippet(s.text, terms) };
      }
      case 'person': {
        const p = record as Person;
        return { ...base, title: p.name, subtitle: dot(p.title, orgLabel(p.organisationId), p.country), text: '' };
      }
      case 'organisation': {
        const o = record as Organisation;
        return { ...base, title: organisationWithAcronym(o), subtitle: o.country, text: '' };
      }
      case 'action': {
        const a = record as Action;
        // Dates as precise as the source: "on May 2015" reads wrong, so a month or year says "in".
        const day = a.due.length === 10;
        const date = formatLongDate(a.due, locale);
        const when = a.due ? translate(locale, a.kind === 'event' ? (day ? 'search.item.on' : 'search.item.in') : day ? 'search.item.due' : 'search.item.dueIn', { date }) : '';
        const kept = a.heldInBriefingId ? this.briefings.get(a.heldInBriefingId) : undefined;
        const keptName = kept ? translate(locale, 'search.item.briefing', { title: kept.title.trim() || translate(locale, 'today.untitled'), date: formatLongDate(kept.date.slice(0, 10), locale) }) : '';
        const held = kept ? translate(locale, 'doc.held.see', { briefing: keptName }) : '';
        const what = a.kind === 'event' ? actionKindLabel(locale, 'event') : statusLabel(locale, a.status);
        return { ...base, title: a.title, subtitle: dot(what, a.owner, when, a.place, held), text: snippet(a.notes, terms) };
      }
    }
  }

  /** Names for the speaker and organisation filter suggestions. */
  suggest(kind: 'speaker' | 'organisation' | 'tag', prefix: string, limit = 12): string[] {
    const wanted = tokenize(prefix);
    const out = new Set<string>();
    if (kind === 'speaker') {
      for (const p of this.people.values()) if (p.mergedInto === null && wordsMatch(personWords(p), wanted) && out.add(p.name).size >= limit) break;
    } else if (kind === 'organisation') {
      for (const o of this.organisations.values()) if (wordsMatch(o.words, wanted) && out.add(o.acronym || o.name).size >= limit) break;
    } else {
      const p = fold(prefix).trim();
      const seen = new Set<string>();
      const scan = (tags: string[]) => {
        for (const t of tags) if (t.startsWith(p) && !seen.has(t)) seen.add(t);
      };
      for (const b of this.briefings.values()) scan(b.tags);
      for (const t of seen) if (out.add(t).size >= limit) break;
    }
    return [...out].sort((a, b) => a.localeCompare(b));
  }

  // ---------------------------------------------------------------- persisting

  /**
   * The whole state as chunks of bounded size, for data/search-persist.ts to store (each a JSON text, a
   * chunk of terms two, a line each; the documents' ids, their field lengths and the statements' and
   * follow-ups' facts binary, packed-bytes.ts): MiniSearch's own serialisation (toJSON) cut into slices of
   * terms, the facts filters need, the tombstones and the newest clocks. Taken synchronously: nothing may
   * change the engine while it runs. `SEARCH_INDEX_VERSION` is in the first chunk, so a persisted index of
   * another document shape is never loaded as current.
   */
  toChunks(postingsPerChunk = 100_000, rowsPerChunk = 100_000): SavedChunk[] {
    return [...this.chunkStream(postingsPerChunk, rowsPerChunk)];
  }

  /**
   * toChunks one chunk at a time, for a caller that stores each as it comes (data/search-persist.ts): the
   * engine must not change until the stream ends.
   */
  *chunkStream(postingsPerChunk = 100_000, rowsPerChunk = 100_000): Generator<SavedChunk> {
    // What MiniSearch's toJSON holds, written out a slice at a time (at a million documents its one object,
    // and one string, would hold the whole index twice over), from the same fields toJSON reads; and loaded
    // back into them directly (fromChunks). tests/unit/pinned-internals.test.ts checks that an index loaded
    // from the chunks has the same toJSON() as the one saved.
    const ms = this.index as unknown as SerializedInternals;
    if (ms._storedFields.size) throw new Error('Stored fields are not persisted');
    const mini = {
      documentCount: ms._documentCount,
      nextId: ms._nextId,
      fieldIds: ms._fieldIds,
      averageFieldLength: ms._avgFieldLength,
      dirtCount: ms._dirtCount,
      serializationVersion: 2,
    };
    yield JSON.stringify({ k: 'head', v: SEARCH_INDEX_VERSION, f: CHUNK_FORMAT, fields: DOC_FIELDS, mini, newest: [...this.newest] });
    /** `more`: what each chunk's head says besides, made as the chunk ends (what its rows named). */
    const slices = function* <T>(k: string, entries: Iterable<T>, more: () => object, size = rowsPerChunk): Generator<string> {
      let d: T[] = [];
      for (const e of entries) {
        d.push(e);
        if (d.length >= size) {
          yield JSON.stringify({ k, ...more(), d });
          d = [];
        }
      }
      if (d.length) yield JSON.stringify({ k, ...more(), d });
    };
    // The ids and field lengths, a byte or a few per document, as bytes (packed-ids.ts, field-lengths.ts):
    // read before the first answer, they were most of it as JSON.
    yield* packedIdChunks(ms._documentIds, rowsPerChunk);
    yield* packedLengthChunks(ms._fieldLength, DOC_FIELDS.length, rowsPerChunk);
    // Each term's postings, field by field, as one flat array of numbers: the documents' short ids (each as
    // the difference from the previous one), then the term frequencies. Parsing arrays of numbers and filling
    // maps from them is several times faster than MiniSearch's own format (an object per field keyed by
    // decimal strings, each parsed back with parseInt). A chunk holds its words and their layout (per word:
    // its number of fields, then each one's id, number of postings and array's length) as a JSON object, then,
    // on a line of its own, the arrays: a loaded index knows a word's fields from the layout and parses one's
    // postings only when a query first walks them (postings.ts TermChunk), the rest when the worker is idle.
    let words: string[] = [];
    let lists: string[] = [];
    let layout: number[] = [];
    let postings = 0;
    const termChunk = () => `${JSON.stringify({ k: 'terms', w: words, f: layout })}\n[${lists.join(',')}]`;
    for (const [term, fieldIndex] of ms._index) {
      // MiniSearch drops a field's postings, and a word, once empty: a saved word has at least one posting.
      const fields = [...fieldIndex].filter(([, freqs]) => freqs.size > 0);
      if (!fields.length) continue;
      layout.push(fields.length);
      for (const [fieldId, freqs] of fields) {
        const list: number[] = [];
        let prev = 0;
        // One walk that builds no map of packed postings (postings.ts); the frequencies after the ids.
        const tfs: number[] = [];
        eachPosting(freqs, (short, tf) => {
          list.push(short - prev);
          tfs.push(tf);
          prev = short;
        });
        for (const tf of tfs) list.push(tf);
        const json = JSON.stringify(list);
        lists.push(json);
        layout.push(fieldId, freqs.size, json.length);
        postings += freqs.size;
      }
      words.push(term);
      if (postings >= postingsPerChunk) {
        yield termChunk();
        words = [];
        lists = [];
        layout = [];
        postings = 0;
      }
    }
    if (words.length) yield termChunk();
    const rows = function* <T>(table: IndexedTable, map: Map<string, T>, row: (id: string, v: T) => unknown[], extra: () => object = () => ({})): Generator<string> {
      const mapped = (function* () {
        for (const [id, v] of map) yield row(id, v);
      })();
      yield* slices('facts', mapped, () => ({ t: table, ...extra() }));
    };
    // A record names another (a statement its briefing, speaker; a briefing its organisers and attendees; a
    // person the organisation) by that record's place among the rows written before it, where it has one (else
    // by id: a record the index holds no facts for): a number parses several times faster than an id, and the
    // loaded facts share the one copy of each id (a million statements would otherwise hold two million more
    // strings). So organisations come first, then people, then briefings. (A person merged into another names
    // it by id: it may come later.)
    const places = (map: Map<string, unknown>) => {
      const at = new Map<string, number>();
      for (const id of map.keys()) at.set(id, at.size);
      return (id: string | null) => (id === null ? null : (at.get(id) ?? id));
    };
    const briefingRef = places(this.briefings);
    const personRef = places(this.people);
    const organisationRef = places(this.organisations);
    yield* rows('organisations', this.organisations, (id, o) => [id, o.name, o.acronym]);
    yield* rows('people', this.people, (id, p) => [id, p.name, organisationRef(p.organisationId), p.mergedInto]);
    // A briefing's tags by their place in its chunk's names (`n`): each tag then one string, shared by the
    // briefings that carry it, as the engine holds them (foldedTags).
    const tagNames = new PlacedNames();
    yield* rows('briefings', this.briefings, (id, b) => [id, b.title, b.date, b.tags.map((tag) => tagNames.place(tag)), b.organiserIds.map(organisationRef), b.attendeeIds.map(personRef)], () => ({ n: tagNames.take() }));
    // Statements and follow-ups (a million and 200,000 at scale 10) in binary columns, a chunk of rows at a time
    // (fact-columns.ts), each named by its document's short id where it has one (its id is then the document's,
    // already saved) and by its id where not (kept but not searchable: its briefing deleted). A loaded index
    // makes each one's facts when first needed (loaded-facts.ts), and a query finds a match's facts from its
    // short id.
    // A lookup per record: MiniSearch's id map made whole first, not walked (a loaded index has not made it yet).
    void ms._idToShortId.size;
    const shortOf = (type: ResultType, id: string) => ms._idToShortId.get(docId(type, id));
    const columns = function* <T>(table: 'statements' | 'actions', map: Map<string, T>, put: (c: ColumnsWriter, short: number | undefined, id: string, v: T) => void): Generator<Uint8Array> {
      let c = new ColumnsWriter(table);
      for (const [id, v] of map) {
        put(c, shortOf(TYPE_OF[table], id), id, v);
        if (c.rows >= rowsPerChunk) {
          yield c.chunk();
          c = new ColumnsWriter(table);
        }
      }
      if (c.rows) yield c.chunk();
    };
    yield* columns('statements', this.statements, (c, short, id, s) => void c.add(short, id, briefingRef(s.briefingId), personRef(s.speakerId), s.kind, s.tags));
    const statementRef = places(this.statements);
    yield* columns('actions', this.actions, (c, short, id, a) => {
      const row = c.add(short, id, briefingRef(a.briefingId), statementRef(a.statementId), undefined, a.tags);
      if (a.held) c.held(row, briefingRef(a.held.in), a.held.title);
    });
    for (const [table, ids] of this.tombstones) yield* slices('tomb', ids, () => ({ t: table }));
  }

  /**
   * An engine from toChunks' output. Throws on anything malformed or of another SEARCH_INDEX_VERSION
   * (SearchIndexVersionError). With `release`, each chunk is dropped from `chunks` once parsed, so
   * that loading a large index never holds all its text and all its parsed pieces at once.
   */
  static fromChunks(chunks: SavedChunk[], options: { release?: boolean } = {}): SearchEngine {
    const loading = SearchEngine.loader();
    for (let n = 0; n < chunks.length; n++) {
      loading.add(chunks[n]!);
      if (options.release) chunks[n] = '';
    }
    return loading.finish();
  }

  /**
   * fromChunks one chunk at a time, in their order (the head first), as they are read: data/search-persist.ts
   * parses each while IndexedDB reads the next, and drops its text at once. A chunk of terms given without its
   * postings (splitPostings) is returned: its postings are to be supplied (supplyPostings) before anything
   * walks them, and the index answers meanwhile (postingsFor names what a query needs).
   */
  static loader(): { add(chunk: SavedChunk): TermChunk | undefined; finish(): SearchEngine } {
    type Chunk =
      | { k: 'head'; v: number; f: number; fields: string[]; mini: Record<string, unknown>; newest: [IndexedTable, string][] }
      | { k: 'terms'; w: string[]; f: unknown[] }
      | { k: 'facts'; t: 'briefings' | 'people' | 'organisations'; d: unknown[][]; n?: unknown[] }
      | { k: 'tomb'; t: IndexedTable; d: string[] };
    const engine = new SearchEngine();
    // Built from the facts when first needed (prepare()): the first query needs none of them.
    engine.derivedState = undefined;
    const ms = engine.index as unknown as SerializedInternals;
    const start = (head: Chunk | null) => {
      if (head?.k !== 'head' || head.v !== SEARCH_INDEX_VERSION || head.f !== CHUNK_FORMAT || head.fields.join() !== DOC_FIELDS.join()) {
        throw new SearchIndexVersionError();
      }
      const mini = head.mini as { documentCount: number; nextId: number; fieldIds: Record<string, number>; averageFieldLength: number[]; dirtCount: number };
      ms._documentCount = mini.documentCount;
      ms._nextId = mini.nextId;
      ms._fieldIds = mini.fieldIds;
      ms._avgFieldLength = mini.averageFieldLength;
      ms._dirtCount = mini.dirtCount;
      for (const [t, h] of head.newest) engine.newest.set(t, h);
      const ids = new PackedIds(mini.nextId, mini.documentCount);
      ms._documentIds = ids;
      ms._fieldLength = FieldLengths.sized(DOC_FIELDS.length, mini.nextId);
      engine.shortIds.reserve(mini.nextId);
      // Only changes, `has` and the lookup of a loaded statement or follow-up by id (findRow) read it; searches go from short ids to ids.
      ms._idToShortId = new InverseIds(ids);
    };
    const str = (v: unknown) => v as string;
    const orNull = (v: unknown) => (v ?? null) as string | null;
    // The ids of the rows loaded so far, in their order: what a later row's numbers refer to (chunkStream).
    const placed: Partial<Record<IndexedTable, string[]>> = { briefings: [], people: [], organisations: [] };
    const ref = (table: IndexedTable, v: unknown) => (typeof v === 'number' ? placed[table]![v]! : orNull(v));
    /** A reference in a row of facts: a place among the rows loaded before it (checked), or an id. */
    const checkedRef = (table: IndexedTable, v: unknown) => {
      if (typeof v === 'number' && !(Number.isInteger(v) && v >= 0 && v < placed[table]!.length)) throw new SearchIndexDamagedError();
      return ref(table, v);
    };
    const refs = (table: IndexedTable, v: unknown) => {
      if (!Array.isArray(v)) throw new SearchIndexDamagedError();
      return v.map((x) => checkedRef(table, x)!);
    };
    // The briefings' facts in the same order: what a statement or follow-up copies of its briefing (date, tags).
    const briefingsPlaced: BriefingFacts[] = [];
    // A briefing named by id is one the index held no facts of when it was saved (chunkStream): none.
    const briefingOf = (v: unknown) => (typeof v === 'number' ? briefingsPlaced[v] : undefined);
    // The statements' and follow-ups' columns (chunkStream, fact-columns.ts), kept as loaded; their facts are
    // made from them when first needed (LoadedFacts).
    type Cols = ColumnsChunk & { first: number };
    const saved = { statements: [] as Cols[], actions: [] as Cols[] };
    const gather = (c: ColumnsChunk) => {
      const chunks = saved[c.table];
      const last = chunks[chunks.length - 1];
      chunks.push(Object.assign(c, { first: last ? last.first + last.rows : 0 }));
    };
    /**
     * A table's rows as LoadedFacts reads them, indexed in typed arrays (a few milliseconds at a million rows):
     * each named through the documents' ids as loaded (later discards do not change them); `build` is given
     * the row's chunk and its place there.
     */
    const rowsOf = <T>(
      type: 'statement' | 'action',
      chunks: Cols[],
      loadedIds: LoadedIds,
      /** How many rows the briefing and other references' places may name (briefings; people or statements). */
      refs: { b: number; r: number },
      build: (c: Cols, i: number, row: number) => T,
    ): FactRows<T> & { tagsOf(c: Cols, i: number): string[] } => {
      const count = chunks.reduce((n, c) => n + c.rows, 0);
      const shorts = new Int32Array(count);
      const chunkAt = new Int32Array(count);
      const tagAt = new Int32Array(count).fill(-1);
      const rowOfShort = new Int32Array(ms._nextId).fill(-1);
      const loose = new Map<number, string>();
      const looseRows = new Map<string, number>();
      const prefix = docId(type, '');
      const code = RESULT_TYPES.indexOf(type) + 1;
      // Anything a row names that is not there (a place past its table's rows, a document not saved or of
      // another type): a damaged index, refused now rather than met by a query or an idle slice.
      chunks.forEach((c, ci) => {
        if (!c.placesWithin(refs.b, refs.r)) throw new SearchIndexDamagedError();
        for (let i = 0; i < c.x.length; i += 3) if (typeof c.x[i + 1] === 'number' && (c.x[i + 1] as number) >= refs.b) throw new SearchIndexDamagedError();
        chunkAt.fill(ci, c.first, c.first + c.rows);
        for (let i = 0, row = c.first; i < c.rows; i++, row++) {
          const short = c.shorts[i]!;
          if (short < 0) {
            const id = c.idOf(i)!;
            if (looseRows.has(id)) throw new SearchIndexDamagedError();
            shorts[row] = -1;
            loose.set(row, id);
            looseRows.set(id, row);
            continue;
          }
          // A row naming a document that was not saved, one of another type, or one named twice: a damaged index.
          if (loadedIds.code(short) !== code || rowOfShort[short] !== -1) throw new SearchIndexDamagedError();
          shorts[row] = short;
          rowOfShort[short] = row;
        }
        for (let i = 0; i < c.tg.length; i += 2 + c.tg[i + 1]!) tagAt[c.first + c.tg[i]!] = i;
      });
      return {
        count,
        idOf: (row) => {
          const short = shorts[row]!;
          return short < 0 ? loose.get(row)! : loadedIds.key(short)!.slice(prefix.length);
        },
        build: (row) => {
          const c = chunks[chunkAt[row]!]!;
          return build(c, row - c.first, row);
        },
        rowOfShort: (short) => (short < rowOfShort.length ? rowOfShort[short]! : -1),
        findRow: (id) => {
          const at = looseRows.get(id);
          if (at !== undefined) return at;
          // Its document's short id as MiniSearch knows it: the lookup a write makes next anyway (InverseIds keeps
          // what its walk found), so a write replayed at a start walks the million ids once, not twice. A
          // document replaced or discarded since the load is found among the ids as loaded.
          const live = ms._idToShortId.get(prefix + id);
          if (live !== undefined && live < rowOfShort.length && rowOfShort[live] !== -1) return rowOfShort[live]!;
          const short = loadedIds.find(prefix + id);
          return short === undefined ? -1 : rowOfShort[short]!;
        },
        // Tags by their place in the chunk's names: one string per name, shared.
        tagsOf: (c, i) => {
          const at = tagAt[c.first + i]!;
          if (at < 0) return [];
          const out: string[] = [];
          for (let j = 0; j < c.tg[at + 1]!; j++) out.push(c.names[c.tg[at + 2 + j]!]!);
          return out;
        },
      };
    };
    const madeFromColumns = () => {
      const loadedIds = ms._documentIds as PackedIds;
      const statements = rowsOf('statement', saved.statements, loadedIds, { b: briefingsPlaced.length, r: placed.people!.length }, (c, i): StatementFacts => {
        const briefing = c.briefing(i);
        const b = briefingOf(briefing);
        const k = c.kinds[i]!;
        const kind = (k ? c.names[k - 1]! : 'statement') as StatementKind;
        return { briefingId: ref('briefings', briefing)!, speakerId: ref('people', c.other(i)), tags: statements.tagsOf(c, i), kind, date: b?.date ?? '', briefingTags: b?.tags ?? [] };
      });
      // An event's briefing and title, by row ([row, briefing, title] in its chunk): few.
      const held = new Map<number, { in: string; title: string }>();
      for (const c of saved.actions) for (let i = 0; i < c.x.length; i += 3) held.set(c.first + (c.x[i] as number), { in: ref('briefings', c.x[i + 1])!, title: str(c.x[i + 2]) });
      const statementOf = (v: unknown) => (typeof v === 'number' ? statements.idOf(v) : orNull(v));
      const actions = rowsOf('action', saved.actions, loadedIds, { b: briefingsPlaced.length, r: statements.count }, (c, i, row): ActionFacts => {
        const h = held.get(row);
        const briefing = c.briefing(i);
        return { briefingId: ref('briefings', briefing), statementId: statementOf(c.other(i)), tags: actions.tagsOf(c, i), date: briefingOf(briefing)?.date ?? '', ...(h ? { held: { ...h } } : {}) };
      });
      // Every briefing's document names its events: known at once.
      for (const [row, h] of held) setIn(engine.heldBy, h.in, actions.idOf(row));
      engine.statements = new LoadedFacts(statements);
      engine.actions = new LoadedFacts(actions);
    };
    const facts = (c: Chunk) => {
      if (c.k === 'tomb') for (const id of c.d) engine.tombstones.get(c.t)!.add(id);
      if (c.k !== 'facts') return;
      if (!Array.isArray(c.d)) throw new SearchIndexDamagedError();
      const order = placed[c.t];
      // A briefing's tags by place in the chunk's names (chunkStream), each name the engine's one string for that tag.
      if (c.t === 'briefings' && !(Array.isArray(c.n) && c.n.every((n) => typeof n === 'string'))) throw new SearchIndexDamagedError();
      const names = c.t === 'briefings' ? (c.n as string[]).map((n) => engine.foldedTags([n])[0]!) : [];
      const named = (v: unknown) => {
        if (!Array.isArray(v)) throw new SearchIndexDamagedError();
        return v.map((i) => {
          if (!(Number.isInteger(i) && (i as number) >= 0 && (i as number) < names.length)) throw new SearchIndexDamagedError();
          return names[i as number]!;
        });
      };
      for (const r of c.d) {
        const id = str(r[0]);
        order?.push(id);
        switch (c.t) {
          case 'briefings': {
            const b: BriefingFacts = {
              title: str(r[1]),
              date: str(r[2]),
              tags: named(r[3]),
              organiserIds: refs('organisations', r[4]),
              attendeeIds: refs('people', r[5]),
            };
            briefingsPlaced.push(b);
            engine.briefings.set(id, b);
            break;
          }
          case 'people':
            // Its words are made later (personWords): a name that is not a text is refused now, not met by a speaker filter.
            if (typeof r[1] !== 'string') throw new SearchIndexDamagedError();
            engine.people.set(id, { name: r[1], organisationId: checkedRef('organisations', r[2]), mergedInto: orNull(r[3]) });
            break;
          case 'organisations':
            engine.organisations.set(id, { name: str(r[1]), acronym: str(r[2]), words: tokenize(`${str(r[1])} ${str(r[2])}`) });
            break;
        }
      }
    };
    let started = false;
    const add = (chunk: SavedChunk): TermChunk | undefined => {
      if (!started) {
        if (typeof chunk !== 'string') throw new SearchIndexVersionError();
        start(JSON.parse(chunk) as Chunk | null);
        started = true;
        return undefined;
      }
      if (typeof chunk !== 'string') {
        const { head, columns } = openChunk(chunk);
        const h = head as { k?: unknown; n: unknown; odd: unknown; big: unknown } | null;
        if (h?.k === 'docs') (ms._documentIds as PackedIds).load(h, columns);
        else if (h?.k === 'lens') (ms._fieldLength as FieldLengths).load(h, columns);
        else if (h?.k === 'cols') gather(ColumnsChunk.load(h, columns));
        else throw new SearchIndexDamagedError();
        return undefined;
      }
      const text = chunk;
      // A chunk of terms is a JSON object, then a line of postings left unparsed (chunkStream); or the object
      // alone, its postings to be supplied later (splitPostings, supplyPostings).
      const { head, postings } = splitPostings(text);
      const c = JSON.parse(head) as Chunk;
      if (c.k === 'terms') {
        // The words now (prefix search walks them all); their postings when first needed.
        if (!Array.isArray(c.w) || !Array.isArray(c.f)) throw new SearchIndexDamagedError();
        const chunk = new TermChunk(postings, c.f, c.w.length, DOC_FIELDS.length);
        engine.unparsed.push(chunk);
        c.w.forEach((word, i) => ms._index.set(word, new LazyPostings(chunk, i, ms._nextId)));
        if (postings === undefined) {
          engine.unread += 1;
          return chunk;
        }
      }
      else facts(c);
      return undefined;
    };
    const finish = () => {
      if (!started) throw new SearchIndexVersionError();
      // As many ids as the head counts documents, and lengths only for those (a document with no value in any
      // field has none): chunks of either dropped or thinned would otherwise load as a smaller index.
      const ids = ms._documentIds as PackedIds;
      const lengths = ms._fieldLength as FieldLengths;
      if (ids.size !== ms._documentCount || lengths.size > ids.size) throw new SearchIndexDamagedError();
      for (let short = 0; short < ms._nextId; short++) if (lengths.has(short) && !ids.has(short)) throw new SearchIndexDamagedError();
      madeFromColumns();
      engine.wordless = engine.people.values();
      if (engine.unread) {
        // No vacuum (a walk of every posting) until they are all read: supplyPostings gives it back.
        const options = (engine.index as unknown as { _options: { autoVacuum: unknown } })._options;
        engine.heldVacuum = options.autoVacuum;
        options.autoVacuum = false;
      }
      return engine;
    };
    return { add, finish };
  }
}
