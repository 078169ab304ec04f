import { describe, expect, it } from 'vitest';
import { checkSpelling } from '../../src/check/spelling-check.js';
import type { Dictionary } from '../../src/check/swedish-dictionary.js';
import type { ParsedData } from '../../src/data/load.js';
import type { Campaign, Interview } from '../../src/data/schema.js';

/** A dictionary of a few words that counts its look-ups, instead of the 2 s Swedish one. */
function fakeDictionary(words: readonly string[]) {
  const lookups: string[] = [];
  const dictionary: Dictionary = {
    has: (word) => {
      lookups.push(word);
      return words.includes(word) || words.includes(word.toLowerCase());
    },
    suggest: (word) => (word === 'kränknigar' ? ['kränkningar'] : []),
  };
  return { dictionary, lookups };
}

const interview: Interview = {
  id: 'advent/drevvikenpartiet',
  campaign: 'advent',
  party: 'Drevvikenpartiet',
  interviewee: { name: 'Nujin Alcabek', role: 'oppositionsråd' },
  publishedOn: '2020-12-20',
  qa: [
    {
      id: 'q1',
      question: 'Hur arbetar Drevvikenpartiet mot kränkningar?',
      answer: [
        'Drevvikenpartiets arbete mot kränknigar börjar i skolan.',
        { list: ['Nujin Alcabek vill se fler kränknigar anmälda, och ANDTS.'] },
      ],
    },
  ],
};

const campaign: Campaign = {
  id: 'advent',
  title: 'Adventsfrågestund 2020',
  marker: '🎄',
  theme: 'advent',
  format: 'square',
  time: '08:00',
  hashtags: ['Adventsfrågestund', 'StopaVåldet'],
  posts: [],
};

const data: ParsedData = {
  // No words.txt there: only names from the data are known.
  dir: 'test/fixtures/check/no-such-folder',
  brand: undefined,
  campaigns: [{ file: 'data/campaigns/advent.yaml', value: campaign }],
  interviews: [{ file: 'data/interviews/advent/drevvikenpartiet.yaml', value: interview }],
};

const dictionaryWords = [
  'hur',
  'arbetar',
  'mot',
  'kränkningar',
  'arbete',
  'börjar',
  'i',
  'skolan',
  'vill',
  'se',
  'fler',
  'anmälda',
  'och',
  'oppositionsråd',
  'våldet',
];

describe('checkSpelling', () => {
  it('warns once a field for each unknown word, naming file, field, Q&A and word', async () => {
    const { dictionary } = fakeDictionary(dictionaryWords);
    const result = await checkSpelling(data, () => Promise.resolve(dictionary));
    const file = 'data/interviews/advent/drevvikenpartiet.yaml';
    expect(result.issues).toEqual([
      {
        code: 'spelling',
        severity: 'warning',
        message: '”Stopa” is not in the Swedish dictionary',
        file: 'data/campaigns/advent.yaml',
        path: ['hashtags', 1],
        word: 'Stopa',
        suggestions: [],
        hint: 'If it is spelt right, add it to test/fixtures/check/no-such-folder/words.txt',
      },
      {
        code: 'spelling',
        severity: 'warning',
        message: '”kränknigar” (q1) is not in the Swedish dictionary',
        file,
        path: ['qa', 0, 'answer', 0],
        word: 'kränknigar',
        suggestions: ['kränkningar'],
        qa: 'q1',
        hint: 'did you mean kränkningar? If it is spelt right, add it to test/fixtures/check/no-such-folder/words.txt',
      },
      {
        code: 'spelling',
        severity: 'warning',
        message: '”kränknigar” (q1) is not in the Swedish dictionary',
        file,
        path: ['qa', 0, 'answer', 1, 'list', 0],
        word: 'kränknigar',
        suggestions: ['kränkningar'],
        qa: 'q1',
        hint: 'did you mean kränkningar? If it is spelt right, add it to test/fixtures/check/no-such-folder/words.txt',
      },
      {
        code: 'spelling',
        severity: 'warning',
        message: '”ANDTS” (q1) is not in the Swedish dictionary',
        file,
        path: ['qa', 0, 'answer', 1, 'list', 0],
        word: 'ANDTS',
        suggestions: [],
        qa: 'q1',
        hint: 'If it is spelt right, add it to test/fixtures/check/no-such-folder/words.txt',
      },
    ]);
  });

  it('looks each distinct word up once, and never a name from the data', async () => {
    const { dictionary, lookups } = fakeDictionary(dictionaryWords);
    await checkSpelling(data, () => Promise.resolve(dictionary));
    expect(lookups.filter((word) => word === 'kränknigar')).toHaveLength(1);
    expect(new Set(lookups).size).toBe(lookups.length);
    for (const name of [
      'Drevvikenpartiet',
      'Drevvikenpartiets',
      'Nujin',
      'Alcabek',
      'Adventsfrågestund',
    ]) {
      expect(lookups).not.toContain(name);
    }
  });

  it('accepts the words of words.txt', async () => {
    const { dictionary } = fakeDictionary([...dictionaryWords, 'kränknigar', 'stopa']);
    const result = await checkSpelling({ ...data, dir: 'test/fixtures/check/base' }, () =>
      Promise.resolve(dictionary),
    );
    // The base fixture's word list has ANDTS.
    expect(result.issues).toEqual([]);
  });

  it('does not load the dictionary when every word is a name', async () => {
    const result = await checkSpelling({ ...data, campaigns: [], interviews: [] }, () =>
      Promise.reject(new Error('not to be loaded')),
    );
    expect(result).toEqual({ issues: [] });
  });
});
