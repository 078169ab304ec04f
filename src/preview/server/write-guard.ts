import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** The header the page sends its session token in. */
export const tokenHeader = 'x-excerpt-token';

/**
 * What a request that changes anything must show, whatever its path (FACTS.md: a web page
 * elsewhere can send requests to 127.0.0.1, and a rebound DNS name can make them same-origin):
 *
 * - this session's token, which only the studio's own page knows (it is in the page, which
 *   no other origin can read), in a header no form and no cross-origin fetch can send
 *   without a preflight the studio never allows;
 * - an Origin that is the studio's own address, as the Host header names it;
 * - a Host that is this machine's name or an IP address: never another DNS name, which is
 *   how rebinding reaches a local server, even when the studio listens beyond loopback;
 * - a JSON body, as the page sends.
 */
export class WriteGuard {
  /** Made anew each start: a page of an earlier session must load again to write. */
  readonly token = randomBytes(32).toString('base64url');

  /** Why a write request is refused, or undefined when it may go on. */
  refusal(request: IncomingMessage): string | undefined {
    const host = request.headers.host;
    if (host === undefined || !isAddressHost(host)) {
      return 'the Host is not this machine’s name or an address';
    }
    const origin = request.headers.origin;
    if (origin === undefined) return 'no Origin';
    if (origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
      return 'the Origin is not the studio’s own';
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return 'not a same-origin request';
    const given = request.headers[tokenHeader];
    if (typeof given !== 'string' || !isSameText(given, this.token)) return 'no valid token';
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) return 'the body is not JSON';
    return undefined;
  }
}

/** `localhost`, `127.0.0.1:4173`, `[::1]:4173`, `192.168.1.2`: a name rebinding cannot use. */
function isAddressHost(header: string): boolean {
  const name = header.startsWith('[')
    ? header.slice(1, header.indexOf(']'))
    : (header.split(':')[0] ?? '');
  const rest = header.startsWith('[')
    ? header.slice(header.indexOf(']') + 1)
    : header.slice(name.length);
  if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return false;
  return name.toLowerCase() === 'localhost' || isIP(name) !== 0;
}

function isSameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
