/**
 * A list drawn a few rows at a time, each step in a task of its own, so that drawing it never holds the page
 * for long: fifty tracker rows with their fields, or a search's hundred results with their marked words,
 * drawn in one go were each over 100 ms on a slow machine — the longest tasks of a cold start
 * (docs/benchmarks.md). The first rows (a screenful) are drawn at once; the others follow within a few
 * milliseconds, before the eye reaches them.
 *
 * Rows already drawn stay drawn while `restart` gives the same value (an edit, "Show more", the tracker's
 * first page replaced by the whole one); another value (a new search, another page) starts again from
 * `first`.
 */
export function drawnInSteps<T>(items: () => readonly T[], restart: () => unknown, first: number, step = first): { readonly current: readonly T[]; drawAll(): void } {
  const never = Symbol('never drawn');
  // Raw: the key is compared as given (a deep state would wrap an object key in a proxy, never equal to it).
  let drawn = $state.raw<{ for: unknown; upTo: number }>({ for: never, upTo: 0 });
  const limit = $derived(drawn.for === restart() ? Math.max(drawn.upTo, first) : first);
  $effect(() => {
    const key = restart();
    const all = items().length;
    if (all <= limit) return;
    const upTo = Math.min(all, limit + step);
    const timer = setTimeout(() => (drawn = { for: key, upTo }));
    return () => clearTimeout(timer);
  });
  return {
    /** Every row now (a row about to be scrolled to and focused must be there). */
    drawAll() {
      drawn = { for: restart(), upTo: Infinity };
    },
    get current() {
      const list = items();
      return list.length > limit ? list.slice(0, limit) : list;
    },
  };
}
