import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.js';
import type { Issue } from '../../src/issue.js';
import { drawInProcess, drawPosts, type DrawJob } from '../../src/render/draw-posts.js';
import { specsOfCampaign } from '../../src/render/post-spec.js';
import { templates } from '../../templates/index.js';

const dataset = await loadData('test/fixtures/data/valid');

describe('drawPosts', () => {
  it('places a problem that names no file (a character of a campaign title) at its post', async () => {
    const [first] = specsOfCampaign(dataset, dataset.campaigns[0]!);
    const spec = { ...first!, campaign: { ...first!.campaign, title: 'Advent 漢' } };
    const issues: Issue[] = [];
    const stop = new Error('stopped before writing');
    const drawing = drawPosts<DrawJob>([{ spec, dir: 'never-written', hash: '' }], {
      drawer: await drawInProcess(templates, 1),
      image: 'jpeg',
      svg: false,
      issues,
      issueOf: (_job, error, code) => ({
        code,
        severity: 'error',
        file: 'campaign.yaml',
        path: ['posts', 0],
        message: error.message,
      }),
      checkFolder: () => Promise.resolve(),
      check: () => Promise.reject(stop),
      beforeWrite: () => undefined,
      onWritten: () => undefined,
    });
    await expect(drawing).rejects.toBe(stop);
    expect(issues).toEqual([
      {
        code: 'glyph',
        severity: 'error',
        file: 'campaign.yaml',
        path: ['posts', 0],
        word: '漢',
        message:
          'cannot draw ”漢” (U+6F22): no bundled font has it and Twemoji has no image for it',
        hint: 'replace or remove the character; nothing is ever drawn as a blank box',
      },
    ]);
  });
});
