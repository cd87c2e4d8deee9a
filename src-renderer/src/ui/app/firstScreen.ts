/**
 * The first screen's own rows on display. Work that can wait — loading the saved search index in its worker,
 * a read of tens of megabytes and seconds of CPU — starts after it, so that it never competes with the first
 * rows for the CPU or for IndexedDB (on two cores, starting it at once made the list and tracker's first
 * opens 10–15 % slower; issue 12). A screen that shows records calls `markScreenShown()` once they are on
 * screen; for a screen that does not, `afterFirstScreen` gives up waiting after `maxMs`.
 */
let shown!: () => void;
const firstScreenShown = new Promise<void>((resolve) => (shown = resolve));

export function markScreenShown(): void {
  shown();
}

export function afterFirstScreen(maxMs = 3000): Promise<void> {
  return Promise.race([firstScreenShown, new Promise<void>((resolve) => setTimeout(resolve, maxMs))]);
}
