/**
 * Reads a live query asks for but does not observe. Dexie notes every key an observed read returns, to tell
 * the live query of that record's change: for a read of 100,000 keys, a balanced tree built key by key on the
 * UI thread (a third of a second). A live query that depends on an index range alone observes something
 * cheaper that covers it (a count of the range) and reads the keys through here.
 */

/**
 * Run `read` outside the live query that asks for it: in a task of its own, which starts with no live query's
 * context (Dexie keeps that context across awaits, not across tasks).
 */
export function outsideLiveQuery<T>(read: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      read().then(resolve, reject);
    }, 0),
  );
}
