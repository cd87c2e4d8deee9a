/**
 * Undo and redo of record changes, as pure rules. A user action is recorded as the fields of every record
 * it touched, before and after; undoing it writes the "before" values back as an ordinary new local edit
 * (fresh stamps), so an undo travels to colleagues like any edit and never rewrites history.
 */
import { formatList, translate, type Locale, type MessageKey } from './i18n';
import { sameValue } from './records';
import { stampedFields, type StoredRecord, type SyncedTable } from './model';

/** A record's stamped fields (its plain fields and `deleted`), as the workspace stores them. */
export type FieldValues = Readonly<Record<string, unknown>>;

/** One record's change within an action. `before` is null for a record the action created. */
export interface RecordChange {
  readonly table: SyncedTable;
  readonly id: string;
  readonly before: FieldValues | null;
  readonly after: FieldValues;
}

/** The workspace tells its recorder of each local edit; `action()` is read when the edit begins. */
export interface ChangeRecorder {
  action(): number;
  record(action: number, change: RecordChange): void;
}

/** A patch undo or redo writes to one record; `skipped` names fields left alone (changed since). */
export interface RecordPatch {
  table: SyncedTable;
  id: string;
  patch: Record<string, unknown>;
  skipped: string[];
}

/** The values undo keeps of a record: every stamped field, `deleted` included. */
export function snapshotOf<T extends SyncedTable>(table: T, record: StoredRecord<T>): FieldValues {
  const out: Record<string, unknown> = {};
  const values = record as unknown as Record<string, unknown>;
  // Arrays and objects are copied: the stored record may be reused by the caller.
  for (const f of stampedFields(table)) {
    const v = values[f];
    out[f] = v !== null && typeof v === 'object' ? JSON.parse(JSON.stringify(v)) : v;
  }
  return out;
}

/** What one user action changed, in the order it was written. */
export interface UndoStep {
  /** The action's number: writes begun between the same two user inputs share it. */
  readonly action: number;
  readonly changes: RecordChange[];
}

/** At least the 50 steps the session promises; a few more cost little. */
export const UNDO_LIMIT = 100;

/**
 * The patch that takes a record from `from` to `to` for the fields the change touched, leaving alone every
 * field that no longer holds what the action left there (a colleague's edit arrived since, or a later
 * action changed it): an undo never overwrites work it did not do. `skipped` names those fields.
 */
export function revertPatch(current: FieldValues | undefined, from: FieldValues, to: FieldValues | null): { patch: Record<string, unknown>; skipped: string[] } {
  const patch: Record<string, unknown> = {};
  const skipped: string[] = [];
  // A record the action created comes back as a tombstone: everything it had is kept for a redo.
  const target: FieldValues = to ?? { deleted: 1 };
  const keys = to === null ? ['deleted'] : new Set([...Object.keys(from), ...Object.keys(target)]);
  for (const key of keys) {
    if (sameValue(from[key], target[key])) continue;
    if (current && !sameValue(current[key], from[key])) {
      skipped.push(key);
      continue;
    }
    patch[key] = target[key];
  }
  return { patch, skipped };
}

/** The record changes of a step, folded so each record appears once: its first `before`, its last `after`. */
export function foldChanges(changes: readonly RecordChange[]): RecordChange[] {
  const byKey = new Map<string, RecordChange>();
  for (const c of changes) {
    const key = `${c.table}/${c.id}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, after: c.after } : c);
  }
  // A record left exactly as it was (changed and changed back within one action) is no change at all.
  return [...byKey.values()].filter((c) => !(c.before && Object.keys(c.after).every((k) => sameValue(c.before![k], c.after[k]))));
}

/** The change as redo sees it when undo ran: its before and after swapped. */
function inverse(change: RecordChange): { table: SyncedTable; id: string; from: FieldValues; to: FieldValues | null } {
  return { table: change.table, id: change.id, from: change.after, to: change.before };
}

/** Each record's patch to undo a step (`direction: 'undo'`) or redo it. */
export function stepPatches(
  step: UndoStep,
  direction: 'undo' | 'redo',
  read: (table: SyncedTable, id: string) => FieldValues | undefined,
): RecordPatch[] {
  const changes = foldChanges(step.changes);
  const ordered = direction === 'undo' ? [...changes].reverse() : changes;
  return ordered.map((c) => {
    // Redoing a creation brings back the tombstone its undo left, with the fields it kept.
    const { from, to } = direction === 'undo' ? inverse(c) : { from: c.before ?? { ...c.after, deleted: 1 }, to: c.after };
    const { patch, skipped } = revertPatch(read(c.table, c.id), from, to);
    return { table: c.table, id: c.id, patch, skipped };
  });
}

/**
 * The two stacks. Recording a change of a new action clears what could be redone (as everywhere); a
 * change of an action already on the stack joins its step, so a multi-record action (a merge, a
 * renumbering) is one step whatever the order its writes finish in.
 */
export class UndoHistory {
  private past: UndoStep[] = [];
  private future: UndoStep[] = [];

  constructor(private readonly limit = UNDO_LIMIT) {}

  record(action: number, change: RecordChange): void {
    const step = this.past.findLast((s) => s.action === action);
    if (step) {
      step.changes.push(change);
      return;
    }
    this.past.push({ action, changes: [change] });
    this.past.sort((a, b) => a.action - b.action);
    if (this.past.length > this.limit) this.past.splice(0, this.past.length - this.limit);
    this.future = [];
  }

  canUndo(): boolean {
    return this.past.length > 0;
  }

  canRedo(): boolean {
    return this.future.length > 0;
  }

  /** The newest step, without taking it (the toast asks whether its action is still the one Ctrl+Z undoes). */
  peekUndo(): UndoStep | undefined {
    return this.past.at(-1);
  }

  /** Take the step to undo; `done` puts it on the redo stack once it has been written (or back if not). */
  takeUndo(): UndoStep | undefined {
    return this.past.pop();
  }

  takeRedo(): UndoStep | undefined {
    return this.future.pop();
  }

  undone(step: UndoStep): void {
    this.future.push(step);
  }

  redone(step: UndoStep): void {
    this.past.push(step);
  }

  /** A step that could not be written goes back where it was. */
  putBack(step: UndoStep, direction: 'undo' | 'redo'): void {
    (direction === 'undo' ? this.past : this.future).push(step);
  }

  get sizes(): { undo: number; redo: number } {
    return { undo: this.past.length, redo: this.future.length };
  }
}

/** What an undo or redo did, in words for its notice, in a language: "Undone: 2 statements and 1 briefing". */
export function describeUndo(locale: Locale, direction: 'undo' | 'redo', patches: readonly RecordPatch[]): string {
  const counts = new Map<SyncedTable, number>();
  for (const p of patches) if (Object.keys(p.patch).length) counts.set(p.table, (counts.get(p.table) ?? 0) + 1);
  const parts = [...counts].map(([table, count]) => translate(locale, `undo.count.${table}` as MessageKey, { count }));
  const what = parts.length ? formatList(locale, parts) : translate(locale, 'undo.nothingLeft');
  const partial = patches.some((p) => p.skipped.length);
  return translate(locale, 'undo.done', { direction, what, partial: partial ? 'yes' : 'no' });
}
