import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitCheck } from '../../src/check/fit-check.js';
import { loadData } from '../../src/data/load.js';
import type { Issue } from '../../src/issue.js';
import { templates } from '../../templates/index.js';
import { removeWorkspaces } from '../helpers/cli.js';
import { expectSwedish, inEnglish } from '../helpers/issues.js';
import { checkWorkspace } from './workspace.js';

afterAll(removeWorkspaces);

/** The fit check's issues on the base fixture with `overlay` over it. */
async function fitIssues(overlay: string): Promise<Issue[]> {
  const dataset = await loadData(join(checkWorkspace(overlay), 'data'));
  if (fitCheck.needs !== 'dataset') throw new Error('the fit check needs the dataset');
  return (await fitCheck.run(dataset, { templates })).issues;
}

describe('the fit check, in English and Swedish', () => {
  it('eleven-slides: a post that needs 13 slides, said in the terminal’s words and the studio’s', async () => {
    const issues = await fitIssues('eleven-slides');
    expect(inEnglish(issues)).toEqual([
      {
        code: 'fit',
        severity: 'error',
        message:
          'the post of 2020-07-31 (square): digital-pride-2020/socialdemokraterna: the chosen Q&As need 13 slides with cover and closing; a carousel holds at most 10 (q1 needs 2, q2 needs 3, q3 needs 2, q4 needs 1, q5 needs 3)',
        file: expect.stringMatching(/data\/campaigns\/digital-pride-2020\.yaml$/) as string,
        path: ['posts', 3],
        hint: 'choose fewer or shorter Q&As, or use the portrait format, which holds more text a slide',
      },
    ]);
    expect(issues[0]!.sv).toEqual({
      message:
        'Inlägget den 31 juli 2020 (kvadrat): digital-pride-2020/socialdemokraterna: de valda frågorna behöver 13 bilder med omslaget och slutbilden; en karusell rymmer högst 10 (q1 behöver 2, q2 behöver 3, q3 behöver 2, q4 behöver 1, q5 behöver 3)',
      hint: 'välj färre eller kortare frågor, eller använd formatet stående, som rymmer mer text per bild',
    });
    expectSwedish(issues);
  });
});
