import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/check/run-checks.js';
import { planScheduledPosts } from '../../src/check/scheduled-posts.js';
import { loadSwedishDictionary } from '../../src/check/swedish-dictionary.js';
import { readWordList } from '../../src/check/word-list.js';
import { wordsOf } from '../../src/check/words.js';
import { loadData } from '../../src/data/load.js';
import { planPost } from '../../src/render/render-post.js';
import { textFields } from '../../src/data/text-fields.js';
import { templates } from '../../templates/index.js';

describe('excerpt check on the bundled data', () => {
  it('finds nothing: no error, no warning', async () => {
    const report = await runChecks('data', { templates });
    expect({ errors: report.errors, warnings: report.warnings }).toEqual({
      errors: [],
      warnings: [],
    });
    expect(
      report.fairness?.map((campaign) => [
        campaign.campaign,
        campaign.formats,
        campaign.themes,
        campaign.posts.map((post) => post.party),
      ]),
    ).toEqual([
      [
        'adventsfragestund-2020',
        ['square'],
        ['advent'],
        [
          'Socialdemokraterna',
          'Centerpartiet',
          'Moderaterna',
          'Drevvikenpartiet',
          'Vänsterpartiet',
          'Liberalerna',
        ],
      ],
      [
        'digital-pride-2020',
        ['square'],
        ['pride'],
        ['Drevvikenpartiet', 'Centerpartiet', 'Liberalerna', 'Socialdemokraterna'],
      ],
    ]);
    for (const post of report.fairness?.flatMap((campaign) => campaign.posts) ?? []) {
      expect(post.slides).toBeGreaterThanOrEqual(2);
      expect(post.slides).toBeLessThanOrEqual(10);
    }
  });

  it('lays out each post as planPost does: the same slides, caption and alt text', async () => {
    const dataset = await loadData('data');
    for (const post of await planScheduledPosts(dataset, templates)) {
      const planned = await planPost(post.spec, templates);
      expect(post.layout).toEqual({
        slides: planned.slides.length,
        perQa: post.spec.qaIds.map((id) => ({
          id,
          slides: planned.slides.filter(({ plan }) => plan.kind === 'qa' && plan.qaId === id)
            .length,
        })),
        caption: planned.caption,
        altTexts: planned.altTexts,
      });
    }
  });

  it('lists in data/words.txt only words the data uses and the dictionary lacks', async () => {
    const { words, issues } = await readWordList('data');
    expect(issues).toEqual([]);
    expect(words.length).toBeGreaterThan(0);
    const dataset = await loadData('data');
    const used = new Set(
      textFields({
        dir: dataset.dir,
        brand: undefined,
        campaigns: [],
        interviews: dataset.interviews.map((value) => ({ file: '', value })),
      }).flatMap((field) => wordsOf(field.text)),
    );
    const dictionary = await loadSwedishDictionary();
    for (const word of words) {
      // A name may be listed bare and used in the genitive.
      expect(
        [word, `${word}s`].some((form) => used.has(form)),
        word,
      ).toBe(true);
      expect(dictionary.has(word), word).toBe(false);
    }
  });
});
