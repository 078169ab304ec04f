import type { ImageFormat } from '../render/rasterize.js';
import type { PostSpec } from '../render/post-spec.js';
import type { PostJson } from '../render/render-post.js';
import type { Problem } from './problem.js';

/** What a render worker is started with. */
export interface WorkerStart {
  /** The template sources, to say which line of which template threw. */
  templatesDir: string;
}

/** The server's messages to a render worker. */
export type ToWorker =
  /**
   * Load the render code, and the templates of `templatesUrl`: a `templates/index.js`, built
   * or freshly compiled, whose `templates` export is the set to draw with.
   */
  | { type: 'load'; templatesUrl: string }
  | { type: 'render'; id: number; spec: PostSpec; image: ImageFormat };

/** A render worker's messages to the server. */
export type FromWorker =
  /** Started, with the slow third-party modules loaded: ready to `load`. */
  | { type: 'standby' }
  | { type: 'ready' }
  | { type: 'load-failed'; problem: Problem }
  | { type: 'rendered'; id: number; post: PostJson; images: Uint8Array[] }
  | { type: 'failed'; id: number; problem: Problem };
