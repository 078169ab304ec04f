import { describe, expect, it } from 'vitest';
import { assessFairness } from '../../src/check/fairness-check.js';
import type { ScheduledPost } from '../../src/check/scheduled-posts.js';
import type { Format } from '../../src/data/schema.js';

/** A laid-out post as planScheduledPosts gives it, reduced to what fairness looks at. */
function post(
  index: number,
  party: string,
  date: string,
  format: Format,
  slides: number | undefined,
): ScheduledPost {
  return {
    campaign: { id: 'advent', title: 'Adventsfrågestund 2020' },
    file: 'data/campaigns/advent.yaml',
    index,
    spec: {
      format,
      themeName: 'advent',
      date,
      qaIds: ['q1', 'q2'],
      interview: { id: `advent/${party.toLowerCase()}`, party },
    },
    layout: slides === undefined ? undefined : { slides, caption: '', altTexts: [] },
  } as unknown as ScheduledPost;
}

describe('assessFairness', () => {
  it('reports each party’s slides, in date order, and no error when all look alike', () => {
    const result = assessFairness([
      post(0, 'Vänsterpartiet', '2020-12-21', 'square', 4),
      post(1, 'Centerpartiet', '2020-12-16', 'square', 6),
      post(2, 'Moderaterna', '2020-12-16', 'square', undefined),
    ]);
    expect(result.issues).toEqual([]);
    expect(result.fairness).toEqual([
      {
        campaign: 'advent',
        title: 'Adventsfrågestund 2020',
        formats: ['square'],
        themes: ['advent'],
        posts: [
          {
            date: '2020-12-16',
            party: 'Centerpartiet',
            interview: 'advent/centerpartiet',
            qa: ['q1', 'q2'],
            slides: 6,
          },
          {
            date: '2020-12-16',
            party: 'Moderaterna',
            interview: 'advent/moderaterna',
            qa: ['q1', 'q2'],
            slides: null,
          },
          {
            date: '2020-12-21',
            party: 'Vänsterpartiet',
            interview: 'advent/vänsterpartiet',
            qa: ['q1', 'q2'],
            slides: 4,
          },
        ],
      },
    ]);
  });

  it('is an error when the posts of a campaign do not share one format', () => {
    const result = assessFairness([
      post(0, 'Centerpartiet', '2020-12-16', 'square', 6),
      post(1, 'Moderaterna', '2020-12-19', 'portrait', 5),
      post(2, 'Liberalerna', '2020-12-22', 'square', 5),
    ]);
    expect(result.issues).toEqual([
      {
        code: 'fairness',
        severity: 'error',
        message:
          'the posts of advent do not share one format (square: Centerpartiet, Liberalerna; portrait: Moderaterna)',
        file: 'data/campaigns/advent.yaml',
        path: ['format'],
        hint: "every party in a campaign gets the same look: give all its posts the campaign's format",
      },
    ]);
    expect(result.fairness?.[0]?.formats).toEqual(['square', 'portrait']);
  });
});
