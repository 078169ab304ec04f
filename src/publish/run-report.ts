import type { InputError } from '../errors.js';
import type { BuiltPost, ScheduledPost } from './built-post.js';
import type { RecentMedia } from './graph-client.js';
import type { LedgerEntry } from './ledger.js';
import type { PostOutcome } from './post-run.js';
import { PostsNotPublishedError } from './publish-errors.js';

/**
 * What a run reports: a line for every selected post, in the order they are due, and the error
 * that names every post not published.
 */

/** What became of a selected post. */
export interface PostReport {
  id: string;
  publishAt: string;
  status: 'published' | 'already-published' | 'would-publish' | 'failed' | 'pending' | 'missed';
  mediaId?: string;
  permalink?: string;
  note?: string;
  error?: { message: string; hint?: string };
}

/** What a run did: what it was asked, the quota, a line for every post, and why it stopped. */
export interface PublishReport {
  /** What was asked for: the posts due, or those of one date. */
  select: 'due' | 'only';
  now: string;
  dryRun: boolean;
  account?: string;
  /** The publishing limit as read at the start, when it was read. */
  quota?: { used: number; total: number };
  /** Every selected post, in the order they are due. */
  posts: PostReport[];
  /** For --due: the first post due after now, if any. */
  next?: { id: string; publishAt: string };
  /** Why the run stopped or what was not published: an error to report after the report. */
  error?: InputError;
}

/** The report in due order; `error` names every post not published, unless the run stopped. */
export function finishReport(
  report: PublishReport,
  selected: readonly ScheduledPost[],
  reports: ReadonlyMap<string, PostReport>,
): PublishReport {
  report.posts = selected.flatMap((post) => {
    const entry = reports.get(post.id);
    return entry === undefined ? [] : [entry];
  });
  if (report.error === undefined && !report.dryRun) {
    const missed = report.posts.filter(
      (post) => post.status === 'failed' || post.status === 'pending',
    );
    if (missed.length > 0) {
      report.error = new PostsNotPublishedError(
        missed.map((post) => ({
          file: post.id,
          message: post.error?.message ?? post.status,
          ...(post.error?.hint === undefined ? {} : { hint: post.error.hint }),
        })),
        report.posts.length,
      );
    }
  }
  return report;
}

/** A post the ledger records as published. */
export function publishedReport(
  post: ScheduledPost,
  entry: LedgerEntry,
  status: PostReport['status'],
): PostReport {
  return {
    id: post.id,
    publishAt: post.publishAt,
    status,
    ...(entry.mediaId === undefined ? {} : { mediaId: entry.mediaId }),
    ...(entry.permalink === undefined ? {} : { permalink: entry.permalink }),
    ...(entry.publishedAt === undefined ? {} : { note: `published ${entry.publishedAt}` }),
  };
}

/** What became of a post this run tried to publish. */
export function reportOf(post: BuiltPost, outcome: PostOutcome): PostReport {
  const base = { id: post.id, publishAt: post.publishAt };
  if (outcome.status === 'published') {
    return {
      ...base,
      status: 'published',
      ...(outcome.mediaId === undefined ? {} : { mediaId: outcome.mediaId }),
      ...(outcome.permalink === undefined ? {} : { permalink: outcome.permalink }),
      ...(outcome.note === undefined ? {} : { note: outcome.note }),
    };
  }
  return {
    ...base,
    status: outcome.status,
    error: { message: outcome.message, hint: outcome.hint },
  };
}

/** A post whose last failure was final, unchanged since: --due does not try it again. */
export function notTriedAgainReport(
  post: ScheduledPost,
  failure: NonNullable<LedgerEntry['failure']>,
): PostReport {
  return {
    id: post.id,
    publishAt: post.publishAt,
    status: 'failed',
    note: `failed on ${failure.at}, not tried again`,
    error: {
      message: `${failure.step}: ${failure.message}`,
      ...(failure.hint === undefined ? {} : { hint: failure.hint }),
    },
  };
}

/**
 * A post due before --since that no run began: --due leaves it, and says the command that
 * publishes it anyway (its campaign only, at this run's base URL).
 */
export function missedReport(post: ScheduledPost, baseUrl: URL): PostReport {
  return {
    id: post.id,
    publishAt: post.publishAt,
    status: 'missed',
    note: `its time passed more than 24 hours ago (or before --since) and no run began it, so --due leaves it; if it should still go out: excerpt publish ${post.campaign.id} --only ${post.spec.date} --base-url ${baseUrl.href}`,
  };
}

/** What a dry run would do with a post: publish it, or record it as found on Instagram already. */
export function dryRunReport(
  post: BuiltPost,
  found: RecentMedia | undefined,
  isUnsettled: boolean,
): PostReport {
  return {
    id: post.id,
    publishAt: post.publishAt,
    status: found === undefined ? 'would-publish' : 'already-published',
    ...(isUnsettled && found === undefined
      ? {
          note: 'an earlier publish request’s outcome is unknown: the run asks Instagram before anything else',
        }
      : {}),
    ...(found === undefined
      ? {}
      : {
          note: 'found on Instagram already (the same caption): it would be recorded, not posted again',
          ...(found.permalink === undefined ? {} : { permalink: found.permalink }),
        }),
  };
}

/** A post the run did not get to publish because it stopped, at this post or before it. */
export function stoppedReport(post: BuiltPost, message: string): PostReport {
  return { id: post.id, publishAt: post.publishAt, status: 'pending', error: { message } };
}
