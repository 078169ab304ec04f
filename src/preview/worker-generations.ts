import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  compileTemplates,
  hashOfTemplates,
  linkBuiltCode,
  loadTypeScript,
} from './compile-templates.js';
import { foldCalls } from './fold-calls.js';
import type { PreviewEvent } from './preview-event.js';
import { problemOfError, type Problem } from './problem.js';
import {
  builtDir,
  ProblemError,
  RenderWorkerHandle,
  WorkerGoneError,
} from './render-worker-handle.js';

/** A render worker with one generation of the templates loaded. */
export interface Generation {
  handle: RenderWorkerHandle;
  /** The templates' hash, part of every cache key. */
  hash: string;
  /** Its compiled templates, removed when it is replaced; none for the built templates. */
  dir: string | undefined;
}

export interface GenerationsOptions {
  /** The template sources, `templates/`. */
  templatesDir: string;
  onEvent: (event: PreviewEvent) => void;
}

// A standby worker is started this long after a reload, so that it does not slow the reload.
const spareDelayMs = 1_500;

/** The standby worker: started ahead of need, and the next one once the machine is quiet. */
class SpareWorker {
  private handle: RenderWorkerHandle | undefined;
  private timer: NodeJS.Timeout | undefined;
  private isClosed = false;

  constructor(private readonly templatesDir: string) {
    this.handle = new RenderWorkerHandle(templatesDir);
  }

  /** The standby worker (a new one if there is none), with the next one started later. */
  take(): RenderWorkerHandle {
    const handle = this.handle ?? new RenderWorkerHandle(this.templatesDir);
    this.handle = undefined;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.isClosed) this.handle ??= new RenderWorkerHandle(this.templatesDir);
    }, spareDelayMs);
    this.timer.unref();
    return handle;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.timer);
    await this.handle?.terminate();
  }
}

/**
 * The templates' generations, each in a worker of its own. A change to the templates compiles
 * them (syntax only, ~50 ms) into a new folder, loads them in the standby worker, which already
 * holds satori, resvg and sharp, and only then makes it the active one: drawing never waits on
 * a half-loaded worker. Without TypeScript, the built templates are loaded once.
 */
export class WorkerGenerations {
  /**
   * Compiles the templates and swaps in a worker that draws with them, if they changed. Calls
   * that come while one runs are folded into one more run after it.
   */
  readonly reload: () => Promise<void>;
  private current: Generation | undefined;
  private failure: Problem | undefined;
  private count = 0;
  private reviving: Promise<void> | undefined;
  private isClosed = false;

  private constructor(
    private readonly options: GenerationsOptions,
    private readonly workDir: string,
    private readonly canCompile: boolean,
    private readonly spare: SpareWorker,
  ) {
    this.reload = foldCalls(
      () => this.reloadOnce(),
      () => this.isClosed,
    );
  }

  /** Starts the standby worker and loads the first generation. */
  static async start(options: GenerationsOptions): Promise<WorkerGenerations> {
    // Started first: it loads satori, resvg and sharp while the templates are compiled.
    const spare = new SpareWorker(options.templatesDir);
    const workDir = await mkdtemp(join(tmpdir(), 'excerpt-preview-'));
    const generations = new WorkerGenerations(
      options,
      workDir,
      await canReload(workDir, options.onEvent),
      spare,
    );
    await generations.reload();
    return generations;
  }

  /** The generation drawing now; undefined until one has loaded. */
  get active(): Generation | undefined {
    return this.current;
  }

  /** Why the templates as they are now cannot be used; undefined while they can. */
  get problem(): Problem | undefined {
    return this.failure;
  }

  /** Replaces a dead or stuck worker with a new one on the same templates, once at a time. */
  revive(generation: Generation): Promise<void> {
    this.reviving ??= this.restart(generation).finally(() => {
      this.reviving = undefined;
    });
    return this.reviving;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    // Waits for a reload under way to end; once closed, a reload does nothing.
    await this.reload().catch(() => undefined);
    await Promise.all([this.current?.handle.terminate(), this.spare.close()]);
    await rm(this.workDir, { recursive: true, force: true });
  }

  private async reloadOnce(): Promise<void> {
    if (this.isClosed) return;
    const started = performance.now();
    const { templatesDir, onEvent } = this.options;
    if (!this.canCompile) {
      if (this.current === undefined) {
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
    if (hash === this.current?.hash) {
      // Saved unchanged, or changed back to what is running: nothing to compile.
      if (this.failure !== undefined) {
        this.failure = undefined;
        onEvent({ type: 'templates', status: 'reloaded', ms: performance.now() - started });
      }
      return;
    }
    const dir = join(this.workDir, `generation-${++this.count}`);
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
      const candidate = this.spare.take();
      try {
        await candidate.load(urlOf(dir));
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
    const old = this.current;
    this.current = { handle, hash, dir };
    this.failure = undefined;
    if (old !== undefined) {
      void old.handle.terminate();
      if (old.dir !== undefined) void rm(old.dir, { recursive: true, force: true });
    }
    this.options.onEvent({
      type: 'templates',
      status: old === undefined ? 'loaded' : 'reloaded',
      ms: performance.now() - started,
    });
  }

  private fail(problem: Problem): void {
    this.failure = problem;
    this.options.onEvent({ type: 'templates', status: 'failed', problem });
  }

  private async restart(generation: Generation): Promise<void> {
    if (this.current !== generation || this.isClosed) return;
    void generation.handle.terminate();
    const handle = this.spare.take();
    try {
      await handle.load(urlOf(generation.dir));
    } catch (error) {
      void handle.terminate();
      this.fail(problemOfError(error, 'The render worker does not start'));
      return;
    }
    if (this.current === generation) this.current = { ...generation, handle };
    else void handle.terminate();
  }
}

/** A generation folder as the URL a worker loads it from; undefined: the built templates. */
function urlOf(dir: string | undefined): string | undefined {
  return dir === undefined ? undefined : `${pathToFileURL(dir).href}/`;
}

/**
 * Whether edited templates can be loaded: TypeScript compiles them (a devDependency, so it may
 * be missing) into folders of `workDir` linked to the built code. Else the preview draws with
 * the built templates and says so.
 */
async function canReload(
  workDir: string,
  onEvent: (event: PreviewEvent) => void,
): Promise<boolean> {
  const without = 'drawing with the built templates, without reloading them';
  try {
    await loadTypeScript();
  } catch {
    onEvent({ type: 'warning', message: `TypeScript is not installed: ${without}` });
    return false;
  }
  try {
    await linkBuiltCode(workDir, builtDir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    onEvent({
      type: 'warning',
      message: `the built code cannot be linked (${reason}): ${without}`,
    });
    return false;
  }
  return true;
}
