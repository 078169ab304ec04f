import type { Dataset } from '../data/load.js';
import { comparePosts } from '../render/post-spec.js';
import { formatNamesInSwedish, type Format } from '../data/schema.js';
import { inBothLanguages, type Issue, type Said } from '../issue.js';
import { isSameQuestion, questionWords } from '../layout/questions.js';
import { formatSwedishDate } from '../slide/slide-context.js';
import type { CampaignFairness, Check, CheckResult } from './check.js';
import { planScheduledPosts } from './scheduled-posts.js';
import type { ScheduledPost } from './scheduled-posts.js';

/** A fairness finding, said in English and Swedish. */
function fairnessIssue(
  where: Pick<Issue, 'severity' | 'path'> & { file: string },
  message: Said,
  hint: Said,
): Issue {
  return {
    code: 'fairness',
    severity: where.severity,
    file: where.file,
    path: where.path,
    ...inBothLanguages(message, hint),
  };
}

/** A format as the data writes it and as the studio names it (its buttons: Kvadrat, Stående, Story). */
function formatNamed(format: Format): Said {
  return { en: format, sv: formatNamesInSwedish[format] };
}

/** A name the data gives, the same in both languages: a theme's. */
function sameInBoth(name: string): Said {
  return { en: name, sv: name };
}

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
    // Each aspect, and each post's value of it as written in the data and as the studio names it.
    for (const [aspect, aspectSv, valueOf] of [
      ['format', 'format', (post: ScheduledPost): Said => formatNamed(post.spec.format)],
      ['theme', 'tema', (post: ScheduledPost): Said => sameInBoth(post.spec.themeName)],
    ] as const) {
      const values = distinct(group.map((post) => valueOf(post).en));
      if (values.length <= 1) continue;
      const uses = values.map((value) => {
        const posts = group.filter((post) => valueOf(post).en === value);
        const parties = posts.map((post) => post.spec.interview.party).join(', ');
        return { en: `${value}: ${parties}`, sv: `${valueOf(posts[0]!).sv}: ${parties}` };
      });
      issues.push(
        fairnessIssue(
          { severity: 'error', file: first.file, path: [aspect] },
          {
            en: `the posts of ${id} do not share one ${aspect} (${listOf(uses, '; ').en})`,
            sv: `inläggen i kampanjen ${id} har inte samma ${aspectSv} (${listOf(uses, '; ').sv})`,
          },
          {
            en: `every party in a campaign gets the same look: give all its posts the campaign's ${aspect}`,
            sv: `alla partier i en kampanj ska se likadana ut: ge alla kampanjens inlägg samma ${aspectSv}`,
          },
        ),
      );
    }

    issues.push(...questionFairnessIssues(group));
    issues.push(...coverFairnessIssues(group));

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
      .map((q) => quoted(q.question, q.id));
    // What the others are asked, as this interview asks it when it does: the id to choose.
    const missing = [...common]
      .filter((cluster) => !own.has(cluster))
      .map((cluster): Said => {
        const words = clusters[cluster]!;
        const here = interview.qa.find((qa) =>
          isSameQuestion(words, questionWords(qa.question, interview.party)),
        );
        if (here !== undefined) return quoted(here.question, here.id);
        const example = quoted(asked.flat().find((q) => q.cluster === cluster)!.question);
        return {
          en: `${example.en} (not in this interview)`,
          sv: `${example.sv} (finns inte i den här intervjun)`,
        };
      });
    const details: Said[] = [];
    if (questions.length !== usualCount) {
      const count = questions.length;
      details.push({
        en: `${count} question${count === 1 ? '' : 's'} where most parties get ${usualCount}`,
        sv: `${count} ${count === 1 ? 'fråga' : 'frågor'} där de flesta partier får ${usualCount}`,
      });
    }
    if (missing.length > 0) {
      details.push({
        en: `not asked what most parties are: ${listOf(missing).en}`,
        sv: `får inte frågor som de flesta partier får: ${listOf(missing).sv}`,
      });
    }
    if (others.length > 0) {
      details.push({
        en: `asked what most parties are not: ${listOf(others).en}`,
        sv: `får frågor som de flesta partier inte får: ${listOf(others).sv}`,
      });
    }
    if (details.length === 0) return;
    const { date } = post.spec;
    issues.push(
      fairnessIssue(
        { severity: 'warning', file: post.file, path: ['posts', post.index, 'qa'] },
        {
          en: `the post of ${date} (${interview.party}) differs from the campaign's other posts: ${listOf(details, '; ').en}`,
          sv: `inlägget den ${formatSwedishDate(date)} (${interview.party}) skiljer sig från kampanjens andra inlägg: ${listOf(details, '; ').sv}`,
        },
        {
          en: "so no party looks favoured, give each party's post the same questions (choose the Q&A ids that ask them)",
          sv: 'så att inget parti ser gynnat ut: ge varje partis inlägg samma frågor (välj id:na för de frågor i intervjun som ställer dem)',
        },
      ),
    );
  });
  return issues;
}

/**
 * Every cover of a campaign quotes its party (`highlight:`), or none does: a cover quoting one
 * party's own words large beside covers that ask the question is a party looking favoured. The
 * posts whose cover differs from most of the campaign's are named (on a tie, those that quote).
 */
export function coverFairnessIssues(group: readonly ScheduledPost[]): Issue[] {
  const quoting = group.filter((post) => post.spec.highlight !== undefined);
  const asking = group.filter((post) => post.spec.highlight === undefined);
  if (quoting.length === 0 || asking.length === 0) return [];
  const odd = quoting.length <= asking.length ? quoting : asking;
  const usual = odd === quoting ? asking : quoting;
  const parties = (posts: readonly ScheduledPost[]): string =>
    posts.map((post) => post.spec.interview.party).join(', ');
  return odd.map((post) => {
    const { date, interview } = post.spec;
    const isQuote = post.spec.highlight !== undefined;
    return fairnessIssue(
      {
        severity: 'warning',
        file: post.file,
        // A cover without a quote has no highlight field to point at: the post itself.
        path: isQuote ? ['posts', post.index, 'highlight'] : ['posts', post.index],
      },
      isQuote
        ? {
            en: `the post of ${date} (${interview.party}) quotes its answer on the cover, where the campaign's other covers ask the question (${parties(usual)})`,
            sv: `inlägget den ${formatSwedishDate(date)} (${interview.party}) citerar sitt svar på omslaget, där kampanjens andra omslag ställer frågan (${parties(usual)})`,
          }
        : {
            en: `the post of ${date} (${interview.party}) asks the question on the cover, where the campaign's other covers quote their parties' answers (${parties(usual)})`,
            sv: `inlägget den ${formatSwedishDate(date)} (${interview.party}) ställer frågan på omslaget, där kampanjens andra omslag citerar partiernas svar (${parties(usual)})`,
          },
      {
        en: 'so no party looks favoured, give every post of the campaign a cover quote (highlight), or none',
        sv: 'så att inget parti ser gynnat ut: ge alla kampanjens inlägg ett omslagscitat, eller inget',
      },
    );
  });
}

/** A question in quotation marks, after its id when it has one: `q2 “…”`, Swedish `q2 ”…”`. */
function quoted(question: string, id?: string): Said {
  const before = id === undefined ? '' : `${id} `;
  return { en: `${before}“${question}”`, sv: `${before}”${question}”` };
}

/** Texts joined in each language. */
function listOf(texts: readonly Said[], separator = ', '): Said {
  return {
    en: texts.map((text) => text.en).join(separator),
    sv: texts.map((text) => text.sv).join(separator),
  };
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}
