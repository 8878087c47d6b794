/**
 * A small least-recently-used cache. Keys must name everything the value
 * depends on (content hash, language, clock-dependent state), so no entry is ever stale.
 */
export class LruCache<V = string> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity = 200) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
