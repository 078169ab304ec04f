import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inspectData } from '../data/load.js';
import { formatSchema, type Format } from '../data/schema.js';
import { InputError } from '../errors.js';
import { packageRoot, templatesSourceDir } from '../paths.js';
import { emojiDataUri } from '../render/emoji.js';
import type { ImageFormat } from '../render/rasterize.js';
import type { PreviewEvent } from './preview-event.js';
import { PreviewSession } from './preview-session.js';
import { problemOfError } from './problem.js';
import { stale } from './slide-renderer.js';

export interface PreviewOptions {
  /** The data folder: brand.yaml, campaigns/, interviews/. */
  dataDir: string;
  /** The template sources; default the package's templates/. */
  templatesDir?: string;
  /** Default 4173; 0 for any free port. */
  port?: number;
  /** Default 127.0.0.1: the preview is for this machine only. */
  host?: string;
  /** The slides' image type; default JPEG, what Instagram takes. */
  image?: ImageFormat;
  /** How long changes must settle before the preview follows them; default 80 ms. */
  debounceMs?: number;
  onEvent?: (event: PreviewEvent) => void;
}

export interface PreviewServer {
  /** `http://127.0.0.1:4173/` */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** The page: one self-contained HTML file, read once (it is part of the tool, not of the data). */
const pageFile = join(packageRoot, 'src', 'preview', 'page.html');
/** Three stacked slides: a carousel. */
const favicon = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
  '<rect x="9" y="3" width="20" height="20" rx="4" fill="#f2c14e"/>',
  '<rect x="3" y="9" width="20" height="20" rx="4" fill="#6e2160"/>',
  '</svg>',
].join('');
const keyPattern = '[0-9a-f]{64}';
const heartbeatMs = 20_000;

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
const pagePolicy = [
  "default-src 'none'",
  "img-src 'self'",
  "style-src 'unsafe-inline'",
  "script-src 'unsafe-inline'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Starts `excerpt preview`: a local web server with a page that shows every scheduled post as
 * on a phone and follows every change to the data and templates (server-sent events). It
 * answers GET and HEAD only and serves its page and slides drawn in memory, never files by
 * path: any other path, traversal attempts included, is a 404.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1';
  const image = options.image ?? 'jpeg';

  // A missing data folder, or a port in use, is said before anything slow starts.
  await inspectData(options.dataDir);
  const page = await readFile(pageFile);
  let session: PreviewSession | undefined;
  const streams = new Set<ServerResponse>();
  const routes = createRoutes({ page, image, streams, session: () => session });
  const isLoopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host);

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else
        sendJson(response, 500, {
          ok: false,
          problem: problemOfError(error, 'The preview failed'),
        });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'Method Not Allowed\n', {
        Allow: 'GET, HEAD',
        'Content-Type': 'text/plain; charset=utf-8',
      });
      return;
    }
    // For this machine only: a web page elsewhere must not reach it through a rebound name.
    if (isLoopback && !isLocalHostHeader(request.headers.host)) {
      send(response, 403, 'Forbidden\n', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    const target = parseTarget(request.url ?? '');
    if (target !== undefined) {
      for (const [pattern, respond] of routes) {
        const match = pattern.exec(target.path);
        if (match !== null) {
          await respond({ request, response, match, query: target.query });
          return;
        }
      }
    }
    notFound(response);
  }

  const port = await listen(server, options.port ?? 4173, host);
  try {
    session = await PreviewSession.start({
      dataDir: options.dataDir,
      templatesDir: options.templatesDir ?? templatesSourceDir,
      image,
      debounceMs: options.debounceMs ?? 80,
      onEvent: options.onEvent ?? (() => undefined),
    });
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  session.subscribe((change) => {
    const message = `event: change\ndata: ${JSON.stringify(change)}\n\n`;
    for (const stream of streams) stream.write(message);
  });
  // An open stream is kept alive through proxies and sleeping laptops.
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  const running = session;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    host,
    port,
    async close() {
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
      await closeServer(server);
      await running.close();
    },
  };
}

interface Request {
  request: IncomingMessage;
  response: ServerResponse;
  match: RegExpExecArray;
  query: URLSearchParams;
}

type Route = [RegExp, (request: Request) => Promise<void> | void];

/** Every path the preview answers; nothing else exists. */
function createRoutes(context: {
  page: Buffer;
  image: ImageFormat;
  streams: Set<ServerResponse>;
  session: () => PreviewSession | undefined;
}): Route[] {
  const { page, image, streams } = context;
  const extension = image === 'png' ? 'png' : 'jpg';
  const formatOf = (query: URLSearchParams): Format | null => {
    const format = formatSchema.safeParse(query.get('format'));
    return format.success ? format.data : null;
  };
  /** The session, or a 503 while it starts (before the URL is even printed). */
  const ready = (response: ServerResponse): PreviewSession | undefined => {
    const session = context.session();
    if (session === undefined) {
      send(response, 503, 'Starting\n', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    return session;
  };

  return [
    [
      /^\/$/,
      ({ response }) =>
        send(response, 200, page, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': pagePolicy,
        }),
    ],
    [
      /^\/favicon\.svg$/,
      ({ response }) =>
        send(response, 200, favicon, {
          'Content-Type': 'image/svg+xml',
          'Cache-Control': 'max-age=86400',
        }),
    ],
    [
      /^\/emoji\/([0-9a-f]{2,6}(?:-[0-9a-f]{2,6}){0,9})\.svg$/,
      ({ response, match }) => {
        const picture = twemojiImage(match[1]!);
        if (picture === undefined) {
          notFound(response);
          return;
        }
        send(response, 200, picture, {
          'Content-Type': 'image/svg+xml',
          'Cache-Control': 'max-age=86400',
        });
      },
    ],
    [
      /^\/api\/state$/,
      ({ response, query }) => {
        const session = ready(response);
        if (session !== undefined) sendJson(response, 200, session.state(formatOf(query)));
      },
    ],
    [
      new RegExp(`^/api/post/(${keyPattern})$`),
      async ({ response, match }) => {
        const session = ready(response);
        if (session === undefined) return;
        const key = match[1]!;
        const outcome = await session.draw(key);
        if (outcome === stale) {
          sendJson(response, 404, { key, stale: true });
          return;
        }
        if (!outcome.ok) {
          sendJson(response, 200, { key, ok: false, problem: outcome.problem });
          return;
        }
        const { post } = outcome;
        sendJson(response, 200, {
          key,
          ok: true,
          post: {
            id: post.id,
            publishAt: post.publishAt,
            format: post.format,
            width: post.width,
            height: post.height,
            caption: post.caption,
            hashtags: post.hashtags,
            slides: post.slides.map((slide, index) => ({
              url: `/slides/${key}/${String(index + 1).padStart(2, '0')}.${extension}`,
              kind: slide.kind,
              alt: slide.altText,
            })),
          },
        });
      },
    ],
    [
      /^\/api\/choice$/,
      ({ response, query }) => {
        const session = ready(response);
        if (session === undefined) return;
        const qa = (query.get('qa') ?? '').split(',').filter((id) => id !== '');
        sendJson(response, 200, session.choose(query.get('interview') ?? '', qa, formatOf(query)));
      },
    ],
    [
      new RegExp(`^/slides/(${keyPattern})/(\\d{2})\\.(jpg|png)$`),
      async ({ response, match }) => {
        const session = ready(response);
        if (session === undefined) return;
        const [, key, number, asked] = match;
        const outcome = await session.draw(key!);
        const slide =
          outcome !== stale && outcome.ok ? outcome.images[Number(number) - 1] : undefined;
        if (slide === undefined || asked !== extension) {
          notFound(response);
          return;
        }
        // The key is a content hash: the same URL is always the same image.
        send(response, 200, slide, {
          'Content-Type': image === 'png' ? 'image/png' : 'image/jpeg',
          'Cache-Control': 'private, max-age=31536000, immutable',
        });
      },
    ],
    [
      /^\/events$/,
      ({ request, response }) => {
        const session = ready(response);
        if (session === undefined) return;
        response.writeHead(200, {
          ...securityHeaders,
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        if (request.method === 'HEAD') {
          response.end();
          return;
        }
        // Reconnect quickly when the server comes back after a restart. Whether changes are
        // still followed comes with the hello, so the page never says Live when they are not.
        const hello = JSON.stringify({
          version: session.version,
          isFollowing: session.isFollowing,
        });
        response.write(`retry: 1000\nevent: hello\ndata: ${hello}\n\n`);
        streams.add(response);
        request.on('close', () => streams.delete(response));
      },
    ],
  ];
}

/**
 * The Twemoji picture of an emoji named by its code points (`1f384`, `1f3f3-fe0f-200d-1f308`),
 * as the slides draw it; undefined for anything that is not a Twemoji emoji.
 */
function twemojiImage(name: string): Buffer | undefined {
  const points = name.split('-').map((hex) => Number.parseInt(hex, 16));
  if (points.some((point) => point > 0x10ffff)) return undefined;
  const uri = emojiDataUri(String.fromCodePoint(...points));
  if (uri === undefined) return undefined;
  return Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');
}

/**
 * The path and query of a request target, or undefined for anything that is not a plain path
 * of ours: an absolute URL, an encoded character (`%2e%2e`, `%2f`), a backslash, an empty or
 * dot segment. No route takes such a path, and none reads a file by it.
 */
export function parseTarget(target: string): { path: string; query: URLSearchParams } | undefined {
  if (!target.startsWith('/')) return undefined;
  const mark = target.indexOf('?');
  const path = mark === -1 ? target : target.slice(0, mark);
  if (/[%\\]|\/\/|\/\./.test(path)) return undefined;
  return { path, query: new URLSearchParams(mark === -1 ? '' : target.slice(mark + 1)) };
}

function isLocalHostHeader(header: string | undefined): boolean {
  if (header === undefined) return false;
  const name = header.startsWith('[')
    ? header.slice(0, header.indexOf(']') + 1)
    : header.split(':')[0];
  return name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name ?? '');
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  const data = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, {
    ...securityHeaders,
    'Cache-Control': 'no-store',
    ...headers,
    'Content-Length': String(data.length),
  });
  response.end(data);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), {
    'Content-Type': 'application/json; charset=utf-8',
  });
}

function notFound(response: ServerResponse): void {
  send(response, 404, 'Not Found\n', { 'Content-Type': 'text/plain; charset=utf-8' });
}

function listen(
  server: ReturnType<typeof createServer>,
  port: number,
  host: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new InputError(`port ${port} on ${host} is in use`, {
            hint: 'stop what uses it, or pass another --port (0 takes any free one)',
            cause: error,
          }),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(
          new InputError(`cannot listen on ${host}: no such address on this machine`, {
            hint: 'leave --host out for 127.0.0.1',
            cause: error,
          }),
        );
      } else reject(error);
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Stops listening and ends every connection, open event streams included. */
function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}
