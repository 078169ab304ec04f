import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PostJson } from '../../src/render/render-post.js';
import { checkWorkspace } from '../check/workspace.js';
import { removeWorkspaces, runExcerpt, stackLine } from '../helpers/cli.js';

afterAll(removeWorkspaces);

/**
 * What `excerpt check` reports of a schedule, `excerpt build` refuses by the same rule: the
 * fixtures are test/check's (the bundled Digital Pride 2020, with one file changed).
 */
describe('excerpt build refuses what excerpt check reports', () => {
  it('a publish time the clocks skip: exit 2 naming the post, nothing written', async () => {
    const cwd = checkWorkspace('spring-forward');
    const result = await runExcerpt(['build'], cwd);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'error: the data has a problem:',
        '  data/campaigns/digital-pride-2020.yaml: posts[3].date: 2021-03-28 at 02:30 does not exist in Stockholm: the clocks go from 02:00 to 03:00 that night, as summer time starts',
        '    hint: move the post to another day, or set the campaign’s time outside 02:00–03:00',
        '',
      ].join('\n'),
    });
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('two posts written to one folder: exit 2 naming the second, nothing written', async () => {
    const cwd = checkWorkspace('folder-clash');
    const result = await runExcerpt(['build', '--only', '2020-07-30'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '  data/campaigns/digital-pride-2020.yaml: posts[4]: a second post for Centerpartiet on 2020-07-31: posts[1] (digital-pride-2020/centerpartiet) goes to the same folder, 2020-07-31-centerpartiet',
    );
    expect(result.stderr).not.toContain(stackLine);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('a publish time that happens twice: the first, summer time, on every build', async () => {
    const cwd = checkWorkspace('autumn-back');
    const result = await runExcerpt(['build', '--only', '2021-10-31'], cwd);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const post = JSON.parse(
      readFileSync(
        join(cwd, 'out/digital-pride-2020/2021-10-31-socialdemokraterna/post.json'),
        'utf8',
      ),
    ) as PostJson;
    expect(post.publishAt).toBe('2021-10-31T02:30:00+02:00');
  });
});
