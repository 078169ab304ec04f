/**
 * What Instagram's publishing API refuses, checked offline (FACTS.md, "Instagram Graph API:
 * publishing"): the one home of each rule, used by `excerpt check` on every scheduled post and
 * by `excerpt publish` on every built post before it sends anything. Each rule returns a
 * message that starts with its subject (given by the caller: "the caption of the post of …",
 * "slide 03.jpg"), or undefined when the post keeps the rule. Lengths count code points, as
 * the layout does.
 */

/** Instagram's limits for a post (FACTS.md, "Instagram"): each defined here, and only here. */
export const instagramLimits = {
  captionChars: 2200,
  hashtags: 5,
  altTextChars: 1000,
  /** The publishing API takes 2–10 images a carousel. */
  minSlides: 2,
  maxSlides: 10,
} as const;

/** One rule a post breaks, and by how much. */
export interface RuleProblem {
  message: string;
  /** How far over the limit (characters, hashtags, slides), when that says what to cut. */
  excess?: number;
}

/** The narrowest and widest image the API takes (FACTS.md): width over height, 4:5 to 1.91:1. */
export const publishableAspect = { min: 4 / 5, max: 1.91 } as const;
/** The width the API takes, in pixels. */
export const publishableWidth = { min: 320, max: 1440 } as const;

/**
 * The slide size: 320–1440 px wide, 4:5 to 1.91:1. The story format (9:16) breaks it: a
 * carousel of stories cannot be published.
 */
export function imageSizeProblem(
  size: { width: number; height: number },
  subject = 'the slides',
): RuleProblem | undefined {
  const { width, height } = size;
  const aspect = width / height;
  // 1080×1350 is exactly 4:5: compared with a little tolerance, as Meta rounds too.
  if (aspect < publishableAspect.min - 1e-9 || aspect > publishableAspect.max + 1e-9) {
    const story = Math.abs(aspect - 9 / 16) < 0.01 ? ' (the story format, 9:16)' : '';
    return {
      message: `${subject} are ${width}×${height}${story}; a carousel takes 4:5 (portrait) to 1.91:1 (landscape)`,
    };
  }
  if (width < publishableWidth.min || width > publishableWidth.max) {
    return {
      message: `${subject} are ${width} px wide; Instagram takes ${publishableWidth.min}–${publishableWidth.max} px`,
    };
  }
  return undefined;
}

/** A carousel has 2–10 slides. */
export function slideCountProblem(
  count: number,
  subject = 'the carousel',
): RuleProblem | undefined {
  const { minSlides, maxSlides } = instagramLimits;
  if (count < minSlides) {
    return {
      message: `${subject} has ${count} slide${count === 1 ? '' : 's'}; a carousel takes ${minSlides}–${maxSlides}`,
    };
  }
  if (count > maxSlides) {
    return {
      message: `${subject} has ${count} slides; a carousel takes ${minSlides}–${maxSlides}`,
      excess: count - maxSlides,
    };
  }
  return undefined;
}

/** A caption of at most 2,200 characters. */
export function captionLengthProblem(
  caption: string,
  subject = 'the caption',
): RuleProblem | undefined {
  const length = [...caption].length;
  if (length <= instagramLimits.captionChars) return undefined;
  return {
    message: `${subject} has ${length} characters; Instagram takes at most ${instagramLimits.captionChars}`,
    excess: length - instagramLimits.captionChars,
  };
}

/**
 * The hashtags of a caption as Instagram counts them: `#` then letters, digits or `_`, not
 * inside a word (`a#b`) or an HTML entity (`&#39;`). A question may hold one.
 */
export function countHashtags(caption: string): number {
  return [...caption.matchAll(/(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu)].length;
}

/** At most 5 hashtags a post. `subject` names what has them, e.g. "the caption"; none: bare. */
export function hashtagCountProblem(count: number, subject?: string): RuleProblem | undefined {
  if (count <= instagramLimits.hashtags) return undefined;
  const tags = `${count} hashtags`;
  return {
    message: `${subject === undefined ? tags : `${subject} has ${tags}`}; Instagram takes at most ${instagramLimits.hashtags} a post`,
    excess: count - instagramLimits.hashtags,
  };
}

/** Alt text of at most 1,000 characters a slide; `subject` names the slide. */
export function altTextProblem(altText: string, subject: string): RuleProblem | undefined {
  const length = [...altText].length;
  if (length <= instagramLimits.altTextChars) return undefined;
  return {
    message: `${subject} has alt text of ${length} characters; Instagram takes at most ${instagramLimits.altTextChars}`,
    excess: length - instagramLimits.altTextChars,
  };
}

/**
 * An image's path under the public base URL is plain ASCII, with nothing a URL would have to
 * escape: Meta fetches it, and escaped or non-ASCII paths are where fetches go wrong.
 */
export function imagePathProblem(path: string): RuleProblem | undefined {
  const segments = path.split('/');
  const isPlain = segments.every(
    (segment) => /^[A-Za-z0-9._~-]+$/.test(segment) && segment !== '.' && segment !== '..',
  );
  if (isPlain) return undefined;
  return {
    message: `the image path ${JSON.stringify(path)} is not plain ASCII (letters a–z, digits, ".", "-", "_")`,
  };
}

/** A built post as publishing sees it. */
export interface PublishablePost {
  width: number;
  height: number;
  caption: string;
  /** Each slide's path under the public base URL, and its alt text. */
  slides: readonly { path: string; altText: string }[];
}

/** Every rule a post breaks, in the order a person would fix them. */
export function publishProblems(post: PublishablePost): RuleProblem[] {
  const problems = [
    imageSizeProblem(post),
    slideCountProblem(post.slides.length),
    captionLengthProblem(post.caption),
    hashtagCountProblem(countHashtags(post.caption), 'the caption'),
    ...post.slides.flatMap((slide) => [
      altTextProblem(slide.altText, `slide ${slide.path}`),
      imagePathProblem(slide.path),
    ]),
  ];
  return problems.filter((problem): problem is RuleProblem => problem !== undefined);
}
