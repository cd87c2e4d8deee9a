/**
 * The session's undo history of record changes. Every local edit passes through the workspace, which tells
 * this recorder; a user action is every write begun between two user inputs (a key press or a click: the
 * UI calls `boundary()`), so a merge or a renumbering of statements is one step. Undo and redo are written
 * as ordinary new local edits with fresh stamps (core/undo.ts holds the rules).
 */
import { stepPatches, UndoHistory, type RecordChange, type RecordPatch, type UndoStep } from '../core/undo';
import type { Workspace } from './workspace';

export interface UndoOutcome {
  /** Records written. */
  patches: RecordPatch[];
  /** True when some field had been changed since (by a colleague's import or a later edit) and was left alone. */
  partial: boolean;
}

export class UndoManager {
  private readonly history: UndoHistory;
  private current = 1;
  private readonly listeners = new Set<() => void>();
  /** One undo or redo at a time: a second Ctrl+Z waits for the first to be written. */
  private busy: Promise<unknown> = Promise.resolve();
  /** While a toast's own undo runs in place of a step's (undoWith), its writes are that undo, not an action. */
  private suppressed = 0;

  constructor(
    private readonly ws: Workspace,
    limit?: number,
  ) {
    this.history = new UndoHistory(limit);
    ws.recorder = {
      action: () => this.current,
      record: (action: number, change: RecordChange) => {
        if (this.suppressed) return;
        this.history.record(action, change);
        this.notify();
      },
    };
  }

  /** A user input happened: writes begun from now on belong to a new action. */
  boundary(): void {
    this.current++;
  }

  /** The action the next write would join (a toast remembers it to know whether Ctrl+Z still undoes it). */
  latestAction(): number | undefined {
    return this.history.peekUndo()?.action;
  }

  get sizes(): { undo: number; redo: number } {
    return this.history.sizes;
  }

  canUndo(): boolean {
    return this.history.canUndo();
  }

  canRedo(): boolean {
    return this.history.canRedo();
  }

  /** Undo the newest action; undefined when there is nothing to undo. */
  undo(): Promise<UndoOutcome | undefined> {
    return this.run('undo');
  }

  redo(): Promise<UndoOutcome | undefined> {
    return this.run('redo');
  }

  /**
   * Undo `action` by running `undo` (a toast's own undo, which may also take the user back to what it
   * restored) when that action is still the newest step: the step moves to the redo stack as if Ctrl+Z had
   * undone it. Otherwise `undo` runs as an ordinary action of its own.
   */
  async undoWith(action: number, undo: () => unknown): Promise<void> {
    const top = this.history.peekUndo();
    if (top?.action !== action) {
      await undo();
      return;
    }
    this.history.takeUndo();
    this.suppressed++;
    try {
      await undo();
      this.history.undone(top);
    } catch (e) {
      this.history.putBack(top, 'undo');
      throw e;
    } finally {
      this.suppressed--;
      this.notify();
    }
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private run(direction: 'undo' | 'redo'): Promise<UndoOutcome | undefined> {
    const next = this.busy.then(() => this.apply(direction));
    this.busy = next.catch(() => undefined);
    return next;
  }

  private async apply(direction: 'undo' | 'redo'): Promise<UndoOutcome | undefined> {
    const step: UndoStep | undefined = direction === 'undo' ? this.history.takeUndo() : this.history.takeRedo();
    if (!step) return undefined;
    try {
      const patches = await this.ws.writePatches(step.changes, (read) => stepPatches(step, direction, read));
      if (direction === 'undo') this.history.undone(step);
      else this.history.redone(step);
      return { patches, partial: patches.some((p) => p.skipped.length > 0) };
    } catch (e) {
      // Nothing was written (one transaction): the step stays where it was, and the caller says why.
      this.history.putBack(step, direction);
      throw e;
    } finally {
      this.notify();
    }
  }

  private notify(): void {
    for (const fn of this.listeners) fn();
  }
}

const managers = new WeakMap<Workspace, UndoManager>();

/** The workspace's undo history, started on first use (one per workspace, so one per session). */
export function undoFor(ws: Workspace): UndoManager {
  let m = managers.get(ws);
  if (!m) {
    m = new UndoManager(ws);
    managers.set(ws, m);
  }
  return m;
}
