/**
 * A table of editable rows as one Tab stop (the ARIA grid pattern with a roving tabindex): Tab enters the
 * table on the control last used (the first at the start) and the next Tab leaves it; the arrow keys move
 * inside. ↑/↓ go to the same cell of the row above or below, ←/→ to the previous or next control of the row
 * (in a text box only from its first or last character, so the caret still moves within the text),
 * Ctrl+Home/Ctrl+End to the first or last control of the table. Alt+↓ still opens a select or a suggestion
 * list. Used as a Svelte attachment on the <table>: `{@attach rovingGrid}`.
 */
import { isTextField } from './textField';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled)';

function controls(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('.visually-hidden, [hidden]'));
}

/** A field that takes typed text (ui/lib/textField.ts) and has a caret the arrows move first. */
function hasCaret(el: HTMLElement): el is HTMLInputElement | HTMLTextAreaElement {
  return isTextField(el) && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement);
}

export function rovingGrid(table: HTMLTableElement): () => void {
  let current: HTMLElement | null = null;
  const body = () => table.tBodies[0];
  const rows = () => [...(body()?.rows ?? [])];

  /** Exactly one control of the table is in the Tab order: the current one, or the first. */
  function sync() {
    const all = body() ? controls(body()!) : [];
    if (!current || !current.isConnected || !all.includes(current)) current = all[0] ?? null;
    for (const el of all) el.tabIndex = el === current ? 0 : -1;
  }

  function go(el: HTMLElement | undefined, event: KeyboardEvent) {
    if (!el) return;
    event.preventDefault();
    current = el;
    sync();
    el.focus();
  }

  function onkeydown(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    const row = target.closest('tr');
    if (!row || !body()?.contains(row) || event.altKey || event.metaKey) return;
    const inRow = controls(row);
    const i = inRow.indexOf(target);
    if (i < 0) return;
    const list = rows();
    const r = list.indexOf(row);
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        if (event.ctrlKey || event.shiftKey) return;
        const cell = target.closest<HTMLTableCellElement>('td, th');
        const step = event.key === 'ArrowUp' ? -1 : 1;
        // The nearest row that has a control in the same column (an error row may have none).
        for (let k = r + step; k >= 0 && k < list.length; k += step) {
          const other = list[k]!;
          const sameCell = cell ? other.cells[cell.cellIndex] : undefined;
          const within = sameCell ? controls(sameCell) : [];
          const position = cell ? controls(cell).indexOf(target) : 0;
          const next = within[Math.min(position, within.length - 1)] ?? controls(other)[0];
          if (next) return go(next, event);
        }
        // At the edge: the key does nothing (a select must not change its value under the keyboard).
        event.preventDefault();
        return;
      }
      case 'ArrowLeft':
      case 'ArrowRight': {
        if (event.ctrlKey || event.shiftKey) return;
        const back = event.key === 'ArrowLeft' !== (getComputedStyle(table).direction === 'rtl');
        if (hasCaret(target)) {
          const { selectionStart: s, selectionEnd: e, value } = target;
          if (s === null || s !== e || (back ? s > 0 : s < value.length)) return;
        }
        return go(inRow[back ? i - 1 : i + 1], event);
      }
      case 'Home':
      case 'End': {
        if (!event.ctrlKey) return;
        const all = controls(body()!);
        return go(event.key === 'Home' ? all[0] : all[all.length - 1], event);
      }
    }
  }

  function onfocusin(event: FocusEvent) {
    const target = event.target as HTMLElement;
    if (!body()?.contains(target) || !target.matches(FOCUSABLE)) return;
    current = target;
    sync();
  }

  // Rows come and go (filters, pages, a saved date re-sorting them): keep the one Tab stop.
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      sync();
    });
  });
  observer.observe(table, { childList: true, subtree: true });
  table.addEventListener('keydown', onkeydown);
  table.addEventListener('focusin', onfocusin);
  sync();
  return () => {
    observer.disconnect();
    table.removeEventListener('keydown', onkeydown);
    table.removeEventListener('focusin', onfocusin);
  };
}
