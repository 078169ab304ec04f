import { createHash } from 'node:crypto';
import type { Format } from '../data/schema.js';
import { formatSizes } from '../data/schema.js';
import { buildAltTexts } from '../layout/alt-text.js';
import { buildCaption } from '../layout/caption.js';
import { formatSwedishDate } from '../slide/slide-context.js';
import { limitProblems } from '../layout/instagram-limits.js';
import { InputError } from '../errors.js';
import { stockholmTimestamp } from '../data/publish-time.js';
import { planCarousel, type PlannedSlide } from './carousel.js';
import type { TemplateSet } from '../slide/template-set.js';
import { postIdOf, type PostSpec } from './post-spec.js';
import { rasterize, type ImageFormat } from './rasterize.js';
import type { SlideKind } from './slide-element.js';
import { renderEditableSvg } from './editable-svg.js';
import { renderSvg } from './svg.js';

export interface RenderOptions {
  image: ImageFormat;
  /** Also keep each slide's SVG, for designers. */
  svg: boolean;
  /** Slides drawn at once: satori on the main thread overlaps resvg and sharp on the pool. */
  jobs?: number;
}

/** `post.json`, what the post is (PRODUCT.md, "Outputs"). */
export interface PostJson {
  id: string;
  campaign: string;
  interview: string;
  date: string;
  publishAt: string;
  format: Format;
  width: number;
  height: number;
  qa: string[];
  caption: string;
  hashtags: string[];
  slides: { file: string; kind: SlideKind; text: string; altText: string; sha256: string }[];
}

export interface RenderedPost {
  post: PostJson;
  /** Every file of the post folder, by name: slides, post.json, caption.txt, alt.txt. */
  files: Map<string, Buffer>;
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** A post laid out, checked and ready to draw: everything but the pixels. */
export interface PlannedPost {
  spec: PostSpec;
  slides: PlannedSlide[];
  caption: string;
  altTexts: string[];
}

/** Raised when a post breaks one of Instagram's limits (caption, hashtags, alt text, slides). */
export class LimitError extends InputError {}

/**
 * Lays out one post, slides, caption and alt text, without drawing anything: throws for a
 * character that cannot be drawn or Q&As that need too many slides, but leaves Instagram's
 * limits to the caller (`check` reports each of them; planPost refuses them).
 */
export async function layOutPost(spec: PostSpec, templates: TemplateSet): Promise<PlannedPost> {
  const slides = await planCarousel(
    {
      brand: spec.brand,
      campaign: spec.campaign,
      themeName: spec.themeName,
      theme: spec.theme,
      interview: spec.interview,
      qaIds: spec.qaIds,
      highlight: spec.highlight,
      date: spec.date,
      format: spec.format,
      ...(spec.interviewFile === undefined ? {} : { interviewFile: spec.interviewFile }),
      ...(spec.campaignParties === undefined ? {} : { campaignParties: spec.campaignParties }),
    },
    templates,
  );
  const { interview } = spec;
  const caption = buildCaption({
    campaign: spec.campaign,
    speaker: {
      name: interview.interviewee.name,
      role: interview.interviewee.role,
      party: interview.party,
    },
    questions: spec.qaIds.map((id) => interview.qa.find((qa) => qa.id === id)!.question),
    interviewsUrl: spec.brand.interviewsUrl,
    hashtags: spec.campaign.hashtags,
  });
  const cover = slides[0]!.ctx.cover;
  const altTexts = buildAltTexts({
    slides: slides.map((slide) => slide.plan),
    campaign: spec.campaign,
    speaker: {
      name: interview.interviewee.name,
      role: interview.interviewee.role,
      party: interview.party,
    },
    brand: spec.brand,
    hook: {
      kind: cover.hook.kind,
      text: spec.highlight ?? interview.qa.find((qa) => qa.id === spec.qaIds[0])?.question ?? '',
    },
    date: formatSwedishDate(spec.date),
  });
  return { spec, slides, caption, altTexts };
}

/** Lays out one post (and so checks its glyphs, fit and limits) without drawing anything. */
export async function planPost(spec: PostSpec, templates: TemplateSet): Promise<PlannedPost> {
  const planned = await layOutPost(spec, templates);
  const problems = limitProblems({
    slides: planned.slides.length,
    caption: planned.caption,
    altTexts: planned.altTexts,
    hashtags: spec.campaign.hashtags,
  });
  if (problems.length > 0) {
    const messages = problems.map((problem) => problem.message).join('; ');
    throw new LimitError(`${spec.interview.id} on ${spec.date}: ${messages}`, {
      hint: [...new Set(problems.map((problem) => problem.hint))].join('; '),
    });
  }
  return planned;
}

/**
 * Bounds how much work runs at once: slides being rasterised (satori lays out the next slide
 * on the main thread while resvg and sharp work on the thread pool), or posts being drawn.
 */
export class Limiter {
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(readonly jobs: number) {}

  /** Waits for a free place, then starts `task` and hands back its result without waiting on it. */
  async start<T>(task: () => Promise<T>): Promise<{ result: Promise<T> }> {
    if (this.running >= this.jobs) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    const result = task().finally(() => {
      this.running--;
      this.waiting.shift()?.();
    });
    return { result };
  }

  /** Queues `task` to start when a place is free; the caller goes on at once. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.start(task).then(({ result }) => result);
  }
}

/** The file names of slide `index` (from 0): `01.jpg`, and `01.svg` when SVGs are kept. */
function slideFileNames(
  index: number,
  options: Pick<RenderOptions, 'image' | 'svg'>,
): { image: string; svg: string | undefined } {
  const base = String(index + 1).padStart(2, '0');
  return {
    image: `${base}.${options.image === 'png' ? 'png' : 'jpg'}`,
    svg: options.svg ? `${base}.svg` : undefined,
  };
}

/** Every file a post of `slides` slides writes into its folder. */
export function postFileNames(
  slides: number,
  options: Pick<RenderOptions, 'image' | 'svg'>,
): string[] {
  const names: string[] = [];
  for (let index = 0; index < slides; index++) {
    const { image, svg } = slideFileNames(index, options);
    names.push(image, ...(svg === undefined ? [] : [svg]));
  }
  return [...names, 'post.json', 'caption.txt', 'alt.txt'];
}

/** Draws a planned post and writes its caption, alt text and post.json, in memory. */
export async function drawPost(
  planned: PlannedPost,
  options: RenderOptions,
  limiter = new Limiter(Math.max(1, options.jobs ?? 3)),
): Promise<RenderedPost> {
  const drawing: Promise<{ image: Buffer; svg: string }>[] = [];
  for (const slide of planned.slides) {
    // satori is synchronous work on this thread; rasterising runs on the libuv pool meanwhile.
    const { svg } = await renderSvg(slide.element, {
      width: slide.ctx.width,
      height: slide.ctx.height,
    });
    const { result } = await limiter.start(() => rasterize(svg, options.image));
    drawing.push(result.then((image) => ({ image, svg })));
  }
  const drawn = await Promise.all(drawing);
  // For designers: the text as text (the drawn SVG has it as outlines, for resvg).
  const editable = options.svg
    ? await Promise.all(
        planned.slides.map((slide) =>
          renderEditableSvg(slide.element, { width: slide.ctx.width, height: slide.ctx.height }),
        ),
      )
    : [];
  const { spec } = planned;
  const files = new Map<string, Buffer>();
  const slides = planned.slides.map((slide, index) => {
    const { image: file, svg: svgFile } = slideFileNames(index, options);
    const { image } = drawn[index]!;
    files.set(file, image);
    if (svgFile !== undefined) files.set(svgFile, Buffer.from(editable[index]!));
    return {
      file,
      kind: slide.kind,
      text: slide.text,
      altText: planned.altTexts[index]!,
      sha256: sha256(image),
    };
  });
  const { interview } = spec;
  const caption = planned.caption;
  const { width, height } = formatSizes[spec.format];
  const post: PostJson = {
    id: postIdOf(spec),
    campaign: spec.campaign.id,
    interview: interview.id,
    date: spec.date,
    publishAt: stockholmTimestamp(spec.date, spec.campaign.time),
    format: spec.format,
    width,
    height,
    qa: [...spec.qaIds],
    caption,
    hashtags: [...spec.campaign.hashtags],
    slides,
  };
  files.set('post.json', Buffer.from(`${JSON.stringify(post, null, 2)}\n`));
  files.set('caption.txt', Buffer.from(`${caption}\n`));
  files.set(
    'alt.txt',
    Buffer.from(`${slides.map((slide) => `${slide.file}\n${slide.altText}`).join('\n\n')}\n`),
  );
  return { post, files };
}

/** Lays out and draws one post with a set of templates. */
export async function renderPost(
  spec: PostSpec,
  templates: TemplateSet,
  options: RenderOptions,
): Promise<RenderedPost> {
  return drawPost(await planPost(spec, templates), options);
}
