import type { BuiltPost } from './built-post.js';
import { GraphApiError, NoResponseError } from './graph-client.js';
import { hintOfInputError } from './graph-error.js';
import type { ErrorRecord, LedgerEntry } from './ledger.js';
import { discardContainers } from './post-entry.js';
import { RunStop, type PostOutcome, type PostRun } from './post-run.js';
import { seconds } from './timing.js';

/**
 * A post's failed requests: what kind of failure each is, which are retried and how, which stop
 * the run, and how a post that failed is recorded (final after a few runs, or at once when the
 * post itself is at fault).
 */

/** Runs a post's failed attempts before a failure that is not the post's fault stops retrying. */
const attemptsBeforeFinal = 3;

/** Runs a request that is safe to repeat, retrying it after passing failures. */
export async function withRetries<T>(
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
export async function failOrStop(
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
export async function fail(
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

/** Adds a failed request to the entry's errors, with the Graph API's codes when it has them. */
export function recordError(run: PostRun, entry: LedgerEntry, step: string, error: unknown): void {
  const record: ErrorRecord = { at: run.clock().toISOString(), step, message: messageOf(error) };
  if (error instanceof GraphApiError) {
    if (error.facts.code !== undefined) record.code = error.facts.code;
    if (error.facts.subcode !== undefined) record.subcode = error.facts.subcode;
  }
  entry.errors.push(record);
}

/** What a failure is: a Graph API error's kind, no answer at all, or a bug of ours. */
export type ErrorKind = GraphApiError['kind'] | 'no-response' | 'bug';

/** The kind of a failed request's error. */
export function kindOf(error: unknown): ErrorKind {
  if (error instanceof GraphApiError) return error.kind;
  if (error instanceof NoResponseError) return 'no-response';
  return 'bug';
}

/** What would fix a request Instagram refused for its input. */
export function hintOfError(error: unknown): string {
  return error instanceof GraphApiError ? hintOfInputError(error.facts) : 'see the message';
}

/** An error's message, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
