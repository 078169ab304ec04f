import { request } from 'node:http';

/** A server's answer, as sent. */
export interface Answer {
  status: number;
  json: unknown;
  text: string;
}

/** The write token of a studio's page, as the page finds it. */
export async function tokenOf(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const token = /<meta name="excerpt-token" content="([^"]*)"/.exec(html)?.[1];
  if (token === undefined || token === '' || token.includes('{')) {
    throw new Error('the page carries no token');
  }
  return token;
}

/**
 * Sends a request with exactly the headers given (fetch would set Host and Origin itself).
 * `headers` default to what the studio's page sends: its Origin, the token, JSON.
 */
export function send(
  url: string,
  path: string,
  options: {
    method?: string;
    token?: string | undefined;
    body?: unknown;
    headers?: Record<string, string | undefined>;
  } = {},
): Promise<Answer> {
  const { hostname, port, host } = new URL(url);
  const defaults: Record<string, string | undefined> = {
    Host: host,
    Origin: `http://${host}`,
    'Content-Type': 'application/json',
    'X-Excerpt-Token': options.token,
  };
  const headers = Object.fromEntries(
    Object.entries({ ...defaults, ...options.headers }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { hostname, port, path, method: options.method ?? 'POST', headers },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text) as unknown;
          } catch {
            json = undefined;
          }
          resolve({ status: incoming.statusCode ?? 0, json, text });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
