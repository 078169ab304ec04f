import { z } from 'zod';
import { stockholmInstants } from './publish-time.js';
import { isSlug } from './slug.js';

/**
 * The data model (PRODUCT.md, "Data"). Every file under data/ is parsed through one of these
 * schemas; objects are strict so a misspelt field name is reported instead of ignored.
 */

const slugSchema = z
  .string()
  .refine(isSlug, { message: 'must be a slug: lower case a–z, 0–9 and single dashes' });

/** `<campaign-id>/<party-slug>`, the id of an interview. */
export const interviewIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'must be <campaign-id>/<party>, both slugs, e.g. adventsfragestund-2020/centerpartiet',
  });

/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDateSchema = z
  .string({ message: 'must be a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  .refine(
    (text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    },
    { message: 'is not a real calendar date' },
  );

const textSchema = z.string().trim().min(1, { message: 'must not be empty' });

export const colourSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour written #rrggbb' });

export const formatSchema = z.enum(['square', 'portrait', 'story']);
export type Format = z.infer<typeof formatSchema>;

/** Pixel size of each slide format (PRODUCT.md, "Slides"). */
export const formatSizes: Record<Format, { width: number; height: number }> = {
  square: { width: 1080, height: 1080 },
  portrait: { width: 1080, height: 1350 },
  story: { width: 1080, height: 1920 },
};

/** A block of an answer: a paragraph, or a bullet list. */
export const answerBlockSchema = z.union([
  textSchema,
  z.strictObject({
    list: z.array(textSchema).min(1, { message: 'a list needs at least one item' }),
  }),
]);
export type AnswerBlock = z.infer<typeof answerBlockSchema>;

export const qaSchema = z.strictObject({
  id: slugSchema,
  question: textSchema,
  answer: z.array(answerBlockSchema).min(1, { message: 'an answer needs at least one paragraph' }),
});
export type Qa = z.infer<typeof qaSchema>;

export const interviewSchema = z.strictObject({
  id: interviewIdSchema,
  campaign: slugSchema,
  party: textSchema,
  interviewee: z.strictObject({ name: textSchema, role: textSchema }),
  /** The day the excerpt appeared on Instagram. */
  publishedOn: isoDateSchema,
  intro: textSchema.optional(),
  qa: z.array(qaSchema).min(1, { message: 'an interview needs at least one question' }),
});
export type Interview = z.infer<typeof interviewSchema>;

export const postSchema = z.strictObject({
  date: isoDateSchema,
  interview: interviewIdSchema,
  qa: z.array(slugSchema).min(1, { message: 'a post needs at least one Q&A id' }),
  /** The cover's hook: a passage of one of the chosen answers, verbatim (data/highlight.ts). */
  highlight: textSchema.optional(),
});
export type Post = z.infer<typeof postSchema>;

/** What a campaign gets for what it leaves out; a post of no known campaign gets them too. */
export const campaignDefaults = { format: 'square', time: '08:00' } as const;

export const campaignSchema = z
  .strictObject({
    id: slugSchema,
    title: textSchema,
    /** A line under the title on the cover: what the campaign asks about. */
    subtitle: textSchema.optional(),
    /** The emoji the page puts before each question. */
    marker: textSchema,
    theme: slugSchema,
    format: formatSchema.default(campaignDefaults.format),
    /** Publish time of day, Europe/Stockholm. */
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time of day written HH:MM' })
      .default(campaignDefaults.time),
    hashtags: z
      .array(
        z.string().regex(/^[\p{L}\p{N}_]+$/u, {
          message: 'a hashtag is letters and digits only, written without # (e.g. Huddinge)',
        }),
      )
      .default([]),
    posts: z.array(postSchema).default([]),
  })
  // A post at a time the clocks skip (summer time starts) has no instant to be published at.
  // The hour they repeat is only a warning (`excerpt check`): the first is taken.
  .superRefine((campaign, context) => {
    campaign.posts.forEach((post, index) => {
      if (stockholmInstants(post.date, campaign.time).length > 0) return;
      context.addIssue({
        code: 'custom',
        path: ['posts', index, 'date'],
        message: `${post.date} at ${campaign.time} does not exist in Stockholm: the clocks go from 02:00 to 03:00 that night, as summer time starts`,
        params: {
          hint: 'move the post to another day, or set the campaign’s time outside 02:00–03:00',
        },
      });
    });
  });
export type Campaign = z.infer<typeof campaignSchema>;

/** The colours of one surface: text roles drawn on one background. */
export const surfaceSchema = z.strictObject({
  background: colourSchema,
  /** Body text and headings. */
  text: colourSchema,
  /** Labels, names, page numbers. */
  muted: colourSchema,
  /** Emphasised text: markers, the party name, the question. */
  accent: colourSchema,
});
export type Surface = z.infer<typeof surfaceSchema>;

export const themeSchema = z.strictObject({
  /** Q&A slides. */
  light: surfaceSchema,
  /** Cover and closing slides. */
  dark: surfaceSchema,
  /** Decorative colours (rules, bands); never used for text or behind text. */
  decor: z.array(colourSchema).min(1),
});
export type Theme = z.infer<typeof themeSchema>;

export const brandSchema = z.strictObject({
  organisation: textSchema,
  handle: z
    .string()
    .regex(/^@[A-Za-z0-9._]+$/, { message: 'must be an Instagram handle, e.g. @kraftbyran' }),
  website: textSchema,
  /** Where the whole interviews are published. */
  interviewsUrl: textSchema,
  email: z.email({ message: 'must be an e-mail address' }),
  /** The contact line of the closing slide. */
  contactLine: textSchema,
  /** The organisation's mark at the foot of each slide: one to three letters (default: its initial). */
  mark: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(3, { message: 'is one to three letters, drawn in a circle' })
    .optional(),
  themes: z.record(slugSchema, themeSchema).refine((themes) => Object.hasOwn(themes, 'default'), {
    message: 'needs a theme named default',
  }),
  /**
   * The Instagram account `excerpt publish` posts to (INSTAGRAM_USER_ID, when set, wins). Text,
   * not a number: YAML reads an unquoted 17-digit id as a number and loses its last digits.
   */
  instagram: z
    .strictObject({
      userId: z.string().regex(/^\d{1,30}$/, {
        message: 'must be the account’s numeric id in quotes, e.g. "17841400000000000"',
      }),
    })
    .optional(),
});
export type Brand = z.infer<typeof brandSchema>;
