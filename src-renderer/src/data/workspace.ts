/**
 * The workspace: every local edit goes through here, so that each one is validated, stamped with the
 * installation's clock and written in one transaction. The UI, the example loader and the sync import
 * all use this one implementation.
 */
import { initialHlcState, nodeIdFromInstallationId, observe, tick, type Hlc, type HlcState } from '../core/hlc';
import { newId } from '../core/ids';
import type { StoredRecord, SyncedTable, TableFields } from '../core/model';
import { createRecord, editRecord, fieldsOf } from '../core/records';
import { validateFields, type FieldErrors } from '../core/schemas';
import { beyondDrift, DEFAULT_MAX_DRIFT_MS } from '../core/sync/clock-bounds';
import { UserError } from '../core/errors';
import { translate, type Locale, type MessageKey, type MessageValues } from '../core/i18n';
import { snapshotOf, type ChangeRecorder, type RecordPatch } from '../core/undo';
import { AttacheDb } from './db';
import { openedOnAnotherMachine } from './machine';

export class ValidationError extends Error {
  // Set by ValidationError.of only, not enumerable: the refusal's message key, so messageOf says it in the window's language.
  declare readonly key?: MessageKey;
  declare readonly values?: MessageValues;
  constructor(readonly errors: FieldErrors) {
    super(Object.values(errors)[0] ?? 'Invalid input');
    this.name = 'ValidationError';
  }

  /** A refusal of one field given as a UserError: its English text in `errors`, its key and values kept. */
  static of(field: string, issue: UserError): ValidationError {
    const e = new ValidationError({ [field]: issue.message });
    Object.defineProperties(e, { key: { value: issue.key }, values: { value: issue.values } });
    return e;
  }
}

export interface Installation {
  id: string;
  name: string;
}

const CLOCK_KEY = 'clock';
const INSTALLATION_KEY = 'installation';

const INSTALLATION_NAME_MAX = 120;

/** What is wrong with a name for this installation, if anything (the rule the rename and its boxes share). */
export function installationNameProblem(name: string, locale: Locale = 'en'): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return translate(locale, 'error.installationName.empty');
  if (trimmed.length > INSTALLATION_NAME_MAX) return translate(locale, 'error.installationName.tooLong', { max: INSTALLATION_NAME_MAX, length: trimmed.length });
  return undefined;
}

/** The installation as stored (a rename in another tab shows up here; read it in a live query). */
export async function readInstallation(db: AttacheDb): Promise<Installation | undefined> {
  return (await db.meta.get(INSTALLATION_KEY))?.value as Installation | undefined;
}

export class Workspace {
  /** Told of every local edit, for undo (data/undo.ts); sync imports and undo's own writes are not edits it sees. */
  recorder: ChangeRecorder | undefined;

  private constructor(
    readonly db: AttacheDb,
    readonly installation: Installation,
    private readonly clock: HlcState,
    private readonly now: () => number,
  ) {}

  /** `machineId`: the platform's fingerprint of this machine (see data/machine.ts); a new one means a copied profile. */
  static async open(db: AttacheDb, options: { now?: () => number; defaultName?: string; machineId?: string | null } = {}): Promise<Workspace> {
    const now = options.now ?? Date.now;
    return db.transaction('rw', db.meta, async () => {
      let installation = await readInstallation(db);
      const moved = (await openedOnAnotherMachine(db, options.machineId)) && installation !== undefined;
      if (!installation || moved) {
        // A copy on another machine keeps its name but is a new installation to everyone, with its own node id.
        installation = { id: newId(), name: installation?.name ?? options.defaultName ?? 'This computer' };
        await db.meta.put({ key: INSTALLATION_KEY, value: installation });
      }
      const saved = (await db.meta.get(CLOCK_KEY))?.value as HlcState | undefined;
      const node = nodeIdFromInstallationId(installation.id);
      const clock = saved ? { ...saved, node } : initialHlcState(node);
      if (moved) await db.meta.put({ key: CLOCK_KEY, value: { ...clock } });
      return new Workspace(db, installation, clock, now);
    });
  }

  table<T extends SyncedTable>(name: T) {
    return this.db.table<StoredRecord<T>, string>(name);
  }

  async rename(name: string): Promise<void> {
    const problem = installationNameProblem(name);
    if (problem) throw new ValidationError({ name: problem });
    this.installation.name = name.trim();
    await this.db.meta.put({ key: INSTALLATION_KEY, value: { ...this.installation } });
  }

  /** Issue a stamp; must be called inside a transaction that includes `meta`, which persists the clock with the edit. */
  async stamp(): Promise<Hlc> {
    const hlc = tick(this.clock, this.now());
    await this.db.meta.put({ key: CLOCK_KEY, value: { ...this.clock } });
    return hlc;
  }

  /**
   * Fold a clock seen in an imported file into ours (inside the import's transaction). A clock more than
   * `maxDriftMs` ahead of the wall clock is never folded in: every later edit would carry its date.
   */
  async observe(remote: Hlc, maxDriftMs = DEFAULT_MAX_DRIFT_MS): Promise<void> {
    if (beyondDrift(remote, this.now(), maxDriftMs)) return;
    observe(this.clock, remote, this.now());
    await this.db.meta.put({ key: CLOCK_KEY, value: { ...this.clock } });
  }

  /** The in-memory clock, for the sync import to restore if its transaction aborts. */
  snapshotClock(): HlcState {
    return { ...this.clock };
  }

  restoreClock(state: HlcState): void {
    Object.assign(this.clock, state);
  }

  nowMs(): number {
    return this.now();
  }

  async create<T extends SyncedTable>(table: T, fields: TableFields[T], id: string = newId()): Promise<StoredRecord<T>> {
    const checked = validateFields(table, fields);
    if (!checked.ok) throw new ValidationError(checked.errors);
    const action = this.recorder?.action();
    const created = await this.db.transaction('rw', this.table(table), this.db.meta, async () => {
      const record = createRecord(table, id, checked.value, await this.stamp());
      await this.table(table).add(record);
      return record;
    });
    this.recorder?.record(action!, { table, id, before: null, after: snapshotOf(table, created) });
    return created;
  }

  /** Apply a patch to a live record. Resolves to the new record, or the old one when nothing changed. */
  async update<T extends SyncedTable>(table: T, id: string, patch: Partial<TableFields[T]>): Promise<StoredRecord<T>> {
    const action = this.recorder?.action();
    let before: StoredRecord<T> | undefined;
    const result = await this.db.transaction('rw', this.table(table), this.db.meta, async () => {
      const current = await this.table(table).get(id);
      if (!current || current.deleted) throw new UserError('error.record.gone', { table });
      const checked = validateFields(table, { ...fieldsOf(table, current), ...patch });
      if (!checked.ok) throw new ValidationError(checked.errors);
      const next = editRecord(table, current, patch, await this.stamp());
      if (!next) return current;
      await this.table(table).put(next);
      before = current;
      return next;
    });
    if (before) this.recorder?.record(action!, { table, id, before: snapshotOf(table, before), after: snapshotOf(table, result) });
    return result;
  }

  /** Delete as a tombstone with its own clock, so the deletion travels to colleagues like an edit. */
  async remove<T extends SyncedTable>(table: T, id: string): Promise<void> {
    await this.setDeleted(table, id, 1);
  }

  /** Undo a delete: the record comes back with everything it had. */
  async restore<T extends SyncedTable>(table: T, id: string): Promise<void> {
    await this.setDeleted(table, id, 0);
  }

  private async setDeleted<T extends SyncedTable>(table: T, id: string, deleted: 0 | 1): Promise<void> {
    const action = this.recorder?.action();
    const change = await this.db.transaction('rw', this.table(table), this.db.meta, async () => {
      const current = await this.table(table).get(id);
      if (!current) return undefined;
      const next = editRecord(table, current, { deleted } as Partial<TableFields[T]> & { deleted: 0 | 1 }, await this.stamp());
      if (next) await this.table(table).put(next);
      return next && { table, id, before: snapshotOf(table, current), after: snapshotOf(table, next) };
    });
    if (change) this.recorder?.record(action!, change);
  }

  /**
   * Write undo's (or redo's) patches, all or none, as ordinary local edits with fresh stamps. Not told to
   * the recorder: the undo history moves the step itself. Each patch is computed from the records as they
   * are inside the transaction (`plan`), so it never overwrites what it did not write.
   */
  async writePatches(
    records: readonly { table: SyncedTable; id: string }[],
    plan: (read: (table: SyncedTable, id: string) => Record<string, unknown> | undefined) => RecordPatch[],
  ): Promise<RecordPatch[]> {
    const tables = [...new Set(records.map((r) => r.table))];
    return this.db.transaction('rw', [...tables.map((t) => this.db.table(t)), this.db.meta], async () => {
      const current = new Map<string, StoredRecord<SyncedTable>>();
      for (const { table, id } of records) {
        const r = await this.table(table).get(id);
        if (r) current.set(`${table}/${id}`, r);
      }
      const patches = plan((table, id) => {
        const r = current.get(`${table}/${id}`);
        return r && snapshotOf(table, r);
      });
      for (const p of patches) {
        const record = current.get(`${p.table}/${p.id}`);
        if (!record || !Object.keys(p.patch).length) continue;
        const checked = validateFields(p.table, { ...fieldsOf(p.table, record), ...p.patch });
        if (!checked.ok) throw new ValidationError(checked.errors);
        const next = editRecord(p.table, record, p.patch as Partial<TableFields[SyncedTable]> & { deleted?: 0 | 1 }, await this.stamp());
        if (next) await this.table(p.table).put(next);
      }
      return patches;
    });
  }
}

