import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckRunner } from '../../src/preview/check-runner.js';
import { checkWorkspace } from '../check/workspace.js';
import { removeWorkspaces } from '../helpers/cli.js';

/**
 * The studio's check runner: `excerpt check` once per version of the data, not once for every
 * redraw of the Interview view (each asks for the findings); a new version is checked anew.
 */

const data = join(checkWorkspace(), 'data');
const runner = new CheckRunner(data);

afterAll(async () => {
  await runner.close();
  removeWorkspaces();
});

describe('CheckRunner', () => {
  it('checks a version of the data once, however often it is asked', async () => {
    const first = runner.findings(1);
    expect(runner.findings(1)).toBe(first);
    const report = await first;
    expect(report.issues).toEqual([]);
    expect(report.posts.length).toBeGreaterThan(0);
    expect(runner.findings(1)).toBe(first);
  });

  it('checks the data again at a new version', async () => {
    const file = join(data, 'interviews', 'digital-pride-2020', 'liberalerna.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kommunens', 'kommunenns'));
    const report = await runner.findings(2);
    expect(report.issues.map(({ code, word }) => ({ code, word }))).toContainEqual({
      code: 'spelling',
      word: 'kommunenns',
    });
  });
});
