import type { BuiltPost } from './built-post.js';
import { GraphApiError, type ContainerStatus } from './graph-client.js';
import type { LedgerEntry } from './ledger.js';
import { failOrStop, kindOf, recordError, withRetries } from './post-failures.js';
import { RunStop, type PostOutcome, type PostRun } from './post-run.js';
import { seconds } from './timing.js';
import { imageUrlOf } from './verify-images.js';

/**
 * A post's containers: one a slide, with its alt text, then the carousel's with the caption;
 * those of an earlier run reused while they are valid; their status read, and waited on until
 * Instagram has processed them.
 */

/** Containers live 24 hours; one nearly that old is not worth asking about. */
const containerLifeMs = 23 * 60 * 60 * 1000;

/** Makes the slides' containers a run has not made yet, then the carousel's. */
export async function makeContainers(
  run: PostRun,
  post: BuiltPost,
  entry: LedgerEntry,
): Promise<PostOutcome | undefined> {
  const now = run.clock().getTime();
  for (const slide of post.slides) {
    const index = entry.children.findIndex((child) => child.file === slide.file);
    const prior = index === -1 ? undefined : entry.children[index];
    if (
      prior !== undefined &&
      prior.sha256 === slide.sha256 &&
      now - Date.parse(prior.createdAt) < containerLifeMs
    ) {
      const status = await readStatusIfKnown(run, post, entry, prior.container);
      if (status === 'FINISHED' || status === 'IN_PROGRESS') {
        run.onStep(post, `reusing the container of ${slide.file}`);
        continue;
      }
    }
    run.onStep(post, `making the container of ${slide.file}`);
    let container: string;
    try {
      container = await withRetries(run, post, entry, `slide ${slide.file}`, () =>
        run.client.createImageContainer({
          imageUrl: imageUrlOf(run.baseUrl, slide.path),
          altText: slide.altText,
        }),
      );
    } catch (error) {
      return failOrStop(run, post, entry, `slide ${slide.file}`, error);
    }
    const child = {
      file: slide.file,
      sha256: slide.sha256,
      container,
      createdAt: run.clock().toISOString(),
    };
    if (index === -1) entry.children.push(child);
    else entry.children[index] = child;
    await run.save(post);
  }
  // Slides the post no longer has (it was rebuilt with fewer) are not part of the carousel.
  const files = post.slides.map((slide) => slide.file);
  entry.children = files.map((file) => entry.children.find((child) => child.file === file)!);

  run.onStep(post, 'making the carousel container');
  try {
    const container = await withRetries(run, post, entry, 'carousel', () =>
      run.client.createCarouselContainer({
        children: entry.children.map((child) => child.container),
        caption: post.caption,
      }),
    );
    entry.carousel = { container, createdAt: run.clock().toISOString() };
  } catch (error) {
    return failOrStop(run, post, entry, 'carousel', error);
  }
  await run.save(post);
  return undefined;
}

/**
 * Reads the carousel's status until it is no longer IN_PROGRESS: at once, then after a second,
 * each wait half as long again, within the time budget.
 */
export async function waitUntilReady(
  run: PostRun,
  post: BuiltPost,
  entry: LedgerEntry,
  container: string,
): Promise<Exclude<ContainerStatus, 'IN_PROGRESS'> | 'timeout'> {
  const { firstPollMs, maxPollMs, pollBudgetMs } = run.timing;
  const deadline = Date.now() + pollBudgetMs;
  let delay = firstPollMs;
  for (;;) {
    const { statusCode, status } = await readStatus(run, post, entry, container);
    if (statusCode !== 'IN_PROGRESS') {
      if (statusCode === 'ERROR' && status !== undefined) {
        recordError(run, entry, 'status', new Error(`ERROR: ${status}`));
      }
      return statusCode;
    }
    if (Date.now() + delay > deadline) {
      recordError(run, entry, 'status', new Error('still IN_PROGRESS when the wait ended'));
      return 'timeout';
    }
    run.onStep(
      post,
      `Instagram is processing the carousel; reading its status again in ${seconds(delay)}`,
    );
    await run.sleep(delay);
    delay = Math.min(delay * 1.5, maxPollMs);
  }
}

/** A container's status, with transient failures retried; a refused token stops the run. */
export async function readStatus(
  run: PostRun,
  post: BuiltPost,
  entry: LedgerEntry,
  container: string,
): Promise<{ statusCode: ContainerStatus; status?: string }> {
  try {
    return await withRetries(run, post, entry, 'status', () =>
      run.client.readContainerStatus(container),
    );
  } catch (error) {
    const kind = kindOf(error);
    if (kind === 'token' || kind === 'permission') throw new RunStop(kind, post, 'status', error);
    if (kind === 'transient' || kind === 'no-response') {
      throw new RunStop('unavailable', post, 'status', error);
    }
    throw error;
  }
}

/** A container's status, or undefined when Instagram does not know it (deleted, another account). */
export async function readStatusIfKnown(
  run: PostRun,
  post: BuiltPost,
  entry: LedgerEntry,
  container: string,
): Promise<ContainerStatus | undefined> {
  try {
    return (await readStatus(run, post, entry, container)).statusCode;
  } catch (error) {
    if (error instanceof GraphApiError) return undefined;
    throw error;
  }
}
