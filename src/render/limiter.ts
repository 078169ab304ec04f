/**
 * Bounds how much work runs at once: slides being rasterised (satori lays out the next slide
 * on the main thread while resvg and sharp work on the thread pool), or posts being drawn.
 */
export class Limiter {
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(readonly jobs: number) {}

  /** Waits for a free place, then starts `task` and hands back its result without waiting on it. */
  async start<T>(task: () => Promise<T>): Promise<{ result: Promise<T> }> {
    if (this.running >= this.jobs) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    const result = task().finally(() => {
      this.running--;
      this.waiting.shift()?.();
    });
    return { result };
  }

  /** Queues `task` to start when a place is free; the caller goes on at once. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.start(task).then(({ result }) => result);
  }
}
