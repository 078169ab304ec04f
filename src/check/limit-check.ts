import { formatPath } from '../data/describe-zod-issues.js';
import { campaignLimitProblems, postLimitProblems } from '../layout/instagram-limits.js';
import type { Check } from './check.js';
import type { Finding } from './finding.js';
import { planScheduledPosts } from './scheduled-posts.js';

/**
 * Instagram's limits (FACTS.md), by the rules planPost refuses a post by: at most 5 hashtags
 * a post (once a campaign), a caption of at most 2,200 characters, alt text of at most 1,000
 * characters a slide.
 */
export const limitCheck: Check = {
  name: 'limits',
  needs: 'dataset',
  async run(dataset, { templates }) {
    const errors: Finding[] = dataset.campaigns.flatMap((campaign) =>
      campaignLimitProblems(campaign).map((problem) => ({
        code: problem.code,
        message: problem.message,
        file: dataset.fileOf.campaign(campaign.id),
        where: formatPath(problem.path),
        hint: problem.hint,
      })),
    );
    for (const { file, index, spec, layout } of await planScheduledPosts(dataset, templates)) {
      if (layout === undefined) continue;
      for (const problem of postLimitProblems(layout, ['posts', index])) {
        errors.push({
          code: problem.code,
          message: `the post of ${spec.date}: ${problem.message}`,
          file,
          where: formatPath(problem.path),
          hint: problem.hint,
        });
      }
    }
    return { errors, warnings: [] };
  },
};
