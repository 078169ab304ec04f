import type { BuiltPost } from './built-post.js';
import type { ContainerStatus } from './graph-client.js';
import type { LedgerEntry } from './ledger.js';
import { readStatus, waitUntilReady } from './containers.js';
import { findByCaption } from './find-on-instagram.js';
import { discardContainers, markPublished, outcomeOf } from './post-entry.js';
import { fail, failOrStop, hintOfError, kindOf, messageOf, recordError } from './post-failures.js';
import { RunStop, type PostOutcome, type PostRun } from './post-run.js';
import { seconds } from './timing.js';

/**
 * The one step that cannot be repeated blindly: `media_publish`. The request is recorded before
 * it is sent; when its outcome is unknown (no answer, an error), Instagram is asked what became
 * of it (the carousel container's status) before anything else is done for the post.
 */

/**
 * Asks `media_publish` to publish the carousel, recording the request first. Any failure but
 * a refused token is followed by asking Instagram whether it took effect anyway. Returns the
 * media id, or the post's outcome when it was not published.
 */
export async function requestPublish(
  run: PostRun,
  post: BuiltPost,
  entry: LedgerEntry,
): Promise<string | PostOutcome> {
  const carousel = entry.carousel!.container;
  for (let attempt = 0; ; attempt++) {
    if (run.remainingQuota() === 0) {
      throw new RunStop('quota', post, 'publish', new Error('the publishing limit is used up'));
    }
    run.assertLocked();
    entry.publishRequestedAt = run.clock().toISOString();
    entry.state = 'publishing';
    await run.save(post);
    run.onStep(post, 'publishing');
    let mediaId: string;
    try {
      mediaId = await run.client.publishContainer(carousel);
    } catch (error) {
      recordError(run, entry, 'publish', error);
      await run.save(post);
      const kind = kindOf(error);
      if (kind === 'token' || kind === 'permission')
        throw new RunStop(kind, post, 'publish', error);
      run.onStep(
        post,
        `publishing failed (${messageOf(error)}): asking Instagram whether it took effect`,
      );
      if ((await settlePublishRequest(run, post, entry)) === 'published') return outcomeOf(entry);
      if (kind === 'quota') throw new RunStop('quota', post, 'publish', error);
      if (kind === 'expired') {
        discardContainers(entry);
        await run.save(post);
        return {
          status: 'pending',
          message: 'the containers expired before they were published',
          hint: 'the next run makes new ones and publishes the post',
        };
      }
      const delay = run.timing.retryDelaysMs[attempt];
      if (kind === 'transient' || kind === 'no-response' || kind === 'not-ready') {
        if (delay === undefined) throw new RunStop('unavailable', post, 'publish', error);
        run.onStep(post, `trying again in ${seconds(delay)}`);
        await run.sleep(delay);
        let waited: Awaited<ReturnType<typeof waitUntilReady>>;
        try {
          waited = await waitUntilReady(run, post, entry, carousel);
        } catch (waitError) {
          return failOrStop(run, post, entry, 'status', waitError);
        }
        if (waited === 'PUBLISHED') return markPublishedByStatus(run, post, entry);
        if (waited === 'FINISHED') continue;
        discardContainers(entry);
        await run.save(post);
        return {
          status: 'pending',
          message: `the carousel container became ${waited} while publishing was retried`,
          hint: 'the next run makes new containers and publishes the post',
        };
      }
      return fail(run, post, entry, 'publish', messageOf(error), {
        isInput: kind === 'input',
        hint: kind === 'input' ? hintOfError(error) : 'the next run tries again',
      });
    }
    markPublished(run, entry, mediaId);
    run.countPublished();
    await run.save(post);
    run.onStep(post, `published as media ${mediaId}`);
    return mediaId;
  }
}

/**
 * Settles a publish request whose outcome is unknown by asking the carousel container's
 * status: PUBLISHED means it took. FINISHED is read again a couple of times, a poll apart (a
 * request still being carried out reads FINISHED for a moment), before it is taken to mean the
 * request did not take. A status that cannot be read stops the run: never publish blindly.
 */
export async function settlePublishRequest(
  run: PostRun,
  post: BuiltPost,
  entry: LedgerEntry,
): Promise<'published' | 'not-published'> {
  const container = entry.carousel!.container;
  for (let reading = 0; ; reading++) {
    let statusCode: ContainerStatus;
    try {
      ({ statusCode } = await readStatus(run, post, entry, container));
    } catch (error) {
      if (error instanceof RunStop && error.kind !== 'unavailable') throw error;
      throw new RunStop(
        'unknown-outcome',
        post,
        'status',
        error instanceof RunStop ? error.cause : error,
      );
    }
    if (statusCode === 'PUBLISHED') {
      await markPublishedByStatus(run, post, entry);
      return 'published';
    }
    if (statusCode === 'FINISHED' && reading < 2) {
      await run.sleep(run.timing.firstPollMs);
      continue;
    }
    delete entry.publishRequestedAt;
    entry.state = 'creating';
    await run.save(post);
    run.onStep(post, `it did not: the carousel container is ${statusCode}`);
    return 'not-published';
  }
}

/** Records a post Instagram says is live (its container PUBLISHED), then looks for its media id. */
export async function markPublishedByStatus(
  run: PostRun,
  post: BuiltPost,
  entry: LedgerEntry,
): Promise<PostOutcome> {
  markPublished(run, entry, undefined, 'status');
  await run.save(post);
  run.onStep(post, 'Instagram says it is published');
  const found = await findByCaption(run, post, post.caption, true);
  if (found !== undefined) {
    entry.mediaId = found.id;
    if (found.permalink !== undefined) entry.permalink = found.permalink;
    await run.save(post);
  }
  return outcomeOf(entry);
}
