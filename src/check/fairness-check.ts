import type { Dataset } from '../data/load.js';
import { comparePosts } from '../render/post-spec.js';
import type { Issue } from '../issue.js';
import { isSameQuestion, questionWords } from '../layout/questions.js';
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

    issues.push(...questionFairnessIssues(group));

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

/**
 * Each party of a campaign should be asked the same questions, as many of them: a post whose
 * questions differ from those most of the campaign's posts share is named in a warning. When
 * two questions are the same is layout/questions.ts's rule, the studio's fairness view's too.
 */
export function questionFairnessIssues(group: readonly ScheduledPost[]): Issue[] {
  if (group.length < 2) return [];
  const clusters: string[][] = [];
  const asked = group.map((post) =>
    post.spec.qaIds.map((id) => {
      const question = post.spec.interview.qa.find((qa) => qa.id === id)?.question ?? '';
      const words = questionWords(question, post.spec.interview.party);
      let cluster = clusters.findIndex((known) => isSameQuestion(known, words));
      if (cluster === -1) cluster = clusters.push(words) - 1;
      return { id, cluster, question };
    }),
  );
  const postsAsking = clusters.map(
    (_, cluster) =>
      asked.filter((questions) => questions.some((q) => q.cluster === cluster)).length,
  );
  const common = new Set(
    postsAsking.flatMap((count, cluster) => (count * 2 > group.length ? [cluster] : [])),
  );
  const usualCount = mostCommon(asked.map((questions) => questions.length));

  const issues: Issue[] = [];
  group.forEach((post, index) => {
    const questions = asked[index]!;
    const own = new Set(questions.map((q) => q.cluster));
    const { interview } = post.spec;
    const others = questions
      .filter((q) => !common.has(q.cluster))
      .map((q) => `${q.id} “${q.question}”`);
    // What the others are asked, as this interview asks it when it does: the id to choose.
    const missing = [...common]
      .filter((cluster) => !own.has(cluster))
      .map((cluster) => {
        const words = clusters[cluster]!;
        const here = interview.qa.find((qa) =>
          isSameQuestion(words, questionWords(qa.question, interview.party)),
        );
        if (here !== undefined) return `${here.id} “${here.question}”`;
        const example = asked.flat().find((q) => q.cluster === cluster)!;
        return `“${example.question}” (not in this interview)`;
      });
    const details: string[] = [];
    if (questions.length !== usualCount) {
      details.push(
        `${questions.length} question${questions.length === 1 ? '' : 's'} where most parties get ${usualCount}`,
      );
    }
    if (missing.length > 0) details.push(`not asked what most parties are: ${missing.join(', ')}`);
    if (others.length > 0) details.push(`asked what most parties are not: ${others.join(', ')}`);
    if (details.length === 0) return;
    issues.push({
      code: 'fairness',
      severity: 'warning',
      message: `the post of ${post.spec.date} (${post.spec.interview.party}) differs from the campaign's other posts: ${details.join('; ')}`,
      file: post.file,
      path: ['posts', post.index, 'qa'],
      hint: "so no party looks favoured, give each party's post the same questions (choose the Q&A ids that ask them)",
    });
  });
  return issues;
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}
