import type { BuiltPost } from './built-post.js';
import { GraphApiError, type RecentMedia } from './graph-client.js';
import { kindOf } from './post-failures.js';
import { RunStop, type PostRun } from './post-run.js';
import { credentialError } from './stop-errors.js';

/**
 * A post found on Instagram by its caption: the second guard against posting twice (the ledger
 * is the first), for a ledger restored from an old backup, a post made by hand, or a publish
 * request that took effect without its answer.
 */

/** The post among the account's latest whose caption is the post's, if any. */
export async function findByCaption(
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

/** For a dry run: the post among the account's latest whose caption is `caption`, if any. */
export async function findOnInstagram(
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
