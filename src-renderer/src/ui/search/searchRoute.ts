/**
 * The search text lives in the route (`#/search/<encoded text>`) so that a reload, the back button and
 * the sidebar box all land on the same results.
 */
import { href } from '../app/router.svelte';

export function searchHref(text: string): string {
  return href({ screen: 'search', id: text.trim() ? encodeURIComponent(text.trim()) : undefined });
}

export function textFromRouteId(id: string | undefined): string {
  if (!id) return '';
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** Update the address without a hashchange, which would re-mount the screen while the user types. */
export function replaceSearchText(text: string): void {
  const target = searchHref(text);
  if (location.hash !== target) history.replaceState(history.state, '', target);
}
