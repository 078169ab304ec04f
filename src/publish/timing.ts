import { InputError } from '../errors.js';

/** How long `excerpt publish` waits, and for what. */
export interface PublishTiming {
  /** The first wait between reads of a container's status; each next one is 1.5 times longer. */
  firstPollMs: number;
  maxPollMs: number;
  /** How long a container may stay IN_PROGRESS before the post is left to the next run. */
  pollBudgetMs: number;
  /** The waits before each retry of a request that failed for a passing reason. */
  retryDelaysMs: readonly number[];
  /** How long one request may take before its outcome is taken to be unknown. */
  requestTimeoutMs: number;
  /** When the ledger's lock, no longer refreshed, is taken to be left by a run that died. */
  lockStaleMs: number;
}

/**
 * Meta suggests reading a container's status about once a minute for up to five minutes; images
 * are usually ready in seconds, so the first read comes after a second and the waits grow.
 * Rate limits (codes 4 and 17) last minutes: three retries within a minute, then the next run.
 */
export const defaultTiming: PublishTiming = {
  firstPollMs: 1_000,
  maxPollMs: 30_000,
  pollBudgetMs: 5 * 60_000,
  retryDelaysMs: [2_000, 8_000, 30_000],
  requestTimeoutMs: 60_000,
  lockStaleMs: 10_000,
};

/** The environment variable that shortens every wait, for tests. */
export const timeScaleVariable = 'EXCERPT_PUBLISH_TIME_SCALE';

/**
 * The timing to use: the defaults, every wait multiplied by EXCERPT_PUBLISH_TIME_SCALE (a
 * number above 0, at most 1) when it is set. It exists for tests, which must not sleep real
 * minutes. A request's timeout stays at least two seconds (a local server under load still
 * answers), and the lock's staleness at least two seconds (proper-lockfile's least).
 */
export function timingFromEnv(env: NodeJS.ProcessEnv = process.env): PublishTiming {
  const text = env[timeScaleVariable];
  if (text === undefined || text.trim() === '') return defaultTiming;
  const scale = Number(text);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
    throw new InputError(`${timeScaleVariable}=${text} is not a number above 0 and at most 1`, {
      hint: `it shortens publish's waits for tests; unset it for real use`,
    });
  }
  const scaled = (ms: number): number => Math.max(1, Math.round(ms * scale));
  return {
    firstPollMs: scaled(defaultTiming.firstPollMs),
    maxPollMs: scaled(defaultTiming.maxPollMs),
    pollBudgetMs: scaled(defaultTiming.pollBudgetMs),
    retryDelaysMs: defaultTiming.retryDelaysMs.map(scaled),
    requestTimeoutMs: Math.max(2_000, scaled(defaultTiming.requestTimeoutMs)),
    lockStaleMs: Math.max(2_000, scaled(defaultTiming.lockStaleMs)),
  };
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A wait as a progress message gives it: milliseconds under a second, else seconds. */
export function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
