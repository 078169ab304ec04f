import { describe, expect, it } from 'vitest';
import { partyFinder } from '../../../src/data/import/party-name.js';

/** What partyFinder replaces: one regular expression with \p{L} look-arounds for each party. */
function regExpFinder(party: string): (text: string) => [number, number][] {
  const words = party
    .split(/\s+/u)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('\\s+');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words}(?=s?(?![\\p{L}\\p{N}]))`, 'gu');
  return (text) => {
    const found: [number, number][] = [];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      found.push([match.index, match.index + match[0].length]);
    }
    return found;
  };
}

describe('partyFinder', () => {
  it.each([
    ['Centerpartiet', 'Hur arbetar Centerpartiet för?', [[12, 25]]],
    ['Centerpartiet', 'Centerpartiets förslag', [[0, 13]]],
    ['Centerpartiet', 'Centerpartietsx, Centerpartiet2, xCenterpartiet', []],
    [
      'Botkyrka Framåt',
      `hos Botkyrka\u00A0Framåt och Botkyrka  Framåt.`,
      [
        [4, 19],
        [24, 40],
      ],
    ],
    ['Alfa', '𝐀Alfa Alfa𝐀 Alfa', [[14, 18]]],
    ['Alfa', 'AlfaAlfa Alfa', [[9, 13]]],
    ['', 'Alfa', []],
  ])('finds %s in %j', (party, text, expected) => {
    expect(partyFinder(party)(text)).toEqual(expected);
    if (party !== '') expect(regExpFinder(party)(text)).toEqual(expected);
  });

  it('agrees with the regular expression on random text', () => {
    let state = 7;
    const next = (below: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * below);
    };
    // Letters, a genitive s, digits, spaces, marks, an astral letter and a lone surrogate.
    const alphabet = [
      'a',
      'b',
      's',
      'A',
      '1',
      ' ',
      '\u00A0',
      '.',
      '-',
      '𝐀',
      '\uD835',
      'é',
      'e\u0301',
    ];
    const word = (): string =>
      Array.from({ length: 1 + next(3) }, () => alphabet[next(alphabet.length)]).join('');
    // Few parties, many texts each: every party costs a regular expression to compile.
    const ours: unknown[] = [];
    const theirs: unknown[] = [];
    for (let round = 0; round < 100; round += 1) {
      const party = Array.from({ length: 1 + next(2) }, () => word().replace(/\s/gu, 'x')).join(
        ' ',
      );
      const [find, findOld] = [partyFinder(party), regExpFinder(party)];
      for (let text = 0; text < 30; text += 1) {
        const page = Array.from({ length: next(5) }, () =>
          next(2) === 0 ? `${party}${next(3) === 0 ? 's' : ''}` : word(),
        ).join(next(2) === 0 ? '' : ' ');
        ours.push([party, page, find(page)]);
        theirs.push([party, page, findOld(page)]);
      }
    }
    expect(ours).toEqual(theirs);
  });
});
