import { InputError } from '../errors.js';
import type { BuiltPost } from './built-post.js';
import {
  defaultApiUrl,
  GraphApiError,
  type GraphClient,
  type PublishingLimit,
} from './graph-client.js';
import { describeTokenProblem } from './graph-error.js';
import type { Ledger } from './ledger.js';
import type { RunStop } from './post-run.js';
import { PublishStoppedError } from './publish-errors.js';
import type { PostReport } from './run-report.js';

/**
 * Why a run does not start, or stops, said so the person running it knows what to do: no token
 * or account, a token refused, an --api-url that is no Graph API, the publishing limit used up,
 * Instagram away, a publish request whose outcome is unknown.
 */

/** Throws unless there is a token and an account to publish to. */
export function assertCredentials(
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
export async function readLimit(client: GraphClient): Promise<PublishingLimit | undefined> {
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

/** The message for a token Instagram refused, or one that may not publish. */
export function credentialError(
  kind: 'token' | 'permission',
  error: GraphApiError,
): PublishStoppedError {
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
export function stopError(
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
