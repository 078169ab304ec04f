import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/preview/lru-cache.js';

/** A promise settled by hand. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** Lets promise callbacks run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('LruCache', () => {
  it('keeps at most its capacity, forgetting the least recently used first', async () => {
    const cache = new LruCache<string>(2);
    cache.set('a', Promise.resolve('A'));
    cache.set('b', Promise.resolve('B'));
    await settle();
    await cache.get('a'); // a is now more recent than b
    cache.set('c', Promise.resolve('C'));
    await settle();
    expect([cache.value('a'), cache.value('b'), cache.value('c')]).toEqual(['A', undefined, 'C']);
    expect(cache.size).toBe(2);
  });

  it('hands a second ask the same pending promise, and never forgets one still pending', async () => {
    const cache = new LruCache<string>(1);
    const slow = deferred<string | undefined>();
    cache.set('slow', slow.promise);
    expect(cache.get('slow')).toBe(slow.promise);
    expect(cache.value('slow')).toBeUndefined();
    cache.set('quick', Promise.resolve('Q'));
    await settle();
    // Over capacity: the settled one goes, even the more recent; forgetting the pending one
    // would have it drawn twice.
    expect([cache.get('slow'), cache.value('quick')]).toEqual([slow.promise, undefined]);
    slow.resolve('S');
    await settle();
    expect(cache.value('slow')).toBe('S');
    expect(cache.size).toBe(1);
  });

  it('forgets a value that settles with nothing to keep, or fails', async () => {
    const cache = new LruCache<string>(5);
    cache.set('nothing', Promise.resolve(undefined));
    cache.set('failed', Promise.reject(new Error('no')));
    await settle();
    expect(cache.get('nothing')).toBeUndefined();
    expect(cache.get('failed')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not let an old promise for a key forget the new one', async () => {
    const cache = new LruCache<string>(5);
    const old = deferred<string | undefined>();
    cache.set('k', old.promise);
    cache.set('k', Promise.resolve('new'));
    old.resolve(undefined);
    await settle();
    expect(cache.value('k')).toBe('new');
  });
});
