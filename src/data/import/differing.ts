type Value = string | number;

/** Answers, for the item at a position of the list, about the items that differ from it in every attribute. */
export interface DifferingIndex<T> {
  /** How many items differ from the item at `position` in every attribute. */
  count(position: number): number;
  /** The first of them in the list's order. */
  first(position: number): T | undefined;
}

/**
 * Indexes items described by a few attributes (here three: an interview, a word, a word) to tell,
 * for any one of them, how many items differ from it in every attribute and which comes first,
 * without comparing it with every other item: the importer asks this for every question of every
 * interview, and comparing all pairs made a page of 1,000 interviews take minutes.
 *
 * Counting is inclusion–exclusion over the subsets of the attributes: items that differ in all
 * = all − those that share one attribute + those that share two − … For the first, see
 * findWitnesses. Building is linear in the items (2^k counts and a few scans for k attributes).
 */
export function indexDiffering<T>(
  items: readonly T[],
  attributes: readonly ((item: T) => Value)[],
): DifferingIndex<T> {
  // Each value as a small number: compared quickly, and a short, unambiguous part of a key.
  const seen = attributes.map(() => new Map<Value, number>());
  const values = items.map((item) =>
    attributes.map((attribute, position) => {
      const ids = seen[position] as Map<Value, number>;
      const id = ids.get(attribute(item)) ?? ids.size;
      ids.set(attribute(item), id);
      return id;
    }),
  );
  // An attribute with one value for all: no item differs from another in it.
  if (seen.some((ids) => ids.size < 2)) return { count: () => 0, first: () => undefined };

  // For each subset of the attributes (a bit mask), the key of an item's values in it.
  const masks = Array.from({ length: 2 ** attributes.length }, (_, mask) => mask);
  const keys = values.map((ids) =>
    masks.map((mask) => ids.map((id, bit) => ((mask >> bit) & 1 ? id : '')).join(',')),
  );
  const counts = masks.map(() => new Map<string, number>());
  for (const itemKeys of keys) {
    itemKeys.forEach((key, mask) => counts[mask]?.set(key, (counts[mask]?.get(key) ?? 0) + 1));
  }
  const witnesses = findWitnesses(values);
  const differs = (a: number[], b: number[]): boolean => a.every((id, bit) => id !== b[bit]);

  return {
    count: (position) =>
      masks.reduce((sum, mask) => {
        const shared = counts[mask]?.get(keys[position]?.[mask] ?? '') ?? 0;
        return sum + (isOdd(mask) ? -shared : shared);
      }, 0),
    first: (position) => {
      const found = witnesses.find((other) =>
        differs(values[position] as number[], values[other] as number[]),
      );
      return found === undefined ? undefined : items[found];
    },
  };
}

/** True when the mask has an odd number of bits set: a subset of odd size. */
function isOdd(mask: number): boolean {
  let bits = 0;
  for (let rest = mask; rest > 0; rest >>= 1) bits += rest & 1;
  return bits % 2 === 1;
}

/**
 * A few positions, in order, among which the first item differing from any given one in every
 * attribute always is. Take the first item of the list: it either differs from the given one in
 * everything, and is the answer, or shares a value with it, and the answer must then differ from
 * the first item in that attribute. So: the first item, then for each attribute the first item
 * differing from it there, and so on, each step adding one attribute's constraint; with k
 * attributes at most 1 + k + k(k−1) + … + k! items (16 for three), each found by one scan.
 */
function findWitnesses(values: readonly number[][]): number[] {
  const found = new Set<number>();
  // `excluded[attribute]` is the value the item must not have there, or -1 for any.
  const visit = (excluded: number[]): void => {
    const index = values.findIndex((ids) => ids.every((id, bit) => id !== excluded[bit]));
    const ids = values[index];
    if (ids === undefined) return;
    found.add(index);
    excluded.forEach((value, bit) => {
      if (value === -1)
        visit(excluded.map((other, at) => (at === bit ? (ids[bit] as number) : other)));
    });
  };
  visit(values[0]?.map(() => -1) ?? []);
  return [...found].sort((a, b) => a - b);
}
