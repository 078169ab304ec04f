import { describe, expect, it } from 'vitest';
import { fieldPlaceInSwedish } from '../../src/data/field-place.js';
import { differencesOf } from '../../src/data/import-differences.js';

/** Where the studio's import says the data and the page differ, in a communicator's words. */
describe('fieldPlaceInSwedish', () => {
  it.each([
    [['qa', 2, 'answer', 1, 'list', 0], 'q3', 'q3, svaret: stycke 2, punkt 1'],
    [['qa', 0, 'answer', 3], 'q1', 'q1, svaret: stycke 4'],
    [['qa', 1, 'question'], 'q2', 'q2, frågan'],
    [['qa', 1], 'q2', 'q2'],
    [['qa', 7, 'question'], undefined, 'fråga 8, frågan'],
    [['interviewee', 'role'], undefined, 'rollen'],
    [['intro'], undefined, 'inledningen'],
    [['something', 'else'], undefined, 'something.else'],
  ] as const)('%j in %s is %s', (path, qa, words) => {
    expect(fieldPlaceInSwedish(path, qa)).toBe(words);
  });

  it('names the Q&A by its id even where the data lacks one before it (the index is the data’s)', () => {
    const qa = (id: string, answer: string) => ({ id, question: `Fråga ${id}?`, answer: [answer] });
    const data = { qa: [qa('q1', 'Ett svar.'), qa('q3', 'Vi jobar med det.')] };
    const page = { qa: [qa('q1', 'Ett svar.'), qa('q2', 'Nytt.'), qa('q3', 'Vi jobbar med det.')] };
    const places = differencesOf(data, page).map((difference) =>
      fieldPlaceInSwedish(difference.path, difference.qa),
    );
    expect(places).toEqual(['q2', 'q3, svaret: stycke 1']);
  });
});
