import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../paths.js';
import { InputError } from '../errors.js';
import type { InSwedish } from '../issue.js';
import type { SheetRow } from './contact-sheet.js';
import {
  asBuffer,
  type DrawWorkerStart,
  type FromDrawWorker,
  type PlanMessage,
  type SheetRowMessage,
  type ToDrawWorker,
} from './draw-protocol.js';
import type { DrawnPost, PlanOutcome, PostDrawer } from './draw-posts.js';
import type { ImageFormat } from './rasterize.js';
import type { PostSpec } from './post-spec.js';

/** A post planned in a worker: it is drawn there. */
export interface PlannedInWorker {
  worker: DrawWorker;
  id: number;
}

type Reply = Exclude<FromDrawWorker, { type: 'failed' }>;

/**
 * The worker runs compiled JavaScript, so it is always the built one, dist/src/render, as the
 * preview's render worker is (the build itself may run from src/ under the tests, which build
 * dist/ first): it imports templates by a URL that Node can load, a built `templates/index.js`.
 */
const workerFile = join(packageRoot, 'dist', 'src', 'render', 'draw-worker.js');

/** One drawing worker, seen from the build. */
class DrawWorker {
  /** Requests sent and not answered: the pool gives new work to the least busy worker. */
  pending = 0;
  private readonly worker: Worker;
  private readonly waiting = new Map<
    number,
    { resolve: (reply: Reply) => void; reject: (error: Error) => void }
  >();
  private gone: Error | undefined;

  constructor(start: DrawWorkerStart) {
    this.worker = new Worker(workerFile, { workerData: start });
    this.worker.on('message', (message: FromDrawWorker) => {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      this.pending--;
      if (message.type === 'failed') {
        // A problem with the post stays one (exit 2, its hint), not a bug, across the thread.
        const error =
          message.input === undefined
            ? new Error(message.message)
            : new InputError(message.message, optionsOf(message.input));
        if (message.stack !== undefined && message.input === undefined) error.stack = message.stack;
        waiter?.reject(error);
      } else waiter?.resolve(message);
    });
    this.worker.on('error', (error) => this.end(error));
    this.worker.on('exit', (code) => this.end(new Error(`a drawing worker stopped (${code})`)));
  }

  /** Sends a request and waits for its answer. */
  ask(message: ToDrawWorker): Promise<Reply> {
    if (this.gone !== undefined) return Promise.reject(this.gone);
    this.pending++;
    return new Promise((resolve, reject) => {
      this.waiting.set(message.id, { resolve, reject });
      this.worker.postMessage(message);
    });
  }

  async terminate(): Promise<void> {
    this.gone ??= new Error('the drawing workers were stopped');
    await this.worker.terminate();
  }

  private end(error: Error): void {
    this.gone ??= error;
    for (const { reject } of this.waiting.values()) reject(this.gone);
    this.waiting.clear();
  }
}

/**
 * Worker threads that lay out and draw posts (PostDrawer) and contact sheets: each has satori
 * on its own thread, so a build keeps every core busy, not only libuv's pool. Each worker
 * loads the drawing stack and the fonts (~0.3 s of CPU, ~60 MB), so the pool has one worker a
 * core wanted, no more.
 */
export class DrawPool implements PostDrawer<PlannedInWorker> {
  readonly planning: number;
  readonly drawing: number;
  private readonly workers: DrawWorker[];
  private nextId = 1;

  /** `threads` workers drawing with the templates of `templatesUrl`, `jobs` slides each at once. */
  constructor(options: { templatesUrl: string; threads: number; jobs: number }) {
    const start: DrawWorkerStart = { templatesUrl: options.templatesUrl, jobs: options.jobs };
    this.workers = Array.from({ length: options.threads }, () => new DrawWorker(start));
    this.planning = options.threads;
    // Two posts a worker: one being drawn while the next one's first slides are laid out.
    this.drawing = 2 * options.threads;
  }

  async plan(spec: PostSpec): Promise<PlanOutcome<PlannedInWorker>> {
    const worker = this.leastBusy();
    const id = this.nextId++;
    const reply = await worker.ask({ type: 'plan', id, spec });
    if (reply.type !== 'planned') throw new Error(`a drawing worker answered ${reply.type}`);
    return outcomeOf(reply.outcome, { worker, id });
  }

  async draw(
    post: PlannedInWorker,
    options: { image: ImageFormat; svg: boolean },
  ): Promise<DrawnPost> {
    const reply = await post.worker.ask({ type: 'draw', id: post.id, ...options });
    if (reply.type !== 'drawn') throw new Error(`a drawing worker answered ${reply.type}`);
    return {
      files: new Map(reply.files.map(([name, data]) => [name, asBuffer(data)])),
      slides: reply.slides,
      thumbnails: reply.thumbnails.map(asBuffer),
    };
  }

  /** renderContactSheet(), in a worker. */
  async drawSheet(
    heading: { title: string; subtitle: string },
    rows: readonly SheetRow[],
  ): Promise<Buffer> {
    const message: SheetRowMessage[] = rows.map((row) => ({
      ...row,
      slides: row.slides.map((slide) =>
        Buffer.isBuffer(slide) ? { encoded: slide } : { thumbnail: slide.thumbnail },
      ),
    }));
    const reply = await this.leastBusy().ask({
      type: 'sheet',
      id: this.nextId++,
      heading,
      rows: message,
    });
    if (reply.type !== 'sheet') throw new Error(`a drawing worker answered ${reply.type}`);
    return asBuffer(reply.jpeg);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private leastBusy(): DrawWorker {
    return this.workers.reduce((best, worker) => (worker.pending < best.pending ? worker : best));
  }
}

function outcomeOf<P>(message: PlanMessage, post: P): PlanOutcome<P> {
  switch (message.type) {
    case 'planned':
      return { type: 'planned', post, slides: message.slides };
    case 'problem':
      return {
        type: 'problem',
        error: new InputError(message.message, optionsOf(message)),
        code: message.code,
      };
    case 'issues':
      return message;
  }
}

/** An InputError's hint and Swedish words, as they crossed the thread. */
function optionsOf(said: { hint: string | undefined; sv: InSwedish | undefined }): {
  hint?: string;
  sv?: InSwedish;
} {
  return {
    ...(said.hint === undefined ? {} : { hint: said.hint }),
    ...(said.sv === undefined ? {} : { sv: said.sv }),
  };
}
