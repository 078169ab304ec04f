import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspectData } from '../data/load.js';
import { InputError } from '../errors.js';
import { templatesSourceDir } from '../paths.js';
import type { ImageFormat } from '../render/rasterize.js';
import type { PreviewEvent } from './preview-event.js';
import { PreviewSession } from './preview-session.js';
import { CheckRunner } from './check-runner.js';
import { writerOf, type DataWriter } from './edits/data-writer.js';
import { apiRoutes } from './server/api-routes.js';
import { editRoutes } from './server/edit-routes.js';
import { importRoutes } from './server/import-routes.js';
import { proofreadRoutes } from './server/proofread-routes.js';
import { EventStreams } from './server/event-stream.js';
import { createRequestListener, isLoopbackAddress } from './server/http.js';
import { pageRoutes, readPageAssets } from './server/page-routes.js';
import { planRoutes } from './server/plan-routes.js';
import { WriteGuard } from './server/write-guard.js';
import { BuildRunner, loadPackageTemplates } from './plan/build-runner.js';
import type { TemplateSet } from '../slide/template-set.js';

export interface PreviewOptions {
  /** The data folder: brand.yaml, campaigns/, interviews/. */
  dataDir: string;
  /** Where builds from the page write, and downloads are read from; default `out`. */
  outDir?: string;
  /** The templates builds from the page draw with; default the package's own. */
  loadTemplates?: () => Promise<TemplateSet>;
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
  const assets = await readPageAssets();
  let session: PreviewSession | undefined;
  const current = (): PreviewSession | undefined => session;
  const events = new EventStreams(current);
  const outDir = options.outDir ?? 'out';
  const loadTemplates = options.loadTemplates ?? loadPackageTemplates;
  // Two slides at a time: the page's own render worker shares the machine.
  const runner = new BuildRunner({
    dataDir: options.dataDir,
    outDir,
    image,
    jobs: 2,
    loadTemplates,
  });
  const guard = new WriteGuard();
  // Writes wait for the session: the page cannot have read what they change before it runs.
  const writer = (): DataWriter | undefined =>
    session === undefined ? undefined : writerOf(options.dataDir);
  const edits = editRoutes(writer);
  const checks = new CheckRunner(options.dataDir);
  const proofread = proofreadRoutes(writer, () =>
    session === undefined ? undefined : checks.findings(session.version),
  );
  const plan = planRoutes({
    dataDir: options.dataDir,
    outDir,
    image,
    session: current,
    writer,
    runner,
    loadTemplates,
  });
  const routes = [
    ...pageRoutes(assets, guard.token),
    ...apiRoutes({ image, session: current }),
    ...edits.reads,
    ...proofread.reads,
    ...plan.reads,
    ...events.routes(),
  ];
  const server = createServer(
    createRequestListener(routes, {
      isLoopback: isLoopbackAddress(host),
      writes: [...edits.writes, ...importRoutes(writer), ...proofread.writes, ...plan.writes],
      guard,
    }),
  );

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
  events.follow(session);
  // The studio's own writes are followed at once, not when the watcher reports them.
  const following = session;
  const followWrite = (): void => void following.followData();
  writerOf(options.dataDir).listeners.add(followWrite);

  const running = session;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    host,
    port,
    async close() {
      writerOf(options.dataDir).listeners.delete(followWrite);
      events.close();
      await closeServer(server);
      await runner.close();
      await Promise.all([running.close(), checks.close()]);
    },
  };
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
