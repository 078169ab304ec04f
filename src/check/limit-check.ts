import { formatSizes } from '../data/schema.js';
import type { Issue } from '../issue.js';
import { campaignLimitProblems, postLimitProblems } from '../layout/instagram-limits.js';
import {
  imagePathProblem,
  imageSizeProblem,
  instagramLimits,
  publishableAspect,
  publishableWidth,
} from '../layout/publish-rules.js';
import { postFolderName } from '../render/post-spec.js';
import { formatSwedishDate } from '../slide/slide-context.js';
import type { Check } from './check.js';
import { planScheduledPosts } from './scheduled-posts.js';

/**
 * Instagram's limits (FACTS.md), by the rules planPost refuses a post by and `excerpt publish`
 * applies before it sends anything: at most 5 hashtags a post (once a campaign), a caption of
 * at most 2,200 characters, alt text of at most 1,000 characters a slide, 2–10 slides, image
 * paths in plain ASCII; and a warning for a story campaign, which builds but cannot be
 * published as a carousel.
 */
export const limitCheck: Check = {
  name: 'limits',
  needs: 'dataset',
  async run(dataset, { templates }) {
    const issues: Issue[] = [];
    for (const campaign of dataset.campaigns) {
      const file = dataset.fileOf.campaign(campaign.id);
      for (const problem of campaignLimitProblems(campaign)) {
        issues.push({ ...problem, severity: 'error', file });
      }
      const size = imageSizeProblem(formatSizes[campaign.format], 'its slides');
      if (size !== undefined && campaign.posts.length > 0) {
        issues.push({
          code: 'limit',
          severity: 'warning',
          message: `${size.message}: excerpt publish refuses the campaign's posts`,
          file,
          path: ['format'],
          hint: 'use square or portrait for posts to publish; story suits stories posted by hand',
          sv: {
            message: `${swedishSizeProblem(formatSizes[campaign.format])}: excerpt publish publicerar inte kampanjens inlägg`,
            hint: 'använd kvadrat eller stående för inlägg som ska publiceras; story passar för storys som läggs upp för hand',
          },
        });
      }
    }
    for (const { campaign, file, index, spec, layout } of await planScheduledPosts(
      dataset,
      templates,
    )) {
      if (layout === undefined) continue;
      const post = `the post of ${spec.date}`;
      const svPost = `Inlägget den ${formatSwedishDate(spec.date)}`;
      for (const problem of postLimitProblems(layout, ['posts', index], campaign.hashtags.length)) {
        issues.push({
          ...problem,
          severity: 'error',
          file,
          message: `${post}: ${problem.message}`,
          sv: { ...problem.sv, message: `${svPost}: ${problem.sv.message}` },
        });
      }
      const { maxSlides } = instagramLimits;
      if (layout.slides >= maxSlides - 1 && layout.slides <= maxSlides) {
        // Within reach of the limit: a word added in a proofreading pass may push it over.
        const takes = (verb: string): string =>
          layout.perQa.map(({ id, slides }) => `${id} ${verb} ${slides}`).join(', ');
        const isSquare = spec.format === 'square';
        issues.push({
          code: 'limit',
          severity: 'warning',
          message: `${post} uses ${layout.slides} of its ${maxSlides} slides (${takes('takes')}, with the cover and the closing slide): the next edit may not fit`,
          file,
          path: ['posts', index, 'qa'],
          hint: isSquare
            ? 'to leave room, choose a shorter Q&A, or use the portrait format, which holds more text a slide'
            : 'to leave room, choose a shorter Q&A',
          sv: {
            message: `${svPost} använder ${layout.slides} av sina ${maxSlides} bilder (${takes('tar')}, plus omslaget och slutbilden): nästa ändring kanske inte får plats`,
            hint: isSquare
              ? 'för att lämna utrymme, välj en kortare fråga, eller använd formatet stående, som rymmer mer text per bild'
              : 'för att lämna utrymme, välj en kortare fråga',
          },
        });
      }
      const folder = `${campaign.id}/${postFolderName(spec.date, spec.interview.party)}`;
      const path = imagePathProblem(`${folder}/01.jpg`);
      if (path !== undefined) {
        issues.push({
          code: 'limit',
          severity: 'error',
          message: `${post}: ${path.message}`,
          file,
          path: ['posts', index],
          hint: 'the path is made of the campaign id and the party: keep them plain',
          sv: {
            message: `${svPost}: bildens sökväg ”${folder}/01.jpg” får bara innehålla bokstäverna a–z (inte å, ä eller ö), siffror, punkt, bindestreck och understreck`,
            hint: 'sökvägen byggs av kampanjens id och partiets namn: håll dem enkla',
          },
        });
      }
    }
    return { issues };
  },
};

/**
 * imageSizeProblem's message in Swedish, for a size it refuses: the aspect when that is
 * outside 4:5–1.91:1, else the width.
 */
function swedishSizeProblem({ width, height }: { width: number; height: number }): string {
  const aspect = width / height;
  if (aspect < publishableAspect.min - 1e-9 || aspect > publishableAspect.max + 1e-9) {
    const story = Math.abs(aspect - 9 / 16) < 0.01 ? ' (formatet story, 9:16)' : '';
    return `bilderna är ${width}×${height}${story}; en karusell tar bilder från 4:5 (stående) till 1,91:1 (liggande)`;
  }
  return `bilderna är ${width} px breda; Instagram tar emot ${publishableWidth.min}–${publishableWidth.max} px`;
}
