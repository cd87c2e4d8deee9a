/**
 * Reads a live query asks for but does not observe. Dexie notes every key an observed read returns, to tell
 * the live query of that record's change: for a read of 100,000 keys, a balanced tree built key by key on the
 * UI thread (a third of a second). A live query that depends on an index range alone observes something
 * cheaper that covers it (a count of the range) and reads the keys through here.
 */
import type { Collection } from 'dexie';

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

/**
 * `read`, done outside the live query, which observes a count of `range` instead: told of any change in the
 * range and of any write whose old keys Dexie does not know — a superset of what the keys read would tell of,
 * for a read that depends on the range alone.
 */
export async function readObservingRange<T>(range: Collection, read: () => Promise<T>): Promise<T> {
  const [result] = await Promise.all([outsideLiveQuery(read), range.count()]);
  return result;
}
