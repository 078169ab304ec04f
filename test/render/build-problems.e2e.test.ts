import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.js';
import { DataError } from '../../src/errors.js';
import { buildCampaigns } from '../../src/render/build.js';
import { ForeignFileError } from '../../src/render/output.js';
import { templates } from '../../templates/index.js';
import { checkWorkspace } from '../check/workspace.js';
import { removeWorkspaces } from '../helpers/cli.js';
import { expectSwedish } from '../helpers/issues.js';

afterAll(removeWorkspaces);

describe('a build that meets a post it cannot lay out', () => {
  // The studio builds on its own thread, as here, and shows the Swedish of what stopped it.
  it('names the post, in English and in Swedish', async () => {
    const dir = checkWorkspace('eleven-slides');
    const dataset = await loadData(join(dir, 'data'));
    const building = buildCampaigns(dataset, {
      out: join(dir, 'out'),
      campaigns: [],
      force: false,
      jobs: 1,
      image: 'jpeg',
      svg: false,
      loadTemplates: () => Promise.resolve(templates),
    });
    const error = await building.then(
      () => expect.fail('the build went through'),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DataError);
    const { issues } = error as DataError;
    expect(issues.map((issue) => [issue.path, issue.message, issue.sv])).toEqual([
      [
        ['posts', 3],
        'digital-pride-2020/socialdemokraterna: the chosen Q&As need 13 slides with cover and closing; a carousel holds at most 10 (q1 needs 2, q2 needs 3, q3 needs 2, q4 needs 1, q5 needs 3)',
        {
          message:
            'digital-pride-2020/socialdemokraterna: de valda frågorna behöver 13 bilder med omslaget och slutbilden; en karusell rymmer högst 10 (q1 behöver 2, q2 behöver 3, q3 behöver 2, q4 behöver 1, q5 behöver 3)',
          hint: 'välj färre eller kortare frågor, eller använd formatet stående, som rymmer mer text per bild',
        },
      ],
    ]);
    expectSwedish(issues);
  });
});

describe('a build that meets a file it did not write', () => {
  it('refuses it, naming it in English and in Swedish, and writes nothing there', async () => {
    const dir = checkWorkspace();
    const dataset = await loadData(join(dir, 'data'));
    const campaign = dataset.campaigns[0]!;
    const post = campaign.posts[0]!;
    const party = post.interview.slice(post.interview.indexOf('/') + 1);
    const folder = join(dir, 'out', campaign.id, `${post.date}-${party}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '01.jpg'), 'a photo of our own');
    const error = await buildCampaigns(dataset, {
      out: join(dir, 'out'),
      campaigns: [],
      force: false,
      jobs: 1,
      image: 'jpeg',
      svg: false,
      loadTemplates: () => Promise.resolve(templates),
    }).then(
      () => expect.fail('the build went through'),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ForeignFileError);
    const { sv } = error as ForeignFileError;
    expect(sv?.message).toMatch(/01\.jpg finns redan och skrevs inte av excerpt; inget skrevs$/);
    expect(sv?.hint).toMatch(/^flytta bort dem/);
    expect(readFileSync(join(folder, '01.jpg'), 'utf8')).toBe('a photo of our own');
  });
});
