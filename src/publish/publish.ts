import { join } from 'node:path';
import { loadData } from '../data/load.js';
import { InputError } from '../errors.js';
import { lockOutputFolder } from '../render/output-lock.js';
import {
  readBuiltPost,
  scheduledPosts,
  selectCampaigns,
  type BuiltPost,
  type ScheduledPost,
} from './built-post.js';
import { createGraphClient, type PublishingLimit, type RecentMedia } from './graph-client.js';
import { findOnInstagram } from './find-on-instagram.js';
import {
  ledgerFolderName,
  readLedger,
  writeLedger,
  type Ledger,
  type LedgerEntry,
} from './ledger.js';
import { newEntry } from './post-entry.js';
import { RunStop, type PostOutcome, type PostRun } from './post-run.js';
import { PostsNotReadyError, type PublishProblem } from './publish-errors.js';
import { publishPost } from './publish-post.js';
import { hasMissedItsTime, missedBefore } from './publish-status.js';
import {
  dryRunReport,
  finishReport,
  notTriedAgainReport,
  missedReport,
  publishedReport,
  reportOf,
  stoppedReport,
  type PostReport,
  type PublishReport,
} from './run-report.js';
import { assertCredentials, readLimit, stopError } from './stop-errors.js';
import { sleep, type PublishTiming } from './timing.js';
import { verifyImages } from './verify-images.js';

/** What `excerpt publish` is asked to do, and with what. */
export interface PublishOptions {
  data: string;
  out: string;
  /** Campaign ids; all when empty. */
  campaigns: readonly string[];
  /**
   * Which posts: those due at `now` (and not due before `since`, by default a day before `now`,
   * unless a run began them: publish-status.ts, hasMissedItsTime), or those of one date.
   */
  select: { due: true; since?: Date } | { only: string };
  /** Where the contents of out/ are served publicly. */
  baseUrl: URL;
  apiUrl: string;
  /** The clock for what is due. */
  now: Date;
  dryRun: boolean;
  /** INSTAGRAM_ACCESS_TOKEN; needed unless `dryRun`. */
  token: string | undefined;
  /** INSTAGRAM_USER_ID; else brand.yaml's instagram.userId. */
  userId: string | undefined;
  timing: PublishTiming;
  onEvent?: (event: PublishEvent) => void;
  fetch?: typeof fetch;
}

/** What a run is doing, for a progress display. */
export type PublishEvent =
  | { type: 'waiting'; dir: string }
  | { type: 'verifying'; posts: number; images: number }
  | { type: 'step'; id: string; message: string };

/**
 * `excerpt publish`: the selected posts of the campaigns, built in out/ and served at the base
 * URL, onto Instagram, each exactly once. Everything is checked before the first container is
 * made: each post's folder whole and built from the data as it is now, Instagram's rules kept,
 * every image served as built. The ledger's folder is locked for the run, so two runs never
 * publish at once. Problems found before anything is sent are thrown; what happens while
 * publishing is in the report, with `error` set when a post was not published or the run stopped.
 */
export async function publishPosts(options: PublishOptions): Promise<PublishReport> {
  const emit = options.onEvent ?? (() => undefined);
  const dataset = await loadData(options.data);
  const account = options.userId ?? dataset.brand.instagram?.userId;
  if (!options.dryRun) assertCredentials(options.token, account, dataset.fileOf.brand);

  const campaigns = selectCampaigns(dataset, options.campaigns);
  const scheduled = scheduledPosts(dataset, campaigns);
  const now = options.now.getTime();
  const selected = scheduled.filter((post) =>
    'only' in options.select
      ? post.spec.date === options.select.only
      : Date.parse(post.publishAt) <= now,
  );
  if ('only' in options.select && selected.length === 0) {
    const dates = [...new Set(scheduled.map((post) => post.spec.date))].sort();
    throw new InputError(`no post is scheduled on ${options.select.only}`, {
      hint: `dates with posts: ${dates.join(', ') || '(none)'}`,
    });
  }
  const next =
    'due' in options.select
      ? scheduled.find((post) => Date.parse(post.publishAt) > now)
      : undefined;
  const report: PublishReport = {
    select: 'due' in options.select ? 'due' : 'only',
    now: options.now.toISOString(),
    dryRun: options.dryRun,
    ...(account === undefined ? {} : { account }),
    posts: [],
    ...(next === undefined ? {} : { next: { id: next.id, publishAt: next.publishAt } }),
  };
  if (selected.length === 0) return report;

  const dir = join(options.data, ledgerFolderName);
  const lock = options.dryRun
    ? undefined
    : await lockOutputFolder(dir, {
        staleMs: options.timing.lockStaleMs,
        // From cron, a run that finds another still publishing gives up soon: the next one goes on.
        waitMs: options.timing.lockStaleMs + 5_000,
        onWait: () => emit({ type: 'waiting', dir }),
        locked: {
          message: `another excerpt publish is running (it holds ${join(dir, '.excerpt.lock')})`,
          hint: 'it holds the lock while it publishes: run this again when it is done (the next cron run will)',
        },
      });
  try {
    return await publishLocked(options, selected, report, account, () => lock?.assertHeld());
  } finally {
    await lock?.release();
  }
}

async function publishLocked(
  options: PublishOptions,
  selected: readonly ScheduledPost[],
  report: PublishReport,
  account: string | undefined,
  assertLocked: () => void,
): Promise<PublishReport> {
  const emit = options.onEvent ?? (() => undefined);
  // Read under the lock: another run may have published a post a moment ago.
  const ledgers = new Map<string, Ledger>();
  for (const id of new Set(selected.map((post) => post.campaign.id))) {
    ledgers.set(id, await readLedger(options.data, id));
  }
  const entryOf = (post: ScheduledPost): LedgerEntry | undefined =>
    ledgers.get(post.campaign.id)!.posts[post.folder];

  const reports = new Map<string, PostReport>();
  const todo: ScheduledPost[] = [];
  // --since reaches further back than the day --due always takes, never less far.
  const since =
    'due' in options.select
      ? new Date(
          Math.min(
            options.select.since?.getTime() ?? Infinity,
            missedBefore(options.now).getTime(),
          ),
        )
      : undefined;
  for (const post of selected) {
    const entry = entryOf(post);
    if (entry?.state === 'published') {
      reports.set(post.id, publishedReport(post, entry, 'already-published'));
    } else if (since !== undefined && hasMissedItsTime(entry, post.publishAt, since)) {
      reports.set(post.id, missedReport(post, options.baseUrl));
    } else todo.push(post);
  }

  const client =
    options.token === undefined || account === undefined
      ? undefined
      : createGraphClient({
          apiUrl: options.apiUrl,
          userId: account,
          token: options.token,
          timeoutMs: options.timing.requestTimeoutMs,
          ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        });

  // The limit is read first: it also finds an expired token before anything is checked or made.
  let limit: PublishingLimit | undefined;
  if (client !== undefined && todo.length > 0) {
    limit = await readLimit(client);
    if (limit !== undefined) report.quota = { used: limit.used, total: limit.total };
  }

  // Every post to publish is read and checked, then every image fetched, before anything is sent.
  const built: BuiltPost[] = [];
  const problems: PublishProblem[] = [];
  for (const post of todo) {
    const result = await readBuiltPost(options.out, post);
    if (result.post === undefined) {
      problems.push(...result.problems);
      continue;
    }
    const entry = entryOf(post);
    const failure = entry?.state === 'failed' ? entry.failure : undefined;
    if (
      failure?.isFinal === true &&
      'due' in options.select &&
      entry?.content === result.post.content
    ) {
      reports.set(post.id, notTriedAgainReport(post, failure));
      continue;
    }
    built.push(result.post);
  }
  if (built.length > 0 && problems.length === 0) {
    const images = built.reduce((sum, post) => sum + post.slides.length, 0);
    emit({ type: 'verifying', posts: built.length, images });
    problems.push(
      ...(await verifyImages(built, options.baseUrl, {
        timeoutMs: options.timing.requestTimeoutMs,
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      })),
    );
  }
  if (problems.length > 0) throw new PostsNotReadyError(problems);

  let recent: Promise<RecentMedia[]> | undefined;
  const recentMedia = (fresh = false): Promise<RecentMedia[]> => {
    if (client === undefined) return Promise.resolve([]);
    if (fresh || recent === undefined) recent = client.listRecentMedia();
    return recent;
  };

  if (options.dryRun) {
    for (const post of built) {
      const found = await findOnInstagram(recentMedia, post.caption);
      const isUnsettled = ledgers.get(post.campaign)?.posts[post.folder]?.state === 'publishing';
      reports.set(post.id, dryRunReport(post, found, isUnsettled));
    }
    return finishReport(report, selected, reports);
  }

  let publishedThisRun = 0;
  const run: PostRun = {
    client: client!,
    account: account!,
    baseUrl: options.baseUrl,
    timing: options.timing,
    entryOf: (post) => {
      const ledger = ledgers.get(post.campaign)!;
      ledger.posts[post.folder] ??= newEntry(post, account!);
      return ledger.posts[post.folder]!;
    },
    save: (post) => writeLedger(options.data, ledgers.get(post.campaign)!),
    assertLocked,
    recentMedia,
    remainingQuota: () =>
      limit === undefined ? undefined : Math.max(0, limit.total - limit.used - publishedThisRun),
    countPublished: () => {
      publishedThisRun += 1;
    },
    onStep: (post, message) => emit({ type: 'step', id: post.id, message }),
    clock: () => new Date(),
    sleep,
  };

  for (const [index, post] of built.entries()) {
    let outcome: PostOutcome;
    try {
      outcome = await publishPost(run, post);
    } catch (error) {
      if (!(error instanceof RunStop)) throw error;
      report.error = stopError(error, built, index, reports, limit, ledgers);
      for (const rest of built.slice(index)) {
        const message = rest === post ? `stopped: ${error.message}` : 'not tried: the run stopped';
        reports.set(rest.id, stoppedReport(rest, message));
      }
      break;
    }
    reports.set(post.id, reportOf(post, outcome));
  }

  // A post published without its permalink (reading it failed) gets it now, if it can be had.
  if (report.error === undefined && client !== undefined) {
    for (const post of selected) {
      const entry = entryOf(post);
      if (entry?.state !== 'published' || entry.permalink !== undefined) continue;
      if (entry.mediaId === undefined) continue;
      try {
        entry.permalink = await client.readPermalink(entry.mediaId);
        await writeLedger(options.data, ledgers.get(post.campaign.id)!);
        const earlier = reports.get(post.id);
        if (earlier !== undefined) reports.set(post.id, { ...earlier, permalink: entry.permalink });
      } catch {
        // Still not to be had: the post is live all the same; the next run tries again.
      }
    }
  }
  return finishReport(report, selected, reports);
}
