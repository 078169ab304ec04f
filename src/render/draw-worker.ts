import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { isTemplateSet } from '../slide/template-set.js';
import { renderContactSheet } from './contact-sheet.js';
import {
  asBuffer,
  type DrawWorkerStart,
  type FromDrawWorker,
  type ToDrawWorker,
} from './draw-protocol.js';
import { drawInProcess, type PostDrawer } from './draw-posts.js';
import type { PlannedPost } from './render-post.js';

/**
 * A drawing worker of `excerpt build` (draw-pool.ts): it lays out and draws the posts it is
 * given, satori on its own thread and resvg and sharp on libuv's pool, exactly as a build on
 * one thread does (drawInProcess), and draws contact sheets. A post stays here between its
 * layout and its drawing: its slides are React elements, which cannot be sent.
 */

const port = parentPort;
if (port === null) throw new Error('draw-worker.js runs as a worker thread');
const start = workerData as DrawWorkerStart;

const send = (message: FromDrawWorker): void => port.postMessage(message);
const fail = (id: number, error: unknown): void =>
  send({
    type: 'failed',
    id,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
    ...(error instanceof InputError ? { input: { hint: error.hint, sv: error.sv } } : {}),
  });

// Messages may come while the render code loads: each waits for it.
const loading = (async (): Promise<PostDrawer<PlannedPost>> => {
  const module = (await import(start.templatesUrl)) as { templates?: unknown };
  if (!isTemplateSet(module.templates))
    throw new Error(`${start.templatesUrl} exports no templates`);
  // A worker is a core: resvg runs on it, between satori's slides, and sharp on the pool.
  return drawInProcess(module.templates, start.jobs, { resvgOnThisThread: true });
})();
loading.catch(() => undefined);

const planned = new Map<number, PlannedPost>();

port.on('message', (message: ToDrawWorker) => {
  void handle(message).catch((error: unknown) => fail(message.id, error));
});

async function handle(message: ToDrawWorker): Promise<void> {
  const drawer = await loading;
  switch (message.type) {
    case 'plan': {
      const outcome = await drawer.plan(message.spec);
      if (outcome.type === 'planned') {
        planned.set(message.id, outcome.post);
        send({
          type: 'planned',
          id: message.id,
          outcome: { type: 'planned', slides: outcome.slides },
        });
      } else if (outcome.type === 'problem') {
        const { message: text, hint, sv } = outcome.error;
        send({
          type: 'planned',
          id: message.id,
          outcome: { type: 'problem', message: text, hint, sv, code: outcome.code },
        });
      } else send({ type: 'planned', id: message.id, outcome });
      return;
    }
    case 'draw': {
      const post = planned.get(message.id);
      if (post === undefined) throw new Error(`no post planned as ${message.id}`);
      planned.delete(message.id);
      const drawn = await drawer.draw(post, { image: message.image, svg: message.svg });
      send({
        type: 'drawn',
        id: message.id,
        slides: drawn.slides,
        files: [...drawn.files],
        thumbnails: drawn.thumbnails,
      });
      return;
    }
    case 'sheet': {
      const rows = message.rows.map((row) => ({
        ...row,
        slides: row.slides.map((slide) =>
          'encoded' in slide ? asBuffer(slide.encoded) : { thumbnail: asBuffer(slide.thumbnail) },
        ),
      }));
      send({
        type: 'sheet',
        id: message.id,
        jpeg: await renderContactSheet(message.heading, rows),
      });
      return;
    }
  }
}
