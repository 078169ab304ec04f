import { describe, expect, it } from 'vitest';
import { RenderQueue, retry } from '../../src/preview/render-queue.js';

/** Lets promise callbacks run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A queue whose runs finish when the test says, recording what ran when. */
function queueOf(concurrency: number) {
  const started: string[] = [];
  const finish = new Map<string, (result: string | typeof retry) => void>();
  const queue = new RenderQueue<string, string>({
    concurrency,
    run: (job, isRetry) => {
      started.push(isRetry ? `${job} again` : job);
      return new Promise((resolve) => finish.set(job, resolve));
    },
  });
  return {
    queue,
    started,
    finish: (job: string, result: string | typeof retry) => finish.get(job)!(result),
  };
}

describe('RenderQueue', () => {
  it('runs jobs in order, no more at once than its concurrency', async () => {
    const { queue, started, finish } = queueOf(1);
    const a = queue.add('a');
    const b = queue.add('b');
    await settle();
    expect(started).toEqual(['a']);
    expect(queue.length).toBe(1);
    finish('a', 'A');
    await expect(a).resolves.toBe('A');
    await settle();
    expect(started).toEqual(['a', 'b']);
    finish('b', 'B');
    await expect(b).resolves.toBe('B');
  });

  it('runs a job that asks to be retried again, before the jobs behind it, told it is a retry', async () => {
    const { queue, started, finish } = queueOf(1);
    const a = queue.add('a');
    void queue.add('b');
    await settle();
    finish('a', retry);
    await settle();
    expect(started).toEqual(['a', 'a again']);
    finish('a', 'A');
    await expect(a).resolves.toBe('A');
    await settle();
    expect(started).toEqual(['a', 'a again', 'b']);
  });

  it('runs up to its concurrency at once', async () => {
    const { queue, started } = queueOf(2);
    for (const job of ['a', 'b', 'c']) void queue.add(job);
    await settle();
    expect(started).toEqual(['a', 'b']);
  });

  it('ends the jobs still waiting on clear, and leaves the running one to finish', async () => {
    const { queue, finish } = queueOf(1);
    const a = queue.add('a');
    const b = queue.add('b');
    await settle();
    queue.clear('gone');
    await expect(b).resolves.toBe('gone');
    finish('a', 'A');
    await expect(a).resolves.toBe('A');
  });
});
