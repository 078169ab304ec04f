import { createHash } from 'node:crypto';
import type { PublishProblem } from './publish-errors.js';
import type { BuiltPost } from './built-post.js';

/** The public URL of a slide: the base URL (where out/ is served) and its path in out/. */
export function imageUrlOf(baseUrl: URL, path: string): string {
  const base = baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`;
  return new URL(path, base).href;
}

/** Downloads at once: enough to be quick, few enough not to look like an attack on a small site. */
const concurrency = 4;

/**
 * Fetches every slide of the posts from where out/ is served, as Meta will, and compares it
 * with the built file's sha256. Returns a problem for each image that is unreachable or not
 * the one built: any one means out/ was not synced (or not since the last build), and nothing
 * may be published.
 */
export async function verifyImages(
  posts: readonly BuiltPost[],
  baseUrl: URL,
  options: { timeoutMs: number; fetch?: typeof fetch },
): Promise<PublishProblem[]> {
  const doFetch = options.fetch ?? fetch;
  const slides = posts.flatMap((post) =>
    post.slides.map((slide) => ({ url: imageUrlOf(baseUrl, slide.path), slide })),
  );
  const problems: (PublishProblem | undefined)[] = new Array<PublishProblem | undefined>(
    slides.length,
  );
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < slides.length) {
      const index = next++;
      const { url, slide } = slides[index]!;
      problems[index] = await verifyOne(doFetch, url, slide.sha256, options.timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, slides.length) }, worker));
  return problems.filter((problem): problem is PublishProblem => problem !== undefined);
}

async function verifyOne(
  doFetch: typeof fetch,
  url: string,
  sha256: string,
  timeoutMs: number,
): Promise<PublishProblem | undefined> {
  const sync =
    'sync out/ to the public place again (see the README, Publishing), or check --base-url';
  let data: Buffer;
  try {
    const response = await doFetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'cache-control': 'no-cache' },
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { file: url, message: `answers HTTP ${response.status}`, hint: sync };
    }
    data = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    // fetch says "fetch failed"; its cause says what happened (ECONNREFUSED, "bad port").
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const reason =
      (error as Error).name === 'TimeoutError'
        ? 'it took too long'
        : typeof cause?.code === 'string'
          ? cause.code
          : typeof cause?.message === 'string'
            ? `${(error as Error).message}: ${cause.message}`
            : (error as Error).message;
    return { file: url, message: `cannot be fetched (${reason})`, hint: sync };
  }
  const digest = createHash('sha256').update(data).digest('hex');
  if (digest === sha256) return undefined;
  return {
    file: url,
    message: `is not the slide that was built (sha256 ${digest.slice(0, 12)}…, built ${sha256.slice(0, 12)}…)`,
    hint: sync,
  };
}
