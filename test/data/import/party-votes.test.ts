import { describe, expect, it } from 'vitest';
import { countVotes } from '../../../src/data/import/party-votes.js';

const tokenise = (text: string): string[] =>
  text.match(/[\p{L}\p{M}\p{N}]+(?:['’:-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];

/**
 * The votes as the importer first counted them, comparing every question of every interview with
 * every question of every later interview of the campaign: right, but quadratic in the interviews.
 * countVotes must give the same counts, in the same order.
 */
function countVotesPairwise(campaigns: string[], questions: string[][]): Map<string, number>[] {
  const votes = campaigns.map(() => new Map<string, number>());
  const tokens = questions.map((list) => list.map(tokenise));
  const vote = (index: number, name: string): void => {
    votes[index]?.set(name, (votes[index]?.get(name) ?? 0) + 1);
  };
  campaigns.forEach((campaign, a) => {
    campaigns.forEach((other, b) => {
      if (b <= a || other !== campaign) return;
      for (const left of tokens[a] ?? []) {
        for (const right of tokens[b] ?? []) {
          const names = differingWords(left, right);
          if (names === undefined) continue;
          vote(a, names[0]);
          vote(b, names[1]);
        }
      }
    });
  });
  return votes;
}

function differingWords(left: string[], right: string[]): [string, string] | undefined {
  const shortest = Math.min(left.length, right.length);
  let prefix = 0;
  while (prefix < shortest && left[prefix] === right[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    left[left.length - 1 - suffix] === right[right.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  if (prefix + suffix < 3) return undefined;
  const leftMiddle = left.slice(prefix, left.length - suffix);
  const rightMiddle = right.slice(prefix, right.length - suffix);
  const isName = (middle: string[]): boolean =>
    middle.length >= 1 && middle.length <= 4 && middle.every((token) => /^\p{Lu}/u.test(token));
  if (!isName(leftMiddle) || !isName(rightMiddle)) return undefined;
  return [leftMiddle.join(' '), rightMiddle.join(' ')];
}

/** Each interview's votes as [name, count] in the order the names came. */
const entries = (votes: Map<string, number>[]): [string, number][][] =>
  votes.map((map) => [...map]);

describe('countVotes', () => {
  it('votes for the names where otherwise equal questions differ', () => {
    const votes = countVotes(
      ['advent', 'advent', 'advent', 'pride'],
      [
        ['Hur arbetar Centerpartiet för att motverka våld?', 'Vad gör ni i Huddinge?'],
        ['Hur arbetar Botkyrka Framåt för att motverka våld?', 'Vad gör ni i Botkyrka?'],
        ['Hur arbetar Liberalerna för att motverka våld?'],
        ['Hur arbetar Moderaterna för att motverka våld?'],
      ],
    );
    expect(entries(votes)).toEqual([
      // A place that differs votes too; the party wins by number.
      [
        ['Centerpartiet', 2],
        ['Huddinge', 1],
      ],
      [
        ['Botkyrka Framåt', 2],
        ['Botkyrka', 1],
      ],
      [['Liberalerna', 2]],
      // Alone in its campaign: compared with no one.
      [],
    ]);
  });

  it('orders a tie by the first vote, taking the pairs in page order', () => {
    const first = 'Hur arbetar Alfa för att hjälpa unga?';
    const second = 'Vad gör Huddinge för att hjälpa unga?';
    const other = [
      'Hur arbetar Beta för att hjälpa unga?',
      'Vad gör Botkyrka för att hjälpa unga?',
    ];
    expect(entries(countVotes(['c', 'c'], [[first, second], other]))[0]).toEqual([
      ['Alfa', 1],
      ['Huddinge', 1],
    ]);
    expect(entries(countVotes(['c', 'c'], [[second, first], other]))[0]).toEqual([
      ['Huddinge', 1],
      ['Alfa', 1],
    ]);
  });

  it.each([1, 2, 3, 4, 5, 6])('agrees with comparing every pair (seed %i)', (seed) => {
    let state = seed;
    const next = (below: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * below);
    };
    const pick = <T>(list: readonly T[]): T => list[next(list.length)] as T;
    // Names sharing words, genitives, places that vary too: ties and near misses.
    const names = [
      'Alfa',
      'Beta',
      'Alfa Framåt',
      'Beta Framåt',
      'Alfa Nya',
      'Alfas',
      'Gamma Delta Epsilon',
      'Huddinge',
    ];
    const templates = [
      'Hur arbetar {N} för att motverka våld i {P}?',
      'Vad gör {N} i {P} kommun?',
      '{N} och {P}: vad gör ni?',
      'Har {N} förslag till {P}? Om ja, vilka!',
      'Vilka utmaningar ser du?',
      'Vad tycker {N} om {N}?',
    ];
    for (let round = 0; round < 100; round += 1) {
      const interviews = 1 + next(7);
      const campaigns = Array.from({ length: interviews }, () => pick(['a', 'b']));
      const questions = campaigns.map(() =>
        Array.from({ length: next(5) }, () =>
          pick(templates)
            .replace('{N}', pick(names))
            .replace('{N}', pick(names))
            .replace('{P}', pick(['Huddinge', 'Botkyrka', 'Tumba Centrum'])),
        ),
      );
      expect(entries(countVotes(campaigns, questions))).toEqual(
        entries(countVotesPairwise(campaigns, questions)),
      );
    }
  });
});
