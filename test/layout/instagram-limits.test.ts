import { describe, expect, it } from 'vitest';
import {
  campaignLimitProblems,
  instagramLimits,
  limitProblems,
  postLimitProblems,
  type PostForLimits,
} from '../../src/layout/instagram-limits.js';

const within: PostForLimits = {
  slides: 4,
  caption: 'x'.repeat(instagramLimits.captionChars),
  altTexts: ['y'.repeat(instagramLimits.altTextChars), 'kort'],
};

describe('Instagram’s limits, one rule each', () => {
  it('passes a post at every limit exactly', () => {
    expect(limitProblems({ ...within, hashtags: ['A', 'B', 'C', 'D', 'E'] })).toEqual([]);
    expect(postLimitProblems({ ...within, slides: 2 })).toEqual([]);
    expect(postLimitProblems({ ...within, slides: 10 })).toEqual([]);
  });

  it.each([
    [
      'a slide too many',
      { slides: 11 },
      'the post has 11 slides; a carousel takes 2–10',
      ['posts', 3, 'qa'],
    ],
    [
      'a slide too few',
      { slides: 1 },
      'the post has 1 slide; a carousel takes 2–10',
      ['posts', 3, 'qa'],
    ],
    [
      'a caption a character too long',
      { caption: 'x'.repeat(2201) },
      'the caption has 2201 characters; Instagram takes at most 2200',
      ['posts', 3, 'qa'],
    ],
    [
      'alt text a character too long, on the second slide',
      { altTexts: ['kort', 'y'.repeat(1001)] },
      'slide 2 has alt text of 1001 characters; Instagram takes at most 1000',
      ['posts', 3],
    ],
  ])('refuses %s, saying where', (_, change, message, path) => {
    expect(postLimitProblems({ ...within, ...change }, ['posts', 3])).toEqual([
      { code: 'limit', message, hint: expect.any(String), path },
    ]);
  });

  it('counts characters as code points: an emoji is one', () => {
    const emoji = '🌈'.repeat(instagramLimits.captionChars);
    expect(emoji.length).toBe(2 * instagramLimits.captionChars);
    expect(postLimitProblems({ ...within, caption: emoji })).toEqual([]);
  });

  it('refuses a sixth hashtag at the campaign, once, with the post’s own problems after it', () => {
    const hashtags = ['A', 'B', 'C', 'D', 'E', 'F'];
    expect(campaignLimitProblems({ hashtags })).toEqual([
      {
        code: 'limit',
        message: 'the campaign has 6 hashtags; Instagram takes at most 5 a post',
        hint: 'keep the 5 that matter most',
        path: ['hashtags'],
      },
    ]);
    const problems = limitProblems({ ...within, slides: 12, hashtags });
    expect(problems.map((problem) => problem.path)).toEqual([['hashtags'], ['qa']]);
  });
});
