import { describe, expect, it } from 'vitest';
import {
  campaignLimitProblems,
  instagramLimits,
  limitProblems,
  postLimitProblems,
  type PostForLimits,
} from '../../src/layout/instagram-limits.js';
import { expectSwedish } from '../helpers/issues.js';

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
      {
        message: 'inlägget har 11 bilder; en karusell kan ha 2–10',
        hint: 'välj färre eller kortare frågor',
      },
    ],
    [
      'a slide too few',
      { slides: 1 },
      'the post has 1 slide; a carousel takes 2–10',
      ['posts', 3, 'qa'],
      { message: 'inlägget har 1 bild; en karusell kan ha 2–10', hint: 'välj minst en fråga' },
    ],
    [
      'a caption a character too long',
      { caption: 'x'.repeat(2201) },
      'the caption has 2201 characters; Instagram takes at most 2200',
      ['posts', 3, 'qa'],
      {
        message: 'bildtexten har 2201 tecken; Instagram tillåter högst 2200',
        hint: 'bildtexten räknar upp de valda frågorna: välj färre eller kortare frågor (1 tecken för mycket)',
      },
    ],
    [
      'a caption with a sixth hashtag',
      { caption: '#a #b #c #d #e #f' },
      'the caption has 6 hashtags; Instagram takes at most 5 a post',
      ['posts', 3, 'qa'],
      {
        message: 'bildtexten har 6 hashtaggar; Instagram tillåter högst 5 per inlägg',
        hint: 'en vald fråga innehåller en #hashtagg: välj en annan, eller färre hashtaggar för kampanjen',
      },
    ],
    [
      'alt text a character too long, on the second slide',
      { altTexts: ['kort', 'y'.repeat(1001)] },
      'slide 2 has alt text of 1001 characters; Instagram takes at most 1000',
      ['posts', 3],
      {
        message: 'bild 2 har en alt-text på 1001 tecken; Instagram tillåter högst 1000',
        hint: 'alt-texten är bildens text: ett format med mindre text per bild (kvadrat) eller kortare frågor håller den inom 1000 tecken',
      },
    ],
  ])('refuses %s, saying where, in English and Swedish', (_, change, message, path, sv) => {
    expect(postLimitProblems({ ...within, ...change }, ['posts', 3])).toEqual([
      { code: 'limit', message, hint: expect.any(String), path, sv },
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
        sv: {
          message: 'kampanjen har 6 hashtaggar; Instagram tillåter högst 5 per inlägg',
          hint: 'behåll de 5 som betyder mest',
        },
      },
    ]);
    const problems = limitProblems({ ...within, slides: 12, hashtags });
    expect(problems.map((problem) => problem.path)).toEqual([['hashtags'], ['qa']]);
  });

  it('says every problem in Swedish too, none in English words', () => {
    const problems = limitProblems({
      slides: 12,
      caption: `${'x'.repeat(2300)} #a #b #c #d #e #f`,
      altTexts: ['y'.repeat(1200), 'y'.repeat(1001)],
      hashtags: ['A', 'B', 'C', 'D', 'E', 'F'],
    });
    // The caption's hashtags go unsaid while the campaign's own are too many: they are one fix.
    expect(problems).toHaveLength(5);
    expectSwedish(problems.map((problem) => ({ ...problem, severity: 'error' })));
  });
});
