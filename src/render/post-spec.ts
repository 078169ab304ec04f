import type { Dataset } from '../data/load.js';
import type { Brand, Campaign, Format, Interview, Post, Theme } from '../data/schema.js';
import { campaignDefaults } from '../data/schema.js';
import { slugify } from '../data/slug.js';
import { InputError } from '../errors.js';
import { formatPath } from '../issue.js';
import type { InSwedish, Issue } from '../issue.js';
import { formatSwedishDate } from '../slide/slide-context.js';

/** One post to make: what PRODUCT.md's campaign schedule says, resolved against the data. */
export interface PostSpec {
  brand: Brand;
  campaign: {
    id: string;
    title: string;
    marker: string;
    subtitle?: string | undefined;
    time: string;
    hashtags: readonly string[];
  };
  themeName: string;
  theme: Theme;
  interview: Interview;
  interviewFile?: string;
  /** Every party of the campaign, so the cover draws all their names at one size. */
  campaignParties?: readonly string[];
  qaIds: readonly string[];
  /** The cover's hook: a passage of a chosen answer (data/highlight.ts); else the first question. */
  highlight?: string | undefined;
  date: string;
  format: Format;
}

/**
 * What a post is made from, as read: the interview and its file, the brand, and the
 * interview's campaign when the data has it (an interview file given on its own may have none).
 */
export interface PostSource {
  brand: Brand;
  brandFile: string;
  interview: Interview;
  interviewFile: string;
  campaign: Campaign | undefined;
  /** Every party of the campaign, so the cover draws all their names at one size. */
  campaignParties: readonly string[];
}

/** What to make of a source; anything left out is the campaign's, as its schedule has it. */
export interface PostChoice {
  /** The Q&As to show, in order; else those the campaign schedules for the interview. */
  qaIds?: readonly string[] | undefined;
  /** The cover's hook; else the scheduled post's, when the Q&As are the scheduled ones. */
  highlight?: string | undefined;
  /** YYYY-MM-DD; else the scheduled post's date, else the day the interview was published. */
  date?: string | undefined;
  /** Another format or theme than the campaign's. */
  format?: Format | undefined;
  theme?: string | undefined;
}

/**
 * The one place a post is resolved, for build, render, check and the preview alike: the chosen
 * (or scheduled) Q&As of an interview, dated, styled and captioned as its campaign says, with
 * the spec's defaults for a campaign the data does not have.
 */
export function resolvePost(source: PostSource, choice: PostChoice = {}): PostSpec {
  const { interview, interviewFile, campaign } = source;
  const themeName = choice.theme ?? campaign?.theme;
  if (themeName === undefined) {
    throw new InputError(
      `${interviewFile}: campaign ${interview.campaign} is not in the data, so there is no theme to use`,
      {
        hint: `add --theme (one of ${Object.keys(source.brand.themes).join(', ')}), or the campaign`,
        sv: {
          message: `${interviewFile}: kampanjen ${interview.campaign} finns inte i datat, så det finns inget tema att rita med`,
          hint: `skapa kampanjen under Kampanjer, eller välj ett tema (${Object.keys(source.brand.themes).join(', ')})`,
        },
      },
    );
  }
  const scheduled = scheduledPostOf(campaign, interview);
  const qaIds = choice.qaIds ?? scheduled?.qa;
  if (qaIds === undefined || qaIds.length === 0) {
    throw new InputError(`${interviewFile}: which Q&As should the carousel show?`, {
      hint: `add --qa with ids among ${interview.qa.map((qa) => qa.id).join(', ')}, e.g. --qa q1,q2`,
      sv: {
        message: `${interviewFile}: vilka frågor ska karusellen visa?`,
        hint: `välj minst en av frågorna ${interview.qa.map((qa) => qa.id).join(', ')}`,
      },
    });
  }
  return {
    brand: source.brand,
    campaign: {
      id: interview.campaign,
      // An interview of no known campaign is still drawn: titled by its campaign's id.
      title: campaign?.title ?? interview.campaign,
      marker: campaign?.marker ?? '',
      subtitle: campaign?.subtitle,
      time: campaign?.time ?? campaignDefaults.time,
      hashtags: campaign?.hashtags ?? [],
    },
    themeName,
    theme: resolveTheme(source.brand, themeName, source.brandFile),
    interview,
    interviewFile,
    campaignParties: source.campaignParties,
    qaIds,
    highlight: choice.highlight ?? (choice.qaIds === undefined ? scheduled?.highlight : undefined),
    date: choice.date ?? scheduled?.date ?? interview.publishedOn,
    format: choice.format ?? campaign?.format ?? campaignDefaults.format,
  };
}

/** Another format or theme than the campaign's, for every post of a build or of the preview. */
export type SpecOverrides = Pick<PostChoice, 'format' | 'theme'>;

/**
 * The theme to draw with, by name; it must exist in brand.yaml. Only the brand's own themes
 * count: `--theme constructor` must not find Object.prototype's.
 */
export function resolveTheme(brand: Brand, name: string, brandFile = 'brand.yaml'): Theme {
  const theme = Object.hasOwn(brand.themes, name) ? brand.themes[name] : undefined;
  if (theme === undefined) {
    throw new InputError(`${brandFile}: themes: no theme named ${name}`, {
      hint: `use one of ${Object.keys(brand.themes).join(', ')}`,
      sv: {
        message: `${brandFile}: themes: det finns inget tema som heter ${name}`,
        hint: `välj ett av ${Object.keys(brand.themes).join(', ')}`,
      },
    });
  }
  return theme;
}

/** An interview of a loaded (valid) dataset, with its campaign: a post can be made of it. */
export function sourceOf(dataset: Dataset, interviewId: string): PostSource {
  const interview = dataset.interviews.find((candidate) => candidate.id === interviewId);
  if (interview === undefined) {
    throw new InputError(`no interview with id ${interviewId} in ${dataset.dir}`, {
      hint: `use one of ${dataset.interviews.map((candidate) => candidate.id).join(', ')}`,
      sv: {
        message: `det finns ingen intervju med id ${interviewId} i ${dataset.dir}`,
        hint: `välj en av ${dataset.interviews.map((candidate) => candidate.id).join(', ')}`,
      },
    });
  }
  return {
    brand: dataset.brand,
    brandFile: dataset.fileOf.brand,
    interview,
    interviewFile: dataset.fileOf.interview(interview.id),
    campaign: dataset.campaigns.find((candidate) => candidate.id === interview.campaign),
    campaignParties: partiesOf(dataset, interview.campaign),
  };
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
  return posts.map((post) => {
    const interview = interviews.get(post.interview);
    if (interview === undefined) {
      throw new InputError(`no interview ${post.interview}`, {
        sv: { message: `det finns ingen intervju ${post.interview}` },
      });
    }
    const source: PostSource = {
      brand: dataset.brand,
      brandFile: dataset.fileOf.brand,
      interview,
      interviewFile: dataset.fileOf.interview(interview.id),
      campaign,
      campaignParties,
    };
    return resolvePost(source, {
      qaIds: post.qa,
      highlight: post.highlight,
      date: post.date,
      ...overrides,
    });
  });
}

/**
 * One collator for every comparison (`localeCompare(…, 'sv')` builds one a call); numbers by
 * their value: Lista 2 before Lista 10, on the contact sheet and in the studio alike.
 */
const swedish = new Intl.Collator('sv', { numeric: true });

/** The order posts are listed and built in: by date, then party (Swedish order) on one day. */
export function comparePosts(
  a: Pick<PostSpec, 'date' | 'interview'>,
  b: Pick<PostSpec, 'date' | 'interview'>,
): number {
  return a.date.localeCompare(b.date) || swedish.compare(a.interview.party, b.interview.party);
}

/** Every scheduled post of a campaign, in date order (then party, for posts on one day). */
export function specsOfCampaign(
  dataset: Dataset,
  campaign: Campaign,
  overrides: SpecOverrides = {},
): PostSpec[] {
  return resolvePosts(dataset, campaign, campaign.posts, overrides).sort(comparePosts);
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

/** A post's id, as in `post.json` and the preview: `<campaign>/<date>-<party>`, its folder in out/. */
export function postIdOf(spec: Pick<PostSpec, 'campaign' | 'date' | 'interview'>): string {
  return `${spec.campaign.id}/${postFolderName(spec.date, spec.interview.party)}`;
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
    const firstAt = formatPath(['posts', first]);
    const clash: Issue & { sv: Required<InSwedish> } = {
      code: 'reference',
      severity: 'error',
      file: dataset.fileOf.campaign(campaign.id),
      path: ['posts', index],
      message: `a second post for ${party} on ${post.date}: ${firstAt} (${firstPost.interview}) goes to the same folder, ${folder}`,
      hint: 'a party gets one post a day: merge the two, or move one to another date',
      // For the studio, whose language is Swedish; the type makes a clash without it an error.
      sv: {
        message: `ett andra inlägg för ${party} den ${formatSwedishDate(post.date)}: ${firstAt} (${firstPost.interview}) hamnar i samma mapp, ${folder}`,
        hint: 'ett parti får ett inlägg om dagen: slå ihop de två, eller flytta det ena till ett annat datum',
      },
    };
    issues.push(clash);
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
