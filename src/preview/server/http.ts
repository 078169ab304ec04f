import type { IncomingMessage, ServerResponse } from 'node:http';
import { problemOfError } from '../problem.js';
import type { WriteGuard } from './write-guard.js';

/** Sent with every answer: no sniffing, no referrer, nothing embedded by another site. */
export const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A request that reached a route: its path matched the route's pattern. */
export interface RouteRequest {
  request: IncomingMessage;
  response: ServerResponse;
  match: RegExpExecArray;
  query: URLSearchParams;
}

/** A path pattern, anchored, and what answers it: GET and HEAD, which never change anything. */
export type Route = [RegExp, (request: RouteRequest) => Promise<void> | void];

/** A request that changes something, once its guard let it through: with its JSON body. */
export interface WriteRouteRequest extends RouteRequest {
  body: unknown;
}

/** A route that changes something: a method, a path under /api/, and what answers it. */
export interface WriteRoute {
  method: 'POST' | 'PUT' | 'DELETE';
  pattern: RegExp;
  respond: (request: WriteRouteRequest) => Promise<void> | void;
}

/** The largest body a write may send: a pasted page of hundreds of interviews fits. */
const maxBodyBytes = 16 * 1024 * 1024;

/**
 * The server's request listener: only host names of this machine when it listens on loopback,
 * only plain paths, and only the routes given; anything else is a 404. GET and HEAD read; a
 * request that changes something goes to a write route under /api/ and through the guard
 * (write-guard.ts); any other request that is not a GET or HEAD is refused with 403 and
 * changes nothing. A route that fails answers 500 with the problem as JSON (`reason: 'failed'`,
 * which every view shows as it shows a refused save), or cuts the answer it had begun.
 */
export function createRequestListener(
  routes: readonly Route[],
  options: { isLoopback: boolean; writes?: readonly WriteRoute[]; guard?: WriteGuard },
): (request: IncomingMessage, response: ServerResponse) => void {
  const writes = options.writes ?? [];
  for (const route of writes) {
    // Only /api/ changes anything: a page, its assets and the event stream never do.
    if (!route.pattern.source.startsWith('^\\/api\\/')) {
      throw new Error(`a write route must lie under /api/: ${route.pattern.source}`);
    }
  }
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    const target = parseTarget(request.url ?? '');
    const writesOfPath =
      target === undefined ? [] : writes.filter((route) => route.pattern.test(target.path));
    // For this machine only: a web page elsewhere must not reach it through a rebound name.
    if (options.isLoopback && !isLocalHostHeader(request.headers.host)) {
      send(response, 403, 'Forbidden\n', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    if (!isRead) {
      // Whatever else asks for a change is refused the same way: 403, nothing read or changed.
      const route = writesOfPath.find((candidate) => candidate.method === request.method);
      if (target === undefined || route === undefined) {
        refuse(
          response,
          'nothing is changed here: a change is a POST to /api/ from the studio’s page',
        );
        return;
      }
      const refusal = options.guard === undefined ? 'no guard' : options.guard.refusal(request);
      if (refusal !== undefined) {
        refuse(response, refusal);
        return;
      }
      const body = await readJsonBody(request);
      if (!body.ok) {
        sendJson(response, body.status, {
          ok: false,
          reason: 'bad-request',
          message: body.message,
        });
        return;
      }
      const match = route.pattern.exec(target.path)!;
      await route.respond({ request, response, match, query: target.query, body: body.value });
      return;
    }
    if (target !== undefined) {
      for (const [pattern, respond] of routes) {
        const match = pattern.exec(target.path);
        if (match !== null) {
          await respond({ request, response, match, query: target.query });
          return;
        }
      }
      // A GET never changes anything, whatever it asks of a write's path.
      if (writesOfPath.length > 0) {
        refuse(response, 'a change is made by POST from the studio’s own page');
        return;
      }
    }
    notFound(response);
  }

  return (request, response) => {
    // Node's server does not await its listener: every failure is answered here.
    void handle(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else
        sendJson(response, 500, {
          ok: false,
          reason: 'failed',
          problem: problemOfError(error, 'The preview failed'),
        });
    });
  };
}

/** A write refused: 403, and why, for whoever debugs it. */
function refuse(response: ServerResponse, reason: string): void {
  sendJson(response, 403, { ok: false, reason: 'refused', message: reason });
}

/** A request's body as JSON, read up to maxBodyBytes. */
async function readJsonBody(
  request: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; status: number; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) {
      return { ok: false, status: 413, message: `the body is over ${maxBodyBytes} bytes` };
    }
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'the body is not valid JSON' };
  }
}

/** Whether an address is this machine's own: then only this machine's host names are served. */
export function isLoopbackAddress(host: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host);
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

/** A whole answer: not cached unless `headers` say otherwise, with its length. */
export function send(
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

/** What `get` returns once it is there; until then undefined, and the answer is a 503. */
export function whenReady<T>(response: ServerResponse, get: () => T | undefined): T | undefined {
  const value = get();
  if (value === undefined) {
    send(response, 503, 'Starting\n', { 'Content-Type': 'text/plain; charset=utf-8' });
  }
  return value;
}

/** `value` as JSON. */
export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), {
    'Content-Type': 'application/json; charset=utf-8',
  });
}

/** The answer to every path that is not a route, and to a route's thing that does not exist. */
export function notFound(response: ServerResponse): void {
  send(response, 404, 'Not Found\n', { 'Content-Type': 'text/plain; charset=utf-8' });
}
