import { isDeepStrictEqual } from 'node:util';
import type { FieldPath } from '../issue.js';
import { diffSequences } from './sequence-diff.js';

/** A field where the data and a page imported again differ: the words that differ, each side. */
export interface FieldDifference {
  path: FieldPath;
  /** What the data says there (its differing words with a little context), or absent. */
  data: string | undefined;
  /** What the page says there. */
  page: string | undefined;
  /** The id of the Q&A it is in, if any: `path`'s index is the data's, or the page's. */
  qa?: string;
}

/**
 * Where an interview in the data differs from the same interview read from the page again:
 * field by field, down to the words that differ in a text (a corrected typo shows as the one
 * word). Q&As are matched by id, lists by position; an empty list means they agree.
 */
export function differencesOf(
  data: unknown,
  page: unknown,
  path: FieldPath = [],
): FieldDifference[] {
  if (isDeepStrictEqual(data, page)) return [];
  if (typeof data === 'string' && typeof page === 'string') {
    return [{ path, ...differingWords(data, page) }];
  }
  if (Array.isArray(data) && Array.isArray(page)) {
    if (path.length === 1 && path[0] === 'qa') return qaDifferences(data, page);
    const length = Math.max(data.length, page.length);
    return Array.from({ length }, (_, index) =>
      differencesOf(data[index], page[index], [...path, index]),
    ).flat();
  }
  if (isRecord(data) && isRecord(page)) {
    const keys = [...new Set([...Object.keys(data), ...Object.keys(page)])];
    return keys.flatMap((key) => differencesOf(data[key], page[key], [...path, key]));
  }
  return [{ path, data: shown(data), page: shown(page) }];
}

/** Q&As by id: one the data removed or added is one difference, not a shift of every other. */
function qaDifferences(data: unknown[], page: unknown[]): FieldDifference[] {
  const idOf = (qa: unknown): unknown => (isRecord(qa) ? qa.id : undefined);
  const differences: FieldDifference[] = [];
  const withId = (qa: unknown) => {
    const id = idOf(qa);
    return (difference: FieldDifference): FieldDifference =>
      typeof id === 'string' ? { ...difference, qa: id } : difference;
  };
  page.forEach((qa, index) => {
    const dataIndex = data.findIndex((candidate) => idOf(candidate) === idOf(qa));
    if (dataIndex === -1) {
      differences.push(withId(qa)({ path: ['qa', index], data: undefined, page: shown(idOf(qa)) }));
    } else {
      differences.push(...differencesOf(data[dataIndex], qa, ['qa', dataIndex]).map(withId(qa)));
    }
  });
  data.forEach((qa, index) => {
    if (!page.some((candidate) => idOf(candidate) === idOf(qa))) {
      differences.push(withId(qa)({ path: ['qa', index], data: shown(idOf(qa)), page: undefined }));
    }
  });
  return differences;
}

/** The words two texts differ in, with a word of context each side; `…` where text is left out. */
function differingWords(data: string, page: string): { data: string; page: string } {
  const [before, after] = [data.split(/(\s+)/), page.split(/(\s+)/)];
  const steps = diffSequences(before, after);
  const first = steps.findIndex((step) => step.kind !== 'same');
  const last = steps.findLastIndex((step) => step.kind !== 'same');
  const window = steps.slice(Math.max(0, first - 4), last + 5);
  const side = (kind: 'removed' | 'added'): string => {
    const words = window.filter((step) => step.kind === 'same' || step.kind === kind);
    const text = words.map((step) => step.item).join('');
    const isCutBefore = first - 4 > 0;
    const isCutAfter = last + 5 < steps.length;
    return `${isCutBefore ? '…' : ''}${text.trim()}${isCutAfter ? '…' : ''}`;
  };
  return { data: side('removed'), page: side('added') };
}

function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
