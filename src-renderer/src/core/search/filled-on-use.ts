/**
 * A map filled by `fill` the first time anything reads or changes it: what a loaded index does not need
 * for its first query is not built before it (LazyPostings, InverseIds). `fill` adds with `put`.
 */
export abstract class FilledOnUse<K, V> extends Map<K, V> {
  protected abstract fill(): void;

  protected put(key: K, value: V): void {
    Map.prototype.set.call(this, key, value);
  }

  override get size(): number {
    this.fill();
    return super.size;
  }
  override get(key: K): V | undefined {
    this.fill();
    return super.get(key);
  }
  override has(key: K): boolean {
    this.fill();
    return super.has(key);
  }
  override set(key: K, value: V): this {
    this.fill();
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.fill();
    return super.delete(key);
  }
  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.fill();
    super.forEach(fn, thisArg);
  }
  override entries(): MapIterator<[K, V]> {
    this.fill();
    return super.entries();
  }
  override keys(): MapIterator<K> {
    this.fill();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.fill();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
