import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.js';
import { specOfPost } from '../../src/render/post-spec.js';
import { LimitError, planPost } from '../../src/render/render-post.js';
import { templates } from '../../templates/index.js';
import { makeWorkspace, removeWorkspaces, root } from '../helpers/cli.js';

afterAll(removeWorkspaces);

const fixtures = join(root, 'test', 'fixtures', 'check');

describe('planPost refuses what publish refuses', () => {
  it('a caption whose question adds hashtags beyond five (the campaign itself has four), in English and Swedish', async () => {
    const dir = makeWorkspace('limit-problems', join(fixtures, 'base'));
    cpSync(join(fixtures, 'hashtag-in-question'), join(dir, 'data'), { recursive: true });
    const dataset = await loadData(join(dir, 'data'));
    const campaign = dataset.campaigns[0]!;
    const post = campaign.posts.find((candidate) => candidate.interview.endsWith('liberalerna'))!;
    const error = await planPost(specOfPost(dataset, campaign, post), templates).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(LimitError);
    expect((error as Error).message).toBe(
      'digital-pride-2020/liberalerna on 2020-07-31: the caption has 6 hashtags; Instagram takes at most 5 a post',
    );
    expect((error as LimitError).hint).toBe(
      'a chosen question holds a #hashtag: choose another, or fewer campaign hashtags',
    );
    expect((error as LimitError).sv).toEqual({
      message:
        'digital-pride-2020/liberalerna den 31 juli 2020: bildtexten har 6 hashtaggar; Instagram tillåter högst 5 per inlägg',
      hint: 'en vald fråga innehåller en #hashtagg: välj en annan, eller färre hashtaggar för kampanjen',
    });
  });
});
