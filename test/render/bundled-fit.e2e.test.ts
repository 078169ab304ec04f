import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.js';
import { formatSchema } from '../../src/data/schema.js';
import { planCarousel } from '../../src/render/carousel.js';
import { resolveTheme } from '../../src/render/post-spec.js';
import { answerWords, blockTexts, slideWords } from '../helpers/answer-words.js';
import { findOverflow } from '../helpers/overflow.js';
import { templates } from '../../templates/index.js';

const dataset = await loadData('data');

// Every Q&A of every bundled interview, alone in a carousel, in every format: this is the
// promise that no politician's answer is ever clipped or shortened, whichever Q&A is chosen.
describe.each(formatSchema.options)('every bundled Q&A in %s', (format) => {
  const cases = dataset.interviews.flatMap((interview) =>
    interview.qa.map((qa) => ({ interview, qa })),
  );

  it.each(cases.map((entry) => [`${entry.interview.id} ${entry.qa.id}`, entry] as const))(
    '%s: every word on a slide, nothing overflowing',
    async (_name, { interview, qa }) => {
      const campaign = dataset.campaigns.find((candidate) => candidate.id === interview.campaign)!;
      const slides = await planCarousel(
        {
          brand: dataset.brand,
          campaign,
          themeName: campaign.theme,
          theme: resolveTheme(dataset.brand, campaign.theme),
          interview,
          qaIds: [qa.id],
          date: interview.publishedOn,
          format,
        },
        templates,
      );

      expect(slideWords(slides, qa.id)).toEqual(answerWords(qa.answer));
      for (const slide of slides) {
        for (const text of blockTexts(slide)) expect(slide.text).toContain(text);
        expect(await findOverflow(slide)).toEqual([]);
      }
      expect(slides.length).toBeGreaterThanOrEqual(3);
      expect(slides.length).toBeLessThanOrEqual(10);
    },
  );
});
