import type { InSwedish, Issue, IssueCode } from '../issue.js';
import type { ImageFormat } from './rasterize.js';
import type { PostSpec } from './post-spec.js';

/** What a drawing worker is started with. */
export interface DrawWorkerStart {
  /** A `templates/index.js` whose `templates` export is the set to draw with. */
  templatesUrl: string;
  /** Slides a worker rasterises at once (resvg and sharp on libuv's pool). */
  jobs: number;
}

/** A contact sheet row as sent to a worker: slides encoded, or thumbnails already made. */
export interface SheetRowMessage {
  label: string;
  slides: ({ encoded: Uint8Array } | { thumbnail: Uint8Array })[];
  width: number;
  height: number;
}

/** The build's messages to a drawing worker. */
export type ToDrawWorker =
  | { type: 'plan'; id: number; spec: PostSpec }
  /** Draw the post planned as `id`, and forget it. */
  | { type: 'draw'; id: number; image: ImageFormat; svg: boolean }
  | {
      type: 'sheet';
      id: number;
      heading: { title: string; subtitle: string };
      rows: SheetRowMessage[];
    };

/** A post laid out in a worker, or why it cannot be (draw-posts.ts, PlanOutcome). */
export type PlanMessage =
  | { type: 'planned'; slides: number }
  | {
      type: 'problem';
      message: string;
      hint: string | undefined;
      /** The same in Swedish, for the studio. */
      sv: InSwedish | undefined;
      code: IssueCode;
    }
  | { type: 'issues'; issues: readonly Issue[] };

/** A drawing worker's messages to the build. */
export type FromDrawWorker =
  | { type: 'planned'; id: number; outcome: PlanMessage }
  | {
      type: 'drawn';
      id: number;
      slides: number;
      files: [string, Uint8Array][];
      thumbnails: Uint8Array[];
    }
  | { type: 'sheet'; id: number; jpeg: Uint8Array }
  /** A bug: what was asked for threw something that is not a problem with the data. */
  | {
      type: 'failed';
      id: number;
      message: string;
      stack: string | undefined;
      /** The error was an InputError (a problem with the post, exit 2), with this hint. */
      input?: { hint: string | undefined; sv: InSwedish | undefined };
    };

/** A Buffer over the bytes a message brought (structured cloning hands over plain Uint8Arrays). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
