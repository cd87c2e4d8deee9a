import { liveQuery } from 'dexie';

/**
 * A Dexie live query as a rune-friendly value. `deps` is read inside the effect, so when the state it
 * reads changes the query is re-subscribed; the query itself re-runs whenever its tables change.
 * Database state is read through this, never copied into component state.
 */
export function live<D, T>(deps: () => D, query: (deps: D) => Promise<T>, initial: T): { readonly current: T; readonly loading: boolean } {
  let value = $state.raw(initial);
  let loading = $state(true);
  $effect(() => {
    const d = deps();
    loading = true;
    const subscription = liveQuery(() => query(d)).subscribe({
      next: (v) => {
        value = v;
        loading = false;
      },
      error: (e) => {
        console.error('Live query failed', e);
        loading = false;
      },
    });
    return () => subscription.unsubscribe();
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
