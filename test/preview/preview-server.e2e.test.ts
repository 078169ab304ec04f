import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewState } from '../../src/preview/preview-state.js';
import { pageFiles, readPageAssets } from '../../src/preview/server/page-routes.js';
import { openEvents, saveByRename, startFixture, waitFor, type PreviewFixture } from './fixture.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends a request exactly as written: fetch() would resolve `..` and re-encode the path before
 * it left, so traversal attempts need the raw request line.
 */
function rawRequest(
  url: string,
  path: string,
  options: { method?: string; host?: string } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        hostname,
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: options.host ?? `${hostname}:${port}` },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

let fixture: PreviewFixture;
beforeAll(async () => {
  fixture = await startFixture('http');
});
afterAll(async () => {
  await fixture?.close();
});

describe('excerpt preview: the server', () => {
  it('listens on 127.0.0.1 by default, and on no other address', async () => {
    expect(fixture.server.host).toBe('127.0.0.1');
    expect(fixture.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address !== undefined && !address.internal && address.family === 'IPv4');
    if (outside === undefined) return; // a machine with loopback only has nothing else to try
    const isReachable = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: outside.address, port: fixture.server.port, timeout: 2000 });
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    expect(isReachable).toBe(false);
  });

  it('serves its page, with a content security policy, to GET and HEAD', async () => {
    const page = await rawRequest(fixture.server.url, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<title>excerpt studio</title>');
    const head = await rawRequest(fixture.server.url, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('serves a page with no inline script or style, and its own script and stylesheet', async () => {
    const page = await rawRequest(fixture.server.url, '/');
    const policy = page.headers['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    // One script, the bundle, by its URL; no script or style written into the page.
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>([^]*?)<\/script>/gi)];
    expect(scripts.map(([, attributes, body]) => [attributes, body])).toEqual([
      [' type="module" src="/app.js"', ''],
    ]);
    expect(page.body).not.toMatch(/<style|\son[a-z]+=|\sstyle=|javascript:/i);
    expect(page.body).toContain('<link rel="stylesheet" href="/app.css" />');

    const script = await rawRequest(fixture.server.url, '/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.body).toContain('excerpt-preview-format'); // the client's, bundled
    // One file: nothing to fetch (a statement, not a property named `import:`, as a view is).
    expect(script.body).not.toMatch(/^\s*(import|export)\b(?!\s*:)/m);
    const style = await rawRequest(fixture.server.url, '/app.css');
    expect(style.status).toBe(200);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(style.body).toContain('.carousel');
    const head = await rawRequest(fixture.server.url, '/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('says what builds the page when it was never built', async () => {
    const missing = join(fixture.dir, 'no-such-build', 'app.js');
    const reading = readPageAssets({ ...pageFiles, script: missing });
    await expect(reading).rejects.toThrow(`the preview page is not built: ${missing} is missing`);
    await expect(reading).rejects.toMatchObject({ hint: expect.stringContaining('npm run build') });
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    'refuses %s with 403 where nothing is written',
    async (method) => {
      for (const path of ['/', '/api/state', '/events', '/nothing', '/api/nothing']) {
        const response = await rawRequest(fixture.server.url, path, { method });
        expect(response.status).toBe(403);
      }
    },
  );

  const traversals = [
    '/../package.json',
    '/../../../../etc/passwd',
    '/%2e%2e/package.json',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/..%2fpackage.json',
    '/..%2Fdata%2Fbrand.yaml',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..\\package.json',
    '/%5c..%5cpackage.json',
    '//etc/passwd',
    '/etc/passwd',
    '/package.json',
    '/data/brand.yaml',
    '/brand.yaml',
    '/src/preview/page.html',
    '/templates/cover.tsx',
    '/.git/config',
    '/api/../package.json',
    '/api/state/../../package.json',
    '/slides/../../package.json',
    '/slides/..%2f..%2fpackage.json',
    `/slides/${'a'.repeat(64)}/../../../etc/passwd`,
    '/emoji/../../package.json',
    '/emoji/..%2f..%2fpackage.json.svg',
    '/api/post/..%2f..%2fpackage.json',
    'http://127.0.0.1/etc/passwd',
    '/%00',
  ];

  it.each(traversals)('answers %s with 404 and no file', async (path) => {
    const response = await rawRequest(fixture.server.url, path);
    expect(response.status).toBe(404);
    expect(response.body).toBe('Not Found\n');
  });

  it('serves nothing for a host name that is not this machine (DNS rebinding)', async () => {
    const response = await rawRequest(fixture.server.url, '/api/state', {
      host: 'attacker.example:80',
    });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('campaigns');
  });

  it('lists every scheduled post in date order, and draws each as JPEG slides', async () => {
    const state = await fixture.state();
    expect(state.problems).toEqual([]);
    expect(state.brand?.handle).toBe('@kraftbyran');
    const posts = state.campaigns.flatMap((campaign) => campaign.posts);
    expect(posts).toHaveLength(10);
    for (const campaign of state.campaigns) {
      const dates = campaign.posts.map((post) => post.date);
      expect(dates).toEqual([...dates].sort());
    }
    const post = posts[0]!;
    const drawn = await fixture.getJson<{
      ok: boolean;
      post: { caption: string; width: number; slides: { url: string; alt: string }[] };
    }>(`/api/post/${post.key}`);
    expect(drawn.ok).toBe(true);
    expect(drawn.post.width).toBe(1080);
    expect(drawn.post.caption).toContain(post.party);
    expect(drawn.post.slides.length).toBeGreaterThanOrEqual(2);
    for (const slide of drawn.post.slides) {
      expect(slide.alt).toMatch(/^Bild \d+ av \d+\./);
      const image = await fetch(new URL(slide.url, fixture.server.url));
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/jpeg');
      const bytes = Buffer.from(await image.arrayBuffer());
      expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    }
    const unknown = await rawRequest(fixture.server.url, `/api/post/${'0'.repeat(64)}`);
    expect(unknown.status).toBe(404);
  });

  it('draws a chosen set of Q&As of an interview, in another format', async () => {
    const choice = await fixture.getJson<{ ok: boolean; key: string }>(
      '/api/choice?interview=adventsfragestund-2020/centerpartiet&qa=q2,q3&format=portrait',
    );
    expect(choice.ok).toBe(true);
    const drawn = await fixture.getJson<{
      ok: boolean;
      post: { height: number; caption: string };
    }>(`/api/post/${choice.key}`);
    expect(drawn.post.height).toBe(1350);
    expect(drawn.post.caption).toContain('Vilka konkreta insatser');
    const none = await fixture.getJson<{ ok: boolean; problem: { entries: { hint: string }[] } }>(
      '/api/choice?interview=adventsfragestund-2020/centerpartiet&qa=',
    );
    expect(none.ok).toBe(false);
    expect(none.problem.entries[0]?.hint).toBe('tick at least one question');
  });

  it('draws a choice with its cover quote, and refuses a quote not in the chosen answers', async () => {
    const base = '/api/choice?interview=adventsfragestund-2020/centerpartiet&qa=q1';
    const quote = 'Centerpartiet vill ha en nollvision för våld och förtryck i nära relationer';
    const plain = await fixture.getJson<{ ok: boolean; key: string }>(base);
    const quoted = await fixture.getJson<{ ok: boolean; key: string }>(
      `${base}&highlight=${encodeURIComponent(quote)}`,
    );
    expect(quoted.ok).toBe(true);
    expect(quoted.key).not.toBe(plain.key);
    const drawn = await fixture.getJson<{ post: { slides: { alt: string }[] } }>(
      `/api/post/${quoted.key}`,
    );
    expect(drawn.post.slides[0]!.alt).toContain(`”${quote}”, säger`);
    const altered = await fixture.getJson<{ ok: boolean; problem: { title: string } }>(
      `${base}&highlight=${encodeURIComponent(quote.replace('nollvision', 'vision'))}`,
    );
    expect(altered.ok).toBe(false);
  });

  it('follows a save by rename (as sed -i does), and an in-place save of the same file after it', async () => {
    const before = await fixture.state();
    const interview = before.interviews[0]!;
    const file = join(fixture.dataDir, 'interviews', `${interview.id}.yaml`);
    const original = readFileSync(file, 'utf8');
    expect(original).toContain(`role: ${interview.role} }`);
    const stream = await openEvents(fixture.server.url);
    const roleNow = async (): Promise<{ version: number; role: string | undefined }> => {
      const state = await fixture.state();
      const now = state.interviews.find((candidate) => candidate.id === interview.id);
      return { version: state.version, role: now?.role };
    };
    const changes = (): unknown[] =>
      stream.events.filter((event) => event.event === 'change').map((event) => event.data);
    try {
      const saves = [
        { save: saveByRename, role: `${interview.role} och provläsare` },
        { save: writeFileSync, role: `${interview.role} och korrekturläsare` },
        { save: saveByRename, role: `${interview.role} och granskare` },
      ];
      let version = before.version;
      for (const [index, { save, role }] of saves.entries()) {
        const started = performance.now();
        save(file, original.replace(`role: ${interview.role} }`, `role: ${role} }`));
        const now = await waitFor(`save ${index + 1} in the state`, async () => {
          const now = await roleNow();
          return now.role === role ? now : undefined;
        });
        console.log(
          `save ${index + 1} → in the state in ${Math.round(performance.now() - started)} ms`,
        );
        expect(now.version).toBeGreaterThan(version);
        version = now.version;
        await waitFor(`save ${index + 1} on the event stream`, () =>
          changes().some(
            (change) => (change as { version: number; what: string }).version === version,
          )
            ? true
            : undefined,
        );
      }
      expect(changes()).toContainEqual({ version, what: 'data' });
    } finally {
      stream.close();
      writeFileSync(file, original);
    }
    await waitFor('the restored interview', async () =>
      (await roleNow()).role === interview.role ? true : undefined,
    );
  });

  it('follows template code: an edit is drawn, a syntax error is reported at its line, a fix recovers', async () => {
    const file = join(fixture.templatesDir, 'cover.tsx');
    const original = readFileSync(file, 'utf8');
    const firstPost = async (): Promise<PreviewState['campaigns'][number]['posts'][number]> =>
      (await fixture.state()).campaigns[0]!.posts[0]!;
    const before = await firstPost();
    expect(original).toContain('VI FRÅGADE');
    const coverOf = async (key: string): Promise<Buffer> => {
      const drawn = await fixture.getJson<{ post: { slides: { url: string }[] } }>(
        `/api/post/${key}`,
      );
      const response = await fetch(new URL(drawn.post.slides[0]!.url, fixture.server.url));
      return Buffer.from(await response.arrayBuffer());
    };
    const coverBefore = await coverOf(before.key!);

    const started = performance.now();
    writeFileSync(file, original.replace('VI FRÅGADE', 'VI UNDRADE'));
    const after = await waitFor('the new templates', async () => {
      const post = await firstPost();
      return post.key !== before.key ? post : undefined;
    });
    const coverAfter = await coverOf(after.key!);
    const ms = performance.now() - started;
    console.log(`template edit → new slides drawn in ${Math.round(ms)} ms`);
    // The edited word is drawn: the cover's pixels are not what they were.
    expect(coverAfter.length).toBeGreaterThan(1000);
    expect(coverAfter.equals(coverBefore)).toBe(false);
    expect(ms).toBeLessThan(15_000);

    const lines = original.split('\n');
    const broken = lines.findIndex((line) => line.includes('VI FRÅGADE'));
    expect(broken).toBeGreaterThan(0);
    writeFileSync(file, original.replace('VI FRÅGADE', 'VI FRÅGADE }'));
    const failing = await waitFor('the syntax error', async () => {
      const state = await fixture.state();
      return state.problems.length > 0 ? state : undefined;
    });
    const entry = failing.problems[0]!.entries[0]!;
    expect(entry.file).toBe(file);
    expect(entry.line).toBe(broken + 1);
    expect(failing.campaigns[0]!.posts[0]!.problem?.entries[0]?.file).toBe(file);

    writeFileSync(file, original);
    const recovered = await waitFor('the fixed templates', async () => {
      const state = await fixture.state();
      return state.problems.length === 0 ? state : undefined;
    });
    expect(recovered.campaigns[0]!.posts[0]!.key).toBe(before.key);
  });

  it('reports a template that throws at its line in the .tsx', async () => {
    const file = join(fixture.templatesDir, 'closing.tsx');
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    const at = lines.findIndex((line) => /^export function ClosingTemplate/.test(line));
    expect(at).toBeGreaterThan(0);
    lines.splice(at + 1, 0, "  throw new Error('closing is being rewritten');");
    writeFileSync(file, lines.join('\n'));
    try {
      const post = await waitFor('the throwing template', async () => {
        const state = await fixture.state();
        const first = state.campaigns[0]!.posts[0]!;
        const drawn = await fixture.getJson<{ ok: boolean; problem?: PreviewState['problems'][0] }>(
          `/api/post/${first.key}`,
        );
        return drawn.ok === false ? drawn : undefined;
      });
      const entry = post.problem!.entries[0]!;
      expect(entry.message).toBe('Error: closing is being rewritten');
      expect(entry.file).toBe(file);
      expect(entry.line).toBe(at + 2);
    } finally {
      writeFileSync(file, original);
    }
    await waitFor('the restored template', async () => {
      const state = await fixture.state();
      const first = state.campaigns[0]!.posts[0]!;
      const drawn = await fixture.getJson<{ ok: boolean }>(`/api/post/${first.key}`);
      return drawn.ok ? true : undefined;
    });
  });
});
