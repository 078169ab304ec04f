/** Instagram's limits for a post (FACTS.md, "Instagram"): each defined here, and only here. */
export const instagramLimits = {
  captionChars: 2200,
  hashtags: 5,
  altTextChars: 1000,
  /** The publishing API takes 2–10 images a carousel. */
  minSlides: 2,
  maxSlides: 10,
} as const;

/**
 * A limit a post breaks: what is wrong, what would fix it, and where. More kinds of problem
 * may join `code` (publishing adds its own checks of a built post).
 */
export interface LimitProblem {
  code: 'limit';
  message: string;
  hint: string;
  /** The field at fault, from the root of the post's campaign file: `['posts', 3, 'qa']`. */
  path: (string | number)[];
}

/** A post as its limits see it: laid out, or built. */
export interface PostForLimits {
  slides: number;
  caption: string;
  altTexts: readonly string[];
}

/** Lengths count code points, as Instagram does: an emoji is one character, not two. */
const length = (text: string): number => [...text].length;

/** The limits a campaign breaks for every post it has: its hashtags. */
export function campaignLimitProblems(campaign: { hashtags: readonly string[] }): LimitProblem[] {
  const count = campaign.hashtags.length;
  if (count <= instagramLimits.hashtags) return [];
  return [
    {
      code: 'limit',
      message: `the campaign has ${count} hashtags; Instagram takes at most ${instagramLimits.hashtags} a post`,
      hint: `keep the ${instagramLimits.hashtags} that matter most`,
      path: ['hashtags'],
    },
  ];
}

/**
 * The limits a post breaks by itself: its slides, caption and alt text. `at` is the post's
 * place in its campaign file (`['posts', 3]`), when it is a scheduled one.
 */
export function postLimitProblems(
  post: PostForLimits,
  at: readonly (string | number)[] = [],
): LimitProblem[] {
  const { minSlides, maxSlides, captionChars, altTextChars } = instagramLimits;
  const problems: LimitProblem[] = [];
  if (post.slides < minSlides || post.slides > maxSlides) {
    problems.push({
      code: 'limit',
      message: `the post has ${post.slides} slide${post.slides === 1 ? '' : 's'}; a carousel holds ${minSlides}–${maxSlides}`,
      hint: post.slides < minSlides ? 'choose at least one Q&A' : 'choose fewer or shorter Q&As',
      path: [...at, 'qa'],
    });
  }
  const caption = length(post.caption);
  if (caption > captionChars) {
    problems.push({
      code: 'limit',
      message: `the caption has ${caption} characters; Instagram takes at most ${captionChars}`,
      hint: `the caption lists the chosen questions: choose fewer or shorter ones (${caption - captionChars} characters too many)`,
      path: [...at, 'qa'],
    });
  }
  post.altTexts.forEach((altText, index) => {
    const alt = length(altText);
    if (alt <= altTextChars) return;
    problems.push({
      code: 'limit',
      message: `slide ${index + 1}'s alt text has ${alt} characters; Instagram takes at most ${altTextChars}`,
      hint: `the alt text is the slide's text: a format with less text a slide (square) or shorter Q&As keep it within ${altTextChars}`,
      path: [...at],
    });
  });
  return problems;
}

/** Every Instagram limit a post breaks, its campaign's hashtags included. */
export function limitProblems(
  post: PostForLimits & { hashtags: readonly string[] },
  at: readonly (string | number)[] = [],
): LimitProblem[] {
  return [...campaignLimitProblems(post), ...postLimitProblems(post, at)];
}
