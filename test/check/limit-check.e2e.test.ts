import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { limitCheck } from '../../src/check/limit-check.js';
import { loadData } from '../../src/data/load.js';
import type { InSwedish, Issue } from '../../src/issue.js';
import { templates } from '../../templates/index.js';
import { removeWorkspaces } from '../helpers/cli.js';
import { expectSwedish } from '../helpers/issues.js';
import { checkWorkspace } from './workspace.js';

afterAll(removeWorkspaces);

/** The limit check's issues on the base fixture with `overlay` over it. */
async function limitIssues(overlay: string): Promise<Issue[]> {
  const dataset = await loadData(join(checkWorkspace(overlay), 'data'));
  if (limitCheck.needs !== 'dataset') throw new Error('the limit check needs the dataset');
  return (await limitCheck.run(dataset, { templates })).issues;
}

// The English of each is asserted by broken-data.e2e.test.ts, as `check --json` prints it.
const cases: [overlay: string, english: string, sv: InSwedish][] = [
  [
    'long-caption',
    'the post of 2020-07-31: the caption has 2336 characters; Instagram takes at most 2200',
    {
      message:
        'Inlägget den 31 juli 2020: bildtexten har 2336 tecken; Instagram tillåter högst 2200',
      hint: 'bildtexten räknar upp de valda frågorna: välj färre eller kortare frågor (136 tecken för mycket)',
    },
  ],
  [
    'too-many-hashtags',
    'the campaign has 6 hashtags; Instagram takes at most 5 a post',
    {
      message: 'kampanjen har 6 hashtaggar; Instagram tillåter högst 5 per inlägg',
      hint: 'behåll de 5 som betyder mest',
    },
  ],
  [
    'hashtag-in-question',
    'the post of 2020-07-31: the caption has 6 hashtags; Instagram takes at most 5 a post',
    {
      message:
        'Inlägget den 31 juli 2020: bildtexten har 6 hashtaggar; Instagram tillåter högst 5 per inlägg',
      hint: 'en vald fråga innehåller en #hashtagg: välj en annan, eller färre hashtaggar för kampanjen',
    },
  ],
  [
    'nine-slides',
    'the post of 2020-07-31 uses 9 of its 10 slides (q1 takes 2, q2 takes 3, q3 takes 2, with the cover and the closing slide): the next edit may not fit',
    {
      message:
        'Inlägget den 31 juli 2020 använder 9 av sina 10 bilder (q1 tar 2, q2 tar 3, q3 tar 2, plus omslaget och slutbilden): nästa ändring kanske inte får plats',
      hint: 'för att lämna utrymme, välj en kortare fråga, eller använd formatet stående, som rymmer mer text per bild',
    },
  ],
  [
    'story-format',
    "its slides are 1080×1920 (the story format, 9:16); a carousel takes 4:5 (portrait) to 1.91:1 (landscape): excerpt publish refuses the campaign's posts",
    {
      message:
        'bilderna är 1080×1920 (formatet story, 9:16); en karusell tar bilder från 4:5 (stående) till 1,91:1 (liggande): excerpt publish publicerar inte kampanjens inlägg',
      hint: 'använd kvadrat eller stående för inlägg som ska publiceras; story passar för storys som läggs upp för hand',
    },
  ],
];

describe('the limit check, in English and Swedish', () => {
  it.each(cases)('%s', async (overlay, english, sv) => {
    const issues = await limitIssues(overlay);
    expect(issues.map((issue) => [issue.message, issue.sv])).toEqual([[english, sv]]);
    expectSwedish(issues);
  });
});
