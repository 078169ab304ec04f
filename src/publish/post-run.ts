import type { BuiltPost } from './built-post.js';
import type { GraphClient, RecentMedia } from './graph-client.js';
import type { LedgerEntry } from './ledger.js';
import type { PublishTiming } from './timing.js';

/**
 * What the steps of one post's flow share: the run they work for, what became of the post,
 * and `RunStop`, raised by any step when the whole run cannot go on.
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

/** What became of one post: published, failed, or left to the next run. */
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
