import { formatSizes } from '../data/schema.js';
import { instagramLimits } from '../layout/caption.js';
import {
  altTextProblem,
  captionLengthProblem,
  countHashtags,
  hashtagCountProblem,
  imagePathProblem,
  imageSizeProblem,
  slideCountProblem,
} from '../layout/publish-rules.js';
import { postFolderName } from '../render/post-spec.js';
import type { Check } from './check.js';
import type { Issue } from '../issue.js';
import { planScheduledPosts } from './scheduled-posts.js';

/**
 * Instagram's limits (FACTS.md), by the rules `excerpt publish` applies before it sends
 * anything (layout/publish-rules.ts): at most 5 hashtags a post, a caption of at most 2,200
 * characters, alt text of at most 1,000 characters a slide, 2–10 slides, plain ASCII image
 * paths. A campaign in the story format is a warning: it builds, for stories posted by hand,
 * but a carousel of 9:16 slides cannot be published.
 */
export const limitCheck: Check = {
  name: 'limits',
  needs: 'dataset',
  async run(dataset) {
    const issues: Issue[] = [];
    for (const campaign of dataset.campaigns) {
      const file = dataset.fileOf.campaign(campaign.id);
      const hashtags = hashtagCountProblem(campaign.hashtags.length);
      if (hashtags !== undefined) {
        issues.push({
          code: 'limit',
          severity: 'error',
          message: hashtags.message,
          file,
          path: ['hashtags'],
          hint: `keep the ${instagramLimits.hashtags} that matter most`,
        });
      }
      const size = imageSizeProblem(formatSizes[campaign.format], `its slides`);
      if (size !== undefined && campaign.posts.length > 0) {
        issues.push({
          code: 'limit',
          severity: 'warning',
          message: `${size.message}: excerpt publish refuses the campaign's posts`,
          file,
          path: ['format'],
          hint: 'use square or portrait for posts to publish; story suits stories posted by hand',
        });
      }
    }

    for (const { campaign, file, index, spec, layout } of await planScheduledPosts(dataset)) {
      if (layout === undefined) continue;
      const post = `the post of ${spec.date}`;
      const slides = slideCountProblem(layout.slides, post);
      if (slides !== undefined) {
        issues.push({
          code: 'limit',
          severity: 'error',
          message: slides.message,
          file,
          path: ['posts', index, 'qa'],
          hint: 'choose more or fewer Q&As',
        });
      }
      const caption = captionLengthProblem(layout.caption, `the caption of ${post}`);
      if (caption !== undefined) {
        issues.push({
          code: 'limit',
          severity: 'error',
          message: caption.message,
          file,
          path: ['posts', index, 'qa'],
          hint: `the caption lists the chosen questions: choose fewer or shorter ones (${caption.excess ?? 0} characters too many)`,
        });
      }
      // The campaign's own hashtags are reported once, above; these are hashtags a question adds.
      const tags = hashtagCountProblem(countHashtags(layout.caption), `the caption of ${post}`);
      if (tags !== undefined && campaign.hashtags.length <= instagramLimits.hashtags) {
        issues.push({
          code: 'limit',
          severity: 'error',
          message: tags.message,
          file,
          path: ['posts', index, 'qa'],
          hint: 'a chosen question holds a #hashtag: choose another, or fewer campaign hashtags',
        });
      }
      layout.altTexts.forEach((altText, slide) => {
        const problem = altTextProblem(altText, `slide ${slide + 1} of ${post}`);
        if (problem !== undefined) {
          issues.push({
            code: 'limit',
            severity: 'error',
            message: problem.message,
            file,
            path: ['posts', index],
            hint: `the alt text is the slide's text: a format with less text a slide (square) or shorter Q&As keep it within ${instagramLimits.altTextChars}`,
          });
        }
      });
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
        });
      }
    }
    return { issues };
  },
};
