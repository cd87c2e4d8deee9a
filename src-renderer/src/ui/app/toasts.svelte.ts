/**
 * Short notices at the bottom of the window, announced to screen readers, optionally with an Undo.
 * Deletions everywhere use this rather than a confirmation dialog: acting is fast, and undo is safe.
 *
 * A toast's Undo and Ctrl+Z do the same thing: while the toast's action is still the newest step of the
 * session's undo history (data/undo.ts), Ctrl+Z undoes that step and the toast goes; the toast's Undo
 * restores what it names and moves that step to the redo stack (so Ctrl+Shift+Z redoes either). Once later
 * changes were made, the toast's Undo restores just what it names, as an action of its own.
 */
import type { UndoManager } from '../../data/undo';
import { setMessageLocale } from '../../core/errors';
import { locale } from './locale.svelte';

// Errors reach the screen through `toasts.error(messageOf(e))` and the like: in this window messageOf says
// a UserError in the interface's language (the CLI and workers, which never load this module, keep English).
setMessageLocale(() => locale.current);

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  undo?: () => void | Promise<void>;
  /** The undo history's step for the action the toast reports (the newest when it was shown). */
  step?: number;
}

class Toasts {
  items = $state<Toast[]>([]);
  private next = 1;
  private history: UndoManager | undefined;
  /** Toasts whose time is up while the keyboard or pointer is on them: they wait until it leaves. */
  private held = new Set<number>();
  private expired = new Set<number>();

  /** The session's undo history, once the workspace is open (App). */
  connect(history: UndoManager): void {
    this.history = history;
  }

  show(message: string, options: { tone?: Toast['tone']; undo?: Toast['undo']; ms?: number } = {}): void {
    const toast: Toast = { id: this.next++, message, tone: options.tone ?? 'info', undo: options.undo, step: options.undo ? this.history?.latestAction() : undefined };
    this.items = [...this.items.slice(-3), toast];
    setTimeout(() => this.expire(toast.id), options.ms ?? (options.undo ? 10_000 : 5_000));
  }

  error(message: string): void {
    this.show(message, { tone: 'error', ms: 10_000 });
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
    this.held.delete(id);
    this.expired.delete(id);
  }

  /** Focus or pointer on a toast keeps it (WCAG 2.2.1: no time limit on what one is reading or about to press). */
  hold(id: number, on: boolean): void {
    if (on) this.held.add(id);
    else {
      this.held.delete(id);
      if (this.expired.has(id)) this.dismiss(id);
    }
  }

  private expire(id: number): void {
    if (this.held.has(id)) this.expired.add(id);
    else this.dismiss(id);
  }

  /**
   * The toast's Undo: its own undo (which may also take the user back to what it restores); while its
   * action is still the newest step, that step goes to the redo stack, as Ctrl+Z would have put it.
   */
  async undo(toast: Toast): Promise<void> {
    this.dismiss(toast.id);
    const own = toast.undo ?? (() => undefined);
    if (this.history && toast.step !== undefined) await this.history.undoWith(toast.step, own);
    else await own();
  }

  /** Ctrl+Z undid `step`: a toast offering to undo the same step has done its work. */
  undone(step: number | undefined): void {
    if (step === undefined) return;
    this.items = this.items.filter((t) => t.step !== step);
  }
}

export const toasts = new Toasts();
