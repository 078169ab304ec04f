import type { Problem } from './problem.js';

/** What the preview reports as it runs; the CLI prints these. */
export type PreviewEvent =
  | { type: 'data'; problems: number }
  | { type: 'templates'; status: 'loaded' | 'reloaded'; ms: number }
  | { type: 'templates'; status: 'failed'; problem: Problem }
  | { type: 'rendered'; post: string; slides: number; ms: number }
  | { type: 'warning'; message: string };
