import { instagramLimits } from '../layout/caption.js';
import type { Check } from './check.js';
import type { Finding } from './finding.js';
import { planScheduledPosts } from './scheduled-posts.js';

/**
 * Instagram's limits (FACTS.md): at most 5 hashtags a post, a caption of at most 2,200
 * characters, alt text of at most 1,000 characters a slide. Lengths count code points, as
 * planPost does.
 */
export const limitCheck: Check = {
  name: 'limits',
  needs: 'dataset',
  async run(dataset, { templates }) {
    const errors: Finding[] = [];
    for (const campaign of dataset.campaigns) {
      if (campaign.hashtags.length > instagramLimits.hashtags) {
        errors.push({
          code: 'limit',
          message: `${campaign.hashtags.length} hashtags; Instagram takes at most ${instagramLimits.hashtags} a post`,
          file: dataset.fileOf.campaign(campaign.id),
          where: 'hashtags',
          hint: `keep the ${instagramLimits.hashtags} that matter most`,
        });
      }
    }

    for (const { file, index, spec, layout } of await planScheduledPosts(dataset, templates)) {
      if (layout === undefined) continue;
      const captionLength = [...layout.caption].length;
      if (captionLength > instagramLimits.captionChars) {
        errors.push({
          code: 'limit',
          message: `the caption of the post of ${spec.date} has ${captionLength} characters; Instagram takes at most ${instagramLimits.captionChars}`,
          file,
          where: `posts[${index}].qa`,
          hint: `the caption lists the chosen questions: choose fewer or shorter ones (${captionLength - instagramLimits.captionChars} characters too many)`,
        });
      }
      layout.altTexts.forEach((altText, slide) => {
        const length = [...altText].length;
        if (length > instagramLimits.altTextChars) {
          errors.push({
            code: 'limit',
            message: `slide ${slide + 1} of the post of ${spec.date} has alt text of ${length} characters; Instagram takes at most ${instagramLimits.altTextChars}`,
            file,
            where: `posts[${index}]`,
            hint: `the alt text is the slide's text: a format with less text a slide (square) or shorter Q&As keep it within ${instagramLimits.altTextChars}`,
          });
        }
      });
    }
    return { errors, warnings: [] };
  },
};
