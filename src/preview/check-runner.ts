import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Issue } from '../issue.js';
import { builtDir } from './render-worker-handle.js';

/** What the studio asks the check worker: check this data folder. */
export interface CheckRequest {
  id: number;
  dataDir: string;
}

/** One scheduled post as `check` laid it out: its slides, and what each Q&A takes. */
export interface CheckedPost {
  /** The campaign's file, and the post's index in its `posts`. */
  file: string;
  index: number;
  interview: string;
  date: string;
  qa: string[];
  /** Null when it could not be laid out (a fit or glyph error says why). */
  slides: number | null;
  perQa: { id: string; slides: number }[];
}

/** Everything `check` found in the data, and the posts it laid out. */
export interface CheckedData {
  /** Errors, then warnings, each in check's order. */
  issues: Issue[];
  posts: CheckedPost[];
  campaigns: { id: string; file: string; theme: string }[];
}

export type CheckWorkerReply =
  { id: number; ok: true; data: CheckedData } | { id: number; ok: false; message: string };

const workerFile = join(builtDir, 'src', 'preview', 'check-worker.js');

/**
 * `excerpt check` for the studio, run once per version of the data and kept: the page asks for
 * findings on every redraw of the Interview view, the data changes far less often. The checks
 * run in a worker thread, started on first use (a page that never proofreads never pays).
 */
export class CheckRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: CheckWorkerReply) => void>();
  private last: { version: number; result: Promise<CheckedData> } | undefined;

  constructor(private readonly dataDir: string) {}

  /** Check's findings for the data at `version`: checked once, then as kept. */
  findings(version: number): Promise<CheckedData> {
    if (this.last?.version !== version) {
      const result = this.run();
      // A failed run is not kept: the next request tries again.
      result.catch(() => {
        if (this.last?.result === result) this.last = undefined;
      });
      this.last = { version, result };
    }
    return this.last.result;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private run(): Promise<CheckedData> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) =>
        reply.ok ? resolve(reply.data) : reject(new Error(reply.message)),
      );
      worker.postMessage({ id, dataDir: this.dataDir } satisfies CheckRequest);
    });
  }

  private start(): Worker {
    const worker = new Worker(workerFile);
    worker.unref();
    worker.on('message', (reply: CheckWorkerReply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
    const stop = (message: string): void => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, settle] of this.pending) settle({ id, ok: false, message });
      this.pending.clear();
    };
    worker.on('error', (error) => stop(`the check worker failed: ${error.message}`));
    worker.on('exit', (code) => stop(`the check worker stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }
}
