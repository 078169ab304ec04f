import type { Dataset } from '../data/load.js';
import type { Campaign } from '../data/schema.js';
import { InputError } from '../errors.js';
import type { InSwedish } from '../issue.js';
import { GlyphError } from '../render/glyphs.js';
import { specOfPost, type PostSpec } from '../render/post-spec.js';
import { layOutPost } from '../render/render-post.js';
import type { TemplateSet } from '../slide/template-set.js';

/** A scheduled post laid out as a build would lay it out, or why it cannot be. */
export interface ScheduledPost {
  campaign: Campaign;
  /** The campaign's file, and the post's index in its `posts`. */
  file: string;
  index: number;
  spec: PostSpec;
  /** Everything a build makes of the post but the pixels; undefined when it cannot be laid out. */
  layout:
    | {
        slides: number;
        /** How many slides each chosen Q&A takes, in order. */
        perQa: { id: string; slides: number }[];
        caption: string;
        altTexts: string[];
      }
    | undefined;
  /**
   * Why the post cannot be laid out: it needs too many slides, or a text does not fit. Undefined
   * too when a character cannot be drawn: the glyph check reports that, for every text. `sv`
   * says it in Swedish, for the studio.
   */
  problem?: { message: string; hint?: string | undefined; sv?: InSwedish | undefined };
}

const planned = new WeakMap<Dataset, WeakMap<TemplateSet, Promise<ScheduledPost[]>>>();

/**
 * Every scheduled post of every campaign, in file order, laid out once per dataset (and
 * templates) however many checks ask: the fit, limit and fairness checks share it.
 */
export function planScheduledPosts(
  dataset: Dataset,
  templates: TemplateSet,
): Promise<ScheduledPost[]> {
  let byTemplates = planned.get(dataset);
  if (byTemplates === undefined) {
    byTemplates = new WeakMap();
    planned.set(dataset, byTemplates);
  }
  let posts = byTemplates.get(templates);
  if (posts === undefined) {
    posts = planAll(dataset, templates);
    byTemplates.set(templates, posts);
  }
  return posts;
}

async function planAll(dataset: Dataset, templates: TemplateSet): Promise<ScheduledPost[]> {
  const posts: ScheduledPost[] = [];
  for (const campaign of dataset.campaigns) {
    const file = dataset.fileOf.campaign(campaign.id);
    for (const [index, post] of campaign.posts.entries()) {
      const spec = specOfPost(dataset, campaign, post);
      posts.push({ campaign, file, index, spec, ...(await layOut(spec, templates)) });
    }
  }
  return posts;
}

/** The post as planPost lays it out, but with Instagram's limits left to the limit check. */
async function layOut(
  spec: PostSpec,
  templates: TemplateSet,
): Promise<Pick<ScheduledPost, 'layout' | 'problem'>> {
  try {
    const { slides, caption, altTexts } = await layOutPost(spec, templates);
    const perQa = spec.qaIds.map((id) => ({
      id,
      slides: slides.filter(({ plan }) => plan.kind === 'qa' && plan.qaId === id).length,
    }));
    return { layout: { slides: slides.length, perQa, caption, altTexts } };
  } catch (error) {
    // A character that cannot be drawn is the glyph check's to report, for every text.
    if (error instanceof GlyphError) return { layout: undefined };
    if (error instanceof InputError) {
      const { message, hint, sv } = error;
      return { layout: undefined, problem: { message, hint, sv } };
    }
    throw error;
  }
}
