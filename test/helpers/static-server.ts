import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';

/** A folder served over HTTP on 127.0.0.1, as out/ synced to a website would be. */
export interface StaticServer {
  /** The base URL, ending in `/`. */
  url: string;
  /** Every path asked for, in order. */
  requests: string[];
  /** Serves `bytes` at `path` (relative, e.g. `campaign/post/01.jpg`) instead of the file; null: 404. */
  override(path: string, bytes: Buffer | null): void;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 at a free port, under `/posts/`. */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const overrides = new Map<string, Buffer | null>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      requests.push(path);
      const relative = path.replace(/^\/posts\//, '');
      const file = normalize(join(root, relative));
      if (!path.startsWith('/posts/') || !file.startsWith(root + sep)) {
        response.writeHead(404).end();
        return;
      }
      const override = overrides.get(relative);
      const data = override !== undefined ? override : await readFile(file).catch(() => null);
      if (data === null) {
        response.writeHead(404).end();
        return;
      }
      response
        .writeHead(200, {
          'content-type': file.endsWith('.jpg') ? 'image/jpeg' : 'application/octet-stream',
          'content-length': data.length,
        })
        .end(data);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/posts/`,
    requests,
    override: (path, bytes) => overrides.set(path, bytes),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
