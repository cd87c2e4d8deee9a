/**
 * The Pack dialog's live counts, computed where pack generation happens (the pack worker), never on the
 * UI thread. The dialog used to hold the whole workspace (135,000 records at archive size) in a live
 * query and ran the selection over all of it on every change of a criterion.
 *
 * A previewer reads the per-briefing totals the data layer keeps (data/briefing-totals.ts: their digest
 * and the rows written since, checked against the tables' live counts as they are read, rebuilt when they
 * disagree) and the settings (for the classification levels), then only the rows a write touched (TableMirror,
 * data/mirror.ts); the counts for any selection are sums over the selected briefings' totals
 * (core/pack/briefing-totals.ts previewOfTotals), no statement or follow-up is read. It recomputes the
 * preview when the dialog's options change or when a write to those tables is announced (from any tab
 * or worker), folding bursts of writes into one more pass, and it forgets its copy when the dialog closes.
 * Once it has answered, it folds what it read into a new digest when there was none or many rows had been
 * written since, so that the next opening reads one value again.
 */
import type { InsertType } from 'dexie';
import { isEmptyTotals, type BriefingTotals } from '../core/pack/briefing-totals';
import { previewOfTotals } from '../core/pack/preview-totals';
import type { Settings } from '../core/model';
import type { PackOptions } from '../core/pack/options';
import type { PackPreview } from '../core/pack/select';
import { settingsOfData } from '../core/settings';
import { digestBriefingTotals, readKeptTotals, worthFolding, type StoredTotals, type TotalsBasis } from './briefing-totals';
import type { AttacheDb } from './db';
import { coalescing, onStorageMutated, TableMirror } from './mirror';

export interface PreviewHooks {
  onPreview: (preview: PackPreview, options: PackOptions) => void;
  onError: (error: unknown) => void;
}

export class PackPreviewer {
  private readonly settings: TableMirror<Settings, Settings, InsertType<Settings, 'id'>>;
  private readonly totals: TableMirror<StoredTotals, BriefingTotals, InsertType<StoredTotals, 'id'>>;
  /** The last whole read of the totals and where it came from, until it is folded into a digest (or found not worth it). */
  private unfolded: { basis: TotalsBasis; rows: BriefingTotals[] } | undefined;
  private options: PackOptions | undefined;
  private stop: (() => void) | undefined;
  /** Preview the current options; calls during a pass fold into one more. */
  private readonly run = coalescing(
    () => this.pass(),
    (e) => this.hooks.onError(e),
  );

  constructor(
    private readonly db: AttacheDb,
    private readonly hooks: PreviewHooks,
  ) {
    this.settings = new TableMirror(db.settings, (r) => (r.deleted ? undefined : r));
    // A whole read (the first, or after a write that covered a range) checks the totals against the tables.
    // A row whose totals fell to nothing is kept as a marker for readers of the digest: not an item.
    this.totals = new TableMirror(
      db.briefingTotals,
      (r) => (isEmptyTotals(r) ? undefined : r),
      async () => {
        const kept = await readKeptTotals(db);
        this.unfolded = worthFolding(kept.basis) ? { basis: kept.basis, rows: kept.rows } : undefined;
        return kept.rows;
      },
    );
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

  /** Read the totals ahead of the first preview (the dialog opened, nothing chosen yet). */
  prepare(): void {
    this.listen();
    void this.snapshot().catch(() => undefined);
  }

  private listen(): void {
    this.stop ??= onStorageMutated((parts) => {
      // Not `||`: both mirrors must note the write.
      const touched = [this.settings.note(parts), this.totals.note(parts)].some(Boolean);
      if (touched && this.options) this.run();
    });
  }

  /** Stop following writes and drop the copy (the dialog closed). */
  release(): void {
    this.stop?.();
    this.stop = undefined;
    this.options = undefined;
    this.settings.forget();
    this.totals.forget();
    this.unfolded = undefined;
  }

  private async pass(): Promise<void> {
    const options = this.options;
    if (!options) return;
    const { settings, totals } = await this.snapshot();
    // Options changed while the tables were read: preview those instead, on the next pass.
    if (options !== this.options) return this.run();
    const levels = settingsOfData({ settings: [...settings.values()] }).classificationLevels;
    this.hooks.onPreview(previewOfTotals(totals.values(), levels, options), options);
    this.fold();
  }

  /**
   * After the answer, not before it: fold the last whole read into a new digest. A fold refused (a rebuild or a
   * large import came between) or failed costs only speed, never a count: it is not reported, and the next
   * opening reads every row again.
   */
  private fold(): void {
    const read = this.unfolded;
    if (!read) return;
    this.unfolded = undefined;
    void digestBriefingTotals(this.db, read.basis, read.rows).catch(() => undefined);
  }

  private async snapshot(): Promise<{ settings: ReadonlyMap<string, Settings>; totals: ReadonlyMap<string, BriefingTotals> }> {
    const [settings, totals] = await Promise.all([this.settings.read(), this.totals.read()]);
    return { settings: settings.items, totals: totals.items };
  }
}
