import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ChangeEvent, HelloEvent } from '../page-protocol.js';

/** This start of the studio: not a secret (the write token is), just told apart from the next. */
const started = randomUUID();
import type { PreviewSession } from '../preview-session.js';
import { securityHeaders, whenReady, type Route } from './http.js';

const heartbeatMs = 20_000;

/** GET /events: every open page hears of each change (server-sent events). */
export class EventStreams {
  private readonly streams = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly session: () => PreviewSession | undefined) {}

  /** The route of the stream: a hello, then a `change` event for each change. */
  routes(): Route[] {
    return [
      [
        /^\/events$/,
        ({ request, response }) => {
          const session = whenReady(response, this.session);
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
          const hello: HelloEvent = {
            version: session.version,
            isFollowing: session.isFollowing,
            started,
          };
          response.write(`retry: 1000\nevent: hello\ndata: ${JSON.stringify(hello)}\n\n`);
          this.streams.add(response);
          request.on('close', () => this.streams.delete(response));
        },
      ],
    ];
  }

  /** Tells every open page of `session`'s changes, and keeps their streams alive meanwhile. */
  follow(session: PreviewSession): void {
    session.subscribe((change: ChangeEvent) => {
      const message = `event: change\ndata: ${JSON.stringify(change)}\n\n`;
      for (const stream of this.streams) stream.write(message);
    });
    // An open stream is kept alive through proxies and sleeping laptops.
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) stream.write(': ping\n\n');
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  /** Ends every open stream; the pages reconnect once a server is back. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }
}
