/**
 * The Pack dialog's live counts, computed where pack generation happens (the pack worker), never on the
 * UI thread. The dialog used to hold the whole workspace (135,000 records at archive size) in a live
 * query and ran the selection over all of it on every change of a criterion; any write, even saving a
 * pack definition, read everything again.
 *
 * A previewer holds the tables a selection reads, each as a TableMirror (data/mirror.ts): read once,
 * then only the rows a write touched. It recomputes the preview when the dialog's options change or
 * when a write to one of those tables is announced (from any tab or worker), folding bursts of writes
 * into one more pass, and it forgets its copy when the dialog closes.
 */
import type { InsertType } from 'dexie';
import { emptyWorkspaceData, type WorkspaceData } from '../core/model';
import type { PackOptions } from '../core/pack/options';
import { previewOf, selectPack, type PackPreview } from '../core/pack/select';
import type { AttacheDb } from './db';
import { coalescing, onStorageMutated, TableMirror, type MirrorState } from './mirror';

/** What selectPack reads. */
const TABLES = ['briefings', 'statements', 'actions', 'people', 'organisations', 'settings'] as const;
type PreviewTable = (typeof TABLES)[number];
type Row<T extends PreviewTable> = WorkspaceData[T][number];

type Mirrors = { [T in PreviewTable]: TableMirror<Row<T>, Row<T>, InsertType<Row<T>, 'id'>> };

export interface PreviewHooks {
  onPreview: (preview: PackPreview, options: PackOptions) => void;
  onError: (error: unknown) => void;
}

export class PackPreviewer {
  private readonly mirrors: Mirrors;
  private options: PackOptions | undefined;
  private stop: (() => void) | undefined;
  /** Preview the current options; calls during a pass fold into one more. */
  private readonly run = coalescing(
    () => this.pass(),
    (e) => this.hooks.onError(e),
  );
  /** Each table's live rows as an array, kept while its mirror's version stays the same. */
  private readonly arrays = new Map<PreviewTable, { version: number; rows: unknown[] }>();

  constructor(
    private readonly db: AttacheDb,
    private readonly hooks: PreviewHooks,
  ) {
    const mirror = <T extends PreviewTable>(t: T) =>
      new TableMirror<Row<T>, Row<T>, InsertType<Row<T>, 'id'>>(db.table(t), (r) => (r.deleted ? undefined : r));
    this.mirrors = Object.fromEntries(TABLES.map((t) => [t, mirror(t)])) as unknown as Mirrors;
  }

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
      if (touched && this.options) this.run();
    });
  }

  /** Stop following writes and drop the copy (the dialog closed). */
  release(): void {
    this.stop?.();
    this.stop = undefined;
    this.options = undefined;
    for (const t of TABLES) this.mirrors[t].forget();
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
    const states = await Promise.all(TABLES.map((t) => this.mirrors[t].read() as Promise<MirrorState<unknown>>));
    const data = emptyWorkspaceData();
    TABLES.forEach((t, i) => {
      const state = states[i]!;
      let cached = this.arrays.get(t);
      if (!cached || cached.version !== state.version) this.arrays.set(t, (cached = { version: state.version, rows: [...state.items.values()] }));
      (data as Record<string, unknown[]>)[t] = cached.rows;
    });
    return data;
  }
}
