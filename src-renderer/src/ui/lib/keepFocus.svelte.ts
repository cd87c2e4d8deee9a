import { tick } from 'svelte';

/**
 * Keep the keyboard where it was when the element it is in moves. A saved date re-sorts a list (the tracker,
 * a briefing's follow-ups), and a row the list moves loses the focus to the page: the next keys would go
 * nowhere. Spread the returned handler on the row or editor; after each change of `watch()` (what re-sorts
 * it), a focus left on the page goes back to the element last focused inside. Call during component set-up.
 */
export function keepFocusThroughMoves(watch: () => unknown): { onfocusin: (e: FocusEvent) => void } {
  let last: HTMLElement | null = null;
  $effect(() => {
    watch();
    const el = last;
    void tick().then(() => {
      if (el?.isConnected && (document.activeElement === document.body || document.activeElement === null)) el.focus();
    });
  });
  return { onfocusin: (e) => (last = e.target instanceof HTMLElement ? e.target : null) };
}
