import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeWorkspaces, spawnExcerpt } from '../helpers/cli.js';
import type { FakeStep } from '../helpers/fake-graph-api.js';
import {
  allDue,
  buildFixture,
  expectPublishedOnce,
  postIds,
  readLedgerFile,
  startBench,
} from '../helpers/publish.js';

afterAll(removeWorkspaces);

// Every post of the fixture (July to December 2020) at once: --since reaches back to them all.
const due = ['--due', '--since', '2020-01-01T00:00Z', '--now', allDue];

/**
 * Each moment a run can die: the fake holds one request unanswered, before it takes effect or
 * after (the effect done, the answer never sent), and the real binary is killed with SIGKILL
 * right then. `nth` counts requests of the step from the start of the run: the fixture's first
 * post has 4 slides, so child 5 is the second post's first.
 */
const moments: [step: FakeStep, when: 'before' | 'after', nth: number][] = [
  ['limit', 'before', 1],
  ['recent', 'before', 1],
  ['child', 'before', 1],
  ['child', 'after', 2],
  ['carousel', 'before', 1],
  ['carousel', 'after', 1],
  ['status', 'before', 1],
  ['status', 'after', 3],
  ['publish', 'before', 1],
  ['publish', 'after', 1],
  ['permalink', 'before', 1],
  ['child', 'before', 5],
  ['publish', 'after', 2],
  ['permalink', 'after', 3],
];

describe('a publish run killed at any step, then run again', () => {
  let built: string;
  beforeAll(async () => {
    built = await buildFixture();
  });

  it.each(moments)(
    'killed at %s (%s, request %d): the rerun publishes each due post exactly once',
    async (step, when, nth) => {
      const bench = await startBench(built, `publish-kill-${step}-${when}-${nth}`);
      try {
        const reached = bench.fake.hold(step, when, nth);
        const child = spawnExcerpt(bench.args(due), bench.cwd, bench.env);
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          child.once('exit', (_code, signal) => resolve(signal)),
        );
        await Promise.race([
          reached,
          exited.then(() => {
            throw new Error(`the run ended before it reached ${step} ${when} ${nth}`);
          }),
        ]);
        child.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');
        // The held request is cut off now: one held before never takes effect.
        bench.fake.releaseHeld();
        const publishedBefore = bench.fake.media.length;

        const rerun = await bench.publish(due);
        expect(rerun.stderr).not.toContain('error');
        expect(rerun.code).toBe(0);
        expectPublishedOnce(bench);
        expect(bench.fake.media.length).toBeGreaterThanOrEqual(publishedBefore);
        for (const campaign of ['adventsfragestund-2020', 'digital-pride-2020']) {
          for (const entry of Object.values(readLedgerFile(bench.cwd, campaign).posts)) {
            expect(entry.publishRequestedAt).toBeUndefined();
          }
        }

        // And a third run finds nothing to do.
        const writes = bench.fake.writes().length;
        const third = await bench.publish(due);
        expect(third.code).toBe(0);
        expect(third.stdout).toContain(`${postIds.length} already published`);
        expect(bench.fake.writes()).toHaveLength(writes);
      } finally {
        await bench.close();
      }
    },
  );
});
