import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.js';
import type { Issue } from '../../src/issue.js';
import {
  drawInProcess,
  drawPosts,
  type DrawJob,
  type PostDrawer,
} from '../../src/render/draw-posts.js';
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
        // satori's own finding of the character says itself in Swedish too, for the studio.
        sv: {
          message:
            'tecknet ”漢” (U+6F22) kan inte ritas på en bild: inget av typsnitten har det, och Twemoji har ingen emojibild för det',
          hint: 'byt ut eller ta bort tecknet; inget ritas någonsin som en tom ruta',
        },
      },
    ]);
  });

  it('starts drawing the posts laid out while later ones are still being laid out', async () => {
    // satori's layout is synchronous under its promises: without a turn of the event loop
    // between layouts, a post's folder check (I/O) would wait for every layout, and the pool
    // that rasterises would sit idle until then.
    const [spec] = specsOfCampaign(dataset, dataset.campaigns[0]!);
    const events: string[] = [];
    const drawer: PostDrawer<number> = {
      planning: 1,
      drawing: 2,
      plan: (job) => {
        const index = Number(job.date);
        events.push(`plan ${index}`);
        const until = performance.now() + 20;
        while (performance.now() < until); // a layout's CPU time, no await inside
        return Promise.resolve({ type: 'planned', post: index, slides: 1 });
      },
      draw: (post) => {
        events.push(`draw ${post}`);
        return Promise.resolve({ files: new Map(), slides: 1, thumbnails: [] });
      },
    };
    const jobs = Array.from({ length: 6 }, (_, index) => ({
      spec: { ...spec!, date: String(index) },
      dir: 'never-written',
      hash: '',
    }));
    const stop = new Error('stopped before writing');
    const drawing = drawPosts<DrawJob>(jobs, {
      drawer,
      image: 'jpeg',
      svg: false,
      issues: [],
      issueOf: () => {
        throw new Error('no problem expected');
      },
      checkFolder: async () => void (await stat('.')),
      check: () => Promise.reject(stop),
      beforeWrite: () => undefined,
      onWritten: () => undefined,
    });
    await expect(drawing).rejects.toBe(stop);
    expect(events.indexOf('draw 0')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('draw 0')).toBeLessThan(events.indexOf('plan 5'));
  });
});
