import type { IncomingMessage, ServerResponse } from 'node:http';
import { problemOfError } from '../problem.js';

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

/** A path pattern, anchored, and what answers it. */
export type Route = [RegExp, (request: RouteRequest) => Promise<void> | void];

/**
 * The server's request listener: GET and HEAD only, only host names of this machine when it
 * listens on loopback, only plain paths, and only the routes given; anything else is a 404.
 * A route that fails answers 500 with the problem as JSON, or cuts the answer it had begun.
 */
export function createRequestListener(
  routes: readonly Route[],
  options: { isLoopback: boolean },
): (request: IncomingMessage, response: ServerResponse) => void {
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'Method Not Allowed\n', {
        Allow: 'GET, HEAD',
        'Content-Type': 'text/plain; charset=utf-8',
      });
      return;
    }
    // For this machine only: a web page elsewhere must not reach it through a rebound name.
    if (options.isLoopback && !isLocalHostHeader(request.headers.host)) {
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

  return (request, response) => {
    // Node's server does not await its listener: every failure is answered here.
    void handle(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else
        sendJson(response, 500, {
          ok: false,
          problem: problemOfError(error, 'The preview failed'),
        });
    });
  };
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
