import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBrand } from '../../src/data/load.js';
import { interviewSchema } from '../../src/data/schema.js';
import { insertedHyphen } from '../../src/layout/slide-plan.js';
import { answerWords, blockTexts, slideWords } from '../helpers/answer-words.js';
import { findOverflow } from '../helpers/overflow.js';
import { planTestCarousel } from '../helpers/plan.js';

const brand = await loadBrand('test/fixtures/brand');
const campaign = { title: 'Stresstest 2026', marker: '❤️' };
const interview = interviewSchema.parse(
  parse(await readFile('test/fixtures/stress/stress.yaml', 'utf8')),
);

// The stress fixture: an answer of 431 words, a 40-letter compound, a list of ten items, emoji
// (🏳️‍🌈 and 👩🏽‍💻 are ZWJ sequences) and ”quotes”.
describe.each(['square', 'portrait'] as const)('the stress fixture in %s', (format) => {
  it.each([['q1'], ['q2']])(
    '%s fits within 10 slides, every word, nothing clipped',
    async (qaId) => {
      const slides = await planTestCarousel(brand, interview, { campaign, qaIds: [qaId], format });
      const qa = interview.qa.find((candidate) => candidate.id === qaId)!;
      expect(slides.length).toBeLessThanOrEqual(10);
      expect(slideWords(slides, qaId)).toEqual(answerWords(qa.answer));
      for (const slide of slides) {
        for (const text of blockTexts(slide)) expect(slide.text).toContain(text);
        expect(await findOverflow(slide)).toEqual([]);
      }
    },
  );
});

describe('the stress fixture', () => {
  it('has what it claims: 400+ words, a 40-letter word, ten list items, a ZWJ emoji', () => {
    const [q1, q2] = interview.qa;
    expect(answerWords(q1!.answer).length).toBeGreaterThan(400);
    expect(answerWords(q1!.answer)).toContain('jämställdhetsintegreringsutvecklingsplan');
    expect('jämställdhetsintegreringsutvecklingsplan').toHaveLength(40);
    expect(q2!.answer.find((block) => typeof block !== 'string')).toMatchObject({
      list: expect.any(Array),
    });
    const list = q2!.answer.find((block) => typeof block !== 'string') as { list: string[] };
    expect(list.list).toHaveLength(10);
    expect(q1!.answer.filter((block) => typeof block === 'string').join(' ')).toContain('🏳️‍🌈');
  });

  it('hyphenates only a word too wide for its line, with a visible hyphen', async () => {
    const slides = await planTestCarousel(brand, interview, {
      campaign,
      qaIds: ['q2'],
      themeName: 'pride',
      format: 'portrait',
    });
    const hyphenated = slides
      .flatMap((slide) => blockTexts(slide))
      .filter((text) => text.includes(insertedHyphen));
    // The 46-letter word of the list is wider than a bulleted line; nothing else is broken.
    expect(hyphenated).toHaveLength(1);
    expect(hyphenated[0]!.replaceAll(insertedHyphen, '')).toContain(
      'jämställdhetsintegreringsutvecklingsprogrammet',
    );
    expect(hyphenated[0]).toMatch(/jämställdhets\p{L}{3,}‐\p{L}{3,}/u);
  });
});
