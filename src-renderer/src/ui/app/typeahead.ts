/**
 * Keys typed ahead of the field they are meant for. Ctrl+Shift+N and a title typed at once is how an officer
 * starts a note in the room; the new briefing's title box takes focus a moment after the shortcut (a route
 * change, a render), and the first letters used to fall on the page. Between a command that opens a field
 * and the moment an editable element takes focus, plain characters are held and then given to that field,
 * in order, as if typed there. Anything else (a modifier key, Escape, a click, the time running out) ends
 * the hold; what was held by then is dropped with it, as the page would have dropped it.
 */

import { isTextBox } from '../lib/textField';

const HOLD_MS = 3_000;

let stop: (() => void) | undefined;

/** Hold the characters typed from now until a text field takes focus (at most a few seconds). */
export function holdTypingForNextField(): void {
  stop?.();
  let held = '';
  // The field the command was given from (the capture box, a search box) is not the one the keys are for.
  const from = document.activeElement;
  const arrived = () => document.activeElement !== from && isTextBox(document.activeElement);
  const onKey = (e: KeyboardEvent) => {
    if (arrived()) return release();
    const character = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
    if (!character) return void (e.key === 'Shift' ? undefined : end());
    held += e.key;
    e.preventDefault();
    e.stopPropagation();
  };
  const onFocus = () => {
    if (arrived()) release();
  };
  const release = () => {
    const field = document.activeElement;
    const text = held;
    end();
    if (!text || !isTextBox(field)) return;
    field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  };
  const end = () => {
    window.removeEventListener('keydown', onKey, true);
    window.removeEventListener('focusin', onFocus, true);
    window.removeEventListener('pointerdown', end, true);
    clearTimeout(timer);
    stop = undefined;
  };
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('focusin', onFocus, true);
  window.addEventListener('pointerdown', end, true);
  const timer = setTimeout(end, HOLD_MS);
  stop = end;
}
