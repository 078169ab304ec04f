import { parentPort, workerData } from 'node:worker_threads';
import type * as RenderPost from '../render/render-post.js';
import { isTemplateSet, type TemplateSet } from '../slide/template-set.js';
import { problemOfError } from './problem.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-protocol.js';

/**
 * A render worker of the preview: it draws posts with one generation of the templates, which
 * it imports by URL and hands to the render code. Node cannot unload a module, so new template
 * code means a new worker. To make that quick, a worker starts in standby, loading the slow
 * third-party modules (satori, resvg, sharp) that never change, and loads the render code and
 * templates only when told which templates to use.
 */

const port = parentPort;
if (port === null) throw new Error('render-worker.js runs as a worker thread');
const { templatesDir } = workerData as WorkerStart;

// A template that throws is then reported at its line in the .tsx, through the inline maps.
process.setSourceMapsEnabled(true);

let drawing: { renderPost: typeof RenderPost.renderPost; templates: TemplateSet } | undefined;

const send = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'load') void load(message);
  else void render(message);
});

async function load(message: Extract<ToWorker, { type: 'load' }>): Promise<void> {
  try {
    const [{ renderPost }, module] = await Promise.all([
      import('../render/render-post.js'),
      import(message.templatesUrl) as Promise<{ templates?: unknown }>,
    ]);
    if (!isTemplateSet(module.templates)) {
      throw new Error(
        'templates/index.ts must export `templates`: a cover, qa, continuation and closing template, and their metrics',
      );
    }
    drawing = { renderPost, templates: module.templates };
    send({ type: 'ready' });
  } catch (error) {
    send({
      type: 'load-failed',
      problem: problemOfError(error, 'The templates do not load', templatesDir),
    });
  }
}

async function render(message: Extract<ToWorker, { type: 'render' }>): Promise<void> {
  try {
    if (drawing === undefined) throw new Error('render before load');
    const { post, files } = await drawing.renderPost(message.spec, drawing.templates, {
      image: message.image,
      svg: false,
    });
    const images = post.slides.map((slide) => {
      const image = files.get(slide.file);
      if (image === undefined) throw new Error(`no image for ${slide.file}`);
      return image;
    });
    send({ type: 'rendered', id: message.id, post, images });
  } catch (error) {
    send({
      type: 'failed',
      id: message.id,
      problem: problemOfError(error, 'This post cannot be drawn', templatesDir),
    });
  }
}

await Promise.all([
  // satori, resvg and sharp as the render code loads them (CommonJS builds, drawing-stack.ts).
  import('../render/drawing-stack.js'),
  import('react'),
  import('react/jsx-runtime'),
  import('hyphen/sv/index.js'),
]);
send({ type: 'standby' });
