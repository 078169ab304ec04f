/**
 * Values by key, at most `capacity` of them: the least recently used is forgotten first. For
 * the measurements a long studio session keeps making (every text typed is measured): without
 * a bound they would grow for as long as the studio runs. A Map iterates in insertion order, so
 * deleting a key and setting it again makes it the most recent.
 */
export class RecentMap<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`a RecentMap holds at least one value, not ${capacity}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value of `key`, which becomes the most recently used; undefined if none. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Remembers `value` for `key`, forgetting the least recently used beyond the capacity. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }
}
