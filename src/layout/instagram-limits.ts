import {
  altTextProblem,
  captionLengthProblem,
  countHashtags,
  hashtagCountProblem,
  instagramLimits,
  slideCountProblem,
} from './publish-rules.js';

export { instagramLimits } from './publish-rules.js';

/**
 * A limit a post breaks: what is wrong, what would fix it, and where. The messages are the
 * publishing rules' own (publish-rules.ts), so build, check and publish say the same thing.
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

/** The limits a campaign breaks for every post it has: its hashtags. */
export function campaignLimitProblems(campaign: { hashtags: readonly string[] }): LimitProblem[] {
  const problem = hashtagCountProblem(campaign.hashtags.length, 'the campaign');
  if (problem === undefined) return [];
  return [
    {
      code: 'limit',
      message: problem.message,
      hint: `keep the ${instagramLimits.hashtags} that matter most`,
      path: ['hashtags'],
    },
  ];
}

/**
 * The limits a post breaks by itself: its slides, caption, the hashtags a chosen question adds
 * to its campaign's, and alt text. `at` is the post's place in its campaign file
 * (`['posts', 3]`), when it is a scheduled one; `campaignHashtags` its campaign's count, whose
 * excess campaignLimitProblems reports once for the campaign.
 */
export function postLimitProblems(
  post: PostForLimits,
  at: readonly (string | number)[] = [],
  campaignHashtags = 0,
): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const add = (
    problem: { message: string } | undefined,
    hint: string,
    path: (string | number)[],
  ): void => {
    if (problem !== undefined)
      problems.push({ code: 'limit', message: problem.message, hint, path });
  };
  add(
    slideCountProblem(post.slides, 'the post'),
    post.slides < instagramLimits.minSlides
      ? 'choose at least one Q&A'
      : 'choose fewer or shorter Q&As',
    [...at, 'qa'],
  );
  const caption = captionLengthProblem(post.caption, 'the caption');
  add(
    caption,
    `the caption lists the chosen questions: choose fewer or shorter ones (${caption?.excess ?? 0} characters too many)`,
    [...at, 'qa'],
  );
  if (campaignHashtags <= instagramLimits.hashtags) {
    add(
      hashtagCountProblem(countHashtags(post.caption), 'the caption'),
      'a chosen question holds a #hashtag: choose another, or fewer campaign hashtags',
      [...at, 'qa'],
    );
  }
  post.altTexts.forEach((altText, index) =>
    add(
      altTextProblem(altText, `slide ${index + 1}`),
      `the alt text is the slide's text: a format with less text a slide (square) or shorter Q&As keep it within ${instagramLimits.altTextChars}`,
      [...at],
    ),
  );
  return problems;
}

/** Every Instagram limit a post breaks, its campaign's hashtags included. */
export function limitProblems(
  post: PostForLimits & { hashtags: readonly string[] },
  at: readonly (string | number)[] = [],
): LimitProblem[] {
  return [...campaignLimitProblems(post), ...postLimitProblems(post, at, post.hashtags.length)];
}
