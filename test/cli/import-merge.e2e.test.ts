import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkspace, removeWorkspaces, root, runExcerpt } from '../helpers/cli.js';

afterAll(removeWorkspaces);

describe('excerpt import: a page imported again merges', () => {
  it('keeps a typo corrected in the data, says where the page differs, and --force replaces', async () => {
    const cwd = makeWorkspace('import-merge');
    const page = readFileSync(join(root, 'test/fixtures/pages/valfragor-2022.txt'), 'utf8');
    writeFileSync(join(cwd, 'page.txt'), page.replace('om samtycke.', 'om samtyke.'));
    const first = await runExcerpt(['import', 'page.txt'], cwd);
    expect(first.code).toBe(0);

    const file = join(cwd, 'data', 'interviews', 'valfragor-2022', 'miljopartiet.yaml');
    const corrected = readFileSync(file, 'utf8').replace('om samtyke.', 'om samtycke.');
    writeFileSync(file, corrected);
    const campaignFile = join(cwd, 'data', 'campaigns', 'valfragor-2022.yaml');
    const scheduled = readFileSync(campaignFile, 'utf8').replace(
      'hashtags: []',
      'hashtags: [Botkyrka]',
    );
    writeFileSync(campaignFile, scheduled);

    const again = await runExcerpt(['import', 'page.txt'], cwd);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(corrected);
    expect(readFileSync(campaignFile, 'utf8')).toBe(scheduled);
    expect(again.stdout).toBe(
      [
        '2 interviews already in the data as the page says',
        `kept data/interviews/valfragor-2022/miljopartiet.yaml: the data differs from the page in 1 place (the data's text is kept; --force replaces it with the page's)`,
        '  qa[0].answer[0]: data "…sig om samtycke. Det börjar…", page "…sig om samtyke. Det börjar…"',
        '',
      ].join('\n'),
    );

    const forced = await runExcerpt(['import', 'page.txt', '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('om samtyke.');
    expect(readFileSync(campaignFile, 'utf8')).toContain('hashtags: []');
    expect(forced.stdout).toContain('replaced data/interviews/valfragor-2022/miljopartiet.yaml');
  });

  it('refuses a page saved as Latin-1, before writing anything, rather than lose its å, ä and ö', async () => {
    const cwd = makeWorkspace('import-latin1');
    const page = readFileSync(join(root, 'test/fixtures/pages/valfragor-2022.txt'), 'utf8');
    writeFileSync(join(cwd, 'page.txt'), Buffer.from(page, 'latin1'));
    const result = await runExcerpt(['import', 'page.txt'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: page.txt is not UTF-8 text');
    expect(result.stderr).toMatch(/hint: save the page as UTF-8/);
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  });
});
