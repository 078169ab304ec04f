import type { Dataset } from '../data/load.js';
import type { Brand, Campaign, Format, Interview, Post } from '../data/schema.js';
import { slugify } from '../data/slug.js';
import { InputError } from '../errors.js';
import { formatPath } from '../issue.js';
import type { Issue } from '../issue.js';
import type { PostSpec } from './render-post.js';

/** Overrides from the command line: another format or theme than the campaign's. */
export interface SpecOverrides {
  format?: Format | undefined;
  theme?: string | undefined;
}

/**
 * The theme to draw with: an override, or the campaign's; it must exist in brand.yaml. Only the
 * brand's own themes count: `--theme constructor` must not find Object.prototype's.
 */
export function resolveTheme(
  brand: Brand,
  name: string,
  brandFile = 'brand.yaml',
): PostSpec['theme'] {
  const theme = Object.hasOwn(brand.themes, name) ? brand.themes[name] : undefined;
  if (theme === undefined) {
    throw new InputError(`${brandFile}: themes: no theme named ${name}`, {
      hint: `use one of ${Object.keys(brand.themes).join(', ')}`,
    });
  }
  return theme;
}

/** A scheduled post of a campaign, resolved against a loaded (valid) dataset. */
export function specOfPost(
  dataset: Dataset,
  campaign: Campaign,
  post: Post,
  overrides: SpecOverrides = {},
): PostSpec {
  return resolvePosts(dataset, campaign, [post], overrides)[0]!;
}

/**
 * Resolves posts of a campaign in one pass: the interviews are looked up by id and the
 * campaign's parties found once, so a campaign of hundreds of posts costs linear time.
 */
function resolvePosts(
  dataset: Dataset,
  campaign: Campaign,
  posts: readonly Post[],
  overrides: SpecOverrides,
): PostSpec[] {
  const interviews = new Map(dataset.interviews.map((interview) => [interview.id, interview]));
  const campaignParties = partiesOf(dataset, campaign.id);
  const themeName = overrides.theme ?? campaign.theme;
  const theme = resolveTheme(dataset.brand, themeName, dataset.fileOf.brand);
  return posts.map((post) => {
    const interview = interviews.get(post.interview);
    if (interview === undefined) throw new InputError(`no interview ${post.interview}`);
    return {
      brand: dataset.brand,
      campaign,
      themeName,
      theme,
      interview,
      interviewFile: dataset.fileOf.interview(interview.id),
      campaignParties,
      qaIds: post.qa,
      date: post.date,
      format: overrides.format ?? campaign.format,
    };
  });
}

/** One collator for every comparison: `localeCompare(…, 'sv')` builds one a call. */
const swedish = new Intl.Collator('sv');

/** Every scheduled post of a campaign, in date order (then party, for posts on one day). */
export function specsOfCampaign(
  dataset: Dataset,
  campaign: Campaign,
  overrides: SpecOverrides = {},
): PostSpec[] {
  return resolvePosts(dataset, campaign, campaign.posts, overrides).sort(
    (a, b) => a.date.localeCompare(b.date) || swedish.compare(a.interview.party, b.interview.party),
  );
}

/** The post a campaign schedules for an interview, if it schedules one. */
export function scheduledPostOf(
  campaign: Campaign | undefined,
  interview: Interview,
): Post | undefined {
  return campaign?.posts.find((post) => post.interview === interview.id);
}

/** The folder name of a post inside its campaign's output: `<date>-<party>`. */
export function postFolderName(date: string, party: string): string {
  return `${date}-${slugify(party)}`;
}

/**
 * Posts of a campaign that would be written to one folder, `<date>-<party>`: the same party,
 * by its slug, twice on one day (two interviews whose party names slugify alike). Each post
 * after the first is an issue naming it: build refuses them, check reports them.
 */
export function findFolderClashes(
  dataset: Pick<Dataset, 'interviews' | 'fileOf'>,
  campaign: Campaign,
): Issue[] {
  const partyOf = new Map(dataset.interviews.map((interview) => [interview.id, interview.party]));
  const firstOf = new Map<string, number>();
  const issues: Issue[] = [];
  campaign.posts.forEach((post, index) => {
    const party = partyOf.get(post.interview);
    if (party === undefined) return; // an unknown interview: the reference check's to report
    const folder = postFolderName(post.date, party);
    const first = firstOf.get(folder);
    if (first === undefined) {
      firstOf.set(folder, index);
      return;
    }
    const firstPost = campaign.posts[first]!;
    issues.push({
      code: 'reference',
      severity: 'error',
      file: dataset.fileOf.campaign(campaign.id),
      path: ['posts', index],
      message: `a second post for ${party} on ${post.date}: ${formatPath(['posts', first])} (${firstPost.interview}) goes to the same folder, ${folder}`,
      hint: 'a party gets one post a day: merge the two, or move one to another date',
    });
  });
  return issues;
}

/** The parties interviewed in a campaign, sorted: the cover draws their names at one size. */
export function partiesOf(dataset: Pick<Dataset, 'interviews'>, campaignId: string): string[] {
  return [
    ...new Set(
      dataset.interviews
        .filter((interview) => interview.campaign === campaignId)
        .map((interview) => interview.party),
    ),
  ].sort();
}
