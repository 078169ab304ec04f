import { createHash } from 'node:crypto';
import type { Format } from '../data/schema.js';
import { formatSizes } from '../data/schema.js';
import { buildAltTexts } from '../layout/alt-text.js';
import { formatSwedishDate } from '../slide/slide-context.js';
import { limitProblems } from '../layout/instagram-limits.js';
import { InputError } from '../errors.js';
import { stockholmTimestamp } from '../data/publish-time.js';
import { planCarousel, type PlannedSlide } from './carousel.js';
import type { TemplateSet } from '../slide/template-set.js';
import { Limiter } from './limiter.js';
import { slideFileNames } from './post-files.js';
import { captionOf } from './post-caption.js';
import { postIdOf, type PostSpec } from './post-spec.js';

export { Limiter } from './limiter.js';
export { postFileNames } from './post-files.js';
import { thumbnailOf } from './contact-sheet.js';
import { rasterize, type ImageFormat } from './rasterize.js';
import type { SlideKind } from './slide-element.js';
import { renderEditableSvg } from './editable-svg.js';
import { renderSvg, type SatoriNodeBox } from './svg.js';

export interface RenderOptions {
  image: ImageFormat;
  /** Also keep each slide's SVG, for designers. */
  svg: boolean;
  /** Slides drawn at once: satori on the main thread overlaps resvg and sharp on the pool. */
  jobs?: number;
  /** Also make each slide's contact sheet thumbnail (RenderedPost.thumbnails). */
  thumbnails?: boolean;
  /** resvg on this thread rather than on libuv's pool (in a drawing worker: rasterize()). */
  resvgOnThisThread?: boolean;
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
  /** Each slide's contact sheet thumbnail (raw RGB), when asked for. */
  thumbnails?: Buffer[] | undefined;
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
  const caption = captionOf(spec);
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
    const join = (texts: string[]): string => [...new Set(texts)].join('; ');
    throw new LimitError(
      `${spec.interview.id} on ${spec.date}: ${problems.map((problem) => problem.message).join('; ')}`,
      {
        hint: join(problems.map((problem) => problem.hint)),
        sv: {
          message: `${spec.interview.id} den ${formatSwedishDate(spec.date)}: ${problems.map((problem) => problem.sv.message).join('; ')}`,
          hint: join(problems.map((problem) => problem.sv.hint)),
        },
      },
    );
  }
  return planned;
}

/** Raised when a slide as drawn would put text outside itself: a word would be lost. */
export class TextOutsideSlideError extends InputError {}

/**
 * Watches a slide's final drawing for text laid out past its edges, and throws before any
 * pixel is made of it. The layout fits each slide before it is drawn, so this never happens
 * with templates that draw as they measure; it is the last guard that a word of an answer
 * can never be cut off, whatever a template does.
 */
function outsideGuard(planned: PlannedPost, slide: PlannedSlide): (node: SatoriNodeBox) => void {
  const { width, height, number } = slide.ctx;
  return (node) => {
    const text = node.textContent?.trim() ?? '';
    if (text === '') return;
    const isInside =
      node.left >= -0.5 &&
      node.top >= -0.5 &&
      node.left + node.width <= width + 0.5 &&
      node.top + node.height <= height + 0.5;
    if (isInside) return;
    const { id } = planned.spec.interview;
    const { date } = planned.spec;
    const bottom = Math.round(node.top + node.height);
    throw new TextOutsideSlideError(
      `${id} on ${date}: slide ${number} would draw “${text}” outside the slide (${bottom} px down a ${height} px slide); nothing of the post was written`,
      {
        hint: 'the templates draw this slide taller than it was laid out: a template must draw the answer blocks it is given as they are (text added to them, or drawn only when not measuring, is not measured)',
        sv: {
          message: `${id} den ${formatSwedishDate(date)}: bild ${number} skulle rita ”${text}” utanför bilden (${bottom} px ner på en bild som är ${height} px hög); inget av inlägget skrevs`,
          hint: 'mallarna ritar bilden högre än den lades ut: en mall ska rita svarets stycken precis som den får dem (text som läggs till i dem, eller som bara ritas när inget mäts, mäts inte)',
        },
      },
    );
  };
}

/** Draws a planned post and writes its caption, alt text and post.json, in memory. */
export async function drawPost(
  planned: PlannedPost,
  options: RenderOptions,
  limiter = new Limiter(Math.max(1, options.jobs ?? 3)),
): Promise<RenderedPost> {
  const drawing: Promise<{ image: Buffer; svg: string; thumbnail?: Buffer }>[] = [];
  for (const slide of planned.slides) {
    const { width, height } = slide.ctx;
    // satori is synchronous work on this thread; rasterising runs on the libuv pool meanwhile.
    const { svg } = await renderSvg(slide.element, { width, height }, outsideGuard(planned, slide));
    const { result } = await limiter.start(async () => {
      const image = await rasterize(svg, options.image, {
        onThisThread: options.resvgOnThisThread === true,
      });
      if (options.thumbnails !== true) return { image, svg };
      return { image, svg, thumbnail: await thumbnailOf(image, width, height) };
    });
    drawing.push(result);
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
  for (const [name, text] of Object.entries(textFilesOf(post))) files.set(name, Buffer.from(text));
  const thumbnails =
    options.thumbnails === true ? drawn.map(({ thumbnail }) => thumbnail!) : undefined;
  return { post, files, thumbnails };
}

/**
 * The text files of a post folder, as a build writes them: post.json, caption.txt, alt.txt (the
 * studio's download of a chosen carousel writes the same).
 */
export function textFilesOf(
  post: PostJson,
): Record<'post.json' | 'caption.txt' | 'alt.txt', string> {
  return {
    'post.json': `${JSON.stringify(post, null, 2)}\n`,
    'caption.txt': `${post.caption}\n`,
    'alt.txt': `${post.slides.map((slide) => `${slide.file}\n${slide.altText}`).join('\n\n')}\n`,
  };
}

/** Lays out and draws one post with a set of templates. */
export async function renderPost(
  spec: PostSpec,
  templates: TemplateSet,
  options: RenderOptions,
): Promise<RenderedPost> {
  return drawPost(await planPost(spec, templates), options);
}
