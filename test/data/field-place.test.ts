import { describe, expect, it } from 'vitest';
import { fieldPlaceInSwedish } from '../../src/data/field-place.js';

/** Where the studio's import says the data and the page differ, in a communicator's words. */
describe('fieldPlaceInSwedish', () => {
  const ids = ['q1', 'q2', 'q3'];
  it.each([
    [['qa', 2, 'answer', 1, 'list', 0], 'q3, svaret: stycke 2, punkt 1'],
    [['qa', 0, 'answer', 3], 'q1, svaret: stycke 4'],
    [['qa', 1, 'question'], 'q2, frågan'],
    [['qa', 1], 'q2'],
    [['qa', 7, 'question'], 'fråga 8, frågan'],
    [['interviewee', 'role'], 'rollen'],
    [['intro'], 'inledningen'],
    [['something', 'else'], 'something.else'],
  ] as const)('%j is %s', (path, words) => {
    expect(fieldPlaceInSwedish(path, ids)).toBe(words);
  });
});
