import { DataError, InputError } from '../errors.js';
import type { Issue, IssueCode } from '../issue.js';
import type { TemplateSet } from '../slide/template-set.js';
import { writeFolder } from './output.js';
import type { ImageFormat } from './rasterize.js';
import type { PostSpec } from './post-spec.js';

/** A post to draw, and where it goes. */
export interface DrawJob {
  spec: PostSpec;
  /** The post's folder. */
  dir: string;
  /** The content hash its folder's record will hold. */
  hash: string;
}

export interface DrawOptions<J extends DrawJob> {
  templates: TemplateSet;
  image: ImageFormat;
  svg: boolean;
  /** Slides rasterised at once. */
  jobs: number;
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
  onWritten(job: J, slides: number): void;
}

/** Posts drawn at once: satori on this thread keeps resvg and sharp busy on the thread pool. */
const postsDrawn = 2;
/**
 * Posts drawn and waiting in memory to be written: posts are drawn while later ones are still
 * being laid out, but none is written before every layout has passed. The bound keeps memory
 * flat however long the campaign (a post is a few MB of images at most).
 */
const postsHeld = 8;

/**
 * Lays out every job, then writes them, drawing meanwhile: one bad post stops the build before
 * any file is written, and at most `postsHeld` drawn posts wait in memory. Returns the slides
 * written. (A drawing worker thread was measured too: on two cores it cost more than it saved.)
 */
export async function drawPosts<J extends DrawJob>(
  jobs: readonly J[],
  options: DrawOptions<J>,
): Promise<number> {
  const { drawPost, LimitError, Limiter, planPost, postFileNames } =
    await import('./render-post.js');
  const codeOf = (error: InputError): IssueCode => (error instanceof LimitError ? 'limit' : 'fit');
  const slideLimiter = new Limiter(Math.max(1, options.jobs));
  const drawLimiter = new Limiter(postsDrawn);
  const heldLimiter = new Limiter(postsHeld);
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

  for (const job of jobs) {
    let planned: Awaited<ReturnType<typeof planPost>>;
    try {
      planned = await planPost(job.spec, options.templates);
    } catch (error) {
      if (error instanceof DataError) {
        // An issue that names no file (a character met as satori lays out a campaign's title)
        // is placed at the post.
        options.issues.push(
          ...error.issues.map((issue) => {
            if (issue.file !== undefined) return issue;
            const { file, path } = options.issueOf(job, error, issue.code);
            return { ...issue, ...(file === undefined ? {} : { file }), path };
          }),
        );
      } else if (error instanceof InputError) {
        options.issues.push(options.issueOf(job, error, codeOf(error)));
      } else {
        stop(error);
        await Promise.allSettled(writes);
        throw error;
      }
      continue;
    }
    slidesPlanned += planned.slides.length;
    await options.checkFolder(job, postFileNames(planned.slides.length, options));
    if (options.issues.length > 0) continue;
    writes.push(
      heldLimiter.run(async () => {
        if (isStopped) return;
        const rendered = await drawLimiter.run(() => drawPost(planned, options, slideLimiter));
        await gate;
        if (isStopped) return;
        options.beforeWrite();
        try {
          await writeFolder(job.dir, rendered.files, job.hash);
        } catch (error) {
          // Posts already being written finish; no other starts.
          isStopped = true;
          throw error;
        }
        slidesWritten += rendered.post.slides.length;
        options.onWritten(job, rendered.post.slides.length);
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
