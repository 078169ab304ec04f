import { describe, expect, it } from 'vitest';
import { indexDiffering } from '../../../src/data/import/differing.js';

type Item = [number, string, string];

/** A seeded generator, so that a failure can be run again. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * below);
  };
}

const attributes = [(item: Item) => item[0], (item: Item) => item[1], (item: Item) => item[2]];
const differs = (a: Item, b: Item): boolean => a.every((value, at) => value !== b[at]);

describe('indexDiffering', () => {
  it('counts and finds the items that differ in every attribute', () => {
    const items: Item[] = [
      [0, 'a', 'x'],
      [0, 'b', 'y'],
      [1, 'a', 'y'],
      [1, 'b', 'x'],
      [2, 'b', 'y'],
    ];
    const index = indexDiffering(items, attributes);
    // [0, a, x] differs in all from [1, b, y]? none such; from [2, b, y] yes.
    expect(items.map((_, position) => index.count(position))).toEqual([1, 0, 0, 0, 1]);
    expect(items.map((_, position) => index.first(position))).toEqual([
      [2, 'b', 'y'],
      undefined,
      undefined,
      undefined,
      [0, 'a', 'x'],
    ]);
  });

  it('says none when an attribute has one value for all', () => {
    const index = indexDiffering<Item>(
      [
        [0, 'a', 'x'],
        [1, 'a', 'y'],
      ],
      attributes,
    );
    expect([index.count(0), index.first(0), index.count(1), index.first(1)]).toEqual([
      0,
      undefined,
      0,
      undefined,
    ]);
  });

  it.each([1, 2, 3, 4, 5])('agrees with comparing every pair (seed %i)', (seed) => {
    const next = random(seed);
    for (let round = 0; round < 200; round += 1) {
      // Few values, so that items often share some and the search has to skip them.
      const values = 1 + next(4);
      const items = Array.from({ length: next(25) }, (): Item => [
        next(values + 1),
        'abcd'.charAt(next(values)),
        'wxyz'.charAt(next(values)),
      ]);
      const index = indexDiffering(items, attributes);
      items.forEach((item, position) => {
        const others = items.filter((other) => differs(item, other));
        expect(index.count(position)).toBe(others.length);
        expect(index.first(position)).toBe(others[0]);
      });
    }
  });
});
