import type { PostSpec } from '../render/post-spec.js';
import type { ImageFormat } from '../render/rasterize.js';
import type { PostJson } from '../render/render-post.js';
import { LruCache } from './lru-cache.js';
import type { PreviewEvent } from './preview-event.js';
import { problemOfError, type Problem } from './problem.js';
import { RenderQueue, retry } from './render-queue.js';
import { ProblemError, WorkerGoneError } from './render-worker-handle.js';
import { WorkerGenerations } from './worker-generations.js';

/** A post drawn, or what stops it from being drawn. */
export type RenderOutcome =
  { ok: true; post: PostJson; images: Buffer[] } | { ok: false; problem: Problem };

/**
 * Asked for with templates that have since been replaced: the key is out of date, and the
 * page should ask for the state again.
 */
export const stale = 'stale';
type Stale = typeof stale;

export interface SlideRendererOptions {
  /** The template sources, `templates/`. */
  templatesDir: string;
  image: ImageFormat;
  onEvent: (event: PreviewEvent) => void;
}

interface Job {
  spec: PostSpec;
  templatesHash: string;
}

// One post at a time: drawing a post already overlaps satori with rasterising on the libuv pool
// (FACTS.md), and a second post in flight only makes the one being looked at wait longer. The
// page asks for the posts on screen first.
const postsInFlight = 1;
// ~150 kB a slide, ~6 slides a post: under 80 MB, every post of two campaigns in all three
// formats with room for choices and edits.
const cachedPosts = 80;
// A template stuck in a loop must not hold the worker forever.
const renderTimeoutMs = 60_000;

/**
 * Draws posts in a worker thread with the current generation of the templates (see
 * WorkerGenerations), one at a time from a queue, and keeps the last ones drawn by content key.
 */
export class SlideRenderer {
  private readonly cache = new LruCache<RenderOutcome>(cachedPosts);
  private readonly queue = new RenderQueue<Job, RenderOutcome | Stale>({
    concurrency: postsInFlight,
    run: (job, isRetry) => this.draw(job, isRetry),
  });

  private constructor(
    private readonly options: SlideRendererOptions,
    private readonly generations: WorkerGenerations,
  ) {}

  /** Compiles the templates and starts the first worker. */
  static async start(options: SlideRendererOptions): Promise<SlideRenderer> {
    return new SlideRenderer(options, await WorkerGenerations.start(options));
  }

  /** The current templates: their hash (for cache keys), or why they cannot be used. */
  get templates(): { hash: string; problem: Problem | undefined } {
    return { hash: this.generations.active?.hash ?? '', problem: this.generations.problem };
  }

  /**
   * Draws a post (or returns it from the cache). `key` is its content key, made with
   * `templatesHash`: a key made with replaced templates gets `stale`.
   */
  render(key: string, spec: PostSpec, templatesHash: string): Promise<RenderOutcome | Stale> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached.then((outcome) => outcome ?? stale);
    const { problem } = this.generations;
    if (problem !== undefined) return Promise.resolve({ ok: false, problem });
    if (templatesHash !== this.generations.active?.hash) return Promise.resolve(stale);
    const done = this.queue.add({ spec, templatesHash });
    // A stale outcome is not kept: the key may be asked for again with the templates back.
    this.cache.set(
      key,
      done.then((outcome) => (outcome === stale ? undefined : outcome)),
    );
    return done;
  }

  /** A post already drawn, or undefined. */
  drawn(key: string): RenderOutcome | undefined {
    return this.cache.value(key);
  }

  /** Loads the templates again if they changed (see WorkerGenerations.reload). */
  reloadTemplates(): Promise<void> {
    return this.generations.reload();
  }

  async close(): Promise<void> {
    this.queue.clear(stale);
    await this.generations.close();
    this.queue.clear(stale);
  }

  /** One post in the active worker; `retry` when its worker died under it the first time. */
  private async draw(job: Job, isRetry: boolean): Promise<RenderOutcome | Stale | typeof retry> {
    const generation = this.generations.active;
    if (generation === undefined || job.templatesHash !== generation.hash) return stale;
    const { templatesDir, image } = this.options;
    try {
      const drawn = await withTimeout(generation.handle.render(job.spec, image), renderTimeoutMs);
      return { ok: true, ...drawn };
    } catch (error) {
      if (error instanceof ProblemError) return { ok: false, problem: error.problem };
      const isCurrent = this.generations.active === generation;
      if (error instanceof TimeoutError || (error instanceof WorkerGoneError && isCurrent)) {
        // The worker is stuck or gone while still current: start it again, try once more.
        if (isCurrent) await this.generations.revive(generation);
        if (!isRetry && error instanceof WorkerGoneError) return retry;
        return {
          ok: false,
          problem: problemOfError(
            error instanceof TimeoutError
              ? new Error(
                  `drawing took more than ${renderTimeoutMs / 1000} s: is a template stuck in a loop?`,
                )
              : error,
            'This post cannot be drawn',
            templatesDir,
          ),
        };
      }
      // Its worker was replaced by newer templates: the page asks again.
      if (error instanceof WorkerGoneError) return stale;
      return {
        ok: false,
        problem: problemOfError(error, 'This post cannot be drawn', templatesDir),
      };
    }
  }
}

class TimeoutError extends Error {}

/** `promise`, or a TimeoutError once `ms` have passed. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
