import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.js';
import type { Format } from '../../src/data/schema.js';
import { splitSentences } from '../../src/layout/sentences.js';
import type { Block, QaSlide } from '../../src/layout/slide-plan.js';
import { answerFit } from '../../src/render/answer-fit.js';
import { specOfPost } from '../../src/render/post-spec.js';
import { drawPost, layOutPost, TextOutsideSlideError } from '../../src/render/render-post.js';
import type { PlannedSlide } from '../../src/render/carousel.js';
import { slideElement } from '../../src/render/slide-element.js';
import { renderSvg } from '../../src/render/svg.js';
import { formatSwedishDate, type SlideContext } from '../../src/slide/slide-context.js';
import type { TemplateSet } from '../../src/slide/template-set.js';
import { templates } from '../../templates/index.js';
import { planTestCarousel } from '../helpers/plan.js';

// The layout judges a Q&A slide's fit by parts (answer-fit.ts): the frame measured with an
// empty answer, plus each paragraph's and item's height measured alone, plus the gaps. These
// tests hold it to the whole slide as satori lays it out, which is what the slide is drawn by.

const dataset = await loadData('data');
const interview = dataset.interviews[0]!;

/** A Q&A slide's context in `format` and a theme: the one the layout measures with. */
async function contextIn(format: Format, themeName = 'advent'): Promise<SlideContext> {
  const slides: PlannedSlide[] = await planTestCarousel(dataset.brand, interview, {
    qaIds: [interview.qa[0]!.id],
    format,
    themeName,
  });
  return { ...slides[1]!.ctx, number: 10, count: 10 };
}

function measureWhole(set: TemplateSet, ctx: SlideContext) {
  return async (slide: QaSlide): Promise<number> =>
    (
      await renderSvg(slideElement(set, ctx, slide, true), { width: ctx.width }, undefined, {
        isMeasuring: true,
      })
    ).height;
}

/**
 * Slides from every answer of the bundled data: for each Q&A, its blocks cut in a few ways
 * (the first sentences of a paragraph, the rest; list items with and without their bullet),
 * with the question large or, as a continuation, small.
 */
function sampleSlides(): QaSlide[] {
  const slides: QaSlide[] = [];
  for (const { qa } of dataset.interviews) {
    for (const item of qa) {
      for (const cut of [1, 2, 3]) {
        const blocks: Block[] = item.answer.map((block, index) => {
          if (typeof block !== 'string') {
            return {
              kind: 'list',
              items: block.list.map((text, itemIndex) => ({
                text,
                hasBullet: cut !== 2 || itemIndex > 0,
              })),
            };
          }
          const sentences = splitSentences(block);
          const taken = cut === 3 ? sentences.slice(index % sentences.length) : sentences;
          return { kind: 'paragraph', text: taken.slice(0, cut * 2).join(' ') };
        });
        slides.push({
          kind: 'qa',
          qaId: item.id,
          question: item.question,
          blocks: blocks.slice(0, cut + 1),
          isContinuation: cut === 2,
          continues: cut !== 3,
        });
      }
    }
  }
  // Texts the data lacks: emoji, a word broken by the layout's hyphen, a one-word paragraph.
  slides.push({
    kind: 'qa',
    qaId: 'x',
    question: 'Vad vill ni säga? 🏳️‍🌈',
    blocks: [
      { kind: 'paragraph', text: 'Ja.' },
      {
        kind: 'paragraph',
        text: 'Vi 💜 alla 🏳️‍🌈 och vill ha jämställdhets‐integrering överallt ✨',
      },
      { kind: 'list', items: [{ text: '🙂', hasBullet: true }] },
      // A text that draws no line (a zero-width space survives YAML's trimming).
      { kind: 'list', items: [{ text: '\u200b', hasBullet: true }] },
    ],
    isContinuation: false,
    continues: false,
  });
  return slides;
}

describe.each([
  ['square', 'advent'],
  ['square', 'pride'],
  ['portrait', 'advent'],
  ['story', 'pride'],
] as const)('fit by parts in %s, theme %s', (format, themeName) => {
  it('gives every sampled Q&A slide the height satori gives the whole slide', async () => {
    const ctx = await contextIn(format, themeName);
    const whole = measureWhole(templates, ctx);
    const column = templates.metrics.columnWidth(format, ctx.width);
    // Slides with an answer measured whole by the layout: none, once the set is calibrated
    // (only each Q&A's frame, its slide with no answer, is).
    let measuredWhole = 0;
    const byParts = await answerFit(templates, format, ctx.themeName, column, (slide) => {
      if (slide.blocks.length > 0) measuredWhole++;
      return whole(slide);
    });
    measuredWhole = 0;
    const slides = sampleSlides();
    expect(slides.length).toBeGreaterThan(100);
    const differing: string[] = [];
    for (const slide of slides) {
      // No limits: the height by parts, never measured whole.
      const [parts, measured] = await Promise.all([byParts(slide, []), whole(slide)]);
      if (parts !== measured) differing.push(`${slide.qaId}: ${parts} by parts, ${measured} whole`);
    }
    expect(differing).toEqual([]);
    expect(measuredWhole).toBe(0);
  });
});

describe('a template set whose answers do not add up as its metrics say', () => {
  // The metrics claim a wider paragraph gap than the template draws: parts would be wrong.
  const misdescribed: TemplateSet = {
    ...templates,
    metrics: {
      ...templates.metrics,
      type: { ...templates.metrics.type, paragraphGap: templates.metrics.type.paragraphGap + 9 },
    },
  };

  it('is measured whole, slide by slide', async () => {
    const ctx = await contextIn('square');
    const whole = measureWhole(misdescribed, ctx);
    let wholeMeasurements = 0;
    const counted = (slide: QaSlide): Promise<number> => {
      wholeMeasurements++;
      return whole(slide);
    };
    const column = templates.metrics.columnWidth('square', ctx.width);
    const height = await answerFit(misdescribed, 'square', ctx.themeName, column, counted);
    const slide = sampleSlides().find((candidate) => candidate.blocks.length >= 3)!;
    const before = wholeMeasurements;
    expect(await height(slide, [])).toBe(await whole(slide));
    expect(wholeMeasurements).toBe(before + 1);
  });

  it('is laid out as the whole slides say', async () => {
    const qa = interview.qa.find((item) => item.answer.length >= 2)!;
    const plan = async (set: TemplateSet) =>
      (
        await planTestCarousel(dataset.brand, interview, {
          qaIds: [qa.id],
          format: 'square',
          templates: set,
        })
      ).map((slide) => slide.text);
    // The same slides whichever way fit is judged: parts for the bundled set, whole for this.
    expect(await plan(misdescribed)).toEqual(await plan(templates));
  });
});

describe('a slide drawn taller than it was laid out', () => {
  // A template that adds text to an answer only when drawing, not when measured: the layout
  // cannot know, and without a guard the last lines would be drawn past the slide's bottom.
  const extra: Block = {
    kind: 'paragraph',
    text: 'En mening som bara ritas och aldrig mäts, och som därför inte får plats på bilden. '.repeat(
      6,
    ),
  };
  const sneaky: TemplateSet = {
    ...templates,
    qa: (props) =>
      templates.qa(
        props.measure
          ? props
          : { ...props, slide: { ...props.slide, blocks: [...props.slide.blocks, extra] } },
      ),
  };

  it('is refused before a pixel is made, naming the post, the slide and the text', async () => {
    const qa = interview.qa[0]!;
    const campaign = dataset.campaigns.find((candidate) =>
      candidate.posts.some((post) => post.interview === interview.id),
    )!;
    const post = campaign.posts.find((candidate) => candidate.interview === interview.id)!;
    const spec = { ...specOfPost(dataset, campaign, post), qaIds: [qa.id] };
    const planned = await layOutPost(spec, sneaky);
    const drawing = drawPost(planned, { image: 'jpeg', svg: false });
    await expect(drawing).rejects.toBeInstanceOf(TextOutsideSlideError);
    await expect(drawing).rejects.toThrow(/slide 2 would draw “.*” outside the slide/);
    await expect(drawing).rejects.toMatchObject({
      sv: {
        message: expect.stringMatching(
          new RegExp(
            `^${interview.id} den ${formatSwedishDate(spec.date)}: bild 2 skulle rita ”.*” utanför bilden \\(\\d+ px ner på en bild som är ${planned.slides[1]!.ctx.height} px hög\\); inget av inlägget skrevs$`,
          ),
        ),
        hint: 'mallarna ritar bilden högre än den lades ut: en mall ska rita svarets stycken precis som den får dem (text som läggs till i dem, eller som bara ritas när inget mäts, mäts inte)',
      },
    });
    // The same post drawn with the templates that draw as they measure is whole.
    const fine = await drawPost(await layOutPost(spec, templates), { image: 'jpeg', svg: false });
    expect(fine.files.size).toBeGreaterThan(0);
  });
});
