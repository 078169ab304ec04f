import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../paths.js';
import type { ImageFormat } from '../render/rasterize.js';
import type { PostSpec } from '../render/post-spec.js';
import type { PostJson } from '../render/render-post.js';
import type { Problem } from './problem.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-protocol.js';

/**
 * The worker runs compiled JavaScript, so it is always the built one, dist/src/preview (the
 * server itself may run from src/ under the tests; `npm test` builds dist/ first).
 */
export const builtDir = join(packageRoot, 'dist');
const workerFile = join(builtDir, 'src', 'preview', 'render-worker.js');

export type DrawnPost = { post: PostJson; images: Buffer[] };

/** Raised for a render the worker never finished: it stopped, or was replaced. */
export class WorkerGoneError extends Error {}

/** A thrown Problem: a render that failed with something to show. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.entries[0]?.message ?? problem.title);
  }
}

/** One render worker, seen from the server: start it, load one generation of templates, render. */
export class RenderWorkerHandle {
  readonly standby: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve: (drawn: DrawnPost) => void; reject: (error: Error) => void }
  >();
  private loading: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private nextId = 1;
  private gone: Error | undefined;

  constructor(templatesDir: string) {
    const start: WorkerStart = { templatesDir };
    this.worker = new Worker(workerFile, { workerData: start });
    let onStandby: () => void = () => undefined;
    let onFail: (error: Error) => void = () => undefined;
    this.standby = new Promise((resolve, reject) => {
      onStandby = resolve;
      onFail = reject;
    });
    // Nobody may wait on standby before the worker dies; the failure is still reported on use.
    this.standby.catch(() => undefined);
    this.worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'standby':
          onStandby();
          break;
        case 'ready':
          this.loading?.resolve();
          this.loading = undefined;
          break;
        case 'load-failed':
          this.loading?.reject(new ProblemError(message.problem));
          this.loading = undefined;
          break;
        case 'rendered':
          this.pending.get(message.id)?.resolve({
            post: message.post,
            images: message.images.map((image) =>
              Buffer.from(image.buffer, image.byteOffset, image.byteLength),
            ),
          });
          this.pending.delete(message.id);
          break;
        case 'failed':
          this.pending.get(message.id)?.reject(new ProblemError(message.problem));
          this.pending.delete(message.id);
          break;
      }
    });
    const stop = (error: Error): void => {
      this.gone ??= error;
      onFail(this.gone);
      this.loading?.reject(this.gone);
      this.loading = undefined;
      for (const { reject } of this.pending.values()) reject(this.gone);
      this.pending.clear();
    };
    this.worker.on('error', (error) =>
      stop(new WorkerGoneError(`the render worker failed: ${error.message}`, { cause: error })),
    );
    this.worker.on('exit', (code) =>
      stop(new WorkerGoneError(`the render worker stopped (exit code ${code})`)),
    );
  }

  /** Renders in flight. */
  get busy(): number {
    return this.pending.size;
  }

  /**
   * Loads the render code, with the templates compiled into the folder of `generationUrl`
   * (else the built ones).
   */
  async load(generationUrl: string | undefined): Promise<void> {
    await this.standby;
    if (this.gone !== undefined) throw this.gone;
    const done = new Promise<void>((resolve, reject) => {
      this.loading = { resolve, reject };
    });
    const folder = generationUrl ?? `${pathToFileURL(join(builtDir, 'templates')).href}/`;
    this.post({ type: 'load', templatesUrl: new URL('index.js', folder).href });
    return done;
  }

  /** Draws one post; rejects with a ProblemError for a post that cannot be drawn. */
  render(spec: PostSpec, image: ImageFormat): Promise<DrawnPost> {
    if (this.gone !== undefined) return Promise.reject(this.gone);
    const id = this.nextId++;
    const done = new Promise<DrawnPost>((resolve, reject) =>
      this.pending.set(id, { resolve, reject }),
    );
    this.post({ type: 'render', id, spec, image });
    return done;
  }

  async terminate(): Promise<void> {
    this.gone ??= new WorkerGoneError('the render worker was replaced');
    await this.worker.terminate();
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }
}
