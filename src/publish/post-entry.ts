import type { BuiltPost } from './built-post.js';
import type { LedgerEntry } from './ledger.js';
import type { PostOutcome, PostRun } from './post-run.js';

/**
 * A post's ledger entry as the flow changes it: made for a post never tried, its containers
 * dropped, the post marked published, and the outcome a published entry reports.
 */

/** A ledger entry for a post never tried before. */
export function newEntry(post: BuiltPost, account: string): LedgerEntry {
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

/** Drops the post's containers: whatever comes next makes new ones. */
export function discardContainers(entry: LedgerEntry): void {
  entry.children = [];
  delete entry.carousel;
}

/** Records the post as live now; nothing about it is pending or failed any more. */
export function markPublished(
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

/** A published post's outcome, with a note when it was learnt otherwise than from media_publish. */
export function outcomeOf(entry: LedgerEntry): Extract<PostOutcome, { status: 'published' }> {
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
