import type { AnswerBlock } from '../../src/data/schema.js';
import type { PlannedSlide } from '../../src/render/carousel.js';
import { insertedHyphen } from '../../src/layout/slide-plan.js';
import { swedishQuotes } from '../../src/layout/typography.js';

/** The words of an answer, in order, as the data has them (in Swedish quotation marks). */
export function answerWords(answer: readonly AnswerBlock[]): string[] {
  const text = answer
    .flatMap((block) => (typeof block === 'string' ? [block] : block.list))
    .join(' ');
  return swedishQuotes(text).split(/\s+/);
}

/**
 * The words of an answer as the slides show them, in order: every paragraph and list item of
 * every Q&A slide, with the hyphens the layout inserted to break long words taken out again.
 */
export function slideWords(slides: readonly PlannedSlide[], qaId: string): string[] {
  return slides
    .flatMap((slide) =>
      slide.plan.kind === 'qa' && slide.plan.qaId === qaId ? slide.plan.blocks : [],
    )
    .flatMap((block) =>
      block.kind === 'paragraph' ? [block.text] : block.items.map((item) => item.text),
    )
    .join(' ')
    .replaceAll(insertedHyphen, '')
    .split(/\s+/);
}

/** Every paragraph and list item of a Q&A slide, as it must appear in the slide's drawn text. */
export function blockTexts(slide: PlannedSlide): string[] {
  if (slide.plan.kind !== 'qa') return [];
  return slide.plan.blocks.flatMap((block) =>
    block.kind === 'paragraph' ? [block.text] : block.items.map((item) => item.text),
  );
}
