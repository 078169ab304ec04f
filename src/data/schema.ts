import { z } from 'zod';
import { stockholmInstants } from './publish-time.js';
import { isSlug } from './slug.js';

/**
 * The data model (PRODUCT.md, "Data"). Every file under data/ is parsed through one of these
 * schemas; objects are strict so a misspelt field name is reported instead of ignored.
 */

/**
 * The schema's own messages, each with what the studio says in Swedish: zod reports a message
 * as written here, and describe-zod-issues.ts finds its Swedish by it (swedishOfSchemaMessage).
 */
const says = {
  slug: {
    en: 'must be a slug: lower case a–z, 0–9 and single dashes',
    sv: 'ska vara ett kortnamn: små bokstäver a–z, siffror 0–9 och enstaka bindestreck',
  },
  interviewId: {
    en: 'must be <campaign-id>/<party>, both slugs, e.g. adventsfragestund-2020/centerpartiet',
    sv: 'ska vara <kampanj>/<parti>, båda kortnamn, till exempel adventsfragestund-2020/centerpartiet',
  },
  date: { en: 'must be a date written YYYY-MM-DD', sv: 'ska vara ett datum skrivet ÅÅÅÅ-MM-DD' },
  realDate: { en: 'is not a real calendar date', sv: 'är inget datum som finns i kalendern' },
  notEmpty: { en: 'must not be empty', sv: 'får inte vara tomt' },
  colour: { en: 'must be a colour written #rrggbb', sv: 'ska vara en färg skriven #rrggbb' },
  listItem: {
    en: 'a list needs at least one item',
    sv: 'en punktlista behöver minst en punkt',
  },
  answer: {
    en: 'an answer needs at least one paragraph',
    sv: 'ett svar behöver minst ett stycke',
  },
  question: {
    en: 'an interview needs at least one question',
    sv: 'en intervju behöver minst en fråga',
  },
  postQa: {
    en: 'a post needs at least one Q&A id',
    sv: 'ett inlägg behöver minst en fråga (dess id, till exempel q1)',
  },
  time: {
    en: 'must be a time of day written HH:MM',
    sv: 'ska vara en tid på dygnet skriven TT:MM',
  },
  hashtag: {
    en: 'a hashtag is letters and digits only, written without # (e.g. Huddinge)',
    sv: 'en hashtagg är bara bokstäver och siffror, skriven utan # (till exempel Huddinge)',
  },
  handle: {
    en: 'must be an Instagram handle, e.g. @kraftbyran',
    sv: 'ska vara ett Instagramkonto, till exempel @kraftbyran',
  },
  email: { en: 'must be an e-mail address', sv: 'ska vara en e-postadress' },
  mark: {
    en: 'is one to three letters, drawn in a circle',
    sv: 'är en till tre bokstäver, som ritas i en cirkel',
  },
  defaultTheme: {
    en: 'needs a theme named default',
    sv: 'behöver ett tema som heter default',
  },
  userId: {
    en: 'must be the account’s numeric id in quotes, e.g. "17841400000000000"',
    sv: 'ska vara kontots id, bara siffror, inom raka citattecken, till exempel "17841400000000000"',
  },
} as const;

const swedishByMessage = new Map<string, string>(Object.values(says).map(({ en, sv }) => [en, sv]));

/** The Swedish of one of the schema's own messages, for the studio. */
export function swedishOfSchemaMessage(message: string): string | undefined {
  return swedishByMessage.get(message);
}

const slugSchema = z.string().refine(isSlug, { message: says.slug.en });

/** `<campaign-id>/<party-slug>`, the id of an interview. */
export const interviewIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: says.interviewId.en,
  });

/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDateSchema = z
  .string({ message: says.date.en })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: says.date.en })
  .refine(
    (text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    },
    { message: says.realDate.en },
  );

const textSchema = z.string().trim().min(1, { message: says.notEmpty.en });

export const colourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: says.colour.en });

export const formatSchema = z.enum(['square', 'portrait', 'story']);
export type Format = z.infer<typeof formatSchema>;

/** The formats as the studio names them in Swedish (its format picker's words). */
export const formatNamesInSwedish: Record<Format, string> = {
  square: 'kvadrat',
  portrait: 'stående',
  story: 'story',
};

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
    list: z.array(textSchema).min(1, { message: says.listItem.en }),
  }),
]);
export type AnswerBlock = z.infer<typeof answerBlockSchema>;

export const qaSchema = z.strictObject({
  id: slugSchema,
  question: textSchema,
  answer: z.array(answerBlockSchema).min(1, { message: says.answer.en }),
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
  qa: z.array(qaSchema).min(1, { message: says.question.en }),
});
export type Interview = z.infer<typeof interviewSchema>;

export const postSchema = z.strictObject({
  date: isoDateSchema,
  interview: interviewIdSchema,
  qa: z.array(slugSchema).min(1, { message: says.postQa.en }),
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
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: says.time.en })
      .default(campaignDefaults.time),
    hashtags: z
      .array(z.string().regex(/^[\p{L}\p{N}_]+$/u, { message: says.hashtag.en }))
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
          sv: {
            message: `${post.date} klockan ${campaign.time} finns inte i Stockholm: den natten går klockan från 02:00 till 03:00, när sommartiden börjar`,
            hint: 'flytta inlägget till en annan dag, eller ge kampanjen en tid utanför 02:00–03:00',
          },
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
  handle: z.string().regex(/^@[A-Za-z0-9._]+$/, { message: says.handle.en }),
  website: textSchema,
  /** Where the whole interviews are published. */
  interviewsUrl: textSchema,
  email: z.email({ message: says.email.en }),
  /** The contact line of the closing slide. */
  contactLine: textSchema,
  /** The organisation's mark at the foot of each slide: one to three letters (default: its initial). */
  mark: z
    .string()
    .trim()
    .min(1, { message: says.notEmpty.en })
    .max(3, { message: says.mark.en })
    .optional(),
  themes: z.record(slugSchema, themeSchema).refine((themes) => Object.hasOwn(themes, 'default'), {
    message: says.defaultTheme.en,
  }),
  /**
   * The Instagram account `excerpt publish` posts to (INSTAGRAM_USER_ID, when set, wins). Text,
   * not a number: YAML reads an unquoted 17-digit id as a number and loses its last digits.
   */
  instagram: z
    .strictObject({
      userId: z.string().regex(/^\d{1,30}$/, { message: says.userId.en }),
    })
    .optional(),
});
export type Brand = z.infer<typeof brandSchema>;
