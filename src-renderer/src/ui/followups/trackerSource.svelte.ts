/**
 * The tracker's data as a rune value: the database's tracker mirror (data/actions.ts), delivered again
 * after every write that touches actions or briefings. Like ui/lib/live.svelte.ts, but a change costs
 * the rows it touched instead of a fresh read of both tables.
 */
import { trackerMirror, type TrackerSource } from '../../data/actions';
import type { AttacheDb } from '../../data/db';

export function liveTrackerSource(db: () => AttacheDb | undefined): { readonly current: TrackerSource; readonly loading: boolean } {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- raw state, replaced whole: this map is never changed
  let value = $state.raw<TrackerSource>({ actions: [], briefings: new Map() });
  let loading = $state(true);
  $effect(() => {
    // No database yet: the caller holds the read back (the tracker reads its first rows first).
    const current = db();
    if (!current) return;
    const mirror = trackerMirror(current);
    loading = true;
    return mirror.subscribe(
      (source) => {
        value = source;
        loading = false;
      },
      (e) => {
        console.error('Tracker read failed', e);
        loading = false;
      },
    );
  });
  return {
    get current() {
      return value;
    },
    get loading() {
      return loading;
    },
  };
}
