import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImageFormat } from '../render/rasterize.js';
import type { PostSpec } from '../render/post-spec.js';
import type { PostJson } from '../render/render-post.js';
import {
  compileTemplates,
  hashOfTemplates,
  linkBuiltCode,
  loadTypeScript,
} from './compile-templates.js';
import type { PreviewEvent } from './preview-event.js';
import { problemOfError, type Problem } from './problem.js';
import {
  builtDir,
  ProblemError,
  RenderWorkerHandle,
  WorkerGoneError,
} from './render-worker-handle.js';

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
  resolve: (outcome: RenderOutcome | Stale) => void;
  retried: boolean;
}

interface Generation {
  handle: RenderWorkerHandle;
  /** The templates' hash, part of every cache key. */
  hash: string;
  /** Its compiled templates, removed when it is replaced; none for the built templates. */
  dir: string | undefined;
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
// A standby worker is started this long after a reload, so that it does not slow the reload.
const spareDelayMs = 1_500;

/**
 * Draws posts in a worker thread, one generation of templates at a time, and caches them by
 * content key. A change to the templates compiles them (syntax only, ~50 ms) into a new
 * folder, loads them in a standby worker that already holds satori, resvg and sharp, and only
 * then swaps it in, so the page never waits on a half-loaded worker.
 */
export class SlideRenderer {
  private active: Generation | undefined;
  private spare: RenderWorkerHandle | undefined;
  private spareTimer: NodeJS.Timeout | undefined;
  private problem: Problem | undefined;
  private canCompile = true;
  private generations = 0;
  private reloading: Promise<void> | undefined;
  private reviving: Promise<void> | undefined;
  private isReloadWanted = false;
  private isClosed = false;
  private inFlight = 0;
  private readonly queue: Job[] = [];
  private readonly cache = new Map<
    string,
    { done: Promise<RenderOutcome | Stale>; outcome?: RenderOutcome }
  >();

  private constructor(
    private readonly options: SlideRendererOptions,
    private readonly workDir: string,
  ) {}

  /** Compiles the templates and starts the first worker. */
  static async start(options: SlideRendererOptions): Promise<SlideRenderer> {
    const workDir = await mkdtemp(join(tmpdir(), 'excerpt-preview-'));
    await linkBuiltCode(workDir, builtDir);
    const renderer = new SlideRenderer(options, workDir);
    renderer.spare = new RenderWorkerHandle(options.templatesDir);
    try {
      await loadTypeScript();
    } catch {
      renderer.canCompile = false;
      options.onEvent({
        type: 'warning',
        message:
          'TypeScript is not installed: drawing with the built templates, without reloading them',
      });
    }
    await renderer.reloadTemplates();
    return renderer;
  }

  /** The current templates: their hash (for cache keys), or why they cannot be used. */
  get templates(): { hash: string; problem: Problem | undefined } {
    return { hash: this.active?.hash ?? '', problem: this.problem };
  }

  /**
   * Draws a post (or returns it from the cache). `key` is its content key, made with
   * `templatesHash`: a key made with replaced templates gets `stale`.
   */
  render(key: string, spec: PostSpec, templatesHash: string): Promise<RenderOutcome | Stale> {
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      // Most recently used last: the oldest are evicted first.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit.done;
    }
    if (this.problem !== undefined) return Promise.resolve({ ok: false, problem: this.problem });
    if (templatesHash !== this.active?.hash) return Promise.resolve(stale);
    const entry: { done: Promise<RenderOutcome | Stale>; outcome?: RenderOutcome } = {
      done: new Promise((resolve) =>
        this.queue.push({ spec, templatesHash, resolve, retried: false }),
      ),
    };
    this.cache.set(key, entry);
    void entry.done.then((outcome) => {
      if (outcome === stale) {
        if (this.cache.get(key) === entry) this.cache.delete(key);
        return;
      }
      entry.outcome = outcome;
      this.evict();
    });
    this.pump();
    return entry.done;
  }

  /** A post already drawn, or undefined. */
  drawn(key: string): RenderOutcome | undefined {
    return this.cache.get(key)?.outcome;
  }

  /**
   * Compiles the templates and swaps in a worker that draws with them, if they changed. Calls
   * that come while one runs are folded into one more run after it.
   */
  reloadTemplates(): Promise<void> {
    if (this.reloading !== undefined) {
      this.isReloadWanted = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.isReloadWanted = false;
        await this.reloadOnce();
      } while (this.isReloadWanted && !this.isClosed);
    })().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.spareTimer);
    await this.reloading?.catch(() => undefined);
    for (const job of this.queue.splice(0)) job.resolve(stale);
    await Promise.all([this.active?.handle.terminate(), this.spare?.terminate()]);
    await rm(this.workDir, { recursive: true, force: true });
  }

  private async reloadOnce(): Promise<void> {
    const started = performance.now();
    const { templatesDir, onEvent } = this.options;
    if (!this.canCompile) {
      if (this.active === undefined) {
        const hash = await hashOfTemplates(join(builtDir, 'templates'));
        await this.swapIn(hash, undefined, started);
      }
      return;
    }
    let hash: string;
    try {
      hash = await hashOfTemplates(templatesDir);
    } catch (error) {
      this.fail(problemOfError(error, 'The templates cannot be read'));
      return;
    }
    if (hash === this.active?.hash) {
      // Saved unchanged, or changed back to what is running: nothing to compile.
      if (this.problem !== undefined) {
        this.problem = undefined;
        onEvent({ type: 'templates', status: 'reloaded', ms: performance.now() - started });
      }
      return;
    }
    const dir = join(this.workDir, `generation-${++this.generations}`);
    let compiled;
    try {
      compiled = await compileTemplates(templatesDir, dir);
    } catch (error) {
      this.fail(problemOfError(error, 'The templates cannot be compiled', templatesDir));
      return;
    }
    if (!compiled.ok) {
      this.fail(compiled.problem);
      return;
    }
    await this.swapIn(compiled.hash, dir, started);
  }

  /** Loads a generation in the spare worker and makes it the active one. */
  private async swapIn(hash: string, dir: string | undefined, started: number): Promise<void> {
    let handle: RenderWorkerHandle | undefined;
    // A worker that died on its own (not over the templates) is replaced once.
    for (let attempt = 1; handle === undefined; attempt++) {
      const candidate = this.takeSpare();
      try {
        await candidate.load(dir === undefined ? undefined : `${pathToFileURL(dir).href}/`);
        handle = candidate;
      } catch (error) {
        void candidate.terminate();
        if (error instanceof WorkerGoneError && attempt === 1 && !this.isClosed) continue;
        if (dir !== undefined) void rm(dir, { recursive: true, force: true });
        this.fail(
          error instanceof ProblemError
            ? error.problem
            : problemOfError(error, 'The templates do not load', this.options.templatesDir),
        );
        return;
      }
    }
    if (this.isClosed) {
      await handle.terminate();
      return;
    }
    const old = this.active;
    this.active = { handle, hash, dir };
    this.problem = undefined;
    if (old !== undefined) {
      void old.handle.terminate();
      if (old.dir !== undefined) void rm(old.dir, { recursive: true, force: true });
    }
    this.options.onEvent({
      type: 'templates',
      status: old === undefined ? 'loaded' : 'reloaded',
      ms: performance.now() - started,
    });
    this.pump();
  }

  private fail(problem: Problem): void {
    this.problem = problem;
    this.options.onEvent({ type: 'templates', status: 'failed', problem });
  }

  /** The standby worker, with the next one started once the machine is quiet again. */
  private takeSpare(): RenderWorkerHandle {
    const handle = this.spare ?? new RenderWorkerHandle(this.options.templatesDir);
    this.spare = undefined;
    clearTimeout(this.spareTimer);
    this.spareTimer = setTimeout(() => {
      if (!this.isClosed) this.spare ??= new RenderWorkerHandle(this.options.templatesDir);
    }, spareDelayMs);
    this.spareTimer.unref();
    return handle;
  }

  /** Hands queued posts to the active worker, a few at a time. */
  private pump(): void {
    const generation = this.active;
    if (generation === undefined) return;
    while (this.inFlight < postsInFlight && this.queue.length > 0) {
      const job = this.queue.shift()!;
      if (job.templatesHash !== generation.hash) {
        job.resolve(stale);
        continue;
      }
      this.inFlight++;
      void this.draw(generation, job).then((outcome) => {
        this.inFlight--;
        if (outcome !== undefined) job.resolve(outcome);
        this.pump();
      });
    }
  }

  /** One post in the worker; undefined when it was queued again after the worker died. */
  private async draw(generation: Generation, job: Job): Promise<RenderOutcome | Stale | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError()), renderTimeoutMs);
    });
    try {
      const drawn = await Promise.race([
        generation.handle.render(job.spec, this.options.image),
        timeout,
      ]);
      return { ok: true, ...drawn };
    } catch (error) {
      if (error instanceof ProblemError) return { ok: false, problem: error.problem };
      const isCurrent = this.active === generation;
      if (error instanceof TimeoutError || (error instanceof WorkerGoneError && isCurrent)) {
        // The worker is stuck or gone while still current: start it again, try once more.
        if (isCurrent) await this.revive(generation);
        if (!job.retried && error instanceof WorkerGoneError) {
          job.retried = true;
          this.queue.unshift(job);
          return undefined;
        }
        return {
          ok: false,
          problem: problemOfError(
            error instanceof TimeoutError
              ? new Error(
                  `drawing took more than ${renderTimeoutMs / 1000} s: is a template stuck in a loop?`,
                )
              : error,
            'This post cannot be drawn',
            this.options.templatesDir,
          ),
        };
      }
      if (error instanceof WorkerGoneError) return stale;
      return {
        ok: false,
        problem: problemOfError(error, 'This post cannot be drawn', this.options.templatesDir),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Replaces a dead or stuck worker with a new one on the same templates, once. */
  private revive(generation: Generation): Promise<void> {
    this.reviving ??= this.restart(generation).finally(() => {
      this.reviving = undefined;
    });
    return this.reviving;
  }

  private async restart(generation: Generation): Promise<void> {
    if (this.active !== generation || this.isClosed) return;
    void generation.handle.terminate();
    const handle = this.takeSpare();
    try {
      await handle.load(
        generation.dir === undefined ? undefined : `${pathToFileURL(generation.dir).href}/`,
      );
    } catch (error) {
      void handle.terminate();
      this.fail(problemOfError(error, 'The render worker does not start'));
      return;
    }
    if (this.active === generation) this.active = { ...generation, handle };
    else void handle.terminate();
  }

  private evict(): void {
    if (this.cache.size <= cachedPosts) return;
    for (const [key, entry] of this.cache) {
      if (this.cache.size <= cachedPosts) break;
      if (entry.outcome !== undefined) this.cache.delete(key);
    }
  }
}

class TimeoutError extends Error {}
