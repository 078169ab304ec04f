import { describe, expect, it } from 'vitest';
import { closestPassage, isVerbatimPassage } from '../../src/data/highlight.js';
import { checkReferences } from '../../src/data/check-references.js';
import type { Brand, Interview, Qa } from '../../src/data/schema.js';

const answer: Qa[] = [
  {
    id: 'q1',
    question: 'Hur arbetar ni?',
    answer: [
      'Centerpartiet vill ha en nollvision för våld och förtryck i nära relationer. Vi bevakar det "normkritiska" perspektivet.',
      { list: ['Stärka det normkritiska arbetet i skolan', 'Fler  tjejjourer'] },
    ],
  },
  { id: 'q2', question: 'Och sen?', answer: ['Mer pengar till kvinnojouren.'] },
];

describe('isVerbatimPassage', () => {
  it.each([
    ['a passage of a paragraph', 'vill ha en nollvision för våld'],
    [
      'a whole sentence, full stop included',
      'Centerpartiet vill ha en nollvision för våld och förtryck i nära relationer.',
    ],
    [
      'the same without its full stop',
      'Centerpartiet vill ha en nollvision för våld och förtryck i nära relationer',
    ],
    ['other quotation marks', 'Vi bevakar det ”normkritiska” perspektivet'],
    ['other spaces', 'vill  ha en\u00a0nollvision'],
    ['a list item', 'Fler tjejjourer'],
    ['a passage of a second chosen answer', 'Mer pengar till kvinnojouren.'],
  ])('takes %s', (_name, highlight) => {
    expect(isVerbatimPassage(highlight, answer)).toBe(true);
  });

  it.each([
    ['a word changed', 'vill ha en nollvision för allt våld'],
    ['a typo of our own', 'vill ha en nolvision för våld'],
    ['another case', 'Vill ha en nollvision'],
    ['a part of a word', 'lvision för våld'],
    ['two blocks joined', 'perspektivet. Stärka det'],
    ['nothing', '   '],
  ])('refuses %s', (_name, highlight) => {
    expect(isVerbatimPassage(highlight, answer)).toBe(false);
  });
});

describe('closestPassage', () => {
  it('finds the passage of the answer a changed highlight comes from', () => {
    expect(closestPassage('vill ha en nollvision för allt våld', answer)).toBe(
      'vill ha en nollvision för våld och',
    );
    expect(closestPassage('mer pengar till kvinnojouren', answer)).toBe(
      'Mer pengar till kvinnojouren.',
    );
  });
});

describe('a post’s highlight among the references', () => {
  const brand = { themes: { default: {}, advent: {} } } as unknown as Brand;
  const interview: Interview = {
    id: 'advent-2020/centerpartiet',
    campaign: 'advent-2020',
    party: 'Centerpartiet',
    interviewee: { name: 'Christian Ottosson', role: 'kommunalråd' },
    publishedOn: '2020-12-16',
    qa: answer,
  };
  const input = (highlight: string) => ({
    brand,
    campaigns: [
      {
        file: 'data/campaigns/advent-2020.yaml',
        value: {
          id: 'advent-2020',
          title: 'Advent',
          marker: '🎄',
          theme: 'advent',
          format: 'square' as const,
          time: '08:00',
          hashtags: [],
          posts: [{ date: '2020-12-16', interview: interview.id, qa: ['q2'], highlight }],
        },
      },
    ],
    interviews: [{ file: 'data/interviews/advent-2020/centerpartiet.yaml', value: interview }],
  });

  it('takes a verbatim passage of a chosen answer', () => {
    expect(checkReferences(input('pengar till kvinnojouren'))).toEqual([]);
  });

  it('refuses a passage of an answer the post does not show, naming the field and the closest passage', () => {
    expect(checkReferences(input('en nollvision för våld'))).toEqual([
      {
        code: 'reference',
        severity: 'error',
        file: 'data/campaigns/advent-2020.yaml',
        path: ['posts', 0, 'highlight'],
        message:
          'is not a passage of the chosen answers, word for word (q2 of advent-2020/centerpartiet)',
        hint: 'the closest passage of the answer reads: ”Mer pengar till kvinnojouren.”; copy it as it is written (only spaces, quotation marks and a full stop at the end may differ)',
        sv: {
          message:
            'är inte ett ordagrant citat ur de valda svaren (q2 i advent-2020/centerpartiet)',
          hint: 'det närmaste stycket i svaret lyder: ”Mer pengar till kvinnojouren.”; kopiera det precis som det är skrivet (bara mellanslag, citattecken och en punkt på slutet får skilja)',
        },
      },
    ]);
  });
});
