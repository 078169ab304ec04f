/**
 * Values by key, the least recently used forgotten first once there are more than `capacity`.
 * A value is remembered as a promise from the moment it is asked for, so that a second ask
 * while it is being made waits for the same one; a promise still pending is never forgotten,
 * and one that settles with `undefined` (nothing worth keeping) is forgotten at once.
 */
export class LruCache<V> {
  // A Map iterates in insertion order: deleting and setting again makes a key the most recent.
  private readonly entries = new Map<string, { done: Promise<V | undefined>; value?: V }>();

  constructor(readonly capacity: number) {}

  /** How many values are remembered, pending or settled. */
  get size(): number {
    return this.entries.size;
  }

  /** The promise remembered for `key`, which becomes the most recently used; undefined if none. */
  get(key: string): Promise<V | undefined> | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.done;
  }

  /** The value of `key` if it has settled, without making it more recent. */
  value(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** Remembers `done` for `key`, in place of anything remembered for it before. */
  set(key: string, done: Promise<V | undefined>): void {
    const entry: { done: Promise<V | undefined>; value?: V } = { done };
    this.entries.delete(key);
    this.entries.set(key, entry);
    const forget = (): void => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    done.then((value) => {
      if (value === undefined) return forget();
      entry.value = value;
      this.evict();
    }, forget);
  }

  /** Forgets the least recently used settled values until there are at most `capacity`. */
  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.capacity) return;
      if (entry.value !== undefined) this.entries.delete(key);
    }
  }
}
