import type { Dataset } from '../data/load.js';
import { readLedger, type Ledger, type LedgerEntry } from './ledger.js';
import { scheduledPosts } from './built-post.js';

/**
 * Where each scheduled post stands on Instagram, from the publish ledger: what the studio shows
 * beside each post (PRODUCT.md: "status per post").
 */
export type PublishStatus =
  | {
      state: 'published';
      mediaId?: string;
      /** Absent while it could not be read; the next publish run reads it. */
      permalink?: string;
      publishedAt?: string;
    }
  /** Refused by Instagram, or failed too often: `isFinal` ones wait for a new build or --only. */
  | { state: 'failed'; error: string; hint?: string; at: string; isFinal: boolean }
  /** Its time has come and it is not published yet; `progress` when a run has begun it. */
  | { state: 'due'; publishAt: string; progress?: 'creating' | 'publishing' }
  | { state: 'scheduled'; publishAt: string }
  /** Its time passed more than a day ago and no run began it: --due leaves it (hasMissedItsTime). */
  | { state: 'missed'; publishAt: string };

/**
 * How late `publish --due` still publishes a post no run has begun: a day, so a machine that was
 * off overnight still catches up. A post older than that has missed its time: an Advent post in
 * January, or a campaign of years ago posted by hand and never recorded in the ledger, must not
 * go out because cron meets it. It goes out only on purpose: `--only` its date, or `--since`.
 */
export const lateLimitMs = 24 * 60 * 60 * 1000;

/** The time before which a post `--due` meets has missed its time: a day before `now`. */
export function missedBefore(now: Date): Date {
  return new Date(now.getTime() - lateLimitMs);
}

/**
 * Whether a run began a post: made a container of it, or asked Instagram to publish it. An entry
 * with nothing made (a run that stopped before its first container) has begun nothing: nothing
 * of it can be on Instagram, so it may miss its time like a post no run met.
 */
export function hasBegun(entry: LedgerEntry | undefined): boolean {
  return (
    entry !== undefined &&
    (entry.state === 'publishing' ||
      entry.state === 'published' ||
      entry.publishRequestedAt !== undefined ||
      entry.children.length > 0 ||
      entry.carousel !== undefined)
  );
}

/** Whether a post has missed its time: no run began it, and its time was before `since`. */
export function hasMissedItsTime(
  entry: LedgerEntry | undefined,
  publishAt: string,
  since: Date,
): boolean {
  return !hasBegun(entry) && Date.parse(publishAt) < since.getTime();
}

/** A post's status from its ledger entry (undefined: none yet) at the time `now`. */
export function publishStatusOf(
  entry: LedgerEntry | undefined,
  publishAt: string,
  now: Date,
): PublishStatus {
  if (entry?.state === 'published') {
    return {
      state: 'published',
      ...(entry.mediaId === undefined ? {} : { mediaId: entry.mediaId }),
      ...(entry.permalink === undefined ? {} : { permalink: entry.permalink }),
      ...(entry.publishedAt === undefined ? {} : { publishedAt: entry.publishedAt }),
    };
  }
  if (entry?.state === 'failed' && entry.failure !== undefined) {
    const { failure } = entry;
    return {
      state: 'failed',
      error: `${failure.step}: ${failure.message}`,
      ...(failure.hint === undefined ? {} : { hint: failure.hint }),
      at: failure.at,
      isFinal: failure.isFinal,
    };
  }
  if (Date.parse(publishAt) > now.getTime()) return { state: 'scheduled', publishAt };
  if (hasMissedItsTime(entry, publishAt, missedBefore(now))) return { state: 'missed', publishAt };
  const progress = !hasBegun(entry)
    ? undefined
    : entry?.state === 'publishing'
      ? 'publishing'
      : 'creating';
  return { state: 'due', publishAt, ...(progress === undefined ? {} : { progress }) };
}

/**
 * Every scheduled post's status, by post id (`<campaign>/<date>-<party>`, as the studio's
 * posts are keyed), reading each campaign's ledger from the data folder. A ledger that cannot
 * be read is thrown (an InputError naming it): a status guessed without it could say "due" of
 * a post that is live.
 */
export async function readPublishStatuses(
  dataDir: string,
  dataset: Dataset,
  now: Date = new Date(),
): Promise<Map<string, PublishStatus>> {
  const statuses = new Map<string, PublishStatus>();
  const ledgers = new Map<string, Ledger>();
  for (const campaign of dataset.campaigns) {
    ledgers.set(campaign.id, await readLedger(dataDir, campaign.id));
  }
  for (const post of scheduledPosts(dataset, dataset.campaigns)) {
    const entry = ledgers.get(post.campaign.id)?.posts[post.folder];
    statuses.set(post.id, publishStatusOf(entry, post.publishAt, now));
  }
  return statuses;
}
