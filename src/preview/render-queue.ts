/** What a run returns to be run again, before the jobs queued after it. */
export const retry: unique symbol = Symbol('retry');

export interface RenderQueueOptions<J, R> {
  /** Jobs run at once. */
  concurrency: number;
  /**
   * Runs one job and returns its result, or `retry` to run it again before any other; it is
   * told `isRetry` then, and should not ask twice. It must not reject: a failure is a result.
   */
  run(job: J, isRetry: boolean): Promise<R | typeof retry>;
}

interface Waiting<J, R> {
  job: J;
  isRetry: boolean;
  resolve: (result: R) => void;
}

/**
 * Jobs waiting to run, first come first served, a few at a time. A job whose run says `retry`
 * (its worker died under it) goes back to the front, to run once more.
 */
export class RenderQueue<J, R> {
  private readonly waiting: Waiting<J, R>[] = [];
  private running = 0;

  constructor(private readonly options: RenderQueueOptions<J, R>) {}

  /** Jobs waiting, not counting those running. */
  get length(): number {
    return this.waiting.length;
  }

  /** Queues a job; resolves with its result. */
  add(job: J): Promise<R> {
    return new Promise((resolve) => {
      this.waiting.push({ job, isRetry: false, resolve });
      this.pump();
    });
  }

  /** Ends every job still waiting with `result` (those running finish on their own). */
  clear(result: R): void {
    for (const waiting of this.waiting.splice(0)) waiting.resolve(result);
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.running++;
      void this.options.run(next.job, next.isRetry).then((result) => {
        this.running--;
        if (result === retry) this.waiting.unshift({ ...next, isRetry: true });
        else next.resolve(result);
        this.pump();
      });
    }
  }
}
