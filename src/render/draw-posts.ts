import { DataError, InputError } from '../errors.js';
import type { Issue, IssueCode } from '../issue.js';
import type { TemplateSet } from '../slide/template-set.js';
import { Limiter } from './limiter.js';
import { writeFolder } from './output.js';
import { postFileNames } from './post-files.js';
import type { ImageFormat } from './rasterize.js';
import type { PlannedPost } from './render-post.js';
import type { PostSpec } from './post-spec.js';

/** A post to draw, and where it goes. */
export interface DrawJob {
  spec: PostSpec;
  /** The post's folder. */
  dir: string;
  /** The content hash its folder's record will hold. */
  hash: string;
}

/** A post laid out, or why it cannot be. */
export type PlanOutcome<P> =
  | { type: 'planned'; post: P; slides: number }
  /** A problem with the post that names no data field: an Instagram limit or fit. */
  | { type: 'problem'; error: InputError; code: IssueCode }
  /** Problems that may name their file and field (a character that cannot be drawn). */
  | { type: 'issues'; issues: readonly Issue[] };

/** A post drawn, in memory: its folder's files, and its contact sheet thumbnails. */
export interface DrawnPost {
  files: Map<string, Buffer>;
  slides: number;
  /** Each slide's thumbnail, raw RGB (contact-sheet.ts thumbnailSize()). */
  thumbnails: Buffer[];
}

/**
 * What lays out and draws posts: this thread (drawInProcess) or worker threads (DrawPool). A
 * planned post is drawn by the drawer that planned it.
 */
export interface PostDrawer<P = unknown> {
  /** Posts laid out at once: one per thread. */
  readonly planning: number;
  /** Posts drawn at once. */
  readonly drawing: number;
  plan(spec: PostSpec): Promise<PlanOutcome<P>>;
  draw(post: P, options: { image: ImageFormat; svg: boolean }): Promise<DrawnPost>;
}

/** Sorts an error met laying out a post: a problem with the post, or a bug (rethrown). */
export function outcomeOfError(error: unknown, isLimit: (error: InputError) => boolean) {
  if (error instanceof DataError) return { type: 'issues', issues: error.issues } as const;
  if (error instanceof InputError)
    return { type: 'problem', error, code: isLimit(error) ? 'limit' : 'fit' } as const;
  throw error;
}

/**
 * Lays out and draws on this thread: satori here, resvg and sharp on libuv's pool, `jobs`
 * slides in flight; with `resvgOnThisThread` (a drawing worker) resvg runs here too.
 */
export async function drawInProcess(
  templates: TemplateSet,
  jobs: number,
  options: { resvgOnThisThread?: boolean } = {},
): Promise<PostDrawer<PlannedPost>> {
  const { drawPost, LimitError, Limiter, planPost } = await import('./render-post.js');
  const slideLimiter = new Limiter(Math.max(1, jobs));
  return {
    planning: 1,
    drawing: postsDrawn,
    plan: async (spec) => {
      try {
        const post = await planPost(spec, templates);
        return { type: 'planned', post, slides: post.slides.length };
      } catch (error) {
        return outcomeOfError(error, (found) => found instanceof LimitError);
      }
    },
    draw: async (post, drawing) => {
      const drawn = await drawPost(
        post,
        { ...drawing, ...options, thumbnails: true },
        slideLimiter,
      );
      return { files: drawn.files, slides: post.slides.length, thumbnails: drawn.thumbnails! };
    },
  };
}

export interface DrawOptions<J extends DrawJob> {
  drawer: PostDrawer;
  image: ImageFormat;
  svg: boolean;
  /** Problems found laying out posts are added here. */
  issues: Issue[];
  /**
   * A problem laying out `job` that is not tied to a data field, as an issue naming the post:
   * `code` says which (an Instagram limit, a character that cannot be drawn, or fit).
   */
  issueOf(job: J, error: InputError, code: IssueCode): Issue;
  /** Checks that `names` may be written into the job's folder, remembering what may not. */
  checkFolder(job: J, names: readonly string[]): Promise<void>;
  /** Once every post is laid out: throws to stop with nothing written. */
  check(slides: number): Promise<void>;
  /** Before each post is written: throws to stop (the output folder's lock was lost). */
  beforeWrite(): void;
  onWritten(job: J, drawn: DrawnPost): void;
}

/** Posts drawn at once by one thread: satori on it keeps resvg and sharp busy on the pool. */
const postsDrawn = 2;
/**
 * Posts drawn and waiting in memory to be written: posts are drawn while later ones are still
 * being laid out, but none is written before every layout has passed. The bound keeps memory
 * flat however long the campaign (a post is a few MB of images at most).
 */
const postsHeld = 8;

/**
 * Lays out every job, then writes them, drawing meanwhile: one bad post stops the build before
 * any file is written, and at most `postsHeld` drawn posts (a few more with many threads) wait
 * in memory. Returns the slides written.
 */
export async function drawPosts<J extends DrawJob>(
  jobs: readonly J[],
  options: DrawOptions<J>,
): Promise<number> {
  const { drawer } = options;
  const planLimiter = new Limiter(drawer.planning);
  const drawLimiter = new Limiter(drawer.drawing);
  const heldLimiter = new Limiter(Math.max(postsHeld, 2 * drawer.drawing));
  let openGate!: () => void;
  let closeGate!: (reason: unknown) => void;
  const gate = new Promise<void>((resolve, reject) => {
    openGate = resolve;
    closeGate = reject;
  });
  gate.catch(() => undefined);
  let isStopped = false;
  const stop = (reason: unknown): void => {
    isStopped = true;
    closeGate(reason);
  };

  let slidesPlanned = 0;
  let slidesWritten = 0;
  const writes: Promise<void>[] = [];
  const settle = async (): Promise<void> => {
    const results = await Promise.allSettled(writes);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
  };

  // Layouts run ahead, one a thread, and are taken in the jobs' order, so that problems are
  // reported in it. A layout that would start once the build has stopped does not. Each waits
  // for the event loop's next turn first: satori's work is synchronous under its promises, so
  // layouts one after the other would hold this thread until the last, and the posts already
  // laid out could not start drawing (their folders are checked by I/O) while the pool is idle.
  const plans = jobs.map((job) =>
    planLimiter.run(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return isStopped
        ? undefined
        : drawer.plan(job.spec).catch((error: unknown) => ({ type: 'failed', error }) as const);
    }),
  );
  for (const [index, job] of jobs.entries()) {
    const planned = await plans[index]!;
    if (planned === undefined) continue;
    if (planned.type === 'failed') {
      stop(planned.error);
      await Promise.allSettled([...writes, ...plans]);
      throw planned.error;
    }
    if (planned.type === 'issues') {
      // An issue that names no file (a character met as satori lays out a campaign's title)
      // is placed at the post.
      const error = new DataError(planned.issues);
      options.issues.push(
        ...planned.issues.map((issue) => {
          if (issue.file !== undefined) return issue;
          const { file, path } = options.issueOf(job, error, issue.code);
          return { ...issue, ...(file === undefined ? {} : { file }), path };
        }),
      );
      continue;
    }
    if (planned.type === 'problem') {
      options.issues.push(options.issueOf(job, planned.error, planned.code));
      continue;
    }
    slidesPlanned += planned.slides;
    await options.checkFolder(job, postFileNames(planned.slides, options));
    if (options.issues.length > 0) continue;
    writes.push(
      heldLimiter.run(async () => {
        if (isStopped) return;
        const drawn = await drawLimiter.run(() =>
          drawer.draw(planned.post, { image: options.image, svg: options.svg }),
        );
        await gate;
        if (isStopped) return;
        options.beforeWrite();
        try {
          await writeFolder(job.dir, drawn.files, job.hash);
        } catch (error) {
          // Posts already being written finish; no other starts.
          isStopped = true;
          throw error;
        }
        slidesWritten += drawn.slides;
        options.onWritten(job, drawn);
      }),
    );
  }

  try {
    await options.check(slidesPlanned);
  } catch (error) {
    stop(error);
    await Promise.allSettled(writes);
    throw error;
  }
  openGate();
  await settle();
  return slidesWritten;
}
