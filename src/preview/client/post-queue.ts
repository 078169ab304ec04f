import type { DrawnPost, Problem } from '../page-protocol.js';
import { fetchPost, unansweredProblem } from './api.js';

/**
 * A post drawn, or what stops it. `transient`: the server did not answer; asked again next
 * time, not remembered.
 */
export type PostResult =
  { ok: true; post: DrawnPost } | { ok: false; problem: Problem; transient?: boolean };

/** Who waits for a key: its element (to see whether it is on screen) and whether it still wants it. */
interface Asker {
  element: Element;
  isWanted: () => boolean;
}

interface Job {
  key: string;
  askers: Asker[];
  resolve: (result: PostResult | null) => void;
}

/** Drawing is slow (a second or so a post): two at a time keep the server's worker busy. */
const maxFetching = 2;

/**
 * Fetching posts: a few at a time, the ones on screen first. Each key is fetched once while its
 * result holds; a post edited again (or a format switched) before its turn is never drawn for
 * nothing, since nobody wants its old key any more.
 */
export class PostQueue {
  private readonly drawn = new Map<string, Promise<PostResult | null>>();
  private readonly waiting: Job[] = [];
  private fetching = 0;

  /** `onStale`: a key the server no longer knows; the state must be fetched again. */
  constructor(private readonly onStale: () => void) {}

  /**
   * The drawn post of a key, or null when it is stale or nobody wants it any more. `isWanted`
   * says whether the asker still shows this key. Never rejects: a server that does not answer
   * is a transient problem.
   */
  fetch(
    key: string,
    element: Element,
    isWanted: () => boolean = () => element.isConnected,
  ): Promise<PostResult | null> {
    const asker = { element, isWanted };
    const queued = this.waiting.find((job) => job.key === key);
    if (queued !== undefined) queued.askers.push(asker);
    let promise = this.drawn.get(key);
    if (promise === undefined) {
      promise = new Promise((resolve) => this.waiting.push({ key, askers: [asker], resolve }));
      this.drawn.set(key, promise);
      // Resolves only, never rejects: nothing to catch.
      void promise.then((result) => {
        if (result === null || (!result.ok && result.transient === true)) this.drawn.delete(key);
      });
      this.pump();
    }
    return promise;
  }

  /** Starts the next fetches: the posts on screen first; the unwanted ones are dropped. */
  pump(): void {
    while (this.fetching < maxFetching && this.waiting.length > 0) {
      for (const job of this.waiting.filter(
        (job) => !job.askers.some((asker) => asker.isWanted()),
      )) {
        this.waiting.splice(this.waiting.indexOf(job), 1);
        job.resolve(null);
      }
      if (this.waiting.length === 0) return;
      let index = this.waiting.findIndex((job) =>
        job.askers.some((asker) => isOnScreen(asker.element)),
      );
      if (index === -1) index = 0;
      const [job] = this.waiting.splice(index, 1);
      if (job === undefined) return;
      this.fetching++;
      // Fire and forget: the job's askers hear of the result, whatever it is.
      void this.run(job);
    }
  }

  private async run(job: Job): Promise<void> {
    let result: PostResult | null;
    try {
      const reply = await fetchPost(job.key);
      if (reply === 'stale') {
        this.onStale();
        result = null;
      } else result = reply;
    } catch (error) {
      result = {
        ok: false,
        transient: true,
        problem: unansweredProblem(
          error instanceof Error ? error.message : String(error),
          'is excerpt preview still running?',
        ),
      };
    }
    this.fetching--;
    job.resolve(result);
    this.pump();
  }
}

/** Whether an element is shown, at least in part, in the window. */
function isOnScreen(element: Element): boolean {
  if (!element.isConnected || element.closest('[hidden]')) return false;
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight && box.width > 0;
}

/** Resolves once every image has loaded (or failed), so a swap never shows half a post. */
export function preload(urls: readonly string[]): Promise<void> {
  return Promise.all(
    urls.map(
      (url) =>
        new Promise<void>((resolve) => {
          const image = new Image();
          image.onload = image.onerror = () => resolve();
          image.src = url;
        }),
    ),
  ).then(() => undefined);
}
