/**
 * Pending edits are written when the user leaves the screen, and when the window is hidden or closed,
 * so that at most the debounce of typing can be lost.
 */
import { onDestroy, onMount } from 'svelte';

export function flushOnLeave(flush: () => unknown): void {
  onMount(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  });
  onDestroy(() => void flush());
}
