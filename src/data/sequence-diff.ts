/** One step from one sequence to another: an item both share, or one only the old or new has. */
export type DiffStep<T> =
  | { kind: 'same'; item: T; oldIndex: number; newIndex: number }
  | { kind: 'removed'; item: T; oldIndex: number }
  | { kind: 'added'; item: T; newIndex: number };

// Past this many cells the table costs more memory than a data file deserves: the middle is
// then said to be replaced whole, which is still a correct (if coarse) difference.
const maxCells = 4_000_000;

/**
 * The shortest edit from `before` to `after` (a longest common subsequence): lines of two
 * versions of a file, words of two versions of a paragraph. The common head and tail are
 * matched first, so an edit of one line in a long file costs a table of the changed middle only.
 */
export function diffSequences<T>(before: readonly T[], after: readonly T[]): DiffStep<T>[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  const steps: DiffStep<T>[] = [];
  for (let index = 0; index < head; index++) {
    steps.push({ kind: 'same', item: before[index] as T, oldIndex: index, newIndex: index });
  }
  steps.push(...diffMiddle(before, after, head, before.length - tail, after.length - tail));
  for (let offset = tail; offset > 0; offset--) {
    const oldIndex = before.length - offset;
    const newIndex = after.length - offset;
    steps.push({ kind: 'same', item: before[oldIndex] as T, oldIndex, newIndex });
  }
  return steps;
}

function diffMiddle<T>(
  before: readonly T[],
  after: readonly T[],
  start: number,
  oldEnd: number,
  newEnd: number,
): DiffStep<T>[] {
  const rows = oldEnd - start;
  const columns = newEnd - start;
  const removed = (oldIndex: number): DiffStep<T> => ({
    kind: 'removed',
    item: before[oldIndex] as T,
    oldIndex,
  });
  const added = (newIndex: number): DiffStep<T> => ({
    kind: 'added',
    item: after[newIndex] as T,
    newIndex,
  });
  if (rows === 0 || columns === 0 || (rows + 1) * (columns + 1) > maxCells) {
    return [
      ...Array.from({ length: rows }, (_, offset) => removed(start + offset)),
      ...Array.from({ length: columns }, (_, offset) => added(start + offset)),
    ];
  }
  // lengths[i][j]: the longest common subsequence of before[start+i..] and after[start+j..].
  const width = columns + 1;
  const lengths = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lengths[i * width + j] =
        before[start + i] === after[start + j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const steps: DiffStep<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (before[start + i] === after[start + j]) {
      steps.push({
        kind: 'same',
        item: before[start + i] as T,
        oldIndex: start + i,
        newIndex: start + j,
      });
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      steps.push(removed(start + i));
      i++;
    } else {
      steps.push(added(start + j));
      j++;
    }
  }
  for (; i < rows; i++) steps.push(removed(start + i));
  for (; j < columns; j++) steps.push(added(start + j));
  return steps;
}
