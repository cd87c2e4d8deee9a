/**
 * The Pack dialog's live counts, computed where pack generation happens (the pack worker), never on the
 * UI thread. The dialog used to hold the whole workspace (135,000 records at archive size) in a live
 * query and ran the selection over all of it on every change of a criterion; any write, even saving a
 * pack definition, read everything again.
 *
 * A previewer holds what the counts need, read once, then only the rows a write touched: the settings
 * whole (TableMirror, data/mirror.ts), and of briefings, statements and actions only the fields a preview
 * reads (dates, tags, organisers, classification; the links to briefing and speaker) — taken from the
 * saved search index when it matches the tables (search-persist.ts readSavedFacts), so the first counts
 * read no briefing, statement or action at all; from the tables otherwise. People and organisations are not read: the counts, banner and exclusions do not depend on
 * them. It recomputes the preview when the dialog's options change or when a write to one of those tables
 * is announced (from any tab or worker), folding bursts of writes into one more pass, and it forgets its
 * copy when the dialog closes.
 */
import type { InsertType } from 'dexie';
import { emptyWorkspaceData, type WorkspaceData } from '../core/model';
import type { PackOptions } from '../core/pack/options';
import { previewOf, selectPack, type PackPreview } from '../core/pack/select';
import type { AttacheDb } from './db';
import { coalescing, onStorageMutated, TableMirror, writtenRanges, type MirrorState } from './mirror';
import { readSavedFacts, type BriefingFact, type SavedFacts } from './search-persist';

/** What the preview reads whole. */
const TABLES = ['settings'] as const;
type PreviewTable = (typeof TABLES)[number];
/** What it reads only some fields of. */
const LINKED = ['briefings', 'statements', 'actions'] as const;
type LinkedTable = (typeof LINKED)[number];
/**
 * A briefing, statement or action as the counts need it: selectPack reads nothing else of them for a
 * preview (the counts, the banner, what the ceiling leaves out).
 */
type Link = { id: string; deleted: 0 } & (Partial<BriefingFact> & { briefingId?: string | null; speakerId?: string | null });
type LinkRow = { id: string; deleted: 0 | 1; briefingId?: string | null; speakerId?: string | null } & Partial<BriefingFact>;

function linkOf(table: LinkedTable, row: LinkRow | undefined): Link | undefined {
  if (!row || row.deleted) return undefined;
  if (table === 'statements') return { id: row.id, briefingId: row.briefingId, speakerId: row.speakerId ?? null, deleted: 0 };
  if (table === 'actions') return { id: row.id, briefingId: row.briefingId ?? null, deleted: 0 };
  const { title = '', startsAt = '', tags = [], organiserIds = [], classification = '', caveat = '' } = row;
  return { id: row.id, title, startsAt, tags, organiserIds, classification, caveat, deleted: 0 };
}

/**
 * Live statements or actions of one table as links, kept current like a TableMirror: the first read takes
 * the saved search index's facts when they match the table, or reads the table; then a write re-reads only
 * the rows it touched.
 */
class LinkMirror {
  private items = new Map<string, Link>();
  private version = 0;
  private pending: { keys: Set<string>; ranges: [string | undefined, string | undefined][] } | 'all' = 'all';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: AttacheDb,
    private readonly table: LinkedTable,
  ) {}

  note(parts: Parameters<typeof writtenRanges>[0]): boolean {
    const written = writtenRanges(parts, this.db.name, this.table);
    if (!written) return false;
    if (written === 'all') this.pending = 'all';
    else if (this.pending !== 'all')
      for (const [from, to] of written) {
        if (typeof from === 'string' && from === to) this.pending.keys.add(from);
        else this.pending.ranges.push([typeof from === 'string' ? from : undefined, typeof to === 'string' ? to : undefined]);
      }
    return true;
  }

  forget(): void {
    this.items = new Map();
    this.version++;
    this.pending = 'all';
  }

  read(saved: () => Promise<SavedFacts | undefined>): Promise<MirrorState<Link>> {
    const run = this.queue.then(() => this.apply(saved));
    this.queue = run.catch(() => undefined);
    return run.then(() => ({ items: this.items, version: this.version }));
  }

  private link(row: LinkRow | undefined): Link | undefined {
    return linkOf(this.table, row);
  }

  private async apply(saved: () => Promise<SavedFacts | undefined>): Promise<void> {
    const work = this.pending;
    if (work !== 'all' && !work.keys.size && !work.ranges.length) return;
    // Writes noted from here on stay pending for the next read.
    this.pending = { keys: new Set(), ranges: [] };
    try {
      if (work === 'all') {
        const facts = await saved();
        let next = new Map<string, Link>();
        if (facts) {
          // The facts were read for this first pass alone (the previewer drops them after it): each becomes its
          // link in place, rather than a copy of 100,000 objects into a second map before the first counts.
          const own = facts[this.table] as Map<string, Omit<LinkRow, 'id' | 'deleted'> & Partial<Pick<Link, 'id' | 'deleted'>>>;
          for (const [id, f] of own) {
            f.id = id;
            f.deleted = 0;
          }
          next = own as Map<string, Link>;
        } else {
          // In pieces, as TableMirror reads: one getAll of every statement would hold them all at once.
          let from = '';
          for (;;) {
            const rows = (await this.db.table(this.table).where(':id').above(from).limit(5_000).toArray()) as LinkRow[];
            for (const row of rows) {
              const l = this.link(row);
              if (l) next.set(l.id, l);
            }
            if (rows.length < 5_000) break;
            from = rows[rows.length - 1]!.id;
          }
        }
        this.items = next;
      } else {
        const next = new Map(this.items);
        for (const [lo, hi] of work.ranges) {
          for (const id of this.items.keys()) if ((lo === undefined || id >= lo) && (hi === undefined || id <= hi)) next.delete(id);
          const by = this.db.table(this.table).where(':id');
          const rows = (await (lo === undefined ? (hi === undefined ? by.aboveOrEqual('') : by.belowOrEqual(hi)) : hi === undefined ? by.aboveOrEqual(lo) : by.between(lo, hi, true, true)).toArray()) as LinkRow[];
          for (const row of rows) {
            const l = this.link(row);
            if (l) next.set(l.id, l);
          }
        }
        const ids = [...work.keys];
        const rows = (await this.db.table(this.table).bulkGet(ids)) as LinkRow[];
        ids.forEach((id, i) => {
          const l = this.link(rows[i]);
          if (l) next.set(id, l);
          else next.delete(id);
        });
        this.items = next;
      }
      this.version++;
    } catch (e) {
      this.pending = 'all';
      throw e;
    }
  }
}
type Row<T extends PreviewTable> = WorkspaceData[T][number];

type Mirrors = { [T in PreviewTable]: TableMirror<Row<T>, Row<T>, InsertType<Row<T>, 'id'>> };

export interface PreviewHooks {
  onPreview: (preview: PackPreview, options: PackOptions) => void;
  onError: (error: unknown) => void;
}

export class PackPreviewer {
  private readonly mirrors: Mirrors;
  private readonly links: Record<LinkedTable, LinkMirror>;
  /** The saved search index's facts, read once for the link mirrors' first read. */
  private facts: Promise<SavedFacts | undefined> | undefined;
  private options: PackOptions | undefined;
  private stop: (() => void) | undefined;
  /** Preview the current options; calls during a pass fold into one more. */
  private readonly run = coalescing(
    () => this.pass(),
    (e) => this.hooks.onError(e),
  );
  /** Each table's live rows as an array, kept while its mirror's version stays the same. */
  private readonly arrays = new Map<PreviewTable | LinkedTable, { version: number; rows: unknown[] }>();

  constructor(
    private readonly db: AttacheDb,
    private readonly hooks: PreviewHooks,
  ) {
    const mirror = <T extends PreviewTable>(t: T) =>
      new TableMirror<Row<T>, Row<T>, InsertType<Row<T>, 'id'>>(db.table(t), (r) => (r.deleted ? undefined : r));
    this.mirrors = Object.fromEntries(TABLES.map((t) => [t, mirror(t)])) as unknown as Mirrors;
    this.links = { briefings: new LinkMirror(db, 'briefings'), statements: new LinkMirror(db, 'statements'), actions: new LinkMirror(db, 'actions') };
  }

  private savedFacts = (): Promise<SavedFacts | undefined> => (this.facts ??= readSavedFacts(this.db));

  get dbName(): string {
    return this.db.name;
  }

  /** Preview these options now, and again after every write that may change the answer. */
  watch(options: PackOptions): void {
    this.options = options;
    this.listen();
    this.run();
  }

  /**
   * Read the tables ahead of the first preview (the dialog opened, nothing chosen yet): at archive size
   * that read takes seconds, which the user then spends choosing rather than waiting.
   */
  prepare(): void {
    this.listen();
    void this.snapshot().catch(() => undefined);
  }

  private listen(): void {
    this.stop ??= onStorageMutated((parts) => {
      let touched = false;
      for (const t of TABLES) touched = this.mirrors[t].note(parts) || touched;
      for (const t of LINKED) touched = this.links[t].note(parts) || touched;
      if (touched && this.options) this.run();
    });
  }

  /** Stop following writes and drop the copy (the dialog closed). */
  release(): void {
    this.stop?.();
    this.stop = undefined;
    this.options = undefined;
    for (const t of TABLES) this.mirrors[t].forget();
    for (const t of LINKED) this.links[t].forget();
    this.facts = undefined;
    this.arrays.clear();
  }

  private async pass(): Promise<void> {
    const options = this.options;
    if (!options) return;
    const data = await this.snapshot();
    // Options changed while the tables were read: preview those instead, on the next pass.
    if (options !== this.options) return this.run();
    this.hooks.onPreview(previewOf(selectPack(data, options)), options);
  }

  private async snapshot(): Promise<WorkspaceData> {
    const states = await Promise.all([
      ...TABLES.map((t) => this.mirrors[t].read() as Promise<MirrorState<unknown>>),
      ...LINKED.map((t) => this.links[t].read(this.savedFacts) as Promise<MirrorState<unknown>>),
    ]);
    this.facts = undefined;
    const data = emptyWorkspaceData();
    [...TABLES, ...LINKED].forEach((t, i) => {
      const state = states[i]!;
      let cached = this.arrays.get(t);
      if (!cached || cached.version !== state.version) this.arrays.set(t, (cached = { version: state.version, rows: [...state.items.values()] }));
      (data as Record<string, unknown[]>)[t] = cached.rows;
    });
    return data;
  }
}
