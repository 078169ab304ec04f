import { describe, expect, it } from 'vitest';
import { paginateQa, type MeasureSlide, type NextPiece } from '../../src/layout/paginate.js';
import type { QaSlide } from '../../src/layout/slide-plan.js';
import { blocksText } from '../../src/layout/slide-plan.js';

/** A fake measure: a slide fits when its answer has at most `limit` characters; never "full". */
const fitsChars =
  (limit: number): MeasureSlide =>
  (slide) =>
    Promise.resolve({ fits: blocksText(slide.blocks).length <= limit, isFull: false });

const qa = (
  answer: QaSlide['blocks'] extends unknown ? Parameters<typeof paginateQa>[0]['answer'] : never,
) => ({
  id: 'q1',
  question: 'Fråga?',
  answer,
});

describe('paginateQa', () => {
  it('keeps a short answer on one slide', async () => {
    const slides = await paginateQa(qa(['Ett. Två.']), fitsChars(100));
    expect(slides).toEqual([
      {
        kind: 'qa',
        qaId: 'q1',
        question: 'Fråga?',
        blocks: [{ kind: 'paragraph', text: 'Ett. Två.' }],
        isContinuation: false,
        continues: false,
      },
    ]);
  });

  it.each([
    [10, [['Ett ord.'], ['Två ord.'], ['Tre ord.']]],
    [17, [['Ett ord. Två ord.'], ['Tre ord.']]],
    [26, [['Ett ord. Två ord. Tre ord.']]],
  ])('breaks between sentences when %d characters fit', async (limit, expected) => {
    const slides = await paginateQa(qa(['Ett ord. Två ord. Tre ord.']), fitsChars(limit));
    expect(
      slides.map((slide) =>
        slide.blocks.map((block) => (block.kind === 'paragraph' ? block.text : '')),
      ),
    ).toEqual(expected);
    expect(slides.map((slide) => [slide.isContinuation, slide.continues])).toEqual(
      expected.map((_, index) => [index > 0, index < expected.length - 1]),
    );
  });

  it('breaks between list items, and carries the bullet with the item', async () => {
    // "Vi vill:\n• Ett.\n• Två." is 22 characters.
    const slides = await paginateQa(
      qa(['Vi vill:', { list: ['Ett.', 'Två.', 'Tre.'] }]),
      fitsChars(22),
    );
    expect(slides.map((slide) => slide.blocks)).toEqual([
      [
        { kind: 'paragraph', text: 'Vi vill:' },
        { kind: 'list', items: [{ text: 'Ett.', hasBullet: true }] },
      ],
      [
        {
          kind: 'list',
          items: [
            { text: 'Två.', hasBullet: true },
            { text: 'Tre.', hasBullet: true },
          ],
        },
      ],
    ]);
  });

  it.each([
    ['all slides alike', 60, 60],
    ['a first slide with less room (the question takes it)', 35, 80],
    ['a first slide with a little more room', 70, 60],
  ])(
    'spreads an answer evenly over the fewest slides: %s',
    async (_name, firstLimit, continuationLimit) => {
      const sentences = Array.from({ length: 14 }, (_, index) =>
        index % 3 === 0 ? `Mening ${index} har fler ord än de andra.` : `Kort ${index}.`,
      );
      const measure: MeasureSlide = (slide) =>
        Promise.resolve({
          fits:
            blocksText(slide.blocks).length <=
            (slide.isContinuation ? continuationLimit : firstLimit),
          isFull: false,
        });
      const slides = await paginateQa(qa([sentences.join(' ')]), measure);
      // As many slides as filling each to the brim needs, no more.
      const greedy: string[] = [];
      let current = '';
      for (const sentence of sentences) {
        const next = current === '' ? sentence : `${current} ${sentence}`;
        const limit = greedy.length === 0 ? firstLimit : continuationLimit;
        if (next.length <= limit) current = next;
        else {
          greedy.push(current);
          current = sentence;
        }
      }
      greedy.push(current);
      expect(slides).toHaveLength(greedy.length);
      const words = slides.map((slide) => blocksText(slide.blocks).split(' ').length);
      expect(Math.min(...words)).toBeGreaterThanOrEqual(Math.max(...words) / 2);
      expect(slides.map((slide) => blocksText(slide.blocks)).join(' ')).toBe(sentences.join(' '));
      for (const slide of slides) {
        expect(blocksText(slide.blocks).length).toBeLessThanOrEqual(
          slide.isContinuation ? continuationLimit : firstLimit,
        );
      }
    },
  );

  it('evens out the last two slides rather than leave a line alone on the last', async () => {
    const answer = ['Ett ord. Två ord. Tre ord. Fyra ord. Fem ord.'];
    const slides = await paginateQa(qa(answer), fitsChars(40));
    // Greedy filling would give four sentences, then "Fem ord." alone.
    expect(slides.map((slide) => blocksText(slide.blocks))).toEqual([
      'Ett ord. Två ord. Tre ord.',
      'Fyra ord. Fem ord.',
    ]);
  });

  it('starts a long list item on a slide with room and goes on without a bullet', async () => {
    const slides = await paginateQa(
      qa([{ list: ['Kort.', 'Första meningen. Andra meningen.'] }]),
      fitsChars(30),
    );
    expect(slides.map((slide) => slide.blocks)).toEqual([
      [
        {
          kind: 'list',
          items: [
            { text: 'Kort.', hasBullet: true },
            { text: 'Första meningen.', hasBullet: true },
          ],
        },
      ],
      [{ kind: 'list', items: [{ text: 'Andra meningen.', hasBullet: false }] }],
    ]);
  });

  it('splits a sentence between words only when it cannot fit a slide alone', async () => {
    const slides = await paginateQa(qa(['ett två tre fyra fem sex']), fitsChars(8));
    expect(slides.map((slide) => blocksText(slide.blocks))).toEqual([
      'ett två',
      'tre fyra',
      'fem sex',
    ]);
  });

  it('takes a measured "full" at its word, without measuring what cannot fit', async () => {
    const measured: string[] = [];
    const nexts: (NextPiece | undefined)[] = [];
    const measure: MeasureSlide = (slide, next) => {
      measured.push(blocksText(slide.blocks));
      nexts.push(next);
      const length = blocksText(slide.blocks).length;
      return Promise.resolve({
        fits: length <= 20,
        isFull: length > 10 && next !== undefined && !next.isLast,
      });
    };
    const slides = await paginateQa(qa(['Ett ord. Två ord. Tre ord.', 'Fyra ord.']), measure, {
      first: 20,
      continuation: 20,
    });
    expect(slides.map((slide) => blocksText(slide.blocks))).toEqual([
      'Ett ord. Två ord.',
      'Tre ord.\nFyra ord.',
    ]);
    // "Ett ord. Två ord." is full, so "… Tre ord." was never measured on the first slide.
    expect(measured).not.toContain('Ett ord. Två ord. Tre ord.');
    expect(nexts[0]).toEqual({ text: 'Tre ord.', startsBlock: false, isLast: false });
  });

  it('fails clearly when a single word cannot fit, in English and Swedish', async () => {
    const paging = paginateQa(qa(['Jättelångtord']), fitsChars(5));
    await expect(paging).rejects.toThrow(/does not fit on a slide even on its own/);
    await expect(paging).rejects.toMatchObject({
      sv: '”Jättelångtord” i q1 får inte plats på en bild, inte ens ensam',
    });
  });
});
