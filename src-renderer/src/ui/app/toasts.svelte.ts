/**
 * Short notices at the bottom of the window, announced to screen readers, optionally with an Undo.
 * Deletions everywhere use this rather than a confirmation dialog: acting is fast, and undo is safe.
 */
export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  undo?: () => void | Promise<void>;
}

class Toasts {
  items = $state<Toast[]>([]);
  private next = 1;

  show(message: string, options: { tone?: Toast['tone']; undo?: Toast['undo']; ms?: number } = {}): void {
    const toast: Toast = { id: this.next++, message, tone: options.tone ?? 'info', undo: options.undo };
    this.items = [...this.items.slice(-3), toast];
    setTimeout(() => this.dismiss(toast.id), options.ms ?? (options.undo ? 10_000 : 5_000));
  }

  error(message: string): void {
    this.show(message, { tone: 'error', ms: 10_000 });
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
