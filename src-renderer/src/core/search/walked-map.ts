/**
 * A Map whose entries are held some other way (an array by key, typed columns, packed bytes) and walked in
 * MiniSearch's insertion order: every way of iterating it made from the one walk its subclass gives.
 */
export abstract class WalkedMap<K, V> extends Map<K, V> {
  protected abstract walk(): Generator<[K, V]>;

  override entries(): MapIterator<[K, V]> {
    return this.walk();
  }
  override keys(): MapIterator<K> {
    return (function* (entries: Iterable<[K, V]>) {
      for (const [k] of entries) yield k;
    })(this.walk()) as unknown as MapIterator<K>;
  }
  override values(): MapIterator<V> {
    return (function* (entries: Iterable<[K, V]>) {
      for (const [, v] of entries) yield v;
    })(this.walk()) as unknown as MapIterator<V>;
  }
  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.walk()) fn.call(thisArg, v, k, this);
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.walk();
  }
}
