/**
 * Which elements take typed text: the one rule for undo (Ctrl+Z inside a field undoes the typing, App.svelte)
 * and for keys held for the next field (ui/app/typeahead.ts).
 */
export function isTextField(el: Element | null): el is HTMLElement {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && ['text', 'search', 'email', 'url', 'tel', 'password', 'number', ''].includes(el.type) && !el.readOnly;
}

/** A text field whose text can be set where the caret is (setRangeText: an input or a textarea, not a number box). */
export function isTextBox(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (!isTextField(el) || !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return false;
  return !el.readOnly && !el.disabled && el.type !== 'number';
}
