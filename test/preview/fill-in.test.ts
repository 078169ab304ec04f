import { describe, expect, it } from 'vitest';
import { fillIn } from '../../src/preview/client/plan/fill-in.js';
import { planTextEn } from '../../src/preview/client/plan/plan-text-en.js';
import { planTextSv } from '../../src/preview/client/plan/plan-text-sv.js';

/** The studio's texts with numbers in them: the word agrees with the number, in both languages. */
describe('the studio texts filled in', () => {
  it('says one question, and two questions, in Swedish and in English', () => {
    const fewer = (count: number, lang: 'sv' | 'en') =>
      fillIn(
        (lang === 'sv' ? planTextSv : planTextEn)['fairness.fewer'],
        { party: 'L', count, most: 2 },
        lang,
      );
    expect(fewer(1, 'sv')).toBe('L har 1 fråga, de flesta partier har 2.');
    expect(fewer(3, 'sv')).toBe('L har 3 frågor, de flesta partier har 2.');
    expect(fewer(1, 'en')).toBe('L has 1 question, most parties have 2.');
    expect(fewer(0, 'en')).toBe('L has 0 questions, most parties have 2.');
  });

  it('agrees in every text that counts something', () => {
    expect(fillIn(planTextSv['campaign.interviewsWaiting'], { count: 1 }, 'sv')).toBe(
      '1 intervju hör redan till den här kampanjen.',
    );
    expect(fillIn(planTextEn['campaign.interviewsWaiting'], { count: 1 }, 'en')).toBe(
      '1 interview belongs to this campaign already.',
    );
    expect(fillIn(planTextEn['schedule.dayPosts'], { count: 1 }, 'en')).toBe('1 post');
    expect(fillIn(planTextEn['schedule.dayPosts'], { count: 2 }, 'en')).toBe('2 posts');
    expect(
      fillIn(
        planTextSv['progress.done'],
        { rendered: 1, unchanged: 9, slides: 4, seconds: 2 },
        'sv',
      ),
    ).toBe('Klart: 1 ritat, 9 oförändrade, 4 bilder på 2 s.');
  });

  it('fills plain values in, and leaves a name without a value for the tests to see', () => {
    expect(fillIn('{a} och {b}', { a: 'x' }, 'sv')).toBe('x och {b}');
    expect(fillIn('{n|en|flera}', {}, 'sv')).toBe('{n|en|flera}');
    expect(fillIn('{constructor}', {}, 'sv')).toBe('{constructor}');
  });

  it('has no word-with-a-number left that would read "1 frågor"', () => {
    for (const [lang, texts] of [
      ['sv', planTextSv],
      ['en', planTextEn],
    ] as const) {
      for (const [key, text] of Object.entries(texts)) {
        const counted =
          /\{\w+\} (frågor|intervjuer|bilder|questions|interviews|posts|slides)\b/.exec(text);
        expect(counted, `${lang} ${key}: ${text}`).toBeNull();
      }
    }
  });
});
