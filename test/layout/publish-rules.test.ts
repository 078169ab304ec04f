import { describe, expect, it } from 'vitest';
import { formatSizes } from '../../src/data/schema.js';
import {
  altTextProblem,
  captionLengthProblem,
  countHashtags,
  hashtagCountProblem,
  imagePathProblem,
  imageSizeProblem,
  publishProblems,
  slideCountProblem,
} from '../../src/layout/publish-rules.js';

describe('imageSizeProblem', () => {
  it.each([
    ['square', formatSizes.square, undefined],
    ['portrait (exactly 4:5)', formatSizes.portrait, undefined],
    [
      'story',
      formatSizes.story,
      'the slides are 1080×1920 (the story format, 9:16); a carousel takes 4:5 (portrait) to 1.91:1 (landscape)',
    ],
    [
      '3:4',
      { width: 1080, height: 1440 },
      'the slides are 1080×1440; a carousel takes 4:5 (portrait) to 1.91:1 (landscape)',
    ],
    ['1.91:1 (1080×566, as Instagram crops)', { width: 1080, height: 566 }, undefined],
    [
      '2:1',
      { width: 1080, height: 540 },
      'the slides are 1080×540; a carousel takes 4:5 (portrait) to 1.91:1 (landscape)',
    ],
    [
      'too narrow',
      { width: 300, height: 300 },
      'the slides are 300 px wide; Instagram takes 320–1440 px',
    ],
    [
      'too wide',
      { width: 2000, height: 2000 },
      'the slides are 2000 px wide; Instagram takes 320–1440 px',
    ],
  ])('%s', (_name, size, message) => {
    expect(imageSizeProblem(size)?.message).toBe(message);
  });
});

describe('slideCountProblem', () => {
  it.each([
    [1, 'the carousel has 1 slide; a carousel takes 2–10'],
    [2, undefined],
    [10, undefined],
    [11, 'the carousel has 11 slides; a carousel takes 2–10'],
  ])('%d slides', (count, message) => {
    expect(slideCountProblem(count)?.message).toBe(message);
  });
});

describe('captionLengthProblem', () => {
  it('counts code points, as Instagram does: 2,200 emoji are 2,200 characters', () => {
    expect(captionLengthProblem('🌈'.repeat(2200))).toBeUndefined();
    expect(captionLengthProblem('🌈'.repeat(2201))).toEqual({
      message: 'the caption has 2201 characters; Instagram takes at most 2200',
      excess: 1,
    });
  });
});

describe('countHashtags', () => {
  it.each([
    ['#Huddinge #Adventsfrågestund', 2],
    ['tryggheten i #Huddinge, för #HBTQ-personer', 2],
    ['no tags, a#b in a word, an entity &#39;', 0],
    ['#_a #1 #Å', 3],
  ])('%s: %d', (caption, count) => {
    expect(countHashtags(caption)).toBe(count);
  });
});

describe('hashtagCountProblem, altTextProblem, imagePathProblem', () => {
  it('allows 5 hashtags and refuses 6, with or without a subject', () => {
    expect(hashtagCountProblem(5)).toBeUndefined();
    expect(hashtagCountProblem(6)?.message).toBe('6 hashtags; Instagram takes at most 5 a post');
    expect(hashtagCountProblem(6, 'the caption')?.message).toBe(
      'the caption has 6 hashtags; Instagram takes at most 5 a post',
    );
  });

  it('allows alt text of 1,000 characters and refuses 1,001', () => {
    expect(altTextProblem('a'.repeat(1000), 'slide 01.jpg')).toBeUndefined();
    expect(altTextProblem('ä'.repeat(1001), 'slide 01.jpg')?.message).toBe(
      'slide 01.jpg has alt text of 1001 characters; Instagram takes at most 1000',
    );
  });

  it.each([
    ['adventsfragestund-2020/2020-12-16-centerpartiet/01.jpg', true],
    ['a/b_c.d~e/01.jpg', true],
    ['adventsfrågestund/01.jpg', false],
    ['a b/01.jpg', false],
    ['a/../01.jpg', false],
    ['a//01.jpg', false],
    ['a/01.jpg?x=1', false],
  ])('%s is plain: %s', (path, isPlain) => {
    expect(imagePathProblem(path) === undefined).toBe(isPlain);
  });
});

describe('publishProblems', () => {
  it('lists every rule a post breaks, in the order to fix them', () => {
    const problems = publishProblems({
      ...formatSizes.story,
      caption: `${'x'.repeat(2200)} #a #b #c #d #e #f`,
      slides: [{ path: 'c/p/01.jpg', altText: 'y'.repeat(1001) }],
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      'the slides are 1080×1920 (the story format, 9:16); a carousel takes 4:5 (portrait) to 1.91:1 (landscape)',
      'the carousel has 1 slide; a carousel takes 2–10',
      'the caption has 2218 characters; Instagram takes at most 2200',
      'the caption has 6 hashtags; Instagram takes at most 5 a post',
      'slide c/p/01.jpg has alt text of 1001 characters; Instagram takes at most 1000',
    ]);
  });
});
