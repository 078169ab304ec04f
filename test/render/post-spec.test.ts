import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.js';
import { AppError } from '../../src/errors.js';
import {
  comparePosts,
  postIdOf,
  resolvePost,
  sourceOf,
  specOfPost,
  type PostSource,
} from '../../src/render/post-spec.js';

const dataset = await loadData('test/fixtures/data/valid');
const id = 'adventsfragestund-2020/centerpartiet';
const advent = dataset.campaigns.find((campaign) => campaign.id === 'adventsfragestund-2020')!;
const scheduled = advent.posts.find((post) => post.interview === id)!;

/** The interview as a file given on its own: the data has no campaign for it. */
const lone: PostSource = { ...sourceOf(dataset, id), campaign: undefined, campaignParties: [] };

describe('resolvePost: the one place a post is resolved', () => {
  it('takes what the campaign schedules when nothing is chosen', () => {
    const spec = resolvePost(sourceOf(dataset, id));
    expect(spec).toMatchObject({
      qaIds: scheduled.qa,
      date: scheduled.date,
      format: advent.format,
      themeName: advent.theme,
      campaign: {
        id: advent.id,
        title: advent.title,
        marker: advent.marker,
        time: advent.time,
        hashtags: advent.hashtags,
      },
      interviewFile: dataset.fileOf.interview(id),
    });
    // As a build resolves the scheduled post: one rule, one result.
    expect(spec).toEqual(specOfPost(dataset, advent, scheduled));
    expect(postIdOf(spec)).toBe(`adventsfragestund-2020/${scheduled.date}-centerpartiet`);
  });

  it('takes the chosen Q&As, date, format and theme over the campaign’s', () => {
    const spec = resolvePost(sourceOf(dataset, id), {
      qaIds: ['q6', 'q1'],
      date: '2021-01-02',
      format: 'story',
      theme: 'pride',
    });
    expect(spec).toMatchObject({
      qaIds: ['q6', 'q1'],
      date: '2021-01-02',
      format: 'story',
      themeName: 'pride',
      theme: dataset.brand.themes.pride,
    });
  });

  it('draws an interview of no known campaign with the spec’s defaults, given a theme', () => {
    const spec = resolvePost(lone, { qaIds: ['q1'], theme: 'default' });
    expect(spec).toMatchObject({
      campaign: { id: advent.id, title: advent.id, marker: '', time: '08:00', hashtags: [] },
      format: 'square',
      date: lone.interview.publishedOn,
      campaignParties: [],
    });
  });

  it.each([
    [
      'no theme',
      { qaIds: ['q1'] },
      /campaign adventsfragestund-2020 is not in the data, so there is no theme to use/,
    ],
    ['no Q&A', { theme: 'default' }, /which Q&As should the carousel show\?/],
    ['an empty choice', { theme: 'default', qaIds: [] }, /which Q&As should the carousel show\?/],
    ['a theme brand.yaml lacks', { qaIds: ['q1'], theme: 'toString' }, /no theme named toString/],
  ])('refuses %s, naming the file', (_, choice, message) => {
    expect(() => resolvePost(lone, choice)).toThrow(message);
  });

  it.each([
    [
      'no theme',
      { qaIds: ['q1'] },
      /kampanjen adventsfragestund-2020 finns inte i datat/,
      /Kampanjer/,
    ],
    ['no Q&A', { theme: 'default' }, /vilka frågor ska karusellen visa\?/, /frågorna q1, q2/],
    [
      'a theme brand.yaml lacks',
      { qaIds: ['q1'], theme: 'x' },
      /inget tema som heter x/,
      /default/,
    ],
  ])('says %s in Swedish too, for the studio', (_, choice, message, hint) => {
    const error = caught(() => resolvePost(lone, choice));
    expect(error.sv?.message).toMatch(message);
    expect(error.sv?.hint).toMatch(hint);
  });

  it('orders a day’s posts by party, Swedish letters after z and numbers by their value', () => {
    const post = (party: string) => ({
      date: '2020-12-16',
      interview: { ...lone.interview, party },
    });
    const parties = ['Lista 10', 'Åpartiet', 'Lista 2', 'Zpartiet', 'Lista 1'];
    const sorted = parties
      .map(post)
      .sort(comparePosts)
      .map((spec) => spec.interview.party);
    expect(sorted).toEqual(['Lista 1', 'Lista 2', 'Lista 10', 'Zpartiet', 'Åpartiet']);
  });

  it('refuses an interview id the data does not have, listing those it has', () => {
    expect(() => sourceOf(dataset, 'nope/nope')).toThrow(
      'no interview with id nope/nope in test/fixtures/data/valid',
    );
    expect(caught(() => sourceOf(dataset, 'nope/nope')).sv?.message).toBe(
      'det finns ingen intervju med id nope/nope i test/fixtures/data/valid',
    );
  });
});

/** The AppError `run` throws (and fails the test when it throws nothing, or something else). */
function caught(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an error');
}
