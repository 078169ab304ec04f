import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildProgress } from '../../src/preview/page-protocol.js';
import { BuildRunner, loadPackageTemplates } from '../../src/preview/plan/build-runner.js';
import { root } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'excerpt-build-runner-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A build's events until it is done or has failed. */
function eventsOf(runner: BuildRunner, id: string): Promise<BuildProgress[]> {
  return new Promise((resolve) => {
    const events: BuildProgress[] = [];
    runner.follow(id, (event) => {
      events.push(event);
      if (event.type === 'done' || event.type === 'failed') resolve(events);
    });
  });
}

describe('builds from two tabs at once', () => {
  it('the second waits for the first however long it takes, then builds', async () => {
    const dataDir = join(dir, 'data');
    cpSync(join(root, 'data'), dataDir, { recursive: true });
    // A first build longer than the output lock's wait (15 s): a campaign of many posts.
    let calls = 0;
    const runner = new BuildRunner({
      dataDir,
      outDir: join(dir, 'out'),
      image: 'jpeg',
      jobs: 2,
      loadTemplates: async () => {
        if (calls++ === 0) await new Promise((resolve) => setTimeout(resolve, 17_000));
        return loadPackageTemplates();
      },
    });
    try {
      const first = runner.start({
        campaign: 'adventsfragestund-2020',
        post: 'adventsfragestund-2020/2020-12-16-centerpartiet',
      });
      const second = runner.start({
        campaign: 'adventsfragestund-2020',
        post: 'adventsfragestund-2020/2020-12-15-socialdemokraterna',
      });
      const [a, b] = await Promise.all([eventsOf(runner, first), eventsOf(runner, second)]);
      expect(a.at(-1)).toMatchObject({ type: 'done', rendered: 1 });
      expect(b.at(-1)).toMatchObject({ type: 'done', rendered: 1 });
      // One of them waited, and said so.
      expect([...a, ...b].filter((event) => event.type === 'waiting')).toHaveLength(1);
    } finally {
      await runner.close();
    }
  }, 90_000);
});
