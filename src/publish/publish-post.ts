import type { BuiltPost } from './built-post.js';
import { makeContainers, readStatusIfKnown, waitUntilReady } from './containers.js';
import { findByCaption } from './find-on-instagram.js';
import { discardContainers, markPublished, outcomeOf } from './post-entry.js';
import { fail, failOrStop, messageOf, recordError, withRetries } from './post-failures.js';
import { RunStop, type PostOutcome, type PostRun } from './post-run.js';
import { markPublishedByStatus, requestPublish, settlePublishRequest } from './publish-request.js';

/**
 * One post through the Graph API, resumable at every step (FACTS.md, "Instagram Graph API:
 * publishing"): a container a slide, with its alt text; the carousel container with the caption;
 * its status read until FINISHED; `media_publish`; the permalink. The ledger entry is saved
 * after every step, and marked just before `media_publish` is asked: from then on, until
 * Instagram says what became of the request, the post is never published blindly again. A
 * rerun reuses the containers that are still valid.
 */

/** Publishes one post, or resumes it where an earlier run stopped. */
export async function publishPost(run: PostRun, post: BuiltPost): Promise<PostOutcome> {
  const entry = run.entryOf(post);
  entry.attempts += 1;

  // A request whose outcome is unknown is settled first, whatever changed since.
  if (entry.publishRequestedAt !== undefined && entry.carousel !== undefined) {
    run.onStep(post, 'asking Instagram whether the earlier publish request took effect');
    if ((await settlePublishRequest(run, post, entry)) === 'published') {
      return outcomeOf(entry);
    }
  }
  // With the limit used up, nothing is made: containers would only expire unused.
  if (run.remainingQuota() === 0) {
    throw new RunStop('quota', post, 'publish', new Error('the publishing limit is used up'));
  }
  if (entry.account !== run.account || entry.content !== post.content) {
    discardContainers(entry);
    entry.account = run.account;
    entry.content = post.content;
  }
  delete entry.failure;
  delete entry.publishRequestedAt;
  entry.state = 'creating';
  entry.publishAt = post.publishAt;
  await run.save(post);

  let restarts = 0;
  for (;;) {
    if (entry.carousel !== undefined) {
      const status = await readStatusIfKnown(run, post, entry, entry.carousel.container);
      if (status === 'PUBLISHED') return markPublishedByStatus(run, post, entry);
      if (status !== 'FINISHED' && status !== 'IN_PROGRESS') {
        run.onStep(post, `the carousel container is ${status ?? 'unknown'}: making new ones`);
        discardContainers(entry);
        await run.save(post);
      } else {
        run.onStep(post, 'reusing the carousel container of an earlier run');
      }
    }
    if (entry.carousel === undefined) {
      if (entry.children.length === 0) {
        // About to make the post afresh: is it on Instagram already (a ledger restored from an
        // old backup, a post made by hand)? Then it is recorded, not posted again.
        const found = await findByCaption(run, post, post.caption);
        if (found !== undefined) {
          markPublished(run, entry, found.id, 'caption');
          if (found.permalink !== undefined) entry.permalink = found.permalink;
          if (found.timestamp !== undefined) entry.publishedAt = found.timestamp;
          await run.save(post);
          return outcomeOf(entry);
        }
      }
      const outcome = await makeContainers(run, post, entry);
      if (outcome !== undefined) return outcome;
    }

    const carousel = entry.carousel!.container;
    let waited: Awaited<ReturnType<typeof waitUntilReady>>;
    try {
      waited = await waitUntilReady(run, post, entry, carousel);
    } catch (error) {
      return failOrStop(run, post, entry, 'status', error);
    }
    if (waited === 'PUBLISHED') return markPublishedByStatus(run, post, entry);
    if (waited === 'FINISHED') break;
    if (waited === 'timeout') {
      await run.save(post);
      return {
        status: 'pending',
        message: 'Instagram was still processing the carousel when this run stopped waiting',
        hint: 'the next run reuses the containers and publishes it',
      };
    }
    // EXPIRED or ERROR: new containers, once a run.
    if (waited === 'EXPIRED' && restarts++ === 0) {
      run.onStep(post, 'the containers expired: making new ones');
      discardContainers(entry);
      await run.save(post);
      continue;
    }
    return fail(
      run,
      post,
      entry,
      'carousel',
      `Instagram could not process the carousel (${waited})`,
      {
        isInput: false,
        hint: 'the next run makes new containers; if it fails again, look at the slides in out/',
      },
    );
  }

  const mediaId = await requestPublish(run, post, entry);
  if (typeof mediaId !== 'string') return mediaId;

  run.onStep(post, 'reading its permalink');
  try {
    entry.permalink = await withRetries(run, post, entry, 'permalink', () =>
      run.client.readPermalink(mediaId),
    );
    await run.save(post);
  } catch (error) {
    // The post is live: a permalink that cannot be read is a note, never a failure.
    recordError(run, entry, 'permalink', error);
    await run.save(post);
    return {
      ...outcomeOf(entry),
      note: `published, but its permalink could not be read (${messageOf(error)}); the next run reads it`,
    };
  }
  return outcomeOf(entry);
}
