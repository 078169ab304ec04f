import { join } from 'node:path';
import { loadData } from '../data/load.js';
import { InputError } from '../errors.js';
import type { PublishProblem } from './publish-errors.js';
import { lockOutputFolder } from '../render/output-lock.js';
import { readBuiltPost, scheduledPosts, selectCampaigns, type BuiltPost } from './built-post.js';
import type { ScheduledPost } from './built-post.js';
import {
  createGraphClient,
  defaultApiUrl,
  GraphApiError,
  type GraphClient,
  type PublishingLimit,
  type RecentMedia,
} from './graph-client.js';
import { describeTokenProblem } from './graph-error.js';
import {
  ledgerFolderName,
  readLedger,
  writeLedger,
  type Ledger,
  type LedgerEntry,
} from './ledger.js';
import {
  PostsNotPublishedError,
  PostsNotReadyError,
  PublishStoppedError,
} from './publish-errors.js';
import {
  normaliseCaption,
  publishPost,
  RunStop,
  type PostOutcome,
  type PostRun,
} from './publish-post.js';
import { sleep, type PublishTiming } from './timing.js';
import { verifyImages } from './verify-images.js';

export interface PublishOptions {
  data: string;
  out: string;
  /** Campaign ids; all when empty. */
  campaigns: readonly string[];
  /** Which posts: those due at `now`, or those of one date (YYYY-MM-DD). */
  select: { due: true } | { only: string };
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

/** What became of a selected post. */
export interface PostReport {
  id: string;
  publishAt: string;
  status: 'published' | 'already-published' | 'would-publish' | 'failed' | 'pending';
  mediaId?: string;
  permalink?: string;
  note?: string;
  error?: { message: string; hint?: string };
}

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
  for (const post of selected) {
    const entry = entryOf(post);
    if (entry?.state === 'published') {
      reports.set(post.id, publishedReport(post, entry, 'already-published'));
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
      reports.set(post.id, {
        id: post.id,
        publishAt: post.publishAt,
        status: 'failed',
        note: `failed on ${failure.at}, not tried again`,
        error: {
          message: `${failure.step}: ${failure.message}`,
          ...(failure.hint === undefined ? {} : { hint: failure.hint }),
        },
      });
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
      reports.set(post.id, {
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
      });
    }
    return finish(report, selected, reports);
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
        reports.set(rest.id, {
          id: rest.id,
          publishAt: rest.publishAt,
          status: 'pending',
          error: {
            message: rest === post ? `stopped: ${error.message}` : 'not tried: the run stopped',
          },
        });
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
  return finish(report, selected, reports);
}

/** The report in due order; `error` names every post not published, unless the run stopped. */
function finish(
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

function assertCredentials(
  token: string | undefined,
  account: string | undefined,
  brandFile: string,
): void {
  if (token === undefined) {
    throw new InputError('INSTAGRAM_ACCESS_TOKEN is not set', {
      hint: 'set it to a long-lived Instagram token (see the README, Publishing: getting a token); --dry-run works without one',
    });
  }
  if (account === undefined) {
    throw new InputError('no Instagram account to publish to', {
      hint: `set INSTAGRAM_USER_ID, or instagram: { userId: "…" } in ${brandFile}`,
    });
  }
}

/** The publishing limit, or undefined when it cannot be read; a refused token stops everything. */
async function readLimit(client: GraphClient): Promise<PublishingLimit | undefined> {
  try {
    return await client.readPublishingLimit();
  } catch (error) {
    if (error instanceof GraphApiError && (error.kind === 'token' || error.kind === 'permission')) {
      throw credentialError(error.kind, error);
    }
    // An answer that is no Graph API error at all (a web page's 404): --api-url is wrong.
    if (
      error instanceof GraphApiError &&
      error.facts.code === undefined &&
      error.facts.status >= 400 &&
      error.facts.status < 500
    ) {
      throw new InputError(`--api-url does not answer as the Graph API: ${error.message}`, {
        hint: `leave --api-url out for ${defaultApiUrl}, or give the Graph API's URL with its version`,
        cause: error,
      });
    }
    // Unknown for now: media_publish says so itself when the limit is reached.
    return undefined;
  }
}

async function findOnInstagram(
  recentMedia: () => Promise<RecentMedia[]>,
  caption: string,
): Promise<RecentMedia | undefined> {
  try {
    const wanted = normaliseCaption(caption);
    return (await recentMedia()).find(
      (media) => media.caption !== undefined && normaliseCaption(media.caption) === wanted,
    );
  } catch (error) {
    if (error instanceof GraphApiError && error.kind === 'token')
      throw credentialError('token', error);
    return undefined;
  }
}

function credentialError(kind: 'token' | 'permission', error: GraphApiError): PublishStoppedError {
  if (kind === 'token') {
    return new PublishStoppedError(
      'token',
      `Instagram refused the access token: ${describeTokenProblem(error.facts.subcode)} (${error.message}); nothing more was attempted`,
      {
        hint: 'a long-lived token lasts 60 days: refresh it before then, or make a new one (see the README, Publishing: getting a token), set INSTAGRAM_ACCESS_TOKEN and run again',
        cause: error,
      },
    );
  }
  return new PublishStoppedError(
    'permission',
    `the access token may not do this: ${error.message}; nothing more was attempted`,
    {
      hint: 'make a token with the permissions instagram_business_basic and instagram_business_content_publish (see the README, Publishing)',
      cause: error,
    },
  );
}

/** The message for a run that stopped, saying what was published and what to do. */
function stopError(
  stop: RunStop,
  built: readonly BuiltPost[],
  index: number,
  reports: ReadonlyMap<string, PostReport>,
  limit: PublishingLimit | undefined,
  ledgers: ReadonlyMap<string, Ledger>,
): PublishStoppedError {
  const cause = stop.cause instanceof GraphApiError ? stop.cause : undefined;
  if ((stop.kind === 'token' || stop.kind === 'permission') && cause !== undefined) {
    return credentialError(stop.kind, cause);
  }
  const published = built
    .slice(0, index)
    .filter((post) => reports.get(post.id)?.status === 'published')
    .map((post) => post.id);
  const left = built.slice(index).map((post) => post.id);
  const done = `published this run: ${published.length === 0 ? 'none' : published.join(', ')}; not yet: ${left.join(', ')}`;
  switch (stop.kind) {
    case 'quota': {
      const window = limit?.windowSeconds ?? 86_400;
      const again = whenQuotaFrees(ledgers, window);
      return new PublishStoppedError(
        'quota',
        `Instagram's publishing limit is used up${limit === undefined ? '' : ` (${limit.total} posts in ${Math.round(window / 3600)} hours)`}; ${done}`,
        {
          hint: `run it again ${again === undefined ? 'within 24 hours' : `after ${again}`}; from cron, a later run publishes the rest`,
          cause: stop,
        },
      );
    }
    case 'unknown-outcome':
      return new PublishStoppedError(
        'unknown-outcome',
        `could not learn whether ${stop.post.id} was published (${stop.message}); ${done}`,
        {
          hint: 'it is not published again until Instagram says it was not: run it again later',
          cause: stop,
        },
      );
    default:
      return new PublishStoppedError(
        'unavailable',
        `Instagram did not answer at ${stop.post.id}, ${stop.step} (${stop.message}); ${done}`,
        {
          hint: 'nothing is lost: the next run goes on where this one stopped, reusing the containers made',
          cause: stop,
        },
      );
  }
}

/**
 * When the limit frees a place again, as far as the ledgers know: the oldest post they
 * recorded within the window, plus the window. Posts made by hand count too, and are not known.
 */
function whenQuotaFrees(
  ledgers: ReadonlyMap<string, Ledger>,
  windowSeconds: number,
): string | undefined {
  const since = Date.now() - windowSeconds * 1000;
  const times = [...ledgers.values()]
    .flatMap((ledger) => Object.values(ledger.posts))
    .flatMap((entry) => (entry.publishedAt === undefined ? [] : [Date.parse(entry.publishedAt)]))
    .filter((time) => time > since);
  if (times.length === 0) return undefined;
  return new Date(Math.min(...times) + windowSeconds * 1000).toISOString();
}

function newEntry(post: BuiltPost, account: string): LedgerEntry {
  return {
    id: post.id,
    publishAt: post.publishAt,
    account,
    state: 'creating',
    attempts: 0,
    content: post.content,
    children: [],
    errors: [],
  };
}

function publishedReport(
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

function reportOf(post: BuiltPost, outcome: PostOutcome): PostReport {
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
