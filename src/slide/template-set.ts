import type { ReactNode } from 'react';
import type { Format } from '../data/schema.js';
import type { QaSlide } from '../layout/slide-plan.js';
import type { SlideContext } from './slide-context.js';

/**
 * A slide template: a component drawing one kind of slide. `measure` drops the slide's fixed
 * height, so that satori reports the height of the content (which is how fit is judged). A Q&A
 * template draws the answer blocks it is given as they are, whether measuring or not: the
 * layout adds up their heights (render/answer-fit.ts), and a slide drawn with text outside
 * it is refused (render-post.ts).
 */
export type SlideTemplate<Props = object> = (
  props: { ctx: SlideContext; measure: boolean } & Props,
) => ReactNode;

/**
 * The sizes the layout must know to fit text as the templates draw it: the answer's type and
 * spacing, the cover's, and the text columns. Pixels on a 1080 px wide slide. The layout adds
 * up a Q&A slide's height from its frame, its texts and these gaps (render/answer-fit.ts); a
 * set whose answers do not add up so is found out by a calibration slide and measured whole.
 */
export interface TemplateMetrics {
  type: {
    body: number;
    bodyLineHeight: number;
    /** Space above a paragraph, and above a list item, in an answer. */
    paragraphGap: number;
    itemGap: number;
    /** The bullet column of a list item: its text is that much narrower than a paragraph. */
    bulletColumn: number;
    /** Every question, at one size whatever its length or party. */
    question: number;
    /**
     * The cover's hook, a quote or the first question: the largest of these sizes at which the
     * cover fits, so a short quote is drawn larger than a long one, whoever said it.
     */
    hookSizes: readonly number[];
    /** The party's name on the cover, at most (it shrinks to fit, one size a campaign). */
    party: number;
  };
  coverType: { name: number; role: number };
  /** Width of the text column of a slide of `width` in `format`. */
  columnWidth(format: Format, width: number): number;
  /** Side margins of the cover. */
  coverMarginX(format: Format, width: number, height: number): number;
}

/**
 * The templates a post is drawn with, handed to the renderer by whoever composes the program
 * (the commands, the preview's render worker, tests, the bench): a component per kind of
 * slide, and the metrics the layout fits text with.
 */
export interface TemplateSet {
  cover: SlideTemplate;
  qa: SlideTemplate<{ slide: QaSlide }>;
  continuation: SlideTemplate<{ slide: QaSlide }>;
  closing: SlideTemplate;
  metrics: TemplateMetrics;
}

/**
 * Whether a module's `templates` export looks like a template set: templates are code being
 * edited while the preview runs, and a wrong export should be named, not crash a render.
 */
export function isTemplateSet(value: unknown): value is TemplateSet {
  if (typeof value !== 'object' || value === null) return false;
  const set = value as Record<string, unknown>;
  const metrics = set.metrics as Record<string, unknown> | undefined;
  return (
    ['cover', 'qa', 'continuation', 'closing'].every((kind) => typeof set[kind] === 'function') &&
    typeof metrics === 'object' &&
    metrics !== null &&
    ['columnWidth', 'coverMarginX'].every((name) => typeof metrics[name] === 'function') &&
    typeof metrics.type === 'object' &&
    metrics.type !== null &&
    typeof (metrics.type as Record<string, unknown>).question === 'number' &&
    Array.isArray((metrics.type as Record<string, unknown>).hookSizes) &&
    typeof metrics.coverType === 'object'
  );
}
