import type { BuiltPost } from './built-post.js';
import {
  GraphApiError,
  NoResponseError,
  type ContainerStatus,
  type GraphClient,
  type RecentMedia,
} from './graph-client.js';
import type { ErrorRecord, LedgerEntry } from './ledger.js';
import type { PublishTiming } from './timing.js';
import { hintOfInputError } from './graph-error.js';
import { imageUrlOf } from './verify-images.js';

/**
 * One post through the Graph API, resumable at every step (FACTS.md, "Instagram Graph API:
 * publishing"): a container a slide, with its alt text; the carousel container with the caption;
 * its status read until FINISHED; `media_publish`; the permalink. The ledger entry is saved
 * after every step, and marked just before `media_publish` is asked: from then on, until
 * Instagram says what became of the request, the post is never published blindly again. A
 * rerun reuses the containers that are still valid.
 */

/** What a run gives each post: the API, the ledger, the clock and where to report progress. */
export interface PostRun {
  client: GraphClient;
  account: string;
  baseUrl: URL;
  timing: PublishTiming;
  /** The post's ledger entry; a new one when the post has none. */
  entryOf(post: BuiltPost): LedgerEntry;
  /** Writes the post's campaign ledger, whole. */
  save(post: BuiltPost): Promise<void>;
  /** Throws when the ledger's lock was lost: another run may be publishing. */
  assertLocked(): void;
  /** The account's latest posts; `fresh` asks again rather than reuse the run's first answer. */
  recentMedia(fresh?: boolean): Promise<RecentMedia[]>;
  /** Posts the publishing limit still allows in this window; undefined when unknown. */
  remainingQuota(): number | undefined;
  countPublished(): void;
  onStep(post: BuiltPost, message: string): void;
  /** The real time, for the ledger (never --now). */
  clock(): Date;
  sleep(ms: number): Promise<void>;
}

export type PostOutcome =
  | {
      status: 'published';
      mediaId?: string;
      permalink?: string;
      /** How it was learnt, when not from media_publish's answer; or why a permalink is missing. */
      note?: string;
    }
  | { status: 'failed'; message: string; hint: string }
  | { status: 'pending'; message: string; hint: string };

/** Why a run cannot go on: raised through publishPost, and made a message by the run. */
export class RunStop extends Error {
  readonly kind: 'token' | 'permission' | 'quota' | 'unavailable' | 'unknown-outcome';
  readonly post: BuiltPost;
  readonly step: string;

  constructor(kind: RunStop['kind'], post: BuiltPost, step: string, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'RunStop';
    this.kind = kind;
    this.post = post;
    this.step = step;
  }
}

/** Containers live 24 hours; one nearly that old is not worth asking about. */
const containerLifeMs = 23 * 60 * 60 * 1000;

/** Runs a post's failed attempts before a failure that is not the post's fault stops retrying. */
const attemptsBeforeFinal = 3;

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

/**
 * Asks `media_publish` to publish the carousel, recording the request first. Any failure but
 * a refused token is followed by asking Instagram whether it took effect anyway. Returns the
 * media id, or the post's outcome when it was not published.
 */
async function requestPublish(
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

/** Makes the slides' containers a run has not made yet, then the carousel's. */
async function makeContainers(
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
async function waitUntilReady(
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

/**
 * Settles a publish request whose outcome is unknown by asking the carousel container's
 * status: PUBLISHED means it took. FINISHED is read again a couple of times, a poll apart (a
 * request still being carried out reads FINISHED for a moment), before it is taken to mean the
 * request did not take. A status that cannot be read stops the run: never publish blindly.
 */
async function settlePublishRequest(
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
async function markPublishedByStatus(
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

function markPublished(
  run: PostRun,
  entry: LedgerEntry,
  mediaId: string | undefined,
  foundBy?: LedgerEntry['foundBy'],
): void {
  entry.state = 'published';
  entry.publishedAt = run.clock().toISOString();
  if (mediaId !== undefined) entry.mediaId = mediaId;
  if (foundBy !== undefined) entry.foundBy = foundBy;
  delete entry.publishRequestedAt;
  delete entry.failure;
}

/** The post among the account's latest whose caption is the post's, if any. */
async function findByCaption(
  run: PostRun,
  post: BuiltPost,
  caption: string,
  fresh = false,
): Promise<RecentMedia | undefined> {
  let recent: RecentMedia[];
  try {
    recent = await run.recentMedia(fresh);
  } catch (error) {
    const kind = kindOf(error);
    if (kind === 'token') throw new RunStop('token', post, 'recent posts', error);
    // The ledger is the guard; this look is a second one, and goes without when it cannot be had.
    return undefined;
  }
  const wanted = normaliseCaption(caption);
  const found = recent.find(
    (media) => media.caption !== undefined && normaliseCaption(media.caption) === wanted,
  );
  if (found !== undefined) {
    run.onStep(
      post,
      `already on Instagram${found.permalink === undefined ? '' : ` (${found.permalink})`}: recorded, not posted again`,
    );
  }
  return found;
}

/** Captions compared as Instagram may give them back: line ends, spaces at the ends, NFC. */
export function normaliseCaption(caption: string): string {
  return caption
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** A container's status, with transient failures retried; a refused token stops the run. */
async function readStatus(
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
async function readStatusIfKnown(
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

/** Runs a request that is safe to repeat, retrying it after passing failures. */
async function withRetries<T>(
  run: PostRun,
  post: BuiltPost,
  entry: LedgerEntry,
  step: string,
  request: () => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const kind = kindOf(error);
      const delay = run.timing.retryDelaysMs[attempt];
      if ((kind !== 'transient' && kind !== 'no-response') || delay === undefined) throw error;
      recordError(run, entry, step, error);
      run.onStep(post, `${step}: ${messageOf(error)}; trying again in ${seconds(delay)}`);
      await run.sleep(delay);
    }
  }
}

/** A failed creation: the run stops for the token, the quota or Instagram away; else the post fails. */
async function failOrStop(
  run: PostRun,
  post: BuiltPost,
  entry: LedgerEntry,
  step: string,
  error: unknown,
): Promise<PostOutcome> {
  recordError(run, entry, step, error);
  await run.save(post);
  const kind = kindOf(error);
  if (kind === 'token' || kind === 'permission' || kind === 'quota') {
    throw new RunStop(kind, post, step, error);
  }
  if (kind === 'transient' || kind === 'no-response') {
    throw new RunStop('unavailable', post, step, error);
  }
  if (!(error instanceof GraphApiError)) throw error;
  return fail(run, post, entry, step, messageOf(error), {
    isInput: kind === 'input',
    hint: kind === 'input' ? hintOfError(error) : 'the next run tries again',
  });
}

/** Records the post as failed, its containers dropped, and says what would fix it. */
async function fail(
  run: PostRun,
  post: BuiltPost,
  entry: LedgerEntry,
  step: string,
  message: string,
  options: { isInput: boolean; hint: string },
): Promise<PostOutcome> {
  const isFinal = options.isInput || entry.attempts >= attemptsBeforeFinal;
  const hint = isFinal
    ? `${options.hint}; it is tried again once built anew, or with --only ${post.date}`
    : options.hint;
  discardContainers(entry);
  entry.state = 'failed';
  entry.failure = { at: run.clock().toISOString(), step, message, hint, isFinal };
  await run.save(post);
  return { status: 'failed', message: `${step}: ${message}`, hint };
}

function discardContainers(entry: LedgerEntry): void {
  entry.children = [];
  delete entry.carousel;
}

function recordError(run: PostRun, entry: LedgerEntry, step: string, error: unknown): void {
  const record: ErrorRecord = { at: run.clock().toISOString(), step, message: messageOf(error) };
  if (error instanceof GraphApiError) {
    if (error.facts.code !== undefined) record.code = error.facts.code;
    if (error.facts.subcode !== undefined) record.subcode = error.facts.subcode;
  }
  entry.errors.push(record);
}

function outcomeOf(entry: LedgerEntry): Extract<PostOutcome, { status: 'published' }> {
  const note =
    entry.foundBy === 'caption'
      ? 'found on Instagram already (the same caption): recorded, not posted again'
      : entry.foundBy === 'status'
        ? 'Instagram says the earlier publish request took effect: not posted again'
        : undefined;
  return {
    status: 'published',
    ...(entry.mediaId === undefined ? {} : { mediaId: entry.mediaId }),
    ...(entry.permalink === undefined ? {} : { permalink: entry.permalink }),
    ...(note === undefined ? {} : { note }),
  };
}

type ErrorKind = GraphApiError['kind'] | 'no-response' | 'bug';

function kindOf(error: unknown): ErrorKind {
  if (error instanceof GraphApiError) return error.kind;
  if (error instanceof NoResponseError) return 'no-response';
  return 'bug';
}

function hintOfError(error: unknown): string {
  return error instanceof GraphApiError ? hintOfInputError(error.facts) : 'see the message';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
