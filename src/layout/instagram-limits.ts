import type { InSwedish, Said } from '../issue.js';
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
 * publishing rules' own (publish-rules.ts), so build, check and publish say the same thing;
 * `sv` says the same facts in Swedish, for the studio.
 */
export interface LimitProblem {
  code: 'limit';
  message: string;
  hint: string;
  /** The field at fault, from the root of the post's campaign file: `['posts', 3, 'qa']`. */
  path: (string | number)[];
  sv: Required<InSwedish>;
}

/** `6 hashtaggar; Instagram tillåter högst 5 per inlägg`, after its subject. */
const swedishHashtags = (count: number): string =>
  `${count} hashtaggar; Instagram tillåter högst ${instagramLimits.hashtags} per inlägg`;

/** A post as its limits see it: laid out, or built. */
export interface PostForLimits {
  slides: number;
  caption: string;
  altTexts: readonly string[];
}

/** The limits a campaign breaks for every post it has: its hashtags. */
export function campaignLimitProblems(campaign: { hashtags: readonly string[] }): LimitProblem[] {
  const count = campaign.hashtags.length;
  const problem = hashtagCountProblem(count, 'the campaign');
  if (problem === undefined) return [];
  return [
    {
      code: 'limit',
      message: problem.message,
      hint: `keep the ${instagramLimits.hashtags} that matter most`,
      path: ['hashtags'],
      sv: {
        message: `kampanjen har ${swedishHashtags(count)}`,
        hint: `behåll de ${instagramLimits.hashtags} som betyder mest`,
      },
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
  const { minSlides, maxSlides, captionChars, altTextChars } = instagramLimits;
  // The rule decides and says it in English; the Swedish says the same facts.
  const add = (
    problem: { message: string } | undefined,
    sv: string,
    hint: Said,
    path: (string | number)[],
  ): void => {
    if (problem === undefined) return;
    problems.push({
      code: 'limit',
      message: problem.message,
      hint: hint.en,
      path,
      sv: { message: sv, hint: hint.sv },
    });
  };
  const slides = post.slides;
  add(
    slideCountProblem(slides, 'the post'),
    `inlägget har ${slides} ${slides === 1 ? 'bild' : 'bilder'}; en karusell kan ha ${minSlides}–${maxSlides}`,
    slides < minSlides
      ? { en: 'choose at least one Q&A', sv: 'välj minst en fråga' }
      : { en: 'choose fewer or shorter Q&As', sv: 'välj färre eller kortare frågor' },
    [...at, 'qa'],
  );
  const caption = captionLengthProblem(post.caption, 'the caption');
  const excess = caption?.excess ?? 0;
  add(
    caption,
    `bildtexten har ${[...post.caption].length} tecken; Instagram tillåter högst ${captionChars}`,
    {
      en: `the caption lists the chosen questions: choose fewer or shorter ones (${excess} characters too many)`,
      sv: `bildtexten räknar upp de valda frågorna: välj färre eller kortare frågor (${excess} tecken för mycket)`,
    },
    [...at, 'qa'],
  );
  if (campaignHashtags <= instagramLimits.hashtags) {
    const count = countHashtags(post.caption);
    add(
      hashtagCountProblem(count, 'the caption'),
      `bildtexten har ${swedishHashtags(count)}`,
      {
        en: 'a chosen question holds a #hashtag: choose another, or fewer campaign hashtags',
        sv: 'en vald fråga innehåller en #hashtagg: välj en annan, eller färre hashtaggar för kampanjen',
      },
      [...at, 'qa'],
    );
  }
  post.altTexts.forEach((altText, index) =>
    add(
      altTextProblem(altText, `slide ${index + 1}`),
      `bild ${index + 1} har en alt-text på ${[...altText].length} tecken; Instagram tillåter högst ${altTextChars}`,
      {
        en: `the alt text is the slide's text: a format with less text a slide (square) or shorter Q&As keep it within ${altTextChars}`,
        sv: `alt-texten är bildens text: ett format med mindre text per bild (kvadrat) eller kortare frågor håller den inom ${altTextChars} tecken`,
      },
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
