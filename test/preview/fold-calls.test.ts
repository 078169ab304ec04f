import { describe, expect, it } from 'vitest';
import { foldCalls } from '../../src/preview/fold-calls.js';

describe('foldCalls', () => {
  it('folds the calls made during a run into one more run, which they all wait for', async () => {
    let runs = 0;
    let release!: () => void;
    const folded = foldCalls(async () => {
      runs++;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = folded();
    const second = folded();
    const third = folded();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await Promise.all([first, second, third]);
    expect(runs).toBe(2);
    await folded();
    expect(runs).toBe(3);
  });

  it('starts no further run once stopped', async () => {
    let runs = 0;
    let isStopped = false;
    let release!: () => void;
    const folded = foldCalls(
      async () => {
        runs++;
        await new Promise<void>((resolve) => (release = resolve));
      },
      () => isStopped,
    );
    const first = folded();
    void folded();
    isStopped = true;
    release();
    await first;
    expect(runs).toBe(1);
  });
});
