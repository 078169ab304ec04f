import type { Dataset } from '../data/load.js';
import { comparePosts } from '../render/post-spec.js';
import type { Issue } from '../issue.js';
import type { CampaignFairness, Check, CheckResult } from './check.js';
import { planScheduledPosts } from './scheduled-posts.js';
import type { ScheduledPost } from './scheduled-posts.js';

/**
 * Political content: no party may look favoured. Within a campaign every post has the same
 * format and theme (the templates are the same for all), and each party's slide count is
 * reported so an imbalance is visible before anything is posted.
 */
export const fairnessCheck: Check = {
  name: 'fairness',
  needs: 'dataset',
  async run(dataset: Dataset, { templates }) {
    return assessFairness(await planScheduledPosts(dataset, templates));
  },
};

/** Groups laid-out posts by campaign: what each looks like, and each party's slides. */
export function assessFairness(posts: readonly ScheduledPost[]): CheckResult {
  const byCampaign = new Map<string, ScheduledPost[]>();
  for (const post of posts) {
    byCampaign.set(post.campaign.id, [...(byCampaign.get(post.campaign.id) ?? []), post]);
  }

  const issues: Issue[] = [];
  const fairness: CampaignFairness[] = [];
  for (const [id, group] of byCampaign) {
    const first = group[0]!;
    const formats = distinct(group.map((post) => post.spec.format));
    const themes = distinct(group.map((post) => post.spec.themeName));
    for (const [aspect, values, valueOf] of [
      ['format', formats, (post: ScheduledPost) => post.spec.format],
      ['theme', themes, (post: ScheduledPost) => post.spec.themeName],
    ] as const) {
      if (values.length <= 1) continue;
      const usage = values
        .map((value) => {
          const parties = group.filter((post) => valueOf(post) === value);
          return `${value}: ${parties.map((post) => post.spec.interview.party).join(', ')}`;
        })
        .join('; ');
      issues.push({
        code: 'fairness',
        severity: 'error',
        message: `the posts of ${id} do not share one ${aspect} (${usage})`,
        file: first.file,
        path: [aspect],
        hint: `every party in a campaign gets the same look: give all its posts the campaign's ${aspect}`,
      });
    }

    fairness.push({
      campaign: id,
      title: first.campaign.title,
      formats,
      themes,
      posts: [...group]
        .sort((a, b) => comparePosts(a.spec, b.spec))
        .map((post) => ({
          date: post.spec.date,
          party: post.spec.interview.party,
          interview: post.spec.interview.id,
          qa: [...post.spec.qaIds],
          slides: post.layout?.slides ?? null,
        })),
    });
  }
  return { issues, fairness };
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
