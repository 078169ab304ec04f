import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import sharp from 'sharp';

/**
 * A fake of the Instagram Graph API's publishing calls, on 127.0.0.1, for tests (FACTS.md,
 * "Instagram Graph API: publishing"). Like Meta, it downloads each `image_url` itself and
 * validates it (JPEG, at most 8 MB, 320–1440 px wide, 4:5 to 1.91:1), checks a carousel's item
 * count (2–10) and caption (at most 2,200 characters, 5 hashtags), answers IN_PROGRESS before
 * FINISHED, refuses to publish a container that is not FINISHED, and counts a publishing limit.
 * Faults can be switched on: a refused token (190), a used-up quota (9/2207042), a transient
 * failure once (code 2, is_transient), a lost `media_publish` response after publishing, an
 * expired carousel container (2207020), a permalink that cannot be read; and any request can be held
 * unanswered, before or after it takes effect, so a test can kill the client at that moment.
 * Everything asked and done is recorded for the test to assert.
 */

export type FakeStep =
  'limit' | 'recent' | 'child' | 'carousel' | 'status' | 'publish' | 'permalink';

export interface RecordedRequest {
  method: string;
  /** The path after the version, e.g. `178…/media`. */
  path: string;
  step: FakeStep | 'unknown';
  params: Record<string, string>;
  authorization: string | undefined;
  /** The full URL asked, to check that no token travels in it. */
  url: string;
}

export interface FakeChild {
  id: string;
  imageUrl: string;
  altText: string | undefined;
  /** The sha256 of the image Meta downloaded. */
  sha256: string;
  expired: boolean;
  reads: number;
}

export interface FakeCarousel {
  id: string;
  children: string[];
  caption: string;
  expired: boolean;
  published: boolean;
  reads: number;
}

export interface FakeMedia {
  id: string;
  creationId: string;
  caption: string;
  permalink: string;
  timestamp: string;
  /** Each item as published: its image (sha256 and URL) and alt text. */
  items: { imageUrl: string; sha256: string; altText: string | undefined }[];
}

interface ErrorBody {
  message: string;
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
}

export interface FakeFaults {
  /** Every request is refused with 190 (463: expired). */
  rejectToken: boolean;
  /** Status reads a container answers IN_PROGRESS before FINISHED. */
  inProgressReads: number;
  /** The publishing limit in the window, and how much of it was used before the test. */
  quota: { total: number; used: number };
  /** The next request of each step fails with this error once. */
  failOnce: Map<FakeStep, ErrorBody>;
  /** The next media_publish publishes, then loses its response (the connection is cut). */
  losePublishResponse: boolean;
  /** The next this many carousel containers made read EXPIRED (and cannot be published). */
  expireCarousels: number;
  /** Reading a permalink fails (code 1, a transient error each time). */
  failPermalink: boolean;
}

interface Hold {
  step: FakeStep;
  /** Hold before the request takes effect, or after (the effect done, the answer never sent). */
  when: 'before' | 'after';
  /** Hold the nth request of the step from now (1: the next). */
  nth: number;
  reached: () => void;
}

export interface FakeGraphApi {
  /** The API URL to pass as --api-url, e.g. http://127.0.0.1:1234/v25.0. */
  url: string;
  userId: string;
  token: string;
  requests: RecordedRequest[];
  children: Map<string, FakeChild>;
  carousels: Map<string, FakeCarousel>;
  /** Published posts, in order. */
  media: FakeMedia[];
  faults: FakeFaults;
  /**
   * Holds the nth next request of `step` unanswered; resolves once it arrived (and, `after`,
   * took effect). The connection is cut by releaseHeld() or close().
   */
  hold(step: FakeStep, when: 'before' | 'after', nth?: number): Promise<void>;
  /** Cuts every held connection; requests held `before` never take effect. */
  releaseHeld(): void;
  /** Seeds a post made outside excerpt (by hand), as listed by GET /{user}/media. */
  addMedia(caption: string): FakeMedia;
  /** Write requests (POST) received. */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

const version = 'v25.0';

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startFakeGraphApi(
  options: { token?: string; userId?: string } = {},
): Promise<FakeGraphApi> {
  const token = options.token ?? 'EAAG-fake-token-0123456789abcdef';
  const userId = options.userId ?? '17841400000000001';
  let nextId = 17_900_000_000_000_001n;
  const newId = (): string => String(nextId++);
  const requests: RecordedRequest[] = [];
  const children = new Map<string, FakeChild>();
  const carousels = new Map<string, FakeCarousel>();
  const media: FakeMedia[] = [];
  const faults: FakeFaults = {
    rejectToken: false,
    inProgressReads: 2,
    quota: { total: 50, used: 0 },
    failOnce: new Map(),
    losePublishResponse: false,
    expireCarousels: 0,
    failPermalink: false,
  };
  const holds: Hold[] = [];
  const held = new Set<Socket>();
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: String(error), code: 1 } }));
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const fail = (response: ServerResponse, body: ErrorBody, status = 400): void => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        error: { type: 'OAuthException', fbtrace_id: 'Afake', is_transient: false, ...body },
      }),
    );
  };
  const answer = (response: ServerResponse, body: unknown): void => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  /** Holds the request if a hold matches: resolves false when it is held (never answered). */
  const passHold = (step: FakeStep, when: Hold['when'], request: IncomingMessage): boolean => {
    const index = holds.findIndex((hold) => hold.step === step && hold.when === when);
    if (index === -1) return true;
    const hold = holds[index]!;
    hold.nth -= 1;
    if (hold.nth > 0) return true;
    holds.splice(index, 1);
    held.add(request.socket);
    hold.reached();
    return false;
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    if (text !== '') {
      const isJson = (request.headers['content-type'] ?? '').includes('json');
      Object.assign(
        params,
        isJson
          ? (JSON.parse(text) as Record<string, string>)
          : Object.fromEntries(new URLSearchParams(text)),
      );
    }
    const path = url.pathname.replace(new RegExp(`^/${version}/`), '');
    const method = request.method ?? 'GET';
    const step = stepOf(method, path, params);
    requests.push({
      method,
      path,
      step,
      params,
      authorization: request.headers.authorization,
      url: request.url ?? '',
    });

    const given = request.headers.authorization?.replace(/^Bearer /, '') ?? params.access_token;
    if (faults.rejectToken || given !== token) {
      fail(response, {
        message: 'Error validating access token: Session has expired.',
        code: 190,
        error_subcode: 463,
      });
      return;
    }
    if (!url.pathname.startsWith(`/${version}/`) || step === 'unknown') {
      fail(response, { message: `Unsupported ${method} request.`, code: 100, error_subcode: 33 });
      return;
    }
    if (!passHold(step, 'before', request)) return;
    const once = faults.failOnce.get(step);
    if (once !== undefined) {
      faults.failOnce.delete(step);
      fail(response, once, once.is_transient === true ? 503 : 400);
      return;
    }

    const done = (body: unknown): void => {
      if (!passHold(step, 'after', request)) return;
      answer(response, body);
    };

    switch (step) {
      case 'limit':
        done({
          data: [
            {
              quota_usage: faults.quota.used + media.length,
              config: { quota_total: faults.quota.total, quota_duration: 86400 },
            },
          ],
        });
        return;
      case 'recent':
        done({
          data: [...media].reverse().map(({ id, caption, permalink, timestamp }) => ({
            id,
            caption,
            permalink,
            timestamp,
          })),
        });
        return;
      case 'child': {
        const problem = await validateImage(params.image_url ?? '');
        if ('error' in problem) {
          fail(response, problem.error);
          return;
        }
        if (params.alt_text !== undefined && [...params.alt_text].length > 1000) {
          fail(response, { message: 'The alt text is too long.', code: 100 });
          return;
        }
        const id = newId();
        children.set(id, {
          id,
          imageUrl: params.image_url!,
          altText: params.alt_text,
          sha256: problem.sha256,
          expired: false,
          reads: 0,
        });
        done({ id });
        return;
      }
      case 'carousel': {
        const ids = (params.children ?? '').split(',').filter((id) => id !== '');
        if (ids.length < 2 || ids.length > 10) {
          fail(response, {
            message: `A carousel takes 2 to 10 items, not ${ids.length}.`,
            code: 100,
            error_subcode: 2207028,
          });
          return;
        }
        for (const id of ids) {
          const child = children.get(id);
          if (child === undefined) {
            fail(response, { message: `Unknown child ${id}.`, code: 100, error_subcode: 33 });
            return;
          }
          if (child.expired) {
            fail(response, {
              message: 'The media has expired.',
              code: 100,
              error_subcode: 2207020,
            });
            return;
          }
        }
        const caption = params.caption ?? '';
        const hashtags = [...caption.matchAll(/(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu)].length;
        if ([...caption].length > 2200 || hashtags > 5) {
          fail(response, {
            message: 'The caption is too long or has too many hashtags.',
            code: 100,
            error_subcode: 2207010,
          });
          return;
        }
        const id = newId();
        const expired = faults.expireCarousels > 0;
        faults.expireCarousels = Math.max(0, faults.expireCarousels - 1);
        carousels.set(id, {
          id,
          children: ids,
          caption,
          expired,
          published: false,
          reads: 0,
        });
        done({ id });
        return;
      }
      case 'status': {
        const container = carousels.get(path) ?? children.get(path);
        if (container === undefined) {
          fail(response, {
            message: `Object with ID '${path}' does not exist.`,
            code: 100,
            error_subcode: 33,
          });
          return;
        }
        container.reads += 1;
        done({ id: path, status_code: statusOf(container), status: statusOf(container) });
        return;
      }
      case 'publish': {
        const carousel = carousels.get(params.creation_id ?? '');
        if (carousel === undefined) {
          fail(response, { message: 'Unknown creation id.', code: 100, error_subcode: 33 });
          return;
        }
        const status = statusOf(carousel);
        if (status === 'PUBLISHED') {
          fail(response, { message: 'The media has been published already.', code: 100 });
          return;
        }
        if (status === 'EXPIRED') {
          fail(response, { message: 'The media has expired.', code: 100, error_subcode: 2207020 });
          return;
        }
        if (status !== 'FINISHED') {
          fail(response, {
            message: 'The media is not ready.',
            code: 9007,
            error_subcode: 2207027,
          });
          return;
        }
        if (faults.quota.used + media.length >= faults.quota.total) {
          fail(response, {
            message: 'Application request limit reached',
            code: 9,
            error_subcode: 2207042,
          });
          return;
        }
        const published = publish(carousel);
        if (faults.losePublishResponse) {
          faults.losePublishResponse = false;
          request.socket.destroy();
          return;
        }
        done({ id: published.id });
        return;
      }
      case 'permalink': {
        const found = media.find((item) => item.id === path);
        if (faults.failPermalink) {
          fail(
            response,
            { message: 'An unknown error occurred', code: 1, is_transient: true },
            500,
          );
          return;
        }
        if (found === undefined) {
          fail(response, { message: `Object with ID '${path}' does not exist.`, code: 100 });
          return;
        }
        done({ id: found.id, permalink: found.permalink });
        return;
      }
    }
  }

  function stepOf(
    method: string,
    path: string,
    params: Record<string, string>,
  ): FakeStep | 'unknown' {
    if (method === 'GET' && path === `${userId}/content_publishing_limit`) return 'limit';
    if (method === 'GET' && path === `${userId}/media`) return 'recent';
    if (method === 'POST' && path === `${userId}/media`) {
      return params.media_type === 'CAROUSEL' ? 'carousel' : 'child';
    }
    if (method === 'POST' && path === `${userId}/media_publish`) return 'publish';
    if (method === 'GET' && /^\d+$/.test(path)) {
      return (params.fields ?? '').includes('permalink') ? 'permalink' : 'status';
    }
    return 'unknown';
  }

  function statusOf(container: FakeChild | FakeCarousel): string {
    if ('published' in container && container.published) return 'PUBLISHED';
    if (container.expired) return 'EXPIRED';
    return container.reads <= faults.inProgressReads ? 'IN_PROGRESS' : 'FINISHED';
  }

  function publish(carousel: FakeCarousel): FakeMedia {
    carousel.published = true;
    const id = `18${String(media.length + 1).padStart(15, '0')}`;
    const item: FakeMedia = {
      id,
      creationId: carousel.id,
      caption: carousel.caption,
      permalink: `https://www.instagram.com/p/FAKE${media.length + 1}/`,
      timestamp: new Date().toISOString(),
      items: carousel.children.map((childId) => {
        const child = children.get(childId)!;
        return { imageUrl: child.imageUrl, sha256: child.sha256, altText: child.altText };
      }),
    };
    media.push(item);
    return item;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/${version}`,
    userId,
    token,
    requests,
    children,
    carousels,
    media,
    faults,
    hold: (step, when, nth = 1) =>
      new Promise<void>((reached) => holds.push({ step, when, nth, reached })),
    releaseHeld() {
      for (const socket of held) socket.destroy();
      held.clear();
    },
    addMedia(caption) {
      const carousel: FakeCarousel = {
        id: newId(),
        children: [],
        caption,
        expired: false,
        published: false,
        reads: 0,
      };
      carousels.set(carousel.id, carousel);
      return publish(carousel);
    },
    writes: () => requests.filter((request) => request.method === 'POST'),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Downloads an image as Meta does and checks it: reachable, JPEG, at most 8 MB, 320–1440 px
 * wide, 4:5 to 1.91:1. The errors carry Meta's codes.
 */
async function validateImage(url: string): Promise<{ sha256: string } | { error: ErrorBody }> {
  let data: Buffer;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    data = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    return {
      error: {
        message: `The media could not be fetched from this URI: ${url} (${String(error)})`,
        code: 9004,
        error_subcode: 2207052,
      },
    };
  }
  if (data.length > 8 * 1024 * 1024) {
    return { error: { message: 'The image is too large.', code: 36000, error_subcode: 2207004 } };
  }
  const metadata = await sharp(data)
    .metadata()
    .catch(() => undefined);
  if (metadata?.format !== 'jpeg') {
    return {
      error: { message: 'Only JPEG images are supported.', code: 36001, error_subcode: 2207005 },
    };
  }
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 1;
  if (width < 320 || width > 1440) {
    return {
      error: { message: `The image is ${width} px wide.`, code: 36001, error_subcode: 2207004 },
    };
  }
  const aspect = width / height;
  if (aspect < 0.8 - 1e-9 || aspect > 1.91 + 1e-9) {
    return {
      error: {
        message: 'The aspect ratio is not supported.',
        code: 36003,
        error_subcode: 2207009,
      },
    };
  }
  return { sha256: createHash('sha256').update(data).digest('hex') };
}
